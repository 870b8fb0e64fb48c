"""OpenTelemetry: with an endpoint set, every request is a span sent to the collector."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from planroom.api.edge import Edge
from planroom.app import create_app
from planroom.runtime import Runtime
from tests.conftest import make_settings
from tests.webhooks.receiver import running_receiver

pytest.importorskip("opentelemetry.sdk", reason="the otel extra is not installed")
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _tracer_provider(app: object) -> Any:
    layer = getattr(app, "middleware_stack", None)
    while layer is not None and not isinstance(layer, Edge):
        layer = getattr(layer, "app", None)
    assert isinstance(layer, Edge), "no edge"
    assert layer.tracer_provider is not None, "no tracing"
    return layer.tracer_provider


def test_requests_are_traced_to_the_configured_collector(tmp_path: Path, database_url: str) -> None:
    with running_receiver() as collector:
        endpoint = collector.url.removesuffix("/hook")
        runtime = Runtime.from_settings(
            make_settings(tmp_path, database_url, otel_endpoint=endpoint)
        )
        try:
            app = create_app(runtime)
            with TestClient(app) as client:
                answer = client.get("/healthz", headers={"x-request-id": "trace-me-42"})
                assert answer.status_code == 200
                assert answer.headers["x-request-id"] == "trace-me-42"
                provider = _tracer_provider(app)
                assert provider.force_flush(10_000)
        finally:
            runtime.close()
    [export] = [call for call in collector.received if call.path == "/v1/traces"]
    assert export.headers["content-type"] == "application/x-protobuf"
    assert b"trace-me-42" in export.body and b"/healthz" in export.body


def test_without_an_endpoint_there_is_no_tracing_layer(runtime: Runtime) -> None:
    app = create_app(runtime)
    with TestClient(app), pytest.raises(AssertionError, match="no tracing"):
        _tracer_provider(app)
