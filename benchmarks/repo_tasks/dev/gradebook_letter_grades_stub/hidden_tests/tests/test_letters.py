import pytest

from gradebook.letters import GradeDistribution, gpa, grade_points, letter_grade

SCALE = ["A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F"]


@pytest.mark.parametrize("percent, letter", [
    (100, "A"), (93, "A"), (92, "A-"), (90, "A-"), (89, "B+"), (87, "B+"),
    (86, "B"), (83, "B"), (82, "B-"), (80, "B-"), (79, "C+"), (77, "C+"),
    (76, "C"), (73, "C"), (72, "C-"), (70, "C-"), (69, "D+"), (67, "D+"),
    (66, "D"), (63, "D"), (62, "D-"), (60, "D-"), (59, "F"), (0, "F"),
])
def test_letter_boundaries(percent, letter):
    assert letter_grade(percent) == letter


def test_rounding_half_up():
    assert letter_grade(89.5) == "A-"
    assert letter_grade(89.4) == "B+"
    assert letter_grade(92.5) == "A"
    assert letter_grade(59.5) == "D-"
    assert letter_grade(72.49) == "C-"


@pytest.mark.parametrize("percent, message", [
    (104.5, "percent must be between 0 and 100, got 104.5"),
    (-1, "percent must be between 0 and 100, got -1"),
])
def test_percent_out_of_range(percent, message):
    with pytest.raises(ValueError) as info:
        letter_grade(percent)
    assert str(info.value) == message


def test_grade_points_table():
    expected = [4.0, 3.7, 3.3, 3.0, 2.7, 2.3, 2.0, 1.7, 1.3, 1.0, 0.7, 0.0]
    assert [grade_points(letter) for letter in SCALE] == pytest.approx(expected)


def test_grade_points_normalises():
    assert grade_points(" b+ ") == pytest.approx(3.3)
    assert grade_points("a") == pytest.approx(4.0)


@pytest.mark.parametrize("bad", ["E", "A++"])
def test_grade_points_unknown(bad):
    with pytest.raises(ValueError) as info:
        grade_points(bad)
    assert str(info.value) == f"unknown letter grade: {bad!r}"


def test_gpa():
    assert gpa([("A", 4), ("B-", 3)]) == 3.44
    assert gpa([("A", 3), ("B+", 4)]) == 3.6
    assert gpa([("A", 3), ("F", 3)]) == 2.0
    assert gpa(iter([("c+", 2)])) == 2.3


def test_gpa_empty():
    assert gpa([]) == 0.0


def test_gpa_bad_credits():
    with pytest.raises(ValueError) as info:
        gpa([("A", 3), ("B", 0)])
    assert str(info.value) == "credits must be positive, got 0"
    with pytest.raises(ValueError):
        gpa([("A", -2)])


def test_gpa_unknown_letter():
    with pytest.raises(ValueError) as info:
        gpa([("Q", 3)])
    assert str(info.value) == "unknown letter grade: 'Q'"


def test_distribution_counts():
    dist = GradeDistribution()
    for letter in ["B", "A", " b", "A", "f"]:
        dist.add(letter)
    counts = dist.counts()
    assert list(counts) == SCALE
    assert counts["A"] == 2 and counts["B"] == 2 and counts["F"] == 1
    assert sum(counts.values()) == 5
    assert len(dist) == 5


def test_distribution_most_common_ties_go_to_better_grade():
    dist = GradeDistribution()
    for letter in ["C", "B-", "C", "B-", "D"]:
        dist.add(letter)
    assert dist.most_common() == "B-"
    dist.add("C")
    assert dist.most_common() == "C"


def test_empty_distribution():
    dist = GradeDistribution()
    assert dist.most_common() is None
    assert len(dist) == 0
    assert dist.counts() == {letter: 0 for letter in SCALE}


def test_distribution_rejects_unknown_letter():
    dist = GradeDistribution()
    with pytest.raises(ValueError) as info:
        dist.add("E")
    assert str(info.value) == "unknown letter grade: 'E'"
    assert len(dist) == 0


def test_distribution_of_letter_grades():
    dist = GradeDistribution()
    for pct in (95, 91.2, 89.5, 40):
        dist.add(letter_grade(pct))
    assert dist.counts()["A-"] == 2
