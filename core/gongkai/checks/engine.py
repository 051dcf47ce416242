"""Running every registered check on a document."""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

import pluggy

from ..dispatch import region_hooks
from ..manager import Registry, default_plugin_manager
from ..phrases import load_phrases
from ..registrations import CheckContext
from ..schema import Document, Finding
from .compare import not_checked
from .identities import load_identities

DEFAULT_TOLERANCE = Decimal("0.01")


def context_for(
    document: Document, manager: pluggy.PluginManager, tolerance: Decimal = DEFAULT_TOLERANCE
) -> CheckContext:
    """The context checks run in: the tolerance, and the identities and phrases as the region
    adjusted them."""
    hooks = region_hooks(manager, document.plugin)
    return CheckContext(
        tolerance=tolerance,
        identities=tuple(hooks.gongkai_adjust_identities(document=document, identities=load_identities())),
        profiles=tuple(entry.record for entry in Registry.collect(manager).regions),
        phrases=hooks.gongkai_adjust_phrases(document=document, phrases=load_phrases()),
    )


def check(
    document: Document,
    *,
    tolerance: Decimal = DEFAULT_TOLERANCE,
    plugin_manager: Optional[pluggy.PluginManager] = None,
) -> tuple[Finding, ...]:
    """The findings of every registered check on ``document``, check by check in registration order.

    ``tolerance`` is the rounding difference allowed per addend, in the document's unit. A
    check whose arithmetic fails on the document's figures (too large, too precise) gives a
    finding that it was not made instead of its findings.
    """
    manager = plugin_manager or default_plugin_manager()
    context = context_for(document, manager, tolerance)
    findings: list[Finding] = []
    for registered in Registry.collect(manager).checks:
        record = registered.record
        try:
            findings.extend(list(record.run(document, context)))
        except ArithmeticError:
            # figures too large or too precise for exact arithmetic (a garbled or hostile
            # document): the check is not made, and says so, rather than stopping the parse
            findings.append(not_checked(record.id, "文件中的数字过大或小数位过多，无法精确计算"))
    return tuple(findings)
