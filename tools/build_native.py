"""Build the native thanks detector: bot/detector.py compiled to C with mypyc (`make native`).

    python tools/build_native.py          # prints one line: built, or why not
    python tools/build_native.py -v       # shows mypyc's and the compiler's output too

bot/detector.py stays the only source. This writes a copy of it, up to its "NATIVE BUILD CUT" line, as
bot/detector_native.py in a scratch directory, appends the SHA-256 of the detector.py it was made from
(`SOURCE_SHA256`), compiles it there with mypyc, checks that the result imports and answers, and moves the
extension files into bot/ (each replaced in one rename, so a process importing at that moment sees a whole
file). bot/detector.py uses them only while its own hash is the recorded one.

A machine without a C compiler, Python headers or mypyc keeps the pure-Python detector: every failure is
reported in one line (details in build/native/build.log) and the exit status is still 0, so `make` goes on.
`--strict` exits 1 instead.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "bot" / "detector.py"
MODULE = "detector_native"  # bot.detector_native
CUT = "# NATIVE BUILD CUT"
LOG = ROOT / "build" / "native" / "build.log"
COPY = ROOT / "build" / "native" / f"{MODULE}.py"  # kept for reading compiler messages against

# Run against the scratch directory's build: it must import, carry the hash and answer.
_SMOKE = f"""
import sys
import bot.{MODULE} as m
assert m.__file__.startswith(sys.argv[1]), m.__file__
assert m.SOURCE_SHA256 == sys.argv[2], m.SOURCE_SHA256
assert [t.user_id for t in m.detect_thanks("thanks <@U1> for the review", "U2", None)] == ["U1"]
"""


class BuildError(Exception):
    pass


def native_source(source: bytes) -> str:
    """The module mypyc compiles: detector.py up to its cut line, plus the hash of all of detector.py."""
    text = source.decode("utf-8")
    head, cut, _ = text.partition("\n" + CUT)
    if not cut:
        raise BuildError(f"no {CUT!r} line in bot/detector.py")
    digest = hashlib.sha256(source).hexdigest()
    return (
        head.rstrip("\n")
        + "\n\n\n# The SHA-256 of the bot/detector.py this module was built from (tools/build_native.py).\n"
        + f'SOURCE_SHA256 = "{digest}"\n'
    )


def _compiler() -> str | None:
    cc = shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")
    return shutil.which(cc[0]) if cc else None


def _run(cmd: list[str], cwd: Path, log: list[str], env: dict[str, str] | None = None) -> None:
    log.append(f"$ {shlex.join(cmd)}  (in {cwd})")
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    log.append(done.stdout + done.stderr)
    if done.returncode != 0:
        lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
        errors = [line for line in lines if "error" in line.lower()]
        raise BuildError((errors or lines or [f"exit status {done.returncode}"])[0].strip()[:160])


def build(log: list[str]) -> list[Path]:
    """Compile and install; the installed files."""
    try:
        import mypyc  # noqa: F401
    except ImportError as e:
        raise BuildError("mypyc is not installed (it comes with mypy: pip install -e '.[dev]')") from e
    if _compiler() is None:
        raise BuildError(f"no C compiler: {os.environ.get('CC') or sysconfig.get_config_var('CC') or 'cc'} not found")
    source = SOURCE.read_bytes()
    copy = native_source(source)
    digest = hashlib.sha256(source).hexdigest()
    COPY.parent.mkdir(parents=True, exist_ok=True)
    COPY.write_text(copy, encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="giveback-native-") as scratch_dir:
        scratch = Path(scratch_dir)
        (scratch / "bot").mkdir()
        (scratch / "bot" / "__init__.py").write_text("")
        (scratch / "bot" / f"{MODULE}.py").write_text(copy, encoding="utf-8")
        # Outside the repository: setuptools must not read its pyproject.toml, nor mypy its configuration.
        _run([sys.executable, "-m", "mypyc", f"bot/{MODULE}.py"], scratch, log)
        built = sorted((scratch / "bot").glob(f"{MODULE}*{sysconfig.get_config_var('EXT_SUFFIX')}"))
        if not built:
            raise BuildError("mypyc reported success but wrote no extension module")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        _run([sys.executable, "-c", _SMOKE, str(scratch), digest], scratch, log, env)
        # The library (…__mypyc…) first, the small module that loads it last: an import in between finds
        # either the old pair or a new library behind the old loader, which only forwards to it.
        installed = []
        for path in sorted(built, key=lambda p: "__mypyc" not in p.name):
            target = ROOT / "bot" / path.name
            temp = target.with_name(f"{MODULE}.{os.getpid()}.tmp")
            shutil.copyfile(path, temp)
            os.replace(temp, target)
            installed.append(target)
        return installed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print the build's output")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the build fails")
    args = parser.parse_args(argv)
    started = time.monotonic()
    log: list[str] = []
    try:
        installed = build(log)
    except (BuildError, OSError, UnicodeDecodeError) as e:
        ok = False
        line = f"native detector: not built ({e}); the pure-Python detector answers. Log: {_rel(LOG)}"
    else:
        ok = True
        line = f"native detector: built bot/{MODULE} from bot/detector.py in {time.monotonic() - started:.0f} s"
        log.append("installed: " + ", ".join(p.name for p in installed))
    LOG.parent.mkdir(parents=True, exist_ok=True)
    LOG.write_text("\n".join(log) + "\n", encoding="utf-8")
    if args.verbose:
        print("\n".join(log))
    print(line, flush=True)
    return 0 if ok or not args.strict else 1


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


if __name__ == "__main__":
    raise SystemExit(main())
