"""Reading and checking the CSV rules files: each problem a `RuleDataError` with its place.

Imported only when CSV files are validated (a rules file of your own, a
source checkout without its prebuilt file, the build of the prebuilt file).
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Final, TypeVar

from pydantic import BaseModel, ValidationError

from ._daylists import parse_date_rule
from ._enums import (
    CalendarKind,
    Claim,
    Defendant,
    Role,
    RunsFrom,
    Scope,
    TollingEffect,
    TollingKind,
    Track,
)
from ._errors import RuleDataError
from ._files import FileProblem, csv_rows, open_text
from ._jurisdictions import CODES, NAMES
from ._periods import MAX_ROLL
from ._registry import REGISTRY, Accrual, RowSource, TollingReach
from ._rows import AccrualRow, CalendarRow, RuleRow, TollingRow
from ._ruleset import RuleSet

__all__ = [
    "ACCRUAL_COLUMNS",
    "CALENDAR_COLUMNS",
    "RULE_COLUMNS",
    "TOLLING_COLUMNS",
    "load_files",
    "read_rows",
    "write_rows",
]

RULE_COLUMNS: Final = tuple(RuleRow.model_fields)
ACCRUAL_COLUMNS: Final = tuple(AccrualRow.model_fields)
CALENDAR_COLUMNS: Final = tuple((f.alias or name) for name, f in CalendarRow.model_fields.items())
TOLLING_COLUMNS: Final = tuple(TollingRow.model_fields)
#: Tolling the library can apply from a birth date alone.
_COMPUTED: Final = frozenset({TollingEffect.SUSPEND, TollingEffect.GRACE})
_WEEK_WORDS: Final = frozenset({"saturday", "sunday", "holiday"})
#: The largest rules file read: a hundred times today's, far below memory trouble.
_MAX_BYTES: Final = 64 << 20

RowT = TypeVar("RowT", RuleRow, CalendarRow, TollingRow, AccrualRow)
_COLUMNS: Final[dict[type[BaseModel], tuple[str, ...]]] = {
    RuleRow: RULE_COLUMNS,
    CalendarRow: CALENDAR_COLUMNS,
    TollingRow: TOLLING_COLUMNS,
    AccrualRow: ACCRUAL_COLUMNS,
}


def _first_error(error: ValidationError) -> tuple[str | None, str]:
    detail = error.errors(include_url=False)[0]
    column = str(detail["loc"][0]) if detail["loc"] else None
    if column == "from_":
        column = "from"
    return column, f"{detail['msg']} (got {detail.get('input')!r})."


def read_rows(path: Path, model: type[RowT]) -> list[tuple[int, RowT]]:
    """Parse one CSV file into models, with the line each came from.

    Raises:
        RuleDataError: naming the file, line and column of the first problem.

    Example:
        >>> from qideadlines._data import default_paths
        >>> rows = read_rows(default_paths()[0], RuleRow)
        >>> rows[0][0]
        2
    """
    expected = _COLUMNS[model]
    try:
        handle = open_text(path, limit=_MAX_BYTES)
    except FileProblem as problem:
        raise RuleDataError(path, None, None, problem.message) from None
    rows: list[tuple[int, RowT]] = []
    with handle:
        records = csv_rows(handle, encoding_hint="rules files are UTF-8")
        try:
            first = next(records, None)
            if first is None:
                raise RuleDataError(path, 1, None, "the file is empty; it needs a header row.")
            header = first[1]
            _check_header(path, header, expected)
            for line, cells in records:
                if any(c.strip() for c in cells):
                    rows.append((line, _row(path, line, model, header, cells)))
        except FileProblem as problem:
            raise RuleDataError(path, problem.line, None, problem.message) from None
    return rows


def _check_header(path: Path, header: list[str], expected: tuple[str, ...]) -> None:
    seen: set[str] = set()
    for name in header:
        if name not in expected:
            msg = f"unknown column; the columns are {', '.join(expected)}."
            raise RuleDataError(path, 1, name, msg)
        if name in seen:
            raise RuleDataError(path, 1, name, "this column appears twice.")
        seen.add(name)
    for name in expected:
        if name not in seen:
            raise RuleDataError(path, 1, name, "this column is missing.")


def _row(path: Path, line: int, model: type[RowT], header: list[str], cells: list[str]) -> RowT:
    if len(cells) != len(header):
        msg = f"has {len(cells)} cells; the header has {len(header)}."
        raise RuleDataError(path, line, None, msg)
    try:
        return model.model_validate(dict(zip(header, cells, strict=True)))
    except ValidationError as exc:
        column, msg = _first_error(exc)
        raise RuleDataError(path, line, column, msg) from None


def write_rows(rows: Sequence[BaseModel], path: Path) -> None:
    """Write models back to CSV in the column order of their file.

    Example:
        >>> import tempfile
        >>> from qideadlines._data import default_paths
        >>> out = Path(tempfile.mkdtemp()) / "rules.csv"
        >>> write_rows([row for _, row in read_rows(default_paths()[0], RuleRow)], out)
    """
    columns = _COLUMNS[type(rows[0])] if rows else RULE_COLUMNS
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            dumped = row.model_dump(mode="json", by_alias=True)
            writer.writerow([_cell(dumped[c]) for c in columns])


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return value


def _check_windows(path: Path, rows: list[tuple[int, RuleRow | CalendarRow]], what: str) -> None:
    """Require contiguous, non-overlapping windows that cover all time."""

    def start(row: RuleRow | CalendarRow) -> dt.date:
        begin = row.accrual_from if isinstance(row, RuleRow) else row.from_
        return begin or dt.date.min

    def end(row: RuleRow | CalendarRow) -> dt.date | None:
        return row.accrual_to if isinstance(row, RuleRow) else row.to

    first_col = "accrual_from" if isinstance(rows[0][1], RuleRow) else "from"
    last_col = "accrual_to" if isinstance(rows[0][1], RuleRow) else "to"
    ordered = sorted(rows, key=lambda pair: start(pair[1]))
    line, first = ordered[0]
    if start(first) != dt.date.min:
        msg = f"the first window of {what} must have an empty {first_col} (open start)."
        raise RuleDataError(path, line, first_col, msg)
    for (prev_line, prev), (line, row) in itertools.pairwise(ordered):
        prev_end = end(prev)
        if prev_end is None:
            msg = f"overlaps the open-ended window of {what} on line {prev_line}."
            raise RuleDataError(path, line, first_col, msg)
        expected = prev_end + dt.timedelta(days=1)
        if start(row) != expected:
            kind = "overlaps" if start(row) < expected else "leaves a gap after"
            msg = f"{kind} the window of {what} on line {prev_line}; it must start on {expected}."
            raise RuleDataError(path, line, first_col, msg)
    line, last = ordered[-1]
    if end(last) is not None:
        msg = f"the last window of {what} must have an empty {last_col} (open end)."
        raise RuleDataError(path, line, last_col, msg)


def _check_row(path: Path, line: int, row: RuleRow) -> None:
    """Checks across the columns of one rule row."""
    if row.accrual_from and row.accrual_to and row.accrual_to < row.accrual_from:
        msg = f"ends ({row.accrual_to}) before it starts ({row.accrual_from})."
        raise RuleDataError(path, line, "accrual_to", msg)
    has_period = row.period_value is not None, row.period_unit is not None
    if row.role is Role.NONE:
        if any(has_period):
            msg = "a 'none' row says no deadline applies, so it has no period."
            raise RuleDataError(path, line, "period_value", msg)
    else:
        for column, present in zip(("period_value", "period_unit"), has_period, strict=True):
            if not present:
                raise RuleDataError(path, line, column, f"a {row.role} row needs a period.")
        if row.runs_from is None:
            msg = (
                "say what the period runs from: incident, accrual, denial, presentation or "
                "suit_deadline."
            )
            raise RuleDataError(path, line, "runs_from", msg)
    if (row.waiting_value is None) != (row.waiting_unit is None):
        raise RuleDataError(path, line, "waiting_unit", "give both waiting_value and waiting_unit.")
    _bounded(path, line, "period_value", row.period_value, row.period_unit)
    _bounded(path, line, "waiting_value", row.waiting_value, row.waiting_unit)
    _check_kinds(path, line, row)


#: The longest period the engine counts: incidents run to 2100 and dates to 9999, and no
#: limitation period comes near a century and a half.
_MAX_DAYS: Final = 150 * 366
_DAYS_PER: Final = {"years": 366, "months": 31, "days": 1}


def _bounded(path: Path, line: int, column: str, value: int | None, unit: object) -> None:
    if value is None or unit is None:
        return
    if value * _DAYS_PER[str(unit)] > _MAX_DAYS:
        msg = f"{value} {unit} is longer than the 150 years the engine counts."
        raise RuleDataError(path, line, column, msg)


def _check_kinds(path: Path, line: int, row: RuleRow) -> None:
    """Checks of a row against its track: where its rows come from, what it may run from."""
    spec = REGISTRY[row.track]
    if row.runs_from is RunsFrom.SUIT_DEADLINE:
        if spec.suit is None:
            msg = f"{row.track} precedes no suit, so nothing can be counted back from."
            raise RuleDataError(path, line, "runs_from", msg)
        if row.waiting_value is not None:
            msg = "a presentment counted back from the suit deadline has its wait as its period."
            raise RuleDataError(path, line, "waiting_value", msg)
    if row.sued is not None and row.defendant is Defendant.FEDERAL:
        msg = "federal officers are always sued as officers; leave sued empty."
        raise RuleDataError(path, line, "sued", msg)
    source = spec.rows
    federal = source is RowSource.FEDERAL
    if federal != (row.jurisdiction == "US"):
        msg = (
            f"{row.track} rows belong to jurisdiction US."
            if federal
            else f"only federal tracks use jurisdiction US, not {row.track}."
        )
        raise RuleDataError(path, line, "jurisdiction", msg)
    if source is RowSource.BORROWED:
        msg = f"{row.track} borrows the {REGISTRY[row.track].borrows} rows; it has none of its own."
        raise RuleDataError(path, line, "track", msg)


def _check_overlaps(
    path: Path, group: Sequence[tuple[int, RuleRow | TollingRow]], what: str
) -> None:
    ordered = sorted(group, key=lambda pair: pair[1].accrual_from or dt.date.min)
    for (prev_line, prev), (line, row) in itertools.pairwise(ordered):
        if prev.accrual_to is None or (row.accrual_from or dt.date.min) <= prev.accrual_to:
            msg = f"overlaps the window of {what} on line {prev_line}."
            raise RuleDataError(path, line, "accrual_from", msg)


def _validate_rules(path: Path, rows: list[tuple[int, RuleRow]]) -> None:
    coverage: dict[tuple[str, Track], list[tuple[int, RuleRow | CalendarRow]]] = defaultdict(list)
    same_rule: dict[tuple[str, Track, Defendant, str, Role, str], list[tuple[int, RuleRow]]]
    same_rule = defaultdict(list)
    for line, row in rows:
        _check_row(path, line, row)
        if REGISTRY[row.track].everywhere and row.role is Role.RULE:
            coverage[row.jurisdiction, row.track].append((line, row))
        elif row.role is not Role.ALTERNATIVE:
            same_rule[
                row.jurisdiction, row.track, row.defendant, row.locality, row.role, row.citation
            ].append((line, row))
    for (code, track), group in coverage.items():
        _check_windows(path, group, f"{code} {track}")
    for key, same in same_rule.items():
        _check_overlaps(path, same, f"{key[0]} {key[1]} ({key[5]})")
    for spec in REGISTRY.values():
        for code in CODES if spec.everywhere else ():
            if (code, spec.track) not in coverage:
                msg = (
                    f"no {spec.track} rule for {code} ({NAMES[code]}); every jurisdiction "
                    "needs one."
                )
                raise RuleDataError(path, None, "jurisdiction", msg)


def _check_computation(path: Path, line: int, row: CalendarRow) -> None:
    words = {w.rstrip("?") for w in row.rule.split()}
    if not words <= _WEEK_WORDS or len(words) != len(row.rule.split()):
        msg = (
            f"{row.rule!r} must name the days that move a last day, each once: some of holiday, "
            "saturday, sunday (with ? where the authorities are not settled), or none."
        )
        raise RuleDataError(path, line, "rule", msg)


def _check_holiday_row(path: Path, line: int, row: CalendarRow) -> None:
    if row.scope is not None:
        msg = "only a computation row says which deadlines it reaches; leave it empty."
        raise RuleDataError(path, line, "scope", msg)
    if row.kind not in {CalendarKind.REMOVE, CalendarKind.ADD, CalendarKind.CLOSURE}:
        return
    if not row.holiday:
        raise RuleDataError(path, line, "holiday", f"a {row.kind} row needs a holiday name.")
    if row.kind is not CalendarKind.REMOVE:
        try:
            parse_date_rule(row.rule)
        except ValueError as exc:
            raise RuleDataError(path, line, "rule", f"{exc}.") from None


def _check_closed_runs(path: Path, rows: list[tuple[int, CalendarRow]]) -> None:
    """No jurisdiction's added days, with every weekend, close `MAX_ROLL` days in a row.

    A last day is moved at most `MAX_ROLL` days; a longer run of closed days
    could not be computed, so it is refused here rather than at compute time.
    Each row is checked in the years it names, and dated rules in 2024 and 2025
    (a leap year and a common one).
    """
    days: dict[str, set[dt.date]] = defaultdict(set)
    lines: dict[tuple[str, dt.date], int] = {}
    for line, row in rows:
        if row.kind not in {CalendarKind.ADD, CalendarKind.CLOSURE}:
            continue
        rule = parse_date_rule(row.rule)
        years = {row.from_.year if row.from_ else 2024, row.to.year if row.to else 2025}
        once = row.rule.strip()[:4]
        if once.isdigit() and len(row.rule.strip()) == len("2024-01-01"):
            years = {int(once)}
        for year in years | {2024, 2025}:
            when = rule(year)
            if when is not None and row.covers(when):
                days[row.jurisdiction].add(when)
                lines.setdefault((row.jurisdiction, when), line)
    for code, added in days.items():
        for day in sorted(added):
            run = 0
            probe = day
            while probe in added or probe.weekday() >= 5:  # noqa: PLR2004 - Sat, Sun
                run += 1
                if run >= MAX_ROLL:
                    msg = (
                        f"{code} would be closed {MAX_ROLL} days in a row from {day}; a last "
                        f"day can move at most {MAX_ROLL - 1} days."
                    )
                    raise RuleDataError(path, lines[code, day], "rule", msg)
                probe += dt.timedelta(days=1)


def _validate_calendar(path: Path, rows: list[tuple[int, CalendarRow]]) -> None:
    """Each row on its own, then each jurisdiction's computation windows.

    The rows that reach suits must cover all time without gaps or overlaps;
    the rows that reach notices may leave time uncovered (no rule reaches
    notices then) but may not overlap.
    """
    suits: dict[str, list[tuple[int, RuleRow | CalendarRow]]] = defaultdict(list)
    notices: dict[str, list[tuple[int, CalendarRow]]] = defaultdict(list)
    for line, row in rows:
        if row.from_ and row.to and row.to < row.from_:
            raise RuleDataError(
                path, line, "to", f"ends ({row.to}) before it starts ({row.from_})."
            )
        if row.kind is not CalendarKind.COMPUTATION:
            _check_holiday_row(path, line, row)
            continue
        _check_computation(path, line, row)
        if row.reaches(Scope.SUITS):
            suits[row.jurisdiction].append((line, row))
        if row.reaches(Scope.NOTICES):
            notices[row.jurisdiction].append((line, row))
    _check_closed_runs(path, rows)
    for code, group in suits.items():
        _check_windows(path, group, f"{code} computation for suits")
    for code, found in notices.items():
        ordered = sorted(found, key=lambda pair: pair[1].from_ or dt.date.min)
        for (prev_line, prev), (line, row) in itertools.pairwise(ordered):
            if prev.to is None or (row.from_ or dt.date.min) <= prev.to:
                msg = f"overlaps the {code} computation for notices on line {prev_line}."
                raise RuleDataError(path, line, "from", msg)
    for code in ("US", *CODES):
        if code not in suits:
            msg = f"no computation row for {code}; every jurisdiction and US needs one."
            raise RuleDataError(path, None, "jurisdiction", msg)


def _check_tolling_tracks(path: Path, line: int, row: TollingRow) -> None:
    for track in row.tracks:
        if REGISTRY[track].tolling is not TollingReach.LISTED:
            msg = (
                f"{track} is not a state-law track; § 1983 and Bivens borrow the tolling "
                "without being listed, and federal tracks have their own."
            )
            raise RuleDataError(path, line, "tracks", msg)


def _validate_tolling(path: Path, rows: list[tuple[int, TollingRow]]) -> None:
    groups: dict[tuple[str, TollingKind], list[tuple[int, TollingRow]]] = defaultdict(list)
    for line, row in rows:
        if row.accrual_from and row.accrual_to and row.accrual_to < row.accrual_from:
            msg = f"ends ({row.accrual_to}) before it starts ({row.accrual_from})."
            raise RuleDataError(path, line, "accrual_to", msg)
        if row.effect in _COMPUTED and row.kind is not TollingKind.MINORITY:
            msg = "only minority is computed from a birth date; use effect 'warn'."
            raise RuleDataError(path, line, "effect", msg)
        if row.kind is TollingKind.MINORITY and row.effect in _COMPUTED and not row.majority_age:
            raise RuleDataError(path, line, "majority_age", "give the age minority ends at.")
        if row.effect is TollingEffect.GRACE and row.grace is None:
            raise RuleDataError(path, line, "grace_value", "a grace row needs grace_value.")
        if (row.grace_value is None) != (row.grace_unit is None):
            raise RuleDataError(path, line, "grace_unit", "give both grace_value and grace_unit.")
        if (row.cap_value is None) != (row.cap_unit is None):
            raise RuleDataError(path, line, "cap_unit", "give both cap_value and cap_unit.")
        _bounded(path, line, "grace_value", row.grace_value, row.grace_unit)
        _bounded(path, line, "cap_value", row.cap_value, row.cap_unit)
        _check_tolling_tracks(path, line, row)
        groups[row.jurisdiction, row.kind].append((line, row))
    for (code, kind), group in groups.items():
        _check_overlaps(path, group, f"{code} {kind} tolling")


def _validate_accrual(path: Path, rows: list[tuple[int, AccrualRow]]) -> None:
    seen: dict[tuple[str, Claim], int] = {}
    for line, row in rows:
        key = (row.jurisdiction, row.claim)
        if key in seen:
            msg = f"repeats the {row.jurisdiction} {row.claim} row on line {seen[key]}."
            raise RuleDataError(path, line, "claim", msg)
        seen[key] = line
        for track in row.tracks:
            spec = REGISTRY[track]
            if spec.accrual is not Accrual.ROW or spec.rows is not RowSource.OWN:
                msg = f"{track} is not a state-law track; its accrual is not the state's."
                raise RuleDataError(path, line, "tracks", msg)


def load_files(path: Path, calendar_path: Path, tolling_path: Path, accrual_path: Path) -> RuleSet:
    """Read and validate the four rules files.

    Raises:
        RuleDataError: a file is missing or does not validate.

    Example:
        >>> from qideadlines._data import default_paths
        >>> len(load_files(*default_paths())) > 400
        True
    """
    rule_rows = read_rows(path, RuleRow)
    _validate_rules(path, rule_rows)
    calendar_rows = read_rows(calendar_path, CalendarRow)
    _validate_calendar(calendar_path, calendar_rows)
    tolling_rows = read_rows(tolling_path, TollingRow)
    _validate_tolling(tolling_path, tolling_rows)
    accrual_rows = read_rows(accrual_path, AccrualRow)
    _validate_accrual(accrual_path, accrual_rows)
    return RuleSet(
        (path, calendar_path, tolling_path, accrual_path),
        tuple(r for _, r in rule_rows),
        tuple(r for _, r in calendar_rows),
        tuple(r for _, r in tolling_rows),
        tuple(r for _, r in accrual_rows),
    )
