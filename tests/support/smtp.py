"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives."""

from __future__ import annotations

import asyncio
import re
import socket
import time
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


@dataclass
class ReceivedMail:
    """A mail as it arrived at the SMTP server."""

    recipients: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    @property
    def text(self) -> str:
        part = self.message.get_body(("plain",))
        return part.get_content() if part else ""

    @property
    def html(self) -> str:
        part = self.message.get_body(("html",))
        return part.get_content() if part else ""

    def link(self) -> str:
        """The first http(s) link of the text part."""
        match = re.search(r"https?://\S+", self.text)
        assert match, self.text
        return match.group(0)

    def token(self) -> str:
        match = re.search(r"[?&]token=([A-Za-z0-9_-]+)", self.text)
        assert match, self.text
        return match.group(1)


class _Handler:
    def __init__(self) -> None:
        self.mails: list[ReceivedMail] = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.mails.append(ReceivedMail(list(envelope.rcpt_tos), message))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SmtpServer:
    """aiosmtpd in its own thread; ``stop()`` and ``start()`` simulate an outage."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.handler = _Handler()
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def clear(self) -> None:
        self.handler.mails.clear()

    @property
    def mails(self) -> list[ReceivedMail]:
        return list(self.handler.mails)

    def to(self, address: str) -> list[ReceivedMail]:
        return [m for m in self.handler.mails if address in m.recipients]

    async def wait_for(self, address: str, count: int = 1, timeout: float = 10) -> list[ReceivedMail]:
        """The mails to ``address`` once ``count`` have arrived (fails after ``timeout``)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            mails = self.to(address)
            if len(mails) >= count:
                return mails
            await asyncio.sleep(0.01)
        raise AssertionError(f"{count} mail(s) to {address} expected, got {len(self.to(address))}")
