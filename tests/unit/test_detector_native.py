"""The native build of the thanks detector (bot/detector.py compiled by mypyc, `make native`).

It answers for bot.detector only when it was built from the very bytes of bot/detector.py: these tests check
that it then answers exactly as the pure-Python detector does, and that a build of any other source is never
used. The rest of the detector's tests run against whichever detector is active; `make test` runs them again
with GIVEBACK_DETECTOR=python when a native build is present.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import unicodedata
import uuid
from pathlib import Path
from types import ModuleType

import pytest

from bench.traffic import generate_messages
from bot import detector

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data"
LABELLED_FILES = sorted(p.name for p in DATA.glob("*.jsonl"))
NOT_BUILT = (
    "no native build of the current bot/detector.py: `make native` builds it "
    "(mypyc and a C compiler; `make test` tries on its own)"
)

Row = tuple[str, str, str | None]


@pytest.fixture(scope="module")
def native() -> ModuleType:
    module = detector.load_native(detector.__file__, "bot.detector_native")
    if module is None:
        pytest.skip(NOT_BUILT)
    return module


def _answers(detect, rows: list[Row]) -> list[list[tuple[str, str | None]]]:  # type: ignore[no-untyped-def]
    return [[(t.user_id, t.reason) for t in detect(*row)] for row in rows]


def _assert_same(native: ModuleType, rows: list[Row]) -> None:
    pure = _answers(detector.python_detect_thanks, rows)
    compiled = _answers(native.detect_thanks, rows)
    differ = [(row[0][:200], p, c) for row, p, c in zip(rows, pure, compiled, strict=True) if p != c]
    assert not differ, differ[:5]
    assert sum(map(bool, pure)) > len(rows) // 20  # the rows hold thanks: equal answers say something


def _load(name: str) -> list[Row]:
    with (DATA / name).open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [(r["text"], r["author"], r["thread_parent_author"]) for r in rows]


@pytest.mark.parametrize("name", LABELLED_FILES)
def test_native_answers_as_python_on_labelled_files(native: ModuleType, name: str) -> None:
    rows = _load(name)
    rows += [(unicodedata.normalize("NFD", text), author, parent) for text, author, parent in rows]
    _assert_same(native, rows)


def test_native_answers_as_python_on_generated_traffic(native: ModuleType) -> None:
    messages = generate_messages(5000, seed=11)
    _assert_same(native, [(m["text"], m["author"], m["thread_parent_author"]) for m in messages])


def test_native_answers_as_python_on_long_and_odd_input(native: ModuleType) -> None:
    rng = random.Random(2)
    mentions = [f"<@U{i:04d}>" for i in range(300)]
    rows: list[Row] = [
        ("thanks " + " ".join(mentions) + " for the help", "UAUTHOR", None),
        (" ".join(f"thanks {m}!" for m in mentions), "UAUTHOR", None),
        ("thanks <@U1> for " + "the very long story " * 3000, "UAUTHOR", None),  # past MAX_CHARS
        ("```thanks <@U1> " * 200, "UAUTHOR", "UPARENT"),
        ("🙏🏽:pray::skin-tone-3:🎉" * 300, "UAUTHOR", "UPARENT"),
        ("<" * 2000 + "@U1>" + ">" * 2000 + " thanks", "UAUTHOR", None),
    ]
    words = ["thanks", "ty", "kudos to", "for the fix", "merci", "спасибо", "🙏", ":pray:", "no thanks", ",", "."]
    for _ in range(2000):
        text = " ".join(rng.choice(words + mentions[:4]) for _ in range(rng.randint(1, 12)))
        rows.append((text, "U0000" if rng.random() < 0.2 else "UAUTHOR", rng.choice([None, "UPARENT", "U0001"])))
    _assert_same(native, rows)


def test_native_thanks_are_values_like_the_python_ones(native: ModuleType) -> None:
    found = native.detect_thanks("thanks <@U1> for the quick review", "U2", None)
    assert found == (native.Thanks("U1", "the quick review"),)
    assert hash(found[0]) == hash(native.Thanks("U1", "the quick review"))
    assert (found[0].user_id, found[0].reason) == ("U1", "the quick review")


def test_the_current_build_answers_unless_python_is_asked_for(native: ModuleType) -> None:
    if os.environ.get("GIVEBACK_DETECTOR", "").strip().lower() == "python":
        assert detector.IMPLEMENTATION == "python"
        assert detector.detect_thanks is detector.python_detect_thanks
        assert detector.Thanks is detector.PythonThanks
    else:
        assert detector.IMPLEMENTATION == "native"
        assert detector.detect_thanks is native.detect_thanks
        assert detector.Thanks is native.Thanks


# A build is used only for the source it was built from. First the rule, with a stand-in module that needs
# no compiler; then the real build, in a copy of the package.


def test_load_native_takes_a_module_only_for_the_source_it_names(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "detector.py"
    source.write_text("# the source\n", encoding="utf-8")
    name = f"stand_in_native_{uuid.uuid4().hex}"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    (tmp_path / f"{name}.py").write_text(f'SOURCE_SHA256 = "{digest}"\n', encoding="utf-8")
    (tmp_path / f"{name}_unmarked.py").write_text("detect_thanks = None\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        assert detector.load_native(source, name) is sys.modules[name]
        source.write_text("# the source, changed after the build\n", encoding="utf-8")
        assert detector.load_native(source, name) is None
        assert detector.load_native(tmp_path / "missing.py", name) is None
        assert detector.load_native(source, f"{name}_missing") is None
        source.write_text("# the source\n", encoding="utf-8")
        assert detector.load_native(source, name) is sys.modules[name]
        assert detector.load_native(source, f"{name}_unmarked") is None
    finally:
        for module in (name, f"{name}_unmarked"):
            sys.modules.pop(module, None)


def _package_copy(root: Path, *, change_source: bool) -> Path:
    """bot/__init__.py, bot/detector.py and the native build's files, copied under `root`."""
    bot = root / "bot"
    bot.mkdir(parents=True)
    (bot / "__init__.py").write_text("")
    source = (ROOT / "bot" / "detector.py").read_bytes()
    (bot / "detector.py").write_bytes(source + (b"# changed after the native build\n" if change_source else b""))
    for built in (ROOT / "bot").glob("detector_native*.so"):
        shutil.copyfile(built, bot / built.name)
    return root


def _import_in(root: Path, choice: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GIVEBACK_DETECTOR", "PYTHONPATH")}
    if choice is not None:
        env["GIVEBACK_DETECTOR"] = choice
    code = (
        "import sys\n"
        "import bot.detector as d\n"
        "assert d.__file__.startswith(sys.argv[1]), d.__file__  # the copy, not the repository's bot/\n"
        "print(d.IMPLEMENTATION, [t.user_id for t in d.detect_thanks('thanks <@U1>!', 'U2')])\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, str(root)], cwd=root, env=env, capture_output=True, text=True, check=False
    )


def test_a_build_of_other_source_is_never_used(native: ModuleType, tmp_path: Path) -> None:
    current = _import_in(_package_copy(tmp_path / "current", change_source=False), None)
    assert current.returncode == 0, current.stderr
    assert current.stdout.split() == ["native", "['U1']"]

    stale_root = _package_copy(tmp_path / "stale", change_source=True)
    stale = _import_in(stale_root, None)
    assert stale.returncode == 0, stale.stderr
    assert stale.stdout.split() == ["python", "['U1']"]

    required = _import_in(stale_root, "native")
    assert required.returncode != 0
    assert "no current native build" in required.stderr
