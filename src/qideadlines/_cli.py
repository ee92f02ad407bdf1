"""The command line: parse arguments, call the public API, render.

Heavy modules (pydantic, holidays) are imported inside the handlers so that
``qideadlines --help`` starts about as fast as Python itself.
"""

from __future__ import annotations

import argparse
import sys

from ._names import DATE_FACTS

# Not `from typing import TYPE_CHECKING`: typing alone would double the time
# `qideadlines --help` takes. Type checkers treat this name specially.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence
    from typing import Final, NoReturn, TextIO

    from ._models import DeadlineReport

__all__ = ["build_parser", "main"]

_PROG = "qideadlines"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{_PROG}: error: {message} (see `{self.prog} --help`)\n")


def _iso_date(text: str) -> dt.date:
    import datetime as dt  # here, not at the top: `--help` never needs it

    msg = f"{text!r} is not a date; use YYYY-MM-DD, for example 2024-03-15"
    # fromisoformat alone would also take 20240315 and 2024-W11-5.
    shaped = len(text) == 10 and text[4] == text[7] == "-"  # noqa: PLR2004
    digits = text[:4] + text[5:7] + text[8:]
    if not (shaped and digits.isascii() and digits.isdigit()):
        raise argparse.ArgumentTypeError(msg)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(msg) from None


def _add_today(
    parser: argparse.ArgumentParser,
    text: str = "count days remaining from this date (default: the local date, which is printed)",
) -> None:
    parser.add_argument("--today", type=_iso_date, default=None, metavar="YYYY-MM-DD", help=text)


def _add_tracks(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--tracks", default=None, help="comma-separated track ids to compute (default: all)"
    )


_CLAIMS: Final = (
    "excessive-force",
    "unlawful-search",
    "false-arrest",
    "malicious-prosecution",
    "fabricated-evidence",
    "heck-deferred",
)


#: `compute_deadlines` keywords whose flag is the keyword with dashes (--denial-date ...).
_FACTS: Final = ("locality", "claim", *DATE_FACTS, "prisoner", "sued")


def _add_accrual(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--claim",
        choices=_CLAIMS,
        default=None,
        help="the kind of claim, which decides when the § 1983 clock starts (default "
        "excessive-force: the incident)",
    )
    dates = (
        (
            "--legal-process-date",
            "for false-arrest: the day the person was arraigned or bound over",
        ),
        (
            "--favorable-termination-date",
            "for malicious-prosecution and fabricated-evidence: the day the prosecution ended",
        ),
        (
            "--conviction-invalidated-date",
            "for heck-deferred: the day the conviction was reversed, expunged or invalidated",
        ),
        (
            "--release-date",
            "the day the person was released from custody (some state claims run from it)",
        ),
        (
            "--notice-date",
            "the day a notice of claim was presented (suit periods that run from it)",
        ),
        (
            "--accrual-date",
            "an accrual date you assert (e.g. the discovery rule); replaces the claim's own rule",
        ),
        ("--birth-date", "the person's date of birth, for minority tolling"),
        ("--exhaustion-start", "prisoners: the day the prison grievance was filed (PLRA)"),
        ("--exhaustion-end", "prisoners: the day the grievance process ended (PLRA)"),
    )
    for flag, text in dates:
        parser.add_argument(flag, type=_iso_date, default=None, metavar="YYYY-MM-DD", help=text)
    parser.add_argument(
        "--prisoner",
        action="store_true",
        help="the person is in prison: explain the mailbox rule and PLRA exhaustion",
    )
    parser.add_argument(
        "--sued",
        default=None,
        metavar="WHO",
        help="who is sued: officers, government, or officers,government (default both; "
        "some periods reach only one)",
    )


def _fill_compute(compute: argparse.ArgumentParser) -> None:
    compute.add_argument("jurisdiction", metavar="JURISDICTION", help="USPS code, e.g. CO")
    compute.add_argument(
        "incident_date", metavar="INCIDENT_DATE", type=_iso_date, help="YYYY-MM-DD"
    )
    compute.add_argument(
        "--defendant",
        action="append",
        choices=("local", "state", "federal"),
        help="who would be sued: local (city, county, police department), state, federal "
        "officers; repeat for several; default all three",
    )
    compute.add_argument(
        "--locality", default="", help="a place with its own rules, e.g. tyler (Tyler, Texas)"
    )
    compute.add_argument(
        "--denial-date",
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date an administrative claim was denied in writing (FTCA, state claims acts)",
    )
    _add_accrual(compute)
    _add_today(compute)
    _add_tracks(compute)
    compute.add_argument(
        "--format", choices=("text", "json", "csv"), default="text", help="output format"
    )
    compute.add_argument("--json", action="store_true", help="shorthand for --format json")
    compute.add_argument(
        "--explain",
        action="store_true",
        help="text: every date's reasoning, step by step, with its warnings (default: one screen)",
    )
    compute.add_argument(
        "--ics", metavar="FILE", help="also write an iCalendar file with one event per deadline"
    )
    compute.add_argument(
        "--case", default="", metavar="NAME", help="the matter's name, put in each calendar event"
    )


def _fill_batch(batch: argparse.ArgumentParser) -> None:
    batch.add_argument("input", metavar="IN.csv", help="input CSV, or - for standard input")
    batch.add_argument(
        "-o", "--output", default="-", metavar="OUT.csv", help="output CSV (default: stdout)"
    )
    _add_tracks(batch)
    batch.add_argument(
        "--ics", metavar="FILE", help="also write one iCalendar file for every row's deadlines"
    )
    batch.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="processes to compute with (default: 2 where two cores are free, else 1)",
    )
    _add_today(batch, "count every row's days remaining from this date (a row's today wins)")
    batch.add_argument(
        "--encoding",
        default=None,
        metavar="NAME",
        help="the input's encoding, e.g. latin-1 or cp1252 (default: UTF-8, with or without "
        "a byte-order mark; UTF-16 with one)",
    )


def _fill_schema(schema: argparse.ArgumentParser) -> None:
    del schema  # no arguments


def _fill_listing(listing: argparse.ArgumentParser) -> None:
    listing.add_argument("--json", action="store_true", help="print JSON")


def _fill_rules(rules: argparse.ArgumentParser) -> None:
    rules.add_argument("jurisdiction", metavar="JURISDICTION", help="USPS code, e.g. LA")
    rules.add_argument("--json", action="store_true", help="print JSON")


#: Each command: its one-line help, its description, an example, and what adds its arguments.
_COMMANDS: Final = {
    "compute": (
        "compute the deadlines for an incident",
        (
            "Compute every filing and notice deadline an incident starts: § 1983, state "
            "civil-rights acts, notices of claim and tort suits against local and state "
            "government, Bivens and the FTCA, each with the law behind it."
        ),
        "qideadlines compute TX 2024-03-15 --defendant local --locality tyler",
        _fill_compute,
    ),
    "batch": (
        "compute deadlines for every row of a CSV file",
        (
            "Read a CSV with columns jurisdiction and incident_date (and optionally defendant, "
            "locality, denial_date, claim, accrual_date, legal_process_date, "
            "favorable_termination_date, conviction_invalidated_date, birth_date, "
            "exhaustion_start, exhaustion_end, prisoner, today) and write every input row back "
            "with a due date per track, the next deadline and an error column. Rows that cannot "
            "be computed keep their place; the exit status is 1 if any row failed."
        ),
        "qideadlines batch intake.csv -o deadlines.csv --tracks section_1983",
        _fill_batch,
    ),
    "schema": (
        "print the JSON Schema of the report",
        (
            "Print the JSON Schema, generated from the models, of the report that "
            "`compute --format json` prints."
        ),
        "qideadlines schema > report.schema.json",
        _fill_schema,
    ),
    "jurisdictions": (
        "list the supported jurisdictions",
        "List the 56 supported jurisdictions with their federal circuits.",
        "qideadlines jurisdictions --json",
        _fill_listing,
    ),
    "rules": (
        "show the rules of a jurisdiction",
        (
            "Show every rule row of a jurisdiction with its citation, source and confidence, and "
            "its court-calendar rows."
        ),
        "qideadlines rules LA",
        _fill_rules,
    ),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Build the argument parser (also used to render the CLI reference).

    Args:
        only: give only this command its arguments (the one being run), so a
            run does not pay for building the others; None builds them all.

    Example:
        >>> build_parser().parse_args(["compute", "CO", "2024-03-15"]).jurisdiction
        'CO'
    """
    parser = _Parser(
        prog=_PROG,
        description="Civil-rights filing deadlines after a police encounter, with the law "
        "behind each date.",
        epilog="Example: qideadlines compute CO 2024-03-15",
    )
    parser.add_argument("-V", "--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (short, description, example, fill) in _COMMANDS.items():
        sub = commands.add_parser(
            name, help=short, description=description, epilog=f"Example: {example}"
        )
        if only is None or only == name:
            fill(sub)
    return parser


def _local_today() -> dt.date:
    import datetime as dt

    # The one place the clock is read: the command line's default for --today.
    return dt.date.today()  # noqa: DTZ011 - the user's local date is the point


def _width(out: TextIO) -> int:
    import os
    import shutil

    # COLUMNS wins, as for other tools; then the terminal's own width; a file
    # or pipe gets a width that reads well anywhere.
    given = os.environ.get("COLUMNS", "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    return shutil.get_terminal_size((100, 24)).columns if out.isatty() else 100


def _color(out: TextIO) -> bool:
    import os

    return out.isatty() and not os.environ.get("NO_COLOR")


def _write_ics(
    path: str, report: DeadlineReport, stamp: dt.date, *, case: str, information: bool
) -> None:
    from ._batchio import calendar_file
    from ._render import ics_events

    with calendar_file(path) as handle:
        assert handle is not None  # noqa: S101 - a path was given
        handle.writelines(ics_events(report, stamp, case=case, information=information))


def _compute(args: argparse.Namespace, out: TextIO) -> int:
    from ._api import compute_deadlines
    from ._render import render_csv
    from ._screen import render_summary, render_text

    today = args.today or _local_today()
    report = compute_deadlines(
        args.jurisdiction,
        args.incident_date,
        defendants=args.defendant,
        today=today,
        tracks=args.tracks.split(",") if args.tracks else None,
        **{name: getattr(args, name) for name in _FACTS},
    )
    fmt = "json" if args.json else args.format
    if fmt == "json":
        out.write(report.model_dump_json(indent=2) + "\n")
    elif fmt == "csv":
        render_csv(report, out)
    else:
        from ._names import flag

        if args.explain:
            render_text(report, out, color=_color(out), width=_width(out), fact=flag)
        else:
            render_summary(report, out, width=_width(out), color=_color(out), fact=flag)
    if args.ics:
        asked = bool(args.tracks) and "criminal_242" in args.tracks.split(",")
        _write_ics(args.ics, report, today, case=args.case.strip(), information=asked)
    return 0


def _batch(args: argparse.Namespace, out: TextIO) -> int:
    from ._batchio import run_batch

    return run_batch(args, out, _local_today())


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "compute":
        return _compute(args, out)
    if args.command == "batch":
        return _batch(args, out)
    if args.command == "schema":
        import json

        from ._models import DeadlineReport

        out.write(json.dumps(DeadlineReport.model_json_schema(), indent=2) + "\n")
    elif args.command == "jurisdictions":
        from ._api import list_jurisdictions

        found = list_jurisdictions()
        if args.json:
            import json

            out.write(json.dumps([j.model_dump() for j in found], indent=2) + "\n")
        else:
            out.writelines(f"{j.code}  {j.name}\n" for j in found)
    else:
        from ._api import get_rules
        from ._render import render_rules

        rules = get_rules(args.jurisdiction)
        if args.json:
            # Each row's `notes` are the maintainers' research notes, not for the person.
            hidden = {"__all__": {"notes"}}
            out.write(
                rules.model_dump_json(
                    indent=2,
                    by_alias=True,
                    exclude=dict.fromkeys(("rules", "calendar", "tolling", "accrual"), hidden),
                )
                + "\n"
            )
        else:
            render_rules(rules, out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Example:
        >>> main(["jurisdictions"])  # doctest: +ELLIPSIS
        AK  Alaska
        ...
        0
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in args_list if not a.startswith("-")), "")
    parser = build_parser(command if command in _COMMANDS else "")
    args = parser.parse_args(args_list)
    if args.version:
        from importlib.metadata import version

        sys.stdout.write(f"{_PROG} {version(_PROG)}\n")
        return 0
    if args.command is None:
        parser.error("choose a command: compute, batch, schema, jurisdictions or rules")
    if sys.stdout is None or sys.stdout.closed:
        _say("error: standard output is closed; redirect it to a file or run with -o.")
        return 2
    _printable(sys.stdout)
    return _guarded(args)


def _guarded(args: argparse.Namespace) -> int:
    """Run a command; every failure one line on standard error and its exit status."""
    from ._errors import QiDeadlinesError

    try:
        return _run(args, sys.stdout)
    except QiDeadlinesError as exc:
        from ._names import flag

        _say(f"error: {exc.worded(flag)}")
        return 2
    except BrokenPipeError:
        # The reader went away (`| head`); stop quietly, as Unix tools do.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        _say("interrupted; no output file was replaced.")
        return 130
    except OSError as exc:
        # A write to standard output failed (a full disk behind a redirection, a
        # closed descriptor); files the command writes report their own errors.
        _say(f"error: cannot write the output ({exc.strerror or exc}).")
        return 2


def _say(text: str) -> None:
    """One line on standard error, if there is one."""
    if sys.stderr is not None and not sys.stderr.closed:
        _printable(sys.stderr)
        sys.stderr.write(f"{_PROG}: {text}\n")


def _printable(stream: TextIO) -> None:
    """Let a stream whose encoding lacks "§" print a stand-in rather than fail."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "§—".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
