"""The command line as a person (or a script) uses it: full ids, `--json`, one-line errors,
and a `--help` that loads neither the jobs nor the database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def _run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PLANROOM_DATA_DIR": str(data_dir),
        "PLANROOM_DATABASE_URL": f"sqlite:///{data_dir}/planroom.db",
        "COLUMNS": "60",  # a narrow terminal must not cut ids either
    }
    env.pop("PLANROOM_QUEUE_URL", None)
    command = [sys.executable, "-c", "from planroom.cli import app; app()", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def _json(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_lists_print_full_ids_and_json(tmp_path: Path) -> None:
    name = "A Company With A Rather Long Name, Limited"
    company = _json(_run(tmp_path, "company", "create", "--name", name, "--sandbox", "--json"))
    listed = _run(tmp_path, "company", "list")
    assert listed.returncode == 0, listed.stderr
    assert company["id"] in listed.stdout and name in listed.stdout  # piped: nothing cut
    [row] = _json(_run(tmp_path, "company", "list", "--json"))
    assert row["id"] == company["id"] and row["sandbox"] is True

    key = _json(_run(tmp_path, "apikey", "create", "--company", company["id"], "--json"))
    keys = _json(_run(tmp_path, "apikey", "list", "--company", company["id"], "--json"))
    assert {entry["id"] for entry in keys} == {key["id"], keys[-1]["id"]} and len(keys) == 2
    assert key["id"] in _run(tmp_path, "apikey", "list", "--company", company["id"]).stdout

    operator = _json(_run(tmp_path, "operator", "create", "--name", "Dana Drafter", "--json"))
    [listed_operator] = _json(_run(tmp_path, "operator", "list", "--json"))
    assert listed_operator["id"] == operator["id"] and listed_operator["revoked"] is None
    assert operator["id"] in _run(tmp_path, "operator", "list").stdout
    assert _json(_run(tmp_path, "mail", "list", "--json")) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("operator", "revoke", "--id", str(uuid.uuid4())), "Error: No operator with this id."),
        (
            ("apikey", "revoke", "--company", str(uuid.uuid4()), "--key", str(uuid.uuid4())),
            "Error: No API key with this id belongs to this company.",
        ),
        (("apikey", "list", "--company", str(uuid.uuid4())), "Error: No company with this id."),
    ],
)
def test_an_unknown_id_is_one_line_and_exit_code_1(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = _run(tmp_path, *args)
    assert result.returncode == 1
    assert result.stderr.strip() == message
    assert "Traceback" not in result.stderr + result.stdout


def test_help_loads_neither_the_jobs_nor_the_database() -> None:
    probe = (
        "import sys\n"
        "from planroom.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('planroom.tasks', 'sqlalchemy', 'fastapi', 'rich', 'numpy')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "webhooks" in result.stdout and "HEAVY []" in result.stdout
