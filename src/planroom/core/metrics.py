"""The process's Prometheus metrics (prometheus_client's default registry).

Each process counts its own: `planroom serve` (with its embedded workers) answers `/metrics`,
`planroom worker --metrics-port N` serves its jobs' figures on a port of its own.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

REQUEST_SECONDS = Histogram(
    "planroom_http_request_duration_seconds",
    "Time from a request's arrival to the end of its answer, by route template.",
    ["method", "route", "status"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
JOBS = Counter(
    "planroom_jobs_total", "Background jobs run, by kind and outcome.", ["kind", "outcome"]
)
JOB_SECONDS = Histogram(
    "planroom_job_duration_seconds",
    "How long background jobs ran, by kind.",
    ["kind"],
    buckets=(0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600),
)
SCAN_TO_READY_SECONDS = Histogram(
    "planroom_scan_to_ready_seconds",
    "From an order's scan (or plan) being received (Pending) to its first group being Ready.",
    buckets=(1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 14400, 86400),
)
WEBHOOK_ATTEMPTS = Counter(
    "planroom_webhook_attempts_total",
    "Webhook calls made, by outcome (delivered, retry, gone, refused).",
    ["outcome"],
)
QUEUE_DEPTH = Gauge(
    "planroom_queue_depth", "Jobs waiting to run, by lane (read when scraped).", ["lane"]
)
QUEUE_SCHEDULED = Gauge(
    "planroom_queue_scheduled", "Jobs scheduled for later (retries, delays), when scraped."
)
