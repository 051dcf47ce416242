"""The narrative claims beyond restated amounts, on small documents written the way real
disclosures phrase them: each check finds the wrong claim, names its sentence, and lets the
right one (and the one it cannot judge) pass."""

from __future__ import annotations

from typing import Optional

import attrs
import pluggy
import pytest

import gongkai
from gongkai import Document, Finding, Severity
from gongkai.manager import create_plugin_manager
from gongkai.phrases import Phrases, Restate, load_phrases
from gongkai.phrases import Ref as PhraseRef

TABLES = """\
2023年度 样例市医疗保障局 部门决算

收入支出决算总表
公开01表
部门：样例市医疗保障局\t金额单位：万元
收入\t\t支出\t
项目\t决算数\t项目\t决算数
一、一般公共预算财政拨款收入\t80.00\t一、一般公共服务支出\t
八、其他收入\t20.00\t九、卫生健康支出\t100.00
本年收入合计\t100.00\t本年支出合计\t100.00
年初结转和结余\t20.00\t年末结转和结余\t20.00
总计\t120.00\t总计\t120.00

一般公共预算财政拨款“三公”经费支出决算表
公开07表
部门：样例市医疗保障局\t金额单位：万元
项目\t预算数\t决算数
合计\t3.00\t2.16
1.因公出国(境)费\t0.00\t0.00
2.公务用车购置及运行维护费\t1.00\t0.00
其中：(1)公务用车购置费\t0.00\t0.00
(2)公务用车运行维护费\t1.00\t0.00
3.公务接待费\t2.00\t2.16

第三部分 2023年度部门决算情况说明
"""

OVERALL = "一、收入支出决算总体情况说明"
THREE_PUBLIC = "二、一般公共预算财政拨款“三公”经费支出决算情况说明"


def parse(sections: dict[str, str], tables: str = TABLES, manager: Optional[pluggy.PluginManager] = None) -> Document:
    text = tables + "".join(f"\n{heading}\n\n{body}\n" for heading, body in sections.items())
    return gongkai.parse(text.encode("utf-8"), name="example.txt", plugin_manager=manager)


def judged(document: Document, check: str) -> list[Finding]:
    return [f for f in document.findings if f.check == check and f.checked]


def not_checked(document: Document, check: str) -> list[Finding]:
    return [f for f in document.findings if f.check == check and not f.checked]


# -- text.zero ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "said",
    ["本年度未发生公务接待费支出。", "公务接待费为零。", "2023年度本部门未发生公务接待费。"],
)
def test_an_item_said_to_be_nothing_while_its_table_holds_an_amount_is_an_error(said: str) -> None:
    (finding,) = judged(parse({THREE_PUBLIC: said}), "text.zero")
    assert (finding.severity, finding.table, finding.column, finding.expected) == (
        Severity.ERROR,
        "three_public",
        "final",
        "2.16",
    )
    assert finding.sentence == said


def test_an_item_said_to_be_nothing_that_the_table_prints_as_nothing_passes() -> None:
    document = parse({THREE_PUBLIC: "本年度未发生因公出国（境）费支出。公务用车购置费为零。"})
    assert judged(document, "text.zero") == []


def test_words_that_merely_contain_a_nothing_word_are_no_claim() -> None:
    document = parse({THREE_PUBLIC: "公务接待费2.16万元，无形资产购置按计划执行，公务接待严格执行无陪餐规定。"})
    assert judged(document, "text.zero") == []


# -- text.share ---------------------------------------------------------------------------------------


def test_a_share_of_the_total_the_sentence_states_is_checked() -> None:
    right = "本年收入合计100.00万元，其中：一般公共预算财政拨款收入80.00万元，占80.00%；其他收入20.00万元，占20.00%。"
    assert judged(parse({OVERALL: right}), "text.share") == []
    wrong = right.replace("占20.00%", "占25.00%")
    (finding,) = judged(parse({OVERALL: wrong}), "text.share")
    assert (finding.printed, finding.expected) == ("25.00%", "20.00%")
    assert finding.sentence == wrong


def test_a_share_of_a_whole_named_by_the_table_is_checked_against_the_cell() -> None:
    wrong = "一般公共预算财政拨款收入80.00万元，占本年收入合计的70.00%。"
    (finding,) = judged(parse({OVERALL: wrong}), "text.share")
    assert (finding.table, finding.row, finding.expected) == ("summary", "本年收入合计", "80.00%")


def test_a_share_of_a_figure_the_paragraph_printed_under_those_words_is_checked() -> None:
    said = "授予中小企业合同金额10.00万元，其中：授予小微企业合同金额5.00万元，占授予中小企业合同金额的60.00%。"
    (finding,) = judged(parse({OVERALL: said}), "text.share")
    assert finding.expected == "50.00%"


def test_a_share_whose_whole_is_neither_printed_nor_named_is_reported_not_checked() -> None:
    document = parse({OVERALL: "1.卫生健康支出（类）100.00万元，占99.00%。"})
    assert judged(document, "text.share") == []
    (finding,) = not_checked(document, "text.share")
    assert finding.severity is Severity.INFO and "分母不明" in finding.message


def test_a_share_within_the_rounding_of_its_printed_figures_passes() -> None:
    # 0.01 / 0.03 is anything from 16.7% to 60% once both are rounded to 0.01
    said = "公用经费合计0.03万元，其中：办公费0.01万元，占50.00%。"
    assert judged(parse({OVERALL: said}), "text.share") == []


# -- text.rate ----------------------------------------------------------------------------------------


def test_a_rate_of_the_budget_the_sentence_prints_is_checked() -> None:
    right = "“三公”经费支出预算为3.00万元，支出决算为2.16万元，完成预算的72.00%。"
    assert judged(parse({THREE_PUBLIC: right}), "text.rate") == []
    (finding,) = judged(parse({THREE_PUBLIC: right.replace("72.00%", "80.00%")}), "text.rate")
    assert finding.expected == "72.00%"


def test_a_rate_is_of_either_budget_the_sentence_prints() -> None:
    # a year's budget set at nothing and raised during the year: the rate is of the full-year one
    said = "一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。"
    assert judged(parse({OVERALL: said}), "text.rate") == []


def test_a_rate_whose_final_figure_is_not_printed_is_never_the_budget_over_itself() -> None:
    """支出决算为XXX万元 (a placeholder left in): the only figure before the rate is the budget,
    which the rate is measured by, not of; the sentence is not judged, the placeholder is."""
    said = "“三公”经费支出预算为3.00万元，支出决算为XXX万元，完成预算的72.00%。"
    document = parse({THREE_PUBLIC: said})
    assert judged(document, "text.rate") == []
    assert judged(document, "meta.placeholder") != []


def test_a_rate_of_a_budget_the_table_prints_in_the_same_row_is_checked() -> None:
    (finding,) = judged(parse({THREE_PUBLIC: "公务接待费支出决算2.16万元，完成预算的100.00%。"}), "text.rate")
    assert (finding.table, finding.column, finding.expected) == ("three_public", "budget", "108.00%")


# -- text.direction -----------------------------------------------------------------------------------


def test_a_comparison_with_the_budget_in_the_table_must_go_the_way_its_word_says() -> None:
    right = "公务接待费支出决算2.16万元，比预算增加0.16万元。"
    assert judged(parse({THREE_PUBLIC: right}), "text.direction") == []
    (finding,) = judged(parse({THREE_PUBLIC: right.replace("增加", "减少")}), "text.direction")
    assert (finding.printed, finding.expected, finding.column) == ("减少", "大于", "budget")


def test_a_stated_difference_must_be_the_difference_of_the_figures() -> None:
    (finding,) = judged(parse({THREE_PUBLIC: "公务接待费支出决算2.16万元，比预算增加0.60万元。"}), "text.direction")
    assert (finding.printed, finding.expected) == ("0.60万元", "0.16万元")


def test_a_comparison_with_a_printed_figure_is_checked_without_the_tables() -> None:
    said = "本年收入合计100.00万元，比上年120.00万元增加20.00万元。"
    (finding,) = judged(parse({OVERALL: said}), "text.direction")
    assert finding.printed == "增加"


def test_same_within_rounding_is_no_contradiction() -> None:
    tables = TABLES.replace("3.公务接待费\t2.00\t2.16", "3.公务接待费\t2.17\t2.16").replace("合计\t3.00", "合计\t3.17")
    said = "公务接待费支出决算2.16万元，比预算减少0.01万元。"
    assert judged(parse({THREE_PUBLIC: said}, tables), "text.direction") == []


def test_a_comparison_with_last_year_the_tables_do_not_hold_is_not_judged() -> None:
    document = parse({THREE_PUBLIC: "公务接待费支出决算2.16万元，比上年减少0.50万元。"})
    assert judged(document, "text.direction") == []


# -- text.year ----------------------------------------------------------------------------------------


def test_a_year_end_of_another_year_is_an_error() -> None:
    (finding,) = judged(parse({OVERALL: "截至2022年12月31日，本部门共有车辆2辆。"}), "text.year")
    assert (finding.printed, finding.expected) == ("截至2022年12月31日", "2023年")
    assert judged(parse({OVERALL: "截至 2023 年 12 月 31 日，本部门共有车辆2辆。"}), "text.year") == []


def test_a_part_heading_of_another_year_is_an_error() -> None:
    document = parse({}, TABLES.replace("第三部分 2023年度部门决算情况说明", "第三部分 2022年度部门决算情况说明"))
    (finding,) = judged(document, "text.year")
    assert finding.expected == "2023年"


def test_a_budget_compared_with_its_own_year_is_an_error_but_a_final_with_its_budget_is_not() -> None:
    budget = TABLES.replace("部门决算", "部门预算").replace("决算表", "预算表").replace("决算数", "预算数")
    document = parse({OVERALL: "本年收入合计100.00万元，比2023年预算增加10.00万元。"}, budget)
    (finding,) = judged(document, "text.year")
    assert finding.expected == "2022年"
    final = parse({OVERALL: "本年收入合计100.00万元，比2023年预算增加10.00万元。"})
    assert judged(final, "text.year") == []


# -- text.unit ----------------------------------------------------------------------------------------


def test_an_amount_in_the_wrong_unit_is_a_unit_slip_not_a_wrong_amount() -> None:
    document = parse({OVERALL: "本年收入合计100.00元。"})
    (finding,) = judged(document, "text.unit")
    assert "单位写错" in finding.message
    assert judged(document, "text.amount") == []


# -- phrases are data ---------------------------------------------------------------------------------


class _Wording:
    """A region whose documents call the year's income 部门收入盘子."""

    @gongkai.hookimpl
    def gongkai_adjust_phrases(self, document: Document, phrases: Phrases) -> Optional[Phrases]:
        added = Restate(
            scopes=("summary",),
            words="部门收入盘子",
            cells=((PhraseRef("summary", "本年收入合计", "income", "income"),),),
        )
        return attrs.evolve(phrases, restate=(*phrases.restate, added)).with_words("nothing", "尚未发生")


def test_a_region_adds_the_phrases_its_documents_use() -> None:
    said = {OVERALL: "部门收入盘子110.00万元。", THREE_PUBLIC: "公务接待费尚未发生。"}
    assert judged(parse(said), "text.amount") == []
    manager = create_plugin_manager(entry_points=False, plugins=[_Wording()])
    document = parse(said, manager=manager)
    assert [f.expected for f in judged(document, "text.amount")] == ["100.00"]
    assert [f.expected for f in judged(document, "text.zero")] == ["2.16"]


def test_the_shipped_phrases_name_every_scope_the_text_checks_know() -> None:
    phrases = load_phrases()
    scopes = {scope.id for scope in phrases.scopes}
    assert {scope for entry in phrases.restate for scope in entry.scopes} <= scopes
    for name in ("more", "less", "same", "nothing", "share", "rate", "budget", "last_year"):
        assert phrases.words[name], f"word list {name} is empty"


# -- text.change: percentage points --------------------------------------------------------------------


def test_a_move_in_percentage_points_must_be_the_difference_of_the_two_percentages() -> None:
    right = "基本支出占比由45.00%提高到47.50%，提高2.50个百分点。"
    assert judged(parse({OVERALL: right}), "text.change") == []
    (finding,) = judged(parse({OVERALL: right.replace("提高2.50", "提高3.50")}), "text.change")
    assert (finding.printed, finding.expected) == ("提高3.50个百分点", "提高2.50个百分点")
    (finding,) = judged(parse({OVERALL: right.replace("，提高2.50", "，下降2.50")}), "text.change")
    assert finding.expected == "提高2.50个百分点"


def test_a_change_between_figures_printed_the_same_is_a_warning() -> None:
    tables = TABLES.replace("3.公务接待费\t2.00\t2.16", "3.公务接待费\t2.16\t2.16").replace("合计\t3.00", "合计\t3.16")
    (finding,) = judged(parse({THREE_PUBLIC: "公务接待费支出决算2.16万元，比预算增加。"}, tables), "text.direction")
    assert (finding.severity, finding.expected) == (Severity.WARNING, "等于")
    assert judged(parse({THREE_PUBLIC: "公务接待费支出决算2.16万元，与预算持平。"}, tables), "text.direction") == []
