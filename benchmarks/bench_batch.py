"""Batch throughput and memory, measured side by side in one run.

    python benchmarks/bench_batch.py            # 5 x 50,000 rows; 10^4 and 10^5 for memory
    python benchmarks/bench_batch.py --million  # adds the 10^6-row memory run

Run it where qideadlines is installed as a user gets it (a wheel), with
bytecode allowed. Every figure is a whole process, started fresh, so start-up
and calendar building count. The runs of the commands compared are
interleaved and the medians reported, because the machine is shared.

1. `qideadlines batch` on 50,000 rows, every track, against a naive
   § 1983-only script (csv + dateutil's relativedelta + one cached
   ``holidays.US`` per state + a weekend roll) [>= 30,000 rows/s, and within
   3x of the naive script]; with ``--jobs 1`` too, to show what the second
   core adds;
2. peak memory of `qideadlines batch` on 10^4, 10^5 (and 10^6) rows whose
   incidents span 1950-2100, every track: the largest sum of the
   proportional resident memory (PSS) of the batch and its worker, sampled
   [< 200 MB at 10^6];
3. peak memory of `qideadlines batch --ics` on 10^4 rows: the calendar is
   written as it goes, so memory stays flat.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

_NAIVE = """
import csv, sys, datetime as dt
import holidays
from dateutil.relativedelta import relativedelta

cache = {}
reader = csv.reader(open(sys.argv[1], newline=""))
writer = csv.writer(open(sys.argv[2], "w", newline=""))
next(reader)
for code, incident in reader:
    due = dt.date.fromisoformat(incident) + relativedelta(years=2)
    closed = cache.get(code)
    if closed is None:
        closed = cache[code] = holidays.US(subdiv=code)
    while due.weekday() >= 5 or due in closed:
        due += dt.timedelta(days=1)
    writer.writerow([code, incident, due.isoformat()])
"""

# An installed package runs from compiled bytecode; an environment that forbids
# writing it (PYTHONDONTWRITEBYTECODE, as CI sets) would time the compiler instead.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _rows(count: int, first: dt.date, days: int, seed: int = 1983) -> Iterator[list[str]]:
    from qideadlines._jurisdictions import CODES

    rng = random.Random(seed)  # noqa: S311 - a reproducible sample, not security
    start = first.toordinal()
    for _ in range(count):
        day = dt.date.fromordinal(start + rng.randrange(days))
        yield [rng.choice(CODES), day.isoformat()]


def _write(path: Path, count: int, first: dt.date, days: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["jurisdiction", "incident_date"])
        writer.writerows(_rows(count, first, days))


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("qideadlines")
    return [str(script)] if script.exists() else [sys.executable, "-m", "qideadlines"]


def _time(argv: Sequence[str]) -> float:
    began = time.perf_counter()
    subprocess.run(argv, check=True, cwd=Path.home(), env=_ENV, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def bench_throughput(count: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.csv"
        _write(source, count, dt.date(2015, 1, 1), 4000)
        naive_script = Path(folder) / "naive.py"
        naive_script.write_text(_NAIVE, encoding="utf-8")
        out = str(Path(folder) / "out.csv")
        commands = {
            "naive": [sys.executable, str(naive_script), str(source), out],
            "ours": [*_cli(), "batch", str(source), "-o", out],
            "ours, --jobs 1": [*_cli(), "batch", str(source), "-o", out, "--jobs", "1"],
        }
        for argv in commands.values():  # warm the file cache and bytecode
            _time(argv)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, argv in commands.items():
                times[name].append(_time(argv))
    medians = {name: statistics.median(found) for name, found in times.items()}
    print(f"1. batch of {count:,} rows, whole process, median of {runs} interleaved runs")
    for name, seconds in medians.items():
        ratio = seconds / medians["naive"]
        print(
            f"   {name:<16} {seconds:6.2f} s  {count / seconds:9,.0f} rows/s  "
            f"{ratio:4.2f}x the naive script"
        )


def _tree_rss_kib(pid: int) -> int:
    """The proportional resident memory (PSS) of a process and its children, from /proc.

    PSS shares each page among the processes that map it, so pages a forked
    worker shares with its parent count once.
    """
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    pids.extend(int(c) for c in children)
    for each in pids:
        try:
            for line in Path(f"/proc/{each}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def _peak(argv: Sequence[str]) -> tuple[int, float]:
    began = time.perf_counter()
    process = subprocess.Popen(argv, cwd=Path.home(), env=_ENV, stdout=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kib(process.pid))
        time.sleep(0.05)
    if process.returncode:
        msg = f"{argv} exited with {process.returncode}"
        raise RuntimeError(msg)
    return peak, time.perf_counter() - began


def bench_memory(sizes: Sequence[int]) -> None:
    print("2. peak memory of `qideadlines batch`, incidents over 1950-2100, every track")
    days = (dt.date(2100, 12, 31) - dt.date(1950, 1, 1)).days
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"in_{size}.csv"
            _write(path, size, dt.date(1950, 1, 1), days)
            for jobs in ("2", "1"):
                argv = [*_cli(), "batch", str(path), "-o", os.devnull, "--jobs", jobs]
                kib, seconds = _peak(argv)
                print(f"   {size:>9,} rows  --jobs {jobs}  {kib / 1024:7.1f} MiB  {seconds:6.1f} s")


def bench_ics(size: int) -> None:
    """Peak memory of a batch that also writes its calendar, which is streamed."""
    print("3. peak memory of `qideadlines batch --ics`, every track")
    probe = subprocess.run(
        [sys.executable, "-c", "import icalendar"], env=_ENV, capture_output=True, check=False
    )
    if probe.returncode:
        print("   skipped: install the calendar extra (pip install 'qideadlines[ics]')")
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.csv"
        _write(path, size, dt.date(2015, 1, 1), 4000)
        calendar = Path(folder) / "out.ics"
        argv = [*_cli(), "batch", str(path), "-o", os.devnull, "--ics", str(calendar)]
        kib, seconds = _peak(argv)
        megabytes = calendar.stat().st_size / 1e6
        print(
            f"   {size:>9,} rows  {kib / 1024:7.1f} MiB  {seconds:6.1f} s  "
            f"(calendar {megabytes:,.0f} MB)"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the batch benchmarks."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000, help="rows for throughput")
    parser.add_argument("--runs", type=int, default=5, help="interleaved runs of each command")
    parser.add_argument("--million", action="store_true", help="also measure 10^6 rows")
    args = parser.parse_args(argv)
    bench_throughput(args.rows, args.runs)
    bench_memory([10**4, 10**5, *([10**6] if args.million else [])])
    bench_ics(10**4)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
