"""The benchmarks' tools must keep working: the ingest benchmark's core runs on a tiny workload and
its verdicts are checked, and the detector accuracy tool scores a labelled file.

No timing is asserted here (figures belong in BENCHMARKS.md); only that the benchmark runs the real
`giveback run` end to end and that its exactly-once check both passes on a correct ledger and
catches a wrong one.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from bench import bench_ingest


@pytest.mark.slow
def test_ingest_bench_runs_and_finds_the_ledger_exactly_once() -> None:
    config = bench_ingest.Config(
        n=30,
        warmup=5,
        concurrency=3,
        threads=4,
        rate=20.0,
        rate_seconds=0.5,
        baseline=False,
        backends=("sqlite",),
        log_level="WARNING",
    )
    out = io.StringIO()

    results = bench_ingest.run(config, out=out)

    (run,) = results["runs"]
    assert run["exit_code"] == 0, run.get("log_tail")
    assert run["saturation"]["errors"] == 0, run["saturation"]["error_kinds"]
    assert run["fixed_rate"]["errors"] == 0
    verify = run["verify"]
    assert verify["expected"] > 0, "the traffic mix should contain some thanks even at this size"
    assert verify["ok"], verify
    assert verify["found"] == verify["expected"]
    assert "ingest[sqlite]" in out.getvalue()


def test_ledger_check_reports_missing_and_extra_records(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from storage import help as ledger
    from storage.db import Database
    from storage.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    db = Database(url)
    upgrade(db)
    now = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
    with db.transaction() as session:
        ledger.upsert_edges(
            session,
            [
                ledger.NewEdge(
                    team_id=bench_ingest.TEAM_ID,
                    helper_id=helper,
                    recipient_id="U0AUTHOR",
                    source="thanks_message",
                    source_key="C0BENCH01:1.000001",
                    reporter_id="U0AUTHOR",
                    happened_at=now,
                )
                for helper in ("U0ALICE", "U0BOB")
            ],
            now,
        )
    db.dispose()
    alice = ("C0BENCH01:1.000001", "U0ALICE", "U0AUTHOR")
    bob = ("C0BENCH01:1.000001", "U0BOB", "U0AUTHOR")
    carol = ("C0BENCH01:1.000001", "U0CAROL", "U0AUTHOR")

    assert bench_ingest.verify_ledger(url, {alice, bob})["ok"]
    wrong = bench_ingest.verify_ledger(url, {alice, carol})
    assert (wrong["ok"], wrong["missing"], wrong["unexpected"]) == (False, 1, 1)


def test_detector_accuracy_tool_scores_a_labelled_file_and_lists_what_it_gets_wrong(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from bench import detector_accuracy

    rows = [
        {"author": "UME", "text": "thanks <@UA> for the review", "thread_parent_author": None, "thanked": ["UA"]},
        {"author": "UME", "text": "<@UB> can you merge?", "thread_parent_author": None, "thanked": []},
        # Labelled wrongly on purpose: the tool must count it against the detector and show it.
        {"author": "UME", "text": "<@UC> standup is at 10", "thread_parent_author": None, "thanked": ["UC"]},
    ]
    path = tmp_path / "labelled.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")

    assert detector_accuracy.main([str(path)]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{path}: 3 messages, 2 thanked pairs, precision 1.000, recall 0.500"
    assert lines[1:] == ["  missed=['UC'] extra=[] text='<@UC> standup is at 10'"]
