"""A single race: finishes and retirements as the race officer records them."""
from __future__ import annotations

from .boats import Fleet
from .timing import corrected, format_elapsed, parse_elapsed

PENALTY_CODES = ("DNS", "DNF", "RET", "DSQ", "OCS")


class Race:
    def __init__(self, number: int, fleet: Fleet) -> None:
        self.number = number
        self.fleet = fleet
        self._elapsed: dict[str, int] = {}
        self._codes: dict[str, str] = {}

    def record_finish(self, sail_number: str, elapsed: str) -> int:
        """Record a finisher's elapsed time; returns the corrected time in seconds."""
        boat = self.fleet[sail_number]
        seconds = parse_elapsed(elapsed)
        self._codes.pop(sail_number, None)
        self._elapsed[sail_number] = seconds
        return corrected(seconds, boat.py)

    def record_code(self, sail_number: str, code: str) -> None:
        """Record a non-finisher (DNF, DSQ, ...)."""
        self.fleet[sail_number]
        code = code.upper()
        if code not in PENALTY_CODES:
            raise ValueError(f"unknown scoring code {code!r}")
        self._elapsed.pop(sail_number, None)
        self._codes[sail_number] = code

    def results(self) -> list[tuple[str, int]]:
        """(sail number, corrected seconds) for finishers, fastest first."""
        rows = [(sail, corrected(secs, self.fleet[sail].py)) for sail, secs in self._elapsed.items()]
        return sorted(rows, key=lambda row: (row[1], row[0]))

    def codes(self) -> dict[str, str]:
        return dict(self._codes)

    def sheet(self) -> list[str]:
        """Printable results sheet lines."""
        lines = [f"Race {self.number}"]
        for place, (sail, corr) in enumerate(self.results(), start=1):
            boat = self.fleet[sail]
            elapsed = format_elapsed(self._elapsed[sail])
            lines.append(f"{place:>2}. {sail:<6} {boat.helm:<12} {elapsed}  {format_elapsed(corr)}")
        for sail, code in sorted(self._codes.items()):
            lines.append(f"    {sail:<6} {self.fleet[sail].helm:<12} {code}")
        return lines
