"""Control characters made visible before text reaches a terminal or a line-based format.

Article text and file names are untrusted: an escape sequence in an article would clear the
reader's screen or recolour the rest of ``cleaner diff``, a newline in a file name would
forge an extra ``error:`` line that a CI log or a script then believes, and a bidi override
would show a line in a different order than it is stored. Every text output passes paths,
messages and article text through ``visible`` (JSON and HTML outputs escape by their own
rules).
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, the line/paragraph separators, and the bidi embeddings, overrides
# and isolates (the "Trojan source" characters). Tab and newline are kept only where asked.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def _escape(char: str) -> str:
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, keep: str = "") -> str:
    """``text`` with every control character written as an escape (``\\e``, ``\\n``,
    ``\\x07``, ``\\u202e``), except those in ``keep`` (``"\\n\\t"`` for article text shown
    with its line breaks)."""
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(lambda m: m[0] if m[0] in keep else _escape(m[0]), text)
