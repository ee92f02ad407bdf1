"""The batch command's files: strict CSV in, one row out per row in, calendars as it goes.

What is a file error and what is a row error (both documented in the README):

* file errors stop the run with one line naming the file and the line, and
  leave any previous output untouched: the input cannot be read or decoded, a
  quoted field is never closed, a field is over the size limit, the header
  lacks ``jurisdiction`` or ``incident_date``, names a column twice, or names a
  column the batch writes (``due_…``, ``next_track``, ``next_due``,
  ``days_remaining``, ``error``), or the output is the input;
* row errors keep the row, in its place, with the reason in ``error``: a row
  with more cells than the header (the extra cells are not read), and every
  value the library refuses. A row with fewer cells reads the missing ones as
  empty.
"""

from __future__ import annotations

import collections
import contextlib
import sys
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Final, TextIO

from ._batch import (
    BATCH_COLUMNS,
    FACT_COLUMNS,
    batch_columns,
    compute_batch,
    default_jobs,
    row_report,
)
from ._errors import QiDeadlinesError
from ._files import (
    FileProblem,
    TextSource,
    atomic_bytes,
    atomic_text,
    csv_rows,
    open_text,
    same_file,
)
from ._inputs import parse_tracks
from ._render import ics_events, ics_frame, write_rows

if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from ._enums import Track

__all__ = ["run_batch"]

_PROG: Final = "qideadlines"
_REQUIRED: Final = ("jurisdiction", "incident_date")


def _problem(name: str, problem: FileProblem) -> QiDeadlinesError:
    where = f"{name}, line {problem.line}" if problem.line is not None else name
    return QiDeadlinesError(f"{where}: {problem.message}")


#: What a header cell names once case, spaces and hyphens are set aside.
def canonical(column: str) -> str:
    """A header cell as the batch reads it: "Incident Date" names ``incident_date``.

    Example:
        >>> canonical(" Incident-Date ")
        'incident_date'
    """
    return "_".join(column.strip().lower().replace("-", " ").split())


#: The input columns the batch reads; any other column is carried through untouched.
_READ: Final = frozenset({*_REQUIRED, *FACT_COLUMNS, "case", "client"})


def _check_header(name: str, header: list[str], tracks: tuple[Track, ...]) -> dict[str, str]:
    """Check the header; return each read column's own name to the name the batch reads."""
    seen: dict[str, int] = {}
    ours = {f"due_{t.value}" for t in tracks} | set(BATCH_COLUMNS)
    names: dict[str, str] = {}
    for number, column in enumerate(header, 1):
        key = canonical(column)
        if key in seen:
            msg = (
                f"{name}, line 1: the column {column!r} appears twice (columns {seen[key]} "
                f"and {number}); rename one."
            )
            raise QiDeadlinesError(msg)
        seen[key] = number
        if key in ours or key.startswith("due_"):
            msg = (
                f"{name}, line 1: the column {column!r} is one the batch writes; rename or "
                "remove it (for example, when re-running a previous output)."
            )
            raise QiDeadlinesError(msg)
        if key in _READ and key != column:
            names[column] = key
    for needed in _REQUIRED:
        if needed not in seen:
            msg = f"{name}, line 1: there is no {needed!r} column; the header is {header}."
            raise QiDeadlinesError(msg)
    return names


class _Input:
    """The input's data rows as dicts, each row's own problem kept aside in order."""

    def __init__(
        self,
        name: str,
        records: Iterator[tuple[int, list[str]]],
        header: list[str],
        names: dict[str, str],
        today: dt.date | None,
    ) -> None:
        self.name = name
        self.records = records
        self.header = header
        self.names = names
        self.today = today.isoformat() if today is not None else ""
        self.problems: collections.deque[str] = collections.deque()

    def __iter__(self) -> Iterator[dict[str, str]]:
        width = len(self.header)
        try:
            for line, cells in self.records:
                problem = ""
                if len(cells) > width:
                    problem = (
                        f"line {line} has {len(cells)} cells but the header has {width}; the "
                        "extra cells were not read, so the row was not computed."
                    )
                kept = cells[:width] + [""] * (width - len(cells))
                self.problems.append(problem)
                row = dict(zip(self.header, kept, strict=True))
                for column, key in self.names.items():
                    row[key] = row[column]
                if self.today and not row.get("today", "").strip():
                    row["today"] = self.today  # the file's --today; a row's own wins
                yield row
        except FileProblem as problem:
            raise _problem(self.name, problem) from None


def _blanked(row: dict[str, str], problem: str, columns: list[str], start: int) -> dict[str, str]:
    for column in columns[start:]:
        row[column] = ""
    row["error"] = problem
    return row


@contextlib.contextmanager
def _output(path: str, out: TextIO) -> Iterator[TextIO]:
    if path == "-":
        yield out
        return
    try:
        with atomic_text(path) as handle:
            yield handle
    except FileProblem as problem:
        raise _problem(path, problem) from None


@contextlib.contextmanager
def calendar_file(path: str | None) -> Iterator[IO[bytes] | None]:
    """An ``.ics`` file written whole or not at all: events go between its head and tail.

    Raises:
        QiDeadlinesError: the calendar package is missing, or the file cannot be written.
    """
    if path is None:
        yield None
        return
    try:
        head, tail = ics_frame()
    except ModuleNotFoundError as exc:
        msg = "--ics needs the icalendar package: pip install 'qideadlines[ics]'."
        raise QiDeadlinesError(msg) from exc
    try:
        with atomic_bytes(path) as handle:
            handle.write(head)
            yield handle
            handle.write(tail)
    except FileProblem as problem:
        raise _problem(path, problem) from None


def _read(
    args: argparse.Namespace, name: str
) -> tuple[TextSource, Iterator[tuple[int, list[str]]], list[str]]:
    """The input opened, its records, and its header (a file error if there is none)."""
    try:
        source = open_text(args.input, encoding=args.encoding)
    except FileProblem as problem:
        raise _problem(name, problem) from None
    records = csv_rows(source)
    try:
        first = next(records, None)
    except FileProblem as problem:
        source.close()
        raise _problem(name, problem) from None
    if first is None:
        source.close()
        msg = f"{name}: the file is empty; it needs a header row."
        raise QiDeadlinesError(msg)
    return source, records, first[1]


class _Results:
    """The computed rows, in order, with each row's own problem and its calendar events."""

    def __init__(
        self, rows: _Input, columns: list[str], calendar: IO[bytes] | None, *, information: bool
    ) -> None:
        self.rows = rows
        self.columns = columns
        self.calendar = calendar
        self.information = information
        self.failed = 0

    def run(self, tracks: tuple[Track, ...], jobs: int, today: dt.date) -> Iterator[dict[str, str]]:
        start = len(self.rows.header)
        progress = sys.stderr is not None and sys.stderr.isatty()
        for number, computed in enumerate(compute_batch(self.rows, tracks=tracks, jobs=jobs), 1):
            problem = self.rows.problems.popleft()
            row = _blanked(computed, problem, self.columns, start) if problem else computed
            if self.calendar is not None and not row["error"]:
                case = (row.get("case") or row.get("client") or "").strip()
                try:
                    report = row_report(row)
                    self.calendar.writelines(
                        ics_events(report, today, case=case, information=self.information)
                    )
                except QiDeadlinesError as exc:
                    row["error"] = f"not put on the calendar: {exc}"
            self.failed += bool(row["error"])
            if progress and number % 1000 == 0:
                sys.stderr.write(f"\r{_PROG}: {number} rows")
            yield row
        if progress:
            sys.stderr.write("\n")


def run_batch(args: argparse.Namespace, out: TextIO, today: dt.date) -> int:
    """Run ``qideadlines batch``: read, compute, write, and say how many rows failed.

    Raises:
        QiDeadlinesError: a file error (see the module's docstring), as one line.
    """
    tracks = parse_tracks(args.tracks.split(",") if args.tracks else None)
    name = "standard input" if args.input == "-" else args.input
    for target in (args.output, args.ics):
        if target is not None and same_file(args.input, target):
            msg = f"{target}: the output would overwrite the input {args.input}; name another file."
            raise QiDeadlinesError(msg)
    source, records, header = _read(args, name)
    with source:
        names = _check_header(name, header, tracks)
        rows = _Input(name, records, header, names, args.today)
        columns = batch_columns(header, tracks)
        ours = set(columns[len(header) :]) - {"error"}
        jobs = default_jobs() if args.jobs is None else max(1, args.jobs)
        asked = bool(args.tracks) and "criminal_242" in args.tracks.split(",")
        with _output(args.output, out) as target, calendar_file(args.ics) as calendar:
            if getattr(source, "had_bom", False):
                target.write("\ufeff")  # keep the mark a spreadsheet reads the encoding from
            results = _Results(rows, columns, calendar, information=asked)
            stamp = args.today or today
            write_rows(results.run(tracks, jobs, stamp), columns, target, trusted=ours)
    if results.failed and sys.stderr is not None:
        sys.stderr.write(
            f"{_PROG}: {results.failed} row(s) could not be computed; see the error column\n"
        )
    return 1 if results.failed else 0
