"""Printed amounts read exactly: the value written back out is the printed number, digit for digit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.amounts import amount_text, parse_amount
from gongkai.schema import CellStatus


def _group_thousands(digits: str) -> str:
    head = len(digits) % 3 or 3
    return ",".join([digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)])


@st.composite
def printed_amounts(draw: st.DrawFn) -> tuple[str, str]:
    """(printed text, the plain number it states) for amounts as disclosures print them."""
    sign = draw(st.sampled_from(["", "-"]))
    whole = str(draw(st.integers(min_value=0, max_value=10**12)))
    decimals = draw(st.integers(min_value=0, max_value=8))
    fraction = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=decimals, max_size=decimals)))
    plain = sign + whole + ("." + fraction if fraction else "")
    grouped = draw(st.booleans()) and len(whole) > 3
    printed = sign + (_group_thousands(whole) if grouped else whole) + ("." + fraction if fraction else "")
    return printed, plain


@given(printed_amounts())
def test_the_value_written_out_is_the_printed_number(amount: tuple[str, str]) -> None:
    printed, plain = amount
    status, value = parse_amount(printed)
    assert status is CellStatus.VALUE and value is not None
    assert amount_text(value) == plain
    assert value == Decimal(plain)


@pytest.mark.parametrize("printed", ["0.0000000", "0.00", "-0.00", "100.00"])
def test_zeros_and_trailing_zeros_are_kept_as_printed(printed: str) -> None:
    _, value = parse_amount(printed)
    assert value is not None and amount_text(value) == printed


@pytest.mark.parametrize("printed", ["", "  "])
def test_blank_is_not_zero(printed: str) -> None:
    assert parse_amount(printed) == (CellStatus.BLANK, None)


@pytest.mark.parametrize("printed", ["-", "—", "－", "——", "/"])
def test_a_dash_is_not_applicable_not_zero(printed: str) -> None:
    assert parse_amount(printed) == (CellStatus.NOT_APPLICABLE, None)


@pytest.mark.parametrize("printed", ["１２３．４５", "1 234.50"])
def test_full_width_digits_and_spaces_are_read(printed: str) -> None:
    _, value = parse_amount(printed)
    assert value is not None and amount_text(value) in ("123.45", "1234.50")
