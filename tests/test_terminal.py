"""Escape sequences in text shown on a terminal: stripped from prose, made visible in a diff."""

from __future__ import annotations

import pytest

from dcx.terminal import plain_text, visible_bytes

OSC52 = "\x1b]52;c;cm0gLXJmIH4K\x07"  # writes "rm -rf ~" to the clipboard


@pytest.mark.parametrize("text, plain", [
    (f"fixed{OSC52} it", "fixed it"),
    ("\x1b]0;new title\x1b\\done", "done"),  # OSC ended by ST
    ("\x1b[2J\x1b[1;31mred\x1b[0m", "red"),  # clear screen, colours
    ("a\x1b(0b\x1b=c", "abc"),  # character set, keypad mode
    ("hidden\rshown", "hiddenshown"),  # a carriage return cannot hide text
    ("\x9b2Jc1\x9d0;t\x9cend", "c1end"),  # 8-bit CSI and OSC
    ("line one\n\tindented\x07\x00", "line one\n\tindented"),
    (f"cut short {OSC52[:-1]}", "cut short "),  # an OSC never ended swallows the rest
])
def test_plain_text_strips_sequences_and_controls_but_keeps_lines_and_tabs(text, plain) -> None:
    assert plain_text(text) == plain


def test_visible_bytes_shows_controls_and_keeps_every_other_byte() -> None:
    diff = ("+x = '\x1b]52;c;e30K\x07'\r\n+tab\there\n+s = 'caf\xe9 \u2014 \x9b'\n"
            "+cr\rover\n").encode() + "+latin = 'caf\xe9 \x85'\n".encode("latin-1")
    shown = visible_bytes(diff)
    assert shown == (b"+x = '\\x1b]52;c;e30K\\x07'\r\n+tab\there\n"
                     + "+s = 'caf\xe9 \u2014 \\x9b'\n".encode() + b"+cr\\x0dover\n"
                     + "+latin = 'caf\xe9 \\x85'\n".encode("latin-1"))
    assert b"\x1b" not in shown and b"\x07" not in shown
