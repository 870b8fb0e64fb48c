import re

import pytest

import planroom.tasks  # noqa: F401 - registers every job
from planroom.jobs.registry import get_job, job_names, lane_of, reconciler_names

DOMAIN_ACTION = re.compile(r"^[a-z0-9_]+\.[a-z0-9_]+$")


def test_every_job_and_reconciler_is_named_domain_dot_action() -> None:
    names = job_names() + reconciler_names()
    assert len(names) >= 6
    assert [name for name in names if not DOMAIN_ACTION.match(name)] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("convert_scan", "production.convert_scan"),
        ("render_product", "production.render"),
        ("download_source", "production.download_source"),
    ],
)
def test_a_task_queued_under_a_former_name_still_finds_its_job(old: str, new: str) -> None:
    assert get_job(old) is get_job(new)
    assert lane_of(old) == lane_of(new)


def test_an_unknown_job_name_fails_with_its_name() -> None:
    with pytest.raises(LookupError, match=r"no job is registered as 'nobody\.knows'"):
        get_job("nobody.knows")
