"""Old text + new text -> a unified diff that `git apply` accepts, checked by parsing it back."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import unidiff

from dcx.encoding import UTF8, diff_codec, diff_prefix
from dcx.errors import PatchError

NO_NEWLINE = "\\ No newline at end of file\n"


@dataclass(frozen=True)
class FileChange:
    path: str
    old: str | None  # None: a new file
    new: str
    mode: int = 0o644
    encoding: str = UTF8  # the file's encoding (dcx.encoding), kept when it is written

    @property
    def is_new(self) -> bool:
        return self.old is None

    def diff_texts(self) -> tuple[list[str], list[str]]:
        """Old and new lines as the diff shows them (a byte-order mark starts the first line)."""
        prefix = diff_prefix(self.encoding)
        old = split_lines(prefix + self.old) if self.old is not None else []
        return old, split_lines(prefix + self.new)


def split_lines(text: str) -> list[str]:
    """Lines with their endings kept, split on "\\n" only (str.splitlines also splits on \\f etc.)."""
    if not text:
        return []
    pieces = text.split("\n")
    lines = [piece + "\n" for piece in pieces[:-1]]
    if pieces[-1]:
        lines.append(pieces[-1])
    return lines


def ending_near(lines: list[str], index: int, default: str = "\n") -> str:
    """The line ending used around ``lines[index]`` (files may mix them): that line's own, else
    the line before's, else ``default``."""
    for i in (index, index - 1):
        if 0 <= i < len(lines) and lines[i].endswith("\n"):
            return "\r\n" if lines[i].endswith("\r\n") else "\n"
    return default


def dominant_ending(text: str) -> str:
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"


def _emit(line: str, prefix: str, out: list[str]) -> None:
    if line.endswith("\n"):
        out.append(prefix + line)
    else:
        out.append(prefix + line + "\n")
        out.append(NO_NEWLINE)


def _range(start: int, count: int) -> str:
    if count == 1:
        return str(start + 1)
    # an empty range names the line before it (0 for the start of the file)
    return f"{start + 1 if count else start},{count}"


def file_diff(change: FileChange, context: int = 3) -> str:
    old_lines, new_lines = change.diff_texts()
    if change.old is not None and old_lines == new_lines:
        return ""
    out = [f"diff --git a/{change.path} b/{change.path}\n"]
    if change.is_new:
        mode = "100755" if change.mode & 0o111 else "100644"
        out += [f"new file mode {mode}\n", "--- /dev/null\n", f"+++ b/{change.path}\n"]
    else:
        out += [f"--- a/{change.path}\n", f"+++ b/{change.path}\n"]
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        a0, a1 = group[0][1], group[-1][2]
        b0, b1 = group[0][3], group[-1][4]
        out.append(f"@@ -{_range(a0, a1 - a0)} +{_range(b0, b1 - b0)} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for line in old_lines[i1:i2]:
                    _emit(line, " ", out)
                continue
            for line in old_lines[i1:i2]:
                _emit(line, "-", out)
            for line in new_lines[j1:j2]:
                _emit(line, "+", out)
    return "".join(out)


def build_patch(changes: list[FileChange]) -> str:
    """One unified diff for all changes, validated by parsing it back with unidiff."""
    diff = "".join(file_diff(change) for change in changes)
    if diff:
        validate(diff, changes)
    return diff


def patch_bytes(changes: list[FileChange] | tuple[FileChange, ...]) -> bytes:
    """The diff as bytes, each file's part in that file's encoding, as `git apply` needs it."""
    return b"".join(_file_diff_bytes(c) for c in changes)


def _file_diff_bytes(change: FileChange) -> bytes:
    """Headers in UTF-8 (paths are UTF-8 to git, whatever the file holds), hunks in the file's
    encoding."""
    text = file_diff(change)
    cut = text.find("\n@@ ") + 1 or len(text)
    return text[:cut].encode(UTF8) + text[cut:].encode(diff_codec(change.encoding))


def validate(diff: str, changes: list[FileChange]) -> None:
    try:
        patch = unidiff.PatchSet(diff)
    except unidiff.UnidiffParseError as exc:
        raise PatchError(f"dcx built a diff it cannot parse back ({exc}); please report this") from None
    expected = {c.path: c for c in changes if c.old is None or split_lines(c.old) != split_lines(c.new)}
    if {p.path for p in patch} != set(expected):
        raise PatchError("the built diff does not name the changed files; please report this")
    for patched in patch:
        change = expected[patched.path]
        old, new = change.diff_texts()
        removed = sum(1 for hunk in patched for line in hunk if line.is_removed)
        added = sum(1 for hunk in patched for line in hunk if line.is_added)
        opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        want_removed = sum(i2 - i1 for tag, i1, i2, _, _ in opcodes if tag != "equal")
        want_added = sum(j2 - j1 for tag, _, _, j1, j2 in opcodes if tag != "equal")
        if (removed, added) != (want_removed, want_added):
            raise PatchError(f"the built diff for {patched.path} miscounts lines; please report this")
