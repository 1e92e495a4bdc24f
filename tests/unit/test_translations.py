"""The Chinese catalogue is complete and names things as the documents do."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from app.models import vocabulary as v
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
        ("TicketState", "TICKET_STATES", v.TICKET_STATE_ZH),
        ("Urgency", "URGENCIES", v.URGENCY_ZH),
        ("ProjectType", "PROJECT_TYPES", v.PROJECT_TYPE_ZH),
        ("OrgKind", "ORG_KINDS", v.ORG_KIND_ZH),
        ("Role", "ROLES", v.ROLE_ZH),
        ("BuildingPart", "BUILDING_PARTS", v.BUILDING_PART_ZH),
        ("PeriodUnit", "PERIOD_UNITS", v.PERIOD_UNIT_ZH),
        ("LocationKind", "LOCATION_KINDS", v.LOCATION_KIND_ZH),
        ("Channel", "CHANNELS", v.CHANNEL_ZH),
        ("Cause", "CAUSES", v.CAUSE_ZH),
        ("Coverage", "COVERAGES", v.COVERAGE_ZH),
        ("ResponsibleParty", "RESPONSIBLE_PARTIES", v.RESPONSIBLE_PARTY_ZH),
        ("PhotoStage", "PHOTO_STAGES", v.PHOTO_STAGE_ZH),
        ("SignerRole", "SIGNER_ROLES", v.SIGNER_ROLE_ZH),
    ],
)
def test_ui_names_match_document_names(context: str, labels: str, names: dict) -> None:
    from app.views import labels as view_labels

    catalogue = _catalogue()
    table = getattr(view_labels, labels)
    assert set(map(str, table)) == set(map(str, (c.value for c in names)))
    for code, source in table.items():
        assert catalogue[(context, source)][1] == names[type(next(iter(names)))(code)]
