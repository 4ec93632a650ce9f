"""ftfy's own test cases through ``clean_text`` (shared/bench README, D).

    .venv/bin/python bench/ftfy_cases.py [--verbose]

For every case ftfy passes (151: in the wild, synthetic, language names, negative), the
cleaner's output must equal ftfy's expected text after the same typography policy on both
sides (quotes straightened as ftfy does, NFC, white space collapsed, lines stripped, blank
lines dropped: the canonical form's business, not encoding repair). Cases whose expected
text is their original (ftfy leaves them alone) must come through with nothing changed but
that policy.
Also counted: lines ftfy would change that the cheap pre-filter
(``cleaner.stages.encoding.needs_repair``) does not hand to ftfy (each one a repair missed).
The default pipeline runs, grammar checker off (it only reports).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

CASES = Path("/work/shared/bench/encoding/ftfy-test-cases")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def policy(text: str) -> str:
    """The typography and layout policy, applied to both sides before comparing: quotes as
    ftfy straightens them (its ``uncurl_quotes``: ``ʼn`` counts as ``'n``), NFC, white
    space."""
    from ftfy.fixes import uncurl_quotes

    text = uncurl_quotes(unicodedata.normalize("NFC", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    import ftfy

    from cleaner import Config, clean_text
    from cleaner.stages.encoding import needs_repair, repair_line

    config = Config(grammar="none")
    cases = []
    for path in sorted(CASES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            if case["expect"] == "pass":
                cases.append((path.stem, case))
    passed = alone_total = alone_ok = missed = 0
    failures = []
    for name, case in cases:
        original, fixed = case["original"], case["fixed"]
        assert ftfy.fix_text(original) == fixed, case["label"]  # ftfy itself passes
        got = clean_text(original, config).text
        ok = policy(got) == policy(fixed)
        passed += ok
        if policy(fixed) == policy(original):
            alone_total += 1
            alone_ok += policy(got) == policy(original)
        for line in original.split("\n"):
            if repair_line(line)[0] != line and not needs_repair(line):
                missed += 1
        if not ok:
            failures.append((name, case["label"], original, got, fixed))
    print(f"ftfy's passing cases through clean_text: {passed}/{len(cases)}")
    print(f"cases ftfy leaves alone, unchanged but for the policy: {alone_ok}/{alone_total}")
    print(f"lines ftfy would change that the pre-filter let through: {missed}")
    for name, label, original, got, fixed in failures:
        print(f"  FAIL {name}: {label}")
        if args.verbose:
            print(f"    original: {original!r}\n    cleaner:  {got!r}\n    expected: {fixed!r}")
    return 0 if passed == len(cases) and alone_ok == alone_total and not missed else 1


if __name__ == "__main__":
    sys.exit(main())
