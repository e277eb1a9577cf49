"""Lock files: the exact version chosen for each package."""


def format_lock(pins: dict) -> str:
    """``name==version`` lines, sorted by name."""
    return "".join(f"{name}=={version}\n" for name, version in sorted(pins.items()))


def parse_lock(text: str) -> dict:
    pins = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, version = line.partition("==")
        if not sep or not name.strip() or not version.strip():
            raise ValueError(f"line {number}: expected name==version")
        pins[name.strip()] = version.strip()
    return pins


def diff_locks(old: dict, new: dict):
    """Human-readable changes between two lock files."""
    changes = []
    for name in sorted(set(old) | set(new)):
        if name not in new:
            changes.append(f"- {name} {old[name]}")
        elif name not in old:
            changes.append(f"+ {name} {new[name]}")
        elif old[name] != new[name]:
            changes.append(f"~ {name} {old[name]} -> {new[name]}")
    return changes
