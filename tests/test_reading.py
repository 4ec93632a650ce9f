"""Reading bytes (issue 12): right, or saying it is unsure, and always rebuildable.

Legacy code pages: English saved as Latin-1 or cp1252 must come back exactly (a detector
used to answer cp1250 or a CJK code page: "£40,000" read as "Ł40,000"); when the bytes read
as text in more than one code page and nothing decides, the decoding is a guess, which is a
finding (EN100) and which ``fix`` / ``clean --in-place`` refuse to write back. Every accepted
decoding must give the original bytes back from the output and the sidecar.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import restore
from cleaner.errors import InputError
from cleaner.model import CleanResult
from cleaner.reader import decode_bytes, decode_with

from .conftest import FIXTURES
from .test_cli_clean import run

ENCODED = sorted((FIXTURES / "encoding").glob("*.in.bin"))

# Nothing here decides between cp1252's "Pólya" and mac-roman's "PÛlya": a guess.
AMBIGUOUS = "The  George P\u00f3lya Prize was awarded on Monday.\n".encode("cp1252")


@pytest.mark.parametrize("case", ENCODED, ids=[c.name.removesuffix(".in.bin") for c in ENCODED])
def test_legacy_fixture_decodes_exactly_and_is_not_a_guess(case: Path) -> None:
    expected = case.with_name(case.name.replace(".in.bin", ".expected.txt"))
    decoded = decode_bytes(case.read_bytes(), case)
    assert decoded.text == expected.read_text(encoding="utf-8")
    assert not decoded.guessed


def test_fix_writes_latin1_back_as_the_right_utf8(tmp_path: Path) -> None:
    case = FIXTURES / "encoding" / "latin1_pound_accents.in.bin"
    src = tmp_path / "a.txt"
    src.write_bytes(case.read_bytes() + b"Two  spaces.\n")
    code, _, err = run("fix", str(src), "--grammar", "none")
    assert code == 1, err
    text = src.read_text(encoding="utf-8")
    assert "\u00a340,000" in text and "pi\u00f1ata" in text and "na\u00efve" in text
    assert "\u0141" not in text and "\u0144" not in text


def _plain_article() -> str:
    """The Latin-1 fixture's article with its accents spelt out: pure ASCII."""
    text = (FIXTURES / "encoding" / "latin1_pound_accents.expected.txt").read_text("utf-8")
    for word, ascii_word in (("café", "cafe"), ("£40,000", "40,000 pounds"), ("piñata", "pinata")):
        text = text.replace(word, ascii_word)
    return text.replace("naïve", "naive")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("the 1980s", "the 1980s\u00a0(or so)"),  # one no-break space: cp850 "á" on main
        ("regulars", "regulars \u00e0 la carte"),  # cp1257 "ą la carte" on main
    ],
)
def test_mostly_ascii_latin_text_with_one_odd_byte_is_read_right(old: str, new: str) -> None:
    text = _plain_article().replace(old, new)
    decoded = decode_bytes(text.encode("latin-1"))
    assert decoded.text == text


def test_a_cjk_code_page_reading_of_latin_text_is_implausible() -> None:
    from cleaner.charsets import implausible

    data = "Prices rose to \u00a315.8m, at 67.5\u00b0 north.".encode("latin-1")
    for cjk in ("cp932", "big5", "gb18030"):
        try:
            reading = data.decode(cjk)
        except UnicodeDecodeError:
            continue
        assert implausible(reading) > 0, (cjk, reading)
    assert implausible(data.decode("cp1252")) == 0


def test_central_european_and_cyrillic_code_pages_still_decode() -> None:
    polish = "Prezydent Lech Wałęsa odwiedził Gdańsk i Łódź."
    assert decode_bytes(polish.encode("cp1250")).text == polish
    # koi8-u's "ді" is two bytes that also form a UTF-8 sequence: not "mixed encodings".
    ukrainian = "Президент заявив у столиці діяльність."
    decoded = decode_bytes(ukrainian.encode("koi8-u"))
    assert decoded.text == ukrainian and not decoded.guessed


def test_a_guess_is_a_finding_and_says_what_else_it_could_be(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(AMBIGUOUS)
    decoded = decode_bytes(AMBIGUOUS)
    assert decoded.guessed and decoded.alternatives
    code, out, err = run("check", str(src), "--grammar", "none")
    assert code == 1
    assert "EN100" in out and decoded.alternatives[0] in out
    assert "a guess" in err  # the note: line as well


def test_fix_and_in_place_refuse_to_rewrite_a_guessed_file(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(AMBIGUOUS)
    for command in (["fix"], ["clean", "--in-place"]):
        code, _, err = run(*command, str(src), "--grammar", "none")
        assert code == 2, (command, err)
        assert "guessed" in err and "--encoding" in err
        assert src.read_bytes() == AMBIGUOUS
    # Naming the encoding, or a config that accepts guesses, lets it through.
    assert run("fix", str(src), "--grammar", "none", "--encoding", "cp1252")[0] == 1
    assert src.read_text(encoding="utf-8").startswith("The George P\u00f3lya Prize")
    other = tmp_path / "b.txt"
    other.write_bytes(AMBIGUOUS)
    (tmp_path / "cleaner.toml").write_text("accept-guessed-encoding = true\n", encoding="utf-8")
    assert run("fix", str(other), "--grammar", "none")[0] == 1


BOM_TEXT = "Kyiv said on Monday that talks would resume.\nThe caf\u00e9 reopened \u2014 finally.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF16_BE + BOM_TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF16_LE + BOM_TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF32_BE + BOM_TEXT.encode("utf-32-be"), "utf-32-be"),
        (codecs.BOM_UTF32_LE + BOM_TEXT.encode("utf-32-le"), "utf-32-le"),
        (BOM_TEXT.encode("utf-16-le"), "utf-16-le"),
        (BOM_TEXT.encode("utf-16-be"), "utf-16-be"),
        (BOM_TEXT.encode("utf-32-be"), "utf-32-be"),
        (codecs.BOM_UTF8 + BOM_TEXT.encode("utf-8"), "utf-8"),
    ],
    ids=["16be-bom", "16le-bom", "32be-bom", "32le-bom", "16le", "16be", "32be", "8-bom"],
)
def test_wide_encodings_are_recorded_with_their_byte_order(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text.lstrip("\ufeff") == BOM_TEXT
    assert decoded.text.encode(decoded.encoding) == data


def test_nul_bytes_that_are_not_utf16_get_a_hint_about_encoding() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(b"\x00\x01binary\x00\xff\x10" * 20)
    assert "binary file (contains NUL bytes)" in str(info.value)
    assert "--encoding utf-16-le" in str(info.value)


@pytest.mark.parametrize("named", ["utf-16", "UTF16", "utf-32", "utf-8-sig"])
def test_a_generic_encoding_name_is_recorded_exactly(named: str) -> None:
    wide = {"utf-16": "utf-16-be", "UTF16": "utf-16-be", "utf-32": "utf-32-be"}.get(named)
    bom = {"utf-16-be": codecs.BOM_UTF16_BE, "utf-32-be": codecs.BOM_UTF32_BE}.get(wide or "")
    data = (bom + BOM_TEXT.encode(wide)) if wide and bom else codecs.BOM_UTF8 + BOM_TEXT.encode()
    decoded = decode_with(data, named, "x")
    assert decoded.text.encode(decoded.encoding) == data


SIDECAR_CASES = {
    "utf-16-be-bom": codecs.BOM_UTF16_BE + BOM_TEXT.encode("utf-16-be"),
    "utf-32-be-bom": codecs.BOM_UTF32_BE + BOM_TEXT.encode("utf-32-be"),
    "utf-16-le": BOM_TEXT.encode("utf-16-le"),
    "utf-8-bom-crlf": codecs.BOM_UTF8 + BOM_TEXT.replace("\n", "\r\n").encode(),
    "latin-1": (FIXTURES / "encoding" / "latin1_pound_accents.in.bin").read_bytes(),
    "cp1252": (FIXTURES / "encoding" / "cp1252_curly_quotes.in.bin").read_bytes(),
    "cp1251": "Путин заявил журналистам в Москве.\n".encode("cp1251"),
    "guessed": AMBIGUOUS,
}


@pytest.mark.parametrize("name", sorted(SIDECAR_CASES))
def test_output_and_sidecar_rebuild_the_original_bytes(tmp_path: Path, name: str) -> None:
    data = SIDECAR_CASES[name]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(data)
    code, _, err = run(
        "clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--sidecar", "--grammar", "none"
    )
    assert code == 0, err
    sidecar = json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))
    text = (tmp_path / "out" / "a.txt").read_text(encoding="utf-8")
    result = CleanResult.from_dict({**sidecar, "text": text})
    assert restore(result).encode(sidecar["encoding"]) == data


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=1, max_size=200))
def test_every_accepted_decoding_gives_the_bytes_back(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except InputError:
        return
    assert decoded.text.encode(decoded.encoding) == data
