"""Start-up cost of a bot process: what a fresh `giveback digest` or `giveback run` pays before its first piece
of work, against a bare interpreter measured in the same run.

    python bench/bench_startup.py                         # default: best of 5 processes per step
    python bench/bench_startup.py --quick                 # best of 3
    python bench/bench_startup.py --compare ../old-tree   # also an older checkout, alternating with this one

Each step runs in a fresh interpreter (`sys.executable`, from the checkout's directory) and is timed by the
CPU time the child used (user + system, from `resource`), best of several processes:

- interpreter: `import re`, the baseline every process pays;
- digest imports: the modules `giveback digest` loads (`bot.cli`, `bot.digest_cli`), which include the
  detector but never detect;
- first detection: importing the detector and answering one message, which compiles its vocabulary (what
  `giveback run` pays before it connects, through `CaptureService`'s warm-up).

`--compare` takes another checkout of this repository (`git worktree add ../old-tree <commit>`) and measures it
in the same run, alternating, so both meet the same machine. GIVEBACK_DETECTOR is passed through; a checkout
without a current native build answers in pure Python. Writes bench/results/startup.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STEPS = {
    "interpreter": "import re",
    "digest imports": "import bot.cli, bot.digest_cli",
    "first detection": "from bot.detector import detect_thanks; detect_thanks('thanks <@U1> for the review', 'U2')",
}


def _child_cpu_seconds(code: str, cwd: Path) -> float:
    """CPU seconds (user + system) a fresh interpreter running `code` in `cwd` used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", code], cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(trees: dict[str, Path], runs: int) -> dict[str, dict[str, float]]:
    """Best CPU seconds of each step in each tree; runs interleave trees and steps so load hits all alike."""
    best = {name: dict.fromkeys(STEPS, float("inf")) for name in trees}
    for _ in range(runs):
        for step, code in STEPS.items():
            for name, tree in trees.items():
                best[name][step] = min(best[name][step], _child_cpu_seconds(code, tree))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="best of 3 processes per step")
    size.add_argument("--full", action="store_true", help="best of 9 processes per step")
    parser.add_argument("--compare", type=Path, help="another checkout of this repository, measured alongside")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else 9 if args.full else 5

    trees = {"this checkout": ROOT}
    if args.compare:
        if not (args.compare / "bot" / "detector.py").is_file():
            parser.error(f"{args.compare} is not a checkout of this repository (no bot/detector.py)")
        trees["compared"] = args.compare.resolve()
    best = measure(trees, runs)

    print(f"CPU seconds of a fresh process, best of {runs}; ratio to the bare interpreter in the same run")
    print(f"{'':22}" + "".join(f"{name:>26}" for name in trees))
    results: dict[str, object] = {"runs": runs, "trees": {name: str(path) for name, path in trees.items()}}
    for step in STEPS:
        cells = []
        for name in trees:
            seconds, base = best[name][step], best[name]["interpreter"]
            cells.append(f"{seconds:>12.3f} s ({seconds / base:>6.1f}×)")
        print(f"{step:22}" + "".join(f"{cell:>26}" for cell in cells))
    if args.compare:
        for step in list(STEPS)[1:]:
            print(f"{step}: this checkout / compared = {best['this checkout'][step] / best['compared'][step]:.3f}")
    results["cpu_seconds"] = {name: {step: round(s, 4) for step, s in steps.items()} for name, steps in best.items()}
    results["ratio_to_interpreter"] = {
        name: {step: round(s / steps["interpreter"], 2) for step, s in steps.items()} for name, steps in best.items()
    }
    ours = best["this checkout"]
    results["summary"] = {
        "digest_imports_s": round(ours["digest imports"], 3),
        "first_detection_s": round(ours["first detection"], 3),
        "first_detection_to_interpreter": round(ours["first detection"] / ours["interpreter"], 1),
    }
    results["detector"] = os.environ.get("GIVEBACK_DETECTOR", "") or "whichever answers"
    results["machine"] = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
    }
    out = ROOT / "bench" / "results" / "startup.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
