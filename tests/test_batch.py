"""Batch CSV, machine-readable output, calendar export, text for people."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import icalendar
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qideadlines import DeadlineReport, Status, Track, compute_deadlines
from qideadlines._batch import batch_columns, compute_batch, row_report
from qideadlines._cli import main
from qideadlines._errors import InvalidFactError
from qideadlines._inputs import parse_tracks
from qideadlines._registry import REGISTRY, BatchRole
from qideadlines._render import safe_cell

from strategies import dates, jurisdictions


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@settings(max_examples=60)
@given(
    jurisdictions(),
    dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    st.sets(st.sampled_from(["local", "state", "federal"]), min_size=1),
)
def test_batch_due_dates_equal_the_reports(code: str, incident: dt.date, who: set[str]) -> None:
    """The batch's fast path gives the same `due` as the full report, track by track."""
    denial = incident + dt.timedelta(days=120)
    row = {
        "jurisdiction": code,
        "incident_date": incident.isoformat(),
        "defendant": ";".join(sorted(who)),
        "denial_date": denial.isoformat(),
    }
    (out,) = compute_batch([row])
    report = compute_deadlines(code, incident, defendants=who, denial_date=denial)
    for track in Track:
        dues = [d.due for d in report.deadlines if d.track is track]
        assert out[f"due_{track.value}"] == (min(dues).isoformat() if dues else ""), track


@settings(max_examples=80)
@given(
    jurisdictions(),
    dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    st.integers(0, 2000),
    st.sampled_from(["", "officers", "government"]),
    st.sampled_from(["", "malicious-prosecution", "false-arrest"]),
)
def test_next_due_is_the_reports_earliest_open_deadline(
    code: str, incident: dt.date, later: int, sued: str, claim: str
) -> None:
    """`next_due` is the earliest deadline not yet past, across every defendant and track,
    the same as the report gives for the row (issue 15)."""
    today = incident + dt.timedelta(days=later)
    event = incident + dt.timedelta(days=30)
    row = {"jurisdiction": code, "incident_date": incident.isoformat(),
           "today": today.isoformat(), "sued": sued, "claim": claim,
           "favorable_termination_date": event.isoformat() if claim else "",
           "legal_process_date": event.isoformat() if claim else "",
           "release_date": event.isoformat() if claim else ""}  # fmt: skip
    (out,) = compute_batch([row], jobs=1)
    assert out["error"] == ""
    report = row_report(row)
    open_ones = sorted(
        (d.due, d.track.value)
        for d in report.deadlines
        if d.due >= today and REGISTRY[d.track].batch is BatchRole.DEADLINE
    )
    if not open_ones:
        assert out["next_due"] == ""
        return
    assert out["next_due"] == open_ones[0][0].isoformat()
    assert out["next_track"] in {t for d, t in open_ones if d == open_ones[0][0]}
    assert out["days_remaining"] == str((open_ones[0][0] - today).days)


def test_every_row_comes_back_in_order_with_its_columns() -> None:
    rows = [
        {"jurisdiction": "CO", "incident_date": "2024-03-15", "client": "A"},
        {"jurisdiction": "XX", "incident_date": "2024-03-15", "client": "B"},
        {"jurisdiction": "NY", "incident_date": "15/03/2024", "client": "C"},
        {"jurisdiction": "TX", "incident_date": "2024-03-15", "client": "D", "claim": "x"},
        {"jurisdiction": "TX", "incident_date": "2024-03-15", "client": "E", "defendant": "city"},
        {"jurisdiction": "NY", "incident_date": "2024-03-15", "client": "F", "today": "2025-01-01"},
    ]
    out = list(compute_batch(rows, tracks=["section_1983", "local_tort_notice"]))
    assert [r["client"] for r in out] == ["A", "B", "C", "D", "E", "F"]
    assert out[0]["due_section_1983"] == "2026-03-15"
    assert out[0]["error"] == ""
    assert "Unknown jurisdiction" in out[1]["error"]
    assert "can only be day/month/year" in out[2]["error"]
    assert "claim 'x' is not one of" in out[3]["error"]
    assert "'city'" in out[4]["error"]
    assert all(r["due_section_1983"] == "" for r in out[1:5])
    assert out[5]["next_track"] == "section_1983"  # the 90-day notice expired in 2024
    assert out[5]["days_remaining"] == str((dt.date(2027, 3, 15) - dt.date(2025, 1, 1)).days)


def test_batch_columns_and_tracks() -> None:
    assert parse_tracks(None) == tuple(Track)
    with pytest.raises(InvalidFactError, match="not one of"):
        parse_tracks(["section_1985"])
    columns = batch_columns(["jurisdiction", "incident_date", "error"], (Track.BIVENS,))
    assert columns == [
        "jurisdiction", "incident_date", "error", "due_bivens", "next_track", "next_due",
        "days_remaining",
    ]  # fmt: skip


def test_batch_cli_is_spreadsheet_safe_and_reports_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        'jurisdiction,incident_date,note\nCO,2024-03-15,=HYPERLINK("x")\nXX,2024-03-15,@a\n',
        encoding="utf-8",
    )
    target = tmp_path / "out.csv"
    code, _, err = run(capsys, "batch", str(source), "-o", str(target), "--tracks", "bivens")
    assert code == 1
    assert "1 row(s) could not be computed" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["note"] for r in rows] == ['\'=HYPERLINK("x")', "'@a"]
    assert rows[0]["due_bivens"] == "2026-03-15"
    assert rows[1]["error"].startswith("Unknown jurisdiction")
    assert list(rows[0]) == [
        "jurisdiction", "incident_date", "note", "due_bivens", "next_track", "next_due",
        "days_remaining", "error",
    ]  # fmt: skip


def test_batch_cli_reads_stdin_and_exits_zero_when_all_rows_pass() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "qideadlines", "batch", "-", "--tracks", "section_1983"],
        input="jurisdiction,incident_date\nOR,1998-08-14\n",
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("OR,1998-08-14,2000-08-14")


def test_batch_cli_input_problems_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "batch", str(tmp_path / "missing.csv"))
    assert code == 2
    assert "missing.csv: cannot be read" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("state,date\nCO,2024-03-15\n", encoding="utf-8")
    code, _, err = run(capsys, "batch", str(bad))
    assert code == 2
    assert "no 'jurisdiction' column" in err
    code, _, err = run(capsys, "batch", str(bad), "--tracks", "nope")
    assert code == 2
    assert "track 'nope'" in err


def test_rows_are_streamed_not_held() -> None:
    """A generator of a million rows yields its first results at once (peak memory is
    measured by benchmarks/bench_batch.py)."""

    def many() -> object:
        for i in range(10**6):
            yield {"jurisdiction": "CO", "incident_date": "2024-03-15", "n": str(i)}

    out = compute_batch(many(), tracks=["section_1983"])  # type: ignore[arg-type]
    first = [next(out) for _ in range(3)]
    assert [r["n"] for r in first] == ["0", "1", "2"]


def test_compute_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compute", "CO", "2024-03-15", "--format", "csv",
                       "--today", "2025-01-01")  # fmt: skip
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    section = next(r for r in rows if r["track"] == "section_1983")
    assert section["due"] == "2026-03-15"
    assert section["days_remaining"] == "438"
    assert section["status"] == "open"
    code, out, _ = run(capsys, "compute", "CO", "2024-03-15", "--format", "json",
                       "--today", "2025-01-01")  # fmt: skip
    data = json.loads(out)
    assert data["schema_version"] == 4
    assert data["today"] == "2025-01-01"


def test_json_output_validates_against_the_printed_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, schema_text, _ = run(capsys, "schema")
    schema = json.loads(schema_text)
    for argv in (["NY", "2024-03-15"], ["CA", "2003-01-01", "--denial-date", "2003-06-02"]):
        _, out, _ = run(capsys, "compute", *argv, "--json", "--today", "2024-01-01")
        jsonschema.validate(json.loads(out), schema)
    assert schema == DeadlineReport.model_json_schema()


def test_text_output_shows_days_remaining_and_the_date_used(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "compute", "NY", "2024-03-15", "--today", "2024-06-01")
    assert "Days left are counted from 2024-06-01." in out
    assert "12 days" in out  # the 90-day notice, due June 13
    assert "\033[" not in out  # not a terminal: no color
    _, out, _ = run(capsys, "compute", "NY", "2024-03-15", "--explain", "--today", "2024-06-01")
    assert "today taken as 2024-06-01" in out
    assert "12d left" in out
    _, out, _ = run(capsys, "compute", "NY", "2024-03-15")
    assert f"counted from {dt.date.today().isoformat()}" in out  # noqa: DTZ011


def test_color_only_on_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from qideadlines._cli import _color

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _color(Tty())
    assert not _color(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _color(Tty())


def test_colored_text_marks_expired_and_due_soon() -> None:
    from qideadlines._screen import render_text

    report = compute_deadlines("NY", dt.date(2024, 3, 15), today=dt.date(2024, 6, 1))
    buffer = io.StringIO()
    render_text(report, buffer, color=True)
    assert "\033[33m" in buffer.getvalue()  # the notice is due soon
    statuses = {d.status for d in report.deadlines}
    assert Status.DUE_SOON in statuses


def test_ics_export_is_valid_and_parses_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "deadlines.ics"
    code, _, _ = run(capsys, "compute", "CO", "2024-03-15", "--today", "2024-04-01",
                     "--ics", str(target))  # fmt: skip
    assert code == 0
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    report = compute_deadlines("CO", dt.date(2024, 3, 15))
    assert len(events) == len(report.deadlines) - 1  # the § 242 clock is not theirs
    first = next(e for e in events if str(e["summary"]).startswith("File a § 1983 suit"))
    assert first.decoded("dtstart") == dt.date(2026, 3, 15)
    assert "Colorado" in str(first["summary"])
    assert "Colo. Rev. Stat." in str(first["description"])
    triggers = sorted(a.decoded("trigger") for a in first.walk("VALARM"))
    assert triggers == [dt.timedelta(days=-30), dt.timedelta(days=-7)]
    again = tmp_path / "again.ics"
    run(capsys, "compute", "CO", "2024-03-15", "--today", "2024-04-01", "--ics", str(again))
    assert again.read_bytes() == target.read_bytes()  # deterministic


def test_batch_writes_one_calendar_for_all_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "jurisdiction,incident_date,defendant\nCO,2024-03-15,local state\n"
        "OR,2024-01-02,federal|local\nXX,2024-01-01,\n",
        encoding="utf-8",
    )
    target = tmp_path / "all.ics"
    run(capsys, "batch", str(source), "-o", str(tmp_path / "o.csv"), "--ics", str(target))
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert any("Colorado" in s for s in summaries)
    assert any("Oregon" in s for s in summaries)


def test_safe_cell() -> None:
    assert [safe_cell(x) for x in ("=1", "+1", "-1", "@x", "\tx", "ok", "")] == [
        "'=1", "'+1", "'-1", "'@x", "'\tx", "ok", ""
    ]  # fmt: skip


def test_calendars_name_the_case_skip_past_alarms_and_the_242_clock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "Jurisdiction,Incident Date,Client\nCO,2024-03-15,Ana Ruiz\nNY,3/15/2024,Bo Li\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.ics"
    code, _out, _ = run(capsys, "batch", str(source), "--today", "2025-01-01", "--ics",
                       str(target), "-o", str(tmp_path / "out.csv"))  # fmt: skip
    assert code == 0
    events = list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert {str(e["summary"]).split(":")[0] for e in events} == {"Ana Ruiz", "Bo Li"}
    assert not any("§ 242" in str(e["summary"]) for e in events)
    for event in events:
        past = event.decoded("dtstart") < dt.date(2025, 1, 1)
        assert bool(list(event.walk("VALARM"))) is not past
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8"))))
    assert [r["days_remaining"] != "" for r in rows] == [True, True]  # the file's --today
    code, _, _ = run(capsys, "compute", "CO", "2024-03-15", "--case", "Ana Ruiz", "--ics",
                     str(target), "--tracks", "section_1983,criminal_242")  # fmt: skip
    events = list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert len(events) == 2  # asked for by name, the § 242 clock is on the calendar
    assert all(str(e["summary"]).startswith("Ana Ruiz: ") for e in events)


def test_headers_match_whatever_their_case_and_spaces_and_the_bom_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes("\ufeffJURISDICTION , incident-date,Today,Note\nco,3/15/2024,,é\n".encode())
    target = tmp_path / "out.csv"
    code, _, _ = run(capsys, "batch", str(source), "-o", str(target), "--tracks",
                     "section_1983", "--today", "2025-01-01")  # fmt: skip
    assert code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    (row,) = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    assert row["due_section_1983"] == "2026-03-15"
    assert row["JURISDICTION "] == "co"
    assert row["days_remaining"] == str((dt.date(2026, 3, 15) - dt.date(2025, 1, 1)).days)
    plain = tmp_path / "plain.csv"
    plain.write_text("jurisdiction,incident_date\nCO,2024-03-15\n", encoding="utf-8")
    run(capsys, "batch", str(plain), "-o", str(target), "--tracks", "section_1983")
    assert not target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_an_unknown_locality_names_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "compute", "TX", "2024-03-15", "--locality", "Dallas")
    assert code == 2
    assert "'dallas' has no rules in Texas; its localities are houston, mission, tyler" in err
    code, out, _ = run(capsys, "rules", "TX")
    assert "Localities with rules of their own (--locality): houston, mission, tyler" in out
    (row,) = compute_batch([{"jurisdiction": "TX", "incident_date": "2024-03-15",
                             "locality": "dallas"}], jobs=1)  # fmt: skip
    assert "has no rules in Texas" in row["error"]
