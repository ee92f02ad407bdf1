"""The exception hierarchy.

Every error the library raises on purpose derives from `QiDeadlinesError` and
from the built-in exception a caller would reach for first, so both
``except QiDeadlinesError`` and ``except ValueError`` work.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "DateOutOfRangeError",
    "InvalidDateError",
    "InvalidFactError",
    "MissingFactError",
    "QiDeadlinesError",
    "RuleDataError",
    "UnknownJurisdictionError",
]


class QiDeadlinesError(Exception):
    """Root of every error qideadlines raises on purpose.

    Attributes:
        facts: the keywords of `compute_deadlines` the message names, so that a
            client with other names for them (the command line's flags) can
            say them its own way with `worded`.
    """

    def __init__(self, *args: object, facts: tuple[str, ...] = ()) -> None:
        super().__init__(*args)
        self.facts = facts

    def worded(self, name: Callable[[str], str]) -> str:
        """The message with each keyword it names replaced by ``name(keyword)``.

        Example:
            >>> error = MissingFactError("give birth_date.", facts=("birth_date",))
            >>> error.worded(lambda k: "--" + k.replace("_", "-"))
            'give --birth-date.'
        """
        text = str(self)
        for fact in self.facts:
            text = re.sub(rf"\b{re.escape(fact)}\b", name(fact), text)
        return text


class UnknownJurisdictionError(QiDeadlinesError, LookupError):
    """A jurisdiction code that is not one of the 56 supported ones.

    Example:
        >>> raise UnknownJurisdictionError("XX")
        Traceback (most recent call last):
        ...
        qideadlines._errors.UnknownJurisdictionError: Unknown jurisdiction 'XX'; ...
    """

    def __init__(self, code: object) -> None:
        self.code = code
        super().__init__(
            f"Unknown jurisdiction {code!r}; use a USPS code such as 'CO', 'NY', 'DC' or "
            "'PR' (run `qideadlines jurisdictions` for the list)."
        )

    def __str__(self) -> str:
        return str(self.args[0])


class InvalidDateError(QiDeadlinesError, TypeError):
    """A value given where a `datetime.date` is required."""


class DateOutOfRangeError(QiDeadlinesError, ValueError):
    """A date outside the researched range, or before a date it must follow.

    For example an accrual event before the incident, or an exhaustion end before its start.
    """


class InvalidFactError(QiDeadlinesError, ValueError):
    """A fact that is not one of the values accepted, such as an unknown defendant kind."""


class MissingFactError(QiDeadlinesError, ValueError):
    """A claim whose start date depends on a fact the caller did not give."""


class RuleDataError(QiDeadlinesError, ValueError):
    """A rules file that does not validate.

    Attributes:
        path: the file.
        line: 1-based line number in the file (the header is line 1), or None
            for a problem with the file as a whole.
        column: the column name, or None.
    """

    def __init__(
        self, path: Path | str, line: int | None, column: str | None, message: str
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.column = column
        self.message = message
        where = str(self.path)
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {message}")
