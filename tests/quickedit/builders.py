"""Quick Edit test data: delivered orders made the way clients make them, and the page's calls."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient
from httpx import Response

from planroom.runtime import Runtime
from tests.builders import Tenant
from tests.orders.builders import ScanContent, create_draft, upload_scan
from tests.webhooks.receiver import Receiver


def run_queue(runtime: Runtime) -> None:
    while runtime.queue.drain():
        pass


def ready_order(
    runtime: Runtime,
    tenant: Tenant,
    scan: ScanContent = "two_storey_basement",
    receiver: Receiver | None = None,
    **draft: Any,
) -> dict[str, Any]:
    """A delivered (Ready) order, rendered by the real production line."""
    if receiver is not None:
        response = tenant.patch(
            "/companies/webhook",
            json={"webhook_urls": [receiver.url], "webhook_triggers": ["moved_to_ready"]},
        )
        assert response.status_code == 200, response.text
    order = create_draft(tenant, **draft)
    upload_scan(tenant, order["id"], scan)
    run_queue(runtime)
    ready: dict[str, Any] = tenant.get(f"/orders/{order['id']}").json()
    assert ready["info"]["status"] == "Ready", ready["info"]
    return ready


@dataclass
class EditLink:
    """A Quick Edit link and the page's JSON calls made with its token."""

    url: str
    order_id: str
    token: str
    client: TestClient

    @property
    def path(self) -> str:
        return f"/orders/{self.order_id}/edit"

    def _headers(self) -> dict[str, str]:
        return {"X-Quick-Edit-Token": self.token}

    def state(self) -> Response:
        return self.client.get(f"{self.path}/state", headers=self._headers())

    def save(self, base_version: int, *operations: dict[str, Any]) -> Response:
        body = {"base_version": base_version, "operations": list(operations)}
        return self.client.post(f"{self.path}/save", headers=self._headers(), json=body)

    def undo(self, base_version: int, to_version: int) -> Response:
        body = {"base_version": base_version, "to_version": to_version}
        return self.client.post(f"{self.path}/undo", headers=self._headers(), json=body)


def edit_link(client: TestClient, answer: Response) -> EditLink:
    assert answer.status_code == 200, answer.text
    url = answer.json()["url"]
    parts = urlsplit(url)
    token = parse_qs(parts.query)["t"][0]
    order_id = parts.path.split("/")[2]
    return EditLink(url=url, order_id=order_id, token=token, client=client)


def customer_link(tenant: Tenant, order_id: str, **body: Any) -> EditLink:
    return edit_link(tenant.client, tenant.post(f"/orders/{order_id}/quick-edit-link", json=body))


def calls(receiver: Receiver) -> list[dict[str, Any]]:
    return [json.loads(call.body) for call in receiver.received]


def space_named(state: dict[str, Any], name: str) -> dict[str, Any]:
    for space in state["model"]["spaces"]:
        if space["name"] == name:
            return dict(space)
    raise KeyError(name)
