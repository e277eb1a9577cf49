"""One error base for everything a user can cause or fix; each message says what to do."""

from __future__ import annotations


class DcxError(Exception):
    """A user-facing error: the CLI prints ``Error: <message>`` and exits with ``exit_code``."""

    exit_code = 1


class NotARepositoryError(DcxError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path} is not inside a git repository; run dcx from a repository's work tree "
            "(or create one with `git init`)"
        )


class RepositoryStateError(DcxError):
    """The repository exists but cannot be used as it is (bare, no work tree, ...)."""


class PathError(DcxError):
    """A path given by the user or named by a model is not allowed or does not exist."""


class ConfigError(DcxError):
    exit_code = 2


class ModelError(DcxError):
    """A model file is missing, corrupt, or cannot be loaded."""


class BackendError(DcxError):
    """A model backend failed while generating."""


class StepLimitError(DcxError):
    def __init__(self, steps: int) -> None:
        super().__init__(
            f"the router used all {steps} steps without finishing; name the file to change "
            "on the command line, make the request more specific, or raise --max-steps"
        )


class CodeGenerationError(DcxError):
    """The code model did not produce valid code for a target within its retries."""


class PatchError(DcxError):
    """A patch could not be built or failed validation."""


class ApplyError(DcxError):
    """A patch could not be written or staged; the working tree was left as it was."""


class InputError(DcxError):
    exit_code = 2


class RollbackError(ApplyError):
    """Writing failed and so did putting back a file already written: the backup must be kept."""


class AppliedError(ApplyError):
    """The change is in the working tree, but a step after writing it (staging, recording the
    backup as done) failed; `dcx undo` reverts it."""


class RepositoryBusyError(DcxError):
    """Another dcx holds the repository's lock: it is writing or undoing a change."""


class UndoError(DcxError):
    """There is nothing to undo, or undoing would lose work."""
