"""The client side of `planroom webhooks listen`: read the company's event stream and POST
each event, byte for byte and with its signature headers, to a local receiver.

It holds `GET {api}/companies/webhook/listen` open (server-sent events, the `api-key` header)
and reconnects after a dropped connection. The receiver is the developer's own machine, so the
address guard of outgoing webhooks does not apply here. Runs without the database.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

import httpx

from planroom.core.errors import PlanroomError

FORWARDED_HEADERS = ("content-type", "user-agent", "webhook-id", "webhook-timestamp")
RECONNECT_SECONDS = (1.0, 2.0, 5.0, 10.0)


class ListenRefused(PlanroomError):
    """The server refused the stream (a bad key, or an unknown trigger)."""


@dataclass(frozen=True)
class StreamEvent:
    name: str
    data: str


def parse_stream(lines: Iterator[str]) -> Iterator[StreamEvent]:
    """Server-sent events from the stream's lines (comments and ids ignored)."""
    name, data = "message", list[str]()
    for line in lines:
        if not line:
            if data:
                yield StreamEvent(name, "\n".join(data))
            name, data = "message", []
        elif line.startswith(":"):
            continue
        else:
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "event":
                name = value
            elif field == "data":
                data.append(value)


def forward(client: httpx.Client, target: str, event: dict[str, object]) -> str:
    """POST one event to `target`; what happened, in a few words."""
    raw = event.get("headers")
    headers = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    body = str(event.get("body", ""))
    try:
        response = client.post(target, content=body.encode(), headers=headers)
    except httpx.HTTPError as exc:
        return f"not delivered: {type(exc).__name__}: {exc}"
    return f"{response.status_code} {response.reason_phrase}".strip()


def listen(
    api_url: str,
    api_key: str,
    target: str,
    triggers: list[str],
    *,
    max_events: int | None = None,
    echo: Callable[[str], None] = print,
) -> int:
    """Forward events until interrupted (or `max_events` were forwarded); returns the count."""
    url = api_url.rstrip("/") + "/companies/webhook/listen"
    params = httpx.QueryParams([("triggers", trigger) for trigger in triggers])
    forwarded = 0
    failures = 0
    timeout = httpx.Timeout(10.0, read=60.0)  # the server writes a keep-alive every 15 s
    with (
        httpx.Client(timeout=timeout, trust_env=False) as stream_client,
        httpx.Client(timeout=30.0, trust_env=False) as local,
    ):
        while max_events is None or forwarded < max_events:
            try:
                with stream_client.stream(
                    "GET",
                    url,
                    params=params,
                    headers={"api-key": api_key, "accept": "text/event-stream"},
                ) as response:
                    if response.status_code != 200:
                        response.read()
                        raise ListenRefused(_refusal(response))
                    failures = 0
                    for item in parse_stream(response.iter_lines()):
                        if item.name == "ready":
                            wanted = ", ".join(triggers) or "every trigger"
                            echo(f"Ready: forwarding {wanted} to {target} (Ctrl-C to stop).")
                            continue
                        if item.name != "webhook":
                            continue
                        event = json.loads(item.data)
                        outcome = forward(local, target, event)
                        forwarded += 1
                        headers = event.get("headers", {})
                        echo(
                            f"{datetime.now().strftime('%H:%M:%S')}  {event.get('trigger')}  "
                            f"{headers.get('webhook-id', '')}  -> {outcome}"
                        )
                        if max_events is not None and forwarded >= max_events:
                            return forwarded
            except (httpx.TransportError, httpx.RemoteProtocolError) as exc:
                wait = RECONNECT_SECONDS[min(failures, len(RECONNECT_SECONDS) - 1)]
                failures += 1
                echo(f"Connection to {url} lost ({type(exc).__name__}); retrying in {wait:g} s.")
                time.sleep(wait)
    return forwarded


def _refusal(response: httpx.Response) -> str:
    try:
        message = str(response.json().get("message") or response.json())
    except ValueError:
        message = response.text[:200]
    return f"the server answered {response.status_code}: {message}"
