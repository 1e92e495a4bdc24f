"""The 报表 page: a 绩效 tab (the KPI table) and a 报告 tab that makes the monthly and
quarterly summaries and the annual white paper as PDF, previewed or saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.views.document_preview_dialog import DocumentPreviewDialog
from app.views.kpi_page import MONTH, QUARTER, YEAR, KpiPage, PeriodChooser

# (report kind, the period it covers, English name)
REPORT_KINDS = (
    ("monthly", MONTH, QT_TRANSLATE_NOOP("ReportPanel", "Monthly summary")),
    ("quarterly", QUARTER, QT_TRANSLATE_NOOP("ReportPanel", "Quarterly summary")),
    ("annual", YEAR, QT_TRANSLATE_NOOP("ReportPanel", "Annual white paper")),
)
# What each report holds (the builders in app.documents.reports decide; this only tells).
REPORT_CONTENTS = {
    "monthly": QT_TRANSLATE_NOOP("ReportPanel", "Totals against last month and last year, trends, top categories, locations, subcontractors, SLA, satisfaction, suggestions."),
    "quarterly": QT_TRANSLATE_NOOP("ReportPanel", "The monthly sections over the quarter, against the last quarter and the same quarter last year."),
    "annual": QT_TRANSLATE_NOOP("ReportPanel", "Cover, contents, the year in figures, year over year, typical cases, escalations and retrospectives, suggestions."),
}
PageRenderer = Callable[[int, float], QImage]


class ReportPanel(QWidget):
    """Choose a report and its period; 生成 previews it, 另存为 PDF saves it without a look."""

    previewRequested = Signal(str, int, int)  # report kind, year, month or quarter (1 for a year)
    saveRequested = Signal(str, int, int, str)  # … and the chosen path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPanel")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("reportKind")
        for kind, _period_kind, text in REPORT_KINDS:
            self.kind_combo.addItem(QCoreApplication.translate("ReportPanel", text), kind)
        self.period_chooser = PeriodChooser()
        self.period_chooser.set_kind_fixed(MONTH)
        self.contents_label = QLabel()
        self.contents_label.setObjectName("reportContents")
        self.contents_label.setWordWrap(True)
        self.contents_label.setMaximumWidth(560)
        self.contents_label.setStyleSheet("color: #5f6b7a;")
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setObjectName("generateReport")
        self.generate_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("saveReport")
        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.progress.setRange(0, 0)  # busy: the builder reports no steps
        self.progress.setMaximumWidth(180)
        self.progress.setVisible(False)
        self.status_label = QLabel()
        self.status_label.setObjectName("reportStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        title = QLabel(self.tr("Reports"))
        title.setObjectName("pageTitle")
        self.kind_combo.setMinimumContentsLength(10)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Report"), self.kind_combo)
        form.addRow(self.tr("Period"), self.period_chooser)
        form.addRow("", self.contents_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.progress)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.generate_button.clicked.connect(self._generate)
        self.save_button.clicked.connect(self._ask_save)
        self._file_name: Callable[[str, int, int], str] = lambda kind, year, part: f"{kind}.pdf"
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.period_chooser.set_kind_fixed(dict((k, p) for k, p, _t in REPORT_KINDS)[kind])
        self.contents_label.setText(QCoreApplication.translate("ReportPanel", REPORT_CONTENTS[kind]))

    # -- the choices -------------------------------------------------------------------------
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def selection(self) -> tuple[str, int, int]:
        """(report kind, year, month or quarter)."""
        _period_kind, year, part = self.period_chooser.selection()
        return self.kind(), year, part

    def set_selection(self, kind: str, year: int, part: int = 1) -> None:
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        period_kind = dict((k, p) for k, p, _t in REPORT_KINDS)[self.kind()]
        self.period_chooser.set_selection(period_kind, year, part)

    def set_file_namer(self, namer: Callable[[str, int, int], str]) -> None:
        """How the save dialog names the file (the controller knows the report's title)."""
        self._file_name = namer

    def _generate(self) -> None:
        self.previewRequested.emit(*self.selection())

    def _ask_save(self) -> None:
        kind, year, part = self.selection()
        path = self.ask_save_path(self._file_name(kind, year, part))
        if path:
            self.saveRequested.emit(kind, year, part, path)

    def ask_save_path(self, file_name: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save report as PDF"), file_name, self.tr("PDF files (*.pdf)"))
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path

    # -- progress and result -----------------------------------------------------------------
    def show_busy(self, text: str) -> None:
        self.generate_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.progress.setVisible(True)
        self.status_label.setText(text)

    def show_done(self, text: str) -> None:
        self.generate_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.progress.setVisible(False)
        self.status_label.setText(text)

    def show_preview(self, title: str, sizes: list[tuple[float, float]], render: PageRenderer,
                     file_name: str) -> DocumentPreviewDialog:
        """Open the print preview on the report's pages (printing and 另存为 PDF in it)."""
        dialog = DocumentPreviewDialog(self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show_document(title, "", sizes, render, file_name)
        dialog.code_label.setVisible(False)  # a report carries no verification code
        dialog.show()
        return dialog


class ReportsPage(QWidget):
    """The 报表 navigation page: the 绩效 tab and the 报告 tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self.kpi = KpiPage()
        self.report = ReportPanel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportsTabs")
        self.tabs.addTab(self.kpi, self.tr("KPIs"))
        self.tabs.addTab(self.report, self.tr("Reports"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
