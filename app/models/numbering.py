"""Ticket numbers people read and print: BX-<installation code>-<year>-<sequence>."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.meta import AppMeta, TicketCounter

PREFIX = "BX"


def format_number(installation_code: str, year: int, seq: int) -> str:
    return f"{PREFIX}-{installation_code}-{year}-{seq:05d}"


def next_ticket_number(session: Session, year: int) -> str:
    """Issue the next number of this installation for `year` (inside the caller's transaction).

    The installation code keeps two offline laptops from ever issuing the same number.
    """
    code = session.scalar(select(AppMeta.value).where(AppMeta.key == "installation_code"))
    if code is None:
        raise RuntimeError("database has no installation code")
    counter = session.get(TicketCounter, (code, year))
    if counter is None:
        counter = TicketCounter(installation_code=code, year=year, last_seq=0)
        session.add(counter)
    counter.last_seq += 1
    return format_number(code, year, counter.last_seq)
