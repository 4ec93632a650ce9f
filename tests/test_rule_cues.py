"""Cues (``cleaner.rules.cues``) must never hide a match: wherever a pattern matches, the text
holds one of its cues, and a stage that searches only where a cue fired decides exactly as one
that searches everywhere (issue 17, "pay for what is there")."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Config
from cleaner.boilerplate.blocks import matching_text
from cleaner.document import Document
from cleaner.pipeline import get_pipeline
from cleaner.rules.cues import Triggers, cues, holds
from cleaner.stages.boilerplate import Boilerplate
from cleaner.stages.rules import RuleFixes

from .test_boilerplate import _POOL

CONFIG = Config(grammar="none")


def test_cues_of_simple_shapes() -> None:
    assert cues(r"^\W*click\s+here\b") == {"click"}
    assert cues(r"^Source:") == {"source:"}  # compared case-folded
    # an alternation gives the union; a cue holding another is dropped
    assert cues(r"(?:comments?|leave\s+a\s+reply)") == {"comment", "leave"}
    # zero-width items do not break a run
    assert cues(r"\bsign\bup") == {"signup"}
    # a positive look-ahead's words must be in the text too
    assert cues(r"^(?=.*?\bcookies?\b)") == {"cookie"}
    # the longest sure run of a sequence is kept
    assert cues(r"all\s+rights\s+reserved") == {"reserved"}
    # a set of literal characters gives each; caseless non-ASCII characters count
    assert cues(r"^[|•]+$") == {"|", "•"}
    assert cues(r"(?:©|\(c\))\s*\d\d") == {"©", "(c)"}
    assert cues(r"(?:©|\(c\))\s*20\d\d") == {"20"}  # the shortest alternative decides


def test_no_cues_where_none_is_sure() -> None:
    assert cues(r"(?:click)?\s+here") == {"here"}
    assert cues(r"(?:click)?\s+(?:here)?") is None  # both optional
    assert cues(r"\w+\s+\d+") is None
    assert cues(r"(?:click|\d+)") is None  # a branch without cues
    assert cues(r"(?!click)here") == {"here"}  # a negative look-ahead promises nothing
    assert cues(r"(?!click)\w+") is None
    assert cues(r"Ärger") == {"rger"}  # a cased letter outside ASCII breaks the run
    assert cues(r"(?V1)said") is None  # regex-only syntax: not read here
    assert cues(r"(?:said){e<=1}") is None  # fuzzy matching to regex, a literal to re
    assert cues(r"[[:alpha:]]+said") is None  # a POSIX class to regex, a "]" to re
    assert cues(r"[:>]\s*said") == {"said"}  # a set holding a colon is no POSIX class
    assert regex.search(r"[[:alpha:]]+", "abc").group() == "abc"  # (why: no "]" in it)
    assert cues(r"\\p{L}") is None  # an escaped backslash, then a brace that is no repeat


def test_regex_syntax_read_as_standard() -> None:
    """Unicode properties are classes and named groups are groups, for cues too."""
    assert cues(r"\p{Lu}\w+ said") == {" said"}
    assert cues(r"(?<=\p{L}) -(?=\p{Ll}{2,}\b)") == {" -"}
    assert cues(r"\b(?<role>[Pp]rime|[Ff]oreign) (?<m>[Mm])inster\b") == {" minster"}
    assert cues(r"[^\p{L}]said(?<!x)") == {"said"}


# Patterns from a small grammar over an alphabet with the case traps: ``k`` matches the
# Kelvin sign and ``s`` the long s when matching ignores case.
_ALPHABET = "abksKS\u212a\u017f©- ."
_ATOM = st.sampled_from(
    ["a", "b", "k", "s", "K", "S", "Ab", "ks", "©", "-", r"\.", ".", r"\s", r"\w", "[ab]", "[Kk]"]
    + [r"\p{L}", r"\p{Lu}", r"[\p{Ll}-]", r"\P{L}"]
)


def _patterns() -> st.SearchStrategy[str]:
    return st.recursive(
        _ATOM,
        lambda inner: st.one_of(
            st.tuples(inner, inner).map("".join),
            st.tuples(inner, inner).map(lambda p: f"(?:{p[0]}|{p[1]})"),
            inner.map(lambda p: f"(?:{p})?"),
            inner.map(lambda p: f"(?:{p})+"),
            inner.map(lambda p: f"(?:{p}){{2}}"),
            inner.map(lambda p: f"(?={p})"),
            inner.map(lambda p: f"(?!{p})"),
            inner.map(lambda p: f"(?<=[ab]{p})"),
            inner.map(lambda p: rf"\b{p}"),
            inner.map(lambda p: f"^{p}"),
            inner.map(lambda p: f"(?<g{len(p)}>{p})"),
        ),
        max_leaves=8,
    )


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_patterns(), st.lists(st.text(alphabet=_ALPHABET, max_size=6), max_size=6), st.booleans())
def test_a_match_holds_a_cue(pattern: str, pieces: list[str], ignore_case: bool) -> None:
    found = cues(pattern)
    if found is None:
        return
    try:
        compiled = regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)
    except regex.error:  # two groups of one name
        return
    text = "".join(pieces)
    if compiled.search(text):
        assert holds(found, text.casefold()), (pattern, text, found)


def _rule_texts() -> list[tuple[str, str]]:
    """(pattern, text) for every boilerplate rule and every text its own examples give, with
    the spellings case-insensitive matching also accepts."""
    stage = Boilerplate(CONFIG)
    out = []
    for rule in stage.rules:
        record = rule.record()
        texts = [e.text_in for e in (*record.tests, *record.allows)] + list(_POOL)
        for text in texts:
            for line in text.splitlines() or [text]:
                unit = matching_text(line.strip())
                for variant in (
                    unit,
                    unit.upper(),
                    unit.replace("k", "\u212a"),
                    unit.replace("s", "\u017f"),
                ):
                    out.append((rule.pattern, variant))
    return out


def test_every_boilerplate_rule_match_on_its_examples_holds_a_cue() -> None:
    stage = Boilerplate(CONFIG)
    matched = 0
    for pattern, text in _rule_texts():
        rule = next(r for r in stage.rules if r.pattern == pattern)
        if rule.compiled.search(text):
            matched += 1
            found = cues(pattern)
            assert found is None or holds(found, text.casefold()), (rule.id, text, found)
    assert matched > 40  # the examples do reach the patterns


def test_most_boilerplate_rules_have_cues() -> None:
    """The gate is worth having: most rules searched everywhere have cues."""
    stage = Boilerplate(CONFIG)
    anywhere = [r for r in stage.rules if r.position == "any"]
    assert sum(cues(r.pattern) is not None for r in anywhere) >= len(anywhere) - 2


def _decisions(stage: Boilerplate, text: str) -> dict:
    doc = Document(text, policy=get_pipeline(CONFIG).policy)
    stage.run(doc)
    return doc.result().to_dict()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_POOL), max_size=20), st.booleans())
def test_boilerplate_searching_where_cues_fired_decides_as_searching_everywhere(
    lines: list[str], upper: bool
) -> None:
    gated = Boilerplate(CONFIG)
    everywhere = Boilerplate(CONFIG)
    everywhere.triggers = Triggers((r.id, "") for r in everywhere.enabled)  # no cues: all fire
    assert everywhere.triggers.fired("prose") == {r.id for r in everywhere.enabled}
    text = "\n\n".join(s.upper() if upper else s for s in lines)
    assert _decisions(gated, text) == _decisions(everywhere, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted(r.id for r in Boilerplate(CONFIG).enabled)), max_size=8))
def test_boilerplate_rules_by_fired_set_are_the_fired_rules_in_order(ids: list[str]) -> None:
    """Session 12: a unit's candidate rules are looked for among the rules its cues fired,
    a list kept per set of fired rules: every enabled rule in that set, in the stage's
    order, and no other (asked after other sets, so a list kept for the wrong set shows)."""
    stage = Boilerplate(CONFIG)
    sets = [frozenset(ids[:k]) | stage.triggers.always for k in range(len(ids) + 1)]
    for fired in [*sets, *reversed(sets), *sets]:
        expected = [(r, p) for r, p in stage.searched if r.id in fired]
        assert list(stage._searched_for(fired)) == expected


def _rule_fixes(gated: bool) -> RuleFixes:
    stage = RuleFixes(CONFIG)
    if not gated:
        stage.triggers = Triggers((r.id, "") for r in stage.patterns)  # no cues: all fire
    return stage


def test_every_pattern_rule_match_on_its_examples_holds_a_cue() -> None:
    stage = _rule_fixes(True)
    matched = 0
    for rule in stage.patterns:
        record = rule.record()
        found = cues(rule.compiled.pattern)
        for example in (*record.tests, *record.allows):
            text = example.text_in
            for variant in (text, text.upper(), text.replace("s", "\u017f")):
                if rule.compiled.search(variant):
                    matched += 1
                    assert found is None or holds(found, variant.casefold()), (rule.id, variant)
    assert matched >= len(stage.patterns)  # each rule's examples do reach its pattern


def test_rule_fixes_searching_where_cues_fired_decide_as_searching_everywhere() -> None:
    gated, everywhere = _rule_fixes(True), _rule_fixes(False)
    assert gated.patterns and everywhere.triggers.fired("") == {r.id for r in gated.patterns}
    texts = [e.text_in for r in gated.patterns for e in (*r.record().tests, *r.record().allows)]
    texts += list(_POOL) + ["Prime Minster Li said. The sino -Russian US -China talks."]
    policy = get_pipeline(CONFIG).policy
    for text in texts:
        results = []
        for stage in (gated, everywhere):
            doc = Document(text, policy=policy)
            stage.run(doc)
            results.append(doc.result().to_dict())
        assert results[0] == results[1], text


def test_stored_cues_are_the_derived_ones_or_derived_again(_private_cache) -> None:  # type: ignore[no-untyped-def]
    """The stages' cues come from the set-up store (parsing every pattern was 10-15 ms of a
    cold check, issue 17): what it gives back is what ``cues`` derives, and a stored value
    of another shape (damaged, another code's) is derived again, never trusted."""
    from cleaner.cache import plain
    from cleaner.rules.cues import stored_cues

    patterns = [r"^\W*click\s+here\b", r"(?:comments?|leave\s+a\s+reply)", r"\d+", ""]
    derived = tuple(cues(p) for p in patterns)
    assert derived[2] is None and derived[0] == {"click"}
    assert stored_cues(patterns) == derived  # built, then stored
    (entry,) = _private_cache.glob("compiled-v*/pattern-cues-*.plain")
    assert plain.loads(entry.read_bytes(), ()) == derived
    assert stored_cues(patterns) == derived  # read back
    for wrong in ((frozenset({"zzz"}),), (*derived[:3], "x"), (*derived[:3], frozenset())):
        entry.write_bytes(plain.dumps(wrong, ()))
        assert stored_cues(patterns) == derived
