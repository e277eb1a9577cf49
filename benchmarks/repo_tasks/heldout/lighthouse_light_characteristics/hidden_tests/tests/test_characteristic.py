import pytest

from lighthouse.characteristic import Characteristic, describe, flash_sequence, is_lit, parse


def error_message(text):
    with pytest.raises(ValueError) as excinfo:
        parse(text)
    return str(excinfo.value)


def test_parse_group_flashing():
    assert parse("Fl(3) W 15s") == Characteristic("Fl", 3, "W", 15.0)


def test_parse_defaults_and_colours():
    assert parse("Oc WR 4s") == Characteristic("Oc", 1, "WR", 4.0)
    assert parse("Iso G 2.5s") == Characteristic("Iso", 1, "G", 2.5)
    assert parse("LFl(2) Y 10s") == Characteristic("LFl", 2, "Y", 10.0)


def test_parse_fixed():
    assert parse("F R") == Characteristic("F", 1, "R", None)
    assert parse("F WRG").colours == "WRG"


def test_unknown_pattern():
    assert error_message("Qk W 5s") == "unknown light pattern 'Qk'"
    assert error_message("Q(6) W 15s") == "unknown light pattern 'Q'"


def test_unknown_colour():
    assert error_message("Fl B 5s") == "unknown colour 'B'"
    assert error_message("Oc WX 6s") == "unknown colour 'X'"


def test_missing_period():
    assert error_message("Fl W") == "Fl light needs a period"
    assert error_message("LFl(2) R") == "LFl light needs a period"


def test_sequence_must_fit():
    assert error_message("Fl(3) W 5s") == "sequence does not fit in a 5 s period"
    assert error_message("Oc(2) R 2.5s") == "sequence does not fit in a 2.5 s period"
    assert parse("LFl(2) W 6s").group == 2


@pytest.mark.parametrize("text", ["Iso(2) W 4s", "F(2) R", "Fl(0) W 5s", "F W 5s", "F", "Fl W 5s 20m"])
def test_malformed(text):
    assert error_message(text) == f"cannot parse light characteristic {text!r}"


def test_flash_sequences():
    assert flash_sequence(parse("Fl(3) W 15s")) == [
        (True, 1.0), (False, 1.0), (True, 1.0), (False, 1.0), (True, 1.0), (False, 10.0),
    ]
    assert flash_sequence(parse("LFl(2) W 10s")) == [(True, 2.0), (False, 1.0), (True, 2.0), (False, 5.0)]
    assert flash_sequence(parse("Fl R 3s")) == [(True, 1.0), (False, 2.0)]


def test_occulting_and_isophase_sequences():
    assert flash_sequence(parse("Oc(2) R 8s")) == [(False, 1.0), (True, 1.0), (False, 1.0), (True, 5.0)]
    assert flash_sequence(parse("Iso G 2.5s")) == [(True, 1.25), (False, 1.25)]
    assert flash_sequence(parse("F R")) == []


def test_is_lit_flashing():
    light = parse("Fl(3) W 15s")
    assert is_lit(light, 0)
    assert is_lit(light, 0.5)
    assert not is_lit(light, 1.0)
    assert not is_lit(light, 1.5)
    assert is_lit(light, 2.0)
    assert is_lit(light, 4.99)
    assert not is_lit(light, 5.0)
    assert not is_lit(light, 14.9)


def test_is_lit_repeats_every_period():
    light = parse("Fl(3) W 15s")
    assert is_lit(light, 15)
    assert not is_lit(light, 16)
    assert is_lit(light, 32)


def test_is_lit_other_patterns():
    assert not is_lit(parse("Oc R 4s"), 0)
    assert is_lit(parse("Oc R 4s"), 1)
    assert is_lit(parse("Iso G 4s"), 1.9)
    assert not is_lit(parse("Iso G 4s"), 2)
    assert is_lit(parse("F R"), 1000)


def test_is_lit_negative_time():
    with pytest.raises(ValueError) as excinfo:
        is_lit(parse("Fl W 5s"), -1)
    assert str(excinfo.value) == "time cannot be negative"


def test_describe():
    assert describe(parse("Fl(3) W 15s")) == "group flashing (3) white, every 15 s"
    assert describe(parse("Iso G 2.5s")) == "isophase green, every 2.5 s"
    assert describe(parse("F WRG")) == "fixed white, red and green"
    assert describe(parse("Oc WR 15s")) == "occulting white and red, every 15 s"
    assert describe(parse("LFl(2) Y 10s")) == "group long flashing (2) yellow, every 10 s"


def test_chart_lights_all_parse():
    from lighthouse.chart import LIGHTS

    for light in LIGHTS:
        assert parse(light.characteristic).period is not None
