"""Sphinx configuration: furo, MyST, autodoc; the CLI page is rendered from the real parser."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from _gen import generate  # noqa: E402

from qideadlines._cli import build_parser  # noqa: E402

project = "qideadlines"
author = "qideadlines contributors"
copyright = "2026, qideadlines contributors"
extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    # Fetches and checks the browser calculator's files: Pyodide and the wheels it runs.
    "_calcsite",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_generated/README.md", "_generated/find.md"]
html_theme = "furo"
html_title = "qideadlines"
html_static_path = ["_static"]
html_css_files = ["qideadlines.css"]
# The calculator's files (written by _calcsite) are served from the site's root, at /_calc/.
html_extra_path = ["_build/calc-extra"]
autodoc_typehints = "description"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
myst_heading_anchors = 3


def _render_cli() -> None:
    """Write the CLI reference from the parser the command itself uses."""
    parser = build_parser()
    sections = ["# Command line\n", "```text", parser.format_help().rstrip(), "```\n"]
    for action in parser._actions:  # noqa: SLF001 - argparse has no public accessor
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict):
            for name, sub in choices.items():
                sections += [
                    f"## `qideadlines {name}`\n",
                    "```text",
                    sub.format_help().rstrip(),
                    "```\n",
                ]
    out = HERE / "_generated"
    out.mkdir(exist_ok=True)
    (out / "cli.md").write_text("\n".join(sections), encoding="utf-8")


_render_cli()
generate(HERE)
