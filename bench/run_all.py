"""Run every benchmark in `bench/` and print one summary table (`make bench`, `make bench-full`).

Each `bench/bench_<name>.py` runs as its own process with `--quick` (default) or `--full` and writes
`bench/results/<name>.json`. Targets are reported, not asserted: this exits non-zero only when a
benchmark crashes (non-zero exit, or no results file).

    python bench/run_all.py [--quick|--full] [--only ingest --only detector]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
# Cheap first, so a quick run shows early figures; anything new sorts after these.
ORDER = ["detector", "planning", "delivery", "ingest"]


def discover() -> list[Path]:
    scripts = sorted(BENCH.glob("bench_*.py"))
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(scripts, key=lambda p: (rank.get(_name(p), len(ORDER)), p.name))


def _name(script: Path) -> str:
    return script.stem.removeprefix("bench_")


def run_one(script: Path, mode: str) -> dict[str, Any]:
    name = _name(script)
    started_wall = time.time()
    started = time.monotonic()
    print(f"\n=== {name} ({script.relative_to(ROOT)} --{mode}) ===", flush=True)
    process = subprocess.run([sys.executable, str(script), f"--{mode}"], cwd=ROOT, check=False)
    seconds = time.monotonic() - started
    row: dict[str, Any] = {"name": name, "seconds": round(seconds, 1), "exit_code": process.returncode}
    # `results/<name>.json` by convention; `results/bench_<name>.json` is accepted too.
    candidates = [RESULTS / f"{name}.json", RESULTS / f"{script.stem}.json"]
    written = [p for p in candidates if p.exists() and p.stat().st_mtime >= started_wall - 1]
    result_path = written[0] if written else candidates[0]
    fresh = bool(written)
    if process.returncode != 0:
        row["status"] = "CRASHED"
    elif not fresh:
        row["status"] = "NO RESULTS"
    else:
        row["status"] = "ok"
        try:
            row["results"] = json.loads(result_path.read_text())
        except ValueError:
            row["status"] = "BAD RESULTS"
    return row


def headline(results: dict[str, Any] | None, limit: int = 8) -> str:
    """A benchmark's own `summary` dict if it has one, else its top-level scalar figures."""
    if not results:
        return ""
    summary = results.get("summary")
    source: dict[str, Any] = summary if isinstance(summary, dict) else results
    items = [
        (k, v)
        for k, v in source.items()
        if isinstance(v, (int, float, str, bool)) and k not in ("name", "mode") and len(str(v)) < 40
    ]
    if not items:
        return f"see bench/results/ ({', '.join(sorted(results))})"
    return ", ".join(f"{k}={_fmt(v)}" for k, v in items[:limit])


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="run_all", description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", dest="mode", action="store_const", const="quick")
    mode.add_argument("--full", dest="mode", action="store_const", const="full")
    parser.add_argument("--only", action="append", metavar="NAME", help="run just this benchmark (repeatable)")
    args = parser.parse_args(argv)
    mode_name = args.mode or "quick"
    scripts = [s for s in discover() if not args.only or _name(s) in args.only]
    if not scripts:
        print("run_all: no benchmarks found", file=sys.stderr)
        return 1
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows = [run_one(script, mode_name) for script in scripts]

    print(f"\n=== summary ({mode_name}) ===")
    width = max(len(r["name"]) for r in rows)
    for r in rows:
        print(f"{r['name']:<{width}}  {r['status']:<11} {r['seconds']:>7.1f} s  {headline(r.get('results'))}")
    summary = {"mode": mode_name, "benchmarks": [{k: v for k, v in r.items() if k != "results"} for r in rows]}
    (RESULTS / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    crashed = [r["name"] for r in rows if r["status"] != "ok"]
    if crashed:
        print(f"run_all: did not finish: {', '.join(crashed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
