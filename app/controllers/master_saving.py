"""Reading and saving a master-data form: one session or transaction, refusals in Chinese."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.models.db import Database
from app.models.master_data import MasterDataRefused

T = TypeVar("T")
Problems = list[tuple[str, str]]


def database_refusal(error: Exception) -> str:
    return QCoreApplication.translate(
        "MasterData", "The database refused the change; nothing was saved: %1"
    ).replace("%1", str(error))


def save_form(db: Database, save: Callable[[Session, Any], T], form: Any,
              show_problems: Callable[[Problems], None]) -> T | None:
    """Run `save(session, form)` in one transaction; on a refusal show why and return None."""
    try:
        with db.transaction() as session:
            return save(session, form)
    except MasterDataRefused as refused:
        show_problems([(p.field, p.message) for p in refused.problems])
    except SQLAlchemyError as error:
        show_problems([("", database_refusal(error))])
    return None


def read_form(db: Database, load: Callable[[Session, Any], T], key: Any,
              report: Callable[[str], None]) -> T | None:
    """`load(session, key)`: the form of one record, or None after `report`ing why not."""
    try:
        with db.sessions() as session:
            return load(session, key)
    except MasterDataRefused as refused:
        report("；".join(refused.messages))
    except SQLAlchemyError as error:
        report(database_refusal(error))
    return None
