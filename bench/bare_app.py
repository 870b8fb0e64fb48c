"""The yardstick of `bench/load.py`: an ASGI app that answers each path with fixed bytes.

Served under the same uvicorn options as Planroom, it shows what the server, the loop and the
load generator cost by themselves, so Planroom's figures read as a ratio of the possible.
`BENCH_PAYLOADS` names a JSON file mapping "path?query" to the body to answer.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

Scope = dict[str, Any]


def make_app() -> Any:
    payloads = {
        path: body.encode()
        for path, body in json.loads(Path(os.environ["BENCH_PAYLOADS"]).read_text()).items()
    }

    async def app(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        query = scope.get("query_string", b"").decode()
        body = payloads.get(scope["path"] + (f"?{query}" if query else ""), b"{}")
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return app
