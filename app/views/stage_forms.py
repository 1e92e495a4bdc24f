"""The forms of each stage of a ticket: diagnosis, not-covered ruling, plan, work log,
acceptance, follow-up, and the side actions (assign, pause, comment, cancel, reopen).

Pick lists come as `choices` (app.models.ticket_detail.FormChoices: categories,
subcontractors, owners as (id, name) pairs).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.views import labels
from app.views.photo_drop_zone import PhotoDropZone
from app.views.signature_pad import SignaturePad
from app.views.stage_form import (
    StageForm,
    check_field,
    combo_field,
    datetime_field,
    message_label,
    number_field,
    score_field,
    text_field,
)


def _choices(table: dict, label) -> list[tuple[Any, str]]:
    return [(code, label(code)) for code in table]


class AssignmentForm(StageForm):
    def __init__(self, choices: Any) -> None:
        super().__init__("assign")
        self.set_heading(self.tr("Owner"),
                         self.tr("One responsible owner from intake to acceptance; "
                                      "a change of owner needs a reason."))
        self.add_field(self.tr("Owner"), combo_field("owner_id", choices.owners, self.tr("(choose)")))
        self.add_field(self.tr("Reason"), text_field("reason", self.tr("e.g. on leave, closer to site")))
        self.add_action("assign_owner", self.tr("Assign"))
        self.add_action("take", self.tr("Take ticket"), "Ctrl+Return", primary=True)
        self.mark_clean()


class DiagnosisForm(StageForm):
    def __init__(self, choices: Any) -> None:
        super().__init__("diagnose")
        self.set_heading(self.tr("Diagnosis"),
                         self.tr("Cause, defect category and building part decide the warranty "
                                      "verdict."))
        self.add_field(self.tr("Cause"), combo_field("cause", _choices(labels.CAUSES, labels.cause_label),
                                                          self.tr("(choose)")))
        self.add_field(self.tr("Defect category"),
                       combo_field("defect_category_id", choices.categories, self.tr("(choose)")))
        self.add_field(self.tr("Building part"),
                       combo_field("building_part", _choices(labels.BUILDING_PARTS, labels.building_part_label),
                                   self.tr("(choose)")))
        self.add_field(self.tr("Structural safety"),
                       check_field("structural_safety", self.tr("Affects structural safety")))
        self.add_field(self.tr("Responsible party"),
                       combo_field("responsible_party",
                                   _choices(labels.RESPONSIBLE_PARTIES, labels.responsible_party_label),
                                   self.tr("(choose)")))
        self.add_field(self.tr("Subcontractor"),
                       combo_field("responsible_org_id", choices.subcontractors, self.tr("(none)")))
        sop = QLabel(choices.sop_hint or self.tr("No work instruction suggested for this category yet."))
        sop.setObjectName("sopSuggestion")
        sop.setWordWrap(True)
        self.add_widget(self.tr("Work instruction"), sop)
        self.add_action("record_arrival", self.tr("Record arrival on site"))
        self.add_action("diagnose", self.tr("Complete diagnosis"), "Ctrl+Return", primary=True)
        self.mark_clean()


class NotCoveredForm(StageForm):
    def __init__(self) -> None:
        super().__init__("not_covered")
        self.set_heading(self.tr("Not covered"),
                         self.tr("Approved by the project manager; the owner receives a written "
                                      "notice with the reason."))
        self.add_field(self.tr("Reason"), text_field("not_covered_reason", multiline=True))
        self.add_field("", check_field("paid_repair_offered", self.tr("Offer a paid repair")))
        self.add_action("rule_not_covered", self.tr("Rule not covered"))
        self.mark_clean()


class MaterialsTable(QWidget):
    """The plan's materials: name, specification, quantity, unit; rows added and removed."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("materials")
        self.table.setHorizontalHeaderLabels([self.tr("Material"), self.tr("Specification"),
                                              self.tr("Quantity"), self.tr("Unit")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 4)
        add = QPushButton(self.tr("Add material"))
        add.setObjectName("addMaterial")
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("removeMaterial")
        add.clicked.connect(lambda: self.add_row())
        remove.clicked.connect(self._remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.message = message_label()
        layout.addWidget(self.message)
        self._clean: list[tuple] = []

    def add_row(self, name: str = "", spec: str = "", quantity: float | str = "", unit: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate((name, spec, "" if quantity == "" else f"{float(quantity):g}", unit)):
            self.table.setItem(row, column, QTableWidgetItem(str(value)))
        if not name:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def _remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def set_lines(self, lines: list[tuple[str, str, float, str]]) -> None:
        self.table.setRowCount(0)
        for name, spec, quantity, unit in lines:
            self.add_row(name, spec, quantity, unit)
        self._clean = self.raw()

    def raw(self) -> list[tuple[str, ...]]:
        rows = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c).text().strip() if self.table.item(row, c) else ""
                     for c in range(self.COLUMNS)]
            if any(cells):
                rows.append(tuple(cells))
        return rows

    def lines(self) -> list[tuple[str, str, str, str]]:
        """(name, spec, quantity text, unit); the controller parses and reports bad numbers."""
        return self.raw()

    def is_dirty(self) -> bool:
        return self.raw() != self._clean


class PlanForm(StageForm):
    def __init__(self, choices: Any) -> None:
        super().__init__("plan")
        self.set_heading(self.tr("Repair plan"),
                         self.tr("People, estimated duration and safety measures are required "
                                      "before the repair starts."))
        self.add_field(self.tr("People"), text_field("plan_people", self.tr("e.g. 王师傅、刘师傅")))
        self.add_field(self.tr("Estimated duration"),
                       number_field("plan_duration_hours", 0, 2000, 1, self.tr(" hours")))
        self.add_field(self.tr("Safety measures"), text_field("plan_safety_measures", multiline=True))
        self.add_field(self.tr("Appointment"), datetime_field("plan_appointment_at", optional=True))
        self.add_field(self.tr("Work instruction"), text_field("plan_sop_ref", choices.sop_hint))
        self.add_field("", check_field("plan_by_design_unit",
                                       self.tr("Repair plan issued by the design unit")))
        materials = MaterialsTable()
        self.materials = materials  # type: ignore[attr-defined]
        self.add_widget(self.tr("Materials"), materials)
        self.add_values(lambda: {"materials": materials.lines()})
        self.add_dirty_check(materials.is_dirty)
        self.route_messages(["materials"], materials.message)
        materials.table.itemChanged.connect(lambda *_: self.valuesEdited.emit())
        self.add_action("save_plan", self.tr("Save plan"), "Ctrl+S")
        self.add_action("start_repair", self.tr("Start repair"), "Ctrl+Return", primary=True)
        self.mark_clean()


def _photo_stage_picker(form: StageForm, stages: list[str], default: str) -> QButtonGroup:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(row)
    for stage in stages:
        radio = QRadioButton(labels.photo_stage_label(stage))
        radio.setObjectName(f"photoStage_{stage}")
        radio.setProperty("stage", stage)
        radio.setChecked(stage == default)
        group.addButton(radio)
        layout.addWidget(radio)
    layout.addStretch(1)
    form.add_widget(QCoreApplication.translate("WorkLogForm", "Photos taken"), row)
    return group


class WorkLogForm(StageForm):
    def __init__(self) -> None:
        super().__init__("work_log")
        self.set_heading(self.tr("Repair work"),
                         self.tr("Log each stretch of work with photos; acceptance needs at least "
                                      "one work log and one after-repair photo."))
        self.add_field(self.tr("Started"), datetime_field("started_at"))
        self.add_field(self.tr("Ended"), datetime_field("ended_at", optional=True))
        self.add_field(self.tr("People"), text_field("people"))
        self.add_field(self.tr("Work done"), text_field("description", multiline=True))
        self.add_field(self.tr("Materials used"), text_field("materials_used"))
        stage = _photo_stage_picker(self, ["during", "after"], "after")
        photos = PhotoDropZone()
        photos.setObjectName("workPhotos")
        self.photos = photos  # type: ignore[attr-defined]
        self.add_widget(self.tr("Photos"), photos)
        self.add_values(lambda: {"photos": photos.files(),
                                 "photo_stage": stage.checkedButton().property("stage")})
        self.add_dirty_check(lambda: bool(photos.files()))
        photo_message = message_label()
        self.add_widget("", photo_message)
        self.route_messages(["photos", "work_logs", "attachments"], photo_message)
        photos.filesChanged.connect(self.valuesEdited.emit)
        self.add_action("log_work", self.tr("Save work log"), "Ctrl+S")
        self.add_action("submit_for_acceptance", self.tr("Repair done: request acceptance"),
                        "Ctrl+Return", primary=True)
        self.mark_clean()


class AcceptanceForm(StageForm):
    def __init__(self) -> None:
        super().__init__("acceptance")
        self.set_heading(self.tr("Acceptance"),
                         self.tr("The owner checks the repair, signs and scores it. A failed "
                                      "acceptance goes back to repair as rework."))
        result = QWidget()
        row = QHBoxLayout(result)
        row.setContentsMargins(0, 0, 0, 0)
        passed = QRadioButton(self.tr("Passed"))
        passed.setObjectName("acceptPassed")
        failed = QRadioButton(self.tr("Failed"))
        failed.setObjectName("acceptFailed")
        passed.setChecked(True)
        row.addWidget(passed)
        row.addWidget(failed)
        row.addStretch(1)
        self.add_widget(self.tr("Result"), result)
        self.add_field(self.tr("Signed by"), text_field("signer_name", self.tr("the owner's name")))
        pad = SignaturePad()
        pad.setObjectName("signaturePad")
        pad.setMinimumHeight(160)
        self.pad = pad  # type: ignore[attr-defined]
        scanned: dict[str, Path | None] = {"path": None}
        scan_row = QWidget()
        scan_layout = QHBoxLayout(scan_row)
        scan_layout.setContentsMargins(0, 0, 0, 0)
        choose = QPushButton(self.tr("Attach scanned signed form…"))
        choose.setObjectName("chooseScan")
        scan_name = QLabel()
        scan_name.setObjectName("scanName")
        scan_layout.addWidget(choose)
        scan_layout.addWidget(scan_name, 1)
        pad_box = QWidget()
        pad_layout = QVBoxLayout(pad_box)
        pad_layout.setContentsMargins(0, 0, 0, 0)
        pad_layout.addWidget(pad)
        pad_layout.addWidget(scan_row)
        signature_message = message_label()
        pad_layout.addWidget(signature_message)
        self.route_messages(["signature", "image", "signer_role", "method"], signature_message)
        self.add_widget(self.tr("Owner's signature"), pad_box)

        def choose_scan() -> None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Scanned signed form"), "",
                self.tr("Images and PDF (*.jpg *.jpeg *.png *.pdf)"))
            if path:
                set_scan(Path(path))

        def set_scan(path: Path | None) -> None:
            scanned["path"] = path
            scan_name.setText(path.name if path else "")
            self.valuesEdited.emit()

        self.set_scan = set_scan  # type: ignore[attr-defined]
        choose.clicked.connect(choose_scan)
        self.add_field(self.tr("Satisfaction"), score_field("satisfaction"))
        self.add_field(self.tr("Owner's comment"), text_field("satisfaction_comment"))
        self.add_field(self.tr("Why it failed"), text_field("reason", multiline=True))

        def signature_values() -> dict[str, Any]:
            png = pad.to_png() if pad.has_enough_ink() else None
            return {"passed": passed.isChecked(), "signature_png": png, "scan_path": scanned["path"]}

        self.add_values(signature_values)
        self.add_dirty_check(lambda: not pad.is_empty() or scanned["path"] is not None)
        pad.changed.connect(self.valuesEdited.emit)
        accept = self.add_action("accept", self.tr("Acceptance passed"), "Ctrl+Return", primary=True)
        reject = self.add_action("reject", self.tr("Acceptance failed: back to repair"))

        def show_result() -> None:
            ok = passed.isChecked()
            for name in ("signer_name", "satisfaction", "satisfaction_comment"):
                self.set_row_visible(self.fields[name].widget, ok)
            self.set_row_visible(pad_box, ok)
            self.set_row_visible(self.fields["reason"].widget, not ok)
            accept.setVisible(ok)
            reject.setVisible(not ok)
            self.valuesEdited.emit()

        passed.toggled.connect(lambda _checked: show_result())
        show_result()
        self.mark_clean()


class FollowUpForm(StageForm):
    def __init__(self) -> None:
        super().__init__("follow_up")
        self.set_heading(self.tr("Follow-up"),
                         self.tr("Call or visit the owner after the repair; archiving needs the "
                                      "follow-up result."))
        self.add_field(self.tr("Result"), text_field("follow_up_result", multiline=True))
        self.add_action("record_follow_up", self.tr("Save follow-up"), "Ctrl+S")
        self.add_action("archive", self.tr("Archive"), "Ctrl+Return", primary=True)
        self.mark_clean()


# Forms that ask only for a text: (key, action, title, hint, button, placeholder, field).
_REASON_FORMS = [
    ("pause", "pause_timer", QT_TRANSLATE_NOOP("ReasonForm", "Pause the timers"),
     QT_TRANSLATE_NOOP("ReasonForm", "While waiting for the owner (not at home, no access) the "
                       "timers stop; the pause is logged."),
     QT_TRANSLATE_NOOP("ReasonForm", "Pause timers"),
     QT_TRANSLATE_NOOP("ReasonForm", "e.g. owner not at home"), "reason"),
    ("resume", "resume_timer", QT_TRANSLATE_NOOP("ReasonForm", "Resume the timers"), "",
     QT_TRANSLATE_NOOP("ReasonForm", "Resume timers"), "", "note"),
    ("comment", "comment", QT_TRANSLATE_NOOP("ReasonForm", "Comment"), "",
     QT_TRANSLATE_NOOP("ReasonForm", "Add comment"), "", "text"),
    ("cancel", "cancel", QT_TRANSLATE_NOOP("ReasonForm", "Cancel the request"),
     QT_TRANSLATE_NOOP("ReasonForm", "Only before the repair starts; nothing is deleted."),
     QT_TRANSLATE_NOOP("ReasonForm", "Cancel request"), "", "reason"),
    ("reopen", "reopen", QT_TRANSLATE_NOOP("ReasonForm", "Reopen"),
     QT_TRANSLATE_NOOP("ReasonForm", "An archived ticket goes back to repair; this counts as "
                       "rework."),
     QT_TRANSLATE_NOOP("ReasonForm", "Reopen ticket"), "", "reason"),
]


class ReasonForm(StageForm):
    """A form that asks only for a reason or a text: pause, resume, comment, cancel, reopen."""

    def __init__(self, key: str, action: str, title: str, hint: str, button: str, placeholder: str,
                 name: str) -> None:
        super().__init__(key)

        def tr(text: str) -> str:
            return QCoreApplication.translate("ReasonForm", text) if text else ""

        self.set_heading(tr(title), tr(hint))
        label = {"reason": self.tr("Reason"), "note": self.tr("Note"), "text": self.tr("Text")}[name]
        self.add_field(label, text_field(name, tr(placeholder), multiline=name != "note"))
        self.add_action(action, tr(button))
        self.mark_clean()


def side_forms() -> list[StageForm]:
    """The forms any ticket may show besides its stage form (each shown when allowed)."""
    return [ReasonForm(*spec) for spec in _REASON_FORMS]




def ticket_forms(choices: Any) -> list[StageForm]:
    """Every form a ticket detail window can show (the controller picks which, per state)."""
    return [
        AssignmentForm(choices), DiagnosisForm(choices), NotCoveredForm(), PlanForm(choices),
        WorkLogForm(), AcceptanceForm(), FollowUpForm(), *side_forms(),
    ]
