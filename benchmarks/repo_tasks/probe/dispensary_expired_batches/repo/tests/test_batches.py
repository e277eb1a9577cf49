from datetime import date

import pytest

from dispensary.batches import Batch, parse_expiry


def test_month_expiry_means_end_of_month():
    assert parse_expiry("02/2024") == date(2024, 2, 29)
    assert parse_expiry("11/2025") == date(2025, 11, 30)


def test_full_date_expiry():
    assert parse_expiry(" 2025-03-14 ") == date(2025, 3, 14)


def test_bad_month():
    with pytest.raises(ValueError):
        parse_expiry("13/2025")


def test_expired_only_after_expiry_day():
    batch = Batch("amox500", "K1", date(2024, 6, 30), 10)
    assert batch.drug_code == "AMOX500"
    assert not batch.is_expired(date(2024, 6, 30))
    assert batch.is_expired(date(2024, 7, 1))
