"""Pacing the mail worker's background jobs: they run on its polls and on the wakes that ask for
them (a password reset request's commit), which can follow one another closely, and most jobs need
not run that often."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from portail.clock import Clock


@dataclass
class Paced:
    """A job of the mail worker run at most once per ``every`` (a clock travelling back runs it)."""

    job: Callable[[], Awaitable[int]]
    clock: Clock
    every: timedelta
    last_run: datetime | None = None

    async def __call__(self) -> int:
        now = self.clock.now()
        if self.last_run is not None and timedelta(0) <= now - self.last_run < self.every:
            return 0
        self.last_run = now
        return await self.job()
