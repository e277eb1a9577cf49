"""The git working tree dcx works in: root, files, status, and the rules for touching paths."""

from __future__ import annotations

import fnmatch
import os
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

import git

from dcx.encoding import UTF8, decode
from dcx.errors import NotARepositoryError, PathError, RepositoryStateError
from dcx.patch import dominant_ending

SECRET_PATTERNS = (".env", ".env.*", "*.pem", "*.key", "id_rsa*", "id_dsa*", "id_ecdsa*",
                   "id_ed25519*", ".netrc", "*.p12", "*.pfx")
IGNORE_FILE = ".dcxignore"  # more paths dcx must never read or write, one pattern per line
MAX_FILE_BYTES = 512 * 1024  # larger files are not read for the models
_BINARY_SNIFF = 8192


@dataclass(frozen=True)
class FileText:
    """A text file as read from the working tree; ``raw`` is kept to detect later changes."""

    path: str  # repository-relative, POSIX separators
    text: str
    newline: str  # the file's dominant line ending: "\n" or "\r\n"
    mode: int
    raw: bytes
    encoding: str = UTF8  # see dcx.encoding; ``raw`` is ``text`` in it


class Workspace:
    def __init__(self, start: Path | str = ".") -> None:
        start = Path(start).resolve()
        try:
            self.repo = git.Repo(start, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise NotARepositoryError(str(start)) from None
        if self.repo.bare or self.repo.working_tree_dir is None:
            raise RepositoryStateError(
                f"{self.repo.git_dir} is a bare repository (no working tree); run dcx in a clone "
                "with a working tree"
            )
        self.root = Path(self.repo.working_tree_dir).resolve()
        self.cwd = start if start.is_dir() else start.parent

    # -- listing -------------------------------------------------------------------------

    @cached_property
    def all_files(self) -> tuple[str, ...]:
        """Tracked files plus untracked files that are not ignored, as they exist on disk (denied
        files included: a scratch copy for running tests needs them; models never see them)."""
        out = self.repo.git.ls_files("-z", "--cached", "--others", "--exclude-standard")
        seen: dict[str, None] = {}
        for name in out.split("\0"):
            if name and name not in seen and (self.root / name).is_file():
                seen[name] = None
        return tuple(sorted(seen))

    @cached_property
    def files(self) -> tuple[str, ...]:
        """The files dcx may show the models: ``all_files`` without denied ones."""
        return tuple(p for p in self.all_files if self._denied(tuple(p.split("/"))) is None)

    @cached_property
    def ignore_patterns(self) -> tuple[str, ...]:
        """Patterns of .dcxignore at the root: `*.sql`, `secrets/`, `config/prod.yaml`."""
        try:
            lines = (self.root / IGNORE_FILE).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return ()
        return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))

    def _denied(self, parts: tuple[str, ...]) -> str | None:
        """Why dcx must not touch this path (a repository path split in parts), or None."""
        if any(p.lower() == ".git" for p in parts):
            return "files under .git/ are off limits"
        name = parts[-1]
        if name == IGNORE_FILE or any(fnmatch.fnmatch(name, pattern) for pattern in SECRET_PATTERNS):
            return f"looks like a secret ({name}); dcx never reads or writes it"
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        for pattern in self.ignore_patterns:
            bare = pattern.strip("/").removeprefix("**/")
            candidates = prefixes[:-1] if pattern.endswith("/") else prefixes
            if "/" in bare:  # anchored at the root, as in .gitignore
                hit = any(fnmatch.fnmatch(p, bare) for p in candidates)
            else:  # a name at any depth: the file itself or a folder above it
                hit = any(fnmatch.fnmatch(p.rsplit("/", 1)[-1], bare) for p in candidates)
            if hit:
                return f"denied by {IGNORE_FILE} ({pattern})"
        return None

    def index_lock(self) -> Path | None:
        """git's index lock when it exists (another git process runs, or one crashed); dcx
        reports it and never removes it."""
        lock = Path(self.repo.git_dir) / "index.lock"
        return lock if lock.exists() else None

    def changed(self) -> tuple[str, ...]:
        """Paths with staged or unstaged changes (untracked files included)."""
        out = self.repo.git.status("--porcelain=v1", "-z", "--untracked-files=all")
        paths, entries, i = [], out.split("\0"), 0
        while i < len(entries):
            entry = entries[i]
            if len(entry) > 3:
                paths.append(entry[3:])
                if entry[0] in "RC":  # a rename is followed by its source path
                    i += 1
            i += 1
        return tuple(paths)

    # -- path rules ----------------------------------------------------------------------

    def relative(self, user_path: str) -> str:
        """A path typed by the user (relative to the current directory) as a repository path."""
        target = (self.cwd / user_path).resolve() if not os.path.isabs(user_path) else Path(user_path).resolve()
        try:
            rel = target.relative_to(self.root)
        except ValueError:
            raise PathError(f"{user_path} is outside the repository {self.root}") from None
        return self.check_path(rel.as_posix())

    def check_path(self, path: str) -> str:
        """Normalise a repository path and refuse anything outside the rules (see DESIGN.md)."""
        if not path or not path.strip():
            raise PathError("empty path")
        if path.startswith("/") or os.path.isabs(path) or "\\" in path:
            raise PathError(f"{path}: give a path relative to the repository root")
        parts = PurePosixPath(path).parts
        if ".." in parts:
            raise PathError(f"{path}: paths may not contain '..'")
        parts = tuple(p for p in parts if p != ".")
        if not parts:
            raise PathError(f"{path}: not a file path")
        denied = self._denied(parts)
        if denied:
            raise PathError(f"{path}: {denied}")
        current = self.root
        for part in parts:
            current = current / part
            if current.is_symlink():
                raise PathError(f"{path}: goes through a symbolic link; dcx does not follow them")
        try:
            current.resolve().relative_to(self.root)
        except ValueError:
            raise PathError(f"{path}: resolves outside the repository") from None
        return "/".join(parts)

    def is_ignored(self, path: str) -> bool:
        return bool(self.repo.ignored(path))

    # -- reading -------------------------------------------------------------------------

    def read(self, path: str, max_bytes: int = MAX_FILE_BYTES) -> FileText:
        path = self.check_path(path)
        full = self.root / path
        if not full.exists():
            raise PathError(f"{path} does not exist in the working tree")
        if not full.is_file():
            raise PathError(f"{path} is not a regular file")
        if path not in self.files and self.is_ignored(path):
            raise PathError(f"{path} is ignored by git; dcx leaves ignored files alone")
        size = full.stat().st_size
        if size > max_bytes:
            raise PathError(
                f"{path} is {size // 1024} KiB, over dcx's {max_bytes // 1024} KiB limit for a file "
                "it reads; point dcx at a smaller file"
            )
        try:
            raw = full.read_bytes()
        except OSError as exc:
            raise PathError(f"cannot read {path}: {exc.strerror}") from None
        if b"\0" in raw[:_BINARY_SNIFF] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise PathError(f"{path} is a binary file; dcx only edits text")
        text, encoding = decode(raw, path)
        mode = stat.S_IMODE(full.stat().st_mode)
        return FileText(path, text, dominant_ending(text), mode, raw, encoding)

    def readable(self, path: str) -> bool:
        try:
            self.read(path)
        except PathError:
            return False
        return True
