"""Schemathesis throws generated requests at every documented endpoint: nothing a client can send
may give a 500. Runs on its own SQLite database with a bounded number of examples per operation."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from planroom.app import create_app
from planroom.companies import service as companies
from planroom.db.engine import unit_of_work
from planroom.migrations.run import upgrade
from planroom.production import operators
from planroom.runtime import Runtime
from tests.conftest import make_settings


def _fuzz_target() -> tuple[Any, str, str]:
    """An app over a fresh database, with one sandbox company and one operator, built once at
    collection."""
    root = Path(tempfile.mkdtemp(prefix="planroom-fuzz-"))
    runtime = Runtime.from_settings(make_settings(root, f"sqlite:///{root / 'fuzz.db'}"))
    upgrade(runtime.engine)
    with unit_of_work(runtime.session_factory) as session:
        key = companies.create_company(session, name="Fuzz Co", sandbox=True).api_key
        token = operators.create_operator(session, "Fuzz drafter").token
    return create_app(runtime), key, token


APP, API_KEY, OPERATOR_TOKEN = _fuzz_target()
# the event stream of `planroom webhooks listen` stays open: tests/webhooks/test_tools.py
schema = schemathesis.openapi.from_asgi("/api/integrate/v3/openapi.json", APP).exclude(
    path_regex=r"/companies/webhook/listen$"
)
production_schema = schemathesis.openapi.from_asgi("/api/production/v1/openapi.json", APP)


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_request_gives_a_server_error(case: Any) -> None:
    response = case.call(headers={"api-key": API_KEY})
    case.validate_response(response, checks=[not_a_server_error])


@production_schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_production_request_gives_a_server_error(case: Any) -> None:
    response = case.call(headers={"authorization": f"Bearer {OPERATOR_TOKEN}"})
    case.validate_response(response, checks=[not_a_server_error])
