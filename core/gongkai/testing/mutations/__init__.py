"""The mutation kit: plant one typical error of the 情况说明 in a consistent document and see that
the check named for it finds it, and nothing else new.

:data:`CLASSES` names each class of error and the check that must find it. :func:`mutate` plants
one in a parsed or generated document (editing a claim the text makes, or adding a sentence
where the document makes none of that kind) and returns a :class:`Mutant`; :func:`plant` prints
it in a format (the source text itself for text and markdown documents, else through gongkai's
renderers); :func:`verdict` compares the findings before and after. ``benchmarks/mutations.py``
runs every class on the seeds and on generated documents in every format.

The errors are planted by family: in restated figures (:mod:`.figures`), in the claims made of
them (:mod:`.claims`), in the writing (:mod:`.writing`), or in a section added for the purpose
(:mod:`.added`); :mod:`.edits` finds where the text prints them.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Optional

from ...schema import Document
from .added import added_section
from .claims import three_public, wrong_change, wrong_direction, wrong_ratio, wrong_year
from .figures import placeholder, wrong_amount, wrong_unit, zero_total
from .mutant import CLASSES, Mutant
from .planting import plant
from .verdicts import Verdict, new_findings, verdict
from .writing import doubled_punctuation, swapped_toc

__all__ = ["CLASSES", "Mutant", "Verdict", "mutate", "new_findings", "plant", "verdict"]

_MUTATORS: dict[str, Callable[[Document, random.Random], Optional[Mutant]]] = {
    "amount": wrong_amount,
    "zero-total": zero_total,
    "unit": wrong_unit,
    "change": wrong_change,
    "direction": wrong_direction,
    "share": lambda document, rng: wrong_ratio(document, rng, "share"),
    "rate": lambda document, rng: wrong_ratio(document, rng, "rate"),
    "year": wrong_year,
    "three-public": three_public,
    "placeholder": placeholder,
    "punctuation": doubled_punctuation,
    "toc": swapped_toc,
}


def mutate(document: Document, kind: str, rng: Optional[random.Random] = None) -> Optional[Mutant]:
    """``document`` with one error of class ``kind`` planted in a claim its 情况说明 makes, or in
    a section added to it when it makes none of that kind; None if neither can be done (no
    summary table to write the section from)."""
    rng = rng or random.Random(0)
    return _MUTATORS[kind](document, rng) or added_section(document, kind, rng)
