"""The TypeScript client (`clients/typescript`): its checked-in types are what the pinned
`openapi-typescript` writes from today's OpenAPI document, and its code type-checks against
them (`tsc --strict`), so a renamed field breaks this test before it breaks an integrator."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.clients.conftest import CLIENT_ROOT

TYPESCRIPT = CLIENT_ROOT.parent / "typescript"
GENERATE = CLIENT_ROOT.parent / "generate.py"


def _installed() -> None:
    if shutil.which("npm") is None or shutil.which("node") is None:
        pytest.skip("Node.js and npm are not installed: the TypeScript client is not checked")
    if (TYPESCRIPT / "node_modules" / ".bin" / "openapi-typescript").exists():
        return
    done = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund"], cwd=TYPESCRIPT, capture_output=True, text=True
    )
    if done.returncode != 0:
        pytest.skip(
            f"`npm ci` in clients/typescript failed (no npm registry?): {done.stderr[-300:]}"
        )


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("planroom_generate_clients", GENERATE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_checked_in_types_are_what_the_generator_writes(tmp_path: Path) -> None:
    _installed()
    fresh = tmp_path / "schema.d.ts"
    _generator().generate_typescript(fresh)
    checked_in = (TYPESCRIPT / "src" / "schema.d.ts").read_text(encoding="utf-8")
    assert fresh.read_text(encoding="utf-8") == checked_in, (
        "regenerate with .venv/bin/python clients/generate.py --typescript"
    )
    assert '"/orders/{order_id}": {' in checked_in


def test_the_client_type_checks_against_its_types() -> None:
    _installed()
    tsc = TYPESCRIPT / "node_modules" / ".bin" / "tsc"
    done = subprocess.run([str(tsc), "--noEmit", "-p", "."], cwd=TYPESCRIPT, capture_output=True)
    assert done.returncode == 0, done.stdout.decode()
