"""Fitting text into a limited width."""


def truncate(text: str, width: int, marker: str = "…") -> str:
    """Cut *text* to at most *width* characters, ending with *marker* if cut."""
    if width < len(marker):
        raise ValueError("width is smaller than the truncation marker")
    if len(text) <= width:
        return text
    return text[: width - len(marker)] + marker


def pad(text: str, width: int, align: str = "left") -> str:
    if align == "right":
        return text.rjust(width)
    if align == "center":
        return text.center(width)
    return text.ljust(width)
