"""Phone numbers as Chinese clerks write them: mobile, landline with area code, hotlines."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-－—()（）]")
_MOBILE = re.compile(r"(?:\+?86)?1[3-9]\d{9}")
# Area code 0 + 2–3 digits, then a 7–8 digit number, an optional extension (转123).
_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}(?:(?:转|ext\.?|#)\d{1,6})?", re.IGNORECASE)
_SERVICE = re.compile(r"(?:400|800)\d{7}|9\d{4}")  # 400/800 hotlines, 95xxx short numbers


def normalize_phone(text: str) -> str:
    """The number without spaces, dashes or brackets (as stored and searched)."""
    return _SEPARATORS.sub("", text.strip())


def phone_problem(text: str) -> str | None:
    """Why `text` is not a phone number one can call back, or None when it is (or is blank)."""
    number = normalize_phone(text)
    if not number:
        return None
    if _MOBILE.fullmatch(number) or _LANDLINE.fullmatch(number) or _SERVICE.fullmatch(number):
        return None
    if number.isdigit() and number.startswith("1"):
        return f"联系电话“{text.strip()}”不是有效的手机号：手机号为 1 开头的 11 位数字"
    return f"联系电话“{text.strip()}”格式不正确：请填写 11 位手机号，或带区号的固定电话（如 0531-88886666）"
