"""After an edit renames or removes a top-level Python definition that other files still use,
those files are edited next: dcx renames an imported name itself, and asks the code model to
update any other use."""

from __future__ import annotations

from dcx.errors import PathError
from dcx.rename import imports_name, uses_name
from dcx.session import Session
from dcx.targets import language_of, python_symbols
from dcx.tools import ToolCall


def followup_call(session: Session) -> ToolCall | None:
    """The next file to update after a rename or removal, or None when none is left."""
    for old_name, new_name, path in removed_names(session):
        for user in users_of(session, old_name, path):
            key = (user, old_name)
            if key in session.followed_up:
                continue
            session.followed_up.add(key)
            if new_name and imports_name(session.current(user) or "", user, path, old_name):
                return ToolCall("update_references", {"path": user, "module": path,
                                                      "old": old_name, "new": new_name})
            what = f"renamed to {new_name}" if new_name else "removed"
            return ToolCall("generate_code", {
                "path": user, "target": "file",
                "instructions": f"{old_name} in {path} was {what}; update every use of "
                                f"{old_name} in {user} to match."})
    return None


def removed_names(session: Session) -> list[tuple[str, str | None, str]]:
    """Top-level Python definitions the session removed: (old name, new name or None, file)."""
    out = []
    for path, orig in session.originals.items():
        if orig is None or language_of(path) != "python":
            continue
        before = {s.name for s in python_symbols(orig.text) if "." not in s.name}
        after = {s.name for s in python_symbols(session.files[path]) if "." not in s.name}
        gone, added = sorted(before - after), sorted(after - before)
        for name in gone:
            out.append((name, added[0] if len(gone) == 1 and len(added) == 1 else None, path))
    return out


def users_of(session: Session, name: str, module_path: str) -> list[str]:
    """Python files (as edited so far) that still use ``name`` without defining it."""
    users = []
    for path in session.workspace.files:
        if language_of(path) != "python":
            continue
        try:
            text = session.files.get(path) or session.workspace.read(path).text
        except PathError:
            continue
        if uses_name(text, name, path, module_path):
            users.append(path)
    return users
