"""The README's commands and examples stay true."""

from __future__ import annotations

import doctest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def test_readme_opens_with_the_two_commands() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```console") + 1 : lines.index("```console") + 3]
    assert block == [
        "pip install . && qideadlines compute CO 2024-03-15",
        "pip install -e '.[test]' && python -m pytest",
    ]


def test_readme_python_examples_run() -> None:
    failed, attempted = doctest.testfile(str(README), module_relative=False, verbose=False)
    assert attempted > 0
    assert failed == 0


def test_docs_python_guide_examples_run() -> None:
    failed, attempted = doctest.testfile(
        str(ROOT / "docs" / "python.md"), module_relative=False, verbose=False
    )
    assert attempted > 0
    assert failed == 0
