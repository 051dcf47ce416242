"""pdfminer.six held to a reader's limits where it would otherwise follow a hostile file anywhere:
the bytes its compressed streams inflate to, and chains of references to references.

pdfminer inflates a stream whole, with one ``zlib.decompress`` call, when the stream is first
read: a 1.5 MB stream can become gigabytes before anything could look at its size (LZW, less
so). While a PDF is read under :func:`inflating`, pdfminer's ``zlib`` and ``lzwdecode`` are
bounded stand-ins that inflate at most what the limit has left and raise
:class:`~gongkai.errors.LimitError` past it; outside, they are pdfminer's own.

A :class:`BoundedDocument` refuses an object that is a reference to itself, through any number of
references (pdfminer would resolve it forever), or a chain longer than the depth limit.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any, Optional

import attrs
import pdfminer.pdftypes
from pdfminer.lzw import LZWDecoder, lzwdecode
from pdfminer.pdfdocument import PDFDocument, PDFObjectNotFound
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.pdftypes import PDFObjRef

from ...errors import LimitError

_MIB = 1 << 20


@attrs.define
class _Inflation:
    """What the PDF being read may still inflate."""

    source: str
    limit: int
    used: int = 0

    def take(self, inflated: int) -> None:
        self.used += inflated
        if self.used > self.limit:
            raise LimitError(
                self.source,
                f"the PDF's compressed streams inflate to more than {_size(self.limit)} (raise it with --max-inflate)",
            )

    @property
    def left(self) -> int:
        return self.limit - self.used


def _size(limit: int) -> str:
    return f"{limit >> 20} MiB" if limit % _MIB == 0 else f"{limit:,} bytes"


_CURRENT: ContextVar[Optional[_Inflation]] = ContextVar("gongkai_pdf_inflation", default=None)


class _Decompressor:
    """A ``zlib.decompressobj`` whose output counts against the PDF being read."""

    def __init__(self, inner: Any, inflation: _Inflation) -> None:
        self._inner, self._inflation = inner, inflation

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        cap = self._inflation.left + 1
        out: bytes = self._inner.decompress(data, min(max_length, cap) if max_length else cap)
        self._inflation.take(len(out))
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _BoundedZlib:
    """The part of :mod:`zlib` pdfminer uses, bounded while a PDF is read under :func:`inflating`."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    @staticmethod
    def decompress(data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = zlib.DEF_BUF_SIZE) -> bytes:
        inflation = _CURRENT.get()
        if inflation is None:
            return zlib.decompress(data, wbits, bufsize)
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(data, inflation.left + 1)
        inflation.take(len(out))
        if not inflater.eof:
            # what zlib.decompress says of a stream cut short (pdfminer then reads what it can)
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out

    @staticmethod
    def decompressobj(*args: Any, **kwargs: Any) -> Any:
        inner = zlib.decompressobj(*args, **kwargs)
        inflation = _CURRENT.get()
        return inner if inflation is None else _Decompressor(inner, inflation)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def _lzwdecode(data: bytes) -> bytes:
    """pdfminer's ``lzwdecode``, bounded while a PDF is read under :func:`inflating`."""
    inflation = _CURRENT.get()
    if inflation is None:
        return lzwdecode(data)
    chunks = []
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        inflation.take(len(chunk))
        chunks.append(chunk)
    return b"".join(chunks)


pdfminer.pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
pdfminer.pdftypes.lzwdecode = _lzwdecode


@contextlib.contextmanager
def inflating(source: str, limit: int) -> Iterator[None]:
    """While in the block, what pdfminer inflates for the PDF ``source`` is at most ``limit``
    bytes in all; LimitError past it."""
    token = _CURRENT.set(_Inflation(source, limit))
    try:
        yield
    finally:
        _CURRENT.reset(token)


class BoundedDocument(PDFDocument):
    """pdfminer's document, refusing an object that is only a reference, when the references it
    leads through come back to it (a PDFSyntaxError: the file is corrupt) or go on for more than
    ``max_depth`` (a LimitError)."""

    def __init__(self, parser: PDFParser, source: str, max_depth: int) -> None:
        self._source, self._max_depth = source, max_depth
        super().__init__(parser)

    def getobj(self, objid: int) -> object:
        found = super().getobj(objid)
        if isinstance(found, PDFObjRef):
            self._follow(objid, found)
        return found

    def _follow(self, objid: int, reference: PDFObjRef) -> None:
        seen = {objid}
        target: object = reference
        while isinstance(target, PDFObjRef):
            if target.objid in seen:
                raise PDFSyntaxError(f"object {objid} is a reference to itself")
            if len(seen) > self._max_depth:
                raise LimitError(
                    self._source,
                    f"object {objid} of the PDF is a chain of more than {self._max_depth} references "
                    "(raise it with --max-depth)",
                )
            seen.add(target.objid)
            try:
                target = super().getobj(target.objid)
            except PDFObjectNotFound:
                return  # a reference to nothing: pdfminer reads it as null
