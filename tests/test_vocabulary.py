"""The vocabulary's laws: each named pattern recognises what documents print for its concept, and
not what they print for a neighbouring one (a code is no amount, 1.5 is no ordinal)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gongkai.amounts import parse_amount
from gongkai.codes import is_code
from gongkai.vocabulary import (
    AMOUNT,
    CODE,
    DECIMAL_AMOUNT,
    LEADING_YEAR,
    LEVEL_ONE,
    LEVEL_TWO,
    LINE_NUMBER,
    ORDINAL,
    PART,
    YEAR,
    YEAR_END,
    chinese_numeral,
    numeral_value,
)

amounts = st.decimals(min_value=Decimal("-999999999.99"), max_value=Decimal("999999999.99"), places=2)
counts = st.integers(1, 99)


@given(counts)
def test_a_chinese_numeral_reads_back_as_its_value(value: int) -> None:
    assert numeral_value(chinese_numeral(value)) == value
    assert numeral_value(str(value)) == value


@given(amounts, st.booleans())
def test_a_printed_amount_is_an_amount_and_reads_back_exactly(value: Decimal, thousands: bool) -> None:
    printed = f"{value:,.2f}" if thousands else f"{value:.2f}"
    assert AMOUNT.match(printed) and DECIMAL_AMOUNT.match(printed)
    assert parse_amount(printed)[1] == value


@given(st.sampled_from([3, 5, 7]), st.data())
def test_a_code_is_a_code_and_never_a_decimal_amount(digits: int, data: st.DataObject) -> None:
    code = data.draw(st.text("0123456789", min_size=digits, max_size=digits))
    assert CODE.match(code) and is_code(code)
    assert not DECIMAL_AMOUNT.match(code)


@given(st.text("0123456789", min_size=1, max_size=9))
def test_only_three_five_or_seven_digits_are_a_code(digits: str) -> None:
    assert bool(CODE.match(digits)) == (len(digits) in (3, 5, 7))


@given(st.integers(1, 999))
def test_a_line_number_is_one_to_three_digits(number: int) -> None:
    assert LINE_NUMBER.match(str(number))
    assert not LINE_NUMBER.match(f"{number}.00")


@given(counts, st.sampled_from(["、", ".", "．"]))
def test_a_level_one_heading_is_an_ordinal(value: int, mark: str) -> None:
    heading = f"{chinese_numeral(value)}{mark}收入支出决算总体情况说明"
    assert LEVEL_ONE.match(heading) and ORDINAL.match(heading)
    assert not LEVEL_TWO.match(heading)


@given(counts, st.sampled_from(["（）", "()"]))
def test_a_level_two_heading_is_an_ordinal(value: int, brackets: str) -> None:
    heading = f"{brackets[0]}{chinese_numeral(value)}{brackets[1]}一般公共预算财政拨款支出情况"
    assert LEVEL_TWO.match(heading) and ORDINAL.match(heading)
    assert not LEVEL_ONE.match(heading)


@given(st.integers(1, 99), st.integers(0, 99))
def test_a_decimal_is_never_an_ordinal(whole: int, fraction: int) -> None:
    assert not ORDINAL.match(f"{whole}.{fraction}万元")
    assert ORDINAL.match(f"{whole}.工资福利支出") if whole < 100 else True


@given(st.integers(1, 9))
def test_a_part_heading_names_its_part(value: int) -> None:
    assert PART.match(f"第{chinese_numeral(value)}部分 2023年度部门决算表")
    assert not PART.match(f"第{value}号")


@given(st.integers(2000, 2099), st.sampled_from(["年", "年度"]))
def test_a_fiscal_year_is_read_where_it_stands(year: int, word: str) -> None:
    found = YEAR.search(f"某某局{year}{word}部门决算")
    assert found is not None and int(found.group(1)) == year
    assert LEADING_YEAR.match(f"{year}{word}部门决算") and not LEADING_YEAR.match(f"某某局{year}{word}")


@given(st.integers(2000, 2099), st.integers(1, 12), st.integers(1, 31), st.sampled_from(["至", "止"]))
def test_a_year_end_date_gives_its_year(year: int, month: int, day: int, word: str) -> None:
    found = YEAR_END.search(f"截{word}{year}年{month}月{day}日，本部门共有车辆3辆。")
    assert found is not None and (int(found["year"]), int(found["month"]), int(found["day"])) == (year, month, day)
    end = YEAR_END.search(f"{year}年末，本部门共有车辆3辆。")
    assert end is not None and int(end["end"]) == year
