"""The writing checks: template text left in (meta.placeholder) and doubled punctuation
(text.punctuation) are found where they are printed, and nowhere else."""

from __future__ import annotations

from typing import Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gongkai
from gongkai import Document, Finding, Provenance, Region
from gongkai.checks import consistency, writing
from gongkai.phrases import load_phrases
from gongkai.registrations import CheckContext
from gongkai.schema import TextLine
from gongkai.testing import documents

pytestmark = pytest.mark.text

PAGE = 3


def narrative(*lines: str) -> Document:
    """A document with no tables whose 情况说明 is ``lines``, printed on page 3 from line 1."""
    return Document(
        source="made-up",
        format="text",
        sha256="",
        region=Region(),
        plugin="national",
        entity="样例市医疗保障局",
        year=2023,
        kind="final",
        scope="department",
        unit="万元",
        tables=(),
        narrative=tuple(
            TextLine(text, Provenance(page=PAGE, line=number, bbox=(90.0, 20.0 * number, 505.0, 20.0 * number + 15)))
            for number, text in enumerate(lines, start=1)
        ),
    )


def found(document: Document, check: str) -> list[Finding]:
    return [finding for finding in gongkai.check(document) if finding.check == check]


def test_the_checks_are_registered_by_the_writing_module() -> None:
    assert [check.id for check in writing.gongkai_checks()] == ["meta.placeholder", "text.punctuation"]
    assert "meta.placeholder" not in {check.id for check in consistency.gongkai_checks()}


# -- meta.placeholder --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "printed"),
    [
        ("本年收入合计XXX万元，比上年增长5.2%。", "XXX"),
        ("XX局2023年度部门决算。", "XX"),
        ("本部门共有xx个内设机构。", "xx"),
        ("本年支出合计××万元。", "××"),
        ("本年支出合计ＸＸ万元。", "ＸＸ"),
        ("联系人：某某，联系电话：12345678。", "某某"),
        ("○○局负责本地区医疗保障工作。", "○○"),
        ("【单位名称】2023年度部门决算。", "【单位名称】"),
        ("本部门主要职能：【此处填写主要职能】。", "【此处填写主要职能】"),
        ("主要原因是人员增加。（如持平作持平说明）", "（如持平作持平说明）"),
        ("其他收入12.00万元（不涉及的不列）。", "（不涉及的不列）"),
        ("一般公共服务支出此处填写主要用途。", "此处填写"),
        ("主要原因：请根据实际情况填写。", "请根据实际情况填写"),
        ("部门职责（此部分内容由办公室填写）。", "（此部分内容由办公室填写）"),
        ("说明：如无此项支出请删除。", "如无此项支出请删除"),
        ("与上年相比增加（减少）12.00万元。", "增加（减少）"),
        ("决算数大于（小于）预算数的主要原因是人员调出。", "大于（小于）"),
    ],
)
def test_template_text_left_in_is_found_on_its_line(line: str, printed: str) -> None:
    document = narrative("一、部门概况", line)
    (finding,) = found(document, "meta.placeholder")
    assert finding.printed == printed
    assert finding.provenance == document.narrative[1].provenance  # page, line and bbox
    assert finding.message.startswith(f"情况说明第{PAGE}页第2行")
    assert f"“{printed}”" in finding.message and finding.sentence is not None and printed in finding.sentence


def test_one_finding_a_line_and_kind_counting_the_others() -> None:
    document = narrative(
        "本年收入合计XXX万元，占XX%；事业收入XXX万元，比上年增加（减少）XX万元。",
        "主要原因：XXXXXXXX。",
    )
    findings = found(document, "meta.placeholder")
    assert [(f.provenance.line, f.printed) for f in findings] == [(1, "XXX"), (1, "增加（减少）"), (2, "XXXXXXXX")]
    assert "（共4处）" in findings[0].message
    assert "共" not in findings[1].message


def test_an_instruction_wrapped_onto_the_next_line_is_found_where_it_begins() -> None:
    document = narrative("主要原因是人员增加。（如持平作", "持平表述）", "二、收入决算情况说明")
    (finding,) = found(document, "meta.placeholder")
    assert (finding.provenance.line, finding.printed) == (1, "（如持平作持平表述）")


def test_a_bracket_of_template_words_is_one_placeholder_not_an_instruction_too() -> None:
    (finding,) = found(narrative("【请在此填写单位名称】2023年度部门决算"), "meta.placeholder")
    assert finding.printed == "【请在此填写单位名称】" and "占位符" in finding.message


def test_template_text_in_a_table() -> None:
    source = (
        "样例市医疗保障局2023年度部门决算\n\n"
        "支出决算表\n公开03表\n部门：样例市医疗保障局\t金额单位：万元\n"
        "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
        "合计\t\t100.00\t100.00\t\n"
        "210\t卫生健康支出\t100.00\t100.00\t\n"
        "21015\t医疗保障管理事务\t100.00\t100.00\t\n"
        "2101501\tXX项目\t100.00\t100.00\t\n"
    )
    parsed = gongkai.parse(source.encode("utf-8"), name="table.txt")
    (finding,) = [f for f in parsed.findings if f.check == "meta.placeholder"]
    assert (finding.table, finding.row, finding.printed) == ("expenditure", "2101501", "XX")
    assert "“2101501 XX项目”行" in finding.message


@pytest.mark.parametrize(
    "line",
    [
        "采购埃克森美孚（Exxon Mobil）公司的润滑油，由Foxx Ltd.承运。",
        "购置XXL号工作服20套，设备型号为AXX-2023。",
        "二〇〇八年建成的办公楼本年维修。",
        "根据沪府规【2016】168号文件安排支出。",
        "【部门职责】负责全市医疗保障工作。",
        "某项工作本年完成。",
        "单价100万元（含）以上设备（不含车辆）2台（套），政府采购金额（以合同签订为准）为3.00万元。",
        "比上年减少（主要是人员调出）2.00万元，增长率为5.2%。",
        "采购品目名称根据《政府采购品目分类目录》规定品目名称填写。",
        "收入支出增加的主要原因是业务量增加，支出减少的主要原因是厉行节约。",
    ],
)
def test_words_like_template_text_are_not_placeholders(line: str) -> None:
    assert found(narrative(line), "meta.placeholder") == []


def test_the_word_lists_are_the_phrases_a_region_may_adjust() -> None:
    """A region whose template leaves ＿＿＿ for a figure adds it to the ``placeholder`` list."""
    document = narrative("本年收入合计＿＿＿万元。")
    assert list(writing._placeholders(document, CheckContext())) == []
    phrases = load_phrases().with_words("placeholder", "＿{3,}")
    (finding,) = writing._placeholders(document, CheckContext(phrases=phrases))
    assert finding.printed == "＿＿＿"


# -- text.punctuation --------------------------------------------------------------------------------


_DOUBLED = ["。。", "，，", "；；", "、、", "：：", "，。", "。，", ",，", ".。", "，：", "；。"]


@pytest.mark.parametrize("marks", _DOUBLED)
def test_doubled_punctuation_is_found(marks: str) -> None:
    document = narrative("一、收入决算情况说明", f"本年收入合计12.30万元{marks}主要是财政拨款收入。")
    (finding,) = found(document, "text.punctuation")
    assert finding.printed == marks
    assert finding.provenance == document.narrative[1].provenance
    assert finding.message.startswith(f"情况说明第{PAGE}页第2行") and f"12.30万元{marks}主要" in finding.message


def test_doubled_marks_wrapped_onto_the_next_line() -> None:
    (finding,) = found(narrative("支出减少了2.00万元。", "。主要原因是人员调出。"), "text.punctuation")
    assert (finding.provenance.line, finding.printed) == (1, "。。")


def test_each_doubling_is_a_finding() -> None:
    findings = found(narrative("收入增加，，支出减少；；结余持平。"), "text.punctuation")
    assert [f.printed for f in findings] == ["，，", "；；"]


@pytest.mark.parametrize(
    "line",
    [
        "主要用于办公费、印刷费……其他商品和服务支出。",
        "主要用于办公费、印刷费...其他商品和服务支出。",
        "主要包括：基本工资、津贴补贴。。。",
        "第一部分 部门概况......................3",
        "一、收入支出决算总表………………………5",
        "二、支出决算表 . . . . . . . . . 6",
        "三、财政拨款收入支出决算总表..7",
        "本年收入合计1,234.56万元，增长12.5%。",
        "——以上数据为决算数。",
        "供应商为上海某某（Shanghai Example Co., Ltd.）。".replace("某某", "示例"),
        "详见网站http://www.example.gov.cn。",
        "会议于9:30召开。",
    ],
)
def test_ellipses_leaders_and_decimals_are_not_doubled(line: str) -> None:
    assert found(narrative(line), "text.punctuation") == []


def test_a_contents_page_and_its_leaders_draw_nothing() -> None:
    source = (
        "样例市医疗保障局2023年度部门决算\n\n目录\n"
        "第一部分 部门概况......................3\n"
        "一、收入支出决算总表………………………5\n"
        "二、支出决算表. . . . . . . . . 6\n\n"
        "一、部门概况\n\n本部门负责医疗保障工作，共有职工12.5人，主要用于办公费……等。\n"
    )
    parsed = gongkai.parse(source.encode("utf-8"), name="contents.txt")
    assert [f for f in parsed.findings if f.check in ("meta.placeholder", "text.punctuation")] == []


# -- generated documents -----------------------------------------------------------------------------

# clauses of a 情况说明 paragraph, with what resembles a slip and is none: decimals, ellipses,
# dashes, brackets, xx inside a Latin word, 〇〇 inside a year, 某 alone
_CLAUSES = [
    "本年收入合计{amount}万元",
    "比上年增长{amount}%",
    "主要用于办公费、印刷费……其他商品和服务支出",
    "主要用于差旅费、会议费...等方面",
    "其中财政拨款收入{amount}万元",
    "——均为本年度决算数",
    "单价100万元（含）以上设备（不含车辆）2台",
    "比上年减少（主要是人员调出）{amount}万元",
    "由Maxxis公司承担运输",
    "二〇〇八年建成的办公楼本年维修",
    "根据沪府规【2016】168号文件安排",
    "某项工作本年完成",
]
# what is planted and what the finding quotes of it
_PLACEHOLDERS = {
    "XXX": "XXX", "XX": "XX", "××": "××", "ＸＸ": "ＸＸ", "某某": "某某", "○○": "○○",
    "【单位名称】": "【单位名称】", "【此处填写项目名称】": "【此处填写项目名称】",
    "（如持平作持平表述）": "（如持平作持平表述）", "（不涉及的不列）": "（不涉及的不列）",
    "此处填写主要原因": "此处填写", "请根据实际情况填写": "请根据实际情况填写",
    "增加（减少）": "增加（减少）", "大于（小于）": "大于（小于）",
}  # fmt: skip


@st.composite
def paragraphs(draw: st.DrawFn) -> list[str]:
    """The clauses of a paragraph (joined with ，, ended with 。), amounts filled in."""
    clauses = draw(st.lists(st.sampled_from(_CLAUSES), min_size=2, max_size=6))
    amounts = st.decimals(min_value=0, max_value=99999, places=2)
    return [clause.format(amount=draw(amounts)) for clause in clauses]


def _source(document: Document, paragraph: str) -> bytes:
    """``document`` rendered as text with a 部门概况 section holding ``paragraph`` (line 5) after
    the cover's first line."""
    cover, rest = gongkai.render(document, "text").decode("utf-8").split("\n\n", 1)
    return f"{cover}\n\n一、部门概况\n\n{paragraph}\n\n{rest}".encode()


def _slips(parsed: Document) -> list[Finding]:
    return [f for f in parsed.findings if f.check in ("meta.placeholder", "text.punctuation")]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    document=documents(),
    clauses=paragraphs(),
    planted=st.one_of(
        st.tuples(st.just("meta.placeholder"), st.sampled_from(sorted(_PLACEHOLDERS))),
        st.tuples(st.just("text.punctuation"), st.sampled_from(_DOUBLED)),
        st.none(),
    ),
    data=st.data(),
)
def test_a_planted_slip_is_found_exactly(
    document: Document, clauses: list[str], planted: Optional[tuple[str, str]], data: st.DataObject
) -> None:
    if planted is None:
        paragraph = "，".join(clauses) + "。"
    else:
        check, slip = planted
        at = data.draw(st.integers(1, len(clauses) - 1), label="after clause")
        # a placeholder is written into a clause, a doubled mark stands between two clauses
        joint = f"{slip}，" if check == "meta.placeholder" else slip
        paragraph = "，".join(clauses[: at - 1]) + ("，" if at > 1 else "") + clauses[at - 1] + joint
        paragraph += "，".join(clauses[at:]) + "。"
    parsed = gongkai.parse(_source(document, paragraph), name="generated.txt")
    slips = _slips(parsed)
    if planted is None:
        assert slips == []
    else:
        printed = _PLACEHOLDERS.get(slip, slip)
        assert [(f.check, f.printed, f.provenance.line) for f in slips] == [(check, printed, 5)]
