"""Files in and out: strict CSV reading with line numbers, and writes that never clobber.

Shared by the rules loader and the command line. Every problem a file can have
(missing, not a regular file, too large, not decodable, a quote left open, a
field beyond the size limit) comes out as one sentence naming the file and the
line; writes go to a temporary file beside the target and are renamed into
place only when complete, so a failed run leaves the previous file as it was.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Final, Protocol, Self, TextIO

__all__ = [
    "FIELD_LIMIT",
    "FileProblem",
    "TextSource",
    "atomic_bytes",
    "atomic_text",
    "csv_rows",
    "open_text",
    "same_file",
]

#: The largest field read: ten times a long citation note, far below memory trouble.
FIELD_LIMIT: Final = 1 << 20
_BOMS: Final = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


class FileProblem(Exception):  # noqa: N818 - a carrier, turned into the caller's error
    """A problem with a file: its sentence, and the line it was found on (None: the file)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def open_text(
    path: str | Path, *, encoding: str | None = None, limit: int | None = None
) -> TextSource:
    """Open a text file (``-``: standard input) for CSV reading, checked first.

    Without an `encoding`, UTF-8 with or without a byte-order mark is read, and
    a UTF-16 byte-order mark is honoured.

    Raises:
        FileProblem: the file is missing, unreadable, not a regular file, larger
            than `limit` bytes, or the encoding is unknown.

    Example:
        >>> from qideadlines._data import default_paths
        >>> with open_text(default_paths()[0]) as handle:
        ...     handle.readline().split(",")[0]
        'jurisdiction'
    """
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            msg = f"{encoding!r} is not an encoding Python knows (try utf-8, latin-1 or cp1252)."
            raise FileProblem(msg) from None
    if str(path) == "-":
        if sys.stdin is None or sys.stdin.closed:
            msg = "standard input is closed."
            raise FileProblem(msg)
        binary: IO[bytes] = sys.stdin.buffer
    else:
        binary = _open_regular(Path(path), limit)
    chosen = encoding
    if chosen is None:
        start = binary.peek(3)[:3] if hasattr(binary, "peek") else b""
        chosen = next((name for bom, name in _BOMS if start.startswith(bom)), "utf-8-sig")
    if "16" in chosen or "32" in chosen:
        # Bytes of a wide encoding cannot be split at b"\n"; decode the stream whole.
        wide = io.TextIOWrapper(binary, encoding=chosen, errors="strict", newline="")
        return _WideLines(wide)
    return _Lines(binary, chosen)


class _Closing:
    """A line source that closes its file at the end of a ``with`` block."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
        /,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the underlying file."""
        raise NotImplementedError


class _WideLines(_Closing):
    r"""Decoded text split at "\n" only, as `_Lines` splits bytes.

    A text stream's own iteration also ends a line at a bare carriage return,
    which would turn one malformed row into two; split here, the CSV reader
    sees the carriage return and reports it.
    """

    def __init__(self, text: IO[str]) -> None:
        self._text = text
        self._rest = ""

    def __iter__(self) -> Iterator[str]:
        while True:
            chunk = self._text.read(1 << 16)
            if not chunk:
                if self._rest:
                    yield self._rest
                return
            lines = (self._rest + chunk).split("\n")
            self._rest = lines.pop()
            yield from (line + "\n" for line in lines)

    def close(self) -> None:
        """Close the underlying file."""
        self._text.close()


class TextSource(Protocol):
    """What `open_text` returns: lines of text to read, and a file to close."""

    def __iter__(self) -> Iterator[str]: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
        /,
    ) -> None: ...
    def close(self) -> None: ...


class _Lines(_Closing):
    """A byte stream decoded one line at a time.

    A byte that cannot be decoded is then reported on its own line, not somewhere
    in an 8 KB block.
    """

    def __init__(self, binary: IO[bytes], encoding: str) -> None:
        self._binary = binary
        self._encoding = encoding
        self._first = encoding.replace("_", "-").lower() == "utf-8-sig"
        self._line = 0
        #: Whether the text began with a UTF-8 byte-order mark.
        self.had_bom = False

    def readline(self) -> str:
        """The next line, decoded; an empty string at the end."""
        raw = self._binary.readline()
        if not raw:
            return ""
        self._line += 1
        try:
            if self._first:
                self._first = False
                self.had_bom = raw.startswith(b"\xef\xbb\xbf")
                return raw.decode("utf-8-sig")
            return raw.decode("utf-8" if self._encoding == "utf-8-sig" else self._encoding)
        except UnicodeDecodeError as exc:
            raise _Undecodable(exc, self._line) from None

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def close(self) -> None:
        """Close the underlying file."""
        self._binary.close()


class _Undecodable(UnicodeDecodeError):  # noqa: N818 - it is a UnicodeDecodeError
    """A decoding error that knows its line."""

    def __init__(self, exc: UnicodeDecodeError, line: int) -> None:
        super().__init__(exc.encoding, exc.object, exc.start, exc.end, exc.reason)
        self.line = line


def _open_regular(path: Path, limit: int | None) -> IO[bytes]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        msg = f"cannot be read ({exc.strerror or exc})."
        raise FileProblem(msg) from exc
    try:
        _check_regular(handle, limit)
    except BaseException:
        handle.close()
        raise
    return handle


def _check_regular(handle: IO[bytes], limit: int | None) -> None:
    import stat

    status = os.fstat(handle.fileno())
    if not stat.S_ISREG(status.st_mode):
        msg = "is not a regular file."
        raise FileProblem(msg)
    if limit is not None and status.st_size > limit:
        msg = f"is {status.st_size:,} bytes; the most read is {limit:,}."
        raise FileProblem(msg)


def csv_rows(handle: Iterable[str], *, encoding_hint: str = "") -> Iterator[tuple[int, list[str]]]:
    r"""Each CSV record with the line it starts on, strictly parsed; blank lines skipped.

    Raises:
        FileProblem: a quote left open at the end of the file, a stray quote
            after a closing one, a field over `FIELD_LIMIT` characters, or bytes
            the encoding cannot decode, each naming the line.

    Example:
        >>> list(csv_rows(io.StringIO('a,b\n\n"x\ny",2\n')))
        [(1, ['a', 'b']), (3, ['x\ny', '2'])]
    """
    reader = csv.reader(handle, strict=True)
    with _field_limit():
        while True:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                where = exc.line if isinstance(exc, _Undecodable) else reader.line_num + 1
                hint = encoding_hint or "give its encoding (for example --encoding latin-1)"
                msg = (
                    f"byte 0x{exc.object[exc.start]:02x} cannot be decoded as {exc.encoding}; "
                    f"{hint}."
                )
                raise FileProblem(msg, where) from None
            except csv.Error as exc:
                raise FileProblem(_csv_problem(str(exc), line), line) from None
            if cells:
                yield line, cells


def _csv_problem(text: str, line: int) -> str:
    if "unexpected end of data" in text:
        return (
            f"a quoted field that starts on line {line} is never closed; the file ends inside it."
        )
    if "new-line character seen in unquoted field" in text:
        return (
            "a line ends with a bare carriage return (an old Mac text file); save it with "
            "Windows or Unix line ends."
        )
    if "field larger than field limit" in text:
        return f"a field is longer than {FIELD_LIMIT:,} characters."
    return f"it is not valid CSV ({text})."


@contextlib.contextmanager
def _field_limit() -> Iterator[None]:
    previous = csv.field_size_limit(FIELD_LIMIT)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def same_file(first: str | Path, second: str | Path) -> bool:
    """Whether two paths name the same existing file (``-`` names no file).

    Example:
        >>> same_file("-", "-")
        False
    """
    if "-" in {str(first), str(second)}:
        return False
    try:
        return Path(first).samefile(second)
    except OSError:
        return Path(first).resolve() == Path(second).resolve()


@contextlib.contextmanager
def atomic_text(path: str | Path) -> Iterator[TextIO]:
    """A text file (UTF-8, no newline translation) that replaces `path` only when complete.

    Raises:
        FileProblem: the folder does not exist, the path is a folder, or the
            file cannot be written (permission, a full disk), with the reason.
    """
    with atomic_bytes(path) as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        yield text
        text.flush()
        text.detach()


@contextlib.contextmanager
def atomic_bytes(path: str | Path) -> Iterator[IO[bytes]]:
    """A binary file that replaces `path` only when the block ends without an error."""
    import tempfile

    target = Path(path)
    if target.is_dir():
        msg = "is a folder, not a file."
        raise FileProblem(msg)
    if target.exists() and not target.is_file():
        # A device or a pipe (/dev/null, a FIFO) is written to, never replaced.
        try:
            with target.open("wb") as stream:
                yield stream
        except OSError as exc:
            msg = f"cannot be written ({exc.strerror or exc})."
            raise FileProblem(msg) from exc
        return
    folder = target.parent
    if not folder.is_dir():
        msg = f"cannot be written: the folder {str(folder)!r} does not exist."
        raise FileProblem(msg)
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=folder
        )
    except OSError as exc:
        msg = f"cannot be written ({exc.strerror or exc})."
        raise FileProblem(msg) from exc
    done = False
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(target, temporary)
        Path(temporary).replace(target)
        done = True
    except OSError as exc:
        msg = f"cannot be written ({exc.strerror or exc})."
        raise FileProblem(msg) from exc
    finally:
        if not done:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()


def _keep_mode(target: Path, temporary: str) -> None:
    """Give the new file the old one's permissions, or the usual ones for a new file."""
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        Path(temporary).chmod(mode)


def worded(problem: FileProblem, name: str, wrap: Callable[[str], Exception]) -> Exception:
    """The caller's error for a file problem, naming the file and the line."""
    where = f"{name}, line {problem.line}" if problem.line is not None else name
    return wrap(f"{where}: {problem.message}")
