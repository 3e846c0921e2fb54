"""Whole-process helpers: start `giveback …` as a real subprocess against the sandbox."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from storage.db import Database
from storage.help import active_edges


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bot_env(sandbox, database_url: str, **extra: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(
        SLACK_BOT_TOKEN=sandbox.bot_token,
        SLACK_SIGNING_SECRET=sandbox.signing_secret,
        SLACK_API_URL=sandbox.api_url,
        DATABASE_URL=database_url,
        SCHEDULER_ENABLED="false",
        LOG_FORMAT="json",
        **extra,
    )
    return env


@contextmanager
def giveback_process(args: list[str], env: dict[str, str], cwd) -> Iterator[subprocess.Popen[str]]:  # type: ignore[no-untyped-def]
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def wait_healthy(port: int, proc: subprocess.Popen[str], timeout: float = 60.0) -> None:
    # A process spends ~5 s of CPU compiling the detector's vocabulary before it serves; two started
    # at once on a loaded 2-core machine took over 30 s to answer /healthz.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"giveback exited early ({proc.returncode}): {proc.stdout.read() if proc.stdout else ''}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    pytest.fail("giveback did not become healthy")


def stored_ledger(database_url: str, team_id: str = "T0SANDBOX") -> list[tuple[str, str, str, str | None]]:
    db = Database(database_url)
    try:
        with db.reader() as session:
            return [(e.helper_id, e.recipient_id, e.source, e.reason) for e in active_edges(session, team_id)]
    finally:
        db.dispose()


def wait_for(predicate, timeout: float = 10.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    return predicate()
