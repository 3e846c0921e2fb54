"""Work that must not hold up Slack's 3-second ack: ack reactions, permalinks, users.info.

It runs only after the record it follows is committed, so it can fail without losing anything.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from threading import Lock
from typing import Any

from bot.log import get_logger

log = get_logger(__name__)


class Background:
    def __init__(self, workers: int = 4) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="giveback-bg")
        self._pending: set[Future[Any]] = set()
        self._lock = Lock()

    def submit(self, task: str, fn: Callable[..., Any], *args: Any) -> None:
        future = self._pool.submit(self._run, task, fn, *args)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._forget)

    @staticmethod
    def _run(task: str, fn: Callable[..., Any], *args: Any) -> None:
        try:
            fn(*args)
        except Exception:
            # The record this task follows is already durable; a failed side effect (a missing
            # ack reaction, no permalink) is logged here, in the one place that catches them all.
            log.exception("background.failed", task=task)

    def _forget(self, future: Future[Any]) -> None:
        with self._lock:
            self._pending.discard(future)

    def drain(self, timeout: float | None = 10.0) -> None:
        """Wait for queued side effects (tests, shutdown)."""
        with self._lock:
            pending = set(self._pending)
        wait(pending, timeout=timeout)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=False)
