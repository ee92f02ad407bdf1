"""The packaged rules validated ahead of time, with the holiday lists, shipped beside the CSVs.

Validating the three CSV files costs more than everything else a cold
``qideadlines compute`` does, and building the ``holidays`` package's lists
a year at a time dominates a large batch. The wheel therefore carries both,
made once when it is built (``hatch_build.py``); a source checkout can make
them with ``python -m qideadlines._prebuilt``. The file records a digest of
the CSVs it was made from and is used only while they still match, so the
CSVs stay the source of truth; a rules file of your own is always validated.
"""

from __future__ import annotations

import datetime as dt
import pickle
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Final, cast

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["FILE", "YEARS", "digest", "load", "rows", "write"]

#: The prebuilt file's name, beside ``state_rules.csv``.
FILE: Final = "prebuilt.pickle"
#: The years whose holiday lists are built ahead of time; others are built on demand.
YEARS: Final = range(1950, 2151)
_FORMAT: Final = 3

#: A year's holidays as the package lists them: each day with its names.
Days = tuple[tuple[dt.date, tuple[str, ...]], ...]


def digest(paths: tuple[Path, ...]) -> tuple[tuple[int, int], ...]:
    """Each file's length and CRC-32, in order: enough to tell an edited file.

    A checksum, not a secure hash: it guards against a stale file, not an
    attacker (who could edit the prebuilt file itself), and ``hashlib`` alone
    would cost a cold start more than the check is worth.

    Example:
        >>> from qideadlines._data import default_paths
        >>> len(digest(default_paths()))
        4
    """
    found = []
    for path in paths:
        data = path.read_bytes()
        found.append((len(data), zlib.crc32(data)))
    return tuple(found)


def _lists() -> dict[str | None, bytes]:
    """The ``holidays`` package's U.S. lists for `YEARS`, one compressed block per subdivision."""
    from ._daylists import package_lists
    from ._jurisdictions import CODES

    return {
        code: zlib.compress(pickle.dumps(package_lists(code, YEARS), pickle.HIGHEST_PROTOCOL), 9)
        for code in (None, *CODES)
    }


def write(target: Path, paths: tuple[Path, ...]) -> None:
    """Validate the CSV files at `paths` and write the prebuilt file to `target`.

    Raises:
        RuleDataError: a file does not validate.
    """
    from importlib.metadata import version

    from ._data import load_files

    rules = load_files(*paths)
    payload = {
        "format": _FORMAT,
        "digest": digest(paths),
        "holidays": version("holidays"),
        # Each row's values, as validation left them; `rows` makes the models again.
        "rows": tuple(
            tuple(dict(row.__dict__) for row in group)
            for group in (rules.rows, rules.calendar_rows, rules.tolling_rows, rules.accrual_rows)
        ),
        "lists": _lists(),
    }
    target.write_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))


def load(source: Path, paths: tuple[Path, ...]) -> dict[str, object] | None:
    """The prebuilt payload, or None where it is missing, unreadable or stale.

    Example:
        >>> from qideadlines._data import default_paths
        >>> load(Path("/nonexistent"), default_paths()) is None
        True
    """
    try:
        payload = pickle.loads(source.read_bytes())  # noqa: S301 - the package's own file
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    if not isinstance(payload, dict) or payload.get("format") != _FORMAT:
        return None
    try:
        fresh = payload.get("digest") == digest(paths)
    except OSError:
        return None
    return payload if fresh else None


def rows(payload: dict[str, object]) -> tuple[tuple[BaseModel, ...], ...]:
    """The rule, calendar, tolling and accrual rows of a payload, as the validated models.

    Each model is made as validation made it, without validating again: the
    values were validated when the file was written, and the digest says the
    files have not changed since.
    """
    from ._rows import AccrualRow, CalendarRow, RuleRow, TollingRow

    found = []
    groups = cast("tuple[tuple[dict[str, object], ...], ...]", payload["rows"])
    models: tuple[type[BaseModel], ...] = (RuleRow, CalendarRow, TollingRow, AccrualRow)
    for model, values in zip(models, groups, strict=True):
        fields = set(model.model_fields)
        made: list[BaseModel] = []
        for value in values:
            row: BaseModel = model.__new__(model)
            object.__setattr__(row, "__dict__", value)
            object.__setattr__(row, "__pydantic_fields_set__", fields)
            object.__setattr__(row, "__pydantic_extra__", None)
            object.__setattr__(row, "__pydantic_private__", None)
            made.append(row)
        found.append(tuple(made))
    return tuple(found)


def main() -> int:
    """Write the prebuilt file beside the packaged CSVs (for a source checkout)."""
    from ._data import default_paths

    paths = default_paths()
    target = paths[0].with_name(FILE)
    write(target, paths)
    sys.stdout.write(f"wrote {target}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
