"""Remembered page boundaries: rows added at the head move them down, another version drops
them, and a reader who saw fewer rows at the head has its boundaries moved to the newer count."""

from __future__ import annotations

from planroom.core.pagination import Signposts

LIST = "company 1, no filter"


def test_boundaries_move_down_by_the_rows_added_at_the_head() -> None:
    posts = Signposts()
    posts.remember(LIST, 7, 10, {100: ("k100",), 110: ("k110",)})
    posts.remember(LIST, 7, 12, {300: ("k300",)})  # two newest orders since
    assert posts.nearest(LIST, 111) == (7, 12, 102, ("k100",))
    assert posts.nearest(LIST, 112) == (7, 12, 112, ("k110",))
    assert posts.nearest(LIST, 301) == (7, 12, 300, ("k300",))
    assert posts.nearest(LIST, 101) is None


def test_a_reader_that_saw_fewer_rows_at_the_head_is_moved_to_the_newer_count() -> None:
    posts = Signposts()
    posts.remember(LIST, 7, 12, {200: ("k200",)})
    posts.remember(LIST, 7, 11, {50: ("k50",)})  # read before the last newest order came
    assert posts.nearest(LIST, 60) == (7, 12, 51, ("k50",))
    assert posts.nearest(LIST, 250) == (7, 12, 200, ("k200",))


def test_another_version_forgets_every_boundary() -> None:
    posts = Signposts()
    posts.remember(LIST, 7, 10, {100: ("k100",)})
    posts.remember(LIST, 8, 10, {40: ("k40",)})
    assert posts.nearest(LIST, 150) == (8, 10, 40, ("k40",))


def test_lists_without_growth_keep_their_boundaries_as_they_were() -> None:
    posts = Signposts()
    posts.remember(LIST, 7, None, {100: ("k100",)})
    posts.remember(LIST, 7, None, {120: ("k120",)})
    assert posts.nearest(LIST, 110) == (7, None, 100, ("k100",))
    assert posts.nearest(LIST, 130) == (7, None, 120, ("k120",))


def test_with_room_a_boundary_before_the_page_goes_first() -> None:
    posts = Signposts()
    posts.remember(LIST, 7, 10, {80: ("k80",), 100: ("k100",), 120: ("k120",)})
    # the next page after a newest order: the boundary at 100 is at 101 now, 80 at 81
    assert posts.nearest(LIST, 100, room=50) == (7, 10, 80, ("k80",))
    assert posts.nearest(LIST, 100) == (7, 10, 100, ("k100",))
    assert posts.nearest(LIST, 110, room=50) == (7, 10, 100, ("k100",))
    assert posts.nearest(LIST, 200, room=50) == (7, 10, 120, ("k120",))
    # nothing within the room: the boundary at the page, as without room
    assert posts.nearest(LIST, 80, room=10) == (7, 10, 80, ("k80",))
