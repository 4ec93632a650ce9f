"""Bytes to text, refusing what is not text and never guessing silently.

Order of checks, cheapest and most certain first: size (before reading, so a huge file costs
nothing), emptiness, byte-order marks, binary signatures, UTF-16/32 without a byte-order
mark (told apart from binary by where the zero bytes fall), strict UTF-8, then the legacy
code pages (``cleaner.charsets``: the reading a writer could have typed, and whether that is
known or a guess). A non-UTF-8 decode is reported back as a notice so the user learns their
feed is not UTF-8; a guess is also a finding on the file (``decoding_finding``), and the
commands that rewrite inputs refuse a guessed file (``guess_refusal``).

Every accepted decoding is exact: ``text.encode(encoding) == data``, so the encoding the
sidecar records and the text ``restore`` rebuilds give back the original bytes. A byte-order
mark stays in the text (the normaliser removes it as a recorded edit) and the encoding is
recorded with its byte order (``utf-16-be``), since ``utf-16`` would re-encode little-endian.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from cleaner.errors import InputError
from cleaner.model import Finding, FixSafety, Level, Stage
from cleaner.registry import RuleExample, RuleRecord

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
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
_CONTROL_CHARS = {c: None for c in range(32) if c not in (9, 10, 12, 13)}

# Rule id of the finding a guessed decoding puts on the file.
GUESS_RULE = "EN100"
_GUESSED_BYTES = "The George P\u00f3lya Prize was awarded on Monday.\n".encode("cp1252")
READER_RULES = (
    RuleRecord(
        GUESS_RULE,
        "guessed-encoding",
        Stage.ENCODING,
        Level.WARNING,
        FixSafety.NONE,
        "decoded as ENCODING, a guess: other encodings would read it differently",
        "The file is not UTF-8 and its bytes read as plausible text in more than one legacy "
        "code page, with nothing in the text to decide between them (cp1252's 'Pólya' is "
        "mac-roman's 'PÛlya'). A document-level finding naming the other readings; 'fix' "
        "and 'clean --in-place' refuse to write such a file back as UTF-8 unless --encoding "
        "confirms the encoding or the config sets accept-guessed-encoding = true.",
        (
            RuleExample(
                "The George Pólya Prize was awarded on Monday. (a file in cp1252 bytes)",
                "The George P\u00f3lya Prize was awarded on Monday.\n",
                data=_GUESSED_BYTES,
            ),
        ),
        origin=__name__,
    ),
)


# Rules about how a file was read, not about its text: no reviewer's decision on the text
# can answer them (``--encoding`` or ``accept-guessed-encoding`` does), so the report offers
# none and ``cleaner review`` refuses one.
FILE_RULES = frozenset(record.code for record in READER_RULES)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text plus how it was decoded (recorded in sidecars so bytes can be rebuilt).

    ``guessed``: the bytes read as text under more than one encoding and nothing decided
    between them; ``alternatives`` are the encodings that read them differently."""

    text: str
    encoding: str
    notice: str | None = None
    guessed: bool = False
    alternatives: tuple[str, ...] = ()


def decode_bytes(data: bytes, name: str | Path = "<bytes>") -> Decoded:
    """Decode file contents or raise ``InputError`` with a one-line reason."""
    if not data:
        raise InputError(name, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8":
                return _strict(data, "utf-8", name)
            notice = f"decoded as {encoding.upper()} (byte-order mark)"
            return _strict(data, encoding, name, notice=notice)
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(name, f"binary file ({kind}), not text")
    sample = data[:65536]
    if b"\x00" in sample:
        wide = _wide_without_bom(data)
        if wide is not None:
            return wide
        raise InputError(
            name,
            "binary file (contains NUL bytes), not text; if it is UTF-16 or UTF-32 text "
            "without a byte-order mark, pass --encoding utf-16-le (or utf-16-be, utf-32-le, "
            "utf-32-be)",
        )
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
    return _legacy(data, name, bad_at)


def _strict(data: bytes, encoding: str, name: str | Path, notice: str | None = None) -> Decoded:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(name, f"invalid {encoding.upper()} at byte {exc.start}") from None
    _check_exact(text, data, encoding, name)
    return Decoded(text, encoding, notice)


def _check_exact(text: str, data: bytes, encoding: str, name: str | Path) -> None:
    """Refuse a decoding that would not give the same bytes back: the sidecar and
    ``restore`` could not rebuild the original (some code pages map two byte sequences to
    one character)."""
    try:
        again = text.encode(encoding)
    except UnicodeEncodeError:
        again = b""
    if again != data:
        at = next((i for i, (a, b) in enumerate(zip(data, again, strict=False)) if a != b), 0)
        raise InputError(
            name,
            f"decoding as {encoding} does not give the same bytes back (from byte {at}), so "
            "the original could not be rebuilt; convert the file to UTF-8 first",
        )


def _wide_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 or UTF-32 text without a byte-order mark, told from binary by its zero bytes.

    Text in these encodings has a zero byte in one fixed position of (nearly) every code
    unit for Latin letters, digits, spaces and punctuation, and never a zero in the other
    positions; binary has them anywhere. The decoded text must also be free of control
    characters and read as text (``cleaner.charsets.implausible``)."""
    sample = data[:65536]
    for width, encoding in ((4, "utf-32-le"), (4, "utf-32-be"), (2, "utf-16-le"), (2, "utf-16-be")):
        if len(data) % width:
            continue
        units = len(sample) // width
        zeros = [sample[i::width][:units].count(0) for i in range(width)]
        low = 0 if encoding.endswith("le") else width - 1  # where the significant byte is
        high = [zeros[i] for i in range(width) if i != low]
        if zeros[low] > units // 100 or min(high) < max(1, units // 10):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(text.translate(_CONTROL_CHARS)) != len(text) or text.encode(encoding) != data:
            continue
        from cleaner.charsets import implausible

        if implausible(text) > len(text) // 100:
            continue  # decodes, but into nothing anyone wrote ("扡c敤f" from "abc\0def\0")
        notice = f"decoded as {encoding.upper()} (no byte-order mark; told by its zero bytes)"
        return Decoded(text, encoding, notice)
    return None


_UTF8_SEQUENCE = rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"


def _has_utf8_multibyte(data: bytes) -> bool:
    """True if the file is mostly UTF-8: at least half its non-ASCII bytes sit in
    well-formed multi-byte sequences. Legacy text forms such sequences by chance (koi8-u's
    "ді" is the bytes of "Ħ"), but only for a small share of its bytes."""
    import regex

    high = len(data) - len(data.translate(None, bytes(range(128, 256))))
    covered = sum(len(m) for m in regex.findall(_UTF8_SEQUENCE, data))
    return covered * 2 >= high


def _legacy(data: bytes, name: str | Path, bad_at: int) -> Decoded:
    """A legacy code page: the most plausible reading (``cleaner.charsets``); a detector's
    answer is weighed too, but only when no listed code page reads the bytes cleanly."""
    from cleaner.charsets import choose

    choice = choose(data, _detector_guesses)
    if choice is None:
        raise InputError(name, f"invalid UTF-8 at byte {bad_at} and no other encoding fits")
    if not choice.certain:
        others = ", ".join(choice.alternatives)
        notice = (
            f"not UTF-8; decoded as {choice.encoding}, a guess ({others} would read it "
            f"differently); check it and pass --encoding to confirm"
        )
        return Decoded(choice.text, choice.encoding, notice, True, choice.alternatives)
    return Decoded(choice.text, choice.encoding, notice=f"not UTF-8; decoded as {choice.encoding}")


def _detector_guesses(data: bytes) -> tuple[str, ...]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    return (best.encoding,) if best is not None else ()


# Names whose decoder hides what the bytes were: "utf-16" drops the byte-order mark and
# re-encodes in this machine's byte order; "utf-8-sig" drops the UTF-8 mark.
_WIDE = {"utf-16": ("utf-16-le", "utf-16-be"), "utf-32": ("utf-32-le", "utf-32-be")}


def decode_with(data: bytes, encoding: str, name: str | Path) -> Decoded:
    """Decode with an encoding the user named (``--encoding``), recorded exactly."""
    try:
        canonical = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(name, f"unknown encoding '{encoding}'") from None
    if canonical == "utf-8-sig":
        encoding = "utf-8"  # the mark, if any, stays in the text as with auto-detection
    elif canonical in _WIDE:
        le, be = _WIDE[canonical]
        bom_be = codecs.BOM_UTF16_BE if canonical == "utf-16" else codecs.BOM_UTF32_BE
        encoding = be if data.startswith(bom_be) else le  # Python's own default: little-endian
    return _strict(data, encoding, name)


def decoding_finding(decoded: Decoded) -> Finding | None:
    """The finding a guessed decoding puts on the file (None when it is not a guess): a
    notice at the start of the text, so ``check``, the report and the sidecar show it."""
    if not decoded.guessed:
        return None
    others = ", ".join(decoded.alternatives)
    return Finding(
        rule=GUESS_RULE,
        stage=Stage.ENCODING,
        level=Level.WARNING,
        message=(
            f"decoded as {decoded.encoding}, a guess: {others} would read it differently; "
            f"pass --encoding to confirm"
        ),
        text="",
        start=0,
        end=0,
        out_start=0,
        out_end=0,
        fix=FixSafety.NONE,
        reason=(
            "The file is not UTF-8 and its bytes read as plausible text in more than one "
            "legacy encoding; nothing in the text decided between them."
        ),
    )


def guess_refusal(encoding: str, alternatives: tuple[str, ...] | list[str]) -> str:
    """Why a command that rewrites its input does not rewrite a file whose encoding was
    guessed: written back as UTF-8, a wrong guess would become permanent."""
    return (
        f"not rewritten: its encoding was guessed ({encoding}; {', '.join(alternatives)} "
        f"would read it differently); pass --encoding {encoding} if that is right, or set "
        "accept-guessed-encoding = true"
    )


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
