"""The Chinese catalogue is complete and names things as the documents do."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from app.models.vocabulary import PROJECT_TYPE_ZH, TICKET_STATE_ZH, URGENCY_ZH
from app.resource_locator import translations_dir

TS = translations_dir() / "warrantydesk_zh_CN.ts"


def _catalogue() -> dict[tuple[str, str], str]:
    entries = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = translation.findtext("numerusform") if message.get("numerus") == "yes" else translation.text
            entries[(name, message.findtext("source"))] = (translation.get("type"), text)
    return entries


def test_every_string_is_translated() -> None:
    unfinished = [key for key, (kind, text) in _catalogue().items() if kind or not text]
    assert unfinished == []


@pytest.mark.parametrize(
    ("context", "labels", "names"),
    [
        ("TicketState", "TICKET_STATES", TICKET_STATE_ZH),
        ("Urgency", "URGENCIES", URGENCY_ZH),
        ("ProjectType", "PROJECT_TYPES", PROJECT_TYPE_ZH),
    ],
)
def test_ui_names_match_document_names(context: str, labels: str, names: dict) -> None:
    from app.views import labels as view_labels

    catalogue = _catalogue()
    for code, source in getattr(view_labels, labels).items():
        assert catalogue[(context, source)][1] == names[type(next(iter(names)))(code)]
