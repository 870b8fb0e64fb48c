"""Every list endpoint runs the same number of statements for a page of 2 rows as for 20."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from planroom.change_requests.models import ChangeRequest
from planroom.companies.models import Company, MergeRequest
from planroom.core.clock import clock
from planroom.db.engine import unit_of_work
from planroom.offices.models import Office
from planroom.orders.models import Order, OrderSource
from planroom.production.models import FloorModelVersion, ProductionItem
from planroom.runtime import Runtime
from planroom.style_templates.models import CompanyStyleTemplate
from planroom.users.models import User
from planroom.webhooks.models import WebhookAttempt, WebhookDelivery
from tests.builders import Tenant, counted, make_tenant
from tests.orders.builders import tenant_with_owner
from tests.production.helpers import Drafter, make_drafter

SMALL, LARGE = 2, 20


def _order(company_id: uuid.UUID, **fields: Any) -> Order:
    values: dict[str, Any] = {
        "company_id": company_id,
        "status": "Draft",
        "package_type": "plus",
        "street": "1 Count Street",
        "city": "Espoo",
        "country": "Finland",
    }
    return Order(**(values | fields))


class Lists:
    """Rows behind every list endpoint, each shaped to need whatever per-row data it shows."""

    def __init__(self, runtime: Runtime, client: TestClient) -> None:
        self.runtime = runtime
        self.client = client
        self.tenant: Tenant = tenant_with_owner(make_tenant(runtime, client))
        self.drafter: Drafter = make_drafter(runtime, client)
        with unit_of_work(runtime.session_factory) as session:
            order = _order(self.tenant.id, status="Ready")
            session.add(order)
            # an order on the production line, for its sources and model versions
            drafted = _order(self.tenant.id, status="Pending")
            session.add(drafted)
            session.flush()
            session.add(
                ProductionItem(
                    order_id=drafted.id, state="drafting", due_at=clock.now() + timedelta(hours=24)
                )
            )
            self.order_id = order.id
            self.drafted_id = drafted.id
        self.model_id = uuid.uuid4()
        self.made = 0

    def grow_to(self, count: int) -> None:
        for _ in range(self.made, count):
            self._one_of_each()
        self.made = count

    def _one_of_each(self) -> None:
        index = uuid.uuid4().hex[:12]
        # A go2scan order (the row shows its link), waiting work claimed by its own drafter.
        go2scan = self.tenant.post(
            "/orders/go2scan",
            json={
                "street": "5 Harbour Road",
                "city": "Helsinki",
                "country": "Finland",
                "recipient": {"email": "owner@home.example"},
                "send_email": False,
            },
        )
        assert go2scan.status_code == 200, go2scan.text
        drafter = make_drafter(self.runtime, self.client, f"Drafter {index}")
        with unit_of_work(self.runtime.session_factory) as session:
            self._rows(session, index, uuid.UUID(go2scan.json()["id"]), drafter.id)

    def _rows(
        self, session: Session, index: str, go2scan_id: uuid.UUID, drafter_id: uuid.UUID
    ) -> None:
        company = self.tenant.id
        template = CompanyStyleTemplate(company_id=company, name=f"Style {index}", options={})
        session.add(template)
        session.flush()
        ordered = session.get(Order, go2scan_id)
        assert ordered is not None
        ordered.style_template_id = str(template.id)
        office = Office(company_id=company, name=f"Office {index}", address=None)
        session.add(office)
        session.flush()
        session.add(User(company_id=company, office_id=office.id, email=f"u{index}@example.com"))
        session.add(ChangeRequest(order_id=self.order_id, message="Fix it", status="Done"))
        delivery = WebhookDelivery(
            company_id=company,
            event_id=index,
            order_id=None,
            trigger="moved_to_ready",
            url="https://example.com/hook",
            body="{}",
            max_attempts=3,
        )
        session.add(delivery)
        session.flush()
        for number in (1, 2):
            session.add(
                WebhookAttempt(
                    delivery_id=delivery.id,
                    number=number,
                    attempted_at=clock.now(),
                    status_code=500,
                    duration_ms=3,
                )
            )
        work = _order(company, status="Pending")
        session.add(work)
        session.flush()
        session.add(
            ProductionItem(
                order_id=work.id,
                state="drafting",
                due_at=clock.now() + timedelta(hours=24),
                claimed_by=drafter_id,
                claim_expires_at=clock.now() + timedelta(hours=1),
            )
        )
        session.add(ChangeRequest(order_id=work.id, message="Open one", status="Open"))
        # A merge request from a company of its own (the row names the requester).
        requester = Company(name=f"Requester {index}")
        session.add(requester)
        session.flush()
        session.add(
            MergeRequest(
                requester_company_id=requester.id,
                target_company_id=company,
                target_email="owner@example.com",
            )
        )
        session.add(
            OrderSource(order_id=self.drafted_id, kind="image", filename=f"{index}.png", size=1)
        )
        session.add(
            FloorModelVersion(
                model_id=self.model_id,
                order_id=self.drafted_id,
                version=self.made_versions(session) + 1,
                document={},
                author="Count",
            )
        )

    def made_versions(self, session: Session) -> int:
        return len(
            list(
                session.scalars(
                    select(FloorModelVersion.id).where(
                        FloorModelVersion.order_id == self.drafted_id
                    )
                )
            )
        )


LIST_CALLS: dict[str, Callable[[Lists], Any]] = {
    "orders": lambda lists: lists.tenant.get("/orders", params={"limit": 100}),
    "users": lambda lists: lists.tenant.get("/users", params={"limit": 100}),
    "offices": lambda lists: lists.tenant.get("/offices", params={"limit": 100}),
    "style templates": lambda lists: lists.tenant.get("/style-templates", params={"limit": 100}),
    "change requests": lambda lists: lists.tenant.get(
        f"/orders/{lists.order_id}/change-requests", params={"limit": 100}
    ),
    "webhook deliveries": lambda lists: lists.tenant.get(
        "/companies/webhook/deliveries", params={"limit": 100}
    ),
    "production queue": lambda lists: lists.drafter.get("/queue", params={"limit": 100}),
    "merge requests": lambda lists: lists.tenant.get("/companies/merge-requests"),
    "production sources": lambda lists: lists.drafter.get(f"/orders/{lists.drafted_id}/sources"),
    "model versions": lambda lists: lists.drafter.get(f"/orders/{lists.drafted_id}/model/versions"),
}


def _items(answer: Any) -> list[Any]:
    body = answer.json()
    if "items" in body:
        return list(body["items"])
    return list(body["incoming"]) + list(body["outgoing"])


def _statements(lists: Lists, name: str) -> tuple[int, int]:
    with counted(lists.runtime) as statements:
        answer = LIST_CALLS[name](lists)
    assert answer.status_code == 200, answer.text
    # the API key's lookup is remembered for a few seconds (tests/api/test_key_cache.py), so
    # whether a call runs it depends on the time since the last one: it is left out
    return len(without_key_lookups(statements)), len(_items(answer))


def without_key_lookups(statements: list[str]) -> list[str]:
    return [statement for statement in statements if "FROM api_keys" not in statement]


@pytest.mark.parametrize("name", list(LIST_CALLS))
def test_a_list_runs_a_fixed_number_of_statements(
    runtime: Runtime, client: TestClient, name: str
) -> None:
    lists = Lists(runtime, client)
    lists.grow_to(SMALL)
    small, small_rows = _statements(lists, name)
    lists.grow_to(LARGE)
    large, large_rows = _statements(lists, name)

    assert large_rows >= small_rows + (LARGE - SMALL)  # the page did grow
    assert large == small, (
        f"{name}: {small} statements for {small_rows} rows, {large} for {large_rows}"
    )
