"""How well real-looking RoomPlan captures import, and how fast.

Run from the repository root: `python bench/intake.py [--seeds N]`. Over a fixed seed set of
realistic captures of each kind (clean, rooms captured one after another, StructureBuilder
structures, iOS 16 rooms stopped early, several stories) it prints the share that imports, the
share that passes the quality gate (reaches Ready with no drafter), the share with every room
within tolerance (3 %, 6 % under 4 m²), the median and worst room-area error, and CPU time per
import. The same captures are imported by `tests/floormodel/roomplan/test_realistic_import.py`.
"""

from __future__ import annotations

import argparse
import sys
import time

from planroom.floormodel.errors import ScanUnreadable
from planroom.floormodel.generator.realistic import REALISTIC_KINDS, generate_realistic
from planroom.floormodel.generator.scoring import median, score
from planroom.floormodel.intake import read_scan_upload
from planroom.floormodel.quality import assess


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=100, help="captures per kind (default 100)")
    seeds = range(parser.parse_args().seeds)
    header = (
        f"{'kind':<11} {'scans':>5} {'imports':>8} {'no drafter':>10} {'rooms ok':>9} "
        f"{'median err':>10} {'worst err':>9} {'ms/import':>9}"
    )
    print(header)
    totals = {"scans": 0, "imported": 0, "ready": 0, "ok": 0}
    all_errors: list[float] = []
    for kind in REALISTIC_KINDS:
        imported = ready = ok = 0
        errors: list[float] = []
        cpu = 0.0
        for seed in seeds:
            generated = generate_realistic(kind, seed)
            data = generated.scan_bytes()
            started = time.process_time()
            try:
                intake = read_scan_upload(data)
            except ScanUnreadable as problem:
                print(f"  {generated.name}: {problem.message}", file=sys.stderr)
                continue
            finally:
                cpu += time.process_time() - started
            imported += 1
            ready += assess(intake.model).passes
            result = score(intake.model, generated.truth)
            ok += result.count_right and result.all_within_tolerance
            errors.extend(room.area_error for room in result.rooms)
        count = len(seeds)
        print(
            f"{kind:<11} {count:>5} {imported / count:>8.0%} {ready / count:>10.0%} "
            f"{ok / count:>9.1%} {median(errors):>10.2%} {max(errors, default=0):>9.2%} "
            f"{cpu / count * 1000:>9.1f}",
            flush=True,
        )
        totals["scans"] += count
        totals["imported"] += imported
        totals["ready"] += ready
        totals["ok"] += ok
        all_errors.extend(errors)
    scans = totals["scans"]
    print(
        f"{'all':<11} {scans:>5} {totals['imported'] / scans:>8.0%} "
        f"{totals['ready'] / scans:>10.0%} {totals['ok'] / scans:>9.1%} "
        f"{median(all_errors):>10.2%} {max(all_errors, default=0):>9.2%}"
    )


if __name__ == "__main__":
    main()
