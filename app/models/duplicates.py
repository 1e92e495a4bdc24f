"""Duplicate detection at intake: open tickets for the same unit and defect category.

The clerk is offered the matches and may link the new request as a duplicate
(`ticket_actions.mark_duplicate`): it is cancelled with a link to the original, keeping its
reporter, and the original notes the extra reporter.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.ticket import Ticket
from app.models.workflow import OPEN

OPEN_VALUES = tuple(s.value for s in OPEN)


def find_duplicates(
    session: Session,
    project_id: uuid.UUID,
    *,
    location_id: uuid.UUID | None = None,
    location_label: str = "",
    defect_category_id: uuid.UUID | None = None,
    exclude_id: uuid.UUID | None = None,
    limit: int = 20,
) -> list[Ticket]:
    """Open tickets of the project at the same place with the same category, oldest first.

    The place is the location (房号/部位) when one was picked, else the reported text. Without
    a category every open ticket at that place is offered (the clerk judges).
    """
    if location_id is None and not location_label.strip():
        return []
    query = select(Ticket).where(Ticket.project_id == project_id, Ticket.state.in_(OPEN_VALUES))
    if location_id is not None:
        query = query.where(Ticket.location_id == location_id)
    else:
        query = query.where(Ticket.location_label == location_label.strip())
    if defect_category_id is not None:
        query = query.where(Ticket.defect_category_id == defect_category_id)
    if exclude_id is not None:
        query = query.where(Ticket.id != exclude_id)
    return list(session.scalars(query.order_by(Ticket.reported_at, Ticket.id).limit(limit)))


def duplicates_of(session: Session, ticket: Ticket, limit: int = 20) -> list[Ticket]:
    """Open tickets that the (just registered) ticket may duplicate: reported before it."""
    candidates = find_duplicates(
        session,
        ticket.project_id,
        location_id=ticket.location_id,
        location_label=ticket.location_label if ticket.location_id is None else "",
        defect_category_id=ticket.defect_category_id,
        exclude_id=ticket.id,
        limit=limit,
    )
    return [t for t in candidates if (t.reported_at, t.id) < (ticket.reported_at, ticket.id)]
