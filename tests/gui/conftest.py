"""GUI test configuration: isolated QSettings and no thread left running after a test."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp):
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


@pytest.fixture(autouse=True)
def empty_clipboard(qapp):
    """Mime data left on the offscreen clipboard crashes Qt when the application exits."""
    yield
    qapp.clipboard().clear()


@pytest.fixture(autouse=True)
def no_thread_left_running(qapp):
    yield
    from PySide6.QtCore import QThreadPool

    pool = QThreadPool.globalInstance()
    finished = pool.waitForDone(10_000)
    assert finished and pool.activeThreadCount() == 0, "a background job was left running"


@pytest.fixture(scope="session")
def chinese_app(qapp):
    from app.gui import prepare_application

    app, language = prepare_application([], "zh_CN")
    return app


@pytest.fixture
def ui(chinese_app, demo_db, qtbot):
    from PySide6.QtCore import QSettings

    from app.gui import build_main_ui

    ui = build_main_ui(demo_db, "zh_CN", QSettings())
    qtbot.addWidget(ui.window)
    ui.controller.start()
    qtbot.waitExposed(ui.window)
    return ui
