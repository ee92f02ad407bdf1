"""Generate the data-driven pages at build time, through the public API only.

Deterministic: a fixed example incident date, sorted rows, no clock.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import qideadlines
from qideadlines import Deadline, Role, RuleRow, Track

EXAMPLE_DATE = dt.date(2024, 3, 15)
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


def _window(row: RuleRow) -> str:
    start = row.accrual_from.isoformat() if row.accrual_from else "earliest"
    end = row.accrual_to.isoformat() if row.accrual_to else "now"
    return f"{start} to {end}"


def _current_1983(code: str) -> RuleRow:
    rows = qideadlines.get_rules(code).rules
    return next(
        r
        for r in rows
        if r.track is Track.SECTION_1983 and r.role is Role.RULE and r.applies_to(EXAMPLE_DATE)
    )


def _period_years(code: str) -> int:
    row = _current_1983(code)
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
        runs = row.runs_from.value if row.runs_from else ""
        lines.append(
            f"| `{row.track.value}` | {row.role.value} | {who} | {_window(row)} | {period} | "
            f"{runs} | {_md_escape(row.citation)} | {_md_escape(row.case)} | "
            f"{row.confidence.value} | {row.verified} | [link]({row.source_url}) |"
        )
    return lines


def _deadline_table(deadlines: tuple[Deadline, ...]) -> list[str]:
    lines = ["| due | track | defendant | period | the law |", "|---|---|---|---|---|"]
    lines.extend(
        f"| {d.due:%a %Y-%m-%d} | `{d.track.value}` | {d.defendant.value} | {d.period} | "
        f"{_md_escape(d.rule.citation)} |"
        for d in sorted(deadlines, key=lambda d: (d.due, d.track.value))
    )
    return lines


def jurisdiction_page(code: str) -> str:
    """One jurisdiction's page: every rule, its history, the calendar, a worked example."""
    rules = qideadlines.get_rules(code)
    j = rules.jurisdiction
    circuit = f"the {j.circuit} Circuit" if j.circuit else "no federal district court"
    report = qideadlines.compute_deadlines(code, EXAMPLE_DATE)
    own = [r for r in rules.rules if r.jurisdiction == code]
    federal = [r for r in rules.rules if r.jurisdiction == "US"]
    out = [
        f"# {j.name} ({j.code})",
        "",
        (
            f"{j.name} is in {circuit}. Every rule below is read from `data/state_rules.csv`; "
            "each row names its law, a case that applied it where one was found, the page read, "
            "the date it was verified and a confidence."
        ),
        "",
        (
            f"## Worked example: an incident on {EXAMPLE_DATE:%B} {EXAMPLE_DATE.day}, "
            f"{EXAMPLE_DATE.year}"
        ),
        "",
        *_deadline_table(report.deadlines),
        "",
    ]
    for d in report.deadlines:
        who = "" if d.defendant.value == "any" else f" ({d.defendant.value})"
        out += [f"### `{d.track.value}`{who}: {d.action}", ""]
        out += [f"{n}. {_md_escape(step.text)}" for n, step in enumerate(d.explanation, 1)]
        out += ["", *(f"- {_md_escape(w)}" for w in d.warnings), ""]
    out += ["## Qualified immunity", ""]
    out += [f"- {_md_escape(line)}" for line in report.immunity] or ["- (no track records it)"]
    out += ["", "## What the report also says", ""]
    out += [f"- {_md_escape(w)}" for w in report.warnings]
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
            window = f"{tol.accrual_from or '…'} to {tol.accrual_to or '…'}"
            grace = f" {tol.grace}" if tol.grace else ""
            age = str(tol.majority_age or "")
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
        reaches = (cal.scope.value if cal.scope else "both") if computation else ""
        rule = _md_escape(cal.rule) or ("nothing moves" if computation else "")
        out.append(
            f"| {cal.kind.value} | {_md_escape(cal.holiday)} | {rule} | "
            f"{reaches} | {cal.from_ or ''} | {cal.to or ''} | {_md_escape(cal.citation)} | "
            f"{_md_escape(cal.case)} | {cal.confidence.value} | [link]({cal.source_url}) |"
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
                f"{_md_escape(acc.citation)} | {_md_escape(acc.case)} | "
                f"{acc.confidence.value} | [link]({acc.source_url}) |"
            )
    out += ["", f"*{qideadlines.DISCLAIMER}*", ""]
    return "\n".join(out)


def index_page() -> str:
    """Every jurisdiction with its § 1983 period and notice-of-claim deadlines."""
    out = [
        "# All jurisdictions",
        "",
        (
            "The § 1983 period in force for a claim accruing on "
            f"{EXAMPLE_DATE.isoformat()}, and the notice-of-claim deadlines against local and "
            "state government for that incident date (blank: none recorded yet)."
        ),
        "",
        "![Tile map of the § 1983 period, in years, by jurisdiction](../map.svg)",
        "",
        "| jurisdiction | § 1983 period | citation | local notice due | state notice due |",
        "|---|---|---|---|---|",
    ]
    for j in qideadlines.list_jurisdictions():
        row = _current_1983(j.code)
        report = qideadlines.compute_deadlines(j.code, EXAMPLE_DATE, tracks=NOTICE_TRACKS)
        due = {d.track: d.due.isoformat() for d in report.deadlines}
        out.append(
            f"| [{j.name} ({j.code})]({j.code}.md) | {row.period} | {_md_escape(row.citation)} |"
            f" {due.get(Track.LOCAL_TORT_NOTICE, '')} | {due.get(Track.STATE_TORT_NOTICE, '')} |"
        )
    out += ["", "```{toctree}", ":hidden:", ""]
    out += [j.code for j in qideadlines.list_jurisdictions()]
    out += ["```", "", f"*{qideadlines.DISCLAIMER}*", ""]
    return "\n".join(out)


def map_svg() -> str:
    """A tile-grid choropleth of the § 1983 period, in years."""
    size, gap = 56, 4
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {12 * (size + gap)} '
            f'{11 * (size + gap) + 40}" role="img" '
            'aria-label="Section 1983 period by jurisdiction">'
        ),
        "<title>Section 1983 limitations period by jurisdiction (years)</title>",
    ]
    for code, (col, row) in sorted(TILES.items()):
        years = _period_years(code)
        x, y = col * (size + gap), row * (size + gap)
        fill = PALETTE.get(years, PALETTE[6])
        parts.append(
            f"<g><title>{html.escape(code)}: {years} year(s)</title>"
            f'<rect x="{x}" y="{y}" width="{size}" height="{size}" rx="6" fill="{fill}"/>'
            f'<text x="{x + size / 2}" y="{y + 24}" text-anchor="middle" font-size="15" '
            f'font-family="sans-serif">{code}</text>'
            f'<text x="{x + size / 2}" y="{y + 44}" text-anchor="middle" font-size="13" '
            f'font-family="sans-serif">{years}y</text></g>'
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
    return "\n".join(parts)


def schema_page() -> str:
    """The data schema: every column of the rules files and every field of the report."""
    out = ["# Data schema", "", "## `data/state_rules.csv`", "", "| column | type |", "|---|---|"]
    for name, field in qideadlines.RuleRow.model_fields.items():
        out.append(f"| `{name}` | `{_md_escape(str(field.annotation))}` |")
    out += ["", "## `data/court_calendars.csv`", "", "| column | type |", "|---|---|"]
    for name, field in qideadlines.CalendarRow.model_fields.items():
        out.append(f"| `{field.alias or name}` | `{_md_escape(str(field.annotation))}` |")
    out += ["", "## `data/tolling.csv`", "", "| column | type |", "|---|---|"]
    for name, field in qideadlines.TollingRow.model_fields.items():
        out.append(f"| `{name}` | `{_md_escape(str(field.annotation))}` |")
    out += ["", "## `data/state_accrual.csv`", "", "| column | type |", "|---|---|"]
    for name, field in qideadlines.AccrualRow.model_fields.items():
        out.append(f"| `{name}` | `{_md_escape(str(field.annotation))}` |")
    for model in (qideadlines.DeadlineReport, qideadlines.Deadline, qideadlines.Reading,
                  qideadlines.Step):  # fmt: skip
        out += ["", f"## `{model.__name__}`", "", (model.__doc__ or "").strip().split("\n")[0]]
        out += ["", "| field | type |", "|---|---|"]
        for name, field in model.model_fields.items():
            out.append(f"| `{name}` | `{_md_escape(str(field.annotation))}` |")
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
