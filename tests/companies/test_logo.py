"""The company logo: uploaded once, placed on plans whose style asks for it."""

from __future__ import annotations

import io

import numpy as np
from fastapi.testclient import TestClient
from PIL import Image

from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import create_draft, download, tenant_with_owner, upload_scan

LOGO_RED = (220, 20, 20)


def red_logo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 120), LOGO_RED).save(buffer, format="PNG")
    return buffer.getvalue()


def red_pixels(png: bytes) -> int:
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    return int(((red > 180) & (green < 80) & (blue < 80)).sum())


def test_upload_replace_and_remove_the_logo(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    assert tenant.get("/companies/logo").json() == {"logo_url": None}
    uploaded = tenant.put(
        "/companies/logo", content=red_logo(), headers={"content-type": "image/png"}
    )
    assert uploaded.status_code == 200, uploaded.text
    stored, content_type = download(client, uploaded.json()["logo_url"])
    assert content_type == "image/png"
    assert red_pixels(stored) > 0
    other = make_tenant(runtime, client, "Other")
    assert other.get("/companies/logo").json() == {"logo_url": None}
    assert tenant.delete("/companies/logo").json() == {"logo_url": None}
    assert tenant.get("/companies/logo").json() == {"logo_url": None}


def test_a_logo_that_is_not_an_image_is_refused(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    wrong_type = tenant.put(
        "/companies/logo", content=b"%PDF-1.4", headers={"content-type": "application/pdf"}
    )
    assert wrong_type.status_code == 415
    broken = tenant.put(
        "/companies/logo", content=b"not a png", headers={"content-type": "image/png"}
    )
    assert broken.status_code == 400


def test_plans_carry_the_logo_by_default_unless_the_style_hides_it(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    tenant.put("/companies/logo", content=red_logo(), headers={"content-type": "image/png"})
    placed = tenant.post(
        "/style-templates",
        json={"name": "Branded", "options": {"logo": {"position": "bottom-left"}}},
    ).json()
    hidden = tenant.post(
        "/style-templates", json={"name": "Unbranded", "options": {"show_logo": False}}
    ).json()
    orders = {
        "default": create_draft(tenant, external_id="default"),
        "placed": create_draft(
            tenant, order_preferences={"style_2d": {"style_template_id": placed["id"]}}
        ),
        "hidden": create_draft(
            tenant,
            external_id="hidden",
            order_preferences={"style_2d": {"style_template_id": hidden["id"]}},
        ),
    }
    for order in orders.values():
        upload_scan(tenant, order["id"], "apartment")
    while runtime.queue.drain():
        pass
    pngs = {}
    for name, order in orders.items():
        body = tenant.get(f"/orders/{order['id']}").json()
        assert body["info"]["status"] == "Ready"
        pngs[name] = download(client, body["delivery_assets"]["listing_floorplans"]["png_urls"][0])[
            0
        ]
    assert red_pixels(pngs["default"]) > 50
    assert red_pixels(pngs["placed"]) > 50
    assert red_pixels(pngs["hidden"]) == 0
