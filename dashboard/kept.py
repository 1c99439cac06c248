"""Compact copies of a report and its analysis kept in a session between page visits.

A session keeps the last report and result so that they survive a visit to another page; a long report
held as Python objects costs ~17 MB per session (1.9 MB of text: 3.8 MB as str, its record 9.5 MB of
dicts, the uploaded bytes twice). Kept here zlib-compressed (text as UTF-8, the record pickled), the same
costs well under 1 MB, and unpacking takes a fraction of the analysis time. See bench/memory_uploads.py.
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from collections.abc import Iterator, Mapping
from typing import Any


def digest(text: str) -> str:
    """A short fingerprint of a text: tells whether the report changed without keeping it."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def pack_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def unpack_text(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8", "surrogatepass")


class KeptResult(Mapping):
    """The last analysis (`text`, `date`, `source`, `record`) packed; read like the dict it replaces.

    `result["text"]` and `result["record"]` unpack a fresh copy on each access: read each once per run.
    `key` is (digest of the text, date): equal exactly when the same report is analysed for the same date.
    """

    __slots__ = ("_record", "_text", "date", "key", "source")

    def __init__(self, text: str, date: str | None, source: str | None, record: dict) -> None:
        self._text = pack_text(text)
        self._record = zlib.compress(pickle.dumps(record, pickle.HIGHEST_PROTOCOL), 1)
        self.date, self.source, self.key = date, source, (digest(text), date)

    def __getitem__(self, name: str) -> Any:
        if name == "text":
            return unpack_text(self._text)
        if name == "record":
            return pickle.loads(zlib.decompress(self._record))  # our own bytes, never a user's
        if name in ("date", "source"):
            return getattr(self, name)
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter(("text", "date", "source", "record"))

    def __len__(self) -> int:
        return 4

    def packed_bytes(self) -> int:
        """Bytes held by the packed text and record."""
        return len(self._text) + len(self._record)
