"""Bytes to text, refusing what is not text rather than guessing silently.

Order of checks, cheapest and most certain first: size (before reading, so a huge file costs
nothing), emptiness, byte-order marks, binary signatures, strict UTF-8, then
charset-normalizer for legacy encodings (cp1251, latin-1 ...). A non-UTF-8 decode is reported
back as a notice so the user learns their feed is not UTF-8.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from cleaner.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of formats people feed text tools by mistake.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (docx/xlsx/epub?)"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"SQLite format 3", "SQLite database"),
)

# Control bytes that never occur in text files (tab, LF, CR, FF, ESC are allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text plus how it was decoded (recorded in sidecars so bytes can be rebuilt)."""

    text: str
    encoding: str
    notice: str | None = None


def decode_bytes(data: bytes, name: str | Path = "<bytes>") -> Decoded:
    """Decode file contents or raise ``InputError`` with a one-line reason."""
    if not data:
        raise InputError(name, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8":
                # Keep the BOM in the text: the normaliser removes it as a recorded edit.
                return _strict(data, "utf-8", name)
            return _strict(data, encoding, name, notice=f"decoded as {encoding.upper()} (BOM)")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(name, f"binary file ({kind}), not text")
    sample = data[:65536]
    if b"\x00" in sample:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(sample) // 100):
        raise InputError(name, f"binary file ({controls} control bytes in the first 64 KB)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    if _has_utf8_multibyte(data):
        raise InputError(
            name,
            f"invalid UTF-8 at byte {bad_at} in a file that is otherwise UTF-8 "
            "(mixed encodings); repair the file or pass --encoding",
        )
    return _detect(data, name, bad_at)


def _strict(data: bytes, encoding: str, name: str | Path, notice: str | None = None) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding, notice)
    except UnicodeDecodeError as exc:
        raise InputError(name, f"invalid {encoding.upper()} at byte {exc.start}") from None


def _has_utf8_multibyte(data: bytes) -> bool:
    """True if the bytes hold at least one well-formed multi-byte UTF-8 sequence."""
    import regex

    return bool(
        regex.search(
            rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", data
        )
    )


def _detect(data: bytes, name: str | Path, bad_at: int) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        raise InputError(name, f"invalid UTF-8 at byte {bad_at} and no other encoding fits")
    encoding = best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(
            name, f"invalid UTF-8 at byte {bad_at}; guessed {encoding} does not fit"
        ) from None
    return Decoded(text, encoding, notice=f"not UTF-8; decoded as {encoding}")


def decode_with(data: bytes, encoding: str, name: str | Path) -> Decoded:
    """Decode with an encoding the user named (``--encoding``)."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(name, f"unknown encoding '{encoding}'") from None
    return _strict(data, encoding, name)


def read_file(path: Path, max_bytes: int, encoding: str | None = None) -> Decoded:
    """Read and decode one file, refusing oversize, unreadable and non-text input."""
    return decode_file_bytes(read_bytes(path, max_bytes), path, encoding)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """A file's bytes, refusing directories, oversize, unreadable and empty files.

    Separate from decoding so the result cache can be keyed by the bytes and a hit skips
    decoding as well as cleaning."""
    try:
        if path.is_dir():
            raise InputError(path, "is a directory, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, _too_large(size, max_bytes))
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "cannot read: permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if not data:
        raise InputError(path, "empty file")
    if len(data) > max_bytes:
        raise InputError(path, _too_large(None, max_bytes))
    return data


def _too_large(size: int | None, limit: int) -> str:
    """ "file is 12.0 MB, above the 10.0 MB limit"; exact bytes where rounding would hide
    the difference or the limit is small ("150 bytes, above the 100-byte limit")."""
    shown, cap = _size(size or 0), _size(limit)
    if size is not None and shown == cap:
        shown, cap = f"{size} bytes", f"{limit} bytes"
    what = "file is larger than" if size is None else f"file is {shown}, above"
    cap = cap.replace(" bytes", "-byte") if cap.endswith(" bytes") else cap
    return f"{what} the {cap} limit (raise max-file-size in the config or --max-file-size)"


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def decode_file_bytes(data: bytes, path: Path, encoding: str | None = None) -> Decoded:
    """Decode what ``read_bytes`` returned (``encoding``: the user's ``--encoding``)."""
    decoded = decode_with(data, encoding, path) if encoding else decode_bytes(data, path)
    if not decoded.text.strip():
        raise InputError(path, "no text (whitespace only)")
    return decoded
