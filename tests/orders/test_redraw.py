"""Redraw orders: from plan images given as URLs (downloaded through the guard) or uploaded."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from fastapi.testclient import TestClient
from sqlalchemy import select

from planroom.db.engine import unit_of_work
from planroom.orders.models import OrderSource
from planroom.runtime import Runtime
from tests.builders import make_tenant

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


@contextmanager
def plan_server(files: dict[str, tuple[str, bytes]]) -> Iterator[str]:
    """Serves `files` (path → content type, bytes) on 127.0.0.1; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = files.get(self.path)
            if found is None:
                self.send_response(404)
                self.end_headers()
                return
            content_type, data = found
            self.send_response(200)
            self.send_header("content-type", content_type)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _sources(runtime: Runtime, order_id: str) -> list[OrderSource]:
    with unit_of_work(runtime.session_factory) as session:
        return list(
            session.scalars(
                select(OrderSource)
                .where(OrderSource.order_id == uuid.UUID(order_id))
                .order_by(OrderSource.url)
            )
        )


def test_the_observed_live_error_of_post_orders(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    response = tenant.post("/orders", json={"address": {"street": "x"}, "info": {"a": 1}})
    assert response.status_code == 400
    assert response.json() == {
        "validation_error": {
            "body_params": [
                {"loc": ["street"], "msg": "field required"},
                {"loc": ["city"], "msg": "field required"},
                {"loc": ["country"], "msg": "field required"},
                {"loc": ["info"], "msg": "str type expected"},
                {"loc": ["source"], "msg": "field required"},
            ]
        }
    }


def test_redraw_from_urls_downloads_and_stores(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    files = {"/plan.png": ("image/png", PNG), "/notes.txt": ("text/plain", b"hello")}
    with plan_server(files) as base:
        response = tenant.post(
            "/orders",
            json={
                "street": "9 Blueprint Lane",
                "city": "Oulu",
                "country": "Finland",
                "info": "Please redraw",
                "source": [f"{base}/plan.png", f"{base}/notes.txt", f"{base}/missing.pdf"],
            },
        )
        assert response.status_code == 200, response.text
        order = response.json()
        assert order["info"]["status"] == "Pending"
        assert order["info"]["order_type"] == "redraw"
        assert order["info"]["is_scan_order"] is False
        runtime.queue.drain()
    by_url = {source.url.rsplit("/", 1)[-1]: source for source in _sources(runtime, order["id"])}
    assert by_url["plan.png"].state == "stored"
    assert runtime.storage.get(by_url["plan.png"].storage_key or "") == PNG
    assert by_url["notes.txt"].state == "failed"
    assert "not PNG, JPG or PDF" in (by_url["notes.txt"].error or "")
    assert by_url["missing.pdf"].state == "failed"
    assert "404" in (by_url["missing.pdf"].error or "")


def test_private_source_urls_are_refused_when_the_guard_is_on(
    runtime: Runtime, client: TestClient
) -> None:
    runtime.settings.webhook_allow_private_addresses = False
    tenant = make_tenant(runtime, client)
    with plan_server({"/plan.png": ("image/png", PNG)}) as base:
        order = tenant.post(
            "/orders",
            json={"street": "1 A St", "city": "B", "country": "C", "source": f"{base}/plan.png"},
        ).json()
        runtime.queue.drain()
    (source,) = _sources(runtime, order["id"])
    assert source.state == "failed"
    assert "loopback" in (source.error or "")


def test_redraw_from_uploaded_files(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    response = tenant.post(
        "/orders",
        data={"street": "2 Upload Road", "city": "Turku", "country": "Finland"},
        files=[("files", ("first floor.png", PNG, "image/png"))],
    )
    assert response.status_code == 200, response.text
    (source,) = _sources(runtime, response.json()["id"])
    assert source.state == "stored"
    assert source.filename == "first-floor.png"
    refused = tenant.post(
        "/orders",
        data={"street": "2 Upload Road", "city": "Turku", "country": "Finland"},
        files=[("files", ("plan.gif", b"GIF89a", "image/gif"))],
    )
    assert refused.status_code == 415


def test_source_must_be_an_http_url(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    response = tenant.post(
        "/orders",
        json={"street": "1 A St", "city": "B", "country": "C", "source": ["file:///etc/passwd"]},
    )
    assert response.status_code == 400
    assert response.json()["validation_error"]["body_params"][0]["loc"] == ["source", 0]
