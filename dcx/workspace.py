"""The git working tree dcx works in: root, files, status, and the rules for touching paths."""

from __future__ import annotations

import fnmatch
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

import git

from dcx.encoding import UTF8, decode
from dcx.errors import NotARepositoryError, PathError, RepositoryStateError
from dcx.patch import FileChange, dominant_ending

# Credential files, denied for reading, writing, listing, searching and prompts. Keep this list
# and documentation/reliability.md ("Repositories and paths") the same. Matched case-insensitively
# (a case-insensitive file system opens `.ENV` as `.env`) against every part of a path, so a
# folder matching one (cookiecutter's `.envs/.production/.django`) hides what is under it.
# Credential files by name, at any depth, in any case; "*" after a name covers its copies
# (`.netrc.bak`, `.git-credentials~`).
SECRET_NAMES = (".env*", "*.env", ".git-credentials*", ".npmrc*", ".pypirc*", ".netrc*", "_netrc*",
                ".pgpass*", ".htpasswd*", ".s3cfg*", ".boto*", ".vault-token*", ".my.cnf*",
                ".yarnrc.yml*", "auth.json", "credentials.json", "*service*account*.json",
                "secrets.json", "secrets.yaml", "secrets.yml", "secrets.toml", "*.tfvars",
                "*.tfvars.json", "*.tfstate*", "*.pem", "*.key", "*.p12", "*.pfx", "*.kdbx",
                "*.keystore", "*.jks", "id_rsa*", "id_dsa*", "id_ecdsa*", "id_ed25519*",
                "wp-config.php*")  # WordPress's database password and keys
_SECRET_NAME = re.compile("|".join(fnmatch.translate(pattern) for pattern in SECRET_NAMES))
SECRET_FOLDERS = (".ssh", ".aws", ".gnupg", ".kube")  # every file under them (AWS's config too)
SECRET_FILES_IN = ((".docker", "config.json"), (".cargo", "credentials"), (".cargo", "credentials.toml"),
                   ("gh", "hosts.yml"), (".m2", "settings.xml"), (".gradle", "gradle.properties"))
IGNORE_FILE = ".dcxignore"  # more paths dcx must never read or write, one pattern per line
CONFIG_FILE = ".dcx.toml"  # dcx's repository settings: a model must not change how dcx runs
MAX_FILE_BYTES = 512 * 1024  # larger files are not read for the models
_BINARY_SNIFF = 8192
# Characters no path dcx works on may hold: controls (a newline or tab breaks a diff header, a
# NUL ends a name), invisible format characters (right-to-left overrides disguise a name), line
# and paragraph separators, and surrogates (Python's stand-ins for bytes that are not UTF-8).
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def shown(path: str) -> str:
    """``path`` as one printable line for messages: bytes that are not UTF-8 as ``\\xe9``,
    control and invisible characters escaped."""
    out = []
    for char in path:
        if "\udc80" <= char <= "\udcff":  # a byte os.fsdecode could not decode
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        elif unicodedata.category(char) in _REFUSED_CATEGORIES:
            out.append(_ESCAPES.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100
                                              else f"\\u{ord(char):04x}"))
        else:
            out.append(char)
    return "".join(out)


def name_problem(path: str) -> str | None:
    """Why dcx cannot carry ``path`` through prompts, diffs and git, or None."""
    if path.isprintable() and " b/" not in path:  # the usual case, quickly
        return None
    if any("\udc80" <= char <= "\udcff" for char in path):
        return ("its name is not valid UTF-8, which dcx cannot show a model or put in a diff; "
                "rename it to UTF-8 (git mv) to work on it")
    if any(unicodedata.category(char) in _REFUSED_CATEGORIES for char in path):
        return ("its name holds a control or invisible character, which a diff header cannot "
                "carry; use a plain name")
    if " b/" in path:  # `diff --git a/X b/X` cannot be split back when X holds " b/"
        return "a folder name ending in ' b' is ambiguous in a diff header; rename the folder"
    return None


def _secret(parts: tuple[str, ...]) -> bool:
    """Whether a path (split in parts) is a credential file, by SECRET_NAMES and the folders."""
    lowered = tuple(p.lower() for p in parts)
    if any(_SECRET_NAME.match(p) for p in lowered):
        return True
    folders = lowered[:-1]
    return any(f in folders for f in SECRET_FOLDERS) or any(
        folder in folders and lowered[-1] == name for folder, name in SECRET_FILES_IN)


def _git_message(exc: git.GitCommandError) -> str:
    """The first line git printed on failing (GitPython wraps it as ``stderr: '...'``)."""
    text = str(exc.stderr or "").strip().removeprefix("stderr:").strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        text = text[1:-1]
    return text.splitlines()[0] if text else f"exit status {exc.status}"


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
    # Changes that are not written but that this workspace reads as made (dcx.overlay's pending
    # change): a scratch copy lays them over the tree's files, so that tests see them too.
    laid_over: tuple[FileChange, ...] = ()

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
        self._holds_git: dict[str, bool] = {}  # folder -> whether it has a .git of its own

    # -- listing -------------------------------------------------------------------------

    @cached_property
    def all_files(self) -> tuple[str, ...]:
        """Tracked files (a submodule's too) plus untracked files that are not ignored, as they
        exist on disk (denied files included: a scratch copy for running tests needs them;
        models never see them)."""
        names = self.repo.git.ls_files("-z", "--cached", "--others", "--exclude-standard").split("\0")
        if self.submodules:
            names += self.repo.git.ls_files("-z", "--recurse-submodules").split("\0")
        seen = {name: None for name in names if name and (self.root / name).is_file()}
        return tuple(sorted(seen))

    @cached_property
    def files(self) -> tuple[str, ...]:
        """The files dcx may show the models: ``all_files`` without denied ones, those inside
        submodules, and those whose names a prompt or a diff cannot carry."""
        return tuple(p for p in self.all_files if self._listable(p))

    @cached_property
    def submodules(self) -> frozenset[str]:
        """Paths of the submodules (gitlinks in the index), whether checked out or not."""
        out = self.repo.git.ls_files("-z", "--stage")
        return frozenset(entry.split("\t", 1)[1] for entry in out.split("\0")
                         if entry.startswith("160000 ") and "\t" in entry)

    @cached_property
    def ignore_patterns(self) -> tuple[str, ...]:
        """Patterns of .dcxignore at the root: `*.sql`, `secrets/`, `config/prod.yaml`."""
        try:
            lines = (self.root / IGNORE_FILE).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return ()
        return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))

    def _listable(self, path: str) -> bool:
        """Whether a listed file may be shown to the models (check_path's rules that need no
        look at the disk beyond .git folders)."""
        parts = tuple(path.split("/"))
        return (name_problem(path) is None and self._denied(parts) is None
                and self._nested_repository(path, parts) is None)

    def _denied(self, parts: tuple[str, ...]) -> str | None:
        """Why dcx must not touch this path (a repository path split in parts), or None."""
        if any(p.lower() == ".git" for p in parts):
            return "files under .git/ are off limits"
        name = parts[-1]
        if name.lower() in (IGNORE_FILE, CONFIG_FILE):  # .DCX.toml is the same file on macOS
            return f"{name} is dcx's own configuration, off limits like .git/"
        if _secret(parts):
            return "looks like a secret (a credential file); dcx never reads, writes or lists it"
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

    def _nested_repository(self, path: str, parts: tuple[str, ...]) -> str | None:
        """Why ``path`` belongs to another repository (a submodule, or a folder with its own
        .git), whose files git here cannot check, stage or search; or None."""
        for depth in range(1, len(parts) + 1):
            folder = "/".join(parts[:depth])
            if folder in self.submodules:
                if depth == len(parts):
                    return f"{path} is the submodule {folder}; run dcx inside it"
                return f"{path} is inside the submodule {folder}; run dcx inside it"
            if depth < len(parts) and self._has_own_git(folder):
                return f"{path} is inside {folder}, a git repository of its own; run dcx inside it"
        return None

    def _has_own_git(self, folder: str) -> bool:
        if folder not in self._holds_git:
            self._holds_git[folder] = os.path.lexists(self.root / folder / ".git")
        return self._holds_git[folder]

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
        given = Path(user_path)
        target = (given if given.is_absolute() else self.cwd / given).resolve()
        try:
            rel = target.relative_to(self.root)
        except ValueError:
            raise PathError(f"{shown(user_path)} is outside the repository {self.root}") from None
        return self.check_path(rel.as_posix())

    def check_path(self, path: str) -> str:
        """Normalise a repository path and refuse anything outside the rules: a path inside the
        work tree and this repository (no symbolic link, no submodule), not under .git/, not a
        secret or dcx's own configuration, not denied by .dcxignore, and a name that prompts and
        diffs can carry."""
        if not path or not path.strip():
            raise PathError("empty path")
        problem = name_problem(path)
        if problem:
            raise PathError(f"{shown(path)}: {problem}")
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
        clean = "/".join(parts)
        nested = self._nested_repository(clean, parts)
        if nested:
            raise PathError(nested)
        return clean

    def is_ignored(self, path: str) -> bool:
        """Whether git ignores ``path``; PathError when git cannot say (give it checked paths)."""
        try:
            self.repo.git.check_ignore("-q", "--", path)
        except git.GitCommandError as exc:
            if exc.status == 1:
                return False
            raise PathError(f"{shown(path)}: git cannot tell whether it is ignored "
                            f"({_git_message(exc)})") from None
        return True

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
