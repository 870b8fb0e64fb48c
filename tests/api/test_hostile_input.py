"""Hostile input at the edge: each gets a named 4xx in the API's shape, never a 500, and leaves
nothing half-written. (Memory under such input is measured on a real server in
test_server_memory.py.)"""

from __future__ import annotations

import io
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import update

from planroom.app import create_app
from planroom.db.engine import unit_of_work
from planroom.orders.models import Order, OrderSource
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.conftest import make_settings
from tests.orders.builders import create_draft, tenant_with_owner

DEEP = 100_000


def bomb_png(side: int = 9400) -> bytes:
    """A PNG declaring side x side pixels in a few kilobytes (one bit a pixel, all white)."""
    buffer = io.BytesIO()
    Image.new("1", (side, side), 1).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def test_control_characters_are_cleaned_and_the_order_still_renders(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client, sandbox=True))
    order = create_draft(
        tenant, street="1 Main\u000b St", city="Oulu\u0000", info="Gate\u001b[31m code\n1234"
    )
    assert order["address"]["street"] == "1 Main St"
    assert order["address"]["city"] == "Oulu"
    assert order["info"]["add_info"] == "Gate[31m code\n1234"  # line breaks stay
    sample = tenant.post(f"/sandbox/orders/{order['id']}/scan-sample", json={"sample": "apartment"})
    assert sample.status_code == 200, sample.text
    ready = tenant.post(f"/sandbox/orders/{order['id']}/advance", json={"to": "Ready"})
    assert ready.status_code == 200, ready.text
    assert ready.json()["info"]["status"] == "Ready"
    assert ready.json()["delivery_assets"]["listing_floorplans"]["png_urls"], "plans were drawn"


def test_json_nested_100000_deep_is_a_400_naming_the_nesting(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = make_tenant(runtime, client)
    deep = b"[" * DEEP + b"]" * DEEP
    for path in ("/orders", "/orders/draft"):
        response = tenant.post(path, content=deep, headers={"content-type": "application/json"})
        assert response.status_code == 400, response.text
        (error,) = response.json()["validation_error"]["body_params"]
        assert "nested too deeply" in error["msg"]
    assert tenant.get("/orders").json()["items"] == []


def test_out_of_range_dates_are_a_400_naming_the_field(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = make_tenant(runtime, client)
    for query in ("created_before=3.8e115", "created_after=-1", "created_before=nan"):
        response = tenant.get(f"/orders?{query}")
        assert response.status_code == 400, query
        name = query.split("=")[0]
        assert response.json()["validation_error"]["query_params"][0]["loc"] == [name]


def test_an_unparseable_source_url_is_a_400_naming_the_field(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = make_tenant(runtime, client)
    address = {"street": "1 A St", "city": "B", "country": "C"}
    for source, loc in (
        ("http://0251.0376.0251.0376/x.png", ["source"]),
        (["https://example.com/a.png", "http://example.com:99999/x.png"], ["source", 1]),
    ):
        response = tenant.post("/orders", json={**address, "source": source})
        assert response.status_code == 400, response.text
        (error,) = response.json()["validation_error"]["body_params"]
        assert error["loc"] == loc
    assert tenant.get("/orders").json()["items"] == []


@contextmanager
def _png_server(body: bytes) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "image/png")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_the_download_job_never_leaves_a_source_pending(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = make_tenant(runtime, client)
    with _png_server(bomb_png()) as base:
        created = tenant.post(
            "/orders",
            json={
                "street": "1 A St",
                "city": "B",
                "country": "C",
                "source": [f"{base}/huge.png", f"{base}/odd.png"],
            },
        )
        assert created.status_code == 200, created.text
        order_id = created.json()["id"]
        with unit_of_work(runtime.session_factory) as session:
            # a URL stored before it was checked as the HTTP client parses it
            session.execute(
                update(OrderSource)
                .where(OrderSource.url == f"{base}/odd.png")
                .values(url="http://0251.0376.0251.0376/x.png")
            )
        runtime.queue.drain()
    sources = tenant.get(f"/orders/{order_id}").json()["redraw_sources"]
    assert [source["state"] for source in sources] == ["failed", "failed"]
    by_url = {source["url"].rsplit("/", 1)[-1]: source for source in sources}
    assert "megapixels" in by_url["huge.png"]["error"]
    assert "Invalid IPv4 address" in by_url["x.png"]["error"]
    with unit_of_work(runtime.session_factory) as session:
        assert session.get(Order, uuid.UUID(order_id)).status == "Pending"  # type: ignore[union-attr]


def test_a_logo_or_plan_image_with_too_many_pixels_is_a_413(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = make_tenant(runtime, client)
    bomb = bomb_png()
    logo = tenant.put("/companies/logo", content=bomb, headers={"content-type": "image/png"})
    assert logo.status_code == 413
    assert logo.json()["code"] == "too_large"
    assert "9400 x 9400" in logo.json()["message"]
    plan = tenant.post(
        "/orders",
        data={"street": "1 A St", "city": "B", "country": "C"},
        files={"files": ("plan.png", bomb, "image/png")},
    )
    assert plan.status_code == 413, plan.text
    assert tenant.get("/orders").json()["items"] == []


def test_bodies_past_the_limit_are_a_413_declared_or_streamed(
    tmp_path: Path, database_url: str
) -> None:
    runtime = Runtime.from_settings(make_settings(tmp_path, database_url, max_upload_bytes=2**20))
    try:
        with TestClient(create_app(runtime)) as client:
            tenant = make_tenant(runtime, client)
            big = b'{"name": "' + b"x" * (2 * 2**20) + b'"}'
            declared = tenant.post(
                "/offices", content=big, headers={"content-type": "application/json"}
            )

            def streamed() -> Iterator[bytes]:
                for start in range(0, len(big), 64 * 1024):
                    yield big[start : start + 64 * 1024]

            chunked = tenant.post(
                "/offices",
                content=streamed(),
                headers={"content-type": "application/json", "idempotency-key": "big"},
            )
            for response in (declared, chunked):
                assert response.status_code == 413, response.text
                assert response.json()["code"] == "too_large"
            assert tenant.get("/offices").json()["items"] == []
    finally:
        runtime.close()
