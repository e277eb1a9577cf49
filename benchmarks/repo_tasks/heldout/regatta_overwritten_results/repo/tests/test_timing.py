import pytest

from regatta.timing import corrected, format_elapsed, parse_elapsed


def test_parse_forms():
    assert parse_elapsed("1:02:33") == 3753
    assert parse_elapsed("48:05") == 2885
    assert parse_elapsed(" 0:59:59 ") == 3599


def test_parse_rejects_garbage():
    with pytest.raises(ValueError):
        parse_elapsed("1h02")
    with pytest.raises(ValueError):
        parse_elapsed("1:2:3:4")


def test_format_and_correct():
    assert format_elapsed(3753) == "1:02:33"
    assert corrected(3753, 1100) == 3412
