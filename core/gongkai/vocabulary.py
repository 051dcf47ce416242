"""Words and marks the documents print around their content: ordinals, years, Chinese numerals.

One place for the patterns that several stages recognise (titles, headings, labels), so that
they agree on what an ordinal or a year looks like.
"""

from __future__ import annotations

import re
from typing import Optional

NUMERALS = "〇零一二三四五六七八九十"
_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

#: A leading ordinal: 一、 （一） (1) 1. 1、 1．（never the start of a decimal such as 1.5).
ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）][、.．]?|\d{1,2}[、.．](?!\d))"
)
#: A leading fiscal year: 2023年, 2023年度.
LEADING_YEAR = re.compile(r"^20\d\d年度?")
#: A fiscal year anywhere: 2023年, 2023年度.
YEAR = re.compile(r"(20\d\d)年度?")


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
