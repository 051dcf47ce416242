"""The phrases of the 情况说明 that the text checks read, as data (``spec/phrases.toml``).

:func:`load_phrases` reads the shipped file; a region plugin adjusts it for its documents with
the ``gongkai_adjust_phrases`` hook (add a restatement, a direction word, a section heading…),
typically with :func:`attrs.evolve` and :meth:`Phrases.with_words`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Optional

import attrs

from .specfiles import parse_toml, spec_text


@attrs.frozen
class Ref:
    """Where a quantity is printed: a table, a row (a label pattern or ``code:CODE``) in a
    side-by-side group, and a column.

    Example::

        >>> from gongkai.plugin import Ref
        >>> Ref(table="three_public", row="公务接待费", column="final")
        Ref(table='three_public', row='公务接待费', column='final', group=None)
        >>> Ref(table="expenditure", row="code:201", column="total").row
        'code:201'
    """

    table: str
    row: str
    column: str
    group: Optional[str] = None


@attrs.frozen
class Restate:
    """Words (a regular expression matched in full) that, in a section of one of ``scopes``,
    name quantities the tables print: ``cells`` holds, per quantity, its places in order of
    preference.

    Example::

        >>> import re
        >>> from gongkai.plugin import Ref, Restate
        >>> places = (Ref(table="three_public", row="公务接待费", column="final"),)
        >>> restate = Restate(scopes=("three_public",), words="公务接待费(支出)?", cells=(places,))
        >>> bool(re.fullmatch(restate.words, "公务接待费支出")), restate.cells[0][0].column
        (True, 'final')
    """

    scopes: tuple[str, ...]
    words: str
    cells: tuple[tuple[Ref, ...], ...]


@attrs.frozen
class Scope:
    """A section of the 情况说明 (``id``) and the pattern its heading's words match.

    Example::

        >>> import re
        >>> from gongkai.plugin import Scope
        >>> scope = Scope(id="three_public", pattern="三公")
        >>> bool(re.search(scope.pattern, "三、“三公”经费支出情况说明"))
        True
    """

    id: str
    pattern: str


@attrs.frozen
class Phrases:
    """Everything the text checks read words by: section headings, restatements, word lists.

    Example::

        >>> from gongkai.plugin import load_phrases
        >>> phrases = load_phrases().with_words("more", "增多")
        >>> "增多" in phrases.words["more"], "增多" in load_phrases().words["more"]
        (True, False)
        >>> bool(phrases.regex("more").search("支出增多"))
        True
    """

    scopes: tuple[Scope, ...]
    restate: tuple[Restate, ...]
    words: Mapping[str, tuple[str, ...]]

    def restatements(self, scope: str) -> tuple[Restate, ...]:
        """The restatements that hold in a section of ``scope``, in file order."""
        return tuple(entry for entry in self.restate if scope in entry.scopes)

    def pattern(self, name: str) -> str:
        """The word list ``name`` as one alternation, longest words first (``""`` matches nothing)."""
        items = sorted(self.words.get(name, ()), key=len, reverse=True)
        return "|".join(f"(?:{item})" for item in items) if items else "(?!)"

    def regex(self, name: str) -> re.Pattern[str]:
        """The word list ``name`` compiled (:meth:`pattern`)."""
        return _compiled(self.pattern(name))

    def with_words(self, name: str, *items: str) -> Phrases:
        """A copy with ``items`` added to the word list ``name``."""
        words = dict(self.words)
        words[name] = (*words.get(name, ()), *items)
        return attrs.evolve(self, words=words)


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _ref(entry: Mapping[str, str]) -> Ref:
    return Ref(table=entry["table"], row=entry["row"], column=entry["column"], group=entry.get("group"))


def parse_phrases(text: str) -> Phrases:
    """Phrases from the TOML ``text`` laid out as ``spec/phrases.toml``."""
    raw = parse_toml(text)
    return Phrases(
        scopes=tuple(Scope(id=entry["id"], pattern=entry["pattern"]) for entry in raw.get("scope", ())),
        restate=tuple(
            Restate(
                scopes=tuple(entry["scopes"]),
                words=entry["words"],
                cells=tuple(tuple(_ref(ref) for ref in refs) for refs in entry["cells"]),
            )
            for entry in raw.get("restate", ())
        ),
        words={name: tuple(items) for name, items in raw.get("words", {}).items()},
    )


@functools.cache
def load_phrases() -> Phrases:
    """The phrases shipped with gongkai (``spec/phrases.toml``).

    Example::

        >>> from gongkai.plugin import load_phrases
        >>> phrases = load_phrases()
        >>> "three_public" in {scope.id for scope in phrases.scopes}, "增加" in phrases.words["more"]
        (True, True)
    """
    return parse_phrases(spec_text("phrases.toml"))
