"""The names of the date facts `compute_deadlines` takes.

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
)
