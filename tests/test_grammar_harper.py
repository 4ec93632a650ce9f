"""The grammar stage with Harper, run for real on the seeds (Harper is offline and in-process)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from cleaner import restore
from cleaner.config import Config
from cleaner.document import Document
from cleaner.grammar import RESULTS, ResultCache, check_cached
from cleaner.grammar.harper import HarperBackend
from cleaner.grammar.names import dictionary_words
from cleaner.model import Level, Stage
from cleaner.pipeline import clean_text
from cleaner.stages.grammar import Grammar

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NAMES = ("Dmitry Peskov", "Yuri Ushakov", "Robert Fico", "Volodymyr Zelensky")


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def grammar_findings(text: str, config: Config) -> list:
    return [f for f in clean_text(text, config).findings if f.rule.startswith("GR-")]


def test_reports_chinas_in_seed_000() -> None:
    alone = Config(select=("GR", "NM", "EN"))
    chinas = [f for f in grammar_findings(seed("000"), alone) if f.text == "Chinas"]
    assert [f.rule for f in chinas] == ["GR-harper/MassNouns"]
    assert chinas[0].suggestions == ("China",)
    assert chinas[0].stage is Stage.GRAMMAR
    assert chinas[0].level is Level.WARNING


def test_chinas_is_one_finding_when_an_entity_rule_also_reports_it() -> None:
    findings = [f for f in clean_text(seed("000"), Config()).findings if f.text == "Chinas"]
    assert len(findings) == 1
    assert not findings[0].rule.startswith("GR-")
    assert "also reported by GR-harper/MassNouns" in findings[0].reason


def test_findings_are_not_applied_by_default() -> None:
    text = seed("000")
    with_grammar = clean_text(text, Config())
    without = clean_text(text, Config(grammar="none"))
    assert with_grammar.text == without.text
    assert not [e for e in with_grammar.edits if e.rule.startswith("GR-")]
    assert not [f for f in without.findings if f.rule.startswith("GR-")]


def test_grammar_words_feed_the_dictionary() -> None:
    text = seed("004") + "\n\n" + seed("001")
    bare = HarperBackend(dialect="american", words=(), readability=False)
    flagged = {text[h.start : h.end] for h in bare.check(text)}
    assert {"Peskov", "Ushakov", "Zelensky"} <= flagged  # so the next assertion means something
    after = {f.text for f in grammar_findings(text, Config(grammar_words=NAMES))}
    assert not {"Peskov", "Ushakov", "Zelensky", "Dmitry"} & after


def test_possessive_of_a_dictionary_name_is_accepted() -> None:
    text = "Mr Peskov's remarks were brief. Fico's aide agreed.\n"
    assert grammar_findings(text, Config(grammar_words=NAMES)) == []


def test_names_from_the_gazetteer_feed_the_dictionary() -> None:
    from cleaner.rules.gazetteer import load_gazetteer

    names = {n for e in load_gazetteer(Config()) for n in e.names}
    assert "Zelensky" in names  # an accepted spelling of Volodymyr Zelenskyy
    assert "Zelensky" in dictionary_words(Config())
    found = {f.text for f in grammar_findings(seed("001") + "\n\n" + seed("003"), Config())}
    assert "Zelensky" not in found
    # Garbled variants never go in (they are what the entity rules repair), unless the same
    # word is part of a correct name too ("Tsai" garbles Cai Qi but spells Tsai Ing-wen).
    entities = load_gazetteer(Config())
    correct = {w for e in entities for n in e.names for w in n.split()}
    variants = {v for e in entities for v in e.variants} - correct
    assert len(variants) > 100  # so the next assertion means something
    assert not variants & set(dictionary_words(Config()))


def test_suggestions_never_turn_a_name_into_a_common_word() -> None:
    text = seed("004") + "\n\n" + seed("001")
    bare = HarperBackend(dialect="american", words=(), readability=False)
    by_word = {text[h.start : h.end]: h.suggestions for h in bare.check(text) if h.spelling}
    # Harper's raw suggestions are Peso/Pekoe/Pesky and Interface/Internal/Intersex.
    assert by_word["Peskov"] == ()
    assert by_word["Interfax"] == ()
    # A suggestion that is itself a name stays.
    assert "Dmitri" in by_word["Dmitry"]
    # A misspelt lowercase word keeps its ordinary suggestions, as a warning.
    lowercase = grammar_findings("The korrespondent filed late.\n", Config())
    assert lowercase[0].suggestions[0] == "correspondent"
    assert lowercase[0].level is Level.WARNING


def test_one_lint_of_many_words_judges_each_as_linting_it_alone_does() -> None:
    # The name filter asks Harper about every suggestion of a capitalised misspelling; one
    # call for all of an article's (issue 17) must answer as one call per word did.
    from cleaner.grammar.harper import common_words

    backend = HarperBackend(dialect="american", words=dictionary_words(Config()), readability=False)
    linter = backend.linter()
    text = seed("004") + "\n\n" + seed("001") + "\n\n" + seed("002")
    organized = linter.organized_lints(text, language="plaintext")
    asked = {
        s.replacement_text.lower()
        for lint in organized.get("SpellCheck", ())
        for s in lint.suggestions
        if lint.problem_text[:1].isupper() and s.replacement_text
    }
    words = sorted(
        asked
        | {"pesky", "ustinov", "interface", "inter fax", "it's", "well-known", "teh", "a", "i"}
    )
    alone = {w: not linter.lint(w, language="plaintext") for w in words}
    assert set(alone.values()) == {True, False}  # both answers occur
    assert common_words(linter, words) == alone
    assert common_words(linter, list(reversed(words))) == alone


def test_a_suggestion_with_full_stops_is_judged_alone() -> None:
    # In one text after other words Harper accepted "s.t."; alone it flags it, so the
    # suggestion "S.t." for "S.A." stays, as when every suggestion was linted alone.
    from cleaner.grammar.harper import _plain_word

    text = (
        "Zamperoni, 33, worked for somewhat over a year at Cipriani Dolci in Grand Central "
        "Terminal, but worked for Cipriani S.A., which owns the restaurant, for more than ten "
        "years, including abroad at Cipriani's London restaurant.\n"
    )
    backend = HarperBackend(dialect="american", words=dictionary_words(Config()), readability=False)
    by_word = {text[h.start : h.end]: h.suggestions for h in backend.check(text) if h.spelling}
    assert by_word["S.A."] == ("S.t.",)
    assert not _plain_word("s.t.") and _plain_word("well-known") and _plain_word("it's")


def test_capitalised_unknown_words_are_info_not_warnings() -> None:
    found = grammar_findings("Mr Kravtsuk and the korrespondent arrived.\n", Config())
    levels = {f.text: f.level for f in found}
    assert levels == {"Kravtsuk": Level.INFO, "korrespondent": Level.WARNING}


def test_readability_lints_are_off_by_default() -> None:
    text = seed("000")
    assert not [f for f in grammar_findings(text, Config()) if "words long" in f.message]
    on = grammar_findings(text, Config(grammar_readability=True))
    assert [f for f in on if f.rule == "GR-harper/LongSentences"]


def test_select_and_ignore_apply_to_grammar_rules() -> None:
    # Grammar alone: with every stage on, seed 004's only other grammar findings sit in its
    # shortcode, which the boilerplate stage removes.
    text = seed("004")
    ignored = grammar_findings(text, Config(select=("GR", "NM"), ignore=("GR-harper/SpellCheck",)))
    assert ignored and not [f for f in ignored if f.rule == "GR-harper/SpellCheck"]
    only = grammar_findings(text, Config(select=("GR-harper/MassNouns", "NM")))
    assert {f.rule for f in only} == {"GR-harper/MassNouns"}


def test_no_checker_is_built_when_no_grammar_rule_is_selected() -> None:
    assert Grammar(Config(select=("NM", "EN"))).backend is None
    assert Grammar(Config(grammar="none")).backend is None
    assert Grammar(Config(select=("GR",))).backend is not None


def test_safe_rules_are_applied_reversibly_and_idempotently() -> None:
    config = Config(grammar_safe_rules=("GR-harper/MassNouns",))
    text = seed("001")
    result = clean_text(text, config)
    fixes = [e for e in result.edits if e.rule == "GR-harper/MassNouns"]
    assert [(e.old, e.new) for e in fixes] == [("arsons", "arson")]
    assert "arsons" not in result.text
    assert restore(result) == text
    assert clean_text(result.text, config).edits == []
    # Only unambiguous hits are applied: "a briefing" has three suggestions, so it stays a finding.
    assert "a briefing" in {f.text for f in result.findings}
    assert "a briefing" not in {e.old for e in result.edits}
    assert clean_text(text, Config()).text == clean_text(text, Config(grammar="none")).text


def test_a_span_another_stage_reported_is_merged_not_repeated() -> None:
    doc = Document("Trade with Chinas grew.\n")
    start = doc.text.index("Chinas")
    doc.report(
        start=start,
        end=start + 6,
        rule="MT999",
        stage=Stage.ARTIFACT,
        level=Level.WARNING,
        message="country name pluralised by machine translation",
        suggestions=("China",),
    )
    Grammar(Config()).run(doc)
    findings = doc.result().findings
    assert [f.rule for f in findings] == ["MT999"]
    assert "also reported by GR-harper/MassNouns" in findings[0].reason


def test_results_are_cached_by_content() -> None:
    backend = HarperBackend.create(Config())
    text = "The Chinas are many; the results are cached.\n"
    first = check_cached(backend, text)
    hits_before = RESULTS.hits
    assert check_cached(backend, text) is first
    assert RESULTS.hits == hits_before + 1
    # A different dictionary is a different key: no stale results.
    other = HarperBackend.create(Config(grammar_words=("Chinas",)))
    assert other.cache_key != backend.cache_key


def test_one_linter_per_thread_gives_the_same_hits() -> None:
    backend = HarperBackend.create(Config())
    texts = [seed(p) for p in ("000", "001", "002", "003")]
    serial = [backend.check(t) for t in texts]
    results: dict[int, list] = {}

    def work(i: int) -> None:
        results[i] = backend.check(texts[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [results[i] for i in range(len(texts))] == serial


def test_disk_cache_serves_a_new_process_without_building_a_linter(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from cleaner.grammar import cache

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    text = "Trade with the Chinas grew, the disk cache says.\n"
    first = HarperBackend(dialect="american", words=(), readability=False)
    hits = check_cached(first, text)
    assert len(list(tmp_path.rglob("*.json"))) == 1
    RESULTS.clear()  # what a fresh process would start with
    fresh = HarperBackend(dialect="american", words=(), readability=False)
    assert check_cached(fresh, text) == hits
    assert getattr(fresh._local, "linter", None) is None
    # A damaged entry is a miss, not a crash.
    next(tmp_path.rglob("*.json")).write_text("{not json", encoding="utf-8")
    RESULTS.clear()
    assert check_cached(fresh, text) == hits
    assert cache.load(ResultCache.key(fresh, text)) == hits


def test_a_change_to_the_grammar_code_is_a_new_key(tmp_path: Path) -> None:
    """The key covers every source file of cleaner/grammar: editing one is a miss."""
    from cleaner import grammar
    from cleaner.resources import source_digest

    package = Path(grammar.__file__).resolve().parent
    copy = tmp_path / "grammar"
    copy.mkdir()
    for path in package.glob("*.py"):
        (copy / path.name).write_bytes(path.read_bytes())
    assert source_digest(copy, recursive=False) == grammar.code_version()
    with (copy / "harper.py").open("a", encoding="utf-8") as f:
        f.write("\n# a new suggestion filter\n")
    assert source_digest(copy, recursive=False) != grammar.code_version()


def test_results_an_older_code_stored_are_not_served(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from cleaner import grammar

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    text = "Trade with the Chinas grew, an older cleaner stored.\n"
    first = HarperBackend(dialect="american", words=(), readability=False)
    check_cached(first, text)
    assert len(list(tmp_path.rglob("*.json"))) == 1
    RESULTS.clear()
    # The same settings, the grammar code edited since: the stored hits are not the answer.
    monkeypatch.setattr(grammar, "code_version", lambda: "edited")
    fresh = HarperBackend(dialect="american", words=(), readability=False)
    check_cached(fresh, text)
    assert getattr(fresh._local, "linter", None) is not None
    assert len(list(tmp_path.rglob("*.json"))) == 2
    RESULTS.clear()


def test_no_cache_env_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("CLEANER_NO_CACHE", "1")
    check_cached(HarperBackend.create(Config()), "An uncached sentence about Chinas.\n")
    assert not list(tmp_path.rglob("*.json"))


class _Choking:
    """A backend that fails the way a Rust panic surfaces (a BaseException, not Exception)."""

    name = "harper"
    persistent = False
    cache_key = "choking"

    def check(self, text: str) -> list:
        raise BaseException("panicked at src/lib.rs")


def test_a_checker_crash_costs_the_check_not_the_article() -> None:
    stage = Grammar(Config())
    stage.backend = _Choking()
    doc = Document("Some text that makes the checker panic.\n")
    stage.run(doc)
    findings = doc.result().findings
    assert [f.rule for f in findings] == ["GR-harper/check-failed"]
    assert "not grammar-checked" in findings[0].message


def test_spans_are_code_points_after_astral_characters() -> None:
    text = "🙂🇺🇦 Café owners said the korrespondent left.\n"
    found = grammar_findings(text, Config(select=("GR",)))
    assert [f.text for f in found] == ["korrespondent"]
    assert text[found[0].start : found[0].end] == "korrespondent"


def test_grammar_skips_text_the_language_check_calls_non_english() -> None:
    """Harper alone flags ~25 'misspellings' in this Spanish paragraph; the pipeline must not."""
    from cleaner import Config, clean_text

    spanish = (
        "El presidente del Gobierno anunció el lunes que el país enviará más ayuda humanitaria "
        "a Ucrania. Las conversaciones continuarán la próxima semana en Bruselas con los "
        "ministros europeos.\n"
    )
    result = clean_text(spanish, Config(grammar="harper"))
    assert result.metadata.get("language") == "es"
    assert [f.rule for f in result.findings] == ["LN101"]


HARPER_RULES_SCRIPT = (
    "import sys\n"
    "from cleaner.stages.grammar import harper_rules\n"
    "names = harper_rules()\n"
    "print('harper' in sys.modules, len(names), ' '.join(names))\n"
)


def test_harper_rule_names_come_from_the_set_up_store(_private_cache: Path) -> None:
    """Validating ``ignore = ["GR-harper/SpellCheck"]`` asked harper-py for its rule names,
    which builds Harper's dictionary (0.65 s of CPU) in every run, warm or with grammar
    off (issue 17). The names are stored by harper-py's version: a second process gets
    the same list without importing harper; a stored value of another shape is derived
    again."""
    import subprocess
    import sys

    import harper

    from cleaner.cache import plain
    from cleaner.stages.grammar import harper_rules

    expected = (*sorted(harper.get_default_lint_config()), "check-failed")

    def process() -> tuple[bool, tuple[str, ...]]:
        run = subprocess.run(
            [sys.executable, "-c", HARPER_RULES_SCRIPT], capture_output=True, text=True, check=True
        )
        imported, count, names = run.stdout.split(" ", 2)
        assert int(count) == len(names.split())
        return imported == "True", tuple(names.split())

    assert process() == (True, expected)  # built: harper asked
    assert process() == (False, expected)  # stored: harper not even imported
    (entry,) = _private_cache.glob("compiled-v*/harper-rules-*.plain")
    for wrong in ((1, 2), ("SpellCheck", ""), "SpellCheck"):
        entry.write_bytes(plain.dumps(wrong, ()))
        assert harper_rules() == expected


def test_the_dictionary_words_come_from_the_set_up_store_by_config(_private_cache: Path) -> None:
    """Every command with Harper needs the names dictionary (the grammar cache's key), a
    warm check too; it is stored (issue 17) keyed by the gazetteer's key and
    ``grammar-words``: what comes back is what is derived, another ``grammar-words`` is
    another entry, and a stored value of another shape is derived again."""
    from cleaner.cache import plain
    from cleaner.grammar.names import _dictionary_words

    words = dictionary_words(Config())
    assert words == _dictionary_words(Config())
    (entry,) = _private_cache.glob("compiled-v*/grammar-words-*.plain")
    assert plain.loads(entry.read_bytes(), ()) == words
    assert dictionary_words(Config()) == words  # read back
    house = dictionary_words(Config(grammar_words=("Interfaxx",)))
    assert "Interfaxx" in house and "Interfaxx's" in house and "Interfaxx" not in words
    entry.write_bytes(plain.dumps((1, 2), ()))
    assert dictionary_words(Config()) == words
