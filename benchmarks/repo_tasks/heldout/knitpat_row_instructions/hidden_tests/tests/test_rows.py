import pytest

from knitpat.chart import render
from knitpat.rows import check_pattern, expand, stitches_made, stitches_used


def message(func, *args, **kwargs):
    with pytest.raises(ValueError) as excinfo:
        func(*args, **kwargs)
    return str(excinfo.value)


def test_expand_counts():
    assert expand("K3, P2") == ["K", "K", "K", "P", "P"]
    assert expand("K, P, SL1") == ["K", "P", "SL"]
    assert expand("K12") == ["K"] * 12


def test_expand_special_stitches_and_case():
    assert expand("k1, yo, k2tog, ssk, m1, sl2") == ["K", "YO", "K2TOG", "SSK", "M1", "SL", "SL"]
    assert expand("  K2 ,P1  ") == ["K", "K", "P"]


def test_expand_repeats():
    assert expand("K2, (YO, K2tog) x2, p1") == ["K", "K", "YO", "K2TOG", "YO", "K2TOG", "P"]
    assert expand("(K1,P1)x3") == ["K", "P"] * 3
    assert expand("(K2, P2) x2, (SSK) x1") == ["K", "K", "P", "P", "K", "K", "P", "P", "SSK"]


def test_counts():
    assert stitches_used("K1, (K2tog, YO, SSK) x2, P1") == 10
    assert stitches_made("K1, (K2tog, YO, SSK) x2, P1") == 8
    assert stitches_used("K2, (YO, K2tog) x2, P1") == 7
    assert stitches_made("K2, (YO, K2tog) x2, P1") == 7
    assert stitches_used("K1, M1, K2, M1, K1") == 4
    assert stitches_made("K1, M1, K2, M1, K1") == 6
    assert stitches_used("SL1, K1, (SSK, K2TOG) x3") == 14
    assert stitches_made("SL1, K1, (SSK, K2TOG) x3") == 8


def test_unknown_stitches():
    assert message(expand, "K2, Q2") == "unknown stitch 'Q2'"
    assert message(expand, "K1, yo2") == "unknown stitch 'yo2'"
    assert message(expand, "K0, P1") == "unknown stitch 'K0'"
    assert message(stitches_used, "(K1, ssk3) x2") == "unknown stitch 'ssk3'"


@pytest.mark.parametrize("row", [
    "K1, (P1, K1 x2",
    "K1, P1) x2",
    "(K1, P1)",
    "(K1, P1) x",
    "(K1, P1) x0",
    "((K1) x2, P1) x2",
])
def test_malformed_repeats(row):
    assert message(expand, row) == "malformed repeat"


def test_empty_row():
    assert message(expand, "") == "empty row"
    assert message(stitches_made, "   ") == "empty row"


def test_check_pattern():
    assert check_pattern(["K4", "K1, M1, K2, M1, K1", "P6"], cast_on=4) == 6
    lace = ["K8", "(K2TOG, YO) x4", "P8", "(SSK, YO, K2) x2"]
    assert check_pattern(lace, cast_on=8) == 8
    assert check_pattern([], cast_on=5) == 5


def test_check_pattern_decreases():
    assert check_pattern(["(K2, K2TOG) x6", "P18", "(K1, SSK) x6"], cast_on=24) == 12


def test_check_pattern_mismatch():
    rows = ["K24", "P24", "(K2, K2TOG) x5, K2", "P18"]
    assert message(check_pattern, rows, 24) == "row 3 uses 22 stitches but 24 are on the needle"
    assert message(check_pattern, ["K4", "P5"], cast_on=4) == "row 2 uses 5 stitches but 4 are on the needle"


def test_check_pattern_cast_on():
    assert message(check_pattern, ["K1"], 0) == "cast on at least one stitch"


def test_expanded_rounds_can_be_charted():
    rounds = [expand("K3, P1"), expand("K1, YO, SSK, P1")]
    assert render(rounds) == ["-\\O. 2", "-... 1"]
