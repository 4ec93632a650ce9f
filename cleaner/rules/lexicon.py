"""Word lists as data: the open-class vocabulary the stages and detectors consult.

Why not Python constants: a newsroom must be able to extend them (another language's
transliteration quirks, its own gendered job titles) without editing code. A rule file may
carry ``lists:`` beside (or instead of) ``rules:``; a list named in several files, shipped
and ``extend-rules`` alike, is their union (a table: later entries add to and override
earlier ones). Python keeps only closed grammatical classes (articles, pronouns, modal
verbs), as constants beside the code that uses them.

Every list the code reads is declared in ``KNOWN_LISTS`` with its shape, so a misspelt list
name in a newsroom's file is an error, not a list nobody reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.errors import RuleFileError

# name -> (shape, what it is for). "words": a list of words (matched lower-case); "table": a
# mapping of a key to a list of values (or one value).
KNOWN_LISTS: dict[str, tuple[str, str]] = {
    "hepburn-cyrillic": (
        "table",
        "a Hepburn syllable and the Cyrillic a Russian source writes for it (Polivanov): "
        "Japanese names through Russian (cleaner/rules/japanese_cyrillic.py)",
    ),
    "cyrillic-ukrainian": (
        "table",
        "a regular expression over a Russian spelling of a Japanese or Korean name "
        "(Polivanov, Kontsevich) and what a Ukrainian source writes instead (Кисида -> "
        "Кісіда, Чжэ Ин -> Чже Ін), applied in order",
    ),
    "hangul-cyrillic-initial": (
        "table",
        "a Hangul initial consonant and its Cyrillic (Kontsevich): at a name's start or "
        "after a voiceless final, then after a vowel or another final (cleaner/rules/"
        "korean_cyrillic.py)",
    ),
    "hangul-cyrillic-voiceless-finals": (
        "words",
        "Hangul final consonants after which an initial keeps its first (voiceless) Cyrillic",
    ),
    "hangul-cyrillic-vowel": (
        "table",
        "a Hangul vowel and its Cyrillic after a consonant, then where it opens a syllable",
    ),
    "hangul-cyrillic-final": ("table", "a Hangul final consonant and its Cyrillic"),
    "korean-family-cyrillic": (
        "table",
        "Korean family names (Hangul) Russian writes otherwise than Kontsevich's system, "
        "with each spelling it uses (이: Ли)",
    ),
    "hangul-cyrillic-examples": (
        "table",
        "Korean names (Hangul) and their Russian spelling, which the tables must give (the "
        "test suite reads each through them)",
    ),
    "hangul-ukrainian-examples": (
        "table",
        "Korean names (Hangul) and their Ukrainian spelling, which the tables must give",
    ),
    "hepburn-cyrillic-examples": (
        "table",
        "English names of Japanese people and their Russian spelling, which the table must "
        "give (the test suite reads each through it)",
    ),
    "cyrillic-ukrainian-examples": (
        "table",
        "English names of Japanese people and their Ukrainian spelling, which the two tables "
        "must give",
    ),
    "plural-cues": (
        "words",
        "words before a name plus s that make it a plural, not a lost possessive "
        "('the two Chinas')",
    ),
    "not-before-possessive": (
        "words",
        "words after 'Xis' showing it is not a possessive before a noun (a verb, a "
        "preposition, a conjunction follows)",
    ),
    "intensifiers": ("words", "words doubled for emphasis or as an interjection ('very very')"),
    "superlatives": ("words", "'the best of the best': X of the X that is no echo"),
    "month-names": ("words", "month names: a capital after a preposition is expected"),
    "female-words": ("words", "nouns and titles that mark a woman ('wife', 'Mrs')"),
    "male-words": ("words", "nouns and titles that mark a man ('husband', 'Mr')"),
    "reporting-verbs": (
        "words",
        "verbs whose subject's own words follow ('saying she', 'stated that he'): a pronoun "
        "right after one refers to the subject (a confirmed pronoun-gender fix)",
    ),
    "role-modifiers": (
        "words",
        "capitalised words before a role that leave the office the same ('Former South Korean "
        "President'): any other capitalised word there must belong to the person's own title "
        "('Chinese Prime Minister' is not Singapore's)",
    ),
    "office-qualifiers": (
        "words",
        "words that may open an office's name and be left out when news writes the office "
        "alone before a name ('Federal' of 'Federal Chancellor of Germany': 'Chancellor "
        "Scholz'): the one-word office that confirms a name (cleaner/detectors/office.py)",
    ),
    "apposition-verbs": (
        "words",
        "verbs that end a role written after a whole name where no comma does ('Shi Jinping, "
        "the Chinese President said')",
    ),
    "rank-words": (
        "words",
        "words that make an office a lesser one ('Vice' of 'Vice President of the People's "
        "Republic of China'): a role without the word is not that title's, as 'Chinese "
        "President' is no vice-president's",
    ),
    "role-connectors": (
        "words",
        "lower-case words inside an office's name ('Minister of National Defense of the "
        "People's Republic of China', 'ambassador to Spain'): the role is read on through "
        "them, and every capitalised word in it must be the person's own",
    ),
    "name-particles": (
        "words",
        "particles written in lower case between a given name and a surname ('Olaf von "
        "Scholz', 'Mohammed bin Salman'): the name goes on after them",
    ),
    "person-nouns": (
        "words",
        "nouns for a person of either gender ('minister', 'counterpart'): one between a name "
        "and a pronoun may be the pronoun's antecedent",
    ),
    "dotted-abbreviations": (
        "words",
        "words written with a full stop before a name or number ('Mr.Smith', 'Gen.Petraeus', "
        "'No.5'): a capital right after them is no glued sentence",
    ),
    "place-prepositions": (
        "words",
        "prepositions before a place ('from Beijing'): a capitalised word the article writes "
        "after one, and elsewhere only after one of these, a place-or-day preposition or "
        "'the', is a place, not someone a pronoun may refer to",
    ),
    "case-form-prepositions": (
        "words",
        "prepositions before a place's Russian or Ukrainian case form copied into English "
        "('the mayor of Buchi', 'near Kharkova'): after one, in an article that writes the "
        "place's own name, the case form is repaired as a safe fix",
    ),
    "place-or-day-prepositions": (
        "words",
        "prepositions before a place or a day that a person can follow too ('to Beijing', "
        "'on Monday', 'a letter to Warren'): a capitalised word after one is rarely a person",
    ),
    "non-person-modifiers": (
        "words",
        "words before a noun for a person that make it a country or firm ('trading "
        "partner'): no antecedent for a pronoun",
    ),
    "government-nouns": (
        "words",
        "nouns for the government a head of state or government leads ('Yoon Seok-yue's "
        "administration'): a near miss right before one may be that head's name",
    ),
    "head-offices": (
        "words",
        "offices whose holder leads a government, as the gazetteer's titles begin "
        "('president' of 'President of South Korea')",
    ),
    "sentence-openers": (
        "words",
        "words that open a sentence and end no compound or brand: glued to a name with no "
        "full stop ('NewsonAfter China') they start the next sentence",
    ),
    "irregular-participles": (
        "words",
        "past participles not ending in -ed ('led', 'run', 'made'): after a spaced hyphen, "
        "as an -ed participle, the end of a compound modifier ('US -led', 'Kremlin -backed')",
    ),
    "name-compound-heads": (
        "words",
        "words that after a person's name and a hyphen make a compound modifier ('Xi-led', "
        "'Putin-era'), as an -ed participle does ('Kremlin-backed'): not the second syllable "
        "of a hyphenated given name ('Lin Hsi-yao'), where no other person's name is read",
    ),
    "dot-suffixes": (
        "words",
        "web domains and file types: after a dot they are no new sentence ('Amazon.Com')",
    ),
    "handle-followers": (
        "words",
        "words that may follow a user name in its byline ('Posted by BeauHD on Friday', "
        "'by jsteinhardt in Research'): any other word after it and the cue was no byline",
    ),
    "section-words": (
        "words",
        "words that put the section after a writer's name in a blog theme's dated meta line "
        "('Dec 26, 2025 • Mahua Das in Project Management'): the name is still the byline",
    ),
    "bio-verbs": (
        "words",
        "verbs that open a writer's bio after the name ('Julia Gralberg is a freelance "
        "travel writer'): the bio that confirms a name alone in the header",
    ),
    "title-equivalents": (
        "table",
        "a word of an office -> the words that name the same office ('premier' -> 'prime "
        "minister'): a title is a person's own when its words, so read, are words of the "
        "person's titles ('Chinese Prime Minister Li Keqiang', titled Premier)",
    ),
    "native-place-names": (
        "table",
        "a country's Russian or Ukrainian name -> its English name (MT906 translates an "
        "untranslated fragment of them: 'the territory [Украины]' -> '[of Ukraine]')",
    ),
    "sound-graphemes": (
        "table",
        "letter groups transliteration renders differently -> the sounds each can stand for "
        "(the near-miss name check compares consonant skeletons under every reading)",
    ),
    "korean-family-readings": (
        "table",
        "a Korean family name in Hangul -> the pinyin of its common hanja (김 -> jin for 金): "
        "how a Chinese source's family name reads when MT turns it into pinyin",
    ),
    "korean-romanised-syllables": (
        "table",
        "a syllable as English writes Korean names informally or in McCune-Reischauer "
        "('lee', 'park', 'keon') -> the Revised Romanization spellings it can stand for",
    ),
    "mccune-reischauer-initials": (
        "table",
        "a McCune-Reischauer initial -> the Revised Romanization one it writes ('k' -> 'g'): "
        "how a Korean syllable no other spelling reads may still be read",
    ),
    "korea-words": (
        "words",
        "words that name Korea, either country ('Korean', 'ROK', 'DPRK'): an article about a "
        "Korean person, for NE914",
    ),
    "family-first-countries": (
        "words",
        "countries whose people's names English writes family name first ('Han Changfu', "
        "'Park Won-soon', 'Teo Chee Hean'): the importer takes the family name from the "
        "first word of a name in that shape (cleaner.gazetteer.family)",
    ),
    "latin-name-countries": (
        "words",
        "countries whose people write their names in the Latin alphabet at home: a family "
        "name that differs from theirs by transliteration alone is a garble there, not "
        "another spelling ('David Lami' for David Lammy; confirm._alternate)",
    ),
    "romanisation-lacks": (
        "table",
        "a country -> letters its own romanisation of names never writes (Hepburn: l, q, "
        "v, x): a word of such a person's name with one the name lacks is a garble, not "
        "another spelling ('Kavaguchi' for Kawaguchi; confirm._alternate)",
    ),
    "two-syllable-family-first-countries": (
        "words",
        "countries whose office holders' English names of two one-syllable words are family "
        "name first ('Wang Yang', 'Lu Hao'): elsewhere such a name may put an English-style "
        "given name first (cleaner.gazetteer.family)",
    ),
    "korean-hanja-readings": (
        "table",
        "a Hangul syllable -> more pinyin its hanja read as, added to the shipped "
        "rules/words/korean-hanja-readings.tsv (NE914: '석': [xi] when a source writes a "
        "name's 錫 that the table's frequency floor left out)",
    ),
    "country-adjectives": (
        "table",
        "a country's adjective that does not start like its name ('Chinese', 'Dutch') -> "
        "the countries it names, as people's context writes them: a role written with it "
        "('Chinese Premier') names that country's office (NE913)",
    ),
    "reading-home-countries": (
        "words",
        "countries whose people's own names a reading through another script may be "
        "('Vietnam': a Sino-Vietnamese reading, 'Tran Duc Hoa', is a Vietnamese name): in "
        "an article naming one, a one-word office before a reading does not confirm it",
    ),
    "korean-countries": (
        "words",
        "the countries a Korean person's context names ('South Korea'): who NE914 reads",
    ),
    "not-korea-words": (
        "words",
        "words that, right before a pinyin name, say it is some other country's person "
        "('China's ambassador'), for NE914",
    ),
    "spelling-equivalents": (
        "table",
        "spelling differences that are transliteration only ('kh' for 'h'): two names equal "
        "after them are one name spelt two ways",
    ),
    "professional-variants": (
        "table",
        "a regular expression over a lower-case word -> what it becomes, in order: letters "
        "established romanisations of one name vary in beyond spelling-equivalents (an "
        "apostrophe, 'x' or 'ks', an initial 'e' or 'i'): a given name a route fold alone "
        "equates with a person's, right by their role, is a garble; one these equate is "
        "another spelling",
    ),
    "professional-variant-examples": (
        "table",
        "a spelling -> another that professional-variants make the same name ('Maxut' and "
        "'Maksut'), which the test suite runs",
    ),
    "greek-fold": (
        "table",
        "a regular expression over a lower-case name part -> what it becomes, in order: the "
        "key a name folds to when a Greek source wrote it and MT romanised it back ('Moun "
        "Tze-in' and 'Moon Jae-in' fold alike)",
    ),
    "persian-fold": (
        "table",
        "the same for a Persian source: no short vowels, one letter for o/u/w/v and one for "
        "i/e/y ('Yun Suk Yul' and 'Yoon Suk Yeol' fold alike)",
    ),
    "pinyin-sounds": (
        "table",
        "a regular expression over one lower-case pinyin syllable's start -> how a script that "
        "writes foreign names by sound spells it (x -> sh: Persian and Arabic write Xi as "
        "'Shi', Greek as 'Si'), for a Chinese person's pinyin name read through the route fold",
    ),
    "pinyin-sound-examples": (
        "table",
        "a route spelling -> the route, a Chinese person's pinyin name and their name in "
        "characters: the examples of 'pinyin-sounds', which the test suite runs",
    ),
    "arabic-fold": (
        "table",
        "the same for an Arabic source: as Persian, and no p, v, g or ch ('Fladimir Butin' "
        "and 'Vladimir Putin' fold alike)",
    ),
    "route-fold-examples": (
        "table",
        "a route spelling -> the route (greek, persian, arabic) and the name it folds to "
        "through it: the fold tables' examples, which the test suite runs",
    ),
    "route-fold-apart": (
        "table",
        "a name -> a route and another name the fold must keep apart through it ('Roberto "
        "Fico' and 'Robert Fico', two people): the examples of the entries that keep names "
        "apart",
    ),
}


@dataclass
class Lexicon:
    """The merged word lists of a set of rule folders."""

    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    tables: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # The lower-case sets ``words`` builds, once each (not a field: not stored, not
        # compared).
        self._sets: dict[str, frozenset[str]] = {}

    def words(self, name: str) -> frozenset[str]:
        """A ``words`` list as a lower-case set (empty if no file has it); built once."""
        found = self._sets.get(name)
        if found is None:
            _check(name, "words")
            found = self._sets[name] = frozenset(w.lower() for w in self.lists.get(name, ()))
        return found

    def table(self, name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """A ``table``, as (key, values) pairs in file order."""
        _check(name, "table")
        return self.tables.get(name, ())


def _check(name: str, shape: str) -> None:
    known = KNOWN_LISTS.get(name)
    if known is None or known[0] != shape:  # pragma: no cover - a programming error
        raise KeyError(f"no {shape} list {name!r} is declared in KNOWN_LISTS")


# Tables whose keys are regular expressions (the ``regex`` module): a key that does not
# compile is an error naming the file and the list when the file is read, not an internal
# error in the first article a detector reads with it.
REGEX_TABLES = frozenset(
    {
        "greek-fold",
        "persian-fold",
        "arabic-fold",
        "pinyin-sounds",
        "cyrillic-ukrainian",
        "professional-variants",
    }
)


def _bad_pattern(items: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    """The first key of a table that is no regular expression, and why; None if all are."""
    import regex

    for key, _ in items:
        try:
            regex.compile(key)
        except regex.error as err:
            return f"{key!r} is no regular expression ({err})"
    return None


def parse_lists(value: Any, path: Path, line: int) -> tuple[Lexicon, list[RuleFileError]]:
    """The ``lists:`` mapping of one file (plain YAML data, without the loader's line
    markers), validated against ``KNOWN_LISTS``."""
    errors: list[RuleFileError] = []
    lists: dict[str, tuple[str, ...]] = {}
    tables: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    if not isinstance(value, dict):
        return Lexicon(), [RuleFileError(path, line, "'lists' must map list names to lists")]
    for name, items in value.items():
        known = KNOWN_LISTS.get(name)
        if known is None:
            names = ", ".join(sorted(KNOWN_LISTS))
            errors.append(RuleFileError(path, line, f"unknown list '{name}' (known: {names})"))
            continue
        if known[0] == "words":
            if not isinstance(items, list) or not all(isinstance(w, str) and w for w in items):
                errors.append(RuleFileError(path, line, f"list '{name}' must be a list of words"))
                continue
            lists[name] = tuple(items)
        else:
            entries = _table(items)
            if entries is None:
                errors.append(
                    RuleFileError(path, line, f"list '{name}' must map each key to a value list")
                )
                continue
            bad = _bad_pattern(entries) if name in REGEX_TABLES else None
            if bad:
                errors.append(RuleFileError(path, line, f"list '{name}': {bad}"))
                continue
            tables[name] = entries
    return Lexicon(lists, tables), errors


def _table(items: Any) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    if not isinstance(items, dict):
        return None
    out: list[tuple[str, tuple[str, ...]]] = []
    for key, values in items.items():
        if isinstance(values, str):
            values = [values]
        if not isinstance(key, str) or not isinstance(values, list):
            return None
        if not all(isinstance(v, str) for v in values):
            return None
        out.append((key, tuple(values)))
    return tuple(out)


def merge(parts: Iterable[Lexicon]) -> Lexicon:
    """Lists of several files as one: words lists united, tables' later keys win."""
    lists: dict[str, tuple[str, ...]] = {}
    tables: dict[str, dict[str, tuple[str, ...]]] = {}
    for part in parts:
        for name, words in part.lists.items():
            lists[name] = tuple(dict.fromkeys((*lists.get(name, ()), *words)))
        for name, entries in part.tables.items():
            tables.setdefault(name, {}).update(entries)
    return Lexicon(lists, {name: tuple(t.items()) for name, t in tables.items()})
