import pytest

from pkgdeps.graph import CycleError, DependencyGraph
from pkgdeps.lockfile import diff_locks, format_lock, parse_lock
from pkgdeps.manifest import Requirement, format_manifest, parse_manifest
from pkgdeps.names import normalise_name


def test_normalise_name():
    assert normalise_name("Tiny_Json") == "tiny-json"
    assert normalise_name("a.b--c") == "a-b-c"
    with pytest.raises(ValueError):
        normalise_name("-bad")


def test_parse_manifest():
    text = "# deps\nrequests-lite  ^2.1.0\nTiny_Json >=1.0.0, <1.4.0  # pinned\ncolorama\n"
    assert parse_manifest(text) == [
        Requirement("requests-lite", "^2.1.0"),
        Requirement("tiny-json", ">=1.0.0, <1.4.0"),
        Requirement("colorama", "*"),
    ]


def test_manifest_duplicate():
    with pytest.raises(ValueError, match="line 2: tiny-json is listed twice"):
        parse_manifest("tiny_json 1.0.0\nTiny-Json 2.0.0\n")


def test_format_manifest():
    reqs = [Requirement("a", "^1.0.0"), Requirement("longer", "*")]
    assert format_manifest(reqs) == "a       ^1.0.0\nlonger  *\n"


def test_install_order():
    g = DependencyGraph()
    g.add("app", ["web", "db"])
    g.add("web", ["http"])
    g.add("db", ["http"])
    assert g.install_order() == ["http", "db", "web", "app"]
    assert g.dependents("http") == ["app", "db", "web"]


def test_cycle():
    g = DependencyGraph()
    g.add("a", ["b"])
    g.add("b", ["c"])
    g.add("c", ["a"])
    with pytest.raises(CycleError) as info:
        g.install_order()
    assert str(info.value) == "dependency cycle: a -> b -> c -> a"


def test_lock_round_trip_and_diff():
    pins = {"b": "2.0.0", "a": "1.0.0"}
    assert parse_lock(format_lock(pins)) == pins
    assert diff_locks({"a": "1.0.0", "c": "1.0.0"}, {"a": "1.1.0", "b": "2.0.0"}) == [
        "~ a 1.0.0 -> 1.1.0", "+ b 2.0.0", "- c 1.0.0"]
    with pytest.raises(ValueError):
        parse_lock("a=1\n")
