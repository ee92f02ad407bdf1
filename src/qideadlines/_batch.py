"""Many incidents at once: rows in, one row out per row in, nothing lost.

Each row is computed on its own, through the same computation as a report
without its prose; a row that cannot be computed keeps its place with its
error in the ``error`` column, and the rest go on. Rows are streamed: memory
does not grow with the input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

from ._api import compute_deadlines, ruleset
from ._enums import Track
from ._errors import QiDeadlinesError
from ._inputs import Facts, cell_date, cell_facts, make_facts, parse_tracks, require_date
from ._models import DeadlineReport
from ._names import DATE_FACTS
from ._periods import status_on
from ._readings import due_dates
from ._registry import BatchRole
from ._ruleset import RuleSet

__all__ = [
    "BATCH_COLUMNS",
    "FACT_COLUMNS",
    "batch_columns",
    "compute_batch",
    "row_report",
]

#: Input columns the batch understands besides the two it requires: the keywords of
#: `compute_deadlines`, with ``defendant`` for its ``defendants``.
FACT_COLUMNS: Final = ("defendant", "locality", "claim", *DATE_FACTS, "prisoner", "today")
#: Columns every output row gains after the input's own, besides one per track.
BATCH_COLUMNS: Final = ("next_track", "next_due", "days_remaining", "error")
_FACTS: Final = frozenset(FACT_COLUMNS) - {"today"}
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
    return None if _blank(value) else cell_date(value, "today")


def _one(row: Mapping[str, object], rules: RuleSet, tracks: tuple[Track, ...]) -> dict[str, str]:
    code = rules.code(row.get("jurisdiction") or "")
    incident = require_date(cell_date(row.get("incident_date"), "incident_date"), "incident_date")
    facts = _facts(row, incident)
    today = _today(row)
    out: dict[str, str] = {}
    best: tuple[dt.date, str] | None = None
    for spec, _, due in due_dates(rules, code, incident, facts, tracks):
        column = f"due_{spec.track.value}"
        if column not in out or due.isoformat() < out[column]:
            out[column] = due.isoformat()
        if spec.batch is BatchRole.DEADLINE and (today is None or due >= today):
            key = (due, spec.track.value)
            best = key if best is None or key < best else best
    if best is not None:
        out["next_track"] = best[1]
        out["next_due"] = best[0].isoformat()
        if today is not None:
            out["days_remaining"] = str(status_on(best[0], today)[0])
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


def compute_batch(
    rows: Iterable[Mapping[str, object]],
    *,
    tracks: Iterable[object] | None = None,
    rules: RuleSet | None = None,
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
    deadline that is the caller's, on or after ``today`` if given),
    ``days_remaining`` and ``error``. A row that cannot be computed keeps its
    place, with its one-line error.

    Raises:
        InvalidFactError: a requested track id is unknown, or `rules` is not a
            `RuleSet` (before any row is read).

    Example:
        >>> rows = [{"jurisdiction": "CO", "incident_date": "2024-03-15"},
        ...         {"jurisdiction": "XX", "incident_date": "2024-03-15"}]
        >>> [r["due_section_1983"] for r in compute_batch(rows, tracks=["section_1983"])]
        ['2026-03-16', '']
    """
    wanted = parse_tracks(tracks)
    rules_ = ruleset(rules)
    blank = dict.fromkeys([f"due_{t.value}" for t in wanted] + list(BATCH_COLUMNS), "")
    for row in rows:
        out: dict[str, Any] = dict(row)
        try:
            out |= blank | _one(row, rules_, wanted)
        except QiDeadlinesError as exc:
            out |= blank | {"error": str(exc)}
        yield out
