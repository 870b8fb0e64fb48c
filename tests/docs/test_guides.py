"""The guides are served with this server's address, and their signature checks are right: the
Python and Node.js code of the webhooks guide (and the PHP code where `php` is installed) accept
a call signed by Planroom's own signer and refuse a changed body, a wrong secret and an old
timestamp."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from planroom.docs.guides import ORDER, markdown_source
from planroom.webhooks.signing import new_event_id, new_secret, signature

BODY = json.dumps({"id": "312babc6-e742-4d54-ac49-e0f7b16ec15a", "current_status": "Ready"})


def _code(language: str) -> str:
    (block,) = re.findall(rf"```{language}\n(.*?)```", markdown_source("webhooks"), re.S)
    return str(block)


def _signed(secrets: list[str], body: str = BODY, age: float = 0) -> dict[str, str]:
    moment = datetime.fromtimestamp(int(time.time() - age), UTC)
    event_id = new_event_id()
    return {
        "webhook-id": event_id,
        "webhook-timestamp": str(int(moment.timestamp())),
        "webhook-signature": signature(secrets, event_id, moment, body),
    }


def _cases() -> list[tuple[str, dict[str, str], str, bool]]:
    """(secret, headers, body, accepted?)"""
    secret, old = new_secret(), new_secret()
    good = _signed([secret])
    return [
        (secret, good, BODY, True),
        (secret, _signed([old, secret]), BODY, True),  # during a rotation
        (secret, good, BODY.replace("Ready", "Failed"), False),
        (new_secret(), good, BODY, False),
        (secret, _signed([secret], age=600), BODY, False),
        (secret, {**good, "webhook-signature": "v1,AAAA"}, BODY, False),
    ]


def test_every_guide_is_served_with_this_servers_address(client: TestClient) -> None:
    index = client.get("/docs/guides")
    assert index.status_code == 200
    for slug in ORDER:
        assert f'href="/docs/guides/{slug}"' in index.text
        answer = client.get(f"/docs/guides/{slug}")
        assert answer.status_code == 200, slug
        assert "default-src 'none'" in answer.headers["content-security-policy"]
        assert "planroom.example" not in answer.text
    started = html.unescape(re.sub("<[^>]+>", "", client.get("/docs/guides/getting-started").text))
    assert "API=http://testserver/api/integrate/v3" in started
    assert client.get("/docs/guides/nothing-here").status_code == 404
    reference = client.get("/docs")
    assert "/docs/assets/vendor/swagger-ui-5.35.0/swagger-ui-bundle.js" in reference.text
    assert "cdn" not in reference.text.lower()


def test_the_python_check_of_the_guide_is_right() -> None:
    namespace: dict[str, Any] = {}
    exec(compile(_code("python"), "webhooks.md", "exec"), namespace)
    verify = namespace["verify_webhook"]
    for secret, headers, body, accepted in _cases():
        assert verify(secret, headers, body.encode()) is accepted, (headers, body)


def _run_each(command: list[str], script: Path) -> list[bool]:
    cases = [{"secret": s, "headers": h, "body": b} for s, h, b, _accepted in _cases()]
    answer = subprocess.run(
        [*command, str(script)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return [bool(value) for value in json.loads(answer.stdout)]


def test_the_nodejs_check_of_the_guide_is_right(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node not installed")
    script = tmp_path / "check.js"
    script.write_text(
        _code("javascript")
        + """
const cases = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
const check = (c) => verifyWebhook(c.secret, c.headers, Buffer.from(c.body));
console.log(JSON.stringify(cases.map(check)));
"""
    )
    expected = [accepted for *_rest, accepted in _cases()]
    assert _run_each([node], script) == expected


def test_the_php_check_of_the_guide_is_right(tmp_path: Path) -> None:
    php = shutil.which("php")
    if php is None:
        pytest.skip("php not installed")
    script = tmp_path / "check.php"
    script.write_text(
        _code("php")
        + """
$cases = json_decode(file_get_contents('php://stdin'), true);
$check = fn ($c) => verify_webhook($c['secret'], $c['headers'], $c['body']);
echo json_encode(array_map($check, $cases));
"""
    )
    expected = [accepted for *_rest, accepted in _cases()]
    assert _run_each([php], script) == expected
