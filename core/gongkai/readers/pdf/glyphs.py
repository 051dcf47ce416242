"""CJK text as printed: radicals unified, fake-bold overprints removed, spaces never invented
between Chinese characters.

Some fonts map common characters to the Kangxi Radicals block (⼀ U+2F00 for 一) or the CJK
Radicals Supplement (⻔ U+2ED4 for 门). NFKC folds the Kangxi block but not the supplement, whose
equivalents are listed in Unicode's EquivalentUnifiedIdeograph.txt; the supplement forms that
stand for whole characters or for components with their own code point are mapped here.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ... import settings

if TYPE_CHECKING:
    from .content import Glyph

# CJK Radicals Supplement → unified ideograph (Unicode EquivalentUnifiedIdeograph.txt).
SUPPLEMENT = {
    "\u2e81": "厂", "\u2e84": "乙", "\u2e85": "亻", "\u2e86": "冂", "\u2e88": "刀", "\u2e89": "刂",
    "\u2e8a": "卜", "\u2e8b": "㔾", "\u2e8c": "小", "\u2e8d": "小", "\u2e8e": "尢", "\u2e8f": "尣",
    "\u2e90": "尢", "\u2e91": "𡯂", "\u2e92": "巳", "\u2e93": "幺", "\u2e94": "彑", "\u2e95": "彐",
    "\u2e96": "忄", "\u2e97": "㣺", "\u2e98": "扌", "\u2e99": "攵", "\u2e9b": "旡", "\u2e9c": "日",
    "\u2e9d": "月", "\u2e9e": "歺", "\u2e9f": "母", "\u2ea0": "民", "\u2ea1": "氵", "\u2ea2": "氺",
    "\u2ea3": "灬", "\u2ea4": "爫", "\u2ea5": "爫", "\u2ea6": "丬", "\u2ea7": "牜", "\u2ea8": "犭",
    "\u2ea9": "王", "\u2eaa": "疋", "\u2eab": "罒", "\u2eac": "示", "\u2ead": "礻", "\u2eae": "⺮",
    "\u2eaf": "糹", "\u2eb0": "纟", "\u2eb1": "罓", "\u2eb2": "罒", "\u2eb3": "㓁", "\u2eb4": "罒",
    "\u2eb5": "㓁", "\u2eb7": "羊", "\u2eb9": "耂", "\u2ebb": "聿", "\u2ebc": "月", "\u2ebd": "臼",
    "\u2ebe": "艹", "\u2ebf": "艹", "\u2ec0": "艹", "\u2ec1": "虎", "\u2ec2": "衤", "\u2ec3": "覀",
    "\u2ec4": "西", "\u2ec5": "见", "\u2ec6": "角", "\u2ec8": "讠", "\u2ec9": "贝", "\u2ecb": "车",
    "\u2ecc": "辶", "\u2ecd": "辶", "\u2ece": "辶", "\u2ecf": "阝", "\u2ed0": "钅", "\u2ed1": "長",
    "\u2ed2": "镸", "\u2ed3": "长", "\u2ed4": "门", "\u2ed5": "阜", "\u2ed6": "阝", "\u2ed7": "雨",
    "\u2ed8": "青", "\u2ed9": "韦", "\u2eda": "页", "\u2edb": "风", "\u2edc": "飞", "\u2edd": "食",
    "\u2edf": "飠", "\u2ee0": "饣", "\u2ee1": "首", "\u2ee2": "马", "\u2ee3": "骨", "\u2ee4": "鬼",
    "\u2ee5": "鱼", "\u2ee6": "鸟", "\u2ee7": "卤", "\u2ee8": "麦", "\u2ee9": "黄", "\u2eea": "黾",
    "\u2eeb": "斉", "\u2eec": "齐", "\u2eed": "歯", "\u2eee": "齿", "\u2eef": "竜", "\u2ef0": "龙",
    "\u2ef1": "龜", "\u2ef2": "亀", "\u2ef3": "龟",
}  # fmt: skip

# How close (as a share of the glyph size) a second copy of a glyph must be to count as an
# overprint: fake bold draws the same glyph two to four times, a fraction of a point apart.


def unify(text: str) -> str:
    """``text`` with radical and compatibility code points replaced by the unified ideographs."""
    if len(text) == 1 and (text < "\u2e80" or "\u2fdf" < text < "\uf900" or text > "\ufaff"):
        return text
    if all(char < "\u2e80" or "\u2fdf" < char < "\uf900" or char > "\ufaff" for char in text):
        return text  # nearly always: only radicals and compatibility ideographs change
    out = []
    for char in text:
        if "\u2f00" <= char <= "\u2fdf" or "\uf900" <= char <= "\ufaff":
            out.append(unicodedata.normalize("NFKC", char))
        else:
            out.append(SUPPLEMENT.get(char, char))
    return "".join(out)


def is_cjk(char: str) -> bool:
    """True for a Chinese character or CJK punctuation (full-width forms included)."""
    return char >= "\u2e80" and not ("\uff01" <= char <= "\uff5e" and char.isalnum())


def without_overprints(glyphs: Sequence[Glyph]) -> list[Glyph]:
    """The glyphs with fake-bold copies removed: a glyph drawn again, with the same text, within a
    fifth of its size of where it was drawn already (a glyph or a whole string drawn twice)."""
    overprint = settings.current().overprint
    kept: list[Glyph] = []
    # where each text was drawn on each row (int of its top), left to right
    seen: dict[tuple[str, int], list[float]] = {}
    get = seen.get
    for glyph in glyphs:
        text = glyph.text
        if text and not text.isspace():
            x0, near, row = glyph.x0, glyph.size * overprint, int(glyph.top)
            if _near(get((text, row)), x0, near) or _near(get((text, row - 1)), x0, near):
                continue
            if _near(get((text, row + 1)), x0, near):
                continue
            xs = seen.setdefault((text, row), [])
            xs.insert(bisect.bisect_left(xs, x0), x0)
        kept.append(glyph)
    return kept


def _near(xs: list[float] | None, x: float, near: float) -> bool:
    """True if a position of ``xs`` (in order) is within ``near`` of ``x``: the nearest on either
    side is, if any is."""
    if not xs:
        return False
    i = bisect.bisect_left(xs, x)
    return (i < len(xs) and abs(xs[i] - x) <= near) or (i > 0 and abs(xs[i - 1] - x) <= near)


def join(glyphs: Iterable[Glyph]) -> str:
    """The text of glyphs printed on one line, left to right.

    Printed spaces are kept (runs of them as one) except next to a Chinese character, where they
    only spread the letters out; a space is added only between Latin letters or digits that stand
    apart, never next to a Chinese character.
    """
    latin_space = settings.current().latin_space
    out: list[str] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        text = glyph.text
        if not text:
            continue
        if text.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            previous = glyph
            continue
        if out and out[-1] == " " and (is_cjk(text[0]) or (len(out) > 1 and is_cjk(out[-2][-1]))):
            out.pop()
        elif (
            previous is not None
            and out
            and out[-1] != " "
            and glyph.x0 - previous.x1 > latin_space * glyph.size
            and not is_cjk(text[0])
            and not is_cjk(out[-1][-1])
        ):
            out.append(" ")
        out.append(text)
        previous = glyph
    return "".join(out).strip()
