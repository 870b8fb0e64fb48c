"""The local backend and `/files/{token}/{name}`: stable links, Range requests, revocation."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from planroom.files.keys import check_key
from planroom.files.storage import LocalStorage
from planroom.runtime import Runtime

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

DATA = bytes(range(256)) * 40  # 10240 bytes
KEY = "companies/c1/orders/o1/products_2d/0_main-street_0.png"


def local_path(url: str) -> str:
    return url.removeprefix("http://testserver")


def stored(runtime: Runtime, key: str = KEY, data: bytes = DATA, **kwargs: str) -> str:
    runtime.storage.put(key, data, **kwargs)
    return local_path(runtime.storage.url(key))


def test_put_get_exists_delete_round_trip(runtime: Runtime) -> None:
    storage = runtime.storage
    assert isinstance(storage, LocalStorage)
    assert not storage.exists(KEY)
    storage.put(KEY, b"one", "image/png")
    storage.put(KEY, DATA, "image/png")
    assert storage.get(KEY) == DATA and storage.exists(KEY) and storage.size(KEY) == len(DATA)
    assert b"".join(storage.iter_range(KEY, 10, 19)) == DATA[10:20]
    assert storage.path(KEY).is_relative_to(runtime.settings.data_dir.resolve() / "files")
    assert [p.name for p in storage.path(KEY).parent.iterdir()] == [Path(KEY).name]
    storage.delete(KEY)
    storage.delete(KEY)
    assert not storage.exists(KEY)
    with pytest.raises(FileNotFoundError):
        storage.get(KEY)


@pytest.mark.parametrize(
    "key", ["../etc/passwd", "/abs/key", "a//b", "a/./b", "a/../b", "a/.meta/b", "a/b\x00", ""]
)
def test_unsafe_keys_are_refused(runtime: Runtime, key: str) -> None:
    with pytest.raises(ValueError):
        check_key(key)
    with pytest.raises(ValueError):
        runtime.storage.put(key, b"x")


def test_links_are_stable_absolute_and_name_the_file(runtime: Runtime) -> None:
    first = runtime.storage.url(KEY)
    assert first == runtime.storage.url(KEY)
    assert first.startswith("http://testserver/files/") and first.endswith("/0_main-street_0.png")
    assert runtime.storage.url(KEY, download_name="plan.png") != first
    assert runtime.storage.url(KEY.replace("o1", "o2")) != first


def test_download_serves_bytes_and_type(runtime: Runtime, client: TestClient) -> None:
    url = stored(runtime)
    response = client.get(url)
    assert response.status_code == 200 and response.content == DATA
    assert response.headers["content-type"] == "image/png"
    assert response.headers["accept-ranges"] == "bytes"
    assert response.headers["content-disposition"].startswith("inline")
    assert response.headers["x-content-type-options"] == "nosniff"
    head = client.head(url)
    assert head.status_code == 200 and head.headers["content-length"] == str(len(DATA))
    again = client.get(url, headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304


def test_svg_is_an_attachment_with_the_stored_type(runtime: Runtime, client: TestClient) -> None:
    url = stored(runtime, "c/plan.svg", b"<svg/>", content_type="image/svg+xml")
    response = client.get(url)
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.headers["content-disposition"].startswith("attachment")


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [("bytes=0-99", 0, 99), ("bytes=-100", 10140, 10239), ("bytes=10000-", 10000, 10239)],
)
def test_range_requests(
    runtime: Runtime, client: TestClient, header: str, start: int, end: int
) -> None:
    response = client.get(stored(runtime), headers={"Range": header})
    assert response.status_code == 206
    assert response.content == DATA[start : end + 1]
    assert response.headers["content-range"] == f"bytes {start}-{end}/{len(DATA)}"
    assert response.headers["content-length"] == str(end - start + 1)


def test_unsatisfiable_range_is_416(runtime: Runtime, client: TestClient) -> None:
    response = client.get(stored(runtime), headers={"Range": "bytes=20000-20010"})
    assert response.status_code == 416
    assert response.headers["content-range"] == f"bytes */{len(DATA)}"


def test_a_tampered_or_made_up_token_is_404(runtime: Runtime, client: TestClient) -> None:
    url = stored(runtime)
    token = url.split("/")[2]
    tampered = url.replace(token, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))
    for bad in (tampered, "/files/not-a-token/x.png", url.replace(token, token + "x")):
        response = client.get(bad)
        assert response.status_code == 404, bad
        assert response.json()["code"] == "not_found"


def test_the_filename_in_the_path_does_not_change_what_is_served(
    runtime: Runtime, client: TestClient
) -> None:
    url = stored(runtime)
    response = client.get(url.rsplit("/", 1)[0] + "/other.exe")
    assert response.content == DATA
    assert 'filename="0_main-street_0.png"' in response.headers["content-disposition"]


def test_deleting_the_file_revokes_its_link(runtime: Runtime, client: TestClient) -> None:
    url = stored(runtime)
    runtime.storage.delete(KEY)
    assert client.get(url).status_code == 404


def test_links_from_another_secret_are_404(
    runtime: Runtime, client: TestClient, tmp_path: Path
) -> None:
    from planroom.files.links import FileLinks

    stored(runtime)
    foreign = FileLinks("another-secret", "http://testserver").url(KEY)
    assert client.get(local_path(foreign)).status_code == 404
