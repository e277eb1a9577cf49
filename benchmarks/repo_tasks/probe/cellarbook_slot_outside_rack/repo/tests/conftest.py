import pytest

from cellarbook.cellar import Cellar
from cellarbook.racks import Rack
from cellarbook.wines import Wine

BAROLO = Wine("Vietti", "Barolo Castiglione", 2019, "red", 2025, 2040)
RIOJA = Wine("La Rioja Alta", "Vina Ardanza", 2016, "red", 2022, 2035)
CHABLIS = Wine("Fevre", "Chablis", 2021, "white", 2022, 2024)
CHAMPAGNE = Wine("Bollinger", "Special Cuvee", 0, "sparkling", 2020, 2030)


@pytest.fixture
def cellar():
    return Cellar([Rack("North", rows=6, columns=8), Rack("Door", rows=2, columns=3)])
