"""The command line: a thin skin over the library."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import pytest
from hypothesis import given

from qideadlines import DISCLAIMER, compute_deadlines
from qideadlines._cli import build_parser, main

from strategies import dates, jurisdictions


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_compute_text_fits_a_screen(capsys: pytest.CaptureFixture[str]) -> None:
    """The default text is what a person needs first: every deadline in words on one screen,
    the § 1983 line first, the § 242 clock set apart, the next steps, the disclaimer."""
    from qideadlines._jurisdictions import CODES

    for code_ in CODES:
        code, out, err = run(capsys, "compute", code_, "2024-03-15", "--today", "2025-01-01")
        assert code == 0
        assert err == ""
        lines = out.splitlines()
        assert len(lines) <= 40, (code_, len(lines))
        assert all(len(line) <= 100 for line in lines), code_
        assert lines[4].lstrip().startswith("File a § 1983 suit"), code_
        import re

        words = re.sub(r"'[a-z_]+'|--[a-z-]+", "", "".join(lines[3:-3]))
        assert "_" not in words, code_  # words, not track ids (a locality's id is quoted)
        assert " ".join(lines[-2:]) == DISCLAIMER
    _, out, _ = run(capsys, "compute", "CO", "2024-03-15")
    assert "For information: Federal prosecutors' deadline to charge a § 242 crime" in out
    assert "--denial-date" in out  # the command line names its own flags


def test_compute_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "compute", "CO", "2024-03-15", "--explain")
    assert code == 0
    assert err == ""
    assert "section_1983: File a § 1983 suit, by Sun 2026-03-15" in out
    assert "Colo. Rev. Stat." in out
    flowing = " ".join(out.split())
    assert "a last day on a weekend or holiday does not move" in flowing
    assert "the last day would be Monday, March 16, 2026" in flowing
    assert " ".join(out.rstrip().splitlines()[-2:]) == DISCLAIMER


@pytest.mark.parametrize("columns", [40, 60, 80, 132])
@pytest.mark.parametrize("explain", [False, True])
def test_compute_wraps_to_the_terminal_width(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
    *,
    explain: bool,
) -> None:
    """Text wraps to COLUMNS; only a web address, which must stay whole, may run past it."""
    from qideadlines._jurisdictions import CODES

    monkeypatch.setenv("COLUMNS", str(columns))
    for code_ in CODES[::5]:
        argv = ["compute", code_, "2024-03-15", "--today", "2025-01-01"]
        code, out, _ = run(capsys, *argv, *(["--explain"] if explain else []))
        assert code == 0
        long = [ln for ln in out.splitlines() if len(ln) > max(40, columns) and "://" not in ln]
        assert not long, (code_, long[:3])
        if not explain:
            # A date is never broken over lines.
            assert re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}-\d\d-\d\d\b", out)


def test_compute_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compute", "co", "2024-03-15", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["deadlines"][0]["track"] == "section_1983"
    assert data["deadlines"][0]["due"] == "2026-03-15"
    assert data["jurisdiction"]["code"] == "CO"


@given(jurisdictions(), dates())
def test_cli_json_equals_the_library(code: str, incident: dt.date) -> None:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["compute", code, incident.isoformat(), "--json", "--today", "2026-01-01"]) == 0
    assert json.loads(buffer.getvalue()) == json.loads(
        compute_deadlines(code, incident, today=dt.date(2026, 1, 1)).model_dump_json()
    )


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["compute", "XX", "2024-03-15"], "Unknown jurisdiction 'XX'"),
        (["compute", "CO", "2024-13-01"], "is not a date"),
        (["compute", "CO", "15/03/2024"], "is not a date"),
        (["compute", "CO", "20240315"], "is not a date"),
        (["compute", "CO", "2024-W11-5"], "is not a date"),
        (["compute", "CO", "\uff12\uff10\uff12\uff14-03-15"], "is not a date"),  # full-width
        (["compute", "CO", "1900-01-01"], "outside the supported range"),
        (["compute", "CO"], "required"),
        (["compute"], "required"),
        ([], "choose a command"),
        (["frobnicate"], "invalid choice"),
        (["rules", "ZZ"], "Unknown jurisdiction"),
    ],
)
def test_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str
) -> None:
    with pytest.raises(SystemExit) as info:
        raise SystemExit(main(argv))
    assert info.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("qideadlines: error: ")
    assert fragment in err
    assert "Traceback" not in err


def test_jurisdictions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "jurisdictions")
    assert code == 0
    assert len(out.splitlines()) == 56
    assert "PR  Puerto Rico" in out
    code, out, _ = run(capsys, "jurisdictions", "--json")
    assert len(json.loads(out)) == 56


def test_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "la")
    assert code == 0
    assert "Louisiana (LA), 5th Circuit" in out
    assert "2024-07-02" in out
    assert "Court calendar:" in out
    code, out, _ = run(capsys, "rules", "AS", "--json")
    assert json.loads(out)["jurisdiction"]["code"] == "AS"
    code, out, _ = run(capsys, "rules", "AS")
    assert "no federal district court" in out


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    for flag in ("--version", "-V"):
        code, out, _ = run(capsys, flag)
        assert code == 0
        assert out.startswith("qideadlines ")
    for command in ([], ["compute"], ["batch"], ["schema"], ["jurisdictions"], ["rules"]):
        with pytest.raises(SystemExit) as info:
            main([*command, "--help"])
        assert info.value.code == 0
        assert "Example: qideadlines" in capsys.readouterr().out


def test_every_subcommand_is_in_the_parser() -> None:
    parser = build_parser()
    actions = [a for a in parser._actions if a.dest == "command"]
    assert set(actions[0].choices) == {  # type: ignore[arg-type]
        "compute", "batch", "schema", "jurisdictions", "rules"
    }  # fmt: skip


def test_python_dash_m_and_no_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "qideadlines", "compute", "PR", "2024-02-29"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Puerto Rico" in done.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "qideadlines", "compute", "PR", "nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1


def test_help_does_not_import_the_heavy_modules() -> None:
    code = (
        "import sys; from qideadlines._cli import build_parser; build_parser(); "
        "print(any(m.split('.')[0] in {'pydantic', 'holidays', 'dateutil'} for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
