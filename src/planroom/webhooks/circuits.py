"""The circuit breaker of URLs that time out, kept on the company's webhook registration.

After `webhook_circuit_failures` timeouts in a row a URL rests: its due calls wait, without
spending attempts, until `open_until`. Then one trial call goes (the others keep waiting while
it runs); an answer of any kind closes the circuit, another timeout rests the URL twice as
long as before (at most an hour). A slow receiver so costs its company a thread now and then
instead of one per call, and never anyone else's.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from planroom.settings import Settings
from planroom.webhooks.models import WebhookConfig

MAX_REST = timedelta(hours=1)


def _epoch(moment: datetime) -> float:
    return moment.timestamp()


def _moment(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def resting_until(config: WebhookConfig, url: str, now: datetime) -> datetime | None:
    """When a call to `url` may go, if not now."""
    state = config.circuits.get(url)
    if not state or state.get("open_until") is None:
        return None
    until = _moment(float(state["open_until"]))
    return until if until > now else None


def start_call(config: WebhookConfig, url: str, now: datetime, settings: Settings) -> None:
    """A call to `url` is made now: a trial on a rested URL holds the others back meanwhile."""
    state = config.circuits.get(url)
    if not state or state.get("open_until") is None:
        return
    hold = timedelta(seconds=settings.webhook_timeout_seconds + 60)
    _store(config, url, {**state, "open_until": _epoch(now + hold)})


def record_call(
    config: WebhookConfig, url: str, timed_out: bool, now: datetime, settings: Settings
) -> None:
    """Count a timeout (opening the circuit at the threshold) or close it on an answer."""
    state = config.circuits.get(url)
    if not timed_out:
        if state:
            circuits = dict(config.circuits)
            circuits.pop(url, None)
            config.circuits = circuits
        return
    timeouts = int(state.get("timeouts", 0)) + 1 if state else 1
    open_until: float | None = None
    over = timeouts - settings.webhook_circuit_failures
    if over >= 0:
        rest = timedelta(seconds=settings.webhook_circuit_open_seconds * 2 ** min(over, 12))
        open_until = _epoch(now + min(rest, MAX_REST))
    _store(config, url, {"timeouts": timeouts, "open_until": open_until})


def _store(config: WebhookConfig, url: str, state: dict[str, Any]) -> None:
    circuits = dict(config.circuits)
    circuits[url] = state
    config.circuits = circuits
