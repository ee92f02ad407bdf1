"""Many incidents at once: rows in, one row out per row in, nothing lost.

Each row is computed on its own; a row that cannot be computed keeps its place
with its error in the ``error`` column, and the rest go on. Rows are streamed:
memory does not grow with the input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

from ._api import _defendants, _require_date, compute_deadlines, make_facts, status_on
from ._data import RuleSet, load_rules
from ._errors import InvalidDateError, InvalidFactError, QiDeadlinesError
from ._facts import DATE_FACTS
from ._models import DeadlineReport, Track
from ._tracks import Facts, due_dates

__all__ = [
    "BATCH_COLUMNS",
    "FACT_COLUMNS",
    "batch_columns",
    "compute_batch",
    "parse_tracks",
    "row_report",
]

#: Input columns the batch understands besides the two it requires: the keywords of
#: `compute_deadlines`, with ``defendant`` for its ``defendants``.
FACT_COLUMNS: Final = ("defendant", "locality", "claim", *DATE_FACTS, "prisoner", "today")
#: Columns every output row gains after the input's own, besides one per track.
BATCH_COLUMNS: Final = ("next_track", "next_due", "days_remaining", "error")
_TRUE: Final = frozenset({"yes", "y", "true", "1"})
_FALSE: Final = frozenset({"", "no", "n", "false", "0"})
_SPLIT: Final = re.compile(r"[;,|\s]+")


def parse_tracks(value: Iterable[Track | str] | None) -> tuple[Track, ...]:
    """Track ids in the library's order; every track by default.

    Raises:
        InvalidFactError: an id that is not a track.

    Example:
        >>> parse_tracks(["bivens", "section_1983"])
        (<Track.SECTION_1983: 'section_1983'>, <Track.BIVENS: 'bivens'>)
    """
    if value is None:
        return tuple(Track)
    wanted: set[Track] = set()
    for item in value:
        try:
            wanted.add(Track(item.strip() if isinstance(item, str) else item))
        except ValueError:
            known = ", ".join(t.value for t in Track)
            msg = f"track {item!r} is not one of: {known}."
            raise InvalidFactError(msg) from None
    return tuple(t for t in Track if t in wanted)


def batch_columns(input_columns: Iterable[str], tracks: tuple[Track, ...]) -> list[str]:
    """The output header: the input's columns, a due date per track, then the summary.

    Example:
        >>> batch_columns(["jurisdiction", "incident_date"], (Track.SECTION_1983,))[:4]
        ['jurisdiction', 'incident_date', 'due_section_1983', 'next_track']
    """
    columns = list(input_columns)
    extra = [f"due_{t.value}" for t in tracks] + list(BATCH_COLUMNS)
    return columns + [c for c in extra if c not in columns]


def _date(value: str, column: str) -> dt.date:
    text = value.strip()
    msg = f"{column} {value!r} is not a date; use YYYY-MM-DD, for example 2024-03-15."
    # fromisoformat alone would also take 20240315 and 2024-W11-5.
    if len(text) != 10 or text[4] != "-" or text[7] != "-":  # noqa: PLR2004
        raise InvalidDateError(msg)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidDateError(msg) from None


_EVERYONE: Final = _defendants(None)
_COLUMN: Final = {t: f"due_{t.value}" for t in Track}
_FACTS: Final = frozenset(FACT_COLUMNS) - {"today"}


def _flag(value: str, column: str) -> bool:
    text = value.strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    msg = f"{column} {value!r} is not yes or no."
    raise InvalidFactError(msg)


def _fact_kwargs(row: Mapping[str, str]) -> dict[str, Any]:
    """The `compute_deadlines` keywords a row's fact columns give."""
    raw_defendants = (row.get("defendant") or "").strip()
    kwargs: dict[str, Any] = {
        column: _date(text, column)
        for column in DATE_FACTS
        if (text := (row.get(column) or "").strip())
    }
    kwargs["defendants"] = (
        [d for d in _SPLIT.split(raw_defendants) if d] if raw_defendants else None
    )
    kwargs["locality"] = row.get("locality") or ""
    kwargs["claim"] = (row.get("claim") or "").strip() or None
    kwargs["prisoner"] = _flag(row.get("prisoner") or "", "prisoner")
    return kwargs


def _facts(row: Mapping[str, str], incident: dt.date) -> Facts:
    if _FACTS.isdisjoint(row) or not any((row.get(c) or "").strip() for c in _FACTS):
        return Facts(_EVERYONE, "", None)
    return make_facts(incident, **_fact_kwargs(row))[0]


def _one(row: Mapping[str, str], rules: RuleSet, tracks: tuple[Track, ...]) -> dict[str, str]:
    code = rules.code(row.get("jurisdiction") or "")
    incident = _require_date(
        _date(row.get("incident_date") or "", "incident_date"), "incident_date"
    )
    dues = due_dates(rules, code, incident, _facts(row, incident), tracks)
    out = {_COLUMN[t]: dues[t].isoformat() if t in dues else "" for t in tracks}
    today_text = (row.get("today") or "").strip()
    today = _date(today_text, "today") if today_text else None
    best: tuple[dt.date, Track] | None = None
    for track, due in dues.items():
        if track is not Track.CRIMINAL_242 and (today is None or due >= today):
            best = (
                (due, track)
                if best is None or (due, track.value) < (best[0], best[1].value)
                else best
            )
    if best is not None:
        due, track = best
        out["next_track"] = track.value
        out["next_due"] = due.isoformat()
        if today is not None:
            out["days_remaining"] = str(status_on(due, today)[0])
    return out


def row_report(row: Mapping[str, str], rules: RuleSet | None = None) -> DeadlineReport:
    """The full report for one batch row, read exactly as `compute_batch` reads it.

    Raises:
        QiDeadlinesError: the row cannot be computed (the batch's ``error``).

    Example:
        >>> row_report({"jurisdiction": "OR", "incident_date": "1998-08-14"}).deadlines[0].due
        datetime.date(2000, 8, 14)
    """
    ruleset = rules if rules is not None else load_rules()
    code = ruleset.code(row.get("jurisdiction") or "")
    incident = _date(row.get("incident_date") or "", "incident_date")
    today_text = (row.get("today") or "").strip()
    return compute_deadlines(
        code,
        incident,
        today=_date(today_text, "today") if today_text else None,
        rules=ruleset,
        **_fact_kwargs(row),
    )


def compute_batch(
    rows: Iterable[Mapping[str, str]],
    *,
    tracks: Iterable[Track | str] | None = None,
    rules: RuleSet | None = None,
) -> Iterator[dict[str, str]]:
    """Compute the due date of every track for each row, one output row per input row.

    Input rows need ``jurisdiction`` and ``incident_date`` (YYYY-MM-DD); the
    optional fact columns are ``defendant`` (local, state, federal, separated by
    ``;``), ``locality``, ``claim``, the dates ``denial_date``, ``accrual_date``,
    ``legal_process_date``, ``favorable_termination_date``,
    ``conviction_invalidated_date``, ``birth_date``, ``exhaustion_start`` and
    ``exhaustion_end``, ``prisoner`` (yes/no) and ``today``: the keywords of
    `compute_deadlines`. Every input column is
    kept; each output row adds ``due_<track>`` for each track (empty where the
    track does not apply), ``next_track`` and ``next_due`` (the earliest
    deadline that is the caller's, on or after ``today`` if given),
    ``days_remaining`` and ``error``. A row that cannot be computed keeps its
    place, with its one-line error.

    Raises:
        InvalidFactError: a requested track id is unknown (before any row is read).

    Example:
        >>> rows = [{"jurisdiction": "CO", "incident_date": "2024-03-15"},
        ...         {"jurisdiction": "XX", "incident_date": "2024-03-15"}]
        >>> [r["due_section_1983"] for r in compute_batch(rows, tracks=["section_1983"])]
        ['2026-03-16', '']
    """
    wanted = parse_tracks(tracks)
    ruleset = rules if rules is not None else load_rules()
    blank = dict.fromkeys([f"due_{t.value}" for t in wanted] + list(BATCH_COLUMNS), "")
    for row in rows:
        out = dict(row)
        try:
            out |= blank | _one(row, ruleset, wanted)
        except QiDeadlinesError as exc:
            out |= blank | {"error": str(exc)}
        yield out
