"""Files in other encodings than plain UTF-8: read as text, patched, written and staged with their
own bytes (a Latin-1 file stays Latin-1, a byte-order mark stays), against real repositories."""

from __future__ import annotations

import codecs
import json
import subprocess

import pytest
from click.testing import CliRunner

from dcx.cli import main
from dcx.encoding import decode, encode
from dcx.errors import PathError
from tests.conftest import call, code_reply, git

LATIN = "# -*- coding: latin-1 -*-\n# Café prices, in francs.\nNAME = 'crème'\n\n\ndef add(a, b):\n    return a - b\n"
FIXED_ADD = code_reply("def add(a, b):\n    return a + b")


@pytest.mark.parametrize("raw, encoding, text", [
    (b"x = 1\n", "utf-8", "x = 1\n"),
    (codecs.BOM_UTF8 + "é = 1\n".encode(), "utf-8-sig", "é = 1\n"),
    ("# coding: latin-1\nA = 'é'\n".encode("latin-1"), "iso8859-1", "# coding: latin-1\nA = 'é'\n"),
    ("#!/bin/sh\n# vim: set fileencoding=cp1252 :\necho '€'\n".encode("cp1252"), "cp1252",
     "#!/bin/sh\n# vim: set fileencoding=cp1252 :\necho '€'\n"),
    ("// no declaration, Windows-1252: ‘quoted’\n".encode("cp1252"), "cp1252",
     "// no declaration, Windows-1252: ‘quoted’\n"),
    (b"# cp1252 leaves 0x81 undefined: \x81\xe9\n", "latin-1", "# cp1252 leaves 0x81 undefined: \x81é\n"),
    ('"""Content-Encoding: gzip"""\n'.encode(), "utf-8", '"""Content-Encoding: gzip"""\n'),
    ('"""Reads bank exports (encoding: cp1252), café."""\n'.encode(), "utf-8",
     '"""Reads bank exports (encoding: cp1252), café."""\n'),
    ('" vim: set fileencoding=latin-1 :\nlet s = "é"\n'.encode("latin-1"), "iso8859-1",
     '" vim: set fileencoding=latin-1 :\nlet s = "é"\n'),
])
def test_decode_finds_the_encoding_and_encode_gives_the_same_bytes_back(raw, encoding, text) -> None:
    assert decode(raw, "f") == (text, encoding)
    assert encode(text, encoding) == raw


def test_characters_an_encoding_cannot_carry_are_refused() -> None:
    with pytest.raises(PathError, match=r"the new text of a.py holds '✓', which its encoding "
                                        r"\(iso8859-1\) cannot carry"):
        encode("ok = '✓'\n", "iso8859-1", "a.py")


def _fix(repo, *args: str):
    return CliRunner().invoke(main, ["fix", *args], catch_exceptions=False)


@pytest.fixture
def scripted(tmp_path, monkeypatch):
    def script(code, router=()):
        path = tmp_path / "script.json"
        path.write_text(json.dumps({"router": list(router), "code": list(code)}))
        from tests.fakes import use_script
        use_script(monkeypatch, path)

    return script


@pytest.mark.parametrize("name, raw, path", [
    ("latin-1 declared", LATIN.encode("latin-1"), "calc.py"),
    ("cp1252 undeclared", LATIN.replace("# -*- coding: latin-1 -*-\n", "").replace("'crème'", "'‘crème’'")
     .encode("cp1252"), "calc.py"),
    ("UTF-8 with a byte-order mark", codecs.BOM_UTF8 + LATIN.replace("latin-1", "utf-8").encode(), "calc.py"),
    # the diff's headers name the path in UTF-8, as git does, whatever the file's own encoding
    ("latin-1 in a folder named in UTF-8", LATIN.encode("latin-1"), "prix/année/calc.py"),
])
def test_a_fix_keeps_the_files_encoding_in_the_diff_the_tree_and_the_index(
        make_repo, scripted, monkeypatch, name, raw, path) -> None:
    repo = make_repo({path: raw, "test_calc.py": "from calc import add\n"})
    monkeypatch.chdir(repo)
    scripted([FIXED_ADD])
    printed = _fix(repo, "add must add", path)
    assert printed.exit_code == 0, printed.output
    diff = printed.stdout_bytes
    assert b"-    return a - b\n+    return a + b\n" in diff
    # the printed diff applies to the file's own bytes
    check = subprocess.run(["git", "apply", "--check", "-"], cwd=repo, input=diff, capture_output=True)
    assert check.returncode == 0, check.stderr
    scripted([FIXED_ADD])
    applied = _fix(repo, "add must add", path, "--apply", "--json")
    assert applied.exit_code == 0 and json.loads(applied.stdout)["staged"] == [path], applied.output
    written = (repo / path).read_bytes()
    assert written == raw.replace(b"return a - b", b"return a + b")  # every other byte as it was
    staged = subprocess.run(["git", "show", f":{path}"], cwd=repo, capture_output=True).stdout
    assert staged == written and git(repo, "diff") == ""
    assert CliRunner().invoke(main, ["undo"]).exit_code == 0
    assert (repo / path).read_bytes() == raw and git(repo, "status", "--porcelain") == ""


def test_a_change_the_files_encoding_cannot_carry_is_not_written(make_repo, scripted, monkeypatch) -> None:
    raw = LATIN.encode("latin-1")
    repo = make_repo({"calc.py": raw})
    monkeypatch.chdir(repo)
    tick = code_reply("def add(a, b):\n    return a + b  # ✓ fixed")
    scripted([tick] * 3, router=[call("finish", answer="could not change it")])  # each try is told
    done = _fix(repo, "add must add", "calc.py", "--apply", "--json")
    assert done.exit_code == 1, done.stderr  # no usable change came back: not "already correct"
    result = json.loads(done.stdout)
    assert result["diff"] == "" and not result["applied"]
    assert result["withheld"] == "no valid code came back from the code model"
    assert result["steps"][0]["result"].startswith(
        "Error: the code model gave no valid code for the whole file in calc.py after 3 tries (last "
        "problem: the new text of calc.py holds '✓'")
    assert (repo / "calc.py").read_bytes() == raw and git(repo, "status", "--porcelain") == ""


def test_output_text_never_fails_on_bytes_that_are_not_utf8() -> None:
    from dcx.encoding import output_text

    assert output_text(b"caf\xc3\xa9 \xff\r\nok\rdone") == "café \ufffd\nok\ndone"
