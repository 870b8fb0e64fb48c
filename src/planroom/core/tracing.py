"""OpenTelemetry traces, only when `PLANROOM_OTEL_ENDPOINT` names an OTLP/HTTP collector.

The packages are the optional `otel` extra; without an endpoint nothing of them is imported
and requests pay nothing. With one, every request is a server span (route template, status,
the `X-Request-Id` as an attribute) batched to `{endpoint}/v1/traces`.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.types import ASGIApp

log = logging.getLogger("planroom.tracing")
REQUEST_ID_SCOPE_KEY = "planroom.request_id"


def traced(app: ASGIApp, endpoint: str | None, service_name: str = "planroom") -> ASGIApp:
    """`app` wrapped in OpenTelemetry's ASGI middleware sending to `endpoint`, or `app`."""
    if not endpoint:
        return app
    try:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor
    except ImportError:
        log.warning(
            "PLANROOM_OTEL_ENDPOINT is set but OpenTelemetry is not installed "
            "(uv sync --extra otel); requests are not traced"
        )
        return app
    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    exporter = OTLPSpanExporter(endpoint=f"{endpoint.rstrip('/')}/v1/traces")
    provider.add_span_processor(BatchSpanProcessor(exporter))
    log.info("tracing requests to %s", endpoint)

    def server_request_hook(span: Any, scope: dict[str, Any]) -> None:
        request_id = scope.get(REQUEST_ID_SCOPE_KEY)
        if request_id is not None and span is not None:
            span.set_attribute("http.request_id", request_id)

    wrapped: ASGIApp = OpenTelemetryMiddleware(
        app,
        tracer_provider=provider,
        server_request_hook=server_request_hook,
        exclude_spans=["receive", "send"],
    )
    wrapped.tracer_provider = provider  # type: ignore[attr-defined]
    return wrapped
