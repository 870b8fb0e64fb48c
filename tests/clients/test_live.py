"""The generated Python client against a live Planroom (uvicorn on a free local port, with its
embedded workers): create a user and a draft, register a real webhook receiver on 127.0.0.1,
upload a sample scan, wait for Ready, download a delivered plan, and check the signature of the
`moved_to_ready` call with `planroom_client.webhooks`."""

from __future__ import annotations

import json
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from planroom_client.api.company import get_webhook, update_webhook
from planroom_client.api.orders import create_draft, get_order, upload_scan
from planroom_client.api.users import create_user
from planroom_client.connect import connect
from planroom_client.models import (
    DraftCreate,
    DraftCreatePackageTypeType0,
    Error,
    OrderOut,
    UploadScanJsonBody,
    UserCreate,
    UserCreated,
    UserCreateRole,
    WebhookSettings,
    WebhookUpdate,
    WebhookUpdateWebhookTriggersType0Item,
)
from planroom_client.models.order_info_status import OrderInfoStatus
from planroom_client.models.status_changed_current_status import StatusChangedCurrentStatus
from planroom_client.webhooks import WebhookVerificationError, verify

from planroom.app import create_app
from planroom.companies import service as companies
from planroom.db.engine import unit_of_work
from planroom.floormodel.samples import sample_scan_bytes
from planroom.runtime import Runtime
from tests.conftest import make_settings
from tests.tours.live import serve
from tests.webhooks.receiver import Receiver, running_receiver

READY_WITHIN_SECONDS = 300


@dataclass(frozen=True)
class Live:
    base: str
    api_key: str


@pytest.fixture
def live(sqlite_template: Path, tmp_path: Path) -> Iterator[Live]:
    database = tmp_path / "planroom.db"
    shutil.copy(sqlite_template, database)
    settings = make_settings(tmp_path, f"sqlite:///{database}", embedded_workers=1)
    runtime = Runtime.from_settings(settings)
    try:
        with unit_of_work(runtime.session_factory) as session:
            api_key = companies.create_company(session, name="SDK Test").api_key
        with serve(create_app(runtime)) as base:
            yield Live(base, api_key)
    finally:
        runtime.close()


def _wait_for_ready(client: object, order_id: uuid.UUID) -> OrderOut:
    deadline = time.monotonic() + READY_WITHIN_SECONDS
    while True:
        order = get_order.sync(order_id, client=client)  # type: ignore[arg-type]
        assert isinstance(order, OrderOut), order
        if order.info.status == OrderInfoStatus.READY:
            return order
        assert order.info.status == OrderInfoStatus.PENDING, order.info.status
        assert time.monotonic() < deadline, "the order did not become Ready"
        time.sleep(0.5)


def _ready_call(receiver: Receiver) -> tuple[dict[str, str], bytes]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for call in list(receiver.received):
            if b'"current_status":"Ready"' in call.body.replace(b" ", b""):
                return call.headers, call.body
        time.sleep(0.2)
    raise AssertionError(f"no moved_to_ready call: {receiver.received}")


def test_a_draft_with_a_scan_becomes_ready_and_its_webhook_verifies(live: Live) -> None:
    client = connect(live.base, live.api_key, timeout=httpx.Timeout(120.0))
    scan = json.loads(sample_scan_bytes("apartment"))
    with running_receiver() as receiver, client:
        user = create_user.sync(
            client=client,
            body=UserCreate(
                email="owner@example.com", role=UserCreateRole.MANAGER, password="a-long-password"
            ),
        )
        assert isinstance(user, UserCreated), user
        triggers = [WebhookUpdateWebhookTriggersType0Item.MOVED_TO_READY]
        registration = WebhookUpdate(webhook_urls=[receiver.url], webhook_triggers=triggers)
        update_webhook.sync(client=client, body=registration)
        hook = get_webhook.sync(client=client)
        assert isinstance(hook, WebhookSettings) and hook.signing_secret.startswith("whsec_")

        draft = create_draft.sync(
            client=client,
            body=DraftCreate(
                street="121 North Washington Avenue",
                city="Minneapolis",
                country="United States",
                owner_email="owner@example.com",
                postal_code="55411",
                package_type=DraftCreatePackageTypeType0.BASE,
            ),
            idempotency_key=str(uuid.uuid4()),
        )
        assert isinstance(draft, OrderOut), draft
        assert draft.info.status == OrderInfoStatus.DRAFT
        assert draft.address.postal_code == "55411"

        pending = upload_scan.sync(draft.id, client=client, body=UploadScanJsonBody.from_dict(scan))
        assert isinstance(pending, OrderOut), pending
        assert pending.info.status == OrderInfoStatus.PENDING

        ready = _wait_for_ready(client, draft.id)
        plans = ready.delivery_assets.listing_floorplans
        assert plans is not None and plans.png_urls
        png = httpx.get(plans.png_urls[0].replace("http://testserver", live.base), timeout=60)
        assert png.status_code == 200 and png.content.startswith(b"\x89PNG")

        headers, body = _ready_call(receiver)
    event = verify(hook.signing_secret, headers, body)
    assert event.id == draft.id
    assert event.current_status == StatusChangedCurrentStatus.READY
    with pytest.raises(WebhookVerificationError):
        verify(hook.signing_secret, headers, body.replace(b"Ready", b"Fixed"))
    with pytest.raises(WebhookVerificationError):
        verify(hook.signing_secret, headers, body, now=time.time() + 3600)


def test_errors_come_back_as_the_documented_models(live: Live) -> None:
    with connect(live.base, live.api_key) as client:
        missing = get_order.sync(uuid.uuid4(), client=client)
        assert isinstance(missing, Error) and missing.code == "not_found"
    with connect(live.base, "prk_not-a-key") as stranger:
        refused = get_order.sync(uuid.uuid4(), client=stranger)
        assert isinstance(refused, Error) and refused.code == "unauthorized"
