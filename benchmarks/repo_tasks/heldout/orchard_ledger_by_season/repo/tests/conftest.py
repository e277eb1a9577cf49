from datetime import date

import pytest

from orchard.harvest import HarvestLedger
from tests.sample import TREES


@pytest.fixture
def ledger():
    ledger = HarvestLedger(TREES)
    ledger.record("R1-01", date(2022, 9, 30), 38.0, "I")
    ledger.record("R1-02", date(2022, 9, 21), 12.5, "extra")
    ledger.record("R2-01", date(2022, 9, 14), 20.0, "II")
    ledger.record("R1-01", date(2023, 10, 2), 44.0, "I")
    ledger.record("R1-01", date(2023, 10, 2), 6.0, "juice")
    ledger.record("R2-03", date(2023, 9, 25), 9.5, "extra")
    ledger.record("R1-02", date(2023, 9, 19), 15.0, "class ii")
    return ledger
