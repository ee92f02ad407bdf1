"""Measure qideadlines against naive baselines, side by side in one run.

Run from an environment where qideadlines is installed:

    python benchmarks/bench.py

It prints three comparisons, each a ratio against a baseline measured in the
same process (targets in brackets):

1. per-deadline cost of ``compute_deadlines`` for the § 1983 track (warm:
   rules parsed, calendars cached) against a naive loop of ``relativedelta`` plus the ``holidays``
   package, building the holiday list per call as a script usually does
   [<= 2x]; a hand-cached naive loop is shown too, for scale;
2. cold start of ``qideadlines compute CO 2024-03-15`` (every track, and the
   § 1983 track alone) against
   ``python -c "import holidays, pydantic, dateutil.relativedelta"`` [<= 1.5x].
   That import is lazy and loads almost nothing of pydantic or the holiday
   tables, so a floor is shown beside it: a script that uses the same three
   libraries as little as a deadline can (one pydantic model validated, one
   year of Colorado holidays built, one ``relativedelta``). The floor alone
   is about 2x the import; ``compute`` is measured against both;
3. ``qideadlines --help`` against ``python -c pass`` [<= 3x].
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path


def _cases(count: int) -> list[tuple[str, dt.date]]:
    from qideadlines._jurisdictions import CODES

    rng = random.Random(1983)  # noqa: S311 - reproducible sample, not security
    start = dt.date(2015, 1, 1).toordinal()
    return [
        (rng.choice(CODES), dt.date.fromordinal(start + rng.randrange(4000))) for _ in range(count)
    ]


def _per_call(fn: Callable[[], object], calls: int, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        for _ in range(calls):
            fn()
        best = min(best, (time.perf_counter() - began) / calls)
    return best


def bench_per_deadline(count: int, rounds: int) -> None:
    import holidays
    from dateutil.relativedelta import relativedelta

    from qideadlines import Role, Track, compute_deadlines, load_rules

    cases = _cases(count)
    rules = load_rules()
    years = {
        code: next(
            r.period.value
            for r in rules.rules_for(code, Track.SECTION_1983)
            if r.role is Role.RULE and r.applies_to(day)
        )
        for code, day in cases
    }

    def naive_one(code: str, day: dt.date) -> dt.date:
        due = day + relativedelta(years=years[code])
        closed = holidays.country_holidays("US", subdiv=code, years=due.year)
        while due.weekday() >= 5 or due in closed:
            due += dt.timedelta(days=1)
        return due

    cached: dict[str, holidays.HolidayBase] = {}

    def cached_one(code: str, day: dt.date) -> dt.date:
        due = day + relativedelta(years=years[code])
        closed = cached.get(code)
        if closed is None:
            closed = cached[code] = holidays.country_holidays("US", subdiv=code)
        while due.weekday() >= 5 or due in closed:
            due += dt.timedelta(days=1)
        return due

    for code, day in cases:  # warm every calendar and holiday year both sides use
        compute_deadlines(code, day, tracks=["section_1983"])
        cached_one(code, day)

    it = iter(cases * (rounds * 4 + 4))
    only = ["section_1983"]
    ours = _per_call(lambda: compute_deadlines(*next(it), tracks=only), count, rounds)
    it = iter(cases * (rounds * 4 + 4))
    naive = _per_call(lambda: naive_one(*next(it)), count, rounds)
    it = iter(cases * (rounds * 4 + 4))
    hand = _per_call(lambda: cached_one(*next(it)), count, rounds)
    print("1. per deadline (warm, best of rounds)")
    print(f"   qideadlines compute_deadlines  {ours * 1e6:9.1f} us")
    print(f"   naive relativedelta + holidays {naive * 1e6:9.1f} us   ratio {ours / naive:.2f}x")
    print(f"   hand-cached naive loop         {hand * 1e6:9.1f} us   ratio {ours / hand:.2f}x")


# An installed package runs from compiled bytecode; an environment that forbids writing
# it (PYTHONDONTWRITEBYTECODE, as CI sets) would time the compiler instead.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


_FLOOR = """
import datetime as dt
import holidays, pydantic
from dateutil.relativedelta import relativedelta
class Row(pydantic.BaseModel):
    years: int
due = dt.date(2024, 3, 15) + relativedelta(years=Row.model_validate({"years": 2}).years)
print(due in holidays.country_holidays("US", subdiv="CO", years=due.year))
"""


def _walls(commands: dict[str, Sequence[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command, run in turn so a busy machine slows all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # warm the disk cache and the bytecode
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=Path.home(), env=_ENV)
    for _ in range(runs):
        for name, argv in commands.items():
            began = time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=Path.home(), env=_ENV)
            times[name].append(time.perf_counter() - began)
    return {name: statistics.median(spent) for name, spent in times.items()}


def bench_cold(runs: int) -> None:
    script = Path(sys.executable).with_name("qideadlines")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "qideadlines"]
    median = _walls(
        {
            "baseline": [sys.executable, "-c", "import holidays, pydantic, dateutil.relativedelta"],
            "floor": [sys.executable, "-c", _FLOOR],
            "compute": [*cli, "compute", "CO", "2024-03-15"],
            "one": [*cli, "compute", "CO", "2024-03-15", "--tracks", "section_1983"],
            "bare": [sys.executable, "-c", "pass"],
            "help": [*cli, "--help"],
        },
        runs,
    )
    baseline, floor, compute = median["baseline"], median["floor"], median["compute"]
    one, bare, helped = median["one"], median["bare"], median["help"]
    print(f"2. cold start (median of {runs} interleaved runs)")
    ratio_cold, ratio_help, ratio_one = compute / baseline, helped / bare, one / baseline
    print(f"   import holidays, pydantic, dateutil {baseline * 1e3:7.1f} ms")
    print(
        f"   floor: one model, one holiday year  {floor * 1e3:7.1f} ms   "
        f"ratio {floor / baseline:.2f}x; compute / floor {compute / floor:.2f}x"
    )
    print(
        f"   qideadlines compute CO 2024-03-15   {compute * 1e3:7.1f} ms   ratio {ratio_cold:.2f}x"
    )
    print(f"   ... --tracks section_1983           {one * 1e3:7.1f} ms   ratio {ratio_one:.2f}x")
    print("3. help")
    print(f"   python -c pass                      {bare * 1e3:7.1f} ms")
    print(
        f"   qideadlines --help                  {helped * 1e3:7.1f} ms   ratio {ratio_help:.2f}x"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="deadlines per round")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the in-process loops")
    parser.add_argument("--runs", type=int, default=15, help="runs of each cold-start command")
    args = parser.parse_args(argv)
    bench_per_deadline(args.cases, args.rounds)
    bench_cold(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
