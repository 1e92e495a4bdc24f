"""The main window: navigation sidebar, page stack and status bar."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.views.labels import role_label

# The sidebar, in order: (key, title).
NAVIGATION = [
    ("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Dashboard")),
    ("tickets", QT_TRANSLATE_NOOP("MainWindow", "Tickets")),
    ("kanban", QT_TRANSLATE_NOOP("MainWindow", "Kanban")),
    ("projects", QT_TRANSLATE_NOOP("MainWindow", "Projects")),
    ("customers", QT_TRANSLATE_NOOP("MainWindow", "Customers")),
    ("followups", QT_TRANSLATE_NOOP("MainWindow", "Follow-ups")),
    ("retrospectives", QT_TRANSLATE_NOOP("MainWindow", "Retrospectives")),
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports")),
    ("knowledge", QT_TRANSLATE_NOOP("MainWindow", "Knowledge base")),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings")),
    ("conflicts", QT_TRANSLATE_NOOP("MainWindow", "Conflicts")),
]


def page_title(key: str) -> str:
    return QCoreApplication.translate("MainWindow", dict(NAVIGATION)[key])


class MainWindow(QMainWindow):
    closing = Signal()
    pageChanged = Signal(str)
    newTicketRequested = Signal()
    verifyRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("WarrantyDesk"))
        self.setMinimumSize(1000, 640)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(132)
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self._keys: list[str] = []
        self._titles: list[str] = []

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel()
        self.db_label.setObjectName("dbStatus")
        self.installation_label = QLabel()
        self.installation_label.setObjectName("installationStatus")
        self.user_label = QLabel()
        self.user_label.setObjectName("userStatus")
        self.statusBar().addPermanentWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.installation_label)

        self.sidebar.currentRowChanged.connect(self._on_row_changed)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_ticket = file_menu.addAction(self.tr("New repair request…"))
        new_ticket.setObjectName("newTicketAction")
        new_ticket.setShortcut(QKeySequence.StandardKey.New)
        new_ticket.triggered.connect(self.newTicketRequested.emit)
        verify = file_menu.addAction(self.tr("Verify a printed form…"))
        verify.setObjectName("verifyAction")
        verify.setShortcut(QKeySequence("Ctrl+Shift+V"))
        verify.triggered.connect(self.verifyRequested.emit)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        """Add a page and its sidebar entry; Ctrl+1…Ctrl+0 jump to the first ten."""
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(item.sizeHint().expandedTo(self.sidebar.fontMetrics().boundingRect("报").size() * 2.4))
        self.sidebar.addItem(item)
        self.pages.addWidget(widget)
        self._keys.append(key)
        self._titles.append(title)
        number = len(self._keys)
        if number <= 10:
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number % 10}"), self)
            shortcut.activated.connect(lambda key=key: self.show_page(key))

    def set_badge(self, key: str, count: int) -> None:
        """A count after a page's sidebar title, e.g. 复盘 (3); none when zero."""
        if key not in self._keys:
            return
        row = self._keys.index(key)
        title = self._titles[row]
        self.sidebar.item(row).setText(f"{title} ({count})" if count > 0 else title)

    def set_page_hidden(self, key: str, hidden: bool) -> None:
        """Hide a page's sidebar entry (a page that has nothing to offer on this desk)."""
        if key in self._keys:
            self.sidebar.item(self._keys.index(key)).setHidden(hidden)

    def show_page(self, key: str) -> None:
        if key in self._keys:
            self.sidebar.setCurrentRow(self._keys.index(key))

    def current_page(self) -> str:
        row = self.sidebar.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else ""

    def page(self, key: str) -> QWidget:
        return self.pages.widget(self._keys.index(key))

    def show_store(self, db_text: str, installation_text: str) -> None:
        self.db_label.setText(db_text)
        self.installation_label.setText(installation_text)

    def show_user(self, name: str, role: str) -> None:
        if name:
            self.user_label.setText(self.tr("User: %1 (%2)").replace("%1", name).replace("%2", role_label(role)))
        else:
            self.user_label.setText(self.tr("No user yet: add staff on the Projects page"))

    def _on_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.pages.setCurrentIndex(row)
            self.pageChanged.emit(self._keys[row])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("WarrantyDesk"), message)
