"""Seconds from a Quick Edit save until every deliverable of the order is rendered and delivered
again, on a sample house at the default render size.

Run from the repository root: `python bench/quick_edit.py [--sample two_storey_basement]
[--package plus] [--add-on gla ...] [--workers 2]`. An order is made and delivered through the
Integrate API (not timed), one room is renamed and unticked through the page's save call, and the
render jobs then run on `--workers` threads draining the same queue, as `planroom serve`'s
embedded workers do. Prints the save's own time, the time until every file was delivered again,
and each product's render time.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient

from planroom.app import create_app
from planroom.companies import service as companies
from planroom.db.engine import unit_of_work
from planroom.floormodel.samples import sample_scan_bytes
from planroom.runtime import Runtime
from planroom.settings import Settings


def _drain(runtime: Runtime, workers: int) -> None:
    def work() -> None:
        while runtime.queue.drain():
            pass

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", default="two_storey_basement")
    parser.add_argument("--package", default="plus")
    parser.add_argument("--add-on", action="append", default=None, dest="add_ons")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    add_ons = args.add_ons if args.add_ons is not None else ["gla"]
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
        with unit_of_work(runtime.session_factory) as session:
            created = companies.create_company(session, name="Bench Plans")
        headers = {"api-key": created.api_key}
        with TestClient(create_app(runtime)) as client:
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
                    "add_ons": add_ons,
                },
            )
            draft.raise_for_status()
            order_id = draft.json()["id"]
            client.post(
                f"{api}/orders/{order_id}/scan",
                content=sample_scan_bytes(args.sample),
                headers={**headers, "content-type": "application/json"},
            ).raise_for_status()
            _drain(runtime, args.workers)
            link = client.post(f"{api}/orders/{order_id}/quick-edit-link", headers=headers)
            link.raise_for_status()
            token = parse_qs(urlsplit(link.json()["url"]).query)["t"][0]
            page = {"X-Quick-Edit-Token": token}
            state = client.get(f"/orders/{order_id}/edit/state", headers=page).json()
            room = state["model"]["spaces"][0]
            started = time.perf_counter()
            saved = client.post(
                f"/orders/{order_id}/edit/save",
                headers=page,
                json={
                    "base_version": state["version"],
                    "operations": [
                        {"op": "room", "id": room["id"], "name": "Bench Room", "finished": False}
                    ],
                },
            )
            saved.raise_for_status()
            save_seconds = time.perf_counter() - started
            _drain(runtime, args.workers)
            total = time.perf_counter() - started
            progress = client.get(f"/orders/{order_id}/edit/state", headers=page).json()
            assert progress["progress"]["finished"], progress["progress"]
        runtime.close()
    products = ", ".join(item["product"] for item in progress["progress"]["products"])
    print(
        f"{args.sample} · {args.package} + {', '.join(add_ons) or 'no add-ons'} · "
        f"{settings.render_long_side_px} px · {args.workers} worker(s)"
    )
    print(f"save answered in {save_seconds:.2f} s; every file delivered again after {total:.2f} s")
    print(f"products: {products}")


if __name__ == "__main__":
    main()
