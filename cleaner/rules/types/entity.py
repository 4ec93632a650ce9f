"""``entity`` rules: one named entity each, the gazetteer's source.

A rule gives the canonical spelling and what MT makes of it; ``to_entity`` turns it into the
``Entity`` record, adding the variants generated from the native spelling (``translit``).
Which garble becomes what:

* ``variants`` (hand-listed) and generated spellings of a name part map to the correct part:
  a one-word garble of a person becomes the surname, a longer one the canonical name
  (``{garble: target}`` says it explicitly);
* ``guarded`` short garbles (``Si``, ``XI``) are repaired only near ``context`` words or
  after the full name;
* a person's own-language first-name spellings and the first names another language gives
  them (``Vladimir`` for Volodymyr) are fixed only before a form of the surname, the latter
  with ``first-name-fix`` safety (unsafe by default: it might be another person).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, get_args

from cleaner.rules.entity import Entity, EntityKind, Gender
from cleaner.rules.loader import LINE_KEY, RuleSpec, register
from cleaner.rules.translit import (
    LANGS,
    WHOLE_NAME_LANGS,
    combos,
    inflections,
    own_family_names,
    part_variants,
    whole_names,
    word_variants,
)
from cleaner.rules.types._fields import fail, pairs, str_list, text

MIN_GENERATED = 4
MIN_INFLECTED = 5  # case forms shorter than this collide with English words


@dataclass(frozen=True)
class Generated:
    """What an entity's ``native`` spellings yield: garble -> target, the first names
    another language gives the person, romanised case forms of a place (unsafe fixes) and
    the other romanisations of the person's own first name (never wrong)."""

    fixes: dict[str, str]
    wrong_first_names: list[str] = field(default_factory=list)
    case_forms: list[str] = field(default_factory=list)
    first_spellings: frozenset[str] = frozenset()


@register("entity")
@dataclass(frozen=True)
class EntityRule(RuleSpec):
    """An entity rule as written; ``to_entity`` builds the gazetteer record."""

    canonical: str = ""
    kind: str = "other"
    short: tuple[str, ...] = ()
    accepted: tuple[str, ...] = ()
    older: tuple[str, ...] = ()
    variants: tuple[tuple[str, str | None], ...] = ()
    guarded: tuple[tuple[str, str | None], ...] = ()
    context: tuple[str, ...] = ()
    context_window: int = 300
    gender: str | None = None
    first_name: str | None = None
    surname: str | None = None
    wrong_first_names: tuple[str, ...] = ()
    first_name_fix: str = "unsafe"
    titles: tuple[str, ...] = ()
    native: tuple[tuple[str, str], ...] = field(default=())
    # Per native language, the words that say an article is about that country; a place or
    # organisation without its own ``context`` gets these (usually set in a file's defaults).
    native_context: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    possessive: bool = True
    # Where the entity came from (``cleaner gazetteer import``): its Wikidata item.
    wikidata: str | None = None
    # Spellings already generated from ``native`` (by the importer); None: generate at load.
    generated: tuple[tuple[str, str | None], ...] | None = None

    type_fields: ClassVar[frozenset[str]] = frozenset(
        {
            "canonical",
            "kind",
            "short",
            "accepted",
            "older",
            "variants",
            "guarded",
            "context",
            "context-window",
            "gender",
            "first-name",
            "surname",
            "wrong-first-names",
            "first-name-fix",
            "titles",
            "native",
            "native-context",
            "possessive",
            "wikidata",
            "generated",
        }
    )

    def subject(self) -> str:
        return self.canonical

    @classmethod
    def from_raw(cls, raw: dict[str, Any], common: dict[str, Any], path: Path) -> EntityRule:
        canonical = text(raw, "canonical", path, required=True)
        kind = raw.get("kind", "other")
        if kind not in get_args(EntityKind):
            raise fail(raw, path, f"'kind' must be one of {', '.join(get_args(EntityKind))}")
        gender = raw.get("gender")
        if gender is not None and gender not in get_args(Gender):
            raise fail(raw, path, "'gender' must be male or female")
        native = raw.get("native", {}) or {}
        if not isinstance(native, dict):
            langs = ", ".join(LANGS)
            raise fail(raw, path, f"'native' must map a language ({langs}) to a spelling")
        native_pairs = [(k, v) for k, v in native.items() if k != LINE_KEY]
        for lang, spelling in native_pairs:
            if lang not in LANGS:
                raise fail(raw, path, f"'native' language {lang!r} unknown ({', '.join(LANGS)})")
            if not isinstance(spelling, str) or not spelling.strip():
                raise fail(raw, path, f"'native.{lang}' must be a non-empty string")
        window = raw.get("context-window", 300)
        if not isinstance(window, int) or isinstance(window, bool) or window <= 0:
            raise fail(raw, path, "'context-window' must be a positive integer")
        fn_fix = raw.get("first-name-fix", "unsafe")
        if fn_fix not in ("safe", "unsafe", "none"):
            raise fail(raw, path, "'first-name-fix' must be safe, unsafe or none")
        possessive = raw.get("possessive", True)
        if not isinstance(possessive, bool):
            raise fail(raw, path, "'possessive' must be true or false")
        native_context = _native_context(raw, path)
        if kind != "person" and native_pairs and not raw.get("context"):
            missing = [lang for lang, _ in native_pairs if lang not in dict(native_context)]
            if missing:
                raise fail(
                    raw,
                    path,
                    f"a {kind} with a native spelling needs 'context' or 'native-context' "
                    f"words for {', '.join(missing)} (without them its generated one-word "
                    "garbles would be repaired in any article)",
                )
        guarded = pairs(raw, "guarded", path)
        if guarded and not raw.get("context"):
            raise fail(raw, path, "'guarded' variants need 'context' words")
        assert canonical is not None
        return cls(
            **common,
            canonical=canonical.strip(),
            kind=kind,
            short=tuple(str_list(raw, "short", path)),
            accepted=tuple(str_list(raw, "accepted", path)),
            older=tuple(str_list(raw, "older", path)),
            variants=tuple(pairs(raw, "variants", path)),
            guarded=tuple(guarded),
            context=tuple(str_list(raw, "context", path)),
            context_window=window,
            gender=gender,
            first_name=text(raw, "first-name", path),
            surname=text(raw, "surname", path),
            wrong_first_names=tuple(str_list(raw, "wrong-first-names", path)),
            first_name_fix=fn_fix,
            titles=tuple(str_list(raw, "titles", path)),
            native=tuple((k, v.strip()) for k, v in native_pairs),
            native_context=native_context,
            possessive=possessive,
            wikidata=text(raw, "wikidata", path),
            generated=tuple(pairs(raw, "generated", path)) if "generated" in raw else None,
        )

    # -- building the gazetteer record -----------------------------------------------------

    def name_parts(self) -> tuple[str | None, str | None]:
        """(first name, surname) of a person; (None, None) for anything else."""
        if self.kind != "person":
            return None, None
        tokens = self.canonical.split()
        # A Chinese or Korean name in English puts the family name first; a Japanese one,
        # as Wikidata, Wikipedia and most news write it, last ("Ryosei Akazawa", 赤沢亮正;
        # the importer reads it so too): a rule for a Japanese name written family name
        # first says so with `surname`.
        east = self._whole_name_person()
        family_first = east and not self._japanese_name()
        surname = self.surname or (tokens[0] if family_first else tokens[-1])
        first = self.first_name
        if first is None and len(tokens) >= 2 and not east and surname != tokens[0]:
            first = tokens[0]  # (a family name written first is no first name: "Kim Yeon-chul")
        return first, surname

    def _main_native(self) -> str | None:
        """The native name the detectors see: a Chinese, Korean or Japanese one when the
        entity has one (it marks a name romanised whole: ``Ko Wen-je``'s 柯文哲, though its
        Wikidata labels list Russian first), else the first listed."""
        whole = [n for lang, n in self.native if lang in WHOLE_NAME_LANGS]
        return whole[0] if whole else (self.native[0][1] if self.native else None)

    def _japanese_name(self) -> bool:
        """A person whose native name is Japanese: kanji (``ja``), and Japan their country
        or no Chinese or Korean name beside it."""
        langs = {lang for lang, _ in self.native}
        return (
            self.kind == "person"
            and "ja" in langs
            and ("Japan" in self.context or not langs & {"zh", "ko"})
        )

    def _whole_name_person(self) -> bool:
        """A person with a Chinese, Korean or Japanese native name: generated whole, and no
        one-word garble of the family name is repaired (a billion people share it)."""
        return self.kind == "person" and any(lang in WHOLE_NAME_LANGS for lang, _ in self.native)

    def target_of(self, spelling: str, explicit: str | None = None) -> str:
        """What a garble becomes: ``explicit`` if given; a one-word garble of a longer name
        becomes its short form (a person's surname), a Japanese name written family name
        first keeps that order, anything longer the canonical name."""
        if explicit:
            return explicit
        words, canon = spelling.split(), self.canonical.split()
        if (
            self.kind == "person"
            and len(words) == len(canon) == 2
            and words[1] == canon[0]
            and any(lang == "ja" for lang, _ in self.native)
        ):
            # "Kan Yoshihide": a Japanese name read from its kanji, family name first, as
            # the writer (or the Chinese source) ordered it; the repair keeps that order
            # ("Suga Yoshihide") rather than swapping the words too.
            return f"{canon[1]} {canon[0]}"
        if len(spelling.split()) == 1 and len(self.canonical.split()) > 1:
            _, surname = self.name_parts()
            return surname or (self.short[0] if self.short else self.canonical)
        return self.canonical

    def generate(self) -> Generated:
        """What ``native`` yields (see ``Generated``). The importer writes its ``fixes`` and
        ``wrong_first_names`` into the rule (``generated``, ``wrong-first-names``); the
        loader calls this only for rules without ``generated``."""
        first, surname = self.name_parts()
        fixes, first_spellings, foreign = self._generated(first, surname)
        first_spellings |= {n.split()[0] for n in self.accepted if len(n.split()) > 1}
        wrong = [f for f in dict.fromkeys(foreign) if f != first and f not in first_spellings]
        return Generated(fixes, wrong, self._inflected(), frozenset(first_spellings))

    def to_entity(self) -> Entity:
        """The gazetteer record, with generated variants (costs the transliteration unless
        the rule carries them already in ``generated``)."""
        first, surname = self.name_parts()
        accepted = tuple(dict.fromkeys((*self.accepted, *self.older)))
        protected = {self.canonical, *self.short, *accepted}
        if surname:
            protected.add(surname)

        fixes: dict[str, str] = {}
        for spelling, explicit in self.variants:
            fixes[spelling] = self.target_of(spelling, explicit)
        if self.generated is None:
            gen = self.generate()
        else:
            gen = Generated({s: self.target_of(s, t) for s, t in self.generated})
        for spelling, target in gen.fixes.items():
            fixes.setdefault(spelling, target)
        own_family = self._own_family_spellings(surname, fixes)
        for spelling in own_family:
            fixes.setdefault(spelling, self.target_of(spelling))
        # The name itself in the other order ("Kishida Fumio", family name first, as Japan's
        # government writes it) is correct, not a garble.
        reordered = [s for s, t in fixes.items() if s == t]
        words = self.canonical.split()
        if len(words) == 2 and self._japanese_name():
            # Said of any Japanese person, whatever spellings the rule lists (the importer
            # no longer writes the name's own words as a garble).
            reordered.append(f"{words[1]} {words[0]}")
        accepted = tuple(dict.fromkeys((*accepted, *reordered)))
        protected.update(reordered)
        inflected = {
            v: self.canonical for v in gen.case_forms if v not in fixes and v not in protected
        }
        fixes.update(inflected)
        for spelling in protected:
            fixes.pop(spelling, None)
        guarded: dict[str, str] = {s: self.target_of(s, t) for s, t in self.guarded}
        # A first name the rule accepts in a full name (Valery Zaluzhny) is never wrong.
        # Other romanisations of the right first name (Valeriy/Valerii) are house style, not
        # garbles: they are never fixed (the WMT22 human reference writes "Valeriy Zaluzhny").
        right_firsts = {first, *gen.first_spellings}
        right_firsts |= {n.split()[0] for n in self.accepted if len(n.split()) > 1}
        wrong = [
            w
            for w in dict.fromkeys([*self.wrong_first_names, *gen.wrong_first_names])
            if w not in right_firsts
        ]
        # Own-family spellings are repaired as written, never a near-miss's target: the
        # family is spelt right and pinyin given names are alike (``Kim Zhengri``, Kim Jong
        # Il's, is no garble of ``Kim Zhengen``, Kim Jong Un's).
        variants = tuple(s for s in fixes if s not in own_family)
        all_fixes = {**fixes, **guarded}
        context = self.context
        if not context and self.kind != "person":
            # A generated one-word place/organisation garble is repaired only in articles
            # about the country its native spelling comes from.
            by_lang = dict(self.native_context)
            context = tuple(w for lang, _ in self.native for w in by_lang.get(lang, ()))
        return Entity(
            id=self.id,
            canonical=self.canonical,
            kind=self.kind,  # type: ignore[arg-type]
            short_forms=self.short,
            accepted=accepted,
            variants=variants,
            context=tuple(dict.fromkeys(context)),
            gender=self.gender,  # type: ignore[arg-type]
            first_name=first,
            titles=self.titles,
            native=self._main_native(),
            possessive=self.possessive,
            surname=surname,
            guarded=tuple(guarded),
            fixes=tuple(all_fixes.items()),
            wrong_first_names=tuple(wrong),
            context_window=self.context_window,
            exceptions=self.exceptions,
            first_name_fix=self.first_name_fix,
            inflected=tuple(inflected),
            older=self.older,
            # Repaired only in an article about the person (``route_collisions``).
            evidence=tuple(s for s in own_family if s in fixes),
        )

    def _own_family_spellings(self, surname: str | None, generated: dict[str, str]) -> list[str]:
        """``translit.own_family_names`` of each name in Chinese characters (a Korean's
        hanja is listed as ``zh``; kanji as ``ja``): ``Lee Xianlong`` for Lee Hsien Loong."""
        if self.kind != "person" or not surname:
            return []
        names = frozenset(generated)
        out: list[str] = []
        for lang, spelling in self.native:
            if lang in ("zh", "ja"):
                out += own_family_names(spelling.replace(" ", ""), surname, names)
        return list(dict.fromkeys(out))

    def _generated(
        self, first: str | None, surname: str | None
    ) -> tuple[dict[str, str], set[str], list[str]]:
        """Generated garble -> target, own-language first-name spellings, foreign first names.

        The person's own language is the ``native`` entry whose first name romanises to the
        canonical first name (``Андрій`` -> Andriy, not ``Андрей``), else the first listed:
        its first-name spellings are other romanisations of the right name; another
        language's first names are wrong names (``Andrei`` for Andriy).
        """
        fixes: dict[str, str] = {}
        firsts: set[str] = {first} if first else set()
        foreign: list[str] = []
        chinese = self._whole_name_person()
        own = self._own_language(first)
        for lang, spelling in self.native:
            if lang in WHOLE_NAME_LANGS and self.kind == "person":
                langs = {code for code, _ in self.native}
                for v in whole_names(lang, spelling, chinese=not langs & {"ko", "ja"}):
                    fixes.setdefault(v, self.canonical)
                continue
            parts = part_variants(lang, spelling)
            if self.kind == "person" and surname and len(parts) >= 2:
                tokens = self.canonical.split()
                s_index = tokens.index(surname) if surname in tokens else len(parts) - 1
                # A Chinese surname alone (Chang, Khan, Tsai) is shared by a billion people:
                # only whole-name spellings are generated for Chinese.
                for v in parts[min(s_index, len(parts) - 1)] if not chinese else ():
                    if len(v) >= MIN_GENERATED and " " not in v:
                        fixes.setdefault(v, surname)
                if first and not chinese:
                    if lang == own:
                        firsts.update(parts[0])
                    else:
                        foreign.extend(parts[0])
            else:
                for v in combos(parts):
                    if len(v) >= MIN_GENERATED:
                        fixes.setdefault(v, self.canonical)
        return fixes, firsts, foreign

    def _inflected(self) -> list[str]:
        """Romanised case forms of a one-word place name (``Бучі`` -> ``Buchi``)."""
        if self.kind != "place":
            return []
        out: list[str] = []
        for lang, spelling in self.native:
            if lang in WHOLE_NAME_LANGS or " " in spelling:
                continue
            for form in inflections(lang, spelling):
                out.extend(v for v in word_variants(lang, form) if len(v) >= MIN_INFLECTED)
        return list(dict.fromkeys(out))

    def _own_language(self, first: str | None) -> str | None:
        if not self.native:
            return None
        if first and self.kind == "person":
            for lang, spelling in self.native:
                if lang not in WHOLE_NAME_LANGS and first.lower() in {
                    v.lower() for v in part_variants(lang, spelling)[0]
                }:
                    return lang
        return self.native[0][0]


def _native_context(raw: dict[str, Any], path: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``native-context``: a mapping of language code to a list of words."""
    value = raw.get("native-context", {}) or {}
    if not isinstance(value, dict):
        raise fail(raw, path, "'native-context' must map a language (ru, uk, zh) to words")
    out: list[tuple[str, tuple[str, ...]]] = []
    for lang, words in value.items():
        if lang == LINE_KEY:
            continue
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise fail(raw, path, f"'native-context.{lang}' must be a list of words")
        out.append((lang, tuple(words)))
    return tuple(out)
