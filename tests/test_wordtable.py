"""The compiled English word table answers exactly as the libraries it is built from, maps in
from the cache, and a one-file ``cleaner check`` without grammar imports none of the heavy
packages (issue 17, start-up): behaviour, not timing (timings live in bench/startup.py)."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest
from english_words import get_english_words_set
from wordfreq import get_frequency_dict, top_n_list, zipf_frequency

from cleaner.detectors import wordtable
from cleaner.detectors.wordtable import CASED, GCIDE, HYPHENATED, WordTable

from .conftest import SEEDS


@pytest.fixture(scope="module")
def built() -> WordTable:
    return WordTable(wordtable.build())


def test_zipf_is_wordfreqs_own(built: WordTable) -> None:
    keys = sorted(get_frequency_dict("en"))
    words = random.Random(17).sample(keys, 3000)
    # Not listed, or listed only after wordfreq's own tokenising: asked of wordfreq itself.
    words += ["the", "zzqxv", "2024", "xi's", "it's", "naïve", "U.S.", "a-b", "", " ", "Kyiv"]
    words += [w.lower() for w in SEEDS.joinpath("001_e28f27c4357242c6.txt").read_text().split()]
    wrong = [w for w in words if built.zipf(w) != zipf_frequency(w, "en")]
    assert wrong == []


def test_words_wordfreq_reads_as_themselves_are_answered_without_it(built: WordTable) -> None:
    """Lower-case Latin words with diacritics and possessives, which the table answers
    without importing wordfreq when it does not hold them, get wordfreq's own answer: every
    letter of the class alone, with an ``'s``, and random words of them (most not listed,
    so 0.0; listed ones from the table). Strings just outside the class are asked of
    wordfreq itself and agree too."""
    letters = [c for c in map(chr, range(0x61, 0x180)) if wordtable._alone(c)]
    assert "ł" in letters and "é" in letters and "Ł" not in letters and "÷" not in letters
    assert "ß" not in letters  # wordfreq folds it to "ss"
    # Every character the pattern admits, upper case and all: the folding check sorts them.
    words = [c for c in map(chr, range(0x61, 0x180)) if wordtable._ALONE.fullmatch(c)]
    rng = random.Random(17)
    words += letters + [c + "'s" for c in letters] + [c * 2 + "'s" for c in letters]
    for _ in range(3000):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(2, 9)))
        words.append(word + ("'s" if rng.random() < 0.3 else ""))
    words += ["stamenković", "kovalenko's", "brudziński", "głódź", "müller", "café's", "ıi"]
    listed = [w for w in get_frequency_dict("en") if wordtable._ALONE.fullmatch(w)]
    words += rng.sample(listed, 2000)
    # Outside the class (asked of wordfreq): folding, another form, hyphens, French elision.
    words += ["straße", "ﬁne", "e\u0301", "vice-president", "d'intervention", "l'état", "ǆ"]
    alone = [w for w in words if wordtable._alone(w)]
    assert len(alone) > 5000 and "straße" not in alone and "e\u0301" not in alone
    wrong = [w for w in words if built.zipf(w) != zipf_frequency(w, "en")]
    assert wrong == []


def test_word_lists_are_english_words_own(built: WordTable) -> None:
    web2 = get_english_words_set(["web2"], lower=False, alpha=True)
    gcide = get_english_words_set(["gcide"], lower=True)
    rng = random.Random(17)
    assert all(built.has(w, CASED) for w in rng.sample(sorted(web2), 2000))
    assert all(built.has(w, GCIDE) for w in rng.sample(sorted(gcide), 2000))
    assert built.has("Sunday", CASED) and not built.has("sunday", CASED)
    assert built.has("long-term", HYPHENATED) and not built.has("longterm", HYPHENATED)
    assert not any(built.has(w, CASED) for w in ("Zzqxv", "sunday", ""))
    assert built.top50 == frozenset(top_n_list("en", 50))


def test_the_table_is_stored_once_and_mapped_after(_private_cache) -> None:  # type: ignore[no-untyped-def]
    code = (
        "import mmap; from cleaner.detectors.wordtable import table; t = table(); "
        "print(isinstance(t._data, mmap.mmap), t.zipf('the'))"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    stored = list(_private_cache.glob("compiled-v*/words-en-*.bin"))
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert first.stdout.split() == ["False", str(zipf_frequency("the", "en"))]
    assert len(stored) == 1 and stored[0].stat().st_mode & 0o077 == 0
    assert second.stdout.split() == ["True", str(zipf_frequency("the", "en"))]
    stored[0].write_bytes(b"CLWORDS2" + b"\xff" * 64)  # damaged: built again, same answers
    third = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert third.stdout.split() == ["False", str(zipf_frequency("the", "en"))], third.stderr


HEAVY = (
    "wordfreq",
    "english_words",
    "langcodes",
    "py3langid",
    "rich",
    "jinja2",
    "harper",
    "dateparser",
    "ftfy",
    "yaml",
)


def test_check_without_grammar_imports_no_heavy_package(tmp_path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "one.txt"
    # With names wordfreq reads as themselves (a diacritic, a possessive): the table
    # answers them (``_ALONE``); asking wordfreq cost a quarter of Wikinews articles 0.2 s.
    names = "\nDusan Stamenković's plan was backed by Joachim Brudziński and Kovalenko's aides.\n"
    text = SEEDS.joinpath("001_e28f27c4357242c6.txt").read_text() + names
    article.write_text(text, encoding="utf-8")
    argv = ["cleaner", "check", "--grammar", "none", "--fail-level", "info", str(article)]
    code = (
        "import json, sys\n"
        "from cleaner.cli import main\n"
        f"sys.argv = {argv!r}\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        f"print(json.dumps([code, [m for m in {HEAVY!r} if m in sys.modules]]))\n"
    )
    # The first run builds the word table from the libraries; later runs map it in.
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    exit_code, imported = json.loads(run.stdout.splitlines()[-1])
    assert exit_code == 1 and imported == [], run.stderr
