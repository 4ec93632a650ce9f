"""Import layering (README, "Layout"): no module imports from a layer above its own, no module
reaches into another module's private names, and stages only propose (no stage or detector
applies or reports on a document itself: ``Document.decide`` does)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "cleaner"

# Lowest first. A module may import from its own layer and the layers below.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "core",
        (
            "cleaner.errors",
            "cleaner.model",
            "cleaner.config",
            "cleaner.registry",
            "cleaner.folding",
            "cleaner.segment",
            "cleaner.textview",
            "cleaner.document",
            "cleaner.editlog",
            "cleaner.cache",
            "cleaner.resources",
            "cleaner.escape",
            "cleaner.charsets",
            "cleaner.reader",
            "cleaner.atomic",
            "cleaner.files",
            "cleaner.outputs",
        ),
    ),
    ("rules", ("cleaner.rules",)),
    (
        "analysis",
        ("cleaner.detectors", "cleaner.grammar", "cleaner.boilerplate", "cleaner.metadata"),
    ),
    ("stages", ("cleaner.stages",)),
    ("pipeline", ("cleaner.pipeline", "cleaner.examples", "cleaner")),
    (
        "apps",
        (
            "cleaner.batch",
            "cleaner.versions",
            "cleaner.lint",
            "cleaner.report",
            "cleaner.review",
            "cleaner.gazetteer",
            "cleaner.dask",
            "cleaner.cli",
        ),
    ),
]

# The cache key's code digest reads the package version from the package root (issue 15's
# module; the version could come from the distribution's metadata instead).
PENDING = {("cleaner.cache.keys", "cleaner")}


def layer_of(module: str) -> int:
    best, rank = -1, -1
    for i, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), i
    assert rank >= 0, f"{module} is in no layer: add it to LAYERS (and the README diagram)"
    return rank


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found.append((".".join(parts), path))
    return found


def imports(path: Path, module: str) -> list[tuple[str, list[str], int]]:
    """(imported module, names imported from it, line) for every import, in functions too."""
    tree = ast.parse(path.read_text("utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            out.append((base, [a.name for a in node.names], node.lineno))
    return [i for i in out if i[0] == "cleaner" or i[0].startswith("cleaner.")]


MODULES = modules()


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[m for m, _ in MODULES])
def test_no_import_from_a_layer_above(module: str, path: Path) -> None:
    own = layer_of(module)
    for target, names, line in imports(path, module):
        # ``from cleaner.stages import rules`` imports the submodule cleaner.stages.rules.
        targets = [
            f"{target}.{n}"
            for n in names
            if (PACKAGE.parent / f"{target}.{n}".replace(".", "/")).with_suffix(".py").exists()
        ] or [target]
        for t in targets:
            if (module, t) in PENDING:
                continue
            assert layer_of(t) <= own, (
                f"{path.relative_to(ROOT)}:{line}: {module} ({LAYERS[own][0]}) imports {t} "
                f"({LAYERS[layer_of(t)][0]})"
            )


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[m for m, _ in MODULES])
def test_no_private_names_of_other_modules(module: str, path: Path) -> None:
    for target, names, line in imports(path, module):
        for name in names:
            private = name.startswith("_") and not name.startswith("__")
            assert not private, f"{path.relative_to(ROOT)}:{line}: imports {target}.{name}"
        # A private module (``rules/types/_fields.py``) serves its own package only.
        hidden = [p for p in target.split(".") if p.startswith("_") and not p.startswith("__")]
        if hidden:
            owner = target.rsplit(".", 1)[0]
            assert module.startswith(owner), f"{path.relative_to(ROOT)}:{line}: {target}"
    tree = ast.parse(path.read_text("utf-8"))
    bound = {
        (a.asname or a.name).split(".")[0]: a.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for a in node.names
        if a.name.startswith("cleaner")
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in bound
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            raise AssertionError(f"{path.relative_to(ROOT)}:{node.lineno}: {node.attr}")


@pytest.mark.parametrize(
    "path",
    sorted([*(PACKAGE / "stages").glob("*.py"), *(PACKAGE / "detectors").glob("*.py")]),
    ids=lambda p: p.stem,
)
def test_stages_and_detectors_only_propose(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            assert node.func.attr not in ("apply", "report"), (
                f"{path.relative_to(ROOT)}:{node.lineno}: .{node.func.attr}(): propose through "
                "Document.decide"
            )


def test_the_readme_diagram_names_every_layer() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("### Layers") :]
    for name, _ in LAYERS:
        assert name in section
