"""Weight-based doses from the practice formulary."""
from __future__ import annotations

# mg per kg of body weight, per species, given once daily.
FORMULARY = {
    "meloxicam": {"dog": 0.1, "cat": 0.05},
    "amoxicillin": {"dog": 10.0, "cat": 10.0, "ferret": 15.0},
    "enrofloxacin": {"dog": 5.0, "cat": 5.0, "rabbit": 10.0, "ferret": 5.0, "guinea pig": 10.0},
    "buprenorphine": {"dog": 0.02, "cat": 0.02, "rabbit": 0.03},
}
# Strength of the stocked preparation, mg per ml.
CONCENTRATION_MG_PER_ML = {
    "meloxicam": 1.5,
    "amoxicillin": 50.0,
    "enrofloxacin": 25.0,
    "buprenorphine": 0.3,
}


def dose_mg(drug: str, species: str, weight_kg: float) -> float:
    """Daily dose in mg for an animal of the given species and weight."""
    per_kg = FORMULARY[drug.strip().lower()][species]
    return round(per_kg * weight_kg, 2)


def volume_ml(drug: str, mg: float) -> float:
    """Volume of the stocked preparation that contains ``mg``."""
    return round(mg / CONCENTRATION_MG_PER_ML[drug.strip().lower()], 2)
