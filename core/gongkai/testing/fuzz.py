"""Fuzzing: disclosures damaged the ways an attacker or a broken converter would damage them,
and a campaign that parses each in a child process under limits and sorts the outcomes.

:func:`mutants` turns a document's bytes into damaged variants, each by one or two structure-aware
mutations (for PDFs, those of :mod:`.pdf_mutants`): lines deleted, repeated or swapped; hostile
lines inserted (runs of spaces, tabs, pipes, dashes, digits or cells, reaching the size that
makes a backtracking pattern explode); figures
replaced by hostile numbers (a thousand digits, many decimals, other scripts' digits); tags left
open or nested deep in HTML; the bytes truncated, re-encoded or salted with binary. A campaign
(:func:`campaign`, or ``python -m gongkai.testing.fuzz``) parses every mutant with the command
line's limits and counts: parsed, refused with a documented error, and the defects: an internal
error, a limit breached (time or memory), a JSON output the schema rejects.

    python -m gongkai.testing.fuzz --count 10000 --formats text markdown html pdf --save fuzz-failures/
"""

from __future__ import annotations

import argparse
import functools
import io
import itertools
import json
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Optional

import attrs

from ..errors import GongkaiError, InternalError, LimitError
from ..exporters.json_export import write_json
from ..isolation import Budget, Children
from ..logs import quiet_libraries
from ..manager import Registry, default_plugin_manager
from ..pipeline import parse
from ..rendering import lay_out
from ..samples import sample_path
from ..specfiles import spec_text
from .pdf_mutants import mutate_pdf

# lines an attacker plants: each a run long enough to blow up a pattern that backtracks
_RUNS = (" ", "\t", "|", "-", "1", "0", ".", "*", "_", "#", "<td>", "|-", "、", "．", "（", "\u3000", "&#9;", "<")
_WORDS = ("目录", "合计", "总计", "公开01表", "表一", "（续）", "单位：万元", "2080501", "一、", "<table>", "</table>")
_ODD = ("\x00", "\x1b[2J", "\u202e", "\u200b", "\ufeff", "\ud7ff", "🀄", "１２３", "१२३", "𝟙𝟚𝟛", "\r", "\x0c")
_NUMBERS = (
    lambda r: "9" * r.randint(30, 5000),
    lambda r: "1." + "1" * r.randint(30, 5000),
    lambda r: "1E" + "9" * r.randint(1, 8),
    lambda r: "-" + "0" * r.randint(1, 3000) + "1",
    lambda r: ",".join(["999"] * r.randint(10, 2000)),
    lambda r: "२०८०५०१",
    lambda r: "𝟐𝟎𝟖𝟎𝟓𝟎𝟏",
    lambda r: "12.34.56",
    lambda r: "0.00000000000000000000000001",
)
_HTML_OPEN = ("<embed src=x>", "<object>", "<script>", "<svg>", "<table>", "<td>", "<tr>", "<select>", "<template>")


@attrs.frozen
class Mutant:
    """A damaged document: its bytes, the format it was before, and what was done to it."""

    data: bytes
    format: str
    done: tuple[str, ...]


def _lines(data: bytes) -> list[str]:
    return data.decode("utf-8", errors="replace").split("\n")


def _join(lines: Sequence[str]) -> bytes:
    return "\n".join(lines).encode("utf-8", errors="surrogatepass")


def _size(rng: random.Random) -> int:
    return rng.choice((100, 1000, 10_000, 100_000, 300_000))


def _delete(rng: random.Random, lines: list[str]) -> str:
    start = rng.randrange(len(lines))
    del lines[start : start + rng.randint(1, 20)]
    return "delete lines"


def _repeat(rng: random.Random, lines: list[str]) -> str:
    index = rng.randrange(len(lines))
    lines[index:index] = [lines[index]] * rng.choice((2, 10, 1000, 20_000))
    return "repeat a line"


def _swap(rng: random.Random, lines: list[str]) -> str:
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return "swap lines"


def _run_line(rng: random.Random, lines: list[str]) -> str:
    run = rng.choice(_RUNS) * _size(rng)
    lines.insert(
        rng.randrange(len(lines) + 1), rng.choice(("", "# ", "|", "目录\n")) + run + rng.choice(("", "7", "|"))
    )
    return f"insert a run of {run[:6]!r}"


def _word_line(rng: random.Random, lines: list[str]) -> str:
    words = "".join(rng.choice(_WORDS + _ODD) for _ in range(rng.randint(1, 6)))
    lines.insert(rng.randrange(len(lines) + 1), words)
    return "insert words"


def _figure(rng: random.Random, lines: list[str]) -> str:
    candidates = [i for i, line in enumerate(lines) if any(c.isdigit() for c in line)]
    if not candidates:
        return _word_line(rng, lines)
    index = rng.choice(candidates)
    line = lines[index]
    digits = [i for i, c in enumerate(line) if c.isdigit()]
    at = rng.choice(digits)
    end = at
    while end < len(line) and (line[end].isdigit() or line[end] in ".,"):
        end += 1
    lines[index] = line[:at] + rng.choice(_NUMBERS)(rng) + line[end:]
    return "replace a figure"


def _split(rng: random.Random, lines: list[str]) -> str:
    index = rng.randrange(len(lines))
    at = rng.randint(0, len(lines[index]))
    lines[index : index + 1] = [lines[index][:at], lines[index][at:]]
    return "split a line"


def _html_open(rng: random.Random, lines: list[str]) -> str:
    tag = rng.choice(_HTML_OPEN)
    lines.insert(rng.randrange(len(lines) + 1), tag * rng.choice((1, 1, 300, 10_000)))
    return f"leave {tag} open"


def _html_spans(rng: random.Random, lines: list[str]) -> str:
    attribute = rng.choice(("colspan", "rowspan"))
    lines.insert(
        rng.randrange(len(lines) + 1),
        f'<table><tr><td {attribute}="{rng.choice((1000, 65534, 10**9))}">1</td></tr></table>',
    )
    return f"huge {attribute}"


_LINE_MUTATIONS: dict[str, tuple[Callable[[random.Random, list[str]], str], ...]] = {
    "text": (_delete, _repeat, _swap, _run_line, _word_line, _figure, _figure, _split),
    "markdown": (_delete, _repeat, _swap, _run_line, _word_line, _figure, _figure, _split, _html_open),
    "html": (_delete, _repeat, _swap, _run_line, _word_line, _figure, _figure, _split, _html_open, _html_spans),
}


def _bytes_mutation(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    choice = rng.randrange(5)
    if choice == 0:
        return data[: rng.randrange(len(data) + 1)], "truncate"
    if choice == 1:
        text = data.decode("utf-8", errors="replace")
        encoding = rng.choice(("utf-16", "utf-16-be", "utf-32", "gb18030", "utf-8-sig"))
        return text.encode(encoding, errors="replace"), f"re-encode as {encoding}"
    if choice == 2:
        at = rng.randrange(len(data) + 1)
        return data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at:], "insert binary"
    if choice == 3:
        return data.replace(b"\n", rng.choice((b"\r\n", b"\r"))), "change line endings"
    return data.replace(b"\n", b"\n" * rng.choice((2, 50))), "space lines out"


def mutants(data: bytes, format: str, count: int, seed: int = 0) -> Iterator[Mutant]:
    """``count`` damaged variants of ``data`` (a document in ``format``: text, markdown, html or
    pdf, see :mod:`.pdf_mutants`), the same for the same ``seed``."""
    rng = random.Random(seed)
    if format == "pdf":
        for _ in range(count):
            damaged, mutations_done = mutate_pdf(rng, data)
            yield Mutant(damaged, format, mutations_done)
        return
    mutations = _LINE_MUTATIONS[format]
    for _ in range(count):
        done: list[str] = []
        lines = _lines(data) or [""]
        for _ in range(rng.choice((1, 1, 2))):
            if not lines:
                lines = [""]
            done.append(rng.choice(mutations)(rng, lines))
        mutated = _join(lines)
        if rng.random() < 0.15:
            mutated, what = _bytes_mutation(rng, mutated)
            done.append(what)
        yield Mutant(mutated, format, tuple(done))


# -- the campaign -------------------------------------------------------------------------------------

OK, REFUSED, INTERNAL, BREACH, INVALID = "parsed", "refused", "internal error", "limit breached", "schema invalid"
DEFECTS = (INTERNAL, BREACH, INVALID)
SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html", "pdf": ".pdf"}


def _parse_and_validate(data: bytes, name: str, engine: str) -> str:
    """Parse ``data`` (a PDF with ``engine``) and check its JSON against the schema; the
    outcome's name (run in a child)."""
    document = parse(data, name=name, pdf_engine=engine)
    stream = io.StringIO()
    write_json([document], stream)
    return INVALID if _schema_errors(json.loads(stream.getvalue())) else OK


def _schema_errors(instance: object) -> list[str]:
    """What the schema says is wrong with ``instance``, by jsonschema (the reference), asked only
    when fastjsonschema (compiled, 8x faster) finds something or is not installed."""
    fast, reference = _validator()
    if fast is not None:
        try:
            fast(instance)
            return []
        except Exception:  # fastjsonschema.JsonSchemaException: let the reference say what
            pass
    return [error.message for error in reference.iter_errors(instance)] if reference is not None else []


@functools.lru_cache(maxsize=1)  # read and checked once in the campaign, inherited by every child
def _validator() -> tuple[Any, Any]:
    schema = json.loads(spec_text("document.schema.json"))
    try:
        from jsonschema import Draft202012Validator
    except ImportError:  # pragma: no cover - the test extra has it
        return None, None
    try:
        import fastjsonschema
    except ImportError:  # pragma: no cover - the test extra has it
        return None, Draft202012Validator(schema)
    # the keywords the schema uses mean the same in draft 7; formats are not asserted in 2020-12
    return fastjsonschema.compile(schema, use_formats=False), Draft202012Validator(schema)


def classify(outcome: object) -> str:
    """The kind of a campaign outcome: what the child returned, or the error that stopped it."""
    if isinstance(outcome, str):
        return outcome
    if isinstance(outcome, InternalError):
        return INTERNAL
    if isinstance(outcome, LimitError) and ("took more than" in outcome.reason or "MiB of memory" in outcome.reason):
        return BREACH
    return REFUSED if isinstance(outcome, GongkaiError) else INTERNAL


def campaign(
    inputs: Iterable[Mutant],
    budget: Budget,
    jobs: int = 1,
    save: Optional[Path] = None,
    engine: str = "pdfminer",
) -> tuple[Counter[str], list[tuple[Mutant, str, str]]]:
    """Parse every mutant (PDFs with ``engine``) in a child under ``budget``: the count of each
    kind of outcome, and the defects (mutant, kind, message), saved under ``save`` when given.
    Mutants are taken as children free up, so that a long campaign holds only those running."""
    _validator()  # before the children are forked, so that each inherits it
    children = Children(jobs, budget)
    tally: Counter[str] = Counter()
    defects: list[tuple[Mutant, str, str]] = []
    pending = iter(enumerate(inputs))
    running: dict[int, Mutant] = {}
    while True:
        while len(running) < jobs and (item := next(pending, None)) is not None:
            index, mutant = item
            name = f"mutant-{index}{SUFFIX[mutant.format]}"
            children.start(index, name, _parse_and_validate, mutant.data, name, engine)
            running[index] = mutant
        if not running:
            break
        finished, outcome = children.next()
        index = int(finished)  # type: ignore[call-overload]
        mutant = running.pop(index)
        kind = classify(outcome)
        tally[kind] += 1
        if kind in DEFECTS:
            defects.append((mutant, kind, str(outcome)))
            if save is not None:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"mutant-{index}{SUFFIX[mutant.format]}").write_bytes(mutant.data)
    return tally, defects


def seed_documents(format: str) -> list[bytes]:
    """The documents mutated, in ``format``: the five seeds of the repository's tests/fixtures
    when run from a source tree, else the sample disclosure shipped with gongkai."""
    fixtures = Path(__file__).resolve().parents[3] / "tests" / "fixtures"
    seeds = sorted(fixtures.glob("*.txt")) or [sample_path()]
    if format == "text":
        return [seed.read_bytes() for seed in seeds]
    renderer = Registry.collect(default_plugin_manager()).renderer(format)
    return [renderer.render(lay_out(parse(seed), None)) for seed in seeds]


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gongkai.testing.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="mutants per format (default: 1000)")
    parser.add_argument("--formats", nargs="+", default=["text", "markdown", "html"], choices=sorted(SUFFIX))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds a mutant may take (default: 30)")
    parser.add_argument("--max-memory", type=int, default=1024, help="MiB a mutant may take (default: 1024)")
    parser.add_argument("--save", type=Path, help="write the mutants that show a defect into this folder")
    parser.add_argument("--pdf-engine", default="pdfminer", help="the engine that reads the PDF mutants")
    args = parser.parse_args(argv)
    quiet_libraries()
    failures = 0
    for format in args.formats:
        documents = seed_documents(format)
        per_seed = args.count // len(documents) + 1
        inputs = itertools.islice(
            (
                mutant
                for number, data in enumerate(documents)
                for mutant in mutants(data, format, per_seed, seed=args.seed * 1000 + number)
            ),
            args.count,
        )
        budget = Budget(args.timeout, args.max_memory)
        tally, defects = campaign(inputs, budget, args.jobs, args.save, args.pdf_engine)
        counts = ", ".join(f"{kind} {tally[kind]}" for kind in (OK, REFUSED, *DEFECTS))
        print(f"{format}: {sum(tally.values())} mutants: {counts}")
        for mutant, kind, message in defects[:20]:
            print(f"  {kind}: {' + '.join(mutant.done)}: {message[:200]}")
        failures += len(defects)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
