"""The S3 backend against moto's S3 server on 127.0.0.1: storage calls and presigned downloads."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from botocore.exceptions import ClientError
from fastapi.testclient import TestClient
from moto.server import ThreadedMotoServer

from planroom.app import create_app
from planroom.files.s3 import S3Storage
from planroom.files.storage import make_storage
from planroom.runtime import Runtime
from planroom.settings import Settings
from tests.conftest import make_settings
from tests.mail.smtp_server import free_port

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

DATA = b"%PDF-1.7 " + bytes(range(256)) * 8
KEY = "companies/c1/orders/o1/home_report/report.pdf"


@pytest.fixture(scope="module")
def moto_url() -> Iterator[str]:
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture(autouse=True)
def aws_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
    }.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def s3_settings(tmp_path: Path, database_url: str, moto_url: str) -> Settings:
    bucket = f"planroom-{uuid.uuid4().hex[:8]}"
    return make_settings(
        tmp_path,
        database_url,
        storage_url=f"s3://{bucket}/files?create_bucket=true",
        s3_endpoint_url=moto_url,
    )


@pytest.fixture
def s3_runtime(s3_settings: Settings) -> Iterator[Runtime]:
    runtime = Runtime.from_settings(s3_settings)
    yield runtime
    runtime.close()


def test_put_get_exists_delete(s3_runtime: Runtime) -> None:
    storage = s3_runtime.storage
    assert isinstance(storage, S3Storage)
    assert not storage.exists(KEY)
    storage.put(KEY, DATA, "application/pdf")
    assert storage.get(KEY) == DATA and storage.exists(KEY) and storage.size(KEY) == len(DATA)
    assert storage.content_type(KEY) == "application/pdf"
    assert b"".join(storage.iter_range(KEY, 0, 8)) == DATA[:9]
    head = storage.client.head_object(Bucket=storage.bucket, Key="files/" + KEY)
    assert head["ContentLength"] == len(DATA)
    storage.delete(KEY)
    assert not storage.exists(KEY)
    with pytest.raises(FileNotFoundError):
        storage.get(KEY)


def test_download_redirects_to_a_presigned_url_that_serves_the_bytes(
    s3_runtime: Runtime,
) -> None:
    s3_runtime.storage.put(KEY, DATA, "application/pdf")
    url = s3_runtime.storage.url(KEY, download_name="Home report.pdf")
    assert url.startswith("http://testserver/files/")
    with TestClient(create_app(s3_runtime)) as client:
        response = client.get(url.removeprefix("http://testserver"), follow_redirects=False)
    assert response.status_code == 302
    presigned = response.headers["location"]
    assert "X-Amz-Signature=" in presigned and "X-Amz-Expires=300" in presigned
    download = httpx.get(presigned)
    assert download.status_code == 200 and download.content == DATA
    assert "Home%20report.pdf" in download.headers["content-disposition"]
    assert download.headers["content-disposition"].startswith("inline")


def test_a_missing_file_is_404_not_a_redirect(s3_runtime: Runtime) -> None:
    url = s3_runtime.storage.url("companies/c1/nothing.png")
    with TestClient(create_app(s3_runtime)) as client:
        response = client.get(url.removeprefix("http://testserver"), follow_redirects=False)
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_a_missing_bucket_is_only_created_when_configured(
    tmp_path: Path, database_url: str, moto_url: str
) -> None:
    settings = make_settings(
        tmp_path, database_url, storage_url="s3://no-such-bucket-here", s3_endpoint_url=moto_url
    )
    storage = make_storage(settings)
    with pytest.raises(ClientError):
        storage.put("a/b.txt", b"x")
