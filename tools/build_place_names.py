"""Write rules/words/place_names.yaml: the countries' Russian and Ukrainian names -> English.

Why: Russian and Ukrainian sources leave names untranslated in brackets (``the territory
[Украины]``, MT906); a country's name in the case the sentence gives it is certain to
translate (``of Ukraine``), so the detector repairs that fragment instead of only reporting
it. The names are the Unicode CLDR territory names as the ``babel`` package ships them (CLDR,
Unicode licence), read here once; the project does not depend on babel at run time:

    python -m venv /tmp/tv && /tmp/tv/bin/pip install babel
    /tmp/tv/bin/python tools/build_place_names.py > rules/words/place_names.yaml

Only ISO 3166 two-letter countries, and only names without brackets or dashes (CLDR's
``Congo - Kinshasa``, ``Myanmar (Burma)`` are labels, not what a text writes); "the" before
the names English writes with it (``WITH_THE``).
"""

from __future__ import annotations

import sys

from babel import Locale, __version__

LANGS = ("ru", "uk")
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
# English writes these with "the" ("of the United States"); CLDR's labels do not say so.
WITH_THE = ("United ", "Republic", "Islands", "Netherlands", "Philippines", "Bahamas", "Gambia")


def main() -> None:
    english = Locale("en").territories
    rows: dict[str, str] = {}
    for lang in LANGS:
        names = Locale(lang).territories
        for code, name in sorted(names.items()):
            if len(code) != 2 or not code.isalpha() or code in NOT_COUNTRIES:
                continue
            target = english.get(code)
            if not target or any(c in name + target for c in "()-&,"):
                continue
            if any(w in target for w in WITH_THE):
                target = "the " + target
            rows.setdefault(name, target)
    out = sys.stdout
    out.write(
        "# Countries' Russian and Ukrainian names -> English, from the Unicode CLDR territory\n"
        f"# names in babel {__version__} (Unicode licence); made by tools/build_place_names.py,\n"
        "# not by hand. MT906 translates an untranslated Cyrillic fragment made of these names\n"
        "# (in the nominative, or the genitive as 'of ...': 'the territory [Украины]' ->\n"
        "# 'the territory [of Ukraine]'). A newsroom adds its own the same way.\n"
        "lists:\n  native-place-names:\n"
    )
    for name, target in rows.items():
        out.write(f"    {name}: [{target}]\n")


if __name__ == "__main__":
    main()
