"""Uploaded files: checked from their content, then kept in the file storage under a random key."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from portail.adapters.storage import new_key, storage_for
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode
from portail.resolvers.validation import Validator
from portail.rules import files as rules

log = logging.getLogger("portail.files")


@dataclass(frozen=True)
class IncomingFile:
    """A file as the client sent it: the name it gave and the bytes."""

    filename: str
    data: bytes


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed the checks, with what the server found out about it."""

    filename: str
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def check_file(
    v: Validator, field: str, file: IncomingFile, *, accepted: tuple[str, ...], max_bytes: int
) -> CheckedFile | None:
    """The file when its name and content are acceptable; else errors on ``field`` and None."""
    name = rules.clean_file_name(file.filename)
    problems = []
    name_problem = rules.file_name_problem(name)
    if name_problem is not None:
        problems.append(name_problem)
    problems += rules.content_problems(file.data, accepted=accepted, max_bytes=max_bytes)
    for problem in problems:
        v.add(field, ErrorCode[problem.code], problem.message)
    if problems:
        return None
    content_type = rules.detect_format(file.data[:16])
    assert content_type is not None
    return CheckedFile(name, content_type, file.data)


async def store(ctx: RequestContext, file: CheckedFile) -> str:
    """Keep the file; its new random key."""
    key = new_key()
    await storage_for(ctx.settings).put(key, file.data, file.content_type)
    return key


async def discard(ctx: RequestContext, key: str | None) -> None:
    """Forget a stored file once the transaction that stopped using it has committed.

    A failure only leaves an orphan file behind (logged), never a row without its file.
    """
    if not key:
        return
    try:
        await storage_for(ctx.settings).delete(key)
    except OSError:
        log.warning("could not delete stored file %s", key, exc_info=True)
