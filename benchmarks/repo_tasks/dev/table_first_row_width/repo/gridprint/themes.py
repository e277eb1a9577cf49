"""Border styles."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    corner: str
    horizontal: str
    vertical: str
    outer_rules: bool = True   # draw rules above the header and below the last row


THEMES = {
    "ascii": Theme("+", "-", "|"),
    "rounded": Theme("·", "─", "│"),
    "markdown": Theme("|", "-", "|", outer_rules=False),
}


def get_theme(name: str) -> Theme:
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r}; choose from {', '.join(THEMES)}") from None
