"""Build hook: put the prebuilt rules and holiday lists in the wheel.

A wheel carries the CSV files and, beside them, ``prebuilt.pickle``: the
same rows validated once here, and the ``holidays`` package's lists for the
years the library computes (see ``src/qideadlines/_prebuilt.py``). An
editable install reads the repository's ``data/`` and needs neither.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class PrebuiltHook(BuildHookInterface):  # type: ignore[type-arg]
    """Validate the packaged rules once and ship the result with the wheel."""

    PLUGIN_NAME = "prebuilt"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Write the prebuilt file and add it to the wheel (not to an editable one)."""
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        try:
            from qideadlines._prebuilt import FILE, write
        finally:
            sys.path.pop(0)
        data = root / "data"
        names = ("state_rules.csv", "court_calendars.csv", "tolling.csv", "state_accrual.csv")
        paths = tuple(data / name for name in names)
        target = Path(tempfile.mkdtemp()) / FILE
        write(target, paths)
        build_data["force_include"][str(target)] = f"qideadlines/data/{FILE}"
