"""The packaged data: coverage, provenance, validation and round trips."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qideadlines import (
    CalendarKind,
    CalendarRow,
    Confidence,
    Defendant,
    Immunity,
    PeriodUnit,
    Role,
    RuleDataError,
    RuleRow,
    RunsFrom,
    Track,
    load_rules,
)
from qideadlines._data import default_paths
from qideadlines._jurisdictions import CODES
from qideadlines._validate import read_rows, write_rows

RULES, CALENDARS, *_ = default_paths()
ROOT = Path(__file__).resolve().parents[1]


def test_every_jurisdiction_has_a_section_1983_rule() -> None:
    rules = load_rules()
    covered = {r.jurisdiction for r in rules if r.track is Track.SECTION_1983}
    assert covered == set(CODES)
    assert len(covered) == 56


def test_rule_windows_cover_all_time_without_gaps_or_overlaps() -> None:
    rules = load_rules()
    for code in CODES:
        rows = [r for r in rules.rules_for(code, Track.SECTION_1983) if r.role is Role.RULE]
        assert rows[0].accrual_from is None, code
        assert rows[-1].accrual_to is None, code
        for prev, row in itertools.pairwise(rows):
            assert prev.accrual_to is not None
            assert row.accrual_from == prev.accrual_to + dt.timedelta(days=1), code


def test_alternatives_are_never_shorter_than_the_rule() -> None:
    """Safe by default: the shorter period is the rule, the longer a reading."""
    rules = load_rules()
    for code in CODES:
        rows = rules.rules_for(code, Track.SECTION_1983)
        for alt in (r for r in rows if r.role is Role.ALTERNATIVE):
            for rule in (r for r in rows if r.role is Role.RULE):
                overlaps = (
                    alt.accrual_to is None
                    or rule.accrual_from is None
                    or rule.accrual_from <= alt.accrual_to
                ) and (
                    rule.accrual_to is None
                    or alt.accrual_from is None
                    or alt.accrual_from <= rule.accrual_to
                )
                if overlaps:
                    start = max(
                        d for d in (alt.accrual_from, rule.accrual_from, dt.date(1950, 1, 1)) if d
                    )
                    from qideadlines._periods import add_period

                    assert add_period(start, alt.period) >= add_period(start, rule.period), code


def test_every_row_names_its_law_source_date_and_confidence() -> None:
    rows: list[tuple[int, RuleRow | CalendarRow]] = [
        *read_rows(RULES, RuleRow),
        *read_rows(CALENDARS, CalendarRow),
    ]
    for line, row in rows:
        assert row.citation, line
        assert row.source_url.startswith(("http://", "https://")), line
        assert row.verified <= dt.date(2026, 12, 31), line
        assert row.confidence in set(Confidence), line


def test_no_row_cites_a_known_unreliable_site() -> None:
    unreliable = ("docketmath", "caseworthnow", "casebriefly", "examzify", "agentcalc")
    for path in (RULES, CALENDARS):
        text = path.read_text(encoding="utf-8").lower()
        for site in unreliable:
            for cells in csv.reader(text.splitlines()):
                urls = [cell for cell in cells if cell.startswith("http")]
                assert not any(site in url for url in urls), (path.name, cells[:2])


def test_every_jurisdiction_has_a_computation_rule_and_the_federal_rule_exists() -> None:
    rows = load_rules().calendar_rows
    codes = {r.jurisdiction for r in rows if r.kind is CalendarKind.COMPUTATION}
    assert codes == {*CODES, "US"}


def test_known_changes_over_time_are_recorded() -> None:
    """DOMAIN.md §4: CA 2003, WI 2018, LA 2024 ('arising after' July 1, 2024)."""
    rules = load_rules()

    def period_on(code: str, day: dt.date) -> str:
        row = next(
            r
            for r in rules.rules_for(code, Track.SECTION_1983)
            if r.role is Role.RULE and r.applies_to(day)
        )
        return str(row.period)

    assert period_on("CA", dt.date(2000, 6, 1)) == "1 year"
    assert period_on("CA", dt.date(2003, 6, 1)) == "2 years"
    assert period_on("WI", dt.date(2018, 4, 4)) == "6 years"
    assert period_on("WI", dt.date(2018, 4, 5)) == "3 years"
    assert period_on("LA", dt.date(2024, 7, 1)) == "1 year"
    assert period_on("LA", dt.date(2024, 7, 2)) == "2 years"


def _copy_with(tmp_path: Path, edit: str, line: int | None = None) -> Path:
    target = tmp_path / "state_rules.csv"
    lines = RULES.read_text(encoding="utf-8").splitlines(keepends=True)
    if line is None:
        lines.append(edit)
    else:
        lines[line - 1] = edit
    target.write_text("".join(lines), encoding="utf-8")
    return target


def _row(**changes: str) -> str:
    base = {
        "jurisdiction": "CO",
        "track": "section_1983",
        "role": "rule",
        "defendant": "any",
        "sued": "",
        "locality": "",
        "conduct_from": "",
        "accrual_from": "",
        "accrual_to": "",
        "period_value": "2",
        "period_unit": "years",
        "runs_from": "accrual",
        "waiting_value": "",
        "waiting_unit": "",
        "recipient": "",
        "content": "",
        "consequence": "",
        "qualified_immunity": "yes",
        "immunity_citation": "",
        "caps_fees": "",
        "warning": "",
        "citation": "Colo. Rev. Stat. § 13-80-102(1)(a)",
        "case": "",
        "source_url": "https://example.org/statute",
        "verified": "2026-11-22",
        "confidence": "high",
        "notes": "",
    } | changes
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(base.values())
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("changes", "column", "fragment"),
    [
        ({"period_unit": "yrs"}, "period_unit", "years"),
        ({"jurisdiction": "XX"}, "jurisdiction", "USPS"),
        ({"citation": " "}, "citation", "at least 1"),
        ({"source_url": "casetext"}, "source_url", "web address"),
        ({"verified": "yesterday"}, "verified", "date"),
        ({"confidence": "sure"}, "confidence", "high"),
        ({"period_value": "0"}, "period_value", "greater than 0"),
        ({"track": "section_1985"}, "track", "section_1983"),
    ],
)
def test_bad_values_name_the_file_line_and_column(
    tmp_path: Path, changes: dict[str, str], column: str, fragment: str
) -> None:
    path = _copy_with(tmp_path, _row(**changes))
    line = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(RuleDataError) as info:
        load_rules(path)
    assert (info.value.line, info.value.column) == (line, column)
    assert fragment in str(info.value)
    assert str(path) in str(info.value)
    assert isinstance(info.value, ValueError)


def test_an_overlapping_window_is_refused(tmp_path: Path) -> None:
    path = _copy_with(tmp_path, _row(accrual_from="2020-01-01"))
    with pytest.raises(RuleDataError, match="overlaps") as info:
        load_rules(path)
    assert info.value.column == "accrual_from"


def test_a_gap_between_windows_is_refused(tmp_path: Path) -> None:
    lines = RULES.read_text(encoding="utf-8").splitlines(keepends=True)
    number, wi = next(
        (i, x) for i, x in enumerate(lines, 1) if x.startswith("WI,section_1983,rule,any,,,,2018")
    )
    path = _copy_with(tmp_path, wi.replace("2018-04-05", "2018-04-06", 1), number)
    with pytest.raises(RuleDataError, match="gap") as info:
        load_rules(path)
    assert info.value.line == number


def test_a_missing_jurisdiction_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "state_rules.csv"
    kept = [
        x
        for x in RULES.read_text(encoding="utf-8").splitlines(keepends=True)
        if not x.startswith("WY,")
    ]
    target.write_text("".join(kept), encoding="utf-8")
    with pytest.raises(RuleDataError, match="WY"):
        load_rules(target)


def test_unknown_and_missing_columns_are_refused(tmp_path: Path) -> None:
    text = RULES.read_text(encoding="utf-8")
    extra = tmp_path / "extra.csv"
    extra.write_text(text.replace("notes\n", "notes,colour\n", 1), encoding="utf-8")
    with pytest.raises(RuleDataError, match="unknown column") as info:
        load_rules(extra)
    assert (info.value.line, info.value.column) == (1, "colour")
    missing = tmp_path / "missing.csv"
    missing.write_text(text.replace(",notes\n", "\n", 1), encoding="utf-8")
    with pytest.raises(RuleDataError, match="missing") as info:
        load_rules(missing)
    assert info.value.column == "notes"


def test_files_that_cannot_be_read_are_reported(tmp_path: Path) -> None:
    with pytest.raises(RuleDataError, match="cannot be read"):
        load_rules(tmp_path / "nope.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(RuleDataError, match="empty"):
        load_rules(empty)
    ragged = _copy_with(tmp_path, "CO,section_1983\n")
    with pytest.raises(RuleDataError, match="cells"):
        load_rules(ragged)


def test_bad_calendar_rows_are_refused(tmp_path: Path) -> None:
    text = CALENDARS.read_text(encoding="utf-8")
    cases = {
        "CO,computation,,monday,,,,x,,https://e.org,2026-11-22,high,\n": ("rule", "monday"),
        "CO,add,,13-45,,,,x,,https://e.org,2026-11-22,high,\n": ("holiday", "name"),
        "CO,add,Day,13-45,,,,x,,https://e.org,2026-11-22,high,\n": ("rule", "date rule"),
        "CO,remove,Day,,2020-01-02,2020-01-01,,x,,https://e.org,2026-11-22,high,\n": ("to", "ends"),
    }
    for extra, (column, fragment) in cases.items():
        path = tmp_path / "cal.csv"
        path.write_text(text + extra, encoding="utf-8")
        with pytest.raises(RuleDataError, match=fragment) as info:
            load_rules(calendars=path)
        assert info.value.column == column


def test_round_trip_csv_models_csv(tmp_path: Path) -> None:
    rules = [row for _, row in read_rows(RULES, RuleRow)]
    write_rows(rules, tmp_path / "rules.csv")
    assert [row for _, row in read_rows(tmp_path / "rules.csv", RuleRow)] == rules
    calendar = [row for _, row in read_rows(CALENDARS, CalendarRow)]
    write_rows(calendar, tmp_path / "calendar.csv")
    assert [row for _, row in read_rows(tmp_path / "calendar.csv", CalendarRow)] == calendar
    write_rows([], tmp_path / "empty.csv")
    assert read_rows(tmp_path / "empty.csv", RuleRow) == []


@given(
    st.sampled_from(CODES),
    st.one_of(st.none(), st.dates()),
    st.integers(1, 10_000),
    st.sampled_from(["years", "months", "days"]),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool),
)
def test_rule_rows_round_trip_through_csv(
    code: str, start: dt.date | None, value: int, unit: str, citation: str
) -> None:
    import tempfile

    row = RuleRow(
        jurisdiction=code,
        track=Track.SECTION_1983,
        role=Role.ALTERNATIVE,
        defendant=Defendant.ANY,
        locality="",
        conduct_from=None,
        accrual_from=start,
        accrual_to=None,
        period_value=value,
        period_unit=PeriodUnit(unit),
        runs_from=RunsFrom.ACCRUAL,
        waiting_value=None,
        waiting_unit=None,
        recipient="",
        content="",
        consequence="",
        qualified_immunity=Immunity.YES,
        immunity_citation="",
        caps_fees="",
        warning="",
        citation=citation,
        case="",
        source_url="https://example.org/a,b",
        verified=dt.date(2026, 11, 22),
        confidence=Confidence.LOW,
        notes='quote " and, comma',
    )
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "rows.csv"
        write_rows([row], out)
        assert read_rows(out, RuleRow) == [(2, row)]


def _run_copied_package(
    tmp_path: Path, code: str, *, with_data: bool
) -> subprocess.CompletedProcess[str]:
    """Run `code` against a copy of the package laid out as a wheel installs it."""
    package = tmp_path / "site" / "qideadlines"
    shutil.copytree(ROOT / "src" / "qideadlines", package)
    if with_data:
        (package / "data").mkdir()
        shutil.copy(RULES, package / "data" / "state_rules.csv")
        shutil.copy(CALENDARS, package / "data" / "court_calendars.csv")
        for name in ("tolling.csv", "state_accrual.csv"):
            shutil.copy(RULES.with_name(name), package / "data" / name)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site")},
        capture_output=True,
        text=True,
        check=False,
    )


def test_packaged_files_load_from_a_wheel_layout(tmp_path: Path) -> None:
    """An installed wheel has the data inside the package; the loader must find it there."""
    code = (
        "import qideadlines._data as d; r, c, *_ = d.default_paths(); "
        "print(r.parent.parent == __import__('pathlib').Path(d.__file__).parent, "
        "len(d.load_rules()))"
    )
    done = _run_copied_package(tmp_path, code, with_data=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "True"
    assert int(done.stdout.split()[1]) == len(load_rules())


def test_source_checkout_reads_the_top_level_data_folder() -> None:
    rules, calendars, *_ = default_paths()
    assert rules.parent.name == "data"
    assert calendars.name == "court_calendars.csv"


def test_a_missing_data_folder_is_a_rule_data_error(tmp_path: Path) -> None:
    done = _run_copied_package(
        tmp_path, "import qideadlines; qideadlines.load_rules()", with_data=False
    )
    assert "RuleDataError" in done.stderr
    assert "missing" in done.stderr


@pytest.mark.parametrize(
    ("changes", "column", "fragment"),
    [
        ({"role": "none"}, "period_value", "no period"),
        ({"period_value": ""}, "period_value", "needs a period"),
        ({"period_unit": ""}, "period_unit", "needs a period"),
        ({"runs_from": ""}, "runs_from", "runs from"),
        ({"waiting_value": "60"}, "waiting_unit", "both"),
        ({"track": "ftca_claim"}, "jurisdiction", "belong to jurisdiction US"),
        ({"jurisdiction": "US"}, "jurisdiction", "only federal tracks"),
        ({"track": "bivens"}, "track", "borrows the section_1983 rows"),
        ({"accrual_from": "2020-01-02", "accrual_to": "2020-01-01"}, "accrual_to", "ends"),
    ],
)
def test_rows_that_contradict_themselves_are_refused(
    tmp_path: Path, changes: dict[str, str], column: str, fragment: str
) -> None:
    path = _copy_with(tmp_path, _row(**changes))
    line = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(RuleDataError, match=fragment) as info:
        load_rules(path)
    assert (info.value.line, info.value.column) == (line, column)


def test_overlapping_windows_of_one_rule_are_refused(tmp_path: Path) -> None:
    first = _row(track="local_tort_notice", defendant="local", period_value="90",
                 period_unit="days", accrual_to="2020-12-31")  # fmt: skip
    second = _row(track="local_tort_notice", defendant="local", period_value="1",
                  period_unit="years", accrual_from="2020-06-01")  # fmt: skip
    path = _copy_with(tmp_path, first + second)
    with pytest.raises(RuleDataError, match="overlaps"):
        load_rules(path)
