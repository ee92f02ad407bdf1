"""The fast paths give exactly what the plain ones give.

Prebuilt rules and holiday lists, per-period adders, calendar tables and the
batch's worker processes each stand in for a slower path; these tests hold
each to the path it replaces.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qideadlines import Regime, compute_batch, load_rules
from qideadlines import _daylists as daylists
from qideadlines._batch import default_jobs
from qideadlines._cli import build_parser
from qideadlines._data import default_paths
from qideadlines._jurisdictions import CODES
from qideadlines._periods import add_period, adder
from qideadlines._prebuilt import FILE, YEARS, digest, load, rows, write
from qideadlines._render import write_rows

from strategies import dates, jurisdictions, periods


@pytest.fixture(scope="module")
def prebuilt(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[Path, ...]]:
    folder = tmp_path_factory.mktemp("prebuilt")
    paths = tuple(shutil.copy(p, folder / p.name) for p in default_paths())
    copies = tuple(Path(p) for p in paths)
    write(folder / FILE, copies)
    return folder / FILE, copies


def test_prebuilt_rows_equal_the_validated_rows(
    prebuilt: tuple[Path, tuple[Path, ...]],
) -> None:
    target, paths = prebuilt
    payload = load(target, paths)
    assert payload is not None
    made = rows(payload)
    fresh = load_rules(paths[0], calendars=paths[1], tolling=paths[2], accrual=paths[3])
    assert made == (fresh.rows, fresh.calendar_rows, fresh.tolling_rows, fresh.accrual_rows)
    assert all(
        r.period == f.period for r, f in zip(made[0], fresh.rows, strict=True) if r.period_value
    )


def test_a_prebuilt_file_is_not_used_once_a_csv_changes(
    prebuilt: tuple[Path, tuple[Path, ...]], tmp_path: Path
) -> None:
    target, paths = prebuilt
    copies = tuple(Path(shutil.copy(p, tmp_path / p.name)) for p in paths)
    assert load(target, copies) is not None
    with copies[0].open("a", encoding="utf-8") as handle:
        handle.write("\n")
    assert digest(copies) != digest(paths)
    assert load(target, copies) is None


def test_a_damaged_prebuilt_file_is_ignored(tmp_path: Path) -> None:
    damaged = tmp_path / FILE
    damaged.write_bytes(b"not a pickle")
    assert load(damaged, default_paths()) is None


def test_prebuilt_holiday_lists_equal_the_packages(
    prebuilt: tuple[Path, tuple[Path, ...]],
) -> None:
    import pickle
    import zlib

    target, paths = prebuilt
    payload = load(target, paths)
    assert payload is not None
    lists = payload["lists"]
    assert isinstance(lists, dict)
    for code in (None, "CA", "TX", "NY", "PR"):
        stored = pickle.loads(zlib.decompress(lists[code]))  # noqa: S301 - our own test file
        for year in (YEARS.start, 1963, 2024, 2099, YEARS.stop - 1):
            assert stored[year] == daylists.package_lists(code, range(year, year + 1))[year]


@settings(max_examples=300)
@given(dates(), periods())
def test_an_adder_adds_as_add_period_does(start: dt.date, period: object) -> None:
    assert adder(period)(start) == add_period(start, period)  # type: ignore[arg-type]


@settings(max_examples=200)
@given(
    jurisdictions(), st.sampled_from(list(Regime)), dates(dt.date(1950, 1, 1), dt.date(2140, 12, 1))
)
def test_the_calendar_table_rolls_as_the_calendar_does(
    code: str, regime: Regime, day: dt.date
) -> None:
    calendar = load_rules().calendar(code.strip().upper(), regime)
    assert calendar.settled_due(day) == calendar.due(day, settled_only=True)


def test_the_calendar_table_across_every_year_end() -> None:
    rules = load_rules()
    for code in ("MA", "NY", "WA", "CT"):
        for regime in Regime:
            calendar = rules.calendar(code, regime)
            for year in range(1958, 2030):
                for day in range(20, 32):
                    last = dt.date(year, 12, day)
                    assert calendar.settled_due(last) == calendar.due(last, settled_only=True)


def test_worker_processes_give_the_same_rows_in_the_same_order() -> None:
    rows_in = [
        {
            "jurisdiction": CODES[i % len(CODES)],
            "incident_date": f"{1990 + i % 60}-0{1 + i % 9}-1{i % 9}",
        }
        for i in range(5000)
    ]
    rows_in[17]["jurisdiction"] = "XX"
    one = list(compute_batch(rows_in))
    two = list(compute_batch(rows_in, jobs=3))
    assert one == two
    assert one[17]["error"]


def test_default_jobs_is_one_or_two() -> None:
    assert default_jobs() in {1, 2}


def test_a_run_builds_only_its_own_command() -> None:
    full = build_parser()
    only = build_parser("jurisdictions")
    args = only.parse_args(["jurisdictions", "--json"])
    assert args.json
    assert full.format_help() == only.format_help()


def test_trusted_columns_keep_numbers_and_others_are_neutralised() -> None:
    out = io.StringIO()
    write_rows(
        [{"a": "-1", "b": "-1", "c": None, "d": True}], ["a", "b", "c", "d"], out, trusted={"b"}
    )
    assert out.getvalue().splitlines()[1] == "'-1,-1,,yes"
