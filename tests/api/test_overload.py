"""Past its capacity a process answers 503 `overloaded` with `Retry-After` at once: no request
waits on a database connection or a thread it cannot get."""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from planroom.api.edge import Edge
from planroom.app import create_app
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.conftest import make_settings

API = "/api/integrate/v3"


def test_a_request_that_gets_no_database_slot_is_a_503_with_retry_after(
    tmp_path: Path, database_url: str
) -> None:
    settings = make_settings(tmp_path, database_url, db_pool_size=4, db_wait_seconds=0.05)
    runtime = Runtime.from_settings(settings)
    app = create_app(runtime)
    gate = app.state.db_gate
    assert gate.slots == 2  # the pool less the 2 connections kept for the mailer and reconciler
    with TestClient(app) as client:
        tenant = make_tenant(runtime, client)

    async def scenario() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            headers = {"api-key": tenant.api_key}
            async with AsyncExitStack() as held:
                for _ in range(gate.slots):  # every slot busy with someone else's request
                    await held.enter_async_context(gate.slot())
                refused = await http.get(f"{API}/users", headers=headers)
            served = await http.get(f"{API}/users", headers=headers)
        return refused, served

    try:
        refused, served = asyncio.run(scenario())
    finally:
        runtime.close()
    assert refused.status_code == 503
    assert refused.json()["code"] == "overloaded"
    assert refused.headers["retry-after"] == "1"
    assert served.status_code == 200  # the slots came back


def test_past_the_requests_in_flight_the_answer_is_a_503_at_once() -> None:
    release, both_in = asyncio.Event(), asyncio.Event()
    entered: list[object] = []

    async def slow_app(scope: object, receive: object, send: object) -> None:
        entered.append(scope)
        if len(entered) == 2:
            both_in.set()
        await release.wait()
        await send({"type": "http.response.start", "status": 204, "headers": []})  # type: ignore[operator]
        await send({"type": "http.response.body", "body": b""})  # type: ignore[operator]

    limited = Edge(slow_app, max_bytes=1024, max_in_flight=2)

    async def scenario() -> list[int]:
        transport = httpx.ASGITransport(app=limited)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            waiting = [asyncio.create_task(http.get("/")) for _ in range(2)]
            await both_in.wait()
            over = await http.get("/")
            release.set()
            return [over.status_code, *[(await task).status_code for task in waiting]]

    assert asyncio.run(scenario()) == [503, 204, 204]
