"""Full-width characters of printed text made half-width, without translating every character
through a table (which is slow) where there is nothing to change."""

from __future__ import annotations

import re

_DIGITS = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_FULL_WIDTH_DIGITS = re.compile("[０-９．％]")


def half_width_digits(text: str) -> str:
    """``text`` with full-width digits, points and percent signs made half-width."""
    return text.translate(_DIGITS) if _FULL_WIDTH_DIGITS.search(text) else text


def half_width_brackets(text: str) -> str:
    """``text`` with full-width round brackets made half-width."""
    return text.replace("（", "(").replace("）", ")")
