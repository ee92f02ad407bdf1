"""Batch throughput and memory, measured side by side in one run.

    python benchmarks/bench_batch.py            # 10^4 and 10^5 rows for memory
    python benchmarks/bench_batch.py --million  # adds the 10^6-row memory run

Prints (targets in brackets):

1. rows per second of `compute_batch` for the § 1983 track [>= 20,000 on one core]
   and for all tracks [within 5x of the § 1983 rate], against a naive per-row loop
   (csv + relativedelta + the holidays package) doing the § 1983 track;
2. peak memory (max RSS) of `qideadlines batch` on 10^4, 10^5 (and 10^6) rows
   [flat: it must not grow with the input].
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path


def _rows(count: int, seed: int = 1983) -> Iterator[dict[str, str]]:
    from qideadlines._jurisdictions import CODES

    rng = random.Random(seed)  # noqa: S311 - a reproducible sample, not security
    start = dt.date(2015, 1, 1).toordinal()
    for _ in range(count):
        day = dt.date.fromordinal(start + rng.randrange(4000))
        yield {"jurisdiction": rng.choice(CODES), "incident_date": day.isoformat()}


def _csv_text(count: int) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, ["jurisdiction", "incident_date"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(_rows(count))
    return buffer.getvalue()


def _naive(text: str) -> int:
    """A careful script's version: read, add years, build the holidays, roll, write."""
    import holidays
    from dateutil.relativedelta import relativedelta

    from qideadlines import Role, Track, load_rules

    rules = load_rules()
    out = io.StringIO()
    writer = csv.writer(out)
    count = 0
    for row in csv.DictReader(io.StringIO(text)):
        day = dt.date.fromisoformat(row["incident_date"])
        period = next(
            r.period
            for r in rules.rules_for(row["jurisdiction"], Track.SECTION_1983)
            if r.role is Role.RULE and r.applies_to(day)
        )
        due = day + relativedelta(years=period.value)
        closed = holidays.country_holidays("US", subdiv=row["jurisdiction"], years=due.year)
        while due.weekday() >= 5 or due in closed:
            due += dt.timedelta(days=1)
        writer.writerow([row["jurisdiction"], row["incident_date"], due.isoformat()])
        count += 1
    return count


def _ours(text: str, tracks: list[str] | None) -> int:
    from qideadlines import compute_batch
    from qideadlines._render import write_rows

    out = io.StringIO()
    rows = compute_batch(csv.DictReader(io.StringIO(text)), tracks=tracks)
    write_rows(rows, ["jurisdiction", "incident_date", "due_section_1983", "error"], out)
    return out.getvalue().count("\n") - 1


def _rate(fn: object, text: str, count: int, *args: object) -> float:
    """Rows per second, best of three runs (the machine's other load only slows a run)."""
    best = 0.0
    for _ in range(3):
        began = time.perf_counter()
        done = fn(text, *args)  # type: ignore[operator]
        elapsed = time.perf_counter() - began
        if done != count:
            msg = f"{done} rows out for {count} in"
            raise RuntimeError(msg)
        best = max(best, count / elapsed)
    return best


def bench_throughput(count: int) -> None:
    text = _csv_text(count)
    _ours(_csv_text(2000), None)  # warm the calendars both sides use
    _naive(_csv_text(200))
    section = _rate(_ours, text, count, ["section_1983"])
    every = _rate(_ours, text, count, None)
    naive = _rate(_naive, _csv_text(count // 10), count // 10)
    print(f"1. batch throughput ({count} rows, one core)")
    print(f"   compute_batch, § 1983 track       {section:10,.0f} rows/s")
    slower, faster = section / every, section / naive
    print(f"   compute_batch, all 11 tracks      {every:10,.0f} rows/s   {slower:.1f}x slower")
    print(f"   naive loop, § 1983 track          {naive:10,.0f} rows/s   ours {faster:.1f}x faster")


def _peak_rss_kib(path: Path) -> int:
    script = (
        "import resource, subprocess, sys;"
        "subprocess.run([sys.executable, '-m', 'qideadlines', 'batch', sys.argv[1], '-o', "
        "'/dev/null', '--tracks', 'section_1983'], check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], check=True, capture_output=True, text=True
    )
    return int(done.stdout.strip())


def bench_memory(sizes: Sequence[int]) -> None:
    print("2. peak memory of `qideadlines batch` (max RSS, § 1983 track)")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"in_{size}.csv"
            path.write_text(_csv_text(size), encoding="utf-8")
            began = time.perf_counter()
            kib = _peak_rss_kib(path)
            seconds = time.perf_counter() - began
            print(f"   {size:>9,} rows   {kib / 1024:7.1f} MiB   {seconds:6.1f} s")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the batch benchmarks."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000, help="rows for throughput")
    parser.add_argument("--million", action="store_true", help="also measure 10^6 rows")
    args = parser.parse_args(argv)
    bench_throughput(args.rows)
    bench_memory([10**4, 10**5, *([10**6] if args.million else [])])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
