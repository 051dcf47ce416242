"""The vocabulary of the documents: the marks that several stages recognise, one named pattern each.

Amounts, years and dates, ordinals and part headings, classification codes and 行次 numbers,
Chinese numerals: defined here once, so that the readers, the table builder, the titles, the
table of contents and the text checks agree on what each looks like (``tests/test_vocabulary.py``
states each one's law). A pattern that is a different concept gets a different name, not a
variant of another.
"""

from __future__ import annotations

import re
from typing import Optional

NUMERALS = "〇零一二三四五六七八九十"
_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
#: The numerals that count sections and tables (一 … 十, combined up to 九十九), as a character class.
COUNTING = "[一二三四五六七八九十]"

# -- amounts ----------------------------------------------------------------------------------------

#: A number as documents print it, anywhere in a text: 1234.56, 1,234.56, 0.5 (not inside another number).
NUMBER = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
#: A whole cell that is an amount: digits, thousands separators or not, decimals or not, a sign.
AMOUNT = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
#: A whole cell that can only be an amount, never a code or a 行次: it has a decimal point or
#: thousands separators (1,234.56, 0.00, 12,345).
DECIMAL_AMOUNT = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$|^[-+]?\d{1,3}(?:,\d{3})+$")

# -- codes and numbers of rows -------------------------------------------------------------------------

#: The digits of a classification code in running text: 类 (3), 款 (5) or 项 (7).
CODE_DIGITS = r"[0-9]{7}|[0-9]{5}|[0-9]{3}"  # ASCII digits: \d would take १२३ and 𝟙𝟚𝟛
#: A whole cell that is a classification code: 201, 20101, 2010101.
CODE = re.compile(r"^[0-9]{3}(?:[0-9]{2}){0,2}$")
#: A whole cell that is a 行次 or 栏次 number: 1 to 3 digits.
LINE_NUMBER = re.compile(r"^\d{1,3}$")

# -- ordinals and headings ------------------------------------------------------------------------------

#: The words of an ordinal: 一、 （一） (1) 1. 1、 1．(never the start of a decimal such as 1.5).
ORDINAL_WORDS = rf"{COUNTING}+[、.．]|[（(][一二三四五六七八九十\d]{{1,3}}[)）][、.．]?|\d{{1,2}}[、.．](?!\d)"
#: A leading ordinal.
ORDINAL = re.compile(rf"^(?:{ORDINAL_WORDS})")
#: A level-one section heading's ordinal: 一、 二.
LEVEL_ONE = re.compile(rf"^{COUNTING}+[、.．]")
#: A level-two section heading's ordinal: （一） (二).
LEVEL_TWO = re.compile(rf"^[(（]{COUNTING}+[)）]")
#: The heading of a part of the disclosure: 第一部分, 第三部分.
PART = re.compile(rf"^第{COUNTING}+部分")

# -- years and dates -----------------------------------------------------------------------------------

#: A leading fiscal year: 2023年, 2023年度.
LEADING_YEAR = re.compile(r"^20\d\d年度?")
#: A fiscal year anywhere: 2023年, 2023年度 (the year in group 1).
YEAR = re.compile(r"(20\d\d)年度?")
#: A date that closes a year: 截至2023年12月31日 (year, month, day), 2023年末, 2023年底 (end).
YEAR_END = re.compile(
    r"截\s*[至止]\s*(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
    r"|(?P<end>\d{4})\s*年\s*(?:末|底)"
)


def numeral_value(text: str) -> Optional[int]:
    """The value of a number written in digits or in Chinese numerals up to 99 (``十二`` → 12).

    None when ``text`` is neither.
    """
    if text.isdigit():
        return int(text)
    if not text or any(char not in NUMERALS for char in text):
        return None
    if "十" not in text:
        return _DIGIT[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    return (_DIGIT[tens] if tens else 1) * 10 + (_DIGIT[units] if units else 0)


def chinese_numeral(value: int) -> str:
    """``value`` (1–99) in Chinese numerals as section and table numbers print it (十二, 二十)."""
    if not 1 <= value <= 99:
        raise ValueError(f"{value} is outside 1–99")
    digits = "零一二三四五六七八九"
    tens, units = divmod(value, 10)
    if tens == 0:
        return digits[units]
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")
