"""The command line: parse arguments, call the public API, render.

Heavy modules (pydantic, holidays) are imported inside the handlers so that
``qideadlines --help`` starts about as fast as Python itself.
"""

from __future__ import annotations

import argparse
import sys

# Not `from typing import TYPE_CHECKING`: typing alone would double the time
# `qideadlines --help` takes. Type checkers treat this name specially.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence
    from typing import NoReturn, TextIO

    from ._models import Deadline, DeadlineReport, JurisdictionRules

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


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser (also used to render the CLI reference).

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
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    compute = commands.add_parser(
        "compute",
        help="compute the deadlines for an incident",
        description="Compute every filing and notice deadline an incident starts: § 1983, "
        "state civil-rights acts, notices of claim and tort suits against local and state "
        "government, Bivens and the FTCA, each with the law behind it.",
        epilog="Example: qideadlines compute NY 2024-03-15 --defendant local --locality nyc",
    )
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
        "--locality", default="", help="a place with its own rules, e.g. nyc (New York City)"
    )
    compute.add_argument(
        "--denial-date",
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date an administrative claim was denied in writing (FTCA, state claims acts)",
    )
    compute.add_argument("--json", action="store_true", help="print the report as JSON")

    listing = commands.add_parser(
        "jurisdictions",
        help="list the supported jurisdictions",
        description="List the 56 supported jurisdictions with their federal circuits.",
        epilog="Example: qideadlines jurisdictions --json",
    )
    listing.add_argument("--json", action="store_true", help="print JSON")

    rules = commands.add_parser(
        "rules",
        help="show the rules of a jurisdiction",
        description="Show every rule row of a jurisdiction with its citation, source and "
        "confidence, and its court-calendar rows.",
        epilog="Example: qideadlines rules LA",
    )
    rules.add_argument("jurisdiction", metavar="JURISDICTION", help="USPS code, e.g. LA")
    rules.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _long(day: dt.date) -> str:
    return f"{day:%a} {day.isoformat()}"


def _render_deadline(deadline: Deadline, out: TextIO) -> None:
    who = "" if deadline.defendant.value == "any" else f" [{deadline.defendant.value}]"
    out.write(f"{deadline.track.value}{who}: {deadline.action}, by {_long(deadline.due)}\n")
    out.write(f"  period      {deadline.period} ({deadline.citation})\n")
    for label, value in (
        ("send to", deadline.recipient),
        ("contents", deadline.content),
        ("if missed", deadline.consequence),
        ("caps, fees", deadline.caps_fees),
    ):
        if value:
            out.write(f"  {label:<11} {value}\n")
    if deadline.case:
        out.write(f"  applied in  {deadline.case}\n")
    out.write(f"  confidence  {deadline.confidence.value} (verified {deadline.verified})\n")
    out.write(f"  source      {deadline.source_url}\n")
    out.write("  why:\n")
    out.writelines(
        f"    {number}. {step.text}\n" for number, step in enumerate(deadline.explanation, 1)
    )
    if deadline.warnings:
        out.write("  warnings:\n")
        out.writelines(f"    - {w}\n" for w in deadline.warnings)


def _render_report(report: DeadlineReport, out: TextIO) -> None:
    j = report.jurisdiction
    out.write(f"{j.name} ({j.code}), incident on {_long(report.incident_date)}\n\n")
    width = max((len(d.track.value) for d in report.deadlines), default=0) + 10
    for d in sorted(report.deadlines, key=lambda d: d.due):
        who = "" if d.defendant.value == "any" else f" [{d.defendant.value}]"
        out.write(f"  {_long(d.due)}  {(d.track.value + who):<{width}} {d.citation}\n")
    out.write("\n")
    for deadline in report.deadlines:
        _render_deadline(deadline, out)
        out.write("\n")
    if report.immunity:
        out.write("Qualified immunity:\n")
        out.writelines(f"  - {line}\n" for line in report.immunity)
        out.write("\n")
    out.write("Warnings:\n")
    out.writelines(f"  - {w}\n" for w in report.warnings)
    out.write(f"\n{report.disclaimer}\n")


def _render_rules(rules: JurisdictionRules, out: TextIO) -> None:
    j = rules.jurisdiction
    circuit = f"{j.circuit} Circuit" if j.circuit else "no federal district court"
    out.write(f"{j.name} ({j.code}), {circuit}\n\n")
    for row in rules.rules:
        start = row.accrual_from.isoformat() if row.accrual_from else "any earlier date"
        end = row.accrual_to.isoformat() if row.accrual_to else "today"
        out.write(f"{row.track.value} [{row.role.value}] accrual {start} .. {end}: {row.period}\n")
        out.write(f"  citation    {row.citation}\n")
        if row.case:
            out.write(f"  case        {row.case}\n")
        out.write(f"  source      {row.source_url}\n")
        out.write(f"  verified    {row.verified} ({row.confidence.value} confidence)\n")
        if row.notes:
            out.write(f"  notes       {row.notes}\n")
    out.write("\nCourt calendar:\n")
    for cal in rules.calendar:
        if cal.jurisdiction == "US" and cal.kind.value == "closure":
            continue
        what = " ".join(x for x in (cal.holiday, cal.rule) if x)
        out.write(f"  {cal.jurisdiction} {cal.kind.value}: {what} — {cal.citation}")
        out.write(f" ({cal.confidence.value})\n")


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "compute":
        from ._api import compute_deadlines

        report = compute_deadlines(
            args.jurisdiction,
            args.incident_date,
            defendants=args.defendant,
            locality=args.locality,
            denial_date=args.denial_date,
        )
        if args.json:
            out.write(report.model_dump_json(indent=2) + "\n")
        else:
            _render_report(report, out)
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

        rules = get_rules(args.jurisdiction)
        if args.json:
            out.write(rules.model_dump_json(indent=2, by_alias=True) + "\n")
        else:
            _render_rules(rules, out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Example:
        >>> main(["jurisdictions"])  # doctest: +ELLIPSIS
        AK  Alaska
        ...
        0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from importlib.metadata import version

        sys.stdout.write(f"{_PROG} {version(_PROG)}\n")
        return 0
    if args.command is None:
        parser.error("choose a command: compute, jurisdictions or rules")
    from ._errors import QiDeadlinesError

    try:
        return _run(args, sys.stdout)
    except QiDeadlinesError as exc:
        sys.stderr.write(f"{_PROG}: error: {exc}\n")
        return 2
    except BrokenPipeError:
        # The reader went away (`| head`); stop quietly, as Unix tools do.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
