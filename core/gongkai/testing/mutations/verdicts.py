"""Judging a mutant by the checks' findings before and after the error was planted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs

from ...schema import Finding, Severity
from .mutant import Mutant


def _key(finding: Finding) -> tuple:
    return (finding.check, finding.severity, finding.table, finding.row, finding.column, finding.printed)


def new_findings(before: Sequence[Finding], after: Sequence[Finding]) -> list[Finding]:
    """The findings of ``after`` that ``before`` does not have (as many times as they are new)."""
    left = Counter(_key(finding) for finding in before)
    fresh = []
    for finding in after:
        key = _key(finding)
        if left[key]:
            left[key] -= 1
        else:
            fresh.append(finding)
    return fresh


@attrs.frozen
class Verdict:
    """What the checks said of a mutant: ``found`` if the named check reported a warning or error
    that the unmutated document did not have; ``others`` the other new warnings and errors."""

    found: bool
    others: tuple[Finding, ...]


def verdict(mutant: Mutant, before: Sequence[Finding], after: Sequence[Finding]) -> Verdict:
    """Judge a mutant by the findings of the unmutated (``before``) and mutated (``after``) parse."""
    fresh = [f for f in new_findings(before, after) if f.severity in (Severity.WARNING, Severity.ERROR)]
    return Verdict(
        found=any(f.check == mutant.check for f in fresh),
        others=tuple(f for f in fresh if f.check != mutant.check),
    )
