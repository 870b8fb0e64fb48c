"""Uploads past the limit are a 413 in the contract's error shape."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from planroom.api.errors import install_error_handlers
from planroom.api.uploads import read_body, read_file_upload

LIMIT = 1000


@pytest.fixture
def upload_client() -> TestClient:
    app = FastAPI()
    install_error_handlers(app)

    @app.post("/body")
    async def body(request: Request) -> dict[str, int]:
        return {"size": len(await read_body(request, LIMIT))}

    @app.post("/file")
    async def file(request: Request) -> dict[str, int]:
        return {"size": len((await read_file_upload(request, LIMIT, ("upload",))).data)}

    return TestClient(app)


def test_within_the_limit_is_read(upload_client: TestClient) -> None:
    assert upload_client.post("/body", content=b"x" * LIMIT).json() == {"size": LIMIT}
    files = {"upload": ("scan.json", b"y" * LIMIT, "application/json")}
    assert upload_client.post("/file", files=files).json() == {"size": LIMIT}


def test_a_large_body_is_413(upload_client: TestClient) -> None:
    response = upload_client.post("/body", content=b"x" * (LIMIT + 1))
    assert response.status_code == 413
    assert response.json() == {
        "message": "The upload is larger than the limit of 1000 bytes.",
        "code": "too_large",
    }


def test_a_streamed_body_without_length_is_cut_at_the_limit(upload_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b"z" * 100

    response = upload_client.post("/body", content=chunks())
    assert response.status_code == 413


def test_a_large_file_is_413(upload_client: TestClient) -> None:
    files = {"upload": ("scan.json", b"y" * (LIMIT * 3), "application/json")}
    response = upload_client.post("/file", files=files)
    assert response.status_code == 413 and response.json()["code"] == "too_large"
