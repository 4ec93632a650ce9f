"""Build hook: the wheel carries the rule files as package data.

The rule files stay in the repository's top-level ``rules/`` folder, where they are edited as
data, not code. A wheel (``pip install .``, ``pipx``, a pre-commit hook's virtualenv) has no
checkout beside it, so ``build_py`` copies ``rules/`` into the built package as
``cleaner/_data/rules``, where ``cleaner.resources`` finds it with ``importlib.resources``.
A copy at build time rather than a symlink (Windows checkouts and some archivers do not
keep symlinks) or a move under ``cleaner/`` (the YAML would then sit among the code).
Editable installs copy nothing: ``cleaner.resources`` reads the checkout's ``rules/``, so an
edited rule file takes effect at once. Everything else is in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RULES = Path(__file__).resolve().parent / "rules"


class BuildWithRules(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "cleaner" / "_data" / "rules"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(RULES, target, ignore=shutil.ignore_patterns(".*", "__pycache__", "*.pyc"))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if getattr(self, "editable_mode", False):
            return outputs
        target = Path(self.build_lib) / "cleaner" / "_data" / "rules"
        return [*outputs, *(str(p) for p in target.rglob("*") if p.is_file())]


setup(cmdclass={"build_py": BuildWithRules})
