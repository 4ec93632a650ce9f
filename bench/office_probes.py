"""Probes of the role reading: a slip in a person's family name right after their office
(issue 13, session 14).

NE913 and NE911's country confirmation read a person's ``titles``; a person without any is
never confirmed by the office an article writes before the name. This writes, for every
titled person of the gazetteer whose family name is five letters or more, one slip of the
pen in that name (its last two letters swapped, or its last letter doubled when the swap
changes nothing) in three one-sentence articles after the person's first title:

* ``full``: given name and the slipped family name (``Prime Minister of Italy Giorgia
  Melonii``);
* ``alone``: the slipped family name alone (``Prime Minister of Italy Meloin``);
* ``control``: the right name, which must come out unchanged.

With ``--translated`` the title is written as a Chinese or Russian source's translation
writes the office (``TRANSLATED``: "United States Minister of Commerce" for the Secretary of
Commerce, 部长 / министр; session 35), and only people with such a title are probed. The
table is the bench's own, not the rules', so two checkouts are asked the same sentences.

With ``--after`` the title follows the name in apposition instead (``Meloin, the Prime
Minister of Italy, spoke on Tuesday.``; session 28), and a fourth article is a control too:

* ``alone-control``: the right family name alone, which must come out unchanged;
* ``other-control``: the slipped family name before the title of the next titled person of
  another country, which must come out unchanged.

Right: the output has the person's family name where the slip was; wrong: the text changed
there into something else. Hand-written people (no ``wikidata``) and imported ones are
counted apart.

    .venv/bin/python bench/office_probes.py
    PYTHONPATH=/tmp/base .venv/bin/python bench/office_probes.py   # another checkout
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

SENTENCE = "{title} {name} spoke on Tuesday. Officials met later."
AFTER = "{name}, the {title}, spoke on Tuesday. Officials met later."
# An office's word -> the word a translation from Chinese or Russian writes for it.
TRANSLATED = {"Secretary": "Minister", "Treasury": "Finance", "Premier": "Prime Minister"}


def translated(title: str) -> str:
    """``title`` with each word ``TRANSLATED`` gives another for replaced ("" if none)."""
    words = title.split()
    out = " ".join(TRANSLATED.get(w, w) for w in words)
    return out if out != title else ""


def slip(word: str) -> str:
    """The last two letters swapped (``Meloni`` -> ``Meloin``), or the last one doubled."""
    swapped = word[:-2] + word[-1] + word[-2]
    return swapped if swapped != word else word + word[-1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=5, help="print this many wrong edits")
    ap.add_argument("--after", action="store_true", help="the title after the name")
    ap.add_argument("--translated", action="store_true", help="the office in MT's words")
    a = ap.parse_args()
    frame = AFTER if a.after else SENTENCE
    kinds = ("full", "alone", "control")
    if a.after:
        kinds += ("alone-control", "other-control")

    from cleaner import Config, clean_text
    from cleaner.rules.gazetteer import load_gazetteer
    from cleaner.rules.rulebook import load_rules

    config = Config(grammar="none")
    imported = {r.id for r in load_rules(config) if getattr(r, "wikidata", None)}
    tally: Counter[tuple[str, str, str]] = Counter()
    wrong: list[str] = []
    people = [e for e in load_gazetteer(config) if e.kind == "person" and e.titles]
    for n, e in enumerate(people):
        family = e.surname or e.canonical.split()[-1]
        title = e.titles[0]
        if a.translated:
            title = next((t for t in map(translated, e.titles) if t), "")
            if not title:
                continue
        if len(family) < 5 or not family.isalpha() or family not in e.canonical.split():
            continue
        bad = slip(family)
        group = "imported" if e.id in imported else "hand-written"
        # The next titled person of another country: the slip before their title is no
        # garble of theirs.
        other = next(
            (o for o in people[n + 1 :] + people[:n] if set(o.context) != set(e.context)), e
        )
        forms = {
            "full": (e.canonical.replace(family, bad), e),
            "alone": (bad, e),
            "control": (e.canonical, e),
            "alone-control": (family, e),
            "other-control": (bad, other),
        }
        for form in kinds:
            name, holder = forms[form]
            office = title if holder is e else holder.titles[0]
            text = frame.format(title=office.removeprefix("the "), name=name)
            out = clean_text(text, config).text.strip()
            tally[(group, form, "probes")] += 1
            if out == text:
                continue
            if form.endswith("control"):
                tally[(group, form, "changed")] += 1
                wrong.append(f"control {e.canonical!r}: {out}")
            elif bad not in out and family in out:
                tally[(group, form, "right")] += 1
            else:
                tally[(group, form, "wrong")] += 1
                wrong.append(f"{form} {e.canonical!r}: {out}")
    for group in ("hand-written", "imported"):
        for form in kinds:
            n = tally[(group, form, "probes")]
            if form.endswith("control"):
                print(f"{group:12} {form:13} {n:5}  changed {tally[(group, form, 'changed')]}")
            else:
                right, bad_ = tally[(group, form, "right")], tally[(group, form, "wrong")]
                print(f"{group:12} {form:13} {n:5}  right {right}  wrong {bad_}")
    for line in wrong[: a.show]:
        print("  ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
