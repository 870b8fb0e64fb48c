"""The yardstick of `bench/load.py`: an ASGI app that answers each path with fixed bytes.

Served under the same uvicorn options as Planroom, it shows what the server, the loop and the
load generator cost by themselves, so Planroom's figures read as a ratio of the possible.
`BENCH_PAYLOADS` names a JSON file mapping "path?query" to the body to answer, or to
`{"body": ..., "etag": ...}`: then the answer carries that `ETag`, and a request whose
`If-None-Match` is that tag gets an empty 304, as a conditional GET of Planroom's does.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

Scope = dict[str, Any]


def make_app() -> Any:
    payloads: dict[str, tuple[bytes, bytes | None]] = {}
    for path, value in json.loads(Path(os.environ["BENCH_PAYLOADS"]).read_text()).items():
        if isinstance(value, str):
            payloads[path] = (value.encode(), None)
        else:
            payloads[path] = (value["body"].encode(), value["etag"].encode())

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
        body, etag = payloads.get(scope["path"] + (f"?{query}" if query else ""), (b"{}", None))
        status = 200
        headers = [(b"content-type", b"application/json")]
        if etag is not None:
            headers.append((b"etag", etag))
            if any(name == b"if-none-match" and value == etag for name, value in scope["headers"]):
                status, body, headers = 304, b"", [(b"etag", etag)]
        headers.append((b"content-length", b"%d" % len(body)))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return app
