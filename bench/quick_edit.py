"""Seconds from a Quick Edit save until every deliverable of the order is rendered and delivered
again, on a sample house at the default render size, next to the way it was done before,
measured in the same run.

Run from the repository root: `python bench/quick_edit.py [--sample two_storey_basement]
[--package plus_3d] [--add-on gla ...] [--workers 2] [--rounds 2]`. An order is made and
delivered through the Integrate API (not timed); then, round after round, three saves through
the page's save call, each timed until every file was delivered again, with the render jobs on
`--workers` threads draining the same queue, as `planroom serve`'s embedded workers do:

- `before`: a room renamed and unticked, every product rendered again, images drawn in the job's
  own thread (how every save was handled before);
- `rename`: the same edit now: the 3D files carried over (the edit does not change them), the
  plan images drawn side by side in the raster lanes (`PLANROOM_RASTER_LANES`);
- `type`: a room's type changed, which the 3D files show: everything rendered again, in lanes.

Prints each save's seconds, the medians, their ratio to `before`, the machine's load average
(the figures are wall-clock seconds on a shared machine) and the CPU seconds of this process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient

from planroom.app import create_app
from planroom.companies import service as companies
from planroom.db.engine import unit_of_work
from planroom.floormodel.samples import sample_scan_bytes
from planroom.quickedit import service as quickedit
from planroom.render.draw.raster_lanes import LANES_ENV
from planroom.runtime import Runtime
from planroom.settings import Settings

GOAL_SECONDS = 10.0


def _drain(runtime: Runtime, workers: int) -> None:
    def work() -> None:
        while runtime.queue.drain():
            pass

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _delivered_order(client: TestClient, runtime: Runtime, args: argparse.Namespace) -> str:
    with unit_of_work(runtime.session_factory) as session:
        created = companies.create_company(session, name="Bench Plans")
    headers = {"api-key": created.api_key}
    api = "/api/integrate/v3"
    owner = {"email": "owner@bench.example", "role": "Manager", "password": "bench-pass-1"}
    client.post(f"{api}/users", json=owner, headers=headers).raise_for_status()
    draft = client.post(
        f"{api}/orders/draft",
        headers=headers,
        json={
            "street": "1 Bench Street",
            "city": "Minneapolis",
            "country": "United States",
            "owner_email": owner["email"],
            "package_type": args.package,
            "add_ons": args.add_ons,
        },
    )
    draft.raise_for_status()
    order_id: str = draft.json()["id"]
    client.post(
        f"{api}/orders/{order_id}/scan",
        content=sample_scan_bytes(args.sample),
        headers={**headers, "content-type": "application/json"},
    ).raise_for_status()
    _drain(runtime, args.workers)
    link = client.post(f"{api}/orders/{order_id}/quick-edit-link", headers=headers)
    link.raise_for_status()
    return str(link.json()["url"])


class Editor:
    def __init__(self, client: TestClient, url: str) -> None:
        parts = urlsplit(url)
        self.client = client
        self.path = parts.path
        self.headers = {"X-Quick-Edit-Token": parse_qs(parts.query)["t"][0]}

    def state(self) -> dict[str, Any]:
        answer = self.client.get(f"{self.path}/state", headers=self.headers)
        answer.raise_for_status()
        result: dict[str, Any] = answer.json()
        return result

    def save(self, *operations: dict[str, Any]) -> None:
        body = {"base_version": self.state()["version"], "operations": list(operations)}
        self.client.post(f"{self.path}/save", headers=self.headers, json=body).raise_for_status()


def _timed(runtime: Runtime, editor: Editor, workers: int, save: Callable[[], None]) -> float:
    started = time.perf_counter()
    save()
    _drain(runtime, workers)
    seconds = time.perf_counter() - started
    progress = editor.state()["progress"]
    assert progress["finished"], progress
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", default="two_storey_basement")
    parser.add_argument("--package", default="plus_3d")
    parser.add_argument("--add-on", action="append", default=None, dest="add_ons")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    args.add_ons = args.add_ons if args.add_ons is not None else ["gla"]
    lanes = os.environ.get(LANES_ENV)
    carry = quickedit.unchanged_products
    times: dict[str, list[float]] = {"before": [], "rename": [], "type": []}
    cpu_started = time.process_time()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            data_dir=Path(folder),
            public_url="http://testserver",
            embedded_workers=0,
            rate_limit_per_second=0.0,
        )  # type: ignore[call-arg]
        runtime = Runtime.from_settings(settings)
        from planroom.migrations.run import upgrade

        upgrade(runtime.engine)
        with TestClient(create_app(runtime)) as client:
            editor = Editor(client, _delivered_order(client, runtime, args))
            room = editor.state()["model"]["spaces"][0]["id"]
            for number in range(args.rounds):
                # before: every product again, images in the job's thread
                os.environ[LANES_ENV] = "0"
                quickedit.unchanged_products = lambda *_: []  # type: ignore[assignment]
                edit = {"op": "room", "id": room, "name": f"Bench {number}", "finished": False}
                times["before"].append(_timed(runtime, editor, args.workers,
                                              lambda edit=edit: editor.save(edit)))  # fmt: skip
                quickedit.unchanged_products = carry
                if lanes is None:
                    os.environ.pop(LANES_ENV)
                else:
                    os.environ[LANES_ENV] = lanes
                edit = {"op": "room", "id": room, "name": f"Room {number}", "finished": True}
                times["rename"].append(_timed(runtime, editor, args.workers,
                                              lambda edit=edit: editor.save(edit)))  # fmt: skip
                kind = "bedroom" if number % 2 == 0 else "living"
                edit = {"op": "room", "id": room, "type": kind}
                times["type"].append(_timed(runtime, editor, args.workers,
                                            lambda edit=edit: editor.save(edit)))  # fmt: skip
            products = [item["product"] for item in editor.state()["progress"]["products"]]
        runtime.close()
    print(
        f"{args.sample} · {args.package} + {', '.join(args.add_ons) or 'no add-ons'} · "
        f"{settings.render_long_side_px} px · {args.workers} worker(s) · "
        f"raster lanes {os.environ.get(LANES_ENV, 'default')} · {args.rounds} round(s)"
    )
    print(f"products: {', '.join(products)}")
    reference = statistics.median(times["before"])
    for name, label in (
        ("before", "before: everything again, in-thread images"),
        ("rename", "rename now: 3D carried, images in lanes"),
        ("type", "type change now: everything again, lanes"),
    ):
        median = statistics.median(times[name])
        each = " ".join(f"{value:.2f}" for value in times[name])
        goal = "meets" if median <= GOAL_SECONDS else "misses"
        print(
            f"{label:44s} median {median:6.2f} s  ({each})  ratio {median / reference:4.2f}  "
            f"{goal} the {GOAL_SECONDS:.0f} s goal"
        )
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"load average {load} on {os.cpu_count()} core(s); this process used "
          f"{time.process_time() - cpu_started:.1f} CPU s")  # fmt: skip


if __name__ == "__main__":
    main()
