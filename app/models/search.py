"""Full-text search over tickets that finds 1- and 2-character Chinese terms (渗水, 开裂).

FTS5's trigram tokenizer needs 3+ characters, so the text is indexed as overlapping
character bigrams instead: 外墙渗水 → 外墙 墙渗 渗水 (plus the last character alone). A query
becomes a phrase of its bigrams, which matches exactly the texts containing it as a
substring; a single character becomes a prefix query. The FTS table is contentless (the
text is already in the ticket row); a ticket's old text is read back from the row to
remove it before the row changes.
"""

from __future__ import annotations

import re
import uuid

from sqlalchemy import bindparam, event, inspect, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.models.base import GUID, Base
from app.models.ids import new_id
from app.models.ticket import Ticket

SEARCHED_FIELDS = ("number", "description", "location_label", "reporter_name", "reporter_phone")

CREATE_FTS_SQL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS ticket_fts USING fts5("
    "body, content='', tokenize='unicode61 remove_diacritics 0')"
)
_SEGMENTS = re.compile(r"[^\W_]+")  # runs of letters/digits/CJK; punctuation splits them


class TicketSearchDoc(Base):
    """Maps the FTS row id to the ticket (ticket ids are UUIDs, FTS needs integers)."""

    __tablename__ = "ticket_search_doc"

    doc_id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(unique=True)


def bigrams(value: str) -> list[str]:
    """The tokens a text is indexed under."""
    tokens: list[str] = []
    for segment in _SEGMENTS.findall(value.lower()):
        tokens.extend(segment[i : i + 2] for i in range(len(segment) - 1))
        tokens.append(segment[-1])
    return tokens


def index_body(values: tuple[str | None, ...]) -> str:
    """The FTS body for a ticket's searched field values (in SEARCHED_FIELDS order)."""
    return " ".join(" ".join(bigrams(v)) for v in values if v)


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed; None if nothing searchable."""
    parts = []
    for segment in _SEGMENTS.findall(query.lower()):
        if len(segment) == 1:
            parts.append(f'"{segment}"*')
        else:
            grams = " ".join(segment[i : i + 2] for i in range(len(segment) - 1))
            parts.append(f'"{grams}"')
    return " AND ".join(parts) if parts else None


def _fts_insert(session: Session, doc_id: int, body: str) -> None:
    session.execute(text("INSERT INTO ticket_fts(rowid, body) VALUES (:d, :b)"), {"d": doc_id, "b": body})


def _fts_delete(session: Session, doc_id: int, body: str) -> None:
    session.execute(
        text("INSERT INTO ticket_fts(ticket_fts, rowid, body) VALUES ('delete', :d, :b)"),
        {"d": doc_id, "b": body},
    )


def _values_of(ticket: Ticket) -> tuple[str | None, ...]:
    return tuple(getattr(ticket, name) for name in SEARCHED_FIELDS)


def _changed(ticket: Ticket) -> bool:
    state = inspect(ticket)
    return any(state.attrs[name].history.has_changes() for name in SEARCHED_FIELDS)


@event.listens_for(Session, "before_flush")
def _keep_index_current(session: Session, _context, _instances) -> None:
    if session.bind is not None and session.get_bind().dialect.name != "sqlite":
        return  # the index is local to the SQLite store
    for obj in session.new:
        if isinstance(obj, Ticket):
            if obj.id is None:
                obj.id = new_id()
            doc_id = session.execute(
                text("INSERT INTO ticket_search_doc(ticket_id) VALUES (:t)").bindparams(
                    _ticket_id_param()
                ),
                {"t": obj.id},
            ).lastrowid
            _fts_insert(session, doc_id, index_body(_values_of(obj)))
    for obj in session.dirty:
        if isinstance(obj, Ticket) and _changed(obj):
            row = session.execute(
                text(
                    f"SELECT d.doc_id, {', '.join('t.' + f for f in SEARCHED_FIELDS)} "
                    "FROM ticket t JOIN ticket_search_doc d ON d.ticket_id = t.id WHERE t.id = :t"
                ).bindparams(_ticket_id_param()),
                {"t": obj.id},
            ).first()
            if row is None:
                continue
            _fts_delete(session, row[0], index_body(tuple(row[1:])))
            _fts_insert(session, row[0], index_body(_values_of(obj)))


def _ticket_id_param():
    return bindparam("t", type_=GUID())


def rebuild_index(session: Session) -> int:
    """Drop and rebuild the whole search index from the ticket rows; returns the count."""
    session.execute(text("INSERT INTO ticket_fts(ticket_fts) VALUES ('delete-all')"))
    session.execute(text("DELETE FROM ticket_search_doc"))
    session.execute(text("INSERT INTO ticket_search_doc(ticket_id) SELECT id FROM ticket ORDER BY reported_at, id"))
    rows = session.execute(
        text(
            f"SELECT d.doc_id, {', '.join('t.' + f for f in SEARCHED_FIELDS)} "
            "FROM ticket_search_doc d JOIN ticket t ON t.id = d.ticket_id"
        )
    )
    count = 0
    for row in rows:
        _fts_insert(session, row[0], index_body(tuple(row[1:])))
        count += 1
    return count
