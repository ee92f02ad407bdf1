"""Hostile and careless input: every row comes back or one line says why, and no file is lost.

The named tests are the reproducers of issue 15; the properties generate CSV files
(quoting, encodings, line ends, extra and missing cells, long fields) and argument
vectors, and run them through the command line in this process.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qideadlines
from qideadlines import QiDeadlinesError, RuleDataError, compute_batch, load_rules
from qideadlines._cli import main
from qideadlines._data import default_paths
from qideadlines._files import FIELD_LIMIT

HEADER = "jurisdiction,incident_date"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line(err: str) -> None:
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1, err
    assert "Traceback" not in err


# -- the reproducers -------------------------------------------------------------------------


def test_the_output_may_not_be_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "intake.csv"
    text = f"{HEADER}\nCO,2024-03-15\n"
    source.write_text(text, encoding="utf-8")
    code, _, err = _run(capsys, "batch", str(source), "-o", str(source))
    assert code == 2
    _one_line(err)
    assert "would overwrite the input" in err
    assert source.read_text(encoding="utf-8") == text
    link = tmp_path / "link.csv"
    link.symlink_to(source)
    code, _, err = _run(capsys, "batch", str(source), "-o", str(link))
    assert code == 2
    assert source.read_text(encoding="utf-8") == text


def test_an_unclosed_quote_is_a_file_error_naming_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    rows = "".join(f"CO,2024-03-{day:02d},x\n" for day in range(1, 29))
    source.write_text(f'{HEADER},note\nCO,2024-03-15,"oops\n{rows}', encoding="utf-8")
    target = tmp_path / "out.csv"
    target.write_text("previous\n", encoding="utf-8")
    code, _, err = _run(capsys, "batch", str(source), "-o", str(target))
    assert code == 2
    _one_line(err)
    assert "line 2" in err
    assert "never closed" in err
    assert target.read_text(encoding="utf-8") == "previous\n"  # untouched


def test_extra_cells_are_a_row_error_and_missing_cells_read_as_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(f"{HEADER},note\nCO,2024-03-15,a,extra\nNY,2024-03-15\n", encoding="utf-8")
    code, out, _ = _run(capsys, "batch", str(source), "--tracks", "section_1983")
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2
    assert "4 cells but the header has 3" in rows[0]["error"]
    assert rows[0]["due_section_1983"] == ""
    assert rows[1]["error"] == ""
    assert rows[1]["note"] == ""


@pytest.mark.parametrize(
    ("header", "words"),
    [
        ("jurisdiction,incident_date,jurisdiction", "appears twice"),
        ("jurisdiction,incident_date,error", "one the batch writes"),
        ("jurisdiction,incident_date,due_section_1983", "one the batch writes"),
        ("jurisdiction,when", "no 'incident_date' column"),
    ],
)
def test_header_problems_are_file_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str, words: str
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(f"{header}\nCO,2024-03-15,x\n", encoding="utf-8")
    code, _, err = _run(capsys, "batch", str(source))
    assert code == 2
    _one_line(err)
    assert words in err
    assert "line 1" in err or "no 'incident_date'" in err


def test_a_bare_carriage_return_in_a_cell_is_quoted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(b'jurisdiction,incident_date,note\r\nCO,2024-03-15,"a\rb"\r\n')
    code, out, _ = _run(capsys, "batch", str(source), "--tracks", "section_1983")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert len(rows) == 1
    assert rows[0]["note"] == "a\rb"


@pytest.mark.parametrize(
    ("data", "argv", "words"),
    [
        (f"{HEADER},note\nCO,2024-03-15,café\n".encode("latin-1"), [], "line 2"),
        (f"{HEADER}\nCO,2024-03-15\n".encode("utf-16"), [], ""),
        (f"{HEADER}\nCO,2024-03-15\n".encode("utf-8-sig"), [], ""),
        (f"{HEADER},note\nCO,2024-03-15,café\n".encode("cp1252"), ["--encoding", "cp1252"], ""),
        (f"{HEADER}\nCO,2024-03-15\n".encode(), ["--encoding", "klingon"], "not an encoding"),
    ],
)
def test_encodings(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    data: bytes,
    argv: list[str],
    words: str,
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(data)
    code, out, err = _run(capsys, "batch", str(source), "--tracks", "section_1983", *argv)
    if words:
        assert code == 2
        _one_line(err)
        assert words in err
    else:
        assert code == 0, err
        (row,) = csv.DictReader(io.StringIO(out))
        assert row["due_section_1983"] == "2026-03-15"
        if "note" in row:
            assert row["note"] == "café"


def test_a_field_over_the_limit_is_a_file_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(f"{HEADER},note\nCO,2024-03-15,{'x' * (FIELD_LIMIT + 1)}\n", "utf-8")
    code, _, err = _run(capsys, "batch", str(source))
    assert code == 2
    _one_line(err)
    assert "line 2" in err
    assert "longer than" in err


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("missing-folder/out.csv", "does not exist"),
        (".", "is a folder"),
    ],
)
def test_an_output_that_cannot_be_written_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str, words: str
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(f"{HEADER}\nCO,2024-03-15\n", encoding="utf-8")
    code, _, err = _run(capsys, "batch", str(source), "-o", str(tmp_path / target))
    assert code == 2
    _one_line(err)
    assert words in err


def test_a_full_disk_is_one_line_and_leaves_the_old_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(f"{HEADER}\nCO,2024-03-15\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    target.write_text("previous\n", encoding="utf-8")
    import os

    def full(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = _run(capsys, "batch", str(source), "-o", str(target))
    assert code == 2
    _one_line(err)
    assert "No space left on device" in err
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def test_a_row_that_cannot_go_on_the_calendar_is_marked_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("icalendar")
    source = tmp_path / "in.csv"
    source.write_text(
        f"{HEADER},today\nCO,2024-03-15,1800-01-01\nNY,2024-03-15,\n", encoding="utf-8"
    )
    calendar = tmp_path / "out.ics"
    code, out, _ = _run(capsys, "batch", str(source), "--ics", str(calendar))
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert "today" in rows[0]["error"]
    assert rows[1]["error"] == ""
    text = calendar.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    assert text.rstrip().endswith("END:VCALENDAR")
    assert "New York" in text
    assert "Colorado" not in text


def test_ctrl_c_is_one_line_and_status_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from qideadlines import _cli

    def interrupted(*_: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(_cli, "_run", interrupted)
    code, _, err = _run(capsys, "jurisdictions")
    assert code == 130
    _one_line(err)


def test_closed_stdout_and_stdin_are_one_line() -> None:
    args = [sys.executable, "-m", "qideadlines"]
    done = subprocess.run(
        [*args, "jurisdictions"], stdout=subprocess.DEVNULL, capture_output=False,
        stderr=subprocess.PIPE, text=True, check=False, close_fds=True,
        preexec_fn=lambda: __import__("os").close(1),
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    done = subprocess.run(
        [*args, "batch", "-"], capture_output=True, text=True, check=False,
        preexec_fn=lambda: __import__("os").close(0),
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_an_output_encoding_without_the_section_sign_still_prints() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "qideadlines", "compute", "CO", "2024-03-15", "--today",
         "2025-01-01"],
        capture_output=True, check=False, env={"PYTHONIOENCODING": "ascii", "PATH": ""},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert b"1983" in done.stdout


# -- the library's own inputs ------------------------------------------------------------------


def test_compute_batch_takes_natural_python_cells() -> None:
    rows = [
        {"jurisdiction": "CO", "incident_date": dt.date(2024, 3, 15), "prisoner": True},
        {"jurisdiction": "CO", "incident_date": 20240315},
        {"jurisdiction": 7, "incident_date": "2024-03-15"},
        {"jurisdiction": "TX", "incident_date": "2024-03-15", "birth_date": dt.date(2010, 1, 1),
         "defendant": ["local", "state"], "prisoner": False},
    ]  # fmt: skip
    out = list(compute_batch(rows, tracks=["section_1983"], jobs=1))
    assert len(out) == 4
    assert out[0]["due_section_1983"] == "2026-03-15"
    assert "not a date" in out[1]["error"]
    assert "Unknown jurisdiction" in out[2]["error"]
    assert out[3]["due_section_1983"] == "2029-12-31"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"tracks": 5},
        {"rules": "file.csv"},
        {"prisoner": "no"},
        {"locality": 123},
        {"sued": 5},
        {"defendants": 5},
        {"claim": 5},
        {"today": "2024-01-01"},
        {"release_date": "2024-01-01"},
    ],
)
def test_wrong_types_are_documented_errors(kwargs: dict[str, object]) -> None:
    with pytest.raises(QiDeadlinesError):
        qideadlines.compute_deadlines("CO", dt.date(2024, 3, 15), **kwargs)  # type: ignore[arg-type]


# -- the rules loader ------------------------------------------------------------------------


def _copy(tmp_path: Path, edit: object) -> Path:
    rules = default_paths()[0]
    target = tmp_path / rules.name
    text = rules.read_text(encoding="utf-8")
    target.write_bytes(edit(text) if callable(edit) else text.encode())
    return target


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda t: t.replace("Colo.", "Col\xe9.").encode("latin-1", "replace"), "decoded"),
        (lambda t: (t + 'CO,"never closed').encode(), "never closed"),
        (lambda t: (t + f"CO,{'x' * (FIELD_LIMIT + 1)}\n").encode(), "longer than"),
        (
            lambda t: t.replace(
                "CO,section_1983,rule,any,,,,,,2,years", "CO,section_1983,rule,any,,,,,,10000,years"
            ).encode(),
            "150 years",
        ),
    ],
)
def test_every_rules_file_problem_is_a_rule_data_error(
    tmp_path: Path, edit: object, words: str
) -> None:
    with pytest.raises(RuleDataError, match=words):
        load_rules(_copy(tmp_path, edit))


def test_a_device_is_not_read() -> None:
    with pytest.raises(RuleDataError, match="not a regular file"):
        load_rules(calendars="/dev/zero")


def test_forty_closure_days_in_a_row_are_refused_at_load(tmp_path: Path) -> None:
    calendars = default_paths()[1]
    text = calendars.read_text(encoding="utf-8")
    rows = "".join(
        f"CO,add,Closed,{(dt.date(2024, 3, 1) + dt.timedelta(days=n)).isoformat()},,,,x,,"
        "https://e.org,2026-11-22,high,\n"
        for n in range(40)
    )
    target = tmp_path / "cal.csv"
    target.write_text(text + rows, encoding="utf-8")
    with pytest.raises(RuleDataError, match="days in a row"):
        load_rules(calendars=target)


# -- properties ------------------------------------------------------------------------------

_CELL = st.one_of(
    st.sampled_from(["CO", "ny", " TX ", "XX", "", "2024-03-15", "1800-01-01", "3/15/2024"]),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.lists(_CELL, min_size=0, max_size=4), max_size=8),
    form=st.tuples(
        st.sampled_from(["\n", "\r\n"]),
        st.booleans(),
        st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    ),
)
def test_any_csv_gives_one_row_per_data_row_or_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    rows: list[list[str]],
    form: tuple[str, bool, str],
) -> None:
    newline, all_quoted, encoding = form
    buffer = io.StringIO(newline="")
    writer = (
        csv.writer(buffer, lineterminator=newline, quoting=csv.QUOTE_ALL)
        if all_quoted
        else csv.writer(buffer, lineterminator=newline)
    )
    writer.writerow(["jurisdiction", "incident_date", "note"])
    writer.writerows(rows)
    source = tmp_path / "in.csv"
    source.write_bytes(buffer.getvalue().encode(encoding))
    code, out, err = _run(capsys, "batch", str(source), "--tracks", "section_1983")
    assert "Traceback" not in err
    if code == 2:
        _one_line(err)
        return
    data_rows = [r for r in rows if r]  # csv writes an empty record as a blank line
    back = list(csv.reader(io.StringIO(out, newline="")))
    assert len(back) == 1 + len(data_rows), (rows, out)
    assert code in {0, 1}


@settings(max_examples=60)
@given(
    st.lists(
        st.sampled_from(
            [
                "compute",
                "batch",
                "rules",
                "CO",
                "XX",
                "2024-03-15",
                "2024-02-30",
                "--today",
                "--tracks",
                "nope",
                "--claim",
                "--sued",
                "nobody",
                "--defendant",
                "-o",
                "--jobs",
                "0",
                "--json",
                "--format",
                "csv",
                "--encoding",
                "--ics",
                "-",
            ]
        ),
        max_size=6,
    )
)
def test_any_argument_vector_ends_in_a_status_not_a_traceback(argv: list[str]) -> None:
    if "-" in argv or "batch" in argv or "--ics" in argv or "-o" in argv:
        return  # reading stdin or writing files: covered above
    stdout, stderr = io.StringIO(), io.StringIO()
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    finally:
        sys.stdout, sys.stderr = real
    assert code in {0, 1, 2}
    assert "Traceback" not in stderr.getvalue()


def test_a_device_output_is_written_to_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os
    import stat

    source = tmp_path / "in.csv"
    source.write_text(f"{HEADER}\nCO,2024-03-15\n", encoding="utf-8")
    code, _, _ = _run(capsys, "batch", str(source), "-o", os.devnull)
    assert code == 0
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_bare_carriage_return_inside_a_row_is_refused_in_any_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    """One malformed row is never read as two: a bare carriage return is a file error,
    whether the file is UTF-8 or UTF-16 (found by the generated-CSV property)."""
    source = tmp_path / "in.csv"
    source.write_bytes("jurisdiction,incident_date,note\n0\r0\n".encode(encoding))
    code, _, err = _run(capsys, "batch", str(source))
    assert code == 2
    _one_line(err)
    assert "bare carriage return" in err
