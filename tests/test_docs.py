"""The documentation is generated from the data and the parser, so it cannot drift."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from qideadlines import list_jurisdictions
from qideadlines._cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
BUILD = DOCS / "_build" / "html"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip


@pytest.fixture(scope="module")
def site() -> Path:
    """Build the site once, with warnings as errors, where README says it is built."""
    pytest.importorskip("sphinx")
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         str(DOCS), str(BUILD)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return BUILD


def test_one_page_per_jurisdiction(site: Path) -> None:
    pages = site / "_generated" / "jurisdictions"
    codes = {j.code for j in list_jurisdictions()}
    assert {p.stem for p in pages.glob("*.html")} == codes | {"index"}
    colorado = (pages / "CO.html").read_text(encoding="utf-8")
    assert "Worked example" in colorado
    assert "13-80-102" in colorado
    assert "legal information, not legal advice" in colorado
    assert "Qualified immunity" in colorado


def test_every_cli_subcommand_is_documented(site: Path) -> None:
    cli = (site / "_generated" / "cli.html").read_text(encoding="utf-8")
    actions = [a for a in build_parser()._actions if a.dest == "command"]
    for name in actions[0].choices or {}:
        assert f"qideadlines {name}" in cli, name


def test_the_map_has_a_tile_per_jurisdiction(site: Path) -> None:
    svg = ET.parse(DOCS / "_generated" / "map.svg").getroot()  # noqa: S314 - our own file
    tiles = [t for t in svg.iter("{http://www.w3.org/2000/svg}title") if ":" in (t.text or "")]
    assert {t.text.split(":")[0] for t in tiles if t.text} == {j.code for j in list_jurisdictions()}
    assert (site / "_generated" / "jurisdictions" / "index.html").is_file()


def test_the_guide_and_schema_pages_are_built(site: Path) -> None:
    guide = (site / "guide.html").read_text(encoding="utf-8")
    assert "Felder v. Casey" in guide
    schema = (site / "_generated" / "schema.html").read_text(encoding="utf-8")
    assert "state_rules.csv" in schema
    assert "DeadlineReport" in schema


def test_a_jurisdiction_page_renders_in_chromium(site: Path) -> None:
    """Headless Chromium draws the deadline table; the screenshot stays in docs/_build."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (.ci/run installs Debian's chromium)")
    page = (site / "_generated" / "jurisdictions" / "CO.html").as_uri()
    profile = DOCS / "_build" / "chromium-profile"
    dom = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert "<table" in dom.stdout
    assert "section_1983" in dom.stdout
    shot = DOCS / "_build" / "jurisdiction-CO.png"
    subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1280,1600",
         f"--screenshot={shot}", page],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert shot.stat().st_size > 10_000
