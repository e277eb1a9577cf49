"""Library members and their borrowing limits."""

from dataclasses import dataclass

TIERS = {
    # tier: maximum number of books on loan at once
    "standard": 5,
    "student": 8,
    "senior": 5,
}


@dataclass(frozen=True)
class Member:
    member_id: str
    name: str
    email: str
    tier: str = "standard"

    def __post_init__(self):
        if self.tier not in TIERS:
            raise ValueError(f"unknown tier: {self.tier}")

    @property
    def loan_limit(self) -> int:
        return TIERS[self.tier]
