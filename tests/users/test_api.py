from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from planroom.runtime import Runtime
from tests.builders import api, make_tenant, make_user


def test_missing_key_is_401(client: TestClient) -> None:
    response = client.get(api("/users"))
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


def test_wrong_key_is_401(client: TestClient) -> None:
    response = client.get(api("/users"), headers={"api-key": "prk_not-a-real-key"})
    assert response.status_code == 401
    assert set(response.json()) == {"message", "code"}


def test_add_and_list_users(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    created = make_user(tenant, "Ann@Example.com", role="Manager")
    assert created["email"] == "ann@example.com"
    assert created["role"] == "Manager"
    assert uuid.UUID(created["id"])
    assert created["message"]

    listing = tenant.get("/users").json()
    assert listing["pagination"] == {
        "has_more": False,
        "limit": 20,
        "next_offset": None,
        "previous_offset": None,
    }
    (row,) = listing["items"]
    assert set(row) == {
        "id",
        "email",
        "name",
        "surname",
        "role",
        "email_confirmed",
        "created_at",
        "office_id",
    }
    assert row["email_confirmed"] is True
    assert isinstance(row["created_at"], float)


def test_add_user_without_email_names_the_field(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    response = tenant.post("/users", json={"role": "User"})
    assert response.status_code == 400
    assert response.json() == {
        "validation_error": {"body_params": [{"loc": ["email"], "msg": "field required"}]}
    }


def test_add_user_with_bad_email_and_role(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    response = tenant.post("/users", json={"email": "not-an-email", "role": "Boss"})
    assert response.status_code == 400
    errors = {tuple(e["loc"]): e["msg"] for e in response.json()["validation_error"]["body_params"]}
    assert errors[("email",)] == "value is not a valid email address"
    assert errors[("role",)].startswith("unexpected value; permitted:")


def test_body_that_is_not_json_is_a_400(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    response = tenant.post(
        "/users", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert "validation_error" in response.json()


def test_duplicate_email_is_409_even_across_companies(runtime: Runtime, client: TestClient) -> None:
    first = make_tenant(runtime, client, "First")
    second = make_tenant(runtime, client, "Second")
    make_user(first, "ann@example.com")
    for tenant in (first, second):
        response = tenant.post("/users", json={"email": "ANN@example.com", "role": "User"})
        assert response.status_code == 409
        assert response.json()["code"] == "conflict"


def test_get_user_by_email_or_id(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    created = make_user(tenant, "bob@example.com", role="User")
    by_email = tenant.get("/users/bob@example.com")
    by_id = tenant.get(f"/users/{created['id']}")
    assert by_email.status_code == by_id.status_code == 200
    assert by_email.json() == by_id.json()
    assert by_email.json()["role"] == "User"


def test_another_companys_user_is_404_everywhere(runtime: Runtime, client: TestClient) -> None:
    owner = make_tenant(runtime, client, "Owner")
    other = make_tenant(runtime, client, "Other")
    created = make_user(owner, "carol@example.com")
    for ref in (created["id"], "carol@example.com"):
        assert other.get(f"/users/{ref}").status_code == 404
        assert other.patch(f"/users/{ref}", json={"name": "X"}).status_code == 404
        assert other.delete(f"/users/{ref}").status_code == 404
    change = other.post(
        "/users/change-password",
        json={
            "email": "carol@example.com",
            "old_password": "correct-horse-1",
            "new_password": "another-pass-2",
        },
    )
    assert change.status_code == 404
    reset = other.post("/users/reset-password", json={"email": "carol@example.com"})
    assert reset.status_code == 404
    assert [u["email"] for u in other.get("/users").json()["items"]] == []
    assert owner.get("/users/carol@example.com").json()["name"] == ""


def test_update_user(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    make_user(tenant, "dan@example.com", role="User")
    office = tenant.post("/offices", json={"name": "Downtown"}).json()
    response = tenant.patch(
        "/users/dan@example.com",
        json={"name": "Dan", "surname": "Smith", "role": "Manager", "office_id": office["id"]},
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["name"], body["surname"], body["role"], body["office_id"]) == (
        "Dan",
        "Smith",
        "Manager",
        office["id"],
    )
    assert tenant.get("/offices").json()["items"][0]["users_count"] == 1


def test_update_user_with_another_companys_office_is_400(
    runtime: Runtime, client: TestClient
) -> None:
    tenant = make_tenant(runtime, client, "Mine")
    other = make_tenant(runtime, client, "Theirs")
    make_user(tenant, "eve@example.com")
    office = other.post("/offices", json={"name": "Theirs"}).json()
    response = tenant.patch("/users/eve@example.com", json={"office_id": office["id"]})
    assert response.status_code == 400
    assert response.json()["validation_error"]["body_params"][0]["loc"] == ["office_id"]


def test_delete_user(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    make_user(tenant, "fay@example.com")
    response = tenant.delete("/users/fay@example.com")
    assert response.json() == {"message": "User deleted successfully"}
    assert tenant.get("/users/fay@example.com").status_code == 404


def test_change_password(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    make_user(tenant, "gus@example.com", password="first-password")
    wrong = tenant.post(
        "/users/change-password",
        json={"email": "gus@example.com", "old_password": "nope-nope", "new_password": "x" * 9},
    )
    assert wrong.status_code == 400
    assert wrong.json()["code"] == "bad_request"
    right = tenant.post(
        "/users/change-password",
        json={
            "email": "gus@example.com",
            "old_password": "first-password",
            "new_password": "second-password",
        },
    )
    assert right.json() == {"message": "Your password has been changed."}
    again = tenant.post(
        "/users/change-password",
        json={
            "email": "gus@example.com",
            "old_password": "first-password",
            "new_password": "third-password",
        },
    )
    assert again.status_code == 400


def test_list_limit_out_of_range(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    response = tenant.get("/users", params={"limit": 101})
    assert response.status_code == 400
    assert response.json() == {
        "validation_error": {
            "query_params": [
                {"loc": ["limit"], "msg": "ensure this value is less than or equal to 100"}
            ]
        }
    }


def test_add_user_messages_follow_the_original(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    with_password = make_user(tenant, "pw@example.com", role="User")
    invited = make_user(tenant, "invite@example.com", role="Collaborator", password=None)
    assert with_password["message"] == "User successfully created"
    assert invited["message"] == (
        "Invitation email was sent to user email and needs to be finished before first login."
    )
    assert invited["role"] == "Collaborator"
