"""The browser calculator's files, fetched and checked when the docs are built.

``calculator.html`` runs this project's own wheel in the reader's browser with
Pyodide, and loads every file from the site itself: no CDN, no other host.
This extension puts them at ``_calc/`` in the built site:

- ``_calc/pyodide/``: Pyodide's core files, from the ``pyodide`` package on
  the npm registry (``npm pack``), its tarball checked against the pinned
  integrity hash;
- ``_calc/wheels/``: the wheels in ``docs/site-requirements.txt`` (``pip
  download --require-hashes``), and this project's wheel, built from the
  source tree with ``pip wheel``;
- ``_calc/manifest.json``: the wheels in the order the page installs them.

Downloads are kept in ``docs/_build/calc-cache`` and checked again on every
build. When a file cannot be fetched the build stops with one message that
says which and why.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.errors import ExtensionError

if TYPE_CHECKING:
    from sphinx.application import Sphinx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / "_build" / "calc-cache"
#: Copied to the site's root by `html_extra_path`: the files land at /_calc/.
EXTRA = HERE / "_build" / "calc-extra"
REQUIREMENTS = HERE / "site-requirements.txt"

PYODIDE_VERSION = "314.0.8"
#: The npm registry's integrity value for pyodide-314.0.8.tgz.
PYODIDE_INTEGRITY = (
    "sha512-74Wq1kXOC+CCEzAfxuRAO701nAcCMLjf8NrwvW"
    "pu8S41dVMXwXmLQ05dYB+F4e46AdnGo0oq7YHSVUpHsoarLQ=="
)
#: What the page needs of the package: the loader, the interpreter, the standard library.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
#: The tags of the wheels Pyodide 314 installs: its own WebAssembly ABI, or pure Python.
PLATFORM = ("--platform", "pyemscripten_2026_0_wasm32", "--platform", "any")
PYTHON = ("--python-version", "3.14", "--implementation", "cp", "--abi", "cp314", "--abi", "none")
#: Installed first, so that each wheel finds what it imports already there.
ORDER = (
    "typing_extensions",
    "annotated_types",
    "typing_inspection",
    "pydantic_core",
    "pydantic",
    "six",
    "python_dateutil",
    "holidays",
    "tzdata",
    "icalendar",
    "qideadlines",
)


def _run(what: str, command: list[str]) -> None:
    try:
        # The commands are this module's own: npm and pip with pinned arguments.
        done = subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, check=False, timeout=900
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        msg = f"calculator: could not {what}: {exc}"
        raise ExtensionError(msg) from exc
    if done.returncode != 0:
        last = (done.stderr.strip() or done.stdout.strip() or "no output").splitlines()[-1]
        shown = " ".join(command[:4])
        msg = f"calculator: could not {what} (`{shown} …` exited {done.returncode}: {last})"
        raise ExtensionError(msg)


def _integrity(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def fetch_pyodide(out: Path) -> None:
    """Pyodide's core files from the npm registry, checked, into `out`."""
    tarball = CACHE / f"pyodide-{PYODIDE_VERSION}.tgz"
    if not tarball.is_file() or _integrity(tarball) != PYODIDE_INTEGRITY:
        if shutil.which("npm") is None:
            msg = "calculator: npm is not installed; it fetches Pyodide from the npm registry"
            raise ExtensionError(msg)
        CACHE.mkdir(parents=True, exist_ok=True)
        tarball.unlink(missing_ok=True)
        _run(
            f"fetch pyodide@{PYODIDE_VERSION} from the npm registry",
            ["npm", "pack", f"pyodide@{PYODIDE_VERSION}", "--silent",
             "--pack-destination", str(CACHE)],
        )  # fmt: skip
    if _integrity(tarball) != PYODIDE_INTEGRITY:
        tarball.unlink()
        msg = f"calculator: pyodide-{PYODIDE_VERSION}.tgz does not match its pinned hash"
        raise ExtensionError(msg)
    out.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as archive:
        for name in PYODIDE_FILES:
            member = archive.extractfile(f"package/{name}")
            if member is None:
                msg = f"calculator: pyodide-{PYODIDE_VERSION}.tgz has no {name}"
                raise ExtensionError(msg)
            (out / name).write_bytes(member.read())


def _pinned() -> dict[str, str]:
    """Each pinned wheel's project name and sha256, from site-requirements.txt."""
    pins = {}
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            spec, _, digest = line.partition(" --hash=sha256:")
            pins[spec.split("==")[0].replace("-", "_")] = digest.strip()
    return pins


def fetch_wheels(out: Path) -> list[str]:
    """The pinned wheels from PyPI, checked against their hashes, into `out`."""
    cache = CACHE / "wheels"
    pins = _pinned()
    have = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in cache.glob("*.whl")}
    if set(pins.values()) - set(have.values()):
        cache.mkdir(parents=True, exist_ok=True)
        _run(
            "fetch the calculator's wheels from PyPI",
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--only-binary=:all:", *PLATFORM, *PYTHON, "--require-hashes",
             "-r", str(REQUIREMENTS), "-d", str(cache)],
        )  # fmt: skip
        have = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in cache.glob("*.whl")}
    out.mkdir(parents=True, exist_ok=True)
    names = []
    for name, digest in have.items():
        if digest in pins.values():
            shutil.copyfile(cache / name, out / name)
            names.append(name)
    missing = sorted(k for k, v in pins.items() if v not in have.values())
    if missing:
        msg = f"calculator: no wheel matching its pinned hash for {', '.join(missing)}"
        raise ExtensionError(msg)
    return names


def build_own_wheel(out: Path) -> str:
    """This project's wheel, built from the source tree: the page runs the CLI's engine."""
    build = CACHE / "own"
    shutil.rmtree(build, ignore_errors=True)
    _run(
        "build the qideadlines wheel (pip wheel needs hatchling: pip install -e '.[docs]')",
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(build), str(ROOT)],
    )  # fmt: skip
    (wheel,) = build.glob("qideadlines-*.whl")
    shutil.copyfile(wheel, out / wheel.name)
    return wheel.name


def _order(name: str) -> int:
    project = name.split("-", maxsplit=1)[0].lower()
    return ORDER.index(project) if project in ORDER else len(ORDER)


def prepare(app: Sphinx) -> None:  # noqa: ARG001 - Sphinx passes the application
    """Put the calculator's files where `html_extra_path` copies them from."""
    shutil.rmtree(EXTRA, ignore_errors=True)
    target = EXTRA / "_calc"
    fetch_pyodide(target / "pyodide")
    names = fetch_wheels(target / "wheels")
    names.append(build_own_wheel(target / "wheels"))
    manifest = {"pyodide": PYODIDE_VERSION, "wheels": sorted(names, key=_order)}
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the step that fetches the files before the pages are written."""
    EXTRA.mkdir(parents=True, exist_ok=True)
    app.connect("builder-inited", prepare)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
