"""Time to the first delivery: when a plus_3d order's 2D group is Ready, next to the whole order.

Run from the repository root: `python bench/first_ready.py [--scale 0.25] [--workers 2]`.
It makes the demo company and a plus_3d order with the 3D video and CAD add-ons from the
sandbox's default sample in a temporary data folder (SQLite, the SQLite queue), runs it with
`--workers` embedded worker threads, and prints the seconds from the upload to the delivery of
each group (`products_2d`, `products_3d`, `tour`) and the ratio of the first delivery to the
whole order. `--scale` shrinks the plan images and the video as tests do (1.0 is full size).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import planroom.tasks  # noqa: F401 - registers every job
from planroom.demo import create_demo_order, demo_company
from planroom.jobs.consumer import embedded_consumer
from planroom.migrations.run import upgrade
from planroom.orders import service as orders
from planroom.render.products import PRODUCTS
from planroom.runtime import Runtime
from planroom.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=0.25)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            data_dir=Path(folder),
            embedded_workers=0,
            render_long_side_px=int(3000 * args.scale),
            video_scale=args.scale,
        )
        runtime = Runtime.from_settings(settings)
        upgrade(runtime.engine)
        company, _key = demo_company(runtime)
        with embedded_consumer(runtime, workers=args.workers):
            started = time.monotonic()
            order_id = create_demo_order(
                runtime,
                company.id,
                sample="two_storey_basement",
                package="plus_3d",
                add_ons=["3d_video", "3d_cad_files"],
            )
            delivered: dict[str, float] = {}
            while True:
                with runtime.session_factory() as session:
                    rows = orders.order_products(session, order_id)
                groups = {PRODUCTS[row.product].group for row in rows}
                for group in groups - set(delivered):
                    members = [row for row in rows if PRODUCTS[row.product].group == group]
                    if all(row.delivered_at is not None for row in members):
                        delivered[group] = time.monotonic() - started
                        print(f"  {group} delivered at {delivered[group]:6.1f} s", flush=True)
                if len(delivered) == len(groups):
                    break
                if time.monotonic() - started > 1800:
                    raise SystemExit("the order was not delivered within 30 minutes")
                time.sleep(0.1)
        runtime.close()
    first, whole = min(delivered.values()), max(delivered.values())
    print(
        f"first delivery {first:.1f} s, whole order {whole:.1f} s, "
        f"ratio {first / whole:.2f} (2D first: {delivered.get('products_2d', 0.0):.1f} s)"
    )


if __name__ == "__main__":
    main()
