"""Semantic versions and version constraints."""

from functools import total_ordering


@total_ordering
class Version:
    """A semantic version such as ``1.4.2`` or ``2.0.0-rc.1``."""

    def __init__(self, major, minor, patch, prerelease=()):
        """Store the version's parts."""
        raise NotImplementedError

    @classmethod
    def parse(cls, text):
        """Parse a version string."""
        raise NotImplementedError

    def __str__(self):
        """Return the canonical text of the version."""
        raise NotImplementedError

    def __eq__(self, other):
        """Return whether two versions are the same."""
        raise NotImplementedError

    def __hash__(self):
        """Return a hash consistent with equality."""
        raise NotImplementedError

    def __lt__(self, other):
        """Return whether this version has lower precedence than *other*."""
        raise NotImplementedError

    def bump(self, part):
        """Return the next version, bumping "major", "minor" or "patch"."""
        raise NotImplementedError


def satisfies(version, constraint):
    """Return whether *version* meets *constraint*."""
    raise NotImplementedError


def max_satisfying(versions, constraint):
    """Return the highest of *versions* that meets *constraint*, or None."""
    raise NotImplementedError
