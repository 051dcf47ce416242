"""How a finding's message names a place of the 情况说明 and quotes its words."""

from __future__ import annotations

from ..schema import Provenance


def where(provenance: Provenance) -> str:
    """How a message names a place of the 情况说明 (``情况说明第3页第12行``)."""
    page = f"第{provenance.page}页" if provenance.page is not None else ""
    line = f"第{provenance.line}行" if provenance.line is not None else ""
    return f"情况说明{page}{line}"


def quoted(text: str, limit: int = 80) -> str:
    """Words of the text quoted for a message, white space collapsed, shortened from the front if
    long. Only the text's end is read where it holds the quote (a sentence thousands of figures
    long is quoted by each of their findings)."""
    tail = text[-8 * limit :]
    plain_text = " ".join(tail.split())
    if len(tail) < len(text):
        if len(plain_text) >= limit:
            return f"“…{plain_text[-limit + 1 :]}”"
        plain_text = " ".join(text.split())  # mostly white space: the whole, collapsed
    return f"“{plain_text if len(plain_text) <= limit else '…' + plain_text[-limit + 1 :]}”"
