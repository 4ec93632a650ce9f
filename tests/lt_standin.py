"""A protocol stand-in for a LanguageTool server, for tests only.

It is NOT LanguageTool: it answers LanguageTool's documented HTTP API shape
(``GET /v2/languages``, ``POST /v2/check`` -> ``{"matches": [...]}``) with canned matches for
a few trigger words, so the ``languagetool`` backend's request and response handling can be
tested where the real server (Java, about 250 MB) cannot be installed. Offsets are in UTF-16
code units, as the real (Java) server sends them.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
]

# trigger word -> (rule id, issue type, category, message, replacements)
CANNED: dict[str, tuple[str, str, str, str, list[str]]] = {
    "Peskov": (
        "MORFOLOGIK_RULE_EN_US",
        "misspelling",
        "TYPOS",
        "Possible spelling mistake found.",
        ["Pesky", "Peso"],
    ),
    "Kravtsuk": (
        "MORFOLOGIK_RULE_EN_US",
        "misspelling",
        "TYPOS",
        "Possible spelling mistake found.",
        ["Kraut", "Kravchuk", "Peskov"],
    ),
    "recieved": (
        "MORFOLOGIK_RULE_EN_US",
        "misspelling",
        "TYPOS",
        "Possible spelling mistake found.",
        ["received"],
    ),
    "he go": ("HE_VERB_AGR", "grammar", "GRAMMAR", "The pronoun 'he' needs 'goes'.", ["he goes"]),
    "very very": (
        "ENGLISH_WORD_REPEAT_RULE",
        "duplication",
        "MISC",
        "Possible typo: you repeated a word.",
        ["very"],
    ),
}


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def matches_for(text: str) -> list[dict[str, Any]]:
    out = []
    for trigger, (rule, issue, category, message, reps) in CANNED.items():
        start = text.find(trigger)
        while start != -1:
            offset = utf16_len(text[:start])
            length = utf16_len(trigger)
            out.append(
                {
                    "message": message,
                    "shortMessage": "",
                    "replacements": [{"value": r} for r in reps],
                    "offset": offset,
                    "length": length,
                    "context": {
                        "text": text[max(0, start - 20) : start + 40],
                        "offset": min(start, 20),
                        "length": length,
                    },
                    "sentence": text,
                    "type": {"typeName": "Other"},
                    "rule": {
                        "id": rule,
                        "description": message,
                        "issueType": issue,
                        "category": {"id": category, "name": category.title()},
                    },
                    "ignoreForIncompleteSentence": False,
                    "contextForSureMatch": 0,
                }
            )
            start = text.find(trigger, start + 1)
    return sorted(out, key=lambda m: m["offset"])


class StandIn:
    """Run the stand-in on 127.0.0.1 on a free port; records the check requests it saw."""

    def __init__(self, fail_checks: bool = False) -> None:
        self.requests: list[dict[str, str]] = []
        self.fail_checks = fail_checks
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def _json(self, payload: Any, status: int = 200) -> None:
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                if urllib.parse.urlparse(self.path).path == "/v2/languages":
                    self._json(LANGUAGES)
                else:
                    self._json({"error": "not found"}, 404)

            def do_POST(self) -> None:
                if urllib.parse.urlparse(self.path).path != "/v2/check":
                    self._json({"error": "not found"}, 404)
                    return
                size = int(self.headers.get("Content-Length", 0))
                form = urllib.parse.parse_qs(self.rfile.read(size).decode())
                params = {k: v[0] for k, v in form.items()}
                standin.requests.append(params)
                if standin.fail_checks:
                    body = b"Internal error"
                    self.send_response(500)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                text = params.get("text", "")
                self._json(
                    {
                        "software": {"name": "LanguageTool protocol stand-in", "version": "0"},
                        "language": {"name": "English", "code": params.get("language", "")},
                        "matches": matches_for(text),
                    }
                )

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
