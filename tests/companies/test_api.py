from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from planroom.db.engine import unit_of_work
from planroom.mail.models import OutboxMessage
from planroom.runtime import Runtime
from tests.builders import make_tenant, make_user


def test_company_info(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client, "Info Co", email="info@example.com")
    body = tenant.get("/companies/info").json()
    assert body["id"] == str(tenant.id)
    assert (body["name"], body["email"]) == ("Info Co", "info@example.com")
    assert body["profile"] == {"name": "Info Co", "email": "info@example.com"}
    assert body["measurement_system"] in ("imperial", "metric")
    assert isinstance(body["created_at"], float)


def test_company_package(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    body = tenant.get("/companies/package").json()
    assert body["package_type"] == "base"
    assert body["add_ons"] == []
    assert body["available_package_types"] == ["base", "plus", "plus_3d"]
    assert set(body["available_add_ons"]) == {"gla", "3d_cad_files", "3d_video", "6h_turnaround"}


def test_merge_request_answers_the_same_whatever_the_email(
    runtime: Runtime, client: TestClient
) -> None:
    small = make_tenant(runtime, client, "Small")
    big = make_tenant(runtime, client, "Big Secret Realty")
    make_user(big, "boss@big.example", role="Manager")
    make_user(big, "worker@big.example", role="User")
    make_user(small, "self@small.example", role="Manager")
    emails = ["boss@big.example", "worker@big.example", "nobody@example.com", "self@small.example"]
    answers = [small.post("/companies/merge-request", json={"email": e}) for e in emails]
    assert [answer.status_code for answer in answers] == [200] * 4
    shapes = [
        {key: value for key, value in answer.json().items() if key not in ("id", "created_at")}
        for answer in answers
    ]
    assert shapes == [
        {
            "status": "pending",
            "target_company_name": email,
            "direction": "outgoing",
            "requester_company_name": "Small",
            "accepted_at": None,
        }
        for email in emails
    ]
    assert "Big Secret Realty" not in small.get("/companies/merge-requests").text
    # only the real Manager's company is told, and sees the one request meant for it
    incoming = big.get("/companies/merge-requests").json()["incoming"]
    assert [row["id"] for row in incoming] == [answers[0].json()["id"]]
    assert incoming[0]["target_company_name"] == "Big Secret Realty"
    with unit_of_work(runtime.session_factory) as session:
        recipients = session.scalars(
            select(OutboxMessage.recipient).where(OutboxMessage.kind == "merge_request")
        )
        assert list(recipients) == ["boss@big.example"]
    # a request that reached nobody can be accepted by nobody
    for answer in answers[1:]:
        assert (
            big.post(f"/companies/merge-requests/{answer.json()['id']}/accept").status_code == 404
        )


def test_accepted_merge_moves_everything_and_revokes_keys(
    runtime: Runtime, client: TestClient
) -> None:
    small = make_tenant(runtime, client, "Small")
    big = make_tenant(runtime, client, "Big")
    make_user(big, "boss@big.example", role="Manager")
    make_user(small, "staff@small.example", role="User")
    small.post("/offices", json={"name": "Small HQ"})
    order = small.post(
        "/orders/draft",
        json={
            "street": "1 Merge Way",
            "city": "Espoo",
            "country": "Finland",
            "owner_email": "staff@small.example",
        },
    ).json()

    request = small.post("/companies/merge-request", json={"email": "boss@big.example"})
    assert request.status_code == 200
    body = request.json()
    assert (body["status"], body["target_company_name"]) == ("pending", "boss@big.example")
    with unit_of_work(runtime.session_factory) as session:
        kinds = session.scalars(
            select(OutboxMessage.recipient).where(OutboxMessage.kind == "merge_request")
        )
        assert list(kinds) == ["boss@big.example"]

    # only the target accepts
    refused = small.post(f"/companies/merge-requests/{body['id']}/accept")
    assert refused.status_code == 400
    listed = big.get("/companies/merge-requests").json()
    assert [r["id"] for r in listed["incoming"]] == [body["id"]]

    accepted = big.post(f"/companies/merge-requests/{body['id']}/accept")
    assert accepted.status_code == 200
    assert accepted.json()["status"] == "accepted"

    assert big.get("/users/staff@small.example").status_code == 200
    assert big.get(f"/orders/{order['id']}").json()["address"]["street"] == "1 Merge Way"
    assert [o["name"] for o in big.get("/offices").json()["items"]] == ["Small HQ"]
    assert small.get("/users").status_code == 401  # the requester's keys are revoked

    twice = big.post(f"/companies/merge-requests/{body['id']}/accept")
    assert twice.status_code == 409


def test_another_companys_merge_request_is_404(runtime: Runtime, client: TestClient) -> None:
    small = make_tenant(runtime, client, "Small")
    big = make_tenant(runtime, client, "Big")
    stranger = make_tenant(runtime, client, "Stranger")
    make_user(big, "boss@big.example", role="Manager")
    request_id = small.post("/companies/merge-request", json={"email": "boss@big.example"}).json()[
        "id"
    ]
    assert stranger.post(f"/companies/merge-requests/{request_id}/accept").status_code == 404
    assert stranger.get("/companies/merge-requests").json() == {"incoming": [], "outgoing": []}
