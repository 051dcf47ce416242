"""Table titles as documents print them: the number, the title proper, and what it names.

A printed title may carry, around the words that name the table, a table number (``公开01表：``,
``表1：``, ``附表3``, ``表一``, ``公开表一``, ``部门公开表1``), an ordinal (``一、``, ``1.``), the year,
the body's name, a level word (``部门``, ``单位``, ``预算单位``, ``高等学校``) and a suffix in brackets
(``（按功能分类）``, ``（经济科目）``). :func:`read_title` separates the number and tells whether a
line is shaped like a table title at all: short, no sentence, ending in 表 (before any bracketed
suffix) and naming what the table is about (收支, 收入, 支出, “三公”, 机关运行经费, 政府采购,
资产, 绩效 …). Which canonical table a title names is decided by the title vocabulary of
``spec/titles.toml`` (:mod:`gongkai.identify`).
"""

from __future__ import annotations

import functools
import re
from typing import Optional

import attrs

from . import settings
from .vocabulary import LEADING_YEAR, ORDINAL, numeral_value

# A table's number: one or two digits, or a numeral up to 九十九. Spaces are gone by the time a
# line is read (表五 一般… is 表五一般…, 表1 2023年度… is 表12023年度…), so a number ends before
# the words a title starts with: a year (2023年), 一般 and 三公 (whose first character is a
# numeral).
_N = (
    r"(\d{1,2}(?!\d)|\d{1,2}(?=20\d\d年)"
    r"|[二三四五六七八九]?十[一二三四五六七八九]?(?![般公])|[一二三四五六七八九](?![般公]))"
)
# Printed table numbers, as the first thing on a title line or alone on a line of their own.
_NUMBERS = (
    re.compile(rf"^(?:部门|单位)?公开{_N}表?"),  # 公开01表 公开 06 表
    re.compile(rf"^(?:部门|单位)?公开表{_N}"),  # 公开表一 部门公开表1
    re.compile(rf"^附表{_N}(?:[-－—]\d{{1,2}})?"),  # 附表3 附表3-1
    re.compile(rf"^表{_N}(?:[-－—]\d{{1,2}})?"),  # 表1 表一 表2-1
)
_AFTER_NUMBER = re.compile(r"^[:：、.．\s]*")
_SUFFIX = re.compile(r"[（(][^（()）]{1,16}[)）]$")
_CONTINUED = re.compile(r"[（(]续表?[)）]$|续表$")
_REFERENCE = re.compile(r"见|如下|下表|附后|参阅")  # a sentence pointing at a table, not its title
_SENTENCE = re.compile(r"[。；;，,！？!?]")
_QUOTES = str.maketrans("", "", "“”\"'‘’「」『』")
#: Words one of which a table title names (what the table is about).
SUBJECTS = ("收支", "收入", "支出", "三公", "机关运行", "政府采购", "资产", "绩效", "经费", "拨款")


@attrs.frozen
class PrintedTitle:
    """A title line read: the title as printed (number removed, white space removed), the
    printed number (``公开01表``, ``表1`` …) and its value, and whether it says it continues a
    table printed before (``（续）``)."""

    text: str
    number: Optional[str] = None
    number_value: Optional[int] = None
    continued: bool = False

    @property
    def words(self) -> str:
        """The title without quotes, ordinal, year and continuation mark: what names the table."""
        text = self.text.translate(_QUOTES)
        text = ORDINAL.sub("", text)
        text = LEADING_YEAR.sub("", text)
        return _CONTINUED.sub("", text) if self.continued else text


def compact(text: str) -> str:
    return "".join(text.split())


@functools.lru_cache(maxsize=8192)
def split_number(text: str) -> tuple[Optional[str], Optional[int], str]:
    """``text`` (white space removed) split into a leading printed table number, its value and
    the rest; (None, None, text) when it starts with none."""
    stripped = ORDINAL.sub("", text) if ORDINAL.match(text) and not text.startswith(("表", "附表", "公开")) else text
    for pattern in _NUMBERS:
        found = pattern.match(stripped)
        if found:
            rest = _AFTER_NUMBER.sub("", stripped[found.end() :])
            return found.group(0), numeral_value(found.group(1)), rest
    return None, None, text


def is_suffix(text: str) -> bool:
    """True for a title's bracketed suffix standing alone (（按功能分类）, （经济科目）); a year in
    brackets under a title, （2023年度）, is a date line, not part of the title."""
    text = compact(text)
    return bool(_SUFFIX.fullmatch(text)) and not _CONTINUED.search(text) and not LEADING_YEAR.search(text[1:])


def number_line(text: str) -> Optional[tuple[str, Optional[int]]]:
    """The printed number and its value when ``text`` is a table number alone on its line
    (``公开01表``, ``表1``, ``公开表一``), else None."""
    number, value, rest = split_number(compact(text))
    if number is None or rest:
        return None
    return number, value


def is_title_words(words: str) -> bool:
    """True for the words of a table title: ending in 表 (a bracketed suffix aside), naming a
    subject, and no sentence."""
    max_title = settings.current().max_title
    if not words or len(words) > max_title or _SENTENCE.search(words) or _REFERENCE.search(words):
        return False
    core = words
    while _SUFFIX.search(core):
        core = _SUFFIX.sub("", core)
    if not core.endswith("表") or len(core) < 3:
        return False
    return any(subject in core for subject in SUBJECTS)


def read_title(text: str) -> Optional[PrintedTitle]:
    """The title printed on a line of ``text``, or None when the line is not shaped like one."""
    return _read_title(text, settings.current().max_title)


@functools.lru_cache(maxsize=8192)  # segmentation asks about the same lines again and again
def _read_title(text: str, max_title: int) -> Optional[PrintedTitle]:
    text = compact(text)
    if not text or len(text) > max_title + 12:
        return None
    number, value, rest = split_number(text)
    continued = bool(_CONTINUED.search(rest))
    title = PrintedTitle(text=rest, number=number, number_value=value, continued=continued)
    return title if is_title_words(title.words) else None
