"""The core's identity checks, registered through the same ``gongkai_checks`` hook as a plugin's."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from ..hookspecs import hookimpl
from ..registrations import Check, CheckContext
from ..schema import Document, Finding, Severity
from .identities import Evaluation, Identity, evaluate

ROUNDING = (
    "每个加数允许 0.01（万元尾数误差，可用 --tolerance 调整），金额印到更粗的位数时允许末位一个单位"
    "（整数元表每个加数 1 元）；--tolerance 0 要求精确相等；范围内的差额以 info 报告"
)


def _identity_check(check_id: str, description: str, selects: Callable[[Identity], bool]) -> Check:
    def run(document: Document, context: CheckContext) -> Iterator[Finding]:
        how = Evaluation(check=check_id, severity=Severity.ERROR, tolerance=context.tolerance)
        for identity in context.identities:
            if selects(identity):
                yield from evaluate(identity, document, how)

    return Check(id=check_id, severity=Severity.ERROR, description=description, run=run, tolerance=ROUNDING)


IDENTITY_CHECKS: Sequence[Check] = (
    _identity_check(
        "table.hierarchy",
        "分类科目表中上级科目等于下级科目之和（类 = Σ款，款 = Σ项），合计等于各类级科目之和。",
        lambda identity: identity.kind == "hierarchy",
    ),
    _identity_check(
        "table.columns",
        "表内栏目关系成立，如本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出。",
        lambda identity: identity.kind == "columns",
    ),
    _identity_check(
        "table.rows",
        "表内行间关系成立，如本年收入合计等于各项收入之和、收入总计等于支出总计、“三公”经费合计等于三项之和。",
        lambda identity: identity.kind in ("rows", "equal", "classes") and not identity.across_tables,
    ),
    _identity_check(
        "cross.tables",
        "表间勾稽关系成立，如收入支出总表的本年支出合计等于支出表合计、基本支出等于人员经费与公用经费之和。",
        lambda identity: identity.across_tables,
    ),
)


@hookimpl
def gongkai_checks() -> Sequence[Check]:
    return IDENTITY_CHECKS
