from decimal import Decimal

import pytest

from dispensary.drugs import Drug, Formulary


@pytest.fixture
def formulary():
    return Formulary([
        Drug("AMOX500", "Amoxicillin 500mg", "capsules", Decimal("0.09")),
        Drug("PARA500", "Paracetamol 500mg", "tablets", Decimal("0.02")),
        Drug("MORPH10", "Morphine sulfate 10mg", "tablets", Decimal("0.35"), controlled=True),
        Drug("LACT", "Lactulose solution", "ml", Decimal("0.01")),
    ])
