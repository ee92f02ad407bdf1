"""Generate the data-driven pages at build time, through the public API only.

Deterministic: a fixed example incident date, sorted rows, no clock.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from _calcform import calculator_form
from pydantic import BaseModel

import qideadlines
from qideadlines import Deadline, Role, RuleRow, Track


def _recent_date() -> dt.date:
    """The first of the month the data was last verified in: a recent incident date that
    moves only when the data does, so a build never depends on the clock."""
    rules = qideadlines.load_rules()
    latest = max(r.verified for r in rules.rows)
    return latest.replace(day=1)


EXAMPLE_DATE = _recent_date()
NOTICE_TRACKS = (Track.LOCAL_TORT_NOTICE, Track.STATE_TORT_NOTICE)

# A tile-grid map: each jurisdiction one square, placed roughly where it lies.
# Positions are a drawing choice (column, row), not data about the law.
TILES = {
    "AK": (0, 0), "ME": (11, 0),
    "VT": (10, 1), "NH": (11, 1),
    "WA": (1, 2), "ID": (2, 2), "MT": (3, 2), "ND": (4, 2), "MN": (5, 2), "IL": (6, 2),
    "WI": (7, 2), "MI": (8, 2), "NY": (9, 2), "RI": (10, 2), "MA": (11, 2),
    "OR": (1, 3), "NV": (2, 3), "WY": (3, 3), "SD": (4, 3), "IA": (5, 3), "IN": (6, 3),
    "OH": (7, 3), "PA": (8, 3), "NJ": (9, 3), "CT": (10, 3),
    "CA": (1, 4), "UT": (2, 4), "CO": (3, 4), "NE": (4, 4), "MO": (5, 4), "KY": (6, 4),
    "WV": (7, 4), "VA": (8, 4), "MD": (9, 4), "DE": (10, 4),
    "AZ": (2, 5), "NM": (3, 5), "KS": (4, 5), "AR": (5, 5), "TN": (6, 5), "NC": (7, 5),
    "SC": (8, 5), "DC": (9, 5),
    "OK": (4, 6), "LA": (5, 6), "MS": (6, 6), "AL": (7, 6), "GA": (8, 6),
    "HI": (0, 7), "TX": (4, 7), "FL": (9, 7),
    "GU": (0, 9), "MP": (1, 9), "AS": (2, 9), "PR": (9, 9), "VI": (10, 9),
}  # fmt: skip
PALETTE = {1: "#fde0c5", 2: "#facba6", 3: "#f8b58b", 4: "#f59e72", 5: "#f2855d", 6: "#ef6a4c"}


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _or(value: object, blank: str) -> str:
    """A table cell that is never left blank: `blank` says what an empty value means."""
    text = "" if value is None else str(value)
    return _md_escape(text) if text else f"*{blank}*"


def _day(day: dt.date | None, blank: str = "none") -> str:
    """A date that never breaks over two lines, even on a phone."""
    if day is None:
        return f"*{blank}*"
    return f'<span class="qd-date">{day:%a} {day.isoformat()}</span>'


def _iso(day: dt.date | None, blank: str) -> str:
    return f'<span class="qd-date">{day.isoformat()}</span>' if day else f"*{blank}*"


_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _period_words(value: int, unit: str) -> str:
    """ "two years", "180 days": a period as a sentence says it."""
    count = _NUMBERS[value] if value < len(_NUMBERS) else str(value)
    noun = unit[:-1] if value == 1 else unit
    return f"{count} {noun}"


def _long_day(day: dt.date) -> str:
    return f"{day:%A, %B} {day.day}, {day.year}"


def _by_name() -> list[qideadlines.Jurisdiction]:
    return sorted(qideadlines.list_jurisdictions(), key=lambda j: j.name)


def _window(row: RuleRow) -> str:
    start = _iso(row.accrual_from, "any earlier date")
    end = _iso(row.accrual_to, "today")
    return f"{start} to {end}"


def _period_years(code: str) -> int:
    row = _current_rule(code)
    return (
        max(1, round(row.period.value / 365))
        if row.period.unit.value == "days"
        else (row.period.value)
    )


def _rule_table(rows: list[RuleRow]) -> list[str]:
    lines = [
        (
            "| track | role | who | applies to accrual | period | runs from | citation | case | "
            "confidence | verified | source |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        period = "no deadline" if row.period_value is None else str(row.period)
        who = row.defendant.value + (f" ({row.locality})" if row.locality else "")
        runs = _or(row.runs_from.value if row.runs_from else "", "no deadline")
        lines.append(
            f"| `{row.track.value}` | {row.role.value} | {who} | {_window(row)} | {period} | "
            f"{runs} | {_md_escape(row.citation)} | {_or(row.case, 'none cited')} | "
            f"{row.confidence.value} | {_iso(row.verified, '')} | [link]({row.source_url}) |"
        )
    return lines


def _deadline_table(deadlines: tuple[Deadline, ...]) -> list[str]:
    """Two columns, so a phone shows them whole: the date, then what to do and its law."""
    lines = ["| act by | what to do, and the law |", "|---|---|"]
    for d in sorted(deadlines, key=lambda d: (d.due, d.track is not Track.SECTION_1983)):
        action = _md_escape(d.action)
        if d.track is Track.SECTION_1983:
            action = f"**{action}**"
        sure = "" if d.rule.confidence.value == "high" else (
            f" ({d.rule.confidence.value} confidence: not yet checked against the statute's "
            "own text)"
        )  # fmt: skip
        law = _md_escape(f"{d.period}: {d.rule.citation}{sure}")
        lines.append(f"| {_day(d.due)} | {action}<br>{law} |")
    return lines


def _current_rule(code: str) -> RuleRow:
    """The § 1983 rule in force now: the statewide rule row whose window has no end."""
    rows = qideadlines.get_rules(code).rules
    return next(
        r
        for r in rows
        if r.track is Track.SECTION_1983 and r.role is Role.RULE and r.accrual_to is None
        and not r.locality
    )  # fmt: skip


def rule_sentence(code: str) -> str:
    """Today's § 1983 rule in one sentence: "Louisiana: two years for incidents from …"."""
    row = _current_rule(code)
    name = qideadlines.get_rules(code).jurisdiction.name
    assert row.period_value is not None  # noqa: S101 - a rule row has a period
    assert row.period_unit is not None  # noqa: S101
    words = _period_words(row.period_value, row.period_unit.value)
    since = row.accrual_from
    when = f"for incidents from {since:%B} {since.day}, {since.year}" if since else ""
    return f"{name}: {words} to file a § 1983 suit {when}".rstrip() + f" ({row.citation})."


def jurisdiction_page(code: str) -> str:
    """One jurisdiction's page: every rule, its history, the calendar, a worked example."""
    rules = qideadlines.get_rules(code)
    j = rules.jurisdiction
    circuit = f"the {j.circuit} Circuit" if j.circuit else "no federal district court"
    report = qideadlines.compute_deadlines(code, EXAMPLE_DATE)
    own = [r for r in rules.rules if r.jurisdiction == code]
    federal = [r for r in rules.rules if r.jurisdiction == "US"]
    theirs = [d for d in report.deadlines if d.track is not Track.CRIMINAL_242]
    shortest = min(theirs, key=lambda d: (d.due, d.track is not Track.SECTION_1983))
    out = [
        f"# {j.name} ({j.code})",
        "",
        f"**{rule_sentence(code)}**",
        "",
        f"*{qideadlines.DISCLAIMER}*",
        "",
        "```{raw} html",
        (
            f'<p class="qd-calc-link"><a href="../../calculator.html?jurisdiction={j.code}">'
            f"Compute the deadlines for your own date in {html.escape(j.name)}</a>: in this "
            "browser, nothing sent anywhere.</p>"
        ),
        "```",
        "",
        (
            "Other clocks run at the same time, and a notice of claim is often the first. For "
            f"an incident on {_long_day(EXAMPLE_DATE)}, the earliest deadline is to "
            f"{shortest.action[0].lower()}{shortest.action[1:]}, by {_day(shortest.due)}; "
            "the table below gives every one."
        ),
        "",
        f"## Worked example: an incident on {_long_day(EXAMPLE_DATE)}",
        "",
        (
            "A recent date, chosen to show every clock; for your own incident use the "
            f"calculator above or run `qideadlines compute {j.code} YYYY-MM-DD`. "
            "Dates assume an excessive-force or "
            "unlawful-search claim against every kind of defendant."
        ),
        "",
        *_deadline_table(report.deadlines),
        "",
        (
            f"{j.name} is in {circuit}. Every rule below comes from `data/state_rules.csv`; "
            "each row names its law, a case that applied it where one is cited, the page "
            "holding its text, the date it was verified and a confidence."
        ),
        "",
    ]
    for d in report.deadlines:
        who = "" if d.defendant.value == "any" else f" ({d.defendant.value})"
        out += [f"### `{d.track.value}`{who}: {d.action}", ""]
        out += [f"{n}. {_md_escape(step.text)}" for n, step in enumerate(d.explanation, 1)]
        out += ["", *(f"- {_md_escape(w)}" for w in d.warnings), ""]
    out += ["## Qualified immunity", ""]
    out += [f"- {_md_escape(line)}" for line in report.immunity] or [
        "- No track here records whether qualified immunity applies."
    ]
    out += ["", "## What the report also says", ""]
    out += [f"- {_md_escape(w)}" for w in (*report.next_steps, *report.warnings)]
    out += ["", "## The rules and their history", ""]
    out += _rule_table(sorted(own, key=lambda r: (list(Track).index(r.track), r.role.value,
                                                  r.accrual_from or dt.date.min)))  # fmt: skip
    out += ["", "Federal tracks, the same everywhere:", ""]
    out += _rule_table(federal)
    out += ["", "## Tolling", ""]
    out += [
        (
            "A § 1983 or Bivens claim borrows the state's tolling with its period (Board of "
            "Regents v. Tomanio, 446 U.S. 478 (1980); Hardin v. Straub, 490 U.S. 536 (1989)). "
            "Given a birth date, minority tolling moves the date to act by only where its row is "
            "of high confidence; other disabilities are explained, not applied. Effects: "
            "`suspend`, the period does not run until the disability ends; `grace`, a stated "
            "time after it ends; `warn`, explained but never moves a date; `none`, no tolling. "
            "Rows from `data/tolling.csv`:"
        ),
        "",
    ]
    if rules.tolling:
        out += [
            "| disability | window | ends at | effect | citation | confidence | source |",
            "|---|---|---|---|---|---|---|",
        ]
        for tol in rules.tolling:
            window = (
                f"{_iso(tol.accrual_from, 'any earlier date')} to {_iso(tol.accrual_to, 'today')}"
            )
            grace = f" {tol.grace}" if tol.grace else ""
            age = _or(tol.majority_age, "not an age rule")
            out.append(
                f"| {tol.kind.value} | {window} | {age} | {tol.effect.value}{grace} | "
                f"{_md_escape(tol.citation)} | {tol.confidence.value} | [link]({tol.source_url}) |"
            )
        said = [t for t in rules.tolling if t.warning]
        if said:
            out += ["", "What each row tells the person:", ""]
            out += [f"- **{t.kind.value}**: {_md_escape(t.warning)}" for t in said]
    else:
        out.append("No tolling rule is recorded for this jurisdiction yet.")
    out += ["", "## Computing the last day", ""]
    out += [
        (
            "A last day that falls on a closed day moves to the next open day under the rule of "
            "the forum. The calendar rows below are the computation rules (for suits, for "
            "notices of claim, or for both where the column is blank; a day marked `?` gives a "
            "later reading, never the date to act by) and the corrections made to the "
            "`holidays` package's list. A day moves the date to act by only where its rule and "
            "its holiday row are of high confidence."
        ),
        "",
        (
            "| kind | holiday | rule | reaches | from | to | citation | applied in | confidence "
            "| source |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for cal in rules.calendar:
        if cal.jurisdiction == "US" and cal.kind.value == "closure":
            continue
        computation = cal.kind.value == "computation"
        reaches = (cal.scope.value if cal.scope else "both") if computation else "*n/a*"
        rule = _md_escape(cal.rule) or ("nothing moves" if computation else "*the statute's list*")
        out.append(
            f"| {cal.kind.value} | {_or(cal.holiday, 'n/a')} | {rule} | {reaches} | "
            f"{_iso(cal.from_, 'no start')} | {_iso(cal.to, 'still in force')} | "
            f"{_md_escape(cal.citation)} | {_or(cal.case, 'none cited')} | "
            f"{cal.confidence.value} | [link]({cal.source_url}) |"
        )
    if rules.accrual:
        out += [
            "",
            "## When a state-law claim accrues",
            "",
            (
                "For these claim kinds the state-law notice and suit periods run from the event "
                "below once its date is given (a high-confidence row) or are shown from the "
                "incident with a warning (below high)."
            ),
            "",
            "| claim | runs from | tracks | citation | applied in | confidence | source |",
            "|---|---|---|---|---|---|---|",
        ]
        for acc in rules.accrual:
            tracks = ", ".join(t.value for t in acc.tracks) or "every state-law track"
            out.append(
                f"| {acc.claim.value} | {acc.event.value} | {tracks} | "
                f"{_md_escape(acc.citation)} | {_or(acc.case, 'none cited')} | "
                f"{acc.confidence.value} | [link]({acc.source_url}) |"
            )
    out += ["", f"*{qideadlines.DISCLAIMER}*", ""]
    return "\n".join(out)


def index_page() -> str:
    """Every jurisdiction, by name, with today's § 1983 rule and the notice deadlines."""
    out = [
        "# All jurisdictions",
        "",
        (
            "The § 1983 period in force today, and the notice-of-claim deadlines against local "
            f"and state government for an incident on {_long_day(EXAMPLE_DATE)} (a recent date, "
            "chosen for illustration). Select a tile or a name for the jurisdiction's page."
        ),
        "",
        f"*{qideadlines.DISCLAIMER}*",
        "",
        "```{raw} html",
        map_svg(prefix=""),
        "```",
        "",
        "| jurisdiction | § 1983 period | citation | local notice due | state notice due |",
        "|---|---|---|---|---|",
    ]
    for j in _by_name():
        row = _current_rule(j.code)
        report = qideadlines.compute_deadlines(j.code, EXAMPLE_DATE, tracks=NOTICE_TRACKS)
        due = {d.track: d.due for d in report.deadlines}
        out.append(
            f"| [{j.name} ({j.code})]({j.code}.md) | {row.period} | {_md_escape(row.citation)} |"
            f" {_day(due.get(Track.LOCAL_TORT_NOTICE), 'none recorded')} |"
            f" {_day(due.get(Track.STATE_TORT_NOTICE), 'none recorded')} |"
        )
    out += ["", "```{toctree}", ":hidden:", ""]
    out += [j.code for j in _by_name()]
    out += ["```", ""]
    return "\n".join(out)


def find_your_state() -> str:
    """The landing page's first section: the map and every jurisdiction by name, as links."""
    base = "_generated/jurisdictions/"
    items = "".join(
        f'<li><a href="{base}{j.code}.html">{html.escape(j.name)}</a></li>' for j in _by_name()
    )
    return "\n".join(
        [
            "```{raw} html",
            f'<ul class="qd-states">{items}</ul>',
            "<p>The same places on a map, each tile with its years to file a § 1983 suit:</p>",
            map_svg(prefix=base),
            "```",
            "",
            f"*{qideadlines.DISCLAIMER}*",
            "",
        ]
    )


def map_svg(prefix: str = "jurisdictions/") -> str:
    """A tile-grid map of the § 1983 period, in years; each tile links to its page."""
    size, gap = 56, 4
    parts = [
        (
            f'<svg class="qd-map" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {12 * (size + gap)} {11 * (size + gap) + 40}" role="img" '
            'aria-label="Section 1983 period by jurisdiction">'
        ),
        "<title>Section 1983 limitations period by jurisdiction (years)</title>",
    ]
    names = {j.code: j.name for j in qideadlines.list_jurisdictions()}
    for code, (col, row) in sorted(TILES.items()):
        years = _period_years(code)
        x, y = col * (size + gap), row * (size + gap)
        fill = PALETTE.get(years, PALETTE[6])
        parts.append(
            f'<a href="{prefix}{code}.html" aria-label="{html.escape(names[code])}">'
            f"<g><title>{html.escape(code)}: {years} year(s)</title>"
            f'<rect x="{x}" y="{y}" width="{size}" height="{size}" rx="6" fill="{fill}"/>'
            f'<text x="{x + size / 2}" y="{y + 24}" text-anchor="middle" font-size="15" '
            f'font-family="sans-serif">{code}</text>'
            f'<text x="{x + size / 2}" y="{y + 44}" text-anchor="middle" font-size="13" '
            f'font-family="sans-serif">{years}y</text></g></a>'
        )
    legend_y = 10 * (size + gap) + 10
    for i, (years, fill) in enumerate(sorted(PALETTE.items())):
        x = i * 90
        parts.append(
            f'<rect x="{x}" y="{legend_y}" width="20" height="20" fill="{fill}"/>'
            f'<text x="{x + 26}" y="{legend_y + 15}" font-size="13" font-family="sans-serif">'
            f"{years}{'+' if years == 6 else ''} yr</text>"  # noqa: PLR2004
        )
    parts.append("</svg>")
    return "".join(parts)


def _field_rows(model: type[BaseModel], *, alias: bool = False) -> list[str]:
    rows = ["| field | type | meaning |", "|---|---|---|"]
    for name, field in model.model_fields.items():
        shown = (field.alias or name) if alias else name
        kind = _md_escape(_type_name(field.annotation))
        rows.append(f"| `{shown}` | {kind} | {_md_escape(field.description or '')} |")
    return rows


def _type_name(annotation: object) -> str:
    """A type as a person reads it: "date or blank", "one of: high, medium, low"."""
    import enum
    import types
    import typing

    args = typing.get_args(annotation)
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        named = [_type_name(a) for a in args if a is not type(None)]
        return " or ".join(named) + (" or blank" if type(None) in args else "")
    if typing.get_origin(annotation) is tuple:
        return f"list of {_type_name(args[0])}"
    if typing.get_origin(annotation) is typing.Annotated:
        return _type_name(args[0])
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "one of: " + ", ".join(f"`{m.value}`" for m in annotation)
    names = {str: "text", int: "whole number", bool: "yes/no", dt.date: "date (YYYY-MM-DD)"}
    if annotation in names:
        return names[annotation]  # type: ignore[index]
    return f"`{getattr(annotation, '__name__', str(annotation))}`"


def schema_page() -> str:
    """The data schema: every column of the rules files and every field of the report."""
    out = [
        "# Data schema",
        "",
        (
            "What each column of the data files and each field of a report means. The JSON "
            "Schema that `qideadlines schema` prints carries the same descriptions."
        ),
    ]
    files = (
        ("data/state_rules.csv", qideadlines.RuleRow),
        ("data/court_calendars.csv", qideadlines.CalendarRow),
        ("data/tolling.csv", qideadlines.TollingRow),
        ("data/state_accrual.csv", qideadlines.AccrualRow),
    )
    for path, row_model in files:
        out += ["", f"## `{path}`", "", *_field_rows(row_model, alias=True)]
    models = (
        qideadlines.DeadlineReport, qideadlines.Deadline, qideadlines.Reading, qideadlines.Step,
        qideadlines.Period, qideadlines.Provenance, qideadlines.Jurisdiction,
    )  # fmt: skip
    for model in models:
        out += ["", f"## `{model.__name__}`", "", (model.__doc__ or "").strip().split("\n")[0]]
        out += ["", *_field_rows(model)]
    out += [
        "",
        (
            "`qideadlines schema` prints the JSON Schema of the report; tests check the JSON "
            "output against it."
        ),
        "",
    ]
    return "\n".join(out)


def generate(root: Path) -> None:
    """Write every generated page under ``docs/_generated`` and the map under ``_static``."""
    pages = root / "_generated" / "jurisdictions"
    pages.mkdir(parents=True, exist_ok=True)
    for j in qideadlines.list_jurisdictions():
        (pages / f"{j.code}.md").write_text(jurisdiction_page(j.code), encoding="utf-8")
    (pages / "index.md").write_text(index_page(), encoding="utf-8")
    (root / "_generated" / "schema.md").write_text(schema_page(), encoding="utf-8")
    (root / "_generated" / "map.svg").write_text(map_svg(), encoding="utf-8")
    (root / "_generated" / "find.md").write_text(find_your_state(), encoding="utf-8")
    (root / "_generated" / "calculator-form.html").write_text(calculator_form(), encoding="utf-8")
