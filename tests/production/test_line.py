"""The production item state machine: only the moves in its table happen, each clearing what
the state it enters demands."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from planroom.core.clock import clock
from planroom.core.errors import InvalidState
from planroom.production.line import (
    ALLOWED,
    CONVERT_LEASE,
    ItemState,
    RoundKind,
    can_move,
    move_item,
)
from planroom.production.models import ProductionItem

S = ItemState


def item_in(state: ItemState) -> ProductionItem:
    return ProductionItem(
        order_id=uuid.uuid4(),
        state=state,
        round_kind=RoundKind.NEW,
        priority=0,
        due_at=clock.now() + timedelta(hours=48),
        problems=["earlier problem"],
        claimed_by=uuid.uuid4(),
        claim_expires_at=clock.now() + timedelta(hours=1),
    )


ILLEGAL = [
    (S.NEW, S.DONE),
    (S.NEW, S.RENDERING),
    (S.CONVERTING, S.DONE),
    (S.APPROVAL, S.DONE),
    (S.DONE, S.FAILED),
    (S.DONE, S.DRAFTING),
    (S.FAILED, S.RENDERING),
    (S.FAILED, S.DONE),
    (S.FIXING, S.FAILED),
]


def test_every_state_has_a_row_and_every_state_can_be_reached() -> None:
    assert set(ALLOWED) == set(ItemState)
    reached = set().union(*ALLOWED.values())
    assert reached == set(ItemState) - {S.NEW}


@pytest.mark.parametrize(("current", "to"), ILLEGAL)
def test_a_move_outside_the_table_raises_and_changes_nothing(
    current: ItemState, to: ItemState
) -> None:
    assert not can_move(current, to)
    item = item_in(current)
    with pytest.raises(InvalidState, match=f"is {current} on the production line"):
        move_item(item, to, round=RoundKind.FIX, problems=[])
    assert item.state == current
    assert item.round_kind == RoundKind.NEW
    assert item.problems == ["earlier problem"]
    assert item.claimed_by is not None


def test_a_move_to_another_state_drops_the_claim_and_sets_round_and_problems() -> None:
    item = item_in(S.DONE)
    move_item(item, S.FIXING, round=RoundKind.FIX, problems=["change request: wall"])
    assert (item.state, item.round_kind, item.problems) == (
        "fixing",
        "fix",
        ["change request: wall"],
    )
    assert item.claimed_by is None and item.claim_expires_at is None


def test_a_move_within_a_state_keeps_the_claim_and_what_was_not_given() -> None:
    item = item_in(S.DRAFTING)
    move_item(item, S.DRAFTING)
    assert item.claimed_by is not None
    assert item.problems == ["earlier problem"]
    assert item.round_kind == RoundKind.NEW


def test_converting_opens_the_queued_lease_and_leaving_it_clears_the_leases() -> None:
    item = item_in(S.FAILED)
    move_item(item, S.CONVERTING, round=RoundKind.NEW, problems=[])
    assert item.lease_expires_at is not None
    assert item.lease_expires_at <= clock.now() + CONVERT_LEASE
    item.running_until = clock.now() + timedelta(seconds=30)
    move_item(item, S.APPROVAL)
    assert item.lease_expires_at is None and item.running_until is None
