"""The 知识库 page's 典型案例 tab (search, list, a case with photos) and the publishing dialog."""

from __future__ import annotations

import html
import uuid
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.models.escalation_terms import CaseData, CaseDetail, CaseRow
from app.views.master_form_support import ProblemLabel
from app.views.retro_labels import local_text
from app.views.stage_form import find_data

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PHOTO = QSize(220, 165)


class CaseLibraryPage(QWidget):
    """Lays out the knowledge base; CaseLibraryController searches and fills it."""

    shown = Signal()
    searchChanged = Signal(str)  # the typed text (the controller waits for a pause in typing)
    categoryCleared = Signal()
    caseSelected = Signal(object)  # case id or None
    meetingActivated = Signal(object)  # the meeting a case came from

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseLibraryPage")
        title = QLabel(self.tr("Knowledge base"))
        title.setObjectName("pageTitle")
        self.tabs = QTabWidget(objectName="knowledgeTabs")
        self.tabs.addTab(self._cases_tab(), self.tr("Typical cases"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._photo_items: dict[str, list[QListWidgetItem]] = {}
        self._meeting_id: uuid.UUID | None = None
        self.show_case(None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def _cases_tab(self) -> QWidget:
        self.search_edit = QLineEdit(objectName="caseSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search cases: e.g. 渗水, 开裂 (two characters "
                                                    "are enough; words separated by spaces)"))
        self.search_edit.textChanged.connect(self.searchChanged.emit)
        self.category_label = QLabel(objectName="caseCategoryFilter")
        self.category_label.setObjectName("stageHint")
        self.category_clear = QPushButton(self.tr("Show all"), objectName="caseCategoryClear")
        self.category_clear.clicked.connect(self.categoryCleared.emit)
        self.result_label = QLabel(objectName="caseResultCount")
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 3)
        search_row.addWidget(self.category_label)
        search_row.addWidget(self.category_clear)
        search_row.addWidget(self.result_label)
        self.set_category_filter("")

        self.case_table = QTableWidget(0, 5, objectName="caseTable")
        self.case_table.setHorizontalHeaderLabels([
            self.tr("Number"), self.tr("Title"), self.tr("Defect category"), self.tr("Project"),
            self.tr("Published")])
        self.case_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.case_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.case_table.verticalHeader().setVisible(False)
        self.case_table.setWordWrap(False)
        header = self.case_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        char = self.fontMetrics().horizontalAdvance("中")
        for column, width in ((0, 9), (2, 5), (3, 7), (4, 8)):
            self.case_table.setColumnWidth(column, width * char + 12)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.case_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.case_table.currentCellChanged.connect(lambda *_: self.caseSelected.emit(self.selected_case()))

        self.case_title = QLabel(objectName="caseTitle")
        self.case_title.setObjectName("sectionTitle")
        self.case_title.setWordWrap(True)
        self.case_text = QTextBrowser(objectName="caseText")
        self.case_text.setOpenLinks(False)
        self.case_text.anchorClicked.connect(lambda _url: self.meetingActivated.emit(self._meeting_id))
        self.photo_list = QListWidget(objectName="casePhotos")
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setIconSize(PHOTO)
        self.photo_list.setFlow(QListView.Flow.LeftToRight)
        self.photo_list.setWrapping(False)
        self.photo_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.photo_list.setFixedHeight(PHOTO.height() + 56)
        self.photo_list.setMovement(QListView.Movement.Static)
        self.photo_list.setGridSize(QSize(PHOTO.width() + 16, PHOTO.height() + 48))
        self.photo_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.case_title)
        column.addWidget(self.case_text, 1)
        column.addWidget(self.photo_list)

        splitter = QSplitter()
        splitter.addWidget(self.case_table)
        splitter.addWidget(detail)
        splitter.setSizes([560, 700])
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(search_row)
        layout.addWidget(splitter, 1)
        return page

    # -- filling --------------------------------------------------------------------------------
    def set_category_filter(self, name: str) -> None:
        """Cases of one defect category (opened from a ticket); empty: the search decides."""
        self.category_label.setText(self.tr("Same category as the ticket: %1").replace("%1", name))
        self.category_label.setVisible(bool(name))
        self.category_clear.setVisible(bool(name))

    def set_cases(self, rows: list[CaseRow], select: uuid.UUID | None = None) -> None:
        table = self.case_table
        keep = select or self.selected_case()
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values = [row.number, row.title, row.category, row.project_name, local_text(row.published_at)]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row.id)
                item.setToolTip(row.excerpt)
                table.setItem(index, column, item)
        target = next((i for i in range(len(rows)) if rows[i].id == keep), 0 if rows else -1)
        table.setCurrentCell(target, 0 if target >= 0 else -1)
        table.blockSignals(False)
        self.result_label.setText(self.tr("%1 cases").replace("%1", str(len(rows))))
        self.caseSelected.emit(self.selected_case())

    def show_no_search(self, message: str) -> None:
        """Say why nothing is searched yet (never a silent empty list)."""
        self.result_label.setText(message)

    def selected_case(self) -> uuid.UUID | None:
        row = self.case_table.currentRow()
        item = self.case_table.item(row, 0) if row >= 0 else None
        return item.data(ID_ROLE) if item is not None else None

    def show_case(self, case: CaseDetail | None) -> None:
        self.photo_list.clear()
        self._photo_items = {}
        if case is None:
            self._meeting_id = None
            self.case_title.setText(self.tr("Choose a case"))
            self.case_text.clear()
            self.photo_list.hide()
            return
        self._meeting_id = case.meeting_id
        row = case.row
        self.case_title.setText(f"{row.number}  {row.title}")
        section = lambda title, text: (  # noqa: E731
            f"<h3>{html.escape(title)}</h3><p>{html.escape(text).replace(chr(10), '<br>')}</p>"
            if text else "")
        source = ""
        if case.meeting_number:
            came_from = self.tr("From the retrospective meeting %1")
            link = f"<a href='meeting'>{html.escape(case.meeting_number)}</a>"
            source = f"<p>{html.escape(came_from).replace('%1', link)}</p>"
        facts = " · ".join(p for p in (row.category, row.project_name,
                                       self.tr("published %1 by %2").replace("%1", local_text(row.published_at))
                                       .replace("%2", row.published_by)) if p)
        self.case_text.setHtml(
            f"<p style='color:#5f6b7a'>{html.escape(facts)}</p>"
            + section(self.tr("Problem"), case.problem) + section(self.tr("Cause"), case.cause)
            + section(self.tr("Solution"), case.solution) + source)
        for photo in case.photos:
            item = QListWidgetItem(f"{photo.ticket_number}\n{photo.caption}".strip())
            item.setData(ID_ROLE, photo.sha256)
            item.setToolTip(photo.caption or photo.ticket_number)
            self.photo_list.addItem(item)
            # The same file may be a photo of several tickets: one decode shows it everywhere.
            self._photo_items.setdefault(photo.sha256, []).append(item)
        self.photo_list.setVisible(bool(case.photos))

    def set_photo(self, sha256: str, image: QImage) -> None:
        """A photo decoded off the GUI thread arrives (a null image: 无法预览)."""
        for item in self._photo_items.get(sha256, []):
            if image.isNull():
                item.setText(item.text() + "\n" + self.tr("(no preview)"))
            else:
                item.setIcon(QIcon(QPixmap.fromImage(image)))


class PublishCaseDialog(QDialog):
    """发布为典型案例: the case prefilled from the closed meeting, edited before publishing."""

    publishRequested = Signal(object)  # CaseData

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishCaseDialog")
        self.setWindowTitle(self.tr("Publish as typical case"))
        self.resize(820, 680)
        self.title_edit = QLineEdit(objectName="caseTitleEdit")
        self.category_combo = QComboBox(objectName="caseCategoryEdit")
        self.problem_edit = QPlainTextEdit(objectName="caseProblemEdit")
        self.cause_edit = QPlainTextEdit(objectName="caseCauseEdit")
        self.solution_edit = QPlainTextEdit(objectName="caseSolutionEdit")
        for edit in (self.problem_edit, self.cause_edit, self.solution_edit):
            edit.setTabChangesFocus(True)
        self.photo_list = QListWidget(objectName="casePhotoChoice")
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(120, 90))
        self.photo_list.setFixedHeight(150)
        self.photo_list.setMovement(QListView.Movement.Static)
        self.problems: dict[str, ProblemLabel] = {}
        form = QFormLayout()
        for label, name, widget in (
            (self.tr("Title"), "title", self.title_edit),
            (self.tr("Defect category"), "defect_category", self.category_combo),
            (self.tr("Problem"), "problem", self.problem_edit),
            (self.tr("Cause"), "cause", self.cause_edit),
            (self.tr("Solution"), "solution", self.solution_edit),
            (self.tr("Photos (ticked are published)"), "photos", self.photo_list),
        ):
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(widget)
            problem = ProblemLabel()
            problem.setObjectName(f"caseProblem_{name}")
            self.problems[name] = problem
            box.addWidget(problem)
            form.addRow(label, holder)
        self.message = ProblemLabel()
        self.buttons = QDialogButtonBox()
        self.publish_button = self.buttons.addButton(self.tr("Publish"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.publish_button.setObjectName("publishCaseButton")
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("publishCaseCancel")
        self.buttons.accepted.connect(lambda: self.publishRequested.emit(self.values()))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._photos: dict[str, list[QListWidgetItem]] = {}

    def set_values(self, data: CaseData, categories: list[tuple[uuid.UUID, str]],
                   photos: list[tuple[uuid.UUID, str, str]]) -> None:
        """The prefilled case; `photos` are (attachment id, sha256, caption) of the tickets."""
        self.title_edit.setText(data.title)
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("— none —"), None)
        for category_id, name in categories:
            self.category_combo.addItem(name, category_id)
        self.category_combo.setCurrentIndex(max(0, find_data(self.category_combo, data.defect_category_id)))
        self.problem_edit.setPlainText(data.problem)
        self.cause_edit.setPlainText(data.cause)
        self.solution_edit.setPlainText(data.solution)
        self.photo_list.clear()
        self._photos = {}
        for attachment_id, sha256, caption in photos:
            item = QListWidgetItem(caption)
            item.setData(ID_ROLE, attachment_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if attachment_id in data.photo_ids
                               else Qt.CheckState.Unchecked)
            item.setSizeHint(QSize(140, 130))
            self.photo_list.addItem(item)
            self._photos.setdefault(sha256, []).append(item)
        self.show_problems([])

    def done(self, result: int) -> None:
        self._photos = {}  # the items go with the dialog; late thumbnails are dropped
        super().done(result)

    def set_photo(self, sha256: str, image: QImage) -> None:
        for item in self._photos.get(sha256, []):
            if not image.isNull():
                item.setIcon(QIcon(QPixmap.fromImage(image)))

    def values(self) -> CaseData:
        photo_ids: list[Any] = [self.photo_list.item(i).data(ID_ROLE) for i in range(self.photo_list.count())
                                if self.photo_list.item(i).checkState() == Qt.CheckState.Checked]
        return CaseData(
            title=self.title_edit.text().strip(),
            problem=self.problem_edit.toPlainText().strip(),
            cause=self.cause_edit.toPlainText().strip(),
            solution=self.solution_edit.toPlainText().strip(),
            defect_category_id=self.category_combo.currentData(),
            photo_ids=photo_ids,
        )

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        by_field: dict[str, list[str]] = {}
        general = []
        for name, message in problems:
            key = "defect_category" if name.startswith("defect_category") else name
            if key in self.problems:
                by_field.setdefault(key, []).append(message)
            else:
                general.append(message)
        for key, label in self.problems.items():
            label.show_message("\n".join(by_field.get(key, [])))
        self.message.show_message("\n".join(general))
