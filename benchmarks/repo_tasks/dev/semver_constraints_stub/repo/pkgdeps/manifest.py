"""Reading dependency manifests."""

from dataclasses import dataclass

from .names import normalise_name


@dataclass(frozen=True)
class Requirement:
    name: str
    constraint: str = "*"


def parse_manifest(text: str):
    """Parse ``name constraint`` lines; ``#`` starts a comment.

    A missing constraint means ``*``.  Names are normalised, and a package
    may only be listed once.
    """
    requirements = []
    seen = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name, _, constraint = line.partition(" ")
        name = normalise_name(name)
        if name in seen:
            raise ValueError(f"line {number}: {name} is listed twice")
        seen.add(name)
        requirements.append(Requirement(name, constraint.strip() or "*"))
    return requirements


def format_manifest(requirements) -> str:
    width = max((len(r.name) for r in requirements), default=0)
    return "".join(f"{r.name:<{width}}  {r.constraint}\n" for r in requirements)
