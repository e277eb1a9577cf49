from datetime import date, datetime, time

import pytest

from vetclinic.appointments import AppointmentBook, SlotTaken
from vetclinic.patients import Pet
from vetclinic.vaccines import next_due, reminders


def test_species_checked():
    with pytest.raises(ValueError):
        Pet("Nibbles", "hamster", date(2023, 1, 1), 0.1, "T. Obi")


def test_age():
    pet = Pet("Biscuit", "dog", date(2019, 4, 2), 18.0, "A. Moreau")
    assert pet.age_years(date(2024, 4, 1)) == 4
    assert pet.age_years(date(2024, 4, 2)) == 5


def test_booking_clash():
    book = AppointmentBook()
    book.book("Biscuit", datetime(2024, 5, 6, 9, 0), 30)
    with pytest.raises(SlotTaken):
        book.book("Clover", datetime(2024, 5, 6, 9, 15))
    book.book("Clover", datetime(2024, 5, 6, 9, 30))
    assert [a.pet_name for a in book.day(date(2024, 5, 6))] == ["Biscuit", "Clover"]


def test_free_slots():
    book = AppointmentBook()
    book.book("Biscuit", datetime(2024, 5, 6, 8, 30), 60)
    slots = book.free_slots(date(2024, 5, 6), minutes=30)
    assert slots[0] == time(9, 30)
    assert slots[-1] == time(17, 30)


def test_vaccine_reminders():
    assert next_due("cat", "FeLV", date(2023, 6, 1)) == date(2024, 5, 31)
    history = {"DHP": date(2022, 1, 10), "leptospirosis": date(2023, 5, 20)}
    assert reminders("dog", history, today=date(2024, 5, 1)) == ["leptospirosis due 2024-05-19"]
