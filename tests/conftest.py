"""Hypothesis profiles, the built docs site, and a terminal width left unset.

Hypothesis runs a derandomized profile in CI and a quick one locally. The site
is built once per session, with warnings as errors, where README says it is
built. A terminal's COLUMNS would change how the command line wraps its text;
tests run without it unless they set it themselves.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings


@pytest.fixture(autouse=True)
def _no_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)


DOCS = Path(__file__).resolve().parents[1] / "docs"
#: Headless Chromium on a machine with no network: no background connections, no sandbox as root.
CHROMIUM_ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip


@pytest.fixture(scope="session")
def site() -> Path:
    """The docs site, built once with warnings as errors into docs/_build/html."""
    pytest.importorskip("sphinx")
    build = DOCS / "_build" / "html"
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         str(DOCS), str(build)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return build


settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=200,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
