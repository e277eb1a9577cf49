from datetime import date
from decimal import Decimal

import pytest

from libris.catalog import Book
from libris.members import Member


@pytest.fixture
def paperback():
    return Book("978-0-14-118776-1", "Middlemarch", "George Eliot", Decimal("20.00"))


@pytest.fixture
def hardback():
    return Book("978-0-19-953556-9", "Bleak House", "Charles Dickens", Decimal("45.00"))


@pytest.fixture
def ann():
    return Member("M001", "Ann", "ann@example.org")


@pytest.fixture
def stu():
    return Member("M002", "Stu", "stu@example.org", tier="student")


@pytest.fixture
def start():
    return date(2024, 1, 1)
