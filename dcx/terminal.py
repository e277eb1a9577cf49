"""Text from a model, or from a file, is shown on the user's terminal: escape sequences in it
would be obeyed (OSC 52 writes the clipboard, others retitle the window, move the cursor, or
hide a line behind a carriage return). Prose is stripped of them; a diff, whose bytes must stay
exact when redirected, has them made visible (``\\x1b``) only when it goes to a terminal."""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings (ended by BEL or
# ESC \\, or unterminated), and two-character escapes; then their 8-bit C1 forms.
_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|$)"
    r"|\x1b[ -/]*[0-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|[\x90\x98\x9d\x9e\x9f].*?(?:\x07|\x9c|$)",
    re.S,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # keeps \t and \n
# in a diff: controls but \t, \n and a \r that ends a line (CRLF files), as characters or as
# bytes that are not UTF-8 (a Latin-1 file's 0x80-0x9f reach the terminal as raw bytes)
_DIFF_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\udc80-\udc9f]|\r(?!\n)")


def plain_text(text: str) -> str:
    """``text`` without escape sequences or control characters (\\n and \\t stay)."""
    return _CONTROL.sub("", _SEQUENCE.sub("", text))


def visible_bytes(data: bytes) -> bytes:
    """``data`` (a diff) with every control character written out (``\\x1b``), for a terminal;
    other bytes stay as they are."""
    text = data.decode("utf-8", "surrogateescape")
    return _DIFF_CONTROL.sub(_escape, text).encode("utf-8", "surrogateescape")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char) - 0xDC00 if "\udc80" <= char <= "\udc9f" else ord(char)
    return f"\\x{code:02x}"
