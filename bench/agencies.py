"""Agency resolution speed: printed names of a province's worth of plans (200 communes x 60 tasks x 2).

Prints the total time and the time per name; the follow-up and import pages resolve names often.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.agencies import default_directory  # noqa: E402

NAMES = ["Phòng VHXH", "Phòng VHXXH", "VP HĐND & UBND xã", "Các phòng, ban, đơn vị cấp xã", "Công an xã"]


def main() -> None:
    directory = default_directory("commune")
    count = 200 * 60 * 2
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        for i in range(count):
            directory.resolve(NAMES[i % len(NAMES)] + ("" if i % 3 else f" {i % 7}"))
        runs.append(time.perf_counter() - start)
    best = min(runs)
    print(f"agency resolution: {count} names in {best:.3f} s ({best / count * 1e6:.1f} µs per name)")


if __name__ == "__main__":
    main()
