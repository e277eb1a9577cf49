"""Rendering rows as a bordered text table."""

from .cells import format_cell, is_numeric
from .themes import get_theme
from .wrap import pad, truncate


def column_widths(headers, rows, max_width=None):
    """Width of each column: its longest cell or header, capped at *max_width*."""
    widths = [len(str(h)) for h in headers]
    for row in rows[1:]:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], len(format_cell(value)))
    if max_width is not None:
        widths = [min(w, max_width) for w in widths]
    return widths


def _rule(widths, theme):
    return theme.corner + theme.corner.join(theme.horizontal * (w + 2) for w in widths) + theme.corner


def _line(cells, widths, aligns, theme):
    parts = [f" {pad(truncate(text, w), w, align)} " for text, w, align in zip(cells, widths, aligns)]
    return theme.vertical + theme.vertical.join(parts) + theme.vertical


def render_table(headers, rows, theme="ascii", max_width=None) -> str:
    """Render *rows* (lists of values) under *headers* as a text table."""
    rows = [list(r) for r in rows]
    for r in rows:
        if len(r) != len(headers):
            raise ValueError(f"row has {len(r)} cells, expected {len(headers)}")
    style = get_theme(theme)
    widths = column_widths(headers, rows, max_width)
    numeric = [bool(rows) and all(is_numeric(r[i]) or r[i] is None for r in rows)
               for i in range(len(headers))]
    aligns = ["right" if n else "left" for n in numeric]
    lines = []
    if style.outer_rules:
        lines.append(_rule(widths, style))
    lines.append(_line([str(h) for h in headers], widths, ["left"] * len(headers), style))
    lines.append(_rule(widths, style))
    for r in rows:
        lines.append(_line([format_cell(v) for v in r], widths, aligns, style))
    if style.outer_rules and rows:
        lines.append(_rule(widths, style))
    return "\n".join(lines)
