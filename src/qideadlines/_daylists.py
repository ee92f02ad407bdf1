"""The days a calendar starts from: holiday date rules, and the ``holidays`` package's lists.

The package's U.S. lists are built many years at a time (or read from the
lists made ahead of time for the wheel) and shared by every calendar that
asks; ``court_calendars.csv``'s date rules are parsed once, when rows load.
"""

import datetime as dt
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from holidays import HolidayBase

__all__ = ["DateRule", "package_days", "package_lists", "parse_date_rule", "use_prebuilt"]

_DAYS: Final = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")

#: A rule that gives the date of a holiday in a year, or None if it has none.
DateRule = Callable[[int], dt.date | None]


def _easter(year: int) -> dt.date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))


def parse_date_rule(text: str) -> DateRule:
    """Parse the date-rule mini-language of ``court_calendars.csv``.

    ``MM-DD`` (a fixed date), ``N DAY MM`` (the N-th weekday of a month; N of
    -1 is the last), ``EASTER+N`` / ``EASTER-N`` (days from Western Easter),
    ``THANKSGIVING+N`` (days from the fourth Thursday of November) or
    ``YYYY-MM-DD`` (one day only).

    Raises:
        ValueError: the text is none of these.

    Example:
        >>> parse_date_rule("4 FRI 09")(2025)
        datetime.date(2025, 9, 26)
    """
    spec = text.strip().upper()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", spec):
            once = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return lambda year: once if year == once.year else None
        if m := re.fullmatch(r"(\d{2})-(\d{2})", spec):
            month, day = int(m[1]), int(m[2])
            dt.date(2000, month, day)  # validates month and day (2000 is a leap year)
            return lambda year: dt.date(year, month, day) if (month, day) != (2, 29) else None
    except ValueError as exc:
        msg = f"{text!r} is not a valid date rule: {exc}"
        raise ValueError(msg) from None
    if m := re.fullmatch(r"(-?[1-5]) (MON|TUE|WED|THU|FRI|SAT|SUN) (\d{2})", spec):
        n, weekday, month = int(m[1]), _DAYS.index(m[2]), int(m[3])
        if n == 0 or n < -1 or not 1 <= month <= 12:  # noqa: PLR2004
            msg = f"{text!r}: N must be 1-5 or -1 and the month 01-12"
            raise ValueError(msg)
        return lambda year: _nth_weekday(year, month, weekday, n)
    if m := re.fullmatch(r"(EASTER|THANKSGIVING)([+-]\d{1,3})", spec):
        offset = dt.timedelta(days=int(m[2]))
        if m[1] == "EASTER":
            return lambda year: _easter(year) + offset
        return lambda year: _nth_weekday(year, 11, 3, 4) + offset
    msg = (
        f"{text!r} is not a date rule; use MM-DD, 'N DAY MM' (e.g. '4 FRI 09'), "
        "EASTER+N, THANKSGIVING+N or YYYY-MM-DD"
    )
    raise ValueError(msg)


@functools.cache
def _united_states() -> "type[HolidayBase]":
    """Return the ``holidays`` package's U.S. class, loaded on its own.

    ``holidays.country_holidays("US")`` first imports every one of the
    package's 250 country modules, which costs more than everything else a
    cold ``qideadlines compute`` does. The U.S. module imports only the
    package's base modules, so it is executed from its file alone; if the
    package's layout ever changes, the public API is used instead.
    """
    import importlib.util

    try:
        spec = importlib.util.find_spec("holidays.countries")  # imports `holidays` only
        folder = (
            spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else ""
        )
        module_spec = importlib.util.spec_from_file_location(
            "qideadlines._holidays_us", Path(folder) / "united_states.py"
        )
        if module_spec is None or module_spec.loader is None:
            raise ImportError(folder)  # noqa: TRY301
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        found: type[HolidayBase] = module.UnitedStates
    except (ImportError, OSError, AttributeError):  # pragma: no cover - a future layout
        from holidays.countries.united_states import UnitedStates

        found = UnitedStates
    return found


#: Years of the package's lists built at once: one call for many years costs far
#: less than one per year, and a report needs a few consecutive years anyway.
_BLOCK: Final = 16
#: The package's lists made ahead of time (`qideadlines._prebuilt`), per subdivision,
#: still compressed until a subdivision is first asked for.
_PREBUILT: dict[str | None, bytes] = {}
_PREBUILT_YEARS: list[range] = []
_UNPACKED: dict[str | None, dict[int, tuple[tuple[dt.date, tuple[str, ...]], ...]]] = {}


def package_lists(
    code: str | None, years: range
) -> dict[int, tuple[tuple[dt.date, tuple[str, ...]], ...]]:
    """The ``holidays`` package's U.S. list of `code` (None: federal) for each year.

    Example:
        >>> package_lists("CO", range(2024, 2025))[2024][0]
        (datetime.date(2024, 1, 1), ("New Year's Day",))
    """
    found: dict[int, list[tuple[dt.date, tuple[str, ...]]]] = {year: [] for year in years}
    for day, joined in _united_states()(subdiv=code, years=years).items():
        if day.year in found:
            names = tuple(n.strip() for n in joined.split(";") if n.strip())
            found[day.year].append((day, names))
    return {year: tuple(sorted(days)) for year, days in found.items()}


def use_prebuilt(lists: dict[str | None, bytes], years: range) -> None:
    """Serve the package's lists from lists made ahead of time, for `years`."""
    _PREBUILT.clear()
    _PREBUILT.update(lists)
    _PREBUILT_YEARS[:] = [years]
    _UNPACKED.clear()


@functools.lru_cache(maxsize=1024)
def _package_block(
    code: str | None, block: int
) -> dict[int, tuple[tuple[dt.date, tuple[str, ...]], ...]]:
    return package_lists(code, range(block * _BLOCK, (block + 1) * _BLOCK))


def package_days(code: str | None, year: int) -> tuple[tuple[dt.date, tuple[str, ...]], ...]:
    # Shared by every calendar that asks: the federal list is the same for all 56
    # jurisdictions, and a state's list serves both its federal and state regimes.
    if _PREBUILT_YEARS and year in _PREBUILT_YEARS[0] and code in _PREBUILT:
        lists = _UNPACKED.get(code)
        if lists is None:
            import pickle
            import zlib

            raw = zlib.decompress(_PREBUILT[code])
            lists = _UNPACKED[code] = pickle.loads(raw)  # noqa: S301
        return lists[year]
    return _package_block(code, year // _BLOCK)[year]
