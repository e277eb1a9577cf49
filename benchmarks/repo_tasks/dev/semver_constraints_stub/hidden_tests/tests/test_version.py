import pytest

from pkgdeps.version import Version, max_satisfying, satisfies


def test_constructor_and_attributes():
    v = Version(1, 2, 3)
    assert (v.major, v.minor, v.patch, v.prerelease) == (1, 2, 3, ())
    assert Version(1, 0, 0, ("rc", 1)).prerelease == ("rc", 1)


def test_parse():
    v = Version.parse(" v2.0.0-rc.1 ")
    assert (v.major, v.minor, v.patch, v.prerelease) == (2, 0, 0, ("rc", 1))
    assert Version.parse("0.2.3") == Version(0, 2, 3)
    assert Version.parse("1.0.0-alpha-2.x").prerelease == ("alpha-2", "x")


@pytest.mark.parametrize("text", [
    "1.2", "1.2.3.4", "1.2.x", "1.2.3-", "1.2.3+build", "01.2.3", "1.02.3", "",
    "1.2.3-rc..1", "a.b.c", "-1.2.3",
])
def test_parse_invalid(text):
    with pytest.raises(ValueError) as info:
        Version.parse(text)
    assert str(info.value) == f"invalid version: {text!r}"


def test_str():
    assert str(Version.parse("v1.4.2")) == "1.4.2"
    assert str(Version(2, 0, 0, ("rc", 1))) == "2.0.0-rc.1"


def test_equality_and_hash():
    assert Version.parse("v1.0.0") == Version(1, 0, 0)
    assert Version.parse("1.0.0") != Version.parse("1.0.0-rc.1")
    assert len({Version.parse("1.0.0"), Version.parse("v1.0.0"), Version(1, 0, 0)}) == 1


def test_numeric_order():
    assert Version.parse("1.10.0") > Version.parse("1.9.9")
    assert Version.parse("2.0.0") >= Version.parse("2.0.0")
    assert Version.parse("0.9.0") <= Version.parse("1.0.0")


def test_prerelease_order():
    chain = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
             "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"]
    versions = [Version.parse(t) for t in chain]
    for lower, higher in zip(versions, versions[1:]):
        assert lower < higher
        assert not higher < lower
    assert sorted(reversed(versions)) == versions


def test_number_before_string():
    assert Version.parse("1.0.0-2") < Version.parse("1.0.0-a")
    assert Version.parse("1.0.0-rc.2") < Version.parse("1.0.0-rc.10")


def test_bump():
    v = Version.parse("1.2.3-rc.1")
    assert str(v.bump("patch")) == "1.2.4"
    assert str(v.bump("minor")) == "1.3.0"
    assert str(v.bump("major")) == "2.0.0"
    assert str(v) == "1.2.3-rc.1"
    with pytest.raises(ValueError) as info:
        v.bump("build")
    assert str(info.value) == "unknown part: 'build'"


@pytest.mark.parametrize("version, constraint, expected", [
    ("1.2.3", "*", True),
    ("1.2.3", "1.2.3", True),
    ("1.2.4", "==1.2.3", False),
    ("1.2.3", "> 1.2.2", True),
    ("1.2.3", "<1.2.3", False),
    ("1.2.3", "<=1.2.3", True),
    ("1.3.0", ">=1.0.0, <1.4.0", True),
    ("1.4.0", ">=1.0.0 , < 1.4.0", False),
    ("1.2.9", "~1.2.3", True),
    ("1.3.0", "~1.2.3", False),
    ("1.2.2", "~1.2.3", False),
    ("1.9.0", "^1.2.3", True),
    ("2.0.0", "^1.2.3", False),
    ("0.2.9", "^0.2.3", True),
    ("0.3.0", "^0.2.3", False),
    ("0.0.3", "^0.0.3", True),
    ("0.0.4", "^0.0.3", False),
])
def test_satisfies(version, constraint, expected):
    assert satisfies(version, constraint) is expected
    assert satisfies(Version.parse(version), constraint) is expected


@pytest.mark.parametrize("version, constraint, expected", [
    ("2.0.0-rc.1", ">=1.0.0", False),
    ("2.0.0-rc.1", "*", False),
    ("2.0.0-rc.1", ">=2.0.0-beta, <3.0.0", True),
    ("2.1.0-rc.1", ">=2.0.0-beta, <3.0.0", False),
    ("2.0.0-alpha", ">=2.0.0-beta, <3.0.0", False),
    ("1.0.0-rc.2", "^1.0.0-rc.1", True),
    ("1.0.0", "^1.0.0-rc.1", True),
])
def test_prereleases_are_opt_in(version, constraint, expected):
    assert satisfies(version, constraint) is expected


@pytest.mark.parametrize("constraint", [">>1.0.0", "^1.2", "1.0.0 || 2.0.0", "~>1.0.0", "=<1.0.0"])
def test_invalid_constraint(constraint):
    with pytest.raises(ValueError) as info:
        satisfies("1.0.0", constraint)
    assert str(info.value) == f"invalid constraint: {constraint!r}"


def test_max_satisfying():
    available = ["1.0.0", "1.4.0", "1.3.9", Version.parse("1.3.10"), "2.0.0-rc.1", "2.0.0"]
    assert max_satisfying(available, "^1.0.0") == Version(1, 4, 0)
    assert max_satisfying(available, ">=1.0.0, <1.4.0") == Version.parse("1.3.10")
    assert isinstance(max_satisfying(available, "*"), Version)
    assert max_satisfying(available, "*") == Version(2, 0, 0)
    assert max_satisfying(available, ">=3.0.0") is None
    assert max_satisfying([], "*") is None
