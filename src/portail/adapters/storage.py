"""File storage: put, get and delete bytes by key.

The interface fits an object store (S3 and the like: a bucket of keys); the default keeps files
in a local folder (``var/files/``, or ``PORTAIL_STORAGE_DIR``). Keys are random, made here: never
derived from what a user typed, so no name can reach the file system.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
from pathlib import Path
from typing import Protocol

from portail.settings import Settings

_KEY = re.compile(r"^[0-9a-f]{32}$")


class FileNotStored(LookupError):
    """No file under that key."""


def new_key() -> str:
    """A fresh random key (128 bits, hexadecimal)."""
    return secrets.token_hex(16)


class FileStorage(Protocol):
    """Where uploaded files live."""

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        """Store ``data`` under ``key`` (replacing what was there)."""

    async def get(self, key: str) -> bytes:
        """The bytes under ``key``; ``FileNotStored`` when there are none."""

    async def delete(self, key: str) -> None:
        """Forget ``key``; nothing happens when it is already gone."""


class LocalFolderStorage:
    """Files in a folder, spread over sub-folders by the key's first two characters."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        if not _KEY.match(key):
            raise FileNotStored(key)
        return self.root / key[:2] / key

    def _write(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        with open(partial, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # Readers see the whole file or none of it.
        os.replace(partial, path)

    def _read(self, path: Path) -> bytes:
        try:
            return path.read_bytes()
        except FileNotFoundError as exc:
            raise FileNotStored(path.name) from exc

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(self._write, self._path(key), data)

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self._read, self._path(key))

    async def delete(self, key: str) -> None:
        try:
            path = self._path(key)
        except FileNotStored:
            return
        await asyncio.to_thread(path.unlink, missing_ok=True)


def storage_for(settings: Settings) -> FileStorage:
    """The storage the settings choose (the local folder; an object store would plug in here)."""
    return LocalFolderStorage(settings.storage_path)
