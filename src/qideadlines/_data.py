"""Where the packaged rules live, and loading them: prebuilt where fresh, else validated.

Nothing is read at import time. `load_rules()` loads the packaged files once
and caches the result; a caller's own files are validated on each call.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Final, cast

from . import _prebuilt
from ._daylists import use_prebuilt
from ._errors import RuleDataError
from ._ruleset import RuleSet

__all__ = ["default_paths", "load_files", "load_rules"]

_RULES_FILE: Final = "state_rules.csv"
_CALENDAR_FILE: Final = "court_calendars.csv"
_TOLLING_FILE: Final = "tolling.csv"
_ACCRUAL_FILE: Final = "state_accrual.csv"


def default_paths() -> tuple[Path, Path, Path, Path]:
    """Return the packaged rules, calendar, tolling and state-accrual files.

    An installed wheel carries them in ``qideadlines/data/``; a source checkout
    or editable install reads the repository's top-level ``data/``.

    Example:
        >>> [path.name for path in default_paths()]
        ['state_rules.csv', 'court_calendars.csv', 'tolling.csv', 'state_accrual.csv']
    """
    here = Path(__file__).resolve().parent
    for folder in (here / "data", here.parents[1] / "data"):
        if (folder / _RULES_FILE).is_file():
            return (
                folder / _RULES_FILE,
                folder / _CALENDAR_FILE,
                folder / _TOLLING_FILE,
                folder / _ACCRUAL_FILE,
            )
    raise RuleDataError(here / "data" / _RULES_FILE, None, None, "the rules file is missing.")


def load_files(path: Path, calendar_path: Path, tolling_path: Path, accrual_path: Path) -> RuleSet:
    """Read and validate the four rules files.

    Raises:
        RuleDataError: a file is missing or does not validate.

    Example:
        >>> len(load_files(*default_paths())) > 400
        True
    """
    from ._validate import load_files as validated

    return validated(path, calendar_path, tolling_path, accrual_path)


@functools.cache
def _default() -> RuleSet:
    paths = default_paths()
    payload = _prebuilt.load(paths[0].with_name(_prebuilt.FILE), paths)
    if payload is None:
        return load_files(*paths)
    rows, calendar_rows, tolling_rows, accrual_rows = cast(
        "tuple[Any, Any, Any, Any]", _prebuilt.rows(payload)
    )
    use_prebuilt(cast("dict[str | None, bytes]", payload["lists"]), _prebuilt.YEARS)
    return RuleSet(paths, rows, calendar_rows, tolling_rows, accrual_rows)


def load_rules(
    path: str | Path | None = None,
    *,
    calendars: str | Path | None = None,
    tolling: str | Path | None = None,
    accrual: str | Path | None = None,
) -> RuleSet:
    """Load and validate a rules file, by default the packaged one.

    Args:
        path: a ``state_rules.csv`` of your own; None for the packaged rules
            (parsed once per process and cached).
        calendars: a ``court_calendars.csv`` of your own; None for the
            packaged one.
        tolling: a ``tolling.csv`` of your own; None for the packaged one.
        accrual: a ``state_accrual.csv`` of your own; None for the packaged one.

    Raises:
        RuleDataError: a file is missing or does not validate; the message
            names the file, line and column.

    Example:
        >>> len(load_rules().jurisdiction_rules("WI").rules) >= 2
        True
    """
    given = (path, calendars, tolling, accrual)
    if all(p is None for p in given):
        return _default()
    for name, value in zip(("path", "calendars", "tolling", "accrual"), given, strict=True):
        if value is not None and not isinstance(value, str | Path):
            msg = f"{name} must be a file path, not {type(value).__name__} {value!r}."
            raise RuleDataError(str(value), None, None, msg)
    found = [Path(mine) if mine is not None else packaged
             for mine, packaged in zip(given, default_paths(), strict=True)]  # fmt: skip
    return load_files(*found)
