"""The ledger generated documents are computed from: one department's year in fen, over real codes
of the national classification (``spec/national_codes.tsv``)."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import attrs
from hypothesis import strategies as st

from ..specfiles import spec_text

#: The first year whose names the current national code list gives for every code it lists.
FIRST_YEAR = 2020
PERSONNEL = ("301", "303")  # the economic classes of 人员经费; the others are 公用经费


@functools.cache
def _names() -> Mapping[str, str]:
    names = {}
    for line in spec_text("national_codes.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            code, name, _, until = (line.split("\t") + ["", ""])[:4]
            if not until.strip():
                names[code.strip()] = name.strip()
    return names


def national_codes() -> dict[str, str]:
    """The national classification codes and their current names (``spec/national_codes.tsv``)."""
    return dict(_names())


@functools.cache
def _tree(prefix: str) -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    """类 -> 款 -> 项 codes of the national list under a first digit (2 function, 3 economic)."""
    codes = sorted(_names())
    tree: dict[str, dict[str, list[str]]] = {code: {} for code in codes if code.startswith(prefix) and len(code) == 3}
    for code in codes:
        if code[:3] in tree and len(code) == 5:
            tree[code[:3]][code] = []
        elif code[:3] in tree and len(code) == 7 and code[:5] in tree[code[:3]]:
            tree[code[:3]][code[:5]].append(code)
    return {cls: {kuan: tuple(xiangs) for kuan, xiangs in kuans.items()} for cls, kuans in tree.items()}


def cents() -> st.SearchStrategy[int]:
    """Amounts in fen (0.01 万元): often zero, small or large enough for thousands separators."""
    return st.one_of(st.just(0), st.integers(1, 99_999), st.integers(100_000, 500_000_000))


def split(draw: st.DrawFn, total: int, parts: int) -> list[int]:
    """``total`` cut into ``parts`` non-negative amounts."""
    if parts == 1:
        return [total]
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=parts - 1, max_size=parts - 1)))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total])]


def subset(draw: st.DrawFn, items: Sequence[str], low: int, high: int) -> list[str]:
    """Between ``low`` and ``high`` of ``items``, in their order."""
    # one index drawn per item chosen: far cheaper than a list of unique items, which draws
    # and rejects repeats
    pool = list(items)
    chosen = [
        pool.pop(draw(st.integers(0, len(pool) - 1))) for _ in range(draw(st.integers(low, min(high, len(pool)))))
    ]
    return sorted(chosen, key=list(items).index)


@attrs.frozen
class Ledger:
    """One department's year in fen: per 项 code, general-budget basic (personnel, public) and
    project spending and spending from its own income; per economic code, the basic spending's
    items; the “三公” items; the carry-over; per 项 code, what it remits to its superior, spends
    on its operations and grants its subsidiary units (from its own income, in final accounts
    only: budgets print no such columns)."""

    personnel: dict[str, int]
    public: dict[str, int]
    project: dict[str, int]
    own: dict[str, int]  # spent from 事业收入 (basic spending)
    economic: dict[str, int]
    three_public: dict[str, tuple[int, int]]  # item -> (budget, final)
    carry: int
    other: dict[str, tuple[int, int, int]] = attrs.field(factory=dict)  # (remitted, operating, subsidiary)

    def general(self, code: str) -> tuple[int, int, int, int]:
        """(total, basic, personnel, public) general-budget spending of a 项 or any parent code."""
        leaves = [leaf for leaf in self.project if leaf.startswith(code)]
        personnel = sum(self.personnel[leaf] for leaf in leaves)
        public = sum(self.public[leaf] for leaf in leaves)
        project = sum(self.project[leaf] for leaf in leaves)
        return personnel + public + project, personnel + public, personnel, public

    def others(self, code: str) -> tuple[int, int, int]:
        """(remitted to the superior, operating, granted to subsidiary units) under ``code``."""
        parts = [self.other[leaf] for leaf in self.other if leaf.startswith(code)]
        remitted, operating, subsidiary = (sum(column) for column in zip(*parts)) if parts else (0, 0, 0)
        return remitted, operating, subsidiary

    def spent(self, code: str) -> tuple[int, int, int]:
        """(total, basic, project) of all spending under ``code`` ("" for all codes); the total
        includes the spending :meth:`others` gives."""
        leaves = [leaf for leaf in self.project if leaf.startswith(code)]
        total, basic, _, _ = self.general(code)
        own = sum(self.own[leaf] for leaf in leaves)
        project = sum(self.project[leaf] for leaf in leaves)
        return total + own + sum(self.others(code)), basic + own, project


def _economic(draw: st.DrawFn) -> dict[str, int]:
    """Economic items of the basic spending: 301, perhaps 303, 302 and up to two other classes."""
    economic_tree = _tree("3")
    classes = ["301", *(["303"] if draw(st.booleans()) else []), "302"]
    classes += subset(draw, [c for c in economic_tree if c not in ("301", "302", "303")], 0, 2)
    economic: dict[str, int] = {}
    for cls in sorted(classes):
        for kuan in subset(draw, list(economic_tree[cls]), 1, 4):
            economic[kuan] = draw(cents())
    return economic


def _three_public(draw: st.DrawFn) -> dict[str, tuple[int, int]]:
    """The “三公” items: (budget, final), the budget never below the final."""
    abroad, reception, purchase, running = (draw(st.just(0) | st.integers(0, 99_999)) for _ in range(4))
    items = {"abroad": abroad, "vehicles": purchase + running, "purchase": purchase, "running": running}
    items["reception"] = reception
    items["total"] = abroad + purchase + running + reception
    three = {item: (draw(st.integers(0, 99_999)) + value, value) for item, value in items.items()}
    budgets = {item: budget for item, (budget, _) in three.items()}
    budgets["vehicles"] = budgets["purchase"] + budgets["running"]
    budgets["total"] = budgets["abroad"] + budgets["vehicles"] + budgets["reception"]
    return {item: (budgets[item], final) for item, (_, final) in three.items()}


@st.composite
def ledgers(draw: st.DrawFn, other: bool = False) -> Ledger:
    """A department's ledger over real codes: 1–3 classes, 1–2 款 each, 1–3 项 each; ``other``:
    it remits, operates and grants too (else it spends on nothing :meth:`Ledger.others` gives)."""
    tree = {cls: {k: v for k, v in kuans.items() if v} for cls, kuans in _tree("2").items()}
    tree = {cls: kuans for cls, kuans in tree.items() if kuans}
    leaves: list[str] = []
    for cls in subset(draw, list(tree), 1, 3):
        for kuan in subset(draw, list(tree[cls]), 1, 2):
            leaves += subset(draw, tree[cls][kuan], 1, 3)
    economic = _economic(draw)
    personnel_total = sum(v for k, v in economic.items() if k[:3] in PERSONNEL)
    public_total = sum(v for k, v in economic.items() if k[:3] not in PERSONNEL)
    personnel = dict(zip(leaves, split(draw, personnel_total, len(leaves))))
    public = dict(zip(leaves, split(draw, public_total, len(leaves))))
    project = {leaf: draw(cents()) for leaf in leaves}
    own = {leaf: draw(st.just(0) | cents()) for leaf in leaves}
    three_public = _three_public(draw)
    carry = draw(st.just(0) | cents())
    spending = st.tuples(*[st.just(0) | cents()] * 3)
    others = {leaf: draw(spending) for leaf in leaves} if other else {}
    return Ledger(personnel, public, project, own, economic, three_public, carry, others)
