"""How far two independent labellings of the same blind sets agree, and how the detector scores against each.

    python bench/label_agreement.py

For sets 83–90 a second helper, who saw neither the detector nor the first labels, labelled the same messages
(bench/second_labels/thanks_holdoutNN.jsonl: one {"id", "thanked"} line per message, in file order). If the two
labellings disagreed often, the detector's unseen-accuracy figures would be bounded by label noise; they agree on
almost every pair, so the figures measure the detector.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.detector_accuracy import load_rows  # noqa: E402
from bot.detector import detect_thanks  # noqa: E402

SETS = range(83, 91)


def _pairs(rows: list[dict]) -> set[tuple[int, str]]:
    return {(i, user) for i, row in enumerate(rows) for user in row["thanked"]}


def _pr(found: set, truth: set) -> str:
    hits = len(found & truth)
    return f"P {hits / max(len(found), 1):.3f}, R {hits / max(len(truth), 1):.3f}"


def main() -> int:
    first: set = set()
    second: set = set()
    detector: set = set()
    for n in SETS:
        rows = load_rows(ROOT / "tests" / "data" / f"thanks_holdout{n}.jsonl")
        again = load_rows(ROOT / "bench" / "second_labels" / f"thanks_holdout{n}.jsonl")
        if [r["id"] for r in again] != list(range(len(rows))):
            print(f"set {n}: the second labels do not line up with the messages", file=sys.stderr)
            return 1
        found = [[t.user_id for t in detect_thanks(r["text"], r["author"], r["thread_parent_author"])] for r in rows]
        first |= {(n, *p) for p in _pairs(rows)}
        second |= {(n, *p) for p in _pairs(again)}
        detector |= {(n, i, user) for i, users in enumerate(found) for user in users}
    print(
        f"sets {SETS.start}–{SETS.stop - 1}: {len(first)} pairs in the first labels, {len(second)} in the second, "
        f"{len(first & second)} in both"
    )
    print(f"second labels against the first: {_pr(second, first)}")
    print(f"detector against the first labels: {_pr(detector, first)}; against the second: {_pr(detector, second)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
