"""PDFs damaged the ways a broken download, a careless tool or an attacker damages them, for the
fuzz campaign (:mod:`gongkai.testing.fuzz`): numbers in the file's syntax replaced by huge,
negative or malformed ones (object numbers, lengths, offsets, page boxes, operands of the
drawing operators), references turned to point at their own object, keywords deleted
(``endobj``, ``endstream``, ``xref``), byte ranges cut, repeated or flipped, and the file cut
short. A mutant keeps the rest of its bytes, so that a reader gets deep into a file that is
mostly right before it meets the damage."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

_NUMBER = re.compile(rb"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")
_REFERENCE = re.compile(rb"\b(\d+) 0 R\b")
_KEYWORDS = (
    b"endobj",
    b"endstream",
    b"stream",
    b"xref",
    b"trailer",
    b"startxref",
    b"/Root",
    b"/Pages",
    b"/Kids",
    b">>",
)
_HUGE = (
    lambda r: b"9" * r.randint(20, 3000),
    lambda r: b"-" + b"9" * r.randint(5, 30),
    lambda r: b"1e" + b"9" * r.randint(2, 9),
    lambda r: b"0.000000000000000000001",
    lambda r: b"2147483648",
    lambda r: b"18446744073709551616",
    lambda r: b"--1",
    lambda r: b".",
)


def _number(rng: random.Random, data: bytearray) -> str:
    found = list(_NUMBER.finditer(data))
    if not found:
        return _flip(rng, data)
    match = rng.choice(found)
    data[match.start() : match.end()] = rng.choice(_HUGE)(rng)
    return "replace a number"


def _self_reference(rng: random.Random, data: bytearray) -> str:
    found = list(_REFERENCE.finditer(data))
    if not found:
        return _flip(rng, data)
    match = rng.choice(found)
    owner = data.rfind(b" 0 obj", 0, match.start())
    start = data.rfind(b"\n", 0, owner) + 1
    number = bytes(data[start:owner]).strip() or b"1"
    data[match.start(1) : match.end(1)] = number
    return "point a reference at its own object"


def _keyword(rng: random.Random, data: bytearray) -> str:
    keyword = rng.choice(_KEYWORDS)
    places = [m.start() for m in re.finditer(re.escape(keyword), data)]
    if not places:
        return _flip(rng, data)
    at = rng.choice(places)
    del data[at : at + len(keyword)]
    return f"delete {keyword.decode()}"


def _cut(rng: random.Random, data: bytearray) -> str:
    at = rng.randrange(len(data))
    del data[at : at + rng.randint(1, 4096)]
    return "cut a range"


def _repeat(rng: random.Random, data: bytearray) -> str:
    at = rng.randrange(len(data))
    piece = bytes(data[at : at + rng.randint(1, 4096)])
    data[at:at] = piece * rng.choice((2, 10, 100))
    return "repeat a range"


def _flip(rng: random.Random, data: bytearray) -> str:
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return "flip bytes"


def _truncate(rng: random.Random, data: bytearray) -> str:
    del data[rng.randrange(len(data)) :]
    return "truncate"


_MUTATIONS: tuple[Callable[[random.Random, bytearray], str], ...] = (
    _number,
    _number,
    _number,
    _self_reference,
    _keyword,
    _cut,
    _repeat,
    _flip,
    _truncate,
)


def mutate_pdf(rng: random.Random, data: bytes) -> tuple[bytes, tuple[str, ...]]:
    """``data`` damaged by one or two mutations, and what they were."""
    damaged = bytearray(data)
    done = tuple(rng.choice(_MUTATIONS)(rng, damaged) for _ in range(rng.choice((1, 1, 2))) if damaged)
    return bytes(damaged), done
