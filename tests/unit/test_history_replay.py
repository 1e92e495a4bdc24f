"""Random sequences of actions by random people: the invariants hold after every step.

A Hypothesis state machine registers tickets and throws every action at them — with complete
or missing inputs, by any role, in any state. After each step: the state is legal and was
reached by legal transitions, the history replays to every column of the row, timers agree
(also with the SQL overdue flags), rework is counted, and `check` predicted exactly what the
action did (allowed, or refused with the same messages, leaving nothing behind).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import uuid
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from app.models import Ticket
from app.models.db import open_database
from app.models.ticket_actions import (
    MaterialLine,
    accept,
    add_comment,
    archive,
    assign_owner,
    attach_file,
    cancel,
    diagnose,
    edit_field,
    log_work,
    mark_duplicate,
    pause_timer,
    record_arrival,
    record_follow_up,
    register_ticket,
    reject,
    reopen,
    resume_timer,
    rule_not_covered,
    save_plan,
    sign,
    start_repair,
    submit_for_acceptance,
    take_ticket,
)
from app.models.ticket_invariants import ticket_problems
from app.models.vocabulary import (
    BuildingPart,
    Cause,
    PhotoStage,
    ResponsibleParty,
    SignerRole,
    TicketState,
    Urgency,
)
from app.models.workflow import REWORK_TRANSITIONS, RULES, Action, TransitionRefused, check
from tests.unit.lifecycle_world import CRACK, HEATING, LEAK, PNG, T0, build_world, intake

PEOPLE = ["clerk", "tech", "tech2", "pm", "hq"]
TEXT = st.sampled_from(["", " ", "业主不在家", "闭水试验仍渗水", "已修好，业主满意"])
MAYBE_TEXT = st.sampled_from(["", "王师傅、防水工2人", "断电、设警示牌"])


def _inputs(draw, machine, action: Action, ticket_id: uuid.UUID):
    """(values for check, the call) for one action with drawn inputs, some of them missing."""
    w, now = machine.world, machine.clock
    if action == Action.ASSIGN_OWNER:
        owner = w.staff[draw(st.sampled_from(["tech", "tech2", "pm", "clerk"]))]
        reason = draw(TEXT)
        return {"owner_id": owner, "reason": reason}, lambda s, t, a: assign_owner(s, t, a, owner, reason=reason, now=now)
    if action == Action.TAKE:
        return {}, lambda s, t, a: take_ticket(s, t, a, now=now)
    if action == Action.RECORD_ARRIVAL:
        return {}, lambda s, t, a: record_arrival(s, t, a, now=now)
    if action == Action.DIAGNOSE:
        values = {}
        if draw(st.booleans()):
            values["cause"] = draw(st.sampled_from(list(Cause)))
        if draw(st.booleans()):
            values["defect_category_id"] = draw(st.sampled_from([LEAK, CRACK, HEATING]))
        if draw(st.booleans()):
            values["building_part"] = draw(st.sampled_from(list(BuildingPart)))
        party = draw(st.sampled_from([None, ResponsibleParty.OWN_TEAM, ResponsibleParty.SUBCONTRACTOR]))
        if party is not None:
            values["responsible_party"] = party
            if party == ResponsibleParty.SUBCONTRACTOR and draw(st.booleans()):
                values["responsible_org_id"] = w.sub_id
        if draw(st.integers(0, 5)) == 0:
            values["structural_safety"] = True
        return values, lambda s, t, a: diagnose(s, t, a, now=now, **values)
    if action == Action.RULE_NOT_COVERED:
        reason = draw(TEXT)
        return ({"not_covered_reason": reason, "paid_repair_offered": False},
                lambda s, t, a: rule_not_covered(s, t, a, reason=reason, now=now))
    if action == Action.SAVE_PLAN:
        values = {"plan_people": draw(MAYBE_TEXT), "plan_safety_measures": draw(MAYBE_TEXT),
                  "plan_duration_hours": draw(st.sampled_from([None, 0.0, 4.0, 8.0])),
                  "plan_by_design_unit": draw(st.booleans())}
        materials = draw(st.sampled_from([None, [MaterialLine("防水涂料", 10, "kg")]]))
        check_values = dict(values) | ({} if materials is None else {"materials": materials})
        return check_values, lambda s, t, a: save_plan(s, t, a, materials=materials, now=now, **values)
    if action == Action.START_REPAIR:
        return {}, lambda s, t, a: start_repair(s, t, a, now=now)
    if action == Action.LOG_WORK:
        text, people = draw(TEXT), draw(MAYBE_TEXT)
        start = now - dt.timedelta(hours=2)
        values = {"description": text, "people": people, "started_at": start, "ended_at": now}
        return values, lambda s, t, a: log_work(s, t, a, description=text, people=people, started_at=start,
                                                ended_at=now, now=now)
    if action == Action.SUBMIT_FOR_ACCEPTANCE:
        return {}, lambda s, t, a: submit_for_acceptance(s, t, a, now=now)
    if action == Action.ATTACH:
        data = draw(st.sampled_from([b"", b"photo-1", b"photo-2"]))
        stage = draw(st.sampled_from([PhotoStage.AFTER, PhotoStage.AFTER, PhotoStage.BEFORE]))
        return ({"data": data, "stage": stage, "original_name": "p.jpg"},
                lambda s, t, a: attach_file(s, w.store, t, a, data=data, original_name="p.jpg",
                                            mime_type="image/jpeg", stage=stage, now=now))
    if action == Action.SIGN:
        role = draw(st.sampled_from([SignerRole.OWNER, SignerRole.OWNER, SignerRole.TECHNICIAN]))
        name = draw(st.sampled_from(["", "王女士"]))
        values = {"signer_role": role, "signer_name": name, "image": PNG, "method": "on_screen"}
        return values, lambda s, t, a: sign(s, w.store, t, a, signer_role=role, signer_name=name, image=PNG, now=now)
    if action == Action.ACCEPT:
        score = draw(st.integers(0, 6))
        return {"satisfaction": score}, lambda s, t, a: accept(s, t, a, satisfaction=score, now=now)
    if action == Action.REJECT:
        reason = draw(TEXT)
        return {"reason": reason}, lambda s, t, a: reject(s, t, a, reason=reason, now=now)
    if action == Action.RECORD_FOLLOW_UP:
        result = draw(TEXT)
        return {"follow_up_result": result}, lambda s, t, a: record_follow_up(s, t, a, result=result, now=now)
    if action == Action.ARCHIVE:
        result = draw(st.sampled_from([None, "", "业主满意"]))
        values = {} if result is None else {"follow_up_result": result}
        return values, lambda s, t, a: archive(s, t, a, follow_up_result=result, now=now)
    if action in (Action.CANCEL, Action.REOPEN, Action.PAUSE_TIMER):
        reason = draw(TEXT)
        call = {Action.CANCEL: cancel, Action.REOPEN: reopen, Action.PAUSE_TIMER: pause_timer}[action]
        return {"reason": reason}, lambda s, t, a: call(s, t, a, reason=reason, now=now)
    if action == Action.RESUME_TIMER:
        return {}, lambda s, t, a: resume_timer(s, t, a, now=now)
    if action == Action.COMMENT:
        text = draw(TEXT)
        return {"text": text}, lambda s, t, a: add_comment(s, t, a, text, now=now)
    if action == Action.MARK_DUPLICATE:
        other_id = draw(st.sampled_from(machine.tickets))

        def call(s, t, a):
            return mark_duplicate(s, t, s.get(Ticket, other_id), a, now=now)

        return {"original_id": other_id}, call
    if action == Action.EDIT:
        name, value = draw(st.sampled_from([
            ("urgency", Urgency.EMERGENCY), ("urgency", Urgency.NORMAL), ("description", ""),
            ("description", "卫生间和厨房都渗水"), ("structural_safety", True), ("structural_safety", False),
            ("cause", Cause.MISUSE), ("cause", Cause.CONSTRUCTION_DEFECT), ("building_part", BuildingPart.EXTERIOR_WALL),
            ("plan_people", "王师傅"), ("plan_duration_hours", 2.0), ("follow_up_result", "已回访"),
            ("not_covered_reason", "使用不当"), ("number", "X"), ("location_id", machine.world.other_room_id),
        ]))
        return ({"field": name, "value": value},
                lambda s, t, a: edit_field(s, t, a, name, value, now=now))
    raise AssertionError(action)


ACTIONS = [a for a in Action if a != Action.REGISTER]


class Lifecycle(RuleBasedStateMachine):
    template: Path
    workdir: Path
    reached: set[str] = set()  # every state a ticket was seen in, over all examples

    tickets_bundle = Bundle("tickets")

    def __init__(self) -> None:
        super().__init__()
        folder = Path(tempfile.mkdtemp(dir=self.workdir))
        shutil.copy2(self.template, folder / "store.db")
        self.db = open_database(folder / "store.db")
        self.world = build_world(self.db)
        self.clock = T0
        self.tickets: list[uuid.UUID] = []
        self.rework: dict[uuid.UUID, int] = {}
        self.outcomes: dict[str, int] = {"allowed": 0, "refused": 0}

    def _register(self, urgency: int, structural: bool, owner: bool, room: bool) -> uuid.UUID:
        with self.db.transaction() as session:
            ticket = register_ticket(session, self.world.actor(session, "clerk"), intake(
                self.world, urgency=urgency, structural_safety=structural,
                owner_id=self.world.staff["tech"] if owner else None,
                location_id=self.world.room_id if room else self.world.other_room_id,
            ), now=self.clock)
            ticket_id = ticket.id
        self.tickets.append(ticket_id)
        self.rework[ticket_id] = 0
        return ticket_id

    @initialize(target=tickets_bundle)
    def first_ticket(self):
        return self._register(Urgency.NORMAL, False, True, True)

    @rule(target=tickets_bundle, urgency=st.sampled_from(list(Urgency)),
          structural=st.integers(0, 6).map(lambda n: n == 0), owner=st.booleans(), room=st.booleans())
    def register(self, urgency, structural, owner, room):
        return self._register(urgency, structural, owner, room)

    @rule(minutes=st.integers(1, 60 * 24 * 4))
    def time_passes(self, minutes):
        self.clock += dt.timedelta(minutes=minutes)

    @rule(ticket_id=tickets_bundle, action=st.sampled_from(ACTIONS), who=st.sampled_from(PEOPLE), data=st.data())
    def act(self, ticket_id, action, who, data):
        self.clock += dt.timedelta(minutes=data.draw(st.integers(1, 240)))
        values, call = _inputs(data.draw, self, action, ticket_id)
        with self.db.sessions() as session:
            ticket = session.get(Ticket, ticket_id)
            before = (ticket.state, ticket.version)
            if action == Action.MARK_DUPLICATE:
                values = {"original": session.get(Ticket, values["original_id"])}
            predicted = check(ticket, action, self.world.actor(session, who), values)
        try:
            with self.db.transaction() as session:
                call(session, session.get(Ticket, ticket_id), self.world.actor(session, who))
            refused = None
        except TransitionRefused as error:
            refused = error.messages
        with self.db.sessions() as session:
            ticket = session.get(Ticket, ticket_id)
            after = (ticket.state, ticket.version)
        if refused is not None:
            self.outcomes["refused"] += 1
            assert refused == predicted and refused
            assert after == before, "a refused action changed the ticket"
            return
        self.outcomes["allowed"] += 1
        assert predicted == []
        target = RULES[action].target
        assert after[0] == (target.value if target is not None else before[0])
        assert after[1] in (before[1], before[1] + 1)
        if (before[0], after[0]) in REWORK_TRANSITIONS:
            self.rework[ticket_id] += 1

    @rule(ticket_id=tickets_bundle, other_way=st.integers(0, 3).map(lambda n: n == 0))
    def advance(self, ticket_id, other_way):
        """The next step, done properly by the right person (goes deep); `other_way` takes the
        side exit (not covered) or fails the acceptance."""
        self.clock += dt.timedelta(minutes=45)
        w, now = self.world, self.clock
        with self.db.transaction() as session:
            ticket = session.get(Ticket, ticket_id)
            tech, clerk = w.actor(session, "tech"), w.actor(session, "clerk")
            before = ticket.state
            if before == "received":
                if ticket.owner_id != tech.id:
                    assign_owner(session, ticket, clerk, tech.id, reason="改派", now=now)
                take_ticket(session, ticket, tech, now=now)
            elif before == "diagnosing" and other_way:
                rule_not_covered(session, ticket, w.actor(session, "pm"), reason="业主自行改造", now=now)
            elif before == "diagnosing":
                diagnose(session, ticket, tech, now=now, cause=Cause.CONSTRUCTION_DEFECT, defect_category_id=LEAK,
                         building_part=BuildingPart.WATERPROOF_ROOMS, responsible_party=ResponsibleParty.OWN_TEAM)
            elif before == "planning":
                save_plan(session, ticket, tech, now=now, plan_people="王师傅", plan_duration_hours=4.0,
                          plan_safety_measures="设警示牌", plan_by_design_unit=bool(ticket.structural_safety))
                start_repair(session, ticket, tech, now=now)
            elif before == "in_repair":
                log_work(session, ticket, tech, description="重做防水", people="王师傅",
                         started_at=now - dt.timedelta(hours=1), ended_at=now, now=now)
                attach_file(session, w.store, ticket, tech, data=b"after", original_name="a.jpg",
                            mime_type="image/jpeg", stage=PhotoStage.AFTER, now=now)
                submit_for_acceptance(session, ticket, tech, now=now)
            elif before == "acceptance" and other_way:
                reject(session, ticket, tech, reason="仍渗水", now=now)
            elif before == "acceptance":
                sign(session, w.store, ticket, tech, signer_role=SignerRole.OWNER, signer_name="王女士",
                     image=PNG, now=now)
                accept(session, ticket, tech, satisfaction=4, now=now)
            elif before == "follow_up":
                archive(session, ticket, clerk, follow_up_result="业主满意", now=now)
            elif before == "archived":
                reopen(session, ticket, w.actor(session, "pm"), reason="再次渗水", now=now)
            after = ticket.state
        if (before, after) in REWORK_TRANSITIONS:
            self.rework[ticket_id] += 1

    @invariant()
    def every_ticket_is_sound(self):
        with self.db.sessions() as session:
            for ticket_id in self.tickets:
                ticket = session.get(Ticket, ticket_id)
                Lifecycle.reached.add(ticket.state)
                assert ticket_problems(session, ticket, strict_replay=True, now=self.clock) == []
                assert ticket.rework_count == self.rework[ticket_id]

    def teardown(self):
        self.db.close()


def test_random_lifecycles_keep_every_invariant(empty_template: Path, tmp_path: Path) -> None:
    Lifecycle.template, Lifecycle.workdir = empty_template, tmp_path
    Lifecycle.reached = set()
    run_state_machine_as_test(
        Lifecycle,
        # derandomize: the same sequences on every run (a suite with a time budget, no flakes)
        settings=settings(max_examples=25, stateful_step_count=50, deadline=None, derandomize=True),
    )
    assert Lifecycle.reached == {s.value for s in TicketState}
