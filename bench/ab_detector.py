"""Two builds of the thanks detector compared in one process, alternating every few messages.

    python bench/ab_detector.py /tmp/old/detector.py               # old copy against bot/detector.py
    python bench/ab_detector.py OLD.py NEW.py --rounds 5 --chunk 200 --messages 20000

On a shared machine, separate benchmark runs of two builds differ by more than a few percent just
because the machine's speed moves between them. Here both modules are loaded side by side and time
the same chunk of messages in turn (which one goes first alternates), so a drift hits both alike.
Prints CPU-time rates of each build and the median over rounds of old time / new time (> 1: the new
build is faster) for the traffic mix, for the messages with thanks and for the long ones (>= 300 characters),
and checks the answers agree.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.traffic import generate_messages  # noqa: E402

Row = tuple[str, str, str | None]
_LONG = 300  # characters: the "long" line times the messages at least this long


def load_detector(path: str | Path, name: str) -> ModuleType:
    """A detector module loaded from a file (an older build: `git show <commit>:bot/detector.py > OLD.py`)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _answers(module: ModuleType, rows: list[Row]) -> list[list[tuple[str, str | None]]]:
    return [[(t.user_id, t.reason) for t in module.detect_thanks(*row)] for row in rows]


def _compare(
    old: ModuleType, new: ModuleType, rows: list[Row], chunk: int, rounds: int
) -> tuple[float, float, list[float]]:
    """(old msgs/s, new msgs/s, old/new time ratio per round)."""
    total_old = total_new = 0.0
    ratios = []
    for r in range(rounds):
        spent = {"old": 0.0, "new": 0.0}
        for i in range(0, len(rows), chunk):
            part = rows[i : i + chunk]
            order = (("old", old), ("new", new)) if (i // chunk + r) % 2 == 0 else (("new", new), ("old", old))
            for name, module in order:
                start = time.process_time()
                for row in part:
                    module.detect_thanks(*row)
                spent[name] += time.process_time() - start
        ratios.append(spent["old"] / spent["new"])
        total_old += spent["old"]
        total_new += spent["new"]
    n = len(rows) * rounds
    return n / total_old, n / total_new, ratios


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", help="path of the old build's detector.py")
    parser.add_argument("new", nargs="?", default=str(ROOT / "bot" / "detector.py"))
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--chunk", type=int, default=200)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)

    old, new = load_detector(args.old, "detector_old"), load_detector(args.new, "detector_new")
    messages = generate_messages(args.messages, seed=args.seed)
    rows = [(m["text"], m["author"], m["thread_parent_author"]) for m in messages]
    thanks_rows = [row for row, m in zip(rows, messages, strict=True) if m["thanked"]]
    long_rows = [row for row in rows if len(row[0]) >= _LONG]  # multi-line status messages, a quarter of the CPU
    differ = sum(a != b for a, b in zip(_answers(old, rows), _answers(new, rows), strict=True))  # also warms both
    print(f"{len(rows):,} messages ({len(thanks_rows):,} with thanks); answers differing: {differ}")
    for label, part in (("mix", rows), ("thanks only", thanks_rows), ("long", long_rows)):
        rate_old, rate_new, ratios = _compare(old, new, part, args.chunk, args.rounds)
        rounds = ", ".join(f"{x:.3f}" for x in ratios)
        print(
            f"{label:12} old {rate_old:>9,.0f}/s  new {rate_new:>9,.0f}/s  "
            f"new speed / old: median {statistics.median(ratios):.3f} (rounds {rounds})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
