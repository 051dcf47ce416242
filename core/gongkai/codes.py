"""Classification codes (支出功能分类 and 经济分类): recognising, joining and placing them."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Optional

from .vocabulary import CODE

_PART = re.compile(r"^[0-9]{2}$")
# a code typed in full-width digits is the same code; digits of other scripts are not a code
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


@functools.lru_cache(maxsize=65536)
def is_code(text: str) -> bool:
    """True for a whole 类 (3 digits), 款 (5) or 项 (7) code, in ASCII or full-width digits."""
    return bool(CODE.match(text.strip().translate(_FULL_WIDTH)))


def join_code(parts: Sequence[str]) -> Optional[str]:
    """Join code cells printed in 类 | 款 | 项 columns (``210 | 15 | 01`` -> ``2101501``), in
    ASCII digits.

    A whole code in the first cell is returned as it is; None if the cells hold no code.
    """
    cells = [part.strip().translate(_FULL_WIDTH) for part in parts if part.strip()]
    if not cells or not is_code(cells[0]):
        return None
    code = cells[0]
    for part in cells[1:]:
        if len(part) == 1 and part in "0123456789":
            part = "0" + part  # a 款/项 column kept as a number loses its leading zero (301 | 2)
        if not _PART.match(part) or len(code) >= 7:
            return None
        code += part
    return code


def level(code: str) -> int:
    """1 for a 类 code, 2 for a 款 code, 3 for a 项 code."""
    return {3: 1, 5: 2, 7: 3}[len(code)]


def parent(code: str) -> Optional[str]:
    """The code one level up (the digits' prefix), or None for a 类 code."""
    return code[:-2] if len(code) > 3 else None
