"""The 看板 page: filters, swimlanes, one list view per state column, drag and drop, export.

The page lays out widgets and emits what the user asks for (a card dropped on a column, a
card moved with Ctrl+→, a ticket to open, an export); the controller decides and changes the
models. Dragging is done here with the mouse events themselves rather than QDrag, so a drop
is one plain signal and a test can drive it with QTest.mousePress/mouseMove/mouseRelease.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QDateTime,
    QEvent,
    QMarginsF,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.views.kanban_delegate import OVERDUE, KanbanCardDelegate
from app.views.kanban_model import KanbanBoardModel, KanbanColumnModel, LaneMode, RowKind
from app.views.labels import TICKET_STATES, URGENCIES, state_label, urgency_label

SEARCH_PAUSE_MS = 250
NOTICE_MS = 12_000
CLOSED_COLUMNS = ("archived", "not_covered", "cancelled")
UNASSIGNED = "__unassigned__"
LOCAL_ZONE = "Asia/Shanghai"  # the clerk's clock, as everywhere in the app
COLUMN_MIN_WIDTH = 188
COLUMN_BACKGROUND = QColor("#eef2f6")
EXPORT_COLUMN_WIDTH = 236
A3_ASPECT = 420 / 297


class KanbanColumnView(QListView):
    """One state column: its cards painted by the delegate, a single selection."""

    def __init__(
        self,
        state: str,
        model: KanbanColumnModel,
        delegate: KanbanCardDelegate,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName(f"kanbanColumn_{state}")
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)  # one size query for the whole column (not with lanes)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setDragEnabled(False)  # dragging is the page's own (see _CardDrag)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMinimumWidth(COLUMN_MIN_WIDTH - 8)
        # The column's own colour behind the cards (a style sheet on the list would restyle
        # its scroll bar too).
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, COLUMN_BACKGROUND)
        self.setPalette(palette)
        self.verticalScrollBar().setSingleStep(24)

    def column_model(self) -> KanbanColumnModel:
        return self.model()  # type: ignore[return-value]

    def ticket_at(self, index: QModelIndex) -> Any:
        if not index.isValid() or self.column_model().kind_at(index.row()) != RowKind.CARD:
            return None
        return self.column_model().row_at(index.row()).id

    def selected_ticket(self) -> Any:
        indexes = self.selectionModel().selectedIndexes()
        return self.ticket_at(indexes[0]) if indexes else None

    def card_rect(self, ticket_id: Any) -> QRect:
        """Where a card is drawn in the viewport (empty if it is not in this column)."""
        row = self.column_model().row_of(ticket_id)
        return QRect() if row < 0 else self.visualRect(self.column_model().index(row))


class _Column(QFrame):
    def __init__(self, view: KanbanColumnView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kanbanColumnFrame")
        self.setProperty("dropTarget", False)
        self.view = view
        self.header = QLabel()
        self.header.setObjectName("kanbanColumnHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 4, 2, 3)
        layout.setSpacing(3)
        layout.addWidget(self.header)
        layout.addWidget(view, 1)
        self.setMinimumWidth(COLUMN_MIN_WIDTH)

    def set_drop_target(self, on: bool) -> None:
        if self.property("dropTarget") != on:
            self.setProperty("dropTarget", on)
            self.style().unpolish(self)
            self.style().polish(self)


class _CardDrag(QObject):
    """Press on a card, move past the drag distance, release over another column: a drop.

    Installed on every column's viewport. Real mouse events all go to the pressed viewport
    (Qt's implicit grab) and synthetic ones to the widget they name; both carry the global
    position, which decides the target column.
    """

    def __init__(self, page: KanbanPage) -> None:
        super().__init__(page)
        self.page = page
        self._press: tuple[KanbanColumnView, Any, QPoint, QPoint] | None = None
        self.active = False
        self._ghost = QLabel(page)
        self._ghost.setObjectName("kanbanDragGhost")
        self._ghost.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._ghost.hide()
        self._target: _Column | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._on_press(watched, event)
        elif kind == QEvent.Type.MouseMove and self._press is not None:
            if not event.buttons() & Qt.MouseButton.LeftButton:
                self._press = None
                return False
            where = event.globalPosition().toPoint()
            if not self.active:
                distance = (where - self._press[2]).manhattanLength()
                if distance < QApplication.startDragDistance():
                    return False
                self._start()
            self._follow(where)
            return True
        elif kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            if self.active:
                self._finish(event.globalPosition().toPoint())
                return True
            self._press = None
        return False

    def _on_press(self, viewport: QObject, event: Any) -> None:
        view = self.page.view_for_viewport(viewport)
        if view is None:
            return
        index = view.indexAt(event.position().toPoint())
        ticket_id = view.ticket_at(index)
        if ticket_id is None:
            self._press = None
            return
        offset = event.position().toPoint() - view.visualRect(index).topLeft()
        self._press = (view, ticket_id, event.globalPosition().toPoint(), offset)

    def _start(self) -> None:
        view, ticket_id, _where, _offset = self._press
        self.active = True
        card = self.page.board.card(ticket_id)
        rect = view.card_rect(ticket_id)
        size = QSize(max(rect.width(), COLUMN_MIN_WIDTH), self.page.delegate.card_height)
        pixmap = QPixmap(size * 2)
        pixmap.setDevicePixelRatio(2)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setOpacity(0.9)
        if card is not None:
            self.page.delegate.paint_card(
                painter, QRect(QPoint(0, 0), size), card, self.page.board.now, selected=True
            )
        painter.end()
        self._ghost.setPixmap(pixmap)
        self._ghost.resize(size)
        self._ghost.show()
        self._ghost.raise_()
        QApplication.setOverrideCursor(Qt.CursorShape.ClosedHandCursor)

    def _follow(self, where: QPoint) -> None:
        offset = self._press[3]
        self._ghost.move(self.page.mapFromGlobal(where) - offset)
        target = self.page.column_at(where)
        if target is not self._target:
            if self._target is not None:
                self._target.set_drop_target(False)
            self._target = target
            if target is not None and target.view is not self._press[0]:
                target.set_drop_target(True)

    def _finish(self, where: QPoint) -> None:
        view, ticket_id, _start, _offset = self._press
        self.cancel()
        target = self.page.column_at(where)
        if target is not None and target.view is not view:
            self.page.cardDropped.emit(ticket_id, target.view.state)

    def cancel(self) -> None:
        if self.active:
            QApplication.restoreOverrideCursor()
        self.active = False
        self._press = None
        self._ghost.hide()
        if self._target is not None:
            self._target.set_drop_target(False)
            self._target = None


class KanbanPage(QWidget):
    """Lays out the board; the controller reads the filters and feeds the board model."""

    filtersChanged = Signal()  # the query changes (filters, closed columns)
    laneModeChanged = Signal(str)
    cardDropped = Signal(object, str)  # ticket id, target state
    moveRequested = Signal(object, int)  # ticket id, +1 (next state) or -1 (previous)
    openRequested = Signal(object)  # ticket id
    exportRequested = Signal(str, str)  # "png" or "pdf", file path

    def __init__(
        self, board: KanbanBoardModel | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kanbanPage")
        # Columns in lifecycle order: the main line, then 不予保修 and 已取消.
        self.board = (
            board if board is not None else KanbanBoardModel(tuple(TICKET_STATES), parent=self)
        )
        self.delegate = KanbanCardDelegate(self)

        # -- filters ---------------------------------------------------------------------
        self.project_combo = self._combo("kanbanProjectFilter", self.tr("All projects"))
        self.project_combo.setMinimumContentsLength(10)
        self.owner_combo = self._combo("kanbanOwnerFilter", self.tr("All owners"))
        self.owner_combo.addItem(self.tr("Unassigned"), UNASSIGNED)
        self.urgency_combo = self._combo("kanbanUrgencyFilter", self.tr("All urgencies"))
        for code in URGENCIES:
            self.urgency_combo.addItem(urgency_label(code), code)
        self.category_combo = self._combo("kanbanCategoryFilter", self.tr("All defect categories"))
        self.category_combo.setMinimumContentsLength(8)
        self.overdue_check = QCheckBox(self.tr("Overdue only"))
        self.overdue_check.setObjectName("kanbanOverdueOnly")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("kanbanSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Search number, description, location… (Ctrl+F)")
        )
        self.lane_combo = QComboBox()
        self.lane_combo.setObjectName("kanbanLanes")
        self.lane_combo.addItem(self.tr("No swimlanes"), LaneMode.NONE)
        self.lane_combo.addItem(self.tr("Swimlanes by project"), LaneMode.PROJECT)
        self.lane_combo.addItem(self.tr("Swimlanes by owner"), LaneMode.OWNER)
        self.closed_check = QCheckBox(self.tr("Show closed columns"))
        self.closed_check.setObjectName("kanbanShowClosed")
        self.closed_check.setToolTip(
            self.tr("Archived, not covered and cancelled tickets (the most recently changed)")
        )
        self.summary_label = QLabel()
        self.summary_label.setObjectName("kanbanSummary")
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.png_button = QPushButton(self.tr("Export PNG…"))
        self.png_button.setObjectName("kanbanExportPng")
        self.pdf_button = QPushButton(self.tr("Print to PDF (A3)…"))
        self.pdf_button.setObjectName("kanbanExportPdf")

        filters = QHBoxLayout()
        filters.addWidget(self.project_combo, 2)
        filters.addWidget(self.owner_combo, 1)
        filters.addWidget(self.urgency_combo)
        filters.addWidget(self.category_combo, 1)
        filters.addWidget(self.overdue_check)
        filters.addWidget(self.search_edit, 2)
        options = QHBoxLayout()
        options.addWidget(self.lane_combo)
        options.addWidget(self.closed_check)
        options.addSpacing(12)
        options.addWidget(self.summary_label, 1)
        options.addWidget(self.png_button)
        options.addWidget(self.pdf_button)

        # -- the notice (why a card did not move) ----------------------------------------
        self.notice = QLabel()
        self.notice.setObjectName("kanbanNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_close = QToolButton()
        self.notice_close.setText("×")
        self.notice_close.setAutoRaise(True)
        self.notice_box = QFrame()
        self.notice_box.setObjectName("kanbanNoticeBox")
        notice_layout = QHBoxLayout(self.notice_box)
        notice_layout.setContentsMargins(10, 4, 4, 4)
        notice_layout.addWidget(self.notice, 1)
        notice_layout.addWidget(self.notice_close, 0, Qt.AlignmentFlag.AlignTop)
        self.notice_box.hide()
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self.clear_message)
        self.notice_close.clicked.connect(self.clear_message)

        # -- the columns -----------------------------------------------------------------
        self.views: dict[str, KanbanColumnView] = {}
        self.columns: dict[str, _Column] = {}
        self._viewports: dict[QObject, KanbanColumnView] = {}
        self.drag = _CardDrag(self)
        self.board_widget = QWidget()
        self.board_widget.setObjectName("kanbanBoard")
        row = QHBoxLayout(self.board_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(5)
        for state in self.board.states:
            view = KanbanColumnView(state, self.board.columns[state], self.delegate)
            column = _Column(view)
            self.views[state] = view
            self.columns[state] = column
            self._viewports[view.viewport()] = view
            view.viewport().installEventFilter(self.drag)
            view.installEventFilter(self)
            view.doubleClicked.connect(self._on_double_click)
            view.selectionModel().currentChanged.connect(
                lambda current, _previous, view=view: self._on_current(view, current)
            )
            view.verticalScrollBar().valueChanged.connect(
                lambda value, view=view: self._sync_scroll(view, value)
            )
            row.addWidget(column, 1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("kanbanScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.board_widget)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(options)
        layout.addWidget(self.notice_box)
        layout.addWidget(self.scroll, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.filtersChanged)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._search_now)
        for combo in (
            self.project_combo,
            self.owner_combo,
            self.urgency_combo,
            self.category_combo,
        ):
            combo.currentIndexChanged.connect(self.filtersChanged)
        self.overdue_check.toggled.connect(self.filtersChanged)
        self.closed_check.toggled.connect(self._on_closed_toggled)
        self.lane_combo.currentIndexChanged.connect(self._on_lanes_chosen)
        self.png_button.clicked.connect(lambda: self._ask_export("png"))
        self.pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        self.board.countsChanged.connect(self.update_headers)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_edit.setFocus)
        self._syncing = False
        self._apply_closed_visibility()
        self._apply_lane_layout()
        self.update_headers()

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.addItem(everything, None)
        return combo

    # -- filters the controller reads and restores ------------------------------------------
    def set_choices(
        self, projects: list[tuple[Any, str]], owners: list[tuple[Any, str]], categories: list[str]
    ) -> None:
        """Fill the filter lists, keeping what is chosen where it still exists."""
        for combo, items in (
            (self.project_combo, [(str(i), n) for i, n in projects]),
            (self.owner_combo, [(str(i), n) for i, n in owners]),
            (self.category_combo, [(n, n) for n in categories]),
        ):
            keep = 2 if combo is self.owner_combo else 1
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > keep:
                combo.removeItem(keep)
            for data, name in items:
                combo.addItem(name, data)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def filter_state(self) -> dict[str, Any]:
        """Everything the user chose, as plain values (remembered per user)."""
        return {
            "project": self.project_combo.currentData(),
            "owner": self.owner_combo.currentData(),
            "urgency": self.urgency_combo.currentData(),
            "category": self.category_combo.currentData(),
            "overdue_only": self.overdue_check.isChecked(),
            "search": self.search_edit.text().strip(),
            "lanes": self.lane_combo.currentData(),
            "show_closed": self.closed_check.isChecked(),
        }

    def set_filter_state(self, state: dict[str, Any]) -> None:
        """Show remembered choices without asking for a reload per widget."""
        widgets = (
            self.project_combo,
            self.owner_combo,
            self.urgency_combo,
            self.category_combo,
            self.overdue_check,
            self.search_edit,
            self.lane_combo,
            self.closed_check,
        )
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for combo, key in (
                (self.project_combo, "project"),
                (self.owner_combo, "owner"),
                (self.urgency_combo, "urgency"),
                (self.category_combo, "category"),
                (self.lane_combo, "lanes"),
            ):
                combo.setCurrentIndex(max(combo.findData(state.get(key)), 0))
            self.overdue_check.setChecked(bool(state.get("overdue_only")))
            self.search_edit.setText(str(state.get("search") or ""))
            self.closed_check.setChecked(bool(state.get("show_closed")))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._apply_closed_visibility()
        self.board.set_lane_mode(self.lane_mode())
        self._apply_lane_layout()

    def lane_mode(self) -> str:
        return str(self.lane_combo.currentData() or LaneMode.NONE)

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.filtersChanged.emit()

    def _on_closed_toggled(self) -> None:
        self._apply_closed_visibility()
        self.filtersChanged.emit()

    def _on_lanes_chosen(self) -> None:
        self.board.set_lane_mode(self.lane_mode())
        self._apply_lane_layout()
        self.laneModeChanged.emit(self.lane_mode())

    def _apply_closed_visibility(self) -> None:
        show = self.closed_check.isChecked()
        for state in CLOSED_COLUMNS:
            if state in self.columns:
                self.columns[state].setVisible(show)
        self._apply_lane_layout()

    def visible_states(self) -> list[str]:
        return [s for s in self.board.states if not self.columns[s].isHidden()]

    # -- swimlanes: the columns scroll together --------------------------------------------
    def _apply_lane_layout(self) -> None:
        lanes = self.board.lane_mode != LaneMode.NONE
        visible = self.visible_states()
        for state, view in self.views.items():
            view.setUniformItemSizes(not lanes)  # lane headers are shorter than cards
            last = bool(visible) and state == visible[-1]
            policy = (
                Qt.ScrollBarPolicy.ScrollBarAsNeeded
                if not lanes or last
                else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            )
            view.setVerticalScrollBarPolicy(policy)
        if lanes and visible:
            self._sync_scroll(
                self.views[visible[0]], self.views[visible[0]].verticalScrollBar().value()
            )

    def _sync_scroll(self, source: KanbanColumnView, value: int) -> None:
        if self._syncing or self.board.lane_mode == LaneMode.NONE:
            return
        self._syncing = True
        try:
            for view in self.views.values():
                if view is not source:
                    view.verticalScrollBar().setValue(value)
        finally:
            self._syncing = False

    # -- headers and the summary -----------------------------------------------------------
    def update_headers(self) -> None:
        cards = overdue_total = 0
        for state, column in self.columns.items():
            shown, total, overdue = (
                self.board.shown(state),
                self.board.total(state),
                self.board.overdue(state),
            )
            count = f"{total:,}" if shown == total else f"{shown:,} / {total:,}"
            text = (
                f"<b>{state_label(state)}</b>&nbsp;&nbsp;<span style='color:#455a64'>{count}</span>"
            )
            if overdue:
                late = self.tr("%n overdue", "", overdue)
                text += f"&nbsp;&nbsp;<span style='color:{OVERDUE.name()}'><b>{late}</b></span>"
            column.header.setText(text)
            if not column.isHidden():
                cards += shown
                overdue_total += overdue
        summary = self.tr("%n card(s) on the board", "", cards)
        if overdue_total:
            late = self.tr("%n overdue", "", overdue_total)
            summary += f" · <span style='color:{OVERDUE.name()}'><b>{late}</b></span>"
        self.summary_label.setText(summary)

    def set_loading(self, loading: bool) -> None:
        if loading:
            self.summary_label.setText(self.tr("Loading the board…"))

    # -- the notice ------------------------------------------------------------------------
    def show_message(self, text: str, error: bool = True) -> None:
        self.notice.setText(text)
        self.notice_box.setProperty("error", error)
        self.notice_box.style().unpolish(self.notice_box)
        self.notice_box.style().polish(self.notice_box)
        self.notice_box.show()
        self._notice_timer.start()

    def clear_message(self) -> None:
        self._notice_timer.stop()
        self.notice_box.hide()
        self.notice.clear()

    def message(self) -> str:
        return self.notice.text() if self.notice_box.isVisibleTo(self) else ""

    # -- selection, keyboard, opening ------------------------------------------------------
    def view_for_viewport(self, viewport: QObject) -> KanbanColumnView | None:
        return self._viewports.get(viewport)

    def column_at(self, global_pos: QPoint) -> _Column | None:
        for state in self.visible_states():
            column = self.columns[state]
            if column.rect().contains(column.mapFromGlobal(global_pos)):
                return column
        return None

    def selected_ticket(self) -> Any:
        for view in self.views.values():
            ticket_id = view.selected_ticket()
            if ticket_id is not None:
                return ticket_id
        return None

    def select_ticket(self, ticket_id: Any, focus: bool = True) -> bool:
        """Select a ticket's card wherever it is (after a move) and scroll to it."""
        for view in self.views.values():
            row = view.column_model().row_of(ticket_id)
            if row >= 0:
                index = view.column_model().index(row)
                view.setCurrentIndex(index)
                view.scrollTo(index)
                if focus:
                    view.setFocus()
                return True
        return False

    def _on_current(self, view: KanbanColumnView, current: QModelIndex) -> None:
        if view.ticket_at(current) is None:
            return
        for other in self.views.values():  # one selected card on the whole board
            if other is not view:
                other.clearSelection()

    def _on_double_click(self, index: QModelIndex) -> None:
        view = self.sender()
        ticket_id = view.ticket_at(index) if isinstance(view, KanbanColumnView) else None
        if ticket_id is not None:
            self.openRequested.emit(ticket_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, KanbanColumnView):
            return self._on_key(watched, event)
        return super().eventFilter(watched, event)

    def _on_key(self, view: KanbanColumnView, event: Any) -> bool:
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        ticket_id = view.selected_ticket() or view.ticket_at(view.currentIndex())
        if key == Qt.Key.Key_Escape and self.drag.active:
            self.drag.cancel()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and ticket_id is not None:
            self.openRequested.emit(ticket_id)
            return True
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            step = 1 if key == Qt.Key.Key_Right else -1
            if ctrl:
                if ticket_id is not None:
                    self.moveRequested.emit(ticket_id, step)
                return True
            self._focus_neighbour(view, step)
            return True
        return False

    def _focus_neighbour(self, view: KanbanColumnView, step: int) -> None:
        visible = self.visible_states()
        at = visible.index(view.state) if view.state in visible else 0
        for state in (
            visible[at + step :: step] if step > 0 else visible[at - 1 :: -1] if at else []
        ):
            target = self.views[state]
            model = target.column_model()
            for row in range(model.rowCount()):
                if model.kind_at(row) == RowKind.CARD:
                    target.setCurrentIndex(model.index(row))
                    target.setFocus()
                    return

    # -- export ----------------------------------------------------------------------------
    def _ask_export(self, kind: str) -> None:
        path = self.choose_export_path(kind)
        if path:
            self.exportRequested.emit(kind, path)

    def choose_export_path(self, kind: str) -> str:
        if kind == "pdf":
            title, pattern, suffix = (
                self.tr("Print the board to PDF"),
                self.tr("PDF files (*.pdf)"),
                ".pdf",
            )
        else:
            title, pattern, suffix = (
                self.tr("Export the board as PNG"),
                self.tr("PNG images (*.png)"),
                ".png",
            )
        stamp = QDateTime.currentDateTime().toString("yyyyMMdd-HHmm")
        path, _chosen = QFileDialog.getSaveFileName(self, title, f"kanban-{stamp}{suffix}", pattern)
        if path and not path.lower().endswith(suffix):
            path += suffix
        return path

    def export_title(self) -> str:
        parts = [self.tr("Warranty board")]
        for combo in (
            self.project_combo,
            self.owner_combo,
            self.urgency_combo,
            self.category_combo,
        ):
            if combo.currentIndex() > 0:
                parts.append(combo.currentText())
        if self.overdue_check.isChecked():
            parts.append(self.overdue_check.text())
        if self.search_edit.text().strip():
            parts.append(f"“{self.search_edit.text().strip()}”")
        when = self.board.now.replace(tzinfo=dt.UTC).astimezone(ZoneInfo(LOCAL_ZONE))
        parts.append(when.strftime("%Y-%m-%d %H:%M"))
        return " · ".join(parts)

    def render_board(self) -> QImage:
        """The board as a picture in A3-landscape proportions: every visible column, its
        header and as many cards (in board order) as fit, with how many are left out."""
        states = self.visible_states()
        margin, gap, title_h, header_h = 24, 10, 44, 34
        width = margin * 2 + len(states) * EXPORT_COLUMN_WIDTH + (len(states) - 1) * gap
        height = int(width / A3_ASPECT)
        image = QImage(QSize(width, height) * 2, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(2)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            title_font = QFont(self.font())
            title_font.setPointSizeF(self.font().pointSizeF() * 1.35)
            title_font.setBold(True)
            painter.setFont(title_font)
            painter.setPen(QColor("#1f3a5f"))
            painter.drawText(
                QRect(margin, margin - 6, width - 2 * margin, title_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.export_title(),
            )
            top = margin + title_h
            bottom = height - margin
            for i, state in enumerate(states):
                x = margin + i * (EXPORT_COLUMN_WIDTH + gap)
                self._render_column(
                    painter, state, QRect(x, top, EXPORT_COLUMN_WIDTH, bottom - top), header_h
                )
        finally:
            painter.end()
        return image

    def _render_column(self, painter: QPainter, state: str, rect: QRect, header_h: int) -> None:
        painter.fillRect(rect, QColor("#eef2f6"))
        header = QRect(rect.left(), rect.top(), rect.width(), header_h)
        painter.fillRect(header, QColor("#dde6f0"))
        painter.setPen(QColor("#1f3a5f"))
        painter.setFont(self.delegate.bold_font)
        total, overdue = self.board.total(state), self.board.overdue(state)
        text = f"{state_label(state)}  {total:,}"
        painter.drawText(
            header.adjusted(10, 0, -10, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        if overdue:
            painter.setPen(OVERDUE)
            painter.drawText(
                header.adjusted(10, 0, -10, 0),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                self.tr("%n overdue", "", overdue),
            )
        model = self.board.columns[state]
        footer_h = self.delegate.line + 6
        y = header.bottom() + 4
        limit = rect.bottom() - footer_h
        drawn = 0
        row = 0
        while row < model.rowCount():
            kind = model.kind_at(row)
            h = self.delegate.height_of(kind)
            if y + h > limit:
                break
            self.delegate.paint_row(
                painter,
                QRect(rect.left(), y, rect.width(), h),
                model.row_at(row),
                kind,
                self.board.now,
            )
            drawn += kind == RowKind.CARD
            y += h
            row += 1
        left_out = self.board.total(state) - drawn
        if left_out > 0:
            painter.setPen(QColor("#455a64"))
            painter.setFont(self.delegate.small_font)
            painter.drawText(
                QRect(rect.left() + 10, rect.bottom() - footer_h, rect.width() - 20, footer_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.tr("… and %n more", "", left_out),
            )

    def write_png(self, path: str) -> bool:
        return self.render_board().save(path, "PNG")

    def write_pdf(self, path: str) -> bool:
        """One A3-landscape page with the board picture, fitted to the printable area."""
        image = self.render_board()
        writer = QPdfWriter(path)
        writer.setTitle(self.export_title())
        writer.setCreator("WarrantyDesk")
        writer.setResolution(200)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A3),
                QPageLayout.Orientation.Landscape,
                QMarginsF(8, 8, 8, 8),
                QPageLayout.Unit.Millimeter,
            )
        )
        painter = QPainter()
        if not painter.begin(writer):
            return False
        try:
            area = writer.pageLayout().paintRectPixels(writer.resolution())
            target = QRect(0, 0, area.width(), area.height())
            logical = image.size() / image.devicePixelRatio()
            scaled = logical.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(QRect(QPoint(0, 0), scaled), image)
        finally:
            painter.end()
        return True

    # -- time ------------------------------------------------------------------------------
    def tick(self, now: dt.datetime) -> None:
        """Countdowns move on: repaint cards and recount overdue."""
        self.board.set_now(now)
        for view in self.views.values():
            view.viewport().update()
        self.update_headers()
