"""pdfminer.six held to a reader's limits where a hostile file could otherwise lead it anywhere:
the bytes its compressed streams inflate to, the characters a font's tables name, and chains of
references to references.

pdfminer inflates a stream whole, with one ``zlib.decompress`` call, when the stream is first
read: a 1.5 MB stream can become gigabytes before anything could look at its size (LZW, less
so). It expands a font's character ranges entry by entry: a width given to the codes 0 to 2³²,
or a ToUnicode range as wide, is billions of entries. While a PDF is read under :func:`reading`,
pdfminer's ``zlib``, ``lzwdecode``, ``get_widths``, ``get_widths2`` and ``FileUnicodeMap`` are
bounded stand-ins that raise :class:`~gongkai.errors.LimitError` at the limit (bytes inflated;
characters per font table, counted against the objects limit), never past it; outside, they
behave as pdfminer's own.

A :class:`BoundedDocument` refuses an object that is a reference to itself, through any number of
references (pdfminer would resolve it forever), or a chain longer than the depth limit.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from typing import Any, Optional, TypeVar

import attrs
import pdfminer.pdffont
import pdfminer.pdftypes
from pdfminer.cmapdb import FileUnicodeMap
from pdfminer.lzw import LZWDecoder, lzwdecode
from pdfminer.pdfdocument import PDFDocument, PDFObjectNotFound
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.pdftypes import PDFObjRef, resolve1

from ...errors import LimitError
from ...registrations import Limits

_MIB = 1 << 20
_T = TypeVar("_T")


def _size(limit: int) -> str:
    return f"{limit >> 20} MiB" if limit % _MIB == 0 else f"{limit:,} bytes"


@attrs.define
class _Reading:
    """The PDF being read: its name, its limits and what it has inflated so far."""

    source: str
    limits: Limits
    inflated: int = 0

    @property
    def left(self) -> int:
        """Bytes the PDF may still inflate."""
        return self.limits.max_inflate - self.inflated

    def inflate(self, count: int) -> None:
        self.inflated += count
        if self.inflated > self.limits.max_inflate:
            raise LimitError(
                self.source,
                f"the PDF's compressed streams inflate to more than {_size(self.limits.max_inflate)} "
                "(raise it with --max-inflate)",
            )

    def characters(self, count: int, table: str) -> None:
        if count > self.limits.max_objects:
            raise LimitError(
                self.source,
                f"a font of the PDF gives {table} for more than {self.limits.max_objects:,} characters "
                "(raise it with --max-objects)",
            )


_CURRENT: ContextVar[Optional[_Reading]] = ContextVar("gongkai_pdf_reading", default=None)


@contextlib.contextmanager
def reading(source: str, limits: Limits) -> Iterator[None]:
    """While in the block, pdfminer reads the PDF ``source`` within ``limits``: at most
    ``max_inflate`` bytes inflated in all, at most ``max_objects`` characters in a font's table."""
    token = _CURRENT.set(_Reading(source, limits))
    try:
        yield
    finally:
        _CURRENT.reset(token)


class _Decompressor:
    """A ``zlib.decompressobj`` whose output counts against the PDF being read."""

    def __init__(self, inner: Any, reading: _Reading) -> None:
        self._inner, self._reading = inner, reading

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        cap = self._reading.left + 1
        out: bytes = self._inner.decompress(data, min(max_length, cap) if max_length else cap)
        self._reading.inflate(len(out))
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _BoundedZlib:
    """The part of :mod:`zlib` pdfminer uses, bounded while a PDF is read under :func:`reading`."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    @staticmethod
    def decompress(data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = zlib.DEF_BUF_SIZE) -> bytes:
        current = _CURRENT.get()
        if current is None:
            return zlib.decompress(data, wbits, bufsize)
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(data, current.left + 1)
        current.inflate(len(out))
        if not inflater.eof:
            # what zlib.decompress says of a stream cut short (pdfminer then reads what it can)
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out

    @staticmethod
    def decompressobj(*args: Any, **kwargs: Any) -> Any:
        inner = zlib.decompressobj(*args, **kwargs)
        current = _CURRENT.get()
        return inner if current is None else _Decompressor(inner, current)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def _lzwdecode(data: bytes) -> bytes:
    """pdfminer's ``lzwdecode``, bounded while a PDF is read under :func:`reading`."""
    current = _CURRENT.get()
    if current is None:
        return lzwdecode(data)
    chunks = []
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        current.inflate(len(chunk))
        chunks.append(chunk)
    return b"".join(chunks)


def _widest_range(seq: Iterable[object], group: int) -> int:
    """The most characters one range of a /W (``group`` 3) or /W2 (``group`` 5) array names,
    read as pdfminer reads it: ``first last values…`` ranges between ``first [values]`` lists."""
    widest = 0
    numbers: list[object] = []
    for value in seq:
        value = resolve1(value)
        if isinstance(value, list):
            numbers = []
        elif isinstance(value, (int, float)):
            numbers.append(value)
            if len(numbers) == group:
                first, last = numbers[0], numbers[1]
                if isinstance(first, int) and isinstance(last, int):
                    widest = max(widest, last - first + 1)
                numbers = []
    return widest


def _bounded_widths(original: Callable[[Any], _T], group: int) -> Callable[[Any], _T]:
    def widths(seq: Any) -> _T:
        current = _CURRENT.get()
        if current is not None:
            seq = list(seq)
            current.characters(_widest_range(seq, group), "widths")
        return original(seq)

    widths.__doc__ = f"pdfminer's {original.__name__}, refusing a range wider than the objects limit."
    return widths


class _BoundedUnicodeMap(FileUnicodeMap):
    """pdfminer's map of a font's ToUnicode CMap, refusing more entries than the objects limit."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._reading = _CURRENT.get()
        self._entries = 0

    def add_cid2unichr(self, cid: int, code: Any) -> None:
        if self._reading is not None:
            self._entries += 1
            self._reading.characters(self._entries, "Unicode")
        super().add_cid2unichr(cid, code)


pdfminer.pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
pdfminer.pdftypes.lzwdecode = _lzwdecode
pdfminer.pdffont.get_widths = _bounded_widths(pdfminer.pdffont.get_widths, 3)  # type: ignore[assignment]
pdfminer.pdffont.get_widths2 = _bounded_widths(pdfminer.pdffont.get_widths2, 5)  # type: ignore[assignment]
pdfminer.pdffont.FileUnicodeMap = _BoundedUnicodeMap  # type: ignore[misc]


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
