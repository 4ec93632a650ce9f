"""``cleaner diff`` output: the report's comparison for one article, in a terminal.

Side by side (a two-column table, one row per aligned paragraph) when the terminal is wide
enough, else a unified word diff. Colour comes from rich; without colour (piped, NO_COLOR,
``--no-color``) deletions and insertions are marked ``[-old-]`` and ``{+new+}`` like
``git diff --word-diff=plain``, so the output stays readable in a log or a pager.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cleaner.escape import visible
from cleaner.model import CleanResult, Finding
from cleaner.report.align import Alignment, Change, ChangeAtom, Row, Same, align, word_ops

# Below this width two columns of news text are too narrow to read.
SIDE_BY_SIDE_MIN_WIDTH = 120

STAGE_STYLE = {
    "encoding": "magenta",
    "boilerplate": "bright_black",
    "artifact": "dark_orange",
    "grammar": "blue",
    "normalise": "cyan",
}
DEL = "red strike"
# Article text keeps its line breaks and tabs; every other control character (an escape
# sequence that would clear the screen, a bidi override) is shown as an escape. A CR is
# left to rich, which drops it (CRLF files would otherwise show \r on every line).
_KEEP = "\n\t\r"


def _text(text: str, style: str = "", keep_lines: bool = True) -> Text:
    """Article text as a rich ``Text``, its control characters made visible (line breaks
    too, for text shown on one line)."""
    return Text(visible(text, _KEEP if keep_lines else ""), style=style)


INS = "green underline"
FINDING = "on yellow4"


class _Style:
    """Styles and plain-text markers, chosen once per console."""

    def __init__(self, console: Console) -> None:
        self.color = console.color_system is not None and not console.no_color
        self.markers = not self.color

    def deleted(self, text: str) -> Text:
        return _text(f"[-{text}-]" if self.markers else text, style=DEL)

    def inserted(self, text: str) -> Text:
        return _text(f"{{+{text}+}}" if self.markers else text, style=INS)

    def removed(self, text: str) -> Text:
        text = text.strip("\n")
        return _text(f"[-{text}-]" if self.markers else text, style="dim strike")

    def block(self, change: Change) -> Text:
        """Removed lines (boilerplate): struck through and dimmed, with the rule id."""
        return Text.assemble(self.removed(change.old), " ", self.label(change))

    def label(self, change: Change) -> Text:
        return Text(f"[{' '.join(change.rules)}]", style=f"dim {STAGE_STYLE[change.stage]}")


def render_diff(
    name: str,
    original: str,
    result: CleanResult,
    console: Console,
    side_by_side: bool | None = None,
    changes_only: bool = False,
) -> None:
    """Print the comparison of ``original`` and ``result`` to ``console``."""
    alignment = align(original, result)
    style = _Style(console)
    if side_by_side is None:
        side_by_side = console.is_terminal and console.width >= SIDE_BY_SIDE_MIN_WIDTH
    shown = sum(not c.layout for c in alignment.changes)
    console.print(
        Text(
            f"{visible(name)}: {shown} change(s), {len(result.edits)} edit(s), "
            f"{len(result.findings)} finding(s)",
            style="bold",
        )
    )
    for key, value in result.metadata.items():
        console.print(_text(f"  {key}: {_meta_value(value)}", style="dim"))
    rows = [r for r in alignment.rows if not changes_only or _has_change(r)]
    if side_by_side:
        console.print(_table(alignment, rows, result.findings, style))
    else:
        for row in rows:
            console.print(_unified_row(alignment, row, result.findings, style))
            console.print()
    _print_tail(alignment, original, result.findings, console)


def _meta_value(value: Any) -> str:
    """A structured value (a damage breakdown, say) by its scalar fields only."""
    if isinstance(value, dict):
        flat = [f"{k} {v}" for k, v in value.items() if not isinstance(v, dict | list)]
        return " | ".join(flat[:5]) or "{...}"
    if isinstance(value, list):
        return f"{len(value)} item(s)"
    return str(value)


def _has_change(row: Row) -> bool:
    return any(isinstance(a, ChangeAtom) or a.findings for a in row.atoms)


def _table(
    alignment: Alignment, rows: Sequence[Row], findings: Sequence[Finding], style: _Style
) -> Table:
    table = Table(show_lines=True, expand=True, pad_edge=False)
    table.add_column("Original", ratio=1, overflow="fold")
    table.add_column("Clean", ratio=1, overflow="fold")
    for row in rows:
        left, right = Text(), Text()
        for atom in row.atoms:
            if isinstance(atom, Same):
                left.append(_text(atom.text))
                right.append(_marked(atom.text, atom.findings, findings))
                continue
            change = alignment.changes[atom.change]
            if change.block:
                left.append(style.block(change))
                continue
            for part in atom.left:
                left.append(style.deleted(part.text) if part.changed else _text(part.text))
            for part in atom.right:
                body = style.inserted(part.text) if part.changed else _text(part.text)
                right.append(_marked(body, part.findings, findings))
            right.append(style.label(change))
        table.add_row(left, right)
    return table


def _unified_row(
    alignment: Alignment, row: Row, findings: Sequence[Finding], style: _Style
) -> Text:
    out = Text()
    for atom in row.atoms:
        if isinstance(atom, Same):
            out.append(_marked(atom.text, atom.findings, findings))
            continue
        change = alignment.changes[atom.change]
        if change.block:
            out.append(style.block(change))
            continue
        for changed, old, new in word_ops(change.old, change.new):
            if not changed:
                out.append(_text(new))
                continue
            if old:
                out.append(style.deleted(old))
            if new:
                out.append(style.inserted(new))
        out.append(style.label(change))
    return out


def _marked(text: str | Text, ids: Sequence[int], findings: Sequence[Finding]) -> Text:
    body = text if isinstance(text, Text) else _text(text)
    if ids:
        if not body.plain:
            body = Text("\u2038")
        body.stylize(FINDING)
    return body


def _print_tail(
    alignment: Alignment, original: str, findings: Sequence[Finding], console: Console
) -> None:
    layout = Counter(r for c in alignment.changes if c.layout for r in c.rules)
    if layout:
        summary = ", ".join(f"{n}x {rule}" for rule, n in sorted(layout.items()))
        console.print(Text(f"layout changes (blank lines, line ends): {summary}", style="dim"))
    removed = [c for c in alignment.changes if c.block]
    for c in removed:
        console.print(Text(f"removed [{' '.join(c.rules)}]: {c.old.strip()[:80]!r}", style="dim"))
    if not findings:
        return
    console.print(Text(f"{len(findings)} finding(s), not fixed:", style="bold"))
    for f in findings:
        line = original.count("\n", 0, f.start) + 1
        col = f.start - (original.rfind("\n", 0, f.start) + 1) + 1
        text = Text(f"  {line}:{col} ")
        text.append(f"{f.rule} ", style="bold")
        text.append(_text(f"{f.level.value}: {f.message}", keep_lines=False))
        if f.text:
            text.append(f" {f.text!r}", style=FINDING)
        if f.suggestions:
            text.append(_text(" -> " + " | ".join(f.suggestions), "green", keep_lines=False))
        console.print(text)


def make_console(color: bool | None, width: int | None) -> Console:
    """A stdout console; ``color`` None means: colour when stdout is a terminal."""
    kwargs: dict[str, Any] = {"highlight": False, "soft_wrap": False}
    if color is True:
        kwargs["force_terminal"] = True
    elif color is False:
        kwargs["no_color"] = True
        kwargs["color_system"] = None
    if width is not None:
        kwargs["width"] = width
    return Console(**kwargs)
