"""An HTML page's bytes as text.

The encoding is the byte-order mark's if there is one; else UTF-8 if the bytes are valid UTF-8;
else the encoding the page declares (``<?xml encoding=…?>``, ``<meta charset>``, ``<meta
http-equiv="Content-Type" content="…charset=…">``); else the plain-text reader's guess (GB18030).
Valid UTF-8 goes before the declaration because a page saved as UTF-8 under an old template's
``gb2312`` label is common, while GBK text that happens to be valid UTF-8 is vanishingly rare;
the declaration decides between the legacy encodings (Big5, GBK, Latin-1 …) that the bytes alone
cannot tell apart. GB2312 and GBK labels are read as GB18030, their superset, since sites that
say GB2312 print characters only GBK has.
"""

from __future__ import annotations

import codecs
import re
from typing import Optional

from ...errors import InputError
from ..decoding import decode_text, is_blank, looks_binary

# how far into the file a declaration is looked for (pages put long <title>s and keywords first)
PRESCAN = 8192

# byte-order marks whose text is not ASCII-compatible (a UTF-8 mark is the plain-text reader's);
# UTF-32's little-endian mark starts with UTF-16's, so it is tried first
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml\b[^>]*\?>", re.IGNORECASE)

# WHATWG labels Python does not know, and encodings read as a superset (as browsers do)
_ALIASES = {
    "x-gbk": "gbk",
    "chinese": "gbk",
    "csgb2312": "gbk",
    "csiso58gb231280": "gbk",
    "gb_2312": "gbk",
    "gb_2312-80": "gbk",
    "iso-ir-58": "gbk",
    "x-big5": "big5",
}
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    # a <meta> cannot truly declare UTF-16 (it is read as ASCII): browsers take it as UTF-8
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-32": "utf-8",
    "utf-32-le": "utf-8",
    "utf-32-be": "utf-8",
}


def codec_for(label: str) -> Optional[str]:
    """The Python codec that reads text labelled ``label``, or None for an unknown label."""
    label = label.strip().lower()
    try:
        name = codecs.lookup(_ALIASES.get(label, label)).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def declared_encoding(head: bytes) -> Optional[str]:
    """The codec of the encoding ``head`` (the file's first bytes) declares, or None if it
    declares none that Python knows."""
    for pattern in (_XML_ENCODING, _META_CHARSET):
        found = pattern.search(head)
        if found:
            codec = codec_for(found.group(1).decode("ascii"))
            if codec is not None:
                return codec
    return None


def _decode_wide(data: bytes, source: str) -> Optional[str]:
    """The text of a file with a UTF-16 or UTF-32 byte-order mark, or None if it has none."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                marked = encoding.upper()
                raise InputError(source, f"not a text document (marked {marked} but does not decode)") from None
            if not text.strip():
                raise InputError(source, "the file is empty")
            if "\x00" in text:
                raise InputError(source, "not a text document (binary content)")
            return text
    return None


def decode_html(data: bytes, source: str) -> str:
    """The page's text in the encoding described above; InputError (one line) if it is empty,
    binary or decodes in no candidate encoding."""
    wide = _decode_wide(data, source)
    if wide is not None:
        return wide
    declared = declared_encoding(data[:PRESCAN])
    plain = is_blank(data) or looks_binary(data) or data.startswith(codecs.BOM_UTF8)
    if declared not in (None, "utf-8") and not plain:
        for encoding in ("utf-8", declared):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue  # a wrong label: the bytes are still read as the plain-text reader would
    return decode_text(data, source)


def ascii_head(data: bytes, size: int = 65536) -> str:
    """The file's first ``size`` bytes as text in which ASCII markup can be looked for: decoded by
    its UTF-16/32 byte-order mark, else as Latin-1 (markup is ASCII in every ASCII-compatible
    encoding); without its byte-order mark; empty if the bytes look binary."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return data[: size - size % 4].decode(encoding, errors="ignore")
    return "" if looks_binary(data) else data[:size].removeprefix(codecs.BOM_UTF8).decode("latin-1")


def strip_xml_declaration(text: str) -> str:
    """``text`` without a leading byte-order mark and XML declaration: once decoded, the
    declaration's encoding is wrong, and lxml refuses text that carries one."""
    return _XML_DECLARATION.sub("", text, count=1).lstrip("\ufeff")
