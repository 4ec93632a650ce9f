"""What a command imports before it works (issue 17: start-up is part of every hook run)."""

from __future__ import annotations

import json
import subprocess
import sys

import cleaner


def test_the_entry_point_imports_no_pipeline() -> None:
    """``cleaner.cli`` imports the package first; the pipeline (every stage, the rule
    engine) comes in only with a command that cleans, not before dispatch."""
    heavy = ("cleaner.pipeline", "cleaner.stages.rules", "cleaner.document", "regex")
    code = (
        "import json, sys\n"
        "import cleaner, cleaner.cli\n"
        f"print(json.dumps([m for m in {heavy!r} if m in sys.modules]))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == []


def test_the_public_names_still_come_from_the_package() -> None:
    from cleaner import CleanResult, Config, clean_text, restore

    result = clean_text("Hello  world.", Config(grammar="none"))
    assert isinstance(result, CleanResult)
    assert result.text == "Hello world.\n"
    assert restore(result) == "Hello  world."
    assert set(cleaner.__all__) <= set(dir(cleaner))
    try:
        cleaner.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")
