"""Loads the interface translation (.qm built by make; compiled on first start if missing)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.config import data_dir
from app.resource_locator import translations_dir

CATALOG = "warrantydesk"


def _qm_file(language: str) -> Path | None:
    built = translations_dir() / f"{CATALOG}_{language}.qm"
    if built.is_file():
        return built
    source = translations_dir() / f"{CATALOG}_{language}.ts"
    if not source.is_file():
        return None
    # A plain `pip install .` has no make step: compile with the lrelease PySide6 ships.
    import PySide6

    cached = data_dir() / "i18n" / built.name
    if cached.is_file() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    cached.parent.mkdir(parents=True, exist_ok=True)
    lrelease = Path(PySide6.__file__).parent / "lrelease"
    try:
        subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(cached)], check=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return cached if cached.is_file() else None


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the app's and Qt's own translations for `language`; English needs none."""
    translators: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Territory.UnitedStates))
        return translators
    QLocale.setDefault(QLocale(language))
    qm = _qm_file(language)
    if qm is not None:
        translator = QTranslator(app)
        if translator.load(str(qm)):
            translators.append(translator)
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        translators.append(qt_translator)
    for translator in translators:
        app.installTranslator(translator)
    return translators
