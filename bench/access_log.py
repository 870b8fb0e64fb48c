"""CPU per access-log line: the line `api.observe` writes per request, next to `Logger.info`.

Run from the repository root: `python bench/access_log.py [--rounds 30]`. Both go through the
JSON formatter `planroom.core.logs.configure` installs, to a handler writing to the null device,
so the figure is the logging itself: rounds of 3,000 lines of each in turn, the fastest round of
each quoted (on a shared machine the minimum is the figure that repeats). The product makes the
record and hands it to the logger (`makeRecord` and `handle`), which skips `Logger.info`'s walk
up the stack for the caller: in an ASGI middleware stack that walk is deep, and no handler
prints the caller.
"""

from __future__ import annotations

import argparse
import logging
import os
import time

from planroom.core.logs import JsonFormatter

ROUTE = "/api/integrate/v3/orders/{order_id}"
LINES_A_ROUND = 3_000
ARGS = ("GET", "/api/integrate/v3/orders/3f0d8a52-6f1e-4d1b-9b8e-2b4c1f1a7e55", 200, 1.234)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    with open(os.devnull, "w") as sink:
        handler = logging.StreamHandler(sink)
        handler.setFormatter(JsonFormatter())
        root = logging.getLogger()
        root.handlers[:] = [handler]
        root.setLevel(logging.INFO)
        log = logging.getLogger("planroom.access")
        extra = {"route": ROUTE, "status": 200, "duration_ms": 1.234}

        def by_info() -> None:
            log.info("%s %s %d %.1f ms", *ARGS, extra=extra)

        def by_record() -> None:
            fmt = "%s %s %d %.1f ms"
            log.handle(log.makeRecord(log.name, logging.INFO, __file__, 0, fmt, ARGS, None, extra))

        writers = {"Logger.info": by_info, "makeRecord + handle": by_record}
        figures = dict.fromkeys(writers, float("inf"))
        for _ in range(args.rounds):
            for name, write in writers.items():
                started = time.process_time()
                for _ in range(LINES_A_ROUND):
                    write()
                micros = (time.process_time() - started) / LINES_A_ROUND * 1e6
                figures[name] = min(figures[name], micros)
    for name, micros in figures.items():
        print(f"{name:<22} {micros:6.1f} us CPU a line")
    print(f"{'ratio':<22} {figures['makeRecord + handle'] / figures['Logger.info']:6.2f}")


if __name__ == "__main__":
    main()
