"""Text encodings of the files dcx edits: found when a file is read, kept when it is written.

UTF-8 is the rule. A UTF-8 byte-order mark is kept. A file may declare its encoding in its first
two lines (PEP 263's ``# -*- coding: latin-1 -*-``, vim's ``fileencoding=cp1252``, in any comment
style); one that is not UTF-8 and declares nothing is read as Windows-1252, or Latin-1 where
cp1252 leaves a byte undefined. Whichever it is, the bytes must come back exactly from the text
(checked at reading), so lines dcx does not change stay byte for byte as they were.
"""

from __future__ import annotations

import codecs
import re

from dcx.errors import PathError

UTF8 = "utf-8"
UTF8_BOM = "utf-8-sig"  # UTF-8 after a byte-order mark (the mark is not part of the text)
FALLBACKS = ("cp1252", "latin-1")
# a comment in the first two lines that says ``coding: NAME`` or ``coding=NAME``
# (a ``"`` comment only as a vim script's modeline: elsewhere it starts a string or docstring)
_COOKIE = re.compile(rb"^[ \t\f]*(?:#|//|/\*|<!--|--|;|%|\"(?=[ \t]*(?:vim?|ex):)|@?rem\b)"
                     rb".*?coding[:=][ \t]*([-\w.]+)", re.I)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def declared(raw: bytes) -> str | None:
    """The encoding the first two lines declare (a Python codec name), or None."""
    for line in raw.split(b"\n", 2)[:2]:
        match = _COOKIE.search(line)
        if match:
            try:
                info = codecs.lookup(match.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                return None
            return info.name if getattr(info, "_is_text_encoding", True) else None
    return None


def decode(raw: bytes, path: str) -> tuple[str, str]:
    """(text, encoding) of a file's bytes; PathError when dcx cannot edit it safely."""
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[len(codecs.BOM_UTF8):].decode(UTF8), UTF8_BOM
        except UnicodeDecodeError:
            raise PathError(f"{path} starts with a UTF-8 byte-order mark but is not UTF-8; "
                            "fix its encoding first") from None
    if raw.startswith(_UTF16_BOMS):
        raise PathError(f"{path} is UTF-16 or UTF-32 text; dcx edits UTF-8 and 8-bit encodings: "
                        "convert it to UTF-8 first")
    name = declared(raw)
    candidates = ([name] if name and name != UTF8 else []) + [UTF8] + ([] if name else list(FALLBACKS))
    for encoding in candidates:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != UTF8 and text.encode(encoding) != raw:
            continue  # would not come back byte for byte
        return text, encoding
    raise PathError(f"{path} is not valid {name or 'UTF-8'} text; dcx only edits files whose "
                    "bytes it can keep exactly")


def encode(text: str, encoding: str, path: str = "") -> bytes:
    """The bytes to write for ``text`` in the file's ``encoding``; PathError when the text holds
    a character that encoding cannot carry."""
    if encoding == UTF8:
        return text.encode(UTF8)
    if encoding == UTF8_BOM:
        return codecs.BOM_UTF8 + text.encode(UTF8)
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start:exc.end]
        raise PathError(f"the new text of {path or 'a file'} holds {char!r}, which its encoding "
                        f"({encoding}) cannot carry") from None


def output_text(raw: bytes) -> str:
    """Text of bytes a program printed (a check, git grep): UTF-8, with U+FFFD for bytes that
    are not, and universal newlines (as Python's text mode reads them). Never raises."""
    text = raw.decode(UTF8, errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_encodable(text: str, encoding: str, path: str) -> None:
    encode(text, encoding, path)


def diff_codec(encoding: str) -> str:
    """How the diff of a file in ``encoding`` is written (the mark is in the diff's text)."""
    return UTF8 if encoding == UTF8_BOM else encoding


def diff_prefix(encoding: str) -> str:
    """What the first line of the file holds before its text, as the diff must show it."""
    return "\ufeff" if encoding == UTF8_BOM else ""
