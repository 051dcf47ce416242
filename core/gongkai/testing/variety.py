"""What generated documents may print beyond their region's conventions.

By default :func:`~gongkai.testing.documents` prints a document as its region prints one. A
:class:`Variety` widens that to what disclosures print in the wild, so that round trips through
hand-made or converted layouts meet it too: zero amounts printed blank, 0.00 or a dash, mixed in
one table; thousands separators or none; three economic groups side by side; spending in every
column of 支出决算表; non-fiscal balances in the 收入支出总表, which may list only some items.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

import attrs
from hypothesis import strategies as st

#: Ways one table prints its zero amounts, as tab-separated and converted disclosures print them:
#: 0.00, blank, either, or a dash (— or -) among them.
ZERO_FORMS: tuple[tuple[str, ...], ...] = (("0.00",), ("",), ("", "0.00"), ("0.00", "—"), ("", "—", "-", "0.00"))
#: Ways space-aligned text (pdftotext) prints zero amounts: never blank, which it cannot show.
SPACED_ZERO_FORMS: tuple[tuple[str, ...], ...] = (("0.00",), ("0.00", "—"))
#: The names the 收入支出总表 prints the non-fiscal balance it uses under.
NON_FISCAL_LABELS = ("使用非财政拨款结余", "使用非财政拨款结余和专用结余", "使用非财政拨款结余(含专用结余)")


@attrs.frozen(kw_only=True)
class Variety:
    """What a generated document prints beyond its region's conventions; the defaults add nothing.

    ``zeros``: a zero amount prints as one of these texts ("0.00"; "" blank; "—" or "-", not
    applicable), drawn cell by cell (empty: as the region prints zeros, with a dash in the
    columns that may not apply in some documents). ``thousands``: amounts print with thousands
    separators, or without (None: as the region). ``economic_groups``: the groups the 基本支出
    table prints side by side (None: as the region). ``spending``: final accounts spend in every
    column of 支出决算表 (上缴上级支出, 经营支出 and 对附属单位补助支出 too, from the department's
    own income). ``balances``: the 收入支出总表 uses a non-fiscal balance and distributes some
    (printed under one of :data:`NON_FISCAL_LABELS`), so that its opening and closing carry-overs
    differ. ``some_items``: the 收入支出总表 lists only some of its items (all that print an
    amount among them). ``spaced``: no printed line holds a third group's row without a second
    group's (space-aligned text, which prints nothing for an absent group, cannot tell which
    group such a row is in).
    """

    zeros: tuple[str, ...] = ()
    thousands: Optional[bool] = None
    economic_groups: Optional[int] = attrs.field(default=None, validator=attrs.validators.in_((None, 1, 2, 3)))
    spending: bool = False
    balances: bool = False
    some_items: bool = False
    spaced: bool = False


def varieties(zeros: Sequence[tuple[str, ...]] = ZERO_FORMS, spaced: bool = False) -> st.SearchStrategy[Variety]:
    """Every variety, zeros printed in one of the ways ``zeros`` lists; ``spaced``: for
    space-aligned text."""
    return st.builds(
        Variety,
        zeros=st.sampled_from(list(zeros)),
        thousands=st.booleans(),
        economic_groups=st.sampled_from([2, 3]),
        spending=st.booleans(),
        balances=st.booleans(),
        some_items=st.booleans(),
        spaced=st.just(spaced),
    )
