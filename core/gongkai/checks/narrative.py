"""The claims of the 情况说明 beyond restated amounts, judged against the tables and each other.

* ``text.zero``: an item the text says was nothing (未发生…, …为零) holds no amount in its table.
* ``text.share``: a share (占 N%) is the part over the whole it names, within rounding.
* ``text.rate``: a rate of the budget (完成预算的 N%, 预算执行率 N%) is the figure over its budget.
* ``text.direction``: a comparison's word (增加/减少/持平/超支/节约/大于/小于…) and printed
  difference agree with the two figures: both printed in the sentence, or the other read from
  the table row the first restates (its 预算数). A word that rounding could make true is no
  error; 增加 or 减少 between two figures printed the same is a warning.
* ``text.year``: the years the text gives to its part headings, to a year-end (截至…12月31日) and
  to what it compares with agree with the document's year.

A claim is judged only where each side is identified; where it is not, an info finding says
why it was not checked (a share of a whole that is neither printed nor named). Each family of
checks is a module of its own (:mod:`.zeros`, :mod:`.ratios`, :mod:`.directions`,
:mod:`.years`); this one registers them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..hookspecs import hookimpl
from ..registrations import Check
from ..schema import Severity
from .directions import DIRECTION, directions, identified_comparisons
from .ratios import RATE, SHARE, identified_ratios, rates, shares
from .years import YEAR, years
from .zeros import ZERO, zeros

__all__ = [
    "DIRECTION",
    "RATE",
    "SHARE",
    "YEAR",
    "ZERO",
    "gongkai_checks",
    "identified_comparisons",
    "identified_ratios",
]


@hookimpl
def gongkai_checks() -> Sequence[Check]:
    """The checks of the 情况说明's claims beyond restated amounts, in the catalogue's order."""
    rounding = "按文字和表格印出的位数允许舍入误差（各数末位的半个单位），另加 0.01 个百分点"
    return (
        Check(
            id=ZERO,
            severity=Severity.ERROR,
            description="情况说明说某项支出“未发生”“无”或“为零”时，表格中该项没有金额。",
            run=zeros,
            tolerance="exact：表格印有非零金额即不符；只判断能对应到唯一表格单元格的项目",
        ),
        Check(
            id=SHARE,
            severity=Severity.ERROR,
            description="情况说明所述占比（占…%、比重…%）等于该项金额除以其所占的总数。",
            run=shares,
            tolerance=rounding + "；总数既未在句中印出、也未能对应到表格时不判断（info 报告未核对）",
        ),
        Check(
            id=RATE,
            severity=Severity.ERROR,
            description="情况说明所述预算完成率、执行率（完成预算的…%）等于决算数除以预算数。",
            run=rates,
            tolerance=rounding + "；预算数既未在句中印出、也不在表格同一行时不判断（info 报告未核对）",
        ),
        Check(
            id=DIRECTION,
            severity=Severity.ERROR,
            description=(
                "情况说明比较两个数（决算与预算、本年与上年或两个项目）时，增加/减少/持平、大于/小于、"
                "超支/节约等用词及所述差额与两数相符。"
            ),
            run=directions,
            tolerance="两数各允许末位半个单位的舍入误差，差额另加 0.01；只判断两边都能确定的比较",
        ),
        Check(
            id=YEAR,
            severity=Severity.ERROR,
            description=(
                "情况说明的部分标题年度、年末时点（截至…年12月31日：决算为本年，预算为上年）"
                "和比较年度（预算只与以前年度比较）与文件年度一致。"
            ),
            run=years,
            tolerance="exact",
        ),
    )
