"""Precision and recall of the thanks detector on labelled JSON Lines files, with the confusion.

    python bench/detector_accuracy.py tests/data/thanks_holdout13.jsonl [more files…]

Each line is a `giveback detect` input plus the expected `thanked` list (../shared/thanks/README.md).
Scored over (message, thanked user) pairs, as tests/unit/test_detector.py scores every labelled file;
the example workspace's bot users are ignored (text cannot tell them apart; capture drops them).
To measure a new, unseen file *before* changing the detector against it, run this once and keep
the figure: afterwards the file guards against regressions but no longer measures unseen accuracy.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.detector import detect_thanks  # noqa: E402

BOTS = frozenset({"U0AGVBK2Y3Z", "U0BDPLY3Z4A", "U0CJRBT4A5B"})


def load_rows(path: str | Path) -> list[dict]:
    """The rows of a labelled JSON Lines file (blank lines skipped)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(rows: list[dict]) -> tuple[float, float, list[str]]:
    tp = fp = fn = 0
    confusion = []
    for row in rows:
        want = {u for u in row["thanked"] if u not in BOTS}
        found = detect_thanks(row["text"], row["author"], row.get("thread_parent_author"))
        got = {t.user_id for t in found if t.user_id not in BOTS}
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
        if want != got:
            confusion.append(f"missed={sorted(want - got)} extra={sorted(got - want)} text={row['text']!r}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, confusion


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    for path in paths:
        rows = load_rows(path)
        precision, recall, confusion = score(rows)
        pairs = sum(len([u for u in r["thanked"] if u not in BOTS]) for r in rows)
        print(f"{path}: {len(rows)} messages, {pairs} thanked pairs, precision {precision:.3f}, recall {recall:.3f}")
        for line in confusion:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
