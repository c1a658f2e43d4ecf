"""Where delivered mail goes: an SMTP server, or a folder of ``.eml`` files in development.

A sender is given the function that builds the message, not the message: building it is CPU work
(``email``), done in a thread, with the file write in the same thread for the folder.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

import aiosmtplib

from portail.settings import Settings


class MailSender(Protocol):
    """Delivers the message ``build()`` returns, or raises."""

    async def send(self, build: Callable[[], EmailMessage]) -> None: ...


class SmtpSender:
    """Delivers through an SMTP server with aiosmtplib."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def send(self, build: Callable[[], EmailMessage]) -> None:
        s = self.settings
        message = await asyncio.to_thread(build)
        await aiosmtplib.send(
            message,
            hostname=s.smtp_host,
            port=s.smtp_port,
            username=s.smtp_username or None,
            password=s.smtp_password or None,
            use_tls=s.smtp_tls == "tls",
            start_tls=s.smtp_tls == "starttls",
            timeout=20,
        )


class FolderSender:
    """Writes each message as an ``.eml`` file (development without an SMTP server)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    async def send(self, build: Callable[[], EmailMessage]) -> None:
        await asyncio.to_thread(self._write, build)

    def _write(self, build: Callable[[], EmailMessage]) -> None:
        message = build()
        self.folder.mkdir(parents=True, exist_ok=True)
        name = message["Message-ID"].strip("<>").split("@", 1)[0]
        (self.folder / f"{name}.eml").write_bytes(bytes(message))


def sender_for(settings: Settings) -> MailSender:
    if settings.smtp_host:
        return SmtpSender(settings)
    return FolderSender(settings.mail_dir)
