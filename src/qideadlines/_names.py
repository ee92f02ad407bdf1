"""The names of the facts `compute_deadlines` takes, as keywords, batch columns and flags.

Shared by the batch reader (as column names) and the command line (as flags,
``--denial-date`` for ``denial_date``). It imports nothing, so ``--help``
stays fast.
"""

from __future__ import annotations

# Not `from typing import ...`: the command line imports this module, and typing
# alone would double the time `qideadlines --help` takes.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

DATE_FACTS: Final = (
    "denial_date",
    "accrual_date",
    "legal_process_date",
    "favorable_termination_date",
    "conviction_invalidated_date",
    "birth_date",
    "exhaustion_start",
    "exhaustion_end",
    "release_date",
    "notice_date",
)

#: Each keyword's batch column where the two differ.
COLUMN: Final = {"defendants": "defendant"}


def flag(keyword: str) -> str:
    """The command-line flag of a keyword of `compute_deadlines`.

    Example:
        >>> flag("legal_process_date")
        '--legal-process-date'
    """
    return "--" + COLUMN.get(keyword, keyword).replace("_", "-")
