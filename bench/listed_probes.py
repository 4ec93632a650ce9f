"""Probes of a listed family-name garble confirmed by the person's role or given name (issue 13,
session 26).

The gazetteer lists one-word garbles of people's family names (``Sholts``, ``Merts``: the
Russian name read back through each transliteration scheme). The rule stage repairs one only
in an article about the person; this measures the two confirmations a one-sentence article
gives instead. For every titled person with such garbles (at most ``--per`` of them, in the
gazetteer's order), four one-sentence articles:

* ``role``: the person's first title, then the garble (``Federal Chancellor of Germany Sholts
  spoke on Tuesday.``): right when the family name replaces it;
* ``given``: the person's own given name, then the garble (``Olaf Sholts spoke ...``): right
  when the canonical name replaces it;
* ``other-role`` (control): the title of a person of another country (``Prime Minister of
  Japan Sholts ...``): must come out unchanged;
* ``other-given`` (control): another given name (``Maria Sholts ...``, someone else): must
  come out unchanged.

With ``--after`` the two role articles write the title after the garble, in apposition
(``Sholts, the Federal Chancellor of Germany, spoke ...``; session 28), and the given-name
ones are left out.

    .venv/bin/python bench/listed_probes.py [--after]
    PYTHONPATH=/tmp/base .venv/bin/python bench/listed_probes.py   # another checkout
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

SENTENCE = "{who} spoke on Tuesday. Officials met later."
# A given name of no one the garble could be (a control's "someone else").
OTHER_GIVEN = ("Maria", "Thomas")


def _role(title: str, garble: str, after: bool) -> str:
    """The garble after the title, or with ``after`` the title after it in apposition."""
    if after:
        return SENTENCE.format(who=f"{garble}, the {title.removeprefix('the ')},")
    return SENTENCE.format(who=f"{title} {garble}")


def probes(per: int, after: bool = False) -> list[tuple[str, str, str, str]]:
    """(kind, text, garble, what should stand there) for every probe; controls expect the
    garble itself."""
    from cleaner import Config
    from cleaner.rules.gazetteer import load_gazetteer

    people = [e for e in load_gazetteer(Config()) if e.kind == "person" and e.titles]
    out: list[tuple[str, str, str, str]] = []
    for n, e in enumerate(people):
        family = e.surname or e.canonical.split()[-1]
        given, _, last = e.canonical.rpartition(" ")
        guarded = set(e.guarded)
        garbles = [s for s, t in e.fixes if t == family and " " not in s and s not in guarded][:per]
        if not garbles:
            continue
        other = next(
            (o for o in people[n + 1 :] + people[:n] if set(o.context) != set(e.context)),
            None,
        )
        for g in garbles:
            out.append(("role", _role(e.titles[0], g, after), g, family))
            if given and last == family and not after:
                out.append(("given", SENTENCE.format(who=f"{given} {g}"), g, e.canonical))
            if other is not None:
                out.append(("other-role", _role(other.titles[0], g, after), g, g))
            if after:
                continue
            name = OTHER_GIVEN[0] if OTHER_GIVEN[0] != given else OTHER_GIVEN[1]
            out.append(("other-given", SENTENCE.format(who=f"{name} {g}"), g, g))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per", type=int, default=2, help="garbles per person")
    ap.add_argument("--show", type=int, default=5, help="print this many wrong results")
    ap.add_argument("--after", action="store_true", help="the title after the garble")
    a = ap.parse_args()

    from cleaner import Config, clean_text

    config = Config(grammar="none")
    tally: Counter[tuple[str, str]] = Counter()
    shown: Counter[str] = Counter()
    for kind, text, garble, want in probes(a.per, a.after):
        out = clean_text(text, config).text
        head = text.split(" spoke", 1)[0]
        got = out.split(" spoke", 1)[0]
        if kind.startswith("other"):
            verdict = "unchanged" if got == head else "changed"
        elif want in got and garble not in got.replace(want, ""):
            verdict = "right"
        elif got == head:
            verdict = "missed"
        else:
            verdict = "wrong"
        tally[kind, verdict] += 1
        if verdict in ("wrong", "changed") and shown[kind] < a.show:
            shown[kind] += 1
            print(f"{kind} {verdict}: {head!r} -> {got!r}")
    for kind in ("role", "given", "other-role", "other-given"):
        counts = {v: n for (k, v), n in sorted(tally.items()) if k == kind}
        print(kind, sum(counts.values()), counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
