"""Registers the bundled CJK font with ReportLab and matplotlib (Qt's side is in views)."""

from __future__ import annotations

from functools import cache

from app.resource_locator import FONT_NAME, font_path


@cache
def register_reportlab_font() -> str:
    """Register the TrueType CJK font with ReportLab once; returns its font name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=0))
    return FONT_NAME


@cache
def configure_matplotlib() -> str:
    """Make matplotlib draw Chinese with the bundled font; returns the family name."""
    import matplotlib
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(font_path()))
    family = font_manager.FontProperties(fname=str(font_path())).get_name()
    matplotlib.rcParams["font.family"] = [family]
    matplotlib.rcParams["font.sans-serif"] = [family]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return family
