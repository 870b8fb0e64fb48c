"""The command line as a person (or a script) uses it: full ids, `--json`, one-line errors,
and a `--help` that loads neither the jobs nor the database."""

from __future__ import annotations

import json
import os
import re
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


def test_lists_print_full_ids_and_json(tmp_path: Path) -> None:
    """In-process (the runner's output is a pipe, as in `planroom company list | cat`)."""
    from typer.testing import CliRunner

    from planroom.cli import app

    runner = CliRunner()
    env: dict[str, str | None] = {
        "PLANROOM_DATA_DIR": str(tmp_path),
        "PLANROOM_DATABASE_URL": f"sqlite:///{tmp_path}/planroom.db",
        "PLANROOM_QUEUE_URL": None,
        "COLUMNS": "60",  # a narrow terminal must not cut ids either
    }

    def run(*args: str) -> Any:
        result = runner.invoke(app, list(args), env=env)
        assert result.exit_code == 0, result.output
        return result.stdout

    def run_json(*args: str) -> Any:
        return json.loads(run(*args))

    name = "A Company With A Rather Long Name, Limited"
    company = run_json("company", "create", "--name", name, "--sandbox", "--json")
    listed = run("company", "list")
    assert company["id"] in listed and name in listed
    [row] = run_json("company", "list", "--json")
    assert row["id"] == company["id"] and row["sandbox"] is True

    key = run_json("apikey", "create", "--company", company["id"], "--json")
    keys = run_json("apikey", "list", "--company", company["id"], "--json")
    assert len(keys) == 2 and key["id"] in {entry["id"] for entry in keys}
    assert all(re.fullmatch(UUID, entry["id"]) for entry in keys)
    assert key["id"] in run("apikey", "list", "--company", company["id"])

    operator = run_json("operator", "create", "--name", "Dana Drafter", "--json")
    [listed_operator] = run_json("operator", "list", "--json")
    assert listed_operator["id"] == operator["id"] and listed_operator["revoked"] is None
    assert operator["id"] in run("operator", "list")
    assert run_json("mail", "list", "--json") == []


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
