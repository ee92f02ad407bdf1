"""Many incidents at once: rows in, one row out per row in, nothing lost.

Each row is computed on its own, through the same computation as a report
without its prose; a row that cannot be computed keeps its place with its
error in the ``error`` column, and the rest go on. Rows are streamed: memory
does not grow with the input.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

from ._api import compute_deadlines, ruleset
from ._enums import Track
from ._errors import QiDeadlinesError
from ._inputs import (
    EARLIEST_INCIDENT,
    EARLIEST_TODAY,
    LATEST_INCIDENT,
    Facts,
    cell_date,
    cell_facts,
    make_facts,
    parse_tracks,
    require_date,
)
from ._models import DeadlineReport
from ._names import DATE_FACTS
from ._periods import status_on
from ._plan import plan_for, roll_dues
from ._ruleset import RuleSet

__all__ = [
    "BATCH_COLUMNS",
    "FACT_COLUMNS",
    "batch_columns",
    "compute_batch",
    "default_jobs",
    "row_report",
]

#: Input columns the batch understands besides the two it requires: the keywords of
#: `compute_deadlines`, with ``defendant`` for its ``defendants``.
FACT_COLUMNS: Final = (
    "defendant",
    "sued",
    "locality",
    "claim",
    *DATE_FACTS,
    "prisoner",
    "today",
)
#: Columns every output row gains after the input's own, besides one per track.
BATCH_COLUMNS: Final = ("next_track", "next_due", "days_remaining", "error")
_FACTS: Final = frozenset(FACT_COLUMNS) - {"today"}
_COLUMN: Final = {track.value: f"due_{track.value}" for track in Track}
_DEFAULT: Final = Facts()


def batch_columns(input_columns: Iterable[str], tracks: Iterable[object]) -> list[str]:
    """The output header: the input's columns, a due date per track, then the summary.

    Example:
        >>> batch_columns(["jurisdiction", "incident_date"], ["section_1983"])[:4]
        ['jurisdiction', 'incident_date', 'due_section_1983', 'next_track']
    """
    columns = list(input_columns)
    extra = [f"due_{t.value}" for t in parse_tracks(tracks)] + list(BATCH_COLUMNS)
    return columns + [c for c in extra if c not in columns]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _facts(row: Mapping[str, object], incident: dt.date) -> Facts:
    if _FACTS.isdisjoint(row) or all(_blank(row.get(c)) for c in _FACTS):
        return _DEFAULT
    return make_facts(incident, **cell_facts(row))


def _today(row: Mapping[str, object]) -> dt.date | None:
    value = row.get("today")
    if _blank(value):
        return None
    # The same range `compute_deadlines` accepts, so every row is computed alike.
    return require_date(cell_date(value, "today"), "today", earliest=EARLIEST_TODAY)


def _one(row: Mapping[str, object], rules: RuleSet, tracks: tuple[Track, ...]) -> dict[str, str]:
    code = rules.code(row.get("jurisdiction") or "")
    incident = cell_date(row.get("incident_date"), "incident_date")
    if not EARLIEST_INCIDENT <= incident <= LATEST_INCIDENT:
        require_date(incident, "incident_date")
    facts = _facts(row, incident)
    rules.check_locality(code, facts.locality)
    today = _today(row)
    plan = plan_for(rules, code, incident, facts, tracks)
    get = roll_dues(plan, incident, facts).__getitem__
    out = {_COLUMN[track]: min(map(get, rolls)).isoformat() for track, rolls in plan.tracks}
    found = [(min(map(get, rolls)), track) for track, rolls in plan.deadlines]
    if today is not None:
        found = [pair for pair in found if pair[0] >= today]
    if found:
        due, track = min(found)
        out["next_track"] = track
        out["next_due"] = due.isoformat()
        if today is not None:
            out["days_remaining"] = str(status_on(due, today)[0])
    return out


def row_report(row: Mapping[str, object], rules: RuleSet | None = None) -> DeadlineReport:
    """The full report for one batch row, read exactly as `compute_batch` reads it.

    Raises:
        QiDeadlinesError: the row cannot be computed (the batch's ``error``).

    Example:
        >>> row_report({"jurisdiction": "OR", "incident_date": "1998-08-14"}).deadlines[0].due
        datetime.date(2000, 8, 14)
    """
    rules_ = ruleset(rules)
    code = rules_.code(row.get("jurisdiction") or "")
    incident = cell_date(row.get("incident_date"), "incident_date")
    return compute_deadlines(
        code,
        incident,
        today=_today(row),
        rules=rules_,
        **cell_facts(row),  # type: ignore[arg-type]
    )


def _sequential(
    rows: Iterable[Mapping[str, object]], rules: RuleSet, wanted: tuple[Track, ...]
) -> Iterator[dict[str, Any]]:
    blank = dict.fromkeys([f"due_{t.value}" for t in wanted] + list(BATCH_COLUMNS), "")
    for row in rows:
        try:
            yield {**row, **blank, **_one(row, rules, wanted)}
        except QiDeadlinesError as exc:
            yield {**row, **blank, "error": str(exc)}


#: Rows a worker process computes at a time, and chunks in flight per worker.
_CHUNK: Final = 2048
_AHEAD: Final = 2
#: What a forked worker computes with: set before the fork, so it is never pickled.
_WORK: list[tuple[RuleSet, tuple[Track, ...]]] = []


def _quiet() -> None:
    import signal

    # Ctrl-C stops the parent, which ends the workers; they need not say so too.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(chunk: list[Mapping[str, object]]) -> list[dict[str, Any]]:
    rules, wanted = _WORK[0]
    return list(_sequential(chunk, rules, wanted))


def _parallel(
    rows: Iterable[Mapping[str, object]], rules: RuleSet, wanted: tuple[Track, ...], jobs: int
) -> Iterator[dict[str, Any]]:
    """The same rows as `_sequential`, in order, computed by this process and `jobs - 1` forks.

    This process also reads and writes every row, so it computes one chunk in
    every ``2 * jobs - 1`` and the workers the rest; a few chunks per worker
    are read ahead so they never wait, and no more, so memory stays flat
    however long the input.
    """
    import collections
    import itertools
    import multiprocessing

    _WORK[:] = [(rules, wanted)]
    source = iter(rows)
    count = itertools.count()
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs - 1, initializer=_quiet) as pool:
        window: collections.deque[tuple[list[Mapping[str, object]], Any]] = collections.deque()

        def fill() -> None:
            while len(window) < _AHEAD * jobs and (chunk := list(itertools.islice(source, _CHUNK))):
                mine = next(count) % (2 * jobs - 1) == 0
                window.append((chunk, None if mine else pool.apply_async(_work, (chunk,))))

        fill()
        while window:
            chunk, result = window.popleft()
            fill()
            if result is None:
                yield from _sequential(chunk, rules, wanted)
            else:
                yield from result.get()


def default_jobs() -> int:
    """How many processes a large batch uses: two where two cores are free to it, else one.

    Worker processes are forked, which only Linux does safely for every library here.

    Example:
        >>> default_jobs() in {1, 2}
        True
    """
    import os

    if not sys.platform.startswith("linux"):
        return 1
    return min(2, len(os.sched_getaffinity(0)))


def compute_batch(
    rows: Iterable[Mapping[str, object]],
    *,
    tracks: Iterable[object] | None = None,
    rules: RuleSet | None = None,
    jobs: int = 1,
) -> Iterator[dict[str, Any]]:
    """Compute the due date of every track for each row, one output row per input row.

    Input rows need ``jurisdiction`` and ``incident_date``; the optional fact
    columns are ``defendant`` (local, state, federal, separated by ``;``),
    ``locality``, ``claim``, the dates ``denial_date``, ``accrual_date``,
    ``legal_process_date``, ``favorable_termination_date``,
    ``conviction_invalidated_date``, ``birth_date``, ``exhaustion_start`` and
    ``exhaustion_end``, ``prisoner`` (yes/no) and ``today``: the keywords of
    `compute_deadlines`. A cell may be text (dates as YYYY-MM-DD) or the
    natural Python value (a `datetime.date`, a bool). Every input column is
    kept; each output row adds ``due_<track>`` for each track (empty where the
    track does not apply), ``next_track`` and ``next_due`` (the earliest
    deadline that is the caller's and not yet past on ``today`` if given,
    across every defendant), ``days_remaining`` and ``error``. A row that
    cannot be computed keeps its place, with its one-line error.

    Args:
        rows: the input rows, read lazily.
        tracks: compute only these track ids; all by default.
        rules: rules loaded with `load_rules`; the packaged ones by default.
        jobs: processes to compute with. Above 1 (on Linux), rows are sent in
            chunks to forked workers and come back in order; the rows must
            then be picklable (text, dates and bools are).

    Raises:
        InvalidFactError: a requested track id is unknown, or `rules` is not a
            `RuleSet` (before any row is read).

    Example:
        >>> rows = [{"jurisdiction": "CO", "incident_date": "2024-03-15"},
        ...         {"jurisdiction": "XX", "incident_date": "2024-03-15"}]
        >>> [r["due_section_1983"] for r in compute_batch(rows, tracks=["section_1983"])]
        ['2026-03-15', '']
    """
    wanted = parse_tracks(tracks)
    rules_ = ruleset(rules)
    if jobs > 1 and sys.platform.startswith("linux"):
        return _parallel(rows, rules_, wanted, jobs)
    return _sequential(rows, rules_, wanted)
