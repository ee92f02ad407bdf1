"""Two audiences: research notes stay with maintainers, and no file speaks of how research went.

A person sees only columns written for them (a warning, a consequence, a citation),
never a row's ``notes``; and nothing in the project, the data included, carries
research markers, tool names or who-read-what.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest

from qideadlines import compute_deadlines, get_rules, load_rules
from qideadlines._cli import main
from qideadlines._data import default_paths
from qideadlines._jurisdictions import CODES
from qideadlines._screen import render_summary, render_text

ROOT = Path(__file__).resolve().parents[1]

#: How research went: markers, tools, who read what. Never anywhere in the project.
_PROCESS = [
    r"\[verif" + r"y",
    r"VERIF" + r"Y\d",
    "find_" + "string",
    r"(?<!habeas )\bcor" + r"pus\b",
    r"\bresearch" + r"ers?\b",
    r"\bhelp" + r"ers?\b",
    r"\bby (c" + r"r|g" + r"d)\b",
    r"\bper (the )?bri" + r"ef\b",
    r"\bthe bri" + r"ef\b",
    r"\bsearch bud" + r"get\b",
    r"\bwa" + r"ve[- ]?\d\b",
    r"\b(this|research) sess" + r"ion\b",
    # A maintainer's initials before "reading" or "row", and a row's edit history.
    r"(?<![A-Za-z])[a-z]{2}'s (read" + r"ing|row)\b",
    r"\bREPLA" + r"CES\b",
    r"\bunre" + r"ad\b",
    # A dated marker of initials and a date in square brackets, and look-ups.
    r"\[[a-z]{2,3} \d{4}" + r"-\d\d-\d\d\]",
    r"\(sear" + r"ched[;:)]",
    r"\bnone sear" + r"ched\b",
    r"\bwere not sear" + r"ched\b",
    # Names for the project's own working files and sessions, and proposals to a colleague.
    r"\bmain[- ]da" + r"ta\b",
    r"\bmain sess" + r"ion\b",
    r"\bPROPOSED CHA" + r"NGE\b",
    r"\bProposed u" + r"se\b",
    r"\b(available|rechecked|read) by (?-i:[a-z]{2}|t\d)\b",
    r"\(t\d, re" + r"ad\)",
]
#: And in what a person reads, nothing that says a source was or was not read.
_READING = [
    r"\bnot re" + r"ad\b",
    r"\bre-?re" + r"ad\b",
    r"\((opinion |text |summary )?re" + r"ad[,;)]",
    r"\b(was|were) re" + r"ad\b",
    r"\bsummary re" + r"ad\b",
    r"\bopening re" + r"ad\b",
    r"\blead on" + r"ly\b",
    r"\(le" + r"ad\b",
    r"\bper le" + r"ad\b",
]
#: And in the columns written for a person, no report of the research's own state:
#: a row below ``high`` says so through its confidence, in the library's own words.
_PERSON_COLUMNS = {
    "warning", "consequence", "content", "recipient", "caps_fees", "citation", "case",
}  # fmt: skip
_UNSETTLED = [
    r"\b(not|NOT) resea" + r"rched\b",
    r"\bunresea" + r"rched\b",
    r"\b(not|NOT) verif" + r"ied\b",
    r"(?i)\bunverif" + r"ied\b",
    r"\bidentified or re" + r"ad\b",
    r"\bfor this libr" + r"ary\b",
]


def _hits(text: str, patterns: list[str]) -> list[str]:
    return [p for p in patterns if re.search(p, text)]


#: Folders of built or recorded output, not the project's own words.
_GENERATED = {"_build", "_generated", "snapshots", "__pycache__"}


def _tracked() -> list[Path]:
    """The project's own files: source, tests, data, docs sources, CI and the top level."""
    found = [ROOT / n for n in ("README.md", "CHANGELOG.md", "pyproject.toml", "hatch_build.py")]
    found.append(ROOT / ".ci" / "run")
    for folder in ("src", "tests", "data", "docs", "benchmarks"):
        found.extend(
            p
            for p in (ROOT / folder).rglob("*")
            if p.is_file()
            and not {"_build", "_generated", "snapshots", "__pycache__"} & set(p.parts)
        )
    return found


def test_no_project_file_speaks_of_how_research_was_done() -> None:
    found: list[tuple[str, str]] = []
    for path in _tracked():
        if path.suffix not in {".py", ".md", ".csv", ".toml", ".txt", ""} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found.extend((path.name, p) for p in _hits(text, _PROCESS))
    assert not found, found


def test_no_data_cell_says_a_source_was_or_was_not_read() -> None:
    found: list[tuple[str, int, str, str]] = []
    for path in default_paths():
        text = path.read_text(encoding="utf-8")
        for line, row in enumerate(csv.DictReader(io.StringIO(text)), 2):
            for column, cell in row.items():
                if column != "source_url":
                    found.extend((path.name, line, column, p) for p in _hits(cell, _READING))
                if column in _PERSON_COLUMNS:
                    found.extend((path.name, line, column, p) for p in _hits(cell, _UNSETTLED))
    assert not found, found[:20]


def _long_notes() -> set[str]:
    rules = load_rules()
    notes = [r.notes for r in rules.rows]
    notes += [r.notes for r in rules.calendar_rows]
    notes += [r.notes for r in rules.tolling_rows]
    notes += [r.notes for r in rules.accrual_rows]
    return {n for n in notes if len(n) > 80}


@pytest.mark.parametrize("code", CODES)
def test_a_person_never_sees_research_notes(code: str) -> None:
    notes = _long_notes()
    facts = [{}, {"claim": "false-arrest", "legal_process_date": dt.date(2024, 3, 20),
                  "birth_date": dt.date(2010, 1, 1), "prisoner": True}]  # fmt: skip
    for given in facts:
        report = compute_deadlines(code, dt.date(2024, 3, 15), today=dt.date(2025, 1, 1),
                                   **given)  # type: ignore[arg-type]  # fmt: skip
        text = io.StringIO()
        render_text(report, text)
        render_summary(report, text)
        shown = report.model_dump_json() + text.getvalue()
        assert not _hits(shown, _PROCESS + _READING), code
        assert not [n for n in notes if n in shown], code
    rules_text = io.StringIO()
    from qideadlines._render import render_rules

    render_rules(get_rules(code), rules_text)
    assert not [n for n in notes if n in rules_text.getvalue()], code


def test_rules_json_on_the_command_line_leaves_out_the_notes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules", "CO", "--json"]) == 0
    assert '"notes"' not in capsys.readouterr().out


@pytest.mark.parametrize("code", CODES)
def test_each_warning_once(code: str) -> None:
    """A warning is given in full once: the report's own list repeats no deadline's, and the
    text points back to a warning several deadlines share instead of printing it again."""
    report = compute_deadlines(code, dt.date(2024, 3, 15), today=dt.date(2025, 1, 1))
    given = {w for d in report.deadlines for w in d.warnings}
    assert not given & set(report.warnings), code
    assert len(set(report.warnings)) == len(report.warnings), code
    text = io.StringIO()
    render_text(report, text, width=0)
    printed = [
        line.strip()[2:]
        for line in text.getvalue().splitlines()
        if line.startswith("    - ") and not line.startswith("    - As under ")
    ]
    assert len(printed) == len(set(printed)), code


def test_the_documentation_pages_carry_no_research_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generated pages show the data's person-facing columns only: no maintainers'
    notes and no research-process words."""
    import importlib

    monkeypatch.syspath_prepend(str(ROOT / "docs"))
    gen = importlib.import_module("_gen")
    notes = _long_notes()
    pages = [gen.jurisdiction_page(code) for code in CODES]
    pages += [gen.index_page(), gen.schema_page(), gen.find_your_state()]
    for page in pages:
        assert not _hits(page, _PROCESS + _READING), page[:40]
        assert not [n for n in notes if n in page], page[:40]
