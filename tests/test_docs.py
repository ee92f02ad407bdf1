"""The documentation is generated from the data and the parser, so it cannot drift."""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import sys
import types
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from qideadlines import list_jurisdictions
from qideadlines._cli import build_parser

from conftest import CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
BUILD = DOCS / "_build" / "html"
CHROMIUM_FLAGS = ("--headless", *CHROMIUM_ARGS)


def test_one_page_per_jurisdiction(site: Path) -> None:
    pages = site / "_generated" / "jurisdictions"
    codes = {j.code for j in list_jurisdictions()}
    assert {p.stem for p in pages.glob("*.html")} == codes | {"index"}
    colorado = (pages / "CO.html").read_text(encoding="utf-8")
    assert "Worked example" in colorado
    assert "a recent date" in colorado.lower()
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


def _render_in_chromium(page: Path, shot: str, size: str) -> str:
    """The DOM headless Chromium builds for `page`, and its screenshot in docs/_build."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (.ci/run installs Debian's chromium)")
    profile = DOCS / "_build" / "chromium-profile"
    base = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}"]
    dom = subprocess.run(
        [*base, "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    image = DOCS / "_build" / shot
    subprocess.run(
        [*base, f"--window-size={size}", f"--screenshot={image}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert image.stat().st_size > 10_000
    return dom


def test_a_jurisdiction_page_renders_in_chromium(site: Path) -> None:
    """Headless Chromium draws the deadline table; the screenshot stays in docs/_build."""
    page = site / "_generated" / "jurisdictions" / "CO.html"
    dom = _render_in_chromium(page, "jurisdiction-CO.png", "1280,1600")
    assert "<table" in dom
    assert "Colo. Rev. Stat. § 13-80-102" in dom


def test_every_field_is_described_and_the_json_schema_carries_it() -> None:
    """The schema page is readable by a person: every field of every public model says what
    it means, and the JSON Schema of the report carries the same words."""
    import inspect
    import json

    from pydantic import BaseModel

    import qideadlines

    public = [getattr(qideadlines, name) for name in qideadlines.__all__]
    models = [m for m in public if inspect.isclass(m) and issubclass(m, BaseModel)]
    assert len(models) >= 10
    missing = [
        f"{m.__name__}.{name}"
        for m in models
        for name, field in m.model_fields.items()
        if not (field.description or "").strip()
    ]
    assert not missing, missing
    schema = json.loads(json.dumps(qideadlines.DeadlineReport.model_json_schema()))
    bare = [
        (where, name)
        for where, node in [("DeadlineReport", schema), *schema.get("$defs", {}).items()]
        for name, prop in node.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert not bare, bare


def _generated_markdown() -> list[Path]:
    return sorted((DOCS / "_generated" / "jurisdictions").glob("*.md"))


@pytest.mark.usefixtures("site")
def test_each_state_page_opens_with_the_rule_and_the_disclaimer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Today's rule in one sentence, the disclaimer, then the details."""

    monkeypatch.syspath_prepend(str(DOCS))
    rule_sentence = importlib.import_module("_gen").rule_sentence

    assert rule_sentence("LA").startswith(
        "Louisiana: two years to file a § 1983 suit for incidents from July 2, 2024"
    )
    for page in _generated_markdown():
        if page.stem == "index":
            continue
        lines = [ln for ln in page.read_text(encoding="utf-8").splitlines() if ln.strip()]
        assert lines[1] == f"**{rule_sentence(page.stem)}**", page.stem
        assert "legal information, not legal advice" in lines[2], page.stem
        # Then the calculator, prefilled with this jurisdiction, and the worked example.
        assert f'calculator.html?jurisdiction={page.stem}"' in lines[4], page.stem
        assert lines.index(next(ln for ln in lines if ln.startswith("## Worked example"))) < 9


def test_the_landing_page_links_the_calculator_first(site: Path) -> None:
    landing = (site / "index.html").read_text(encoding="utf-8")
    assert landing.index('href="calculator.html"') < landing.index("Find your state")
    assert (site / "calculator.html").is_file()


@pytest.mark.usefixtures("site")
def test_no_table_cell_is_left_blank() -> None:
    """A blank cell could mean none, unknown or not applicable; every cell says which."""
    for page in _generated_markdown():
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("|") and not line.startswith("|---"):
                cells = line.strip().strip("|").split(" | ")
                assert all(c.strip() for c in cells), (page.stem, line[:120])


def test_dates_in_tables_never_break(site: Path) -> None:
    page = (DOCS / "_generated" / "jurisdictions" / "CO.md").read_text(encoding="utf-8")
    rows = [ln for ln in page.splitlines() if ln.startswith("| <span")]
    assert rows
    assert all('class="qd-date"' in ln for ln in rows)
    css = (DOCS / "_static" / "qideadlines.css").read_text(encoding="utf-8")
    assert ".qd-date { white-space: nowrap; }" in css
    built = (site / "_generated" / "jurisdictions" / "CO.html").read_text(encoding="utf-8")
    assert "qideadlines.css" in built


@pytest.mark.usefixtures("site")
def test_the_sidebar_lists_jurisdictions_by_name() -> None:
    index = (DOCS / "_generated" / "jurisdictions" / "index.md").read_text(encoding="utf-8")
    toctree = index.split("```{toctree}")[1].split("```")[0].split()
    codes = [t for t in toctree if len(t) == 2]
    names = {j.code: j.name for j in list_jurisdictions()}
    assert [names[c] for c in codes] == sorted(names.values())


def test_the_landing_page_renders_find_your_state_first(site: Path) -> None:
    """Rendered in Chromium: "Find your state" comes before any install command, every
    jurisdiction is one link away by name and by its map tile."""
    dom = _render_in_chromium(site / "index.html", "landing-phone.png", "390,1600")
    main = dom[dom.index("<article") :]
    assert "Find your state" in main
    assert main.index("Find your state") < main.index("pip install")
    codes = {j.code for j in list_jurisdictions()}
    listed = set(re.findall(r'<li><a href="_generated/jurisdictions/([A-Z]{2})\.html">', main))
    tiles = set(re.findall(r'<a href="_generated/jurisdictions/([A-Z]{2})\.html" aria-label', main))
    assert listed == codes
    assert tiles == codes
    assert "legal information, not legal advice" in main[: main.index("pip install")]
    for code in codes:
        assert (site / "_generated" / "jurisdictions" / f"{code}.html").is_file()


def _calcsite(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> types.ModuleType:
    pytest.importorskip("sphinx")
    monkeypatch.syspath_prepend(str(DOCS))
    module = importlib.import_module("_calcsite")
    monkeypatch.setattr(module, "CACHE", tmp_path / "cache")
    return module


def test_the_calculator_build_says_in_one_line_when_npm_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from sphinx.errors import ExtensionError

    calcsite = _calcsite(monkeypatch, tmp_path)
    monkeypatch.setattr(calcsite.shutil, "which", lambda _name: None)
    with pytest.raises(ExtensionError, match="npm is not installed") as caught:
        calcsite.fetch_pyodide(tmp_path / "out")
    assert "\n" not in str(caught.value)


def test_a_download_that_does_not_match_its_pin_stops_the_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from sphinx.errors import ExtensionError

    calcsite = _calcsite(monkeypatch, tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir()
    tarball = cache / f"pyodide-{calcsite.PYODIDE_VERSION}.tgz"

    def fake_npm(_what: str, _command: list[str]) -> None:
        tarball.write_bytes(b"not the package")  # what a tampered registry would send

    monkeypatch.setattr(calcsite, "_run", fake_npm)
    monkeypatch.setattr(calcsite.shutil, "which", lambda _name: "/usr/bin/npm")
    with pytest.raises(ExtensionError, match="does not match its pinned hash"):
        calcsite.fetch_pyodide(tmp_path / "out")
    assert not tarball.exists(), "a file that failed its check is not kept"


def test_a_failing_fetch_is_one_line_naming_the_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from sphinx.errors import ExtensionError

    calcsite = _calcsite(monkeypatch, tmp_path)
    command = [sys.executable, "-c", "import sys; sys.exit('registry unreachable')"]
    with pytest.raises(ExtensionError, match="registry unreachable") as caught:
        calcsite._run("fetch the wheels", command)
    assert str(caught.value).startswith("calculator: could not fetch the wheels")
    assert "\n" not in str(caught.value)
