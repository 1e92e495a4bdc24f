"""Print preview of a form (page images), printing, 另存为PDF, and the documents' dialog factory."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

PageRenderer = Callable[[int, float], QImage]  # (page index, dots per inch) → image
ZOOMS = (50, 75, 100, 125, 150, 200)
SCREEN_DPI = 96.0


class DocumentPreviewDialog(QDialog):
    """Shows the pages of one PDF; prints through the system dialog or saves the file."""

    saveRequested = Signal(str)  # the chosen file path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPreviewDialog")
        self.resize(900, 760)
        self._render: PageRenderer | None = None
        self._sizes: list[tuple[float, float]] = []
        self._file_name = ""
        self.page_labels: list[QLabel] = []

        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("savePdfButton")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.zoom_combo = QComboBox()
        self.zoom_combo.setObjectName("zoomCombo")
        for percent in ZOOMS:
            self.zoom_combo.addItem(f"{percent}%", percent)
        self.zoom_combo.setCurrentIndex(ZOOMS.index(100))
        self.zoom_in_button = QPushButton("+")
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))
        self.zoom_out_button = QPushButton("−")
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        for button in (self.zoom_in_button, self.zoom_out_button):
            button.setFixedWidth(32)
        self.previous_button = QPushButton(self.tr("Previous page"))
        self.previous_button.setShortcut(QKeySequence(Qt.Key.Key_PageUp))
        self.next_button = QPushButton(self.tr("Next page"))
        self.next_button.setShortcut(QKeySequence(Qt.Key.Key_PageDown))
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("pageSpin")
        self.page_spin.setMinimum(1)
        self.page_count_label = QLabel()
        self.code_label = QLabel()
        self.code_label.setObjectName("codeLabel")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        bar = QHBoxLayout()
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addSpacing(16)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_combo)
        bar.addWidget(self.zoom_in_button)
        bar.addSpacing(16)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_spin)
        bar.addWidget(self.page_count_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.code_label)

        self.pages_widget = QWidget()
        self.pages_widget.setObjectName("previewPages")
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setSpacing(16)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages_widget)
        self.scroll.setStyleSheet("QScrollArea { background: #808080; } #previewPages { background: #808080; }")

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self._ask_save)
        self.zoom_combo.currentIndexChanged.connect(self._show_pages)
        self.zoom_in_button.clicked.connect(lambda: self._step_zoom(1))
        self.zoom_out_button.clicked.connect(lambda: self._step_zoom(-1))
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.page_spin.value() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.page_spin.value() + 1))
        self.page_spin.valueChanged.connect(self.go_to_page)

    # -- filled by the controller ------------------------------------------------------------
    def show_document(self, title: str, code: str, sizes: list[tuple[float, float]],
                      render: PageRenderer, file_name: str) -> None:
        """Show a document: page sizes in points, and a function rendering a page at a dpi."""
        self.setWindowTitle(self.tr("Print preview – %1").replace("%1", title))
        self.code_label.setText(self.tr("Verification code: %1").replace("%1", code))
        self._render, self._sizes, self._file_name = render, list(sizes), file_name
        self.page_spin.setMaximum(max(1, len(sizes)))
        self.page_count_label.setText(self.tr("of %1").replace("%1", str(len(sizes))))
        self._show_pages()

    def zoom(self) -> int:
        return int(self.zoom_combo.currentData())

    def page_count(self) -> int:
        return len(self._sizes)

    def current_page(self) -> int:
        return self.page_spin.value()

    # -- pages -------------------------------------------------------------------------------
    def _show_pages(self) -> None:
        if self._render is None:
            return
        for label in self.page_labels:
            label.deleteLater()
        self.page_labels = []
        ratio = self.devicePixelRatioF()
        dpi = SCREEN_DPI * self.zoom() / 100.0
        for index in range(len(self._sizes)):
            image = self._render(index, dpi * ratio)
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setObjectName(f"previewPage{index + 1}")
            label.setPixmap(pixmap)
            label.setStyleSheet("border: 1px solid #404040; background: white;")
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)
        self._update_navigation()

    def _step_zoom(self, step: int) -> None:
        index = min(max(self.zoom_combo.currentIndex() + step, 0), self.zoom_combo.count() - 1)
        self.zoom_combo.setCurrentIndex(index)

    def go_to_page(self, number: int) -> None:
        if not self.page_labels:
            return
        number = min(max(number, 1), len(self.page_labels))
        if self.page_spin.value() != number:
            self.page_spin.setValue(number)  # comes back here through valueChanged
            return
        self.pages_widget.adjustSize()
        self.scroll.verticalScrollBar().setValue(self.page_labels[number - 1].y() - 8)
        self._update_navigation()

    def _update_navigation(self) -> None:
        number, count = self.page_spin.value(), len(self.page_labels)
        self.previous_button.setEnabled(number > 1)
        self.next_button.setEnabled(number < count)

    # -- printing and saving -----------------------------------------------------------------
    def print_document(self) -> None:
        """Choose a printer in the system dialog, then print every page."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._file_name)
        printer.setFromTo(1, max(1, len(self._sizes)))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Paint the pages on `printer` at its resolution (the forms are drawn to A4 scale)."""
        if self._render is None:
            return 0
        first, last = printer.fromPage(), printer.toPage()
        if first == 0 and last == 0:
            first, last = 1, len(self._sizes)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Print"), self.tr("The printer could not be started."))
            return 0
        printed = 0
        dpi = min(float(printer.resolution()), 300.0)  # more adds only data, not sharpness
        try:
            for number in range(first, last + 1):
                if printed:
                    printer.newPage()
                image = self._render(number - 1, dpi)
                area = painter.viewport()
                target = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(QRect(QPoint(area.x(), area.y()), target))
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(area)
                printed += 1
        finally:
            painter.end()
        return printed

    def _ask_save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self._file_name, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.saveRequested.emit(path)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentDialogs", text)


class DocumentDialogs:
    """Makes the documents' dialogs and asks the clerk for files (the controller stays widget-free)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def preview(self) -> DocumentPreviewDialog:
        dialog = DocumentPreviewDialog(self.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    def verify(self):
        from app.views.verify_dialog import VerifyDialog

        return VerifyDialog(self.parent)

    def batch_progress(self, total: int):
        from app.views.batch_export_dialog import BatchExportProgress

        return BatchExportProgress(total, self.parent)

    def ask_save_pdf(self, file_name: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self.parent, _tr("Save as PDF"), file_name, _tr("PDF files (*.pdf)")
        )
        return path

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self.parent, _tr("WarrantyDesk"), message)

    def show_info(self, message: str) -> None:
        QMessageBox.information(self.parent, _tr("WarrantyDesk"), message)
