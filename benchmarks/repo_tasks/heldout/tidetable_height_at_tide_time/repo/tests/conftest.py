import pytest

from tidetable.tides import parse_table

MARCH = """
# Porthleven, times GMT, heights above chart datum
2024-03-10 04:12 LW 0.9
2024-03-10 10:25 HW 5.1
2024-03-10 16:37 LW 0.8
2024-03-10 22:50 HW 5.0
2024-03-11 05:01 LW 1.0
"""


@pytest.fixture
def events():
    return parse_table(MARCH)
