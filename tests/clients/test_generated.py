"""The checked-in Python client is exactly what `clients/generate.py` writes from today's OpenAPI
document: change an endpoint or a schema and forget to regenerate, and this fails."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tests.clients.conftest import CLIENT_ROOT

GENERATE = CLIENT_ROOT.parent / "generate.py"
CACHES = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not CACHES & set(path.parts)
    }


def test_the_checked_in_client_is_what_the_generator_writes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("planroom_generate_client", GENERATE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    fresh = tmp_path / "python"
    module.generate(fresh)
    written, checked_in = _files(fresh), _files(CLIENT_ROOT)
    assert sorted(written) == sorted(checked_in), "run: .venv/bin/python clients/generate.py"
    stale = [name for name in written if written[name] != checked_in[name]]
    assert not stale, f"regenerate with .venv/bin/python clients/generate.py: {stale}"
    assert "planroom_client/api/orders/create_draft.py" in written
    assert "planroom_client/webhooks.py" in written
