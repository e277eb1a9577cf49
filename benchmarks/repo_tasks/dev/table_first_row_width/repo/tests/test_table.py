import pytest

from gridprint.cells import format_cell
from gridprint.csvout import to_csv
from gridprint.table import column_widths, render_table
from gridprint.themes import get_theme
from gridprint.wrap import truncate


def test_format_cell():
    assert [format_cell(v) for v in (None, True, 2.5, 7, "x")] == ["", "yes", "2.50", "7", "x"]


def test_truncate():
    assert truncate("abcdef", 4) == "abc…"
    assert truncate("abc", 4) == "abc"
    with pytest.raises(ValueError):
        truncate("abc", 0)


def test_readme_example():
    assert render_table(["fruit", "qty"], [["apple", 3], ["banana", 12]]) == (
        "+--------+-----+\n"
        "| fruit  | qty |\n"
        "+--------+-----+\n"
        "| apple  |   3 |\n"
        "| banana |  12 |\n"
        "+--------+-----+")


def test_markdown_theme():
    assert render_table(["a", "b"], [["x", 1], ["yy", 22]], theme="markdown") == (
        "| a  | b  |\n"
        "|----|----|\n"
        "| x  |  1 |\n"
        "| yy | 22 |")


def test_max_width_truncates():
    text = render_table(["name"], [["b"], ["a very long product name"]], max_width=8)
    assert "| a very … |" in text.splitlines()


def test_row_length_checked():
    with pytest.raises(ValueError):
        render_table(["a", "b"], [[1]])


def test_unknown_theme():
    with pytest.raises(ValueError):
        get_theme("fancy")


def test_csv():
    assert to_csv(["a", "b"], [[None, 1.5]]) == "a,b\n,1.50\n"


def test_header_only_table():
    assert render_table(["id"], []) == "+----+\n| id |\n+----+"


def test_widest_value_in_first_row():
    assert render_table(["name", "qty"], [["blueberries", 3], ["fig", 12]]) == (
        "+-------------+-----+\n"
        "| name        | qty |\n"
        "+-------------+-----+\n"
        "| blueberries |   3 |\n"
        "| fig         |  12 |\n"
        "+-------------+-----+")


def test_single_row_table():
    assert render_table(["k"], [["value"]], theme="markdown") == (
        "| k     |\n"
        "|-------|\n"
        "| value |")


def test_column_widths():
    assert column_widths(["a", "bb"], [["xxxx", 1], ["y", 12345]]) == [4, 5]
