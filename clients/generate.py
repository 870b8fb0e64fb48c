"""Generate the clients in `clients/` from Planroom's OpenAPI document.

    .venv/bin/python clients/generate.py            # write clients/python again
    .venv/bin/python clients/generate.py OUT_DIR    # write it somewhere else (the test does)
    .venv/bin/python clients/generate.py --typescript   # write clients/typescript/src/schema.d.ts

The TypeScript client's types come from `openapi-typescript`, pinned in
`clients/typescript/package.json` (run `npm ci` there first); its calls are `openapi-fetch`'s.

The generator is `openapi-python-client`, pinned as a dev dependency in pyproject.toml. The
files in `HAND_WRITTEN` (the webhook signature check, the README) are not generated: they are
kept across a regeneration. `tests/clients` fails when the checked-in client is not what this
script writes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CLIENT_DIR = HERE / "python"
CONFIG = HERE / "python-client.yaml"
HAND_WRITTEN = ("README.md", "planroom_client/connect.py", "planroom_client/webhooks.py")
# the document describes this address in `servers`; the client is given its base URL anyway
DOCUMENTED_URL = "https://planroom.example"


def document() -> dict[str, Any]:
    """The Integrate API's OpenAPI document, as `GET /api/integrate/v3/openapi.json` serves it."""
    from planroom.app import create_app
    from planroom.runtime import Runtime
    from planroom.settings import Settings

    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            data_dir=Path(folder),
            database_url=f"sqlite:///{folder}/unused.db",
            public_url=DOCUMENTED_URL,
            embedded_workers=0,
        )
        runtime = Runtime.from_settings(settings)
        try:
            return create_app(runtime).openapi()
        finally:
            runtime.close()


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).parent / name
    return str(beside_python) if beside_python.exists() else name


def generate(target: Path) -> None:
    """Write the client into `target` (replacing what is there, keeping `HAND_WRITTEN`)."""
    kept = {name: (target / name).read_bytes() for name in HAND_WRITTEN if (target / name).exists()}
    with tempfile.TemporaryDirectory() as folder:
        spec = Path(folder) / "openapi.json"
        spec.write_text(json.dumps(document(), indent=2, sort_keys=True), encoding="utf-8")
        # the post hooks call ruff: the one of this environment
        path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
        env = {**os.environ, "PATH": path}
        subprocess.run(
            [
                _tool("openapi-python-client"),
                "generate",
                "--path",
                str(spec),
                "--config",
                str(CONFIG),
                "--meta",
                "uv",
                "--output-path",
                str(target),
                "--overwrite",
            ],
            check=True,
            env=env,
            cwd=folder,
            capture_output=True,
        )
    shutil.rmtree(target / ".ruff_cache", ignore_errors=True)  # left by the post hooks
    for name, data in kept.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(data)
    if not kept:  # a fresh output directory: take the hand-written files from the repository
        for name in HAND_WRITTEN:
            source = CLIENT_DIR / name
            if source.exists() and source.resolve() != (target / name).resolve():
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target / name)


TYPESCRIPT_DIR = HERE / "typescript"
TYPESCRIPT_SCHEMA = TYPESCRIPT_DIR / "src" / "schema.d.ts"


def generate_typescript(target: Path) -> None:
    """Write the TypeScript client's types (`schema.d.ts`) to `target`."""
    tool = TYPESCRIPT_DIR / "node_modules" / ".bin" / "openapi-typescript"
    if not tool.exists():
        raise SystemExit(f"openapi-typescript is not installed: run `npm ci` in {TYPESCRIPT_DIR}")
    with tempfile.TemporaryDirectory() as folder:
        spec = Path(folder) / "openapi.json"
        spec.write_text(json.dumps(document(), indent=2, sort_keys=True), encoding="utf-8")
        subprocess.run(
            [str(tool), str(spec), "--output", str(target)],
            check=True,
            cwd=TYPESCRIPT_DIR,
            capture_output=True,
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    if sys.argv[1:] == ["--typescript"]:
        generate_typescript(TYPESCRIPT_SCHEMA)
        sys.stdout.write(f"wrote {TYPESCRIPT_SCHEMA}\n")
    else:
        generate(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else CLIENT_DIR)
        sys.stdout.write(f"wrote {sys.argv[1] if len(sys.argv) > 1 else CLIENT_DIR}\n")
