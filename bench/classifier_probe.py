"""Would a learned classifier over the rules' candidates find more thanks on unseen messages? (An experiment.)

    pip install -e '.[train]'         # scikit-learn, as tools/train_thanks_model.py needs
    python bench/classifier_probe.py --test 75-82 --test-rules OLD_DETECTOR.py
    python bench/classifier_probe.py --test-files set83.jsonl,set84.jsonl

Each (message, candidate) pair — every user mentioned, and the thread's author for a reply — gets the features a
small model could use: the rules' own answer, the cue and cancelling kinds the scan found, the words around the
candidate, the message's words and word pairs (CJK and Thai as characters and bigrams). A logistic regression is
trained on the labelled files in tests/data except the test sets (their rules' answers from the current detector)
and scored on the test sets with the detector they were first scored on (`git show <build>:bot/detector.py`), so the
rules' answers in the test are as unseen as the messages. Prints the rules' and the classifier's precision and
recall over the test pairs at a few thresholds. BENCHMARKS.md, "Accuracy in stop 17", has the results: then, two points
of recall for one of precision. In stop 21, with twice the labelled data, four points of recall at the same precision
("Accuracy in stop 21"): the detector now has such a model (bot/detector.py, step 6; tools/train_thanks_model.py).
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ab_detector import load_detector  # noqa: E402
from bench.detector_accuracy import BOTS, load_rows  # noqa: E402

DATA = ROOT / "tests" / "data"
MENTION = re.compile(r"<@([A-Z0-9]{1,40})(?:\|[^<>\n]*)?>")
TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")


def rows_of(paths: list[Path]) -> Iterator[dict]:
    for path in paths:
        yield from load_rows(path)


def candidates(row: dict) -> list[str]:
    found: list[str] = []
    for m in MENTION.finditer(row["text"]):
        if m.group(1) not in found and m.group(1) != row["author"] and m.group(1) not in BOTS:
            found.append(m.group(1))
    parent = row.get("thread_parent_author")
    if parent and parent != row["author"] and parent not in found and parent not in BOTS:
        found.append(parent)
    return found


def _nospace(ch: str) -> bool:
    o = ord(ch)
    return 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0x0E00 <= o <= 0x0E7F


def tokens(low: str) -> list[tuple[int, str]]:
    out = []
    for m in TOKEN.finditer(low):
        t = m.group()
        if len(t) > 1 and _nospace(t[0]):
            for i in range(len(t)):
                out.append((m.start() + i, t[i]))
                out.append((m.start() + i, t[i : i + 2]))
        else:
            out.append((m.start(), t[:20]))
    return out


def features(row: dict, det: ModuleType) -> Iterator[tuple[int, list[str]]]:
    """(label, features) for each candidate of a row; the detector's internals give the normalised text and cues."""
    cands = candidates(row)
    if not cands:
        return
    text, author, parent = row["text"][: det.MAX_CHARS], row["author"], row.get("thread_parent_author")
    found = {t.user_id for t in det.detect_thanks(text, author, parent)}
    prepared = det._prepare(text)
    passes = det._may_contain_thanks(prepared)
    norm, ids = det._normalize(prepared)
    low = norm.lower()
    cues, reqs, _, kills = det._scan(low, prepared.isascii()) if passes else ([], [], [], [])
    toks = tokens(low)
    others = [u for u in ids if u != author]
    base = [f"pre={passes}", f"rany={bool(found)}", f"nm={min(len(others), 3)}", f"reply={parent is not None}"]
    base += [f"cue:{k}" for k in sorted({c[0] for c in cues})] + [f"kill:{k}" for k in sorted({k for k, _ in kills})]
    base += ["req"] if reqs else []
    for cand in cands:
        char = chr(det._M0 + ids.index(cand)) if cand in ids else None
        kind = ("pm" if cand == parent else "m") if char else "p"

        def name(t: str, char: str | None = char) -> str:
            if len(t) == 1 and det._M0 <= ord(t) <= det._M0 + 0xFFFF:
                return "@C" if t == char else ("@A" if ids[ord(t) - det._M0] == author else "@O")
            return t

        named = [name(t) for _, t in toks]
        f = [*base, f"ryes={cand in found}", f"ctype={kind}"]
        for t in set(named):
            f += ["w:" + t, f"{kind}|{min(len(others), 2)}|w:" + t]
        f += ["b:" + a + " " + b for a, b in itertools.pairwise(named)]
        if char:
            at = [i for i, (_, t) in enumerate(toks) if t == char]
            f.append(f"cnth={min(others.index(cand), 3)}")
            for p in at[:3]:
                f += [f"L{d}:{named[p - d]}" for d in range(1, 5) if p - d >= 0]
                f += [f"R{d}:{named[p + d]}" for d in range(1, 5) if p + d < len(named)]
                f += [("NL:" if j < p else "NR:") + named[j] for j in range(max(0, p - 10), min(len(named), p + 11))]
            if cues:
                pos = toks[at[0]][0]
                near = min(cues, key=lambda c: abs(c[1] - pos))
                starts = det._sentence_starts(low)
                f.append(f"nc:{near[0]}:{'a' if near[1] > pos else 'b'}:{min(abs(near[1] - pos) // 20, 5)}")
                f.append(f"ncsame={bisect.bisect_right(starts, near[1]) == bisect.bisect_right(starts, pos)}")
        else:
            f += ["PS:" + t for t in named[:3]] + ["PE:" + t for t in named[-3:]]
        yield int(cand in row["thanked"]), f


def _set_number(path: Path) -> int:
    m = re.search(r"holdout(\d+)", path.name)
    return int(m.group(1)) if m else 0


def _score(truth: list[int], predicted: list[bool]) -> str:
    tp = sum(1 for t, p in zip(truth, predicted, strict=True) if t and p)
    fp = sum(1 for t, p in zip(truth, predicted, strict=True) if p and not t)
    fn = sum(1 for t, p in zip(truth, predicted, strict=True) if t and not p)
    return f"P {tp / max(tp + fp, 1):.3f} R {tp / max(tp + fn, 1):.3f} (tp {tp}, fp {fp}, fn {fn})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", help="holdout numbers to test on, e.g. 75-82")
    parser.add_argument(
        "--test-files", help="comma-separated JSON Lines files to test on (trained on all of tests/data)"
    )
    parser.add_argument("--test-rules", type=Path, help="the detector the test sets were first scored on")
    args = parser.parse_args()
    try:
        from sklearn.feature_extraction import FeatureHasher
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        print("needs scikit-learn (pip install scikit-learn), which the project does not depend on", file=sys.stderr)
        return 2
    every = sorted(DATA.glob("*.jsonl"))
    if args.test:
        lo, _, hi = args.test.partition("-")
        test = [p for p in every if int(lo) <= _set_number(p) <= int(hi or lo)]
        train = [p for p in every if p not in test]
    elif args.test_files:
        test, train = [Path(p) for p in args.test_files.split(",")], every
    else:
        parser.error("give --test or --test-files")
    current = load_detector(ROOT / "bot" / "detector.py", "detector_now")
    then = load_detector(args.test_rules, "detector_then") if args.test_rules else current
    train_pairs = [p for row in rows_of(train) for p in features(row, current)]
    test_pairs = [p for row in rows_of(test) for p in features(row, then)]
    hasher = FeatureHasher(n_features=2**21, input_type="string", alternate_sign=False)
    model = LogisticRegression(C=1.0, solver="liblinear", max_iter=2000)
    model.fit(hasher.transform(f for _, f in train_pairs), [y for y, _ in train_pairs])
    truth = [y for y, _ in test_pairs]
    print(f"{len(train_pairs)} training pairs, {len(test_pairs)} test pairs")
    print("rules:", _score(truth, ["ryes=True" in f for _, f in test_pairs]))
    probability = model.predict_proba(hasher.transform(f for _, f in test_pairs))[:, 1]
    for threshold in (0.3, 0.5, 0.7):
        print(f"classifier at {threshold}:", _score(truth, [p >= threshold for p in probability]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
