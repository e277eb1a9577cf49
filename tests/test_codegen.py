"""Targets, code extraction, splicing and validation (no model involved)."""

from __future__ import annotations

from dcx.codegen import apply_reply, extract_code, reindent, validate
from dcx.targets import Target, find_target, generic_symbols, hide_body, python_symbols


def splice(text: str, target: Target, code: str) -> str:
    """The file with a Python reply applied by dcx (one file)."""
    return apply_reply("code.py", {"code.py": text}, target, code).get("code.py", text)


PY = '''import os


class Box:
    def size(self):
        return 1

    @property
    def name(self):
        return "box"


def helper(x):
    return x
'''


def test_python_targets_by_name_dotted_and_range() -> None:
    assert [s.name for s in python_symbols(PY)] == ["Box", "Box.size", "Box.name", "helper"]
    method = find_target("m.py", PY, "Box.name")
    assert (method.start, method.end, method.indent) == (7, 10, "    ")  # decorator included
    assert find_target("m.py", PY, "size()").name == "Box.size"
    assert find_target("m.py", PY, "def helper").name == "helper"
    assert find_target("m.py", PY, "lines 13-14").kind == "lines"
    assert find_target("m.py", PY, "file").kind == "file"
    assert find_target("m.py", PY, "nothing") is None
    assert find_target("m.py", PY, "90-95") is None


def test_brace_and_shell_blocks() -> None:
    js = "const a = 1;\nfunction f(x) {\n  if (x) { return '}'; }\n  return 2;\n}\nf(1);\n"
    f = find_target("a.js", js, "f")
    assert (f.start, f.end) == (1, 5)
    sh = "#!/bin/sh\ngreet() {\n  echo hi\n}\ngreet\n"
    assert [(s.name, s.start, s.end) for s in generic_symbols(sh)] == [("greet", 1, 4)]


def test_extract_code() -> None:
    assert extract_code("Sure:\n```python\nx = 1\n```\nDone.") == "x = 1"
    assert extract_code("```\nx = 1\n") == "x = 1"  # cut off before the closing fence
    assert extract_code("x = 2\n") == "x = 2"


def test_reindent() -> None:
    assert reindent("def f():\n    return 1", "    ") == "    def f():\n        return 1"
    assert reindent("        x = 1\n        y = 2", "  ") == "  x = 1\n  y = 2"


def test_splice_method_from_dedented_reply_keeps_class_indent() -> None:
    target = find_target("m.py", PY, "Box.size")
    new = splice(PY, target, "def size(self):\n    return 2")
    assert "    def size(self):\n        return 2\n\n    @property" in new
    assert validate("m.py", new) is None


def test_splice_takes_only_the_target_from_a_chatty_reply_and_adds_imports() -> None:
    target = find_target("m.py", PY, "helper")
    reply = "import os\nimport math\n\n\ndef other():\n    pass\n\n\ndef helper(x):\n    return math.sqrt(x)\n"
    new = splice(PY, target, reply)
    assert new.startswith("import os\nimport math\n")
    assert "def other" not in new and new.endswith("def helper(x):\n    return math.sqrt(x)\n")


def test_splice_keeps_crlf_and_missing_final_newline() -> None:
    text = "a = 1\r\nb = 2"
    target = find_target("x.py", text, "2-2")
    assert splice(text, target, "b = 3") == "a = 1\r\nb = 3"
    target = find_target("x.py", text, "1-1")
    assert splice(text, target, "a = 0\nz = 9") == "a = 0\r\nz = 9\r\nb = 2"


def test_validate() -> None:
    assert validate("a.py", "def f(:\n") .startswith("SyntaxError")
    assert "conflict" in validate("a.txt", "x\n<<<<<<< HEAD\ny\n")
    assert validate("a.json", "{") .startswith("invalid JSON")
    assert validate("a.py", "   \n") == "the result is empty"
    assert validate("a.js", "let x = 1;\n") is None


QUIX = '''
def gcd(a, b):
    if b == 0:
        return a
    else:
        return gcd(a % b, b)


"""
Input:
    a: A nonnegative int
"""
'''


def test_whole_file_reply_is_applied_definition_by_definition() -> None:
    """A whole-file reply that drops the trailing docstring and the leading blank line changes
    only the function it rewrote; a new function goes after it; an import nothing uses is left out."""
    target = find_target("gcd.py", QUIX, "file")
    reply = ("import math\n\ndef gcd(a, b):\n    if b == 0:\n        return a\n    else:\n"
             "        return gcd(b, a % b)\n\n\ndef lcm(a, b):\n    return a * b // gcd(a, b)\n")
    new = splice(QUIX, target, reply)
    assert new == ("\n"  # the file's own leading blank line
                   "def gcd(a, b):\n    if b == 0:\n        return a\n    else:\n"
                   "        return gcd(b, a % b)\n\n\n"
                   "def lcm(a, b):\n    return a * b // gcd(a, b)\n\n\n"  # the new function
                   '"""\nInput:\n    a: A nonnegative int\n"""\n')  # the docstring survives
    assert validate("gcd.py", new) is None


def test_whole_file_reply_without_known_definitions_replaces_the_file() -> None:
    target = find_target("c.py", "X = 1\n", "file")
    assert splice("X = 1\n", target, "X = 2") == "X = 2\n"


def test_a_chatty_reply_in_another_language_keeps_only_the_target_block() -> None:
    js = "'use strict';\n\nfunction f(x) {\n  return x;\n}\n\nmodule.exports = { f };\n"
    reply = js.replace("return x;", "return x + 1;")  # the whole file, with f changed
    changed = apply_reply("lib/f.js", {"lib/f.js": js}, find_target("lib/f.js", js, "f"), reply)
    assert changed == {"lib/f.js": js.replace("return x;", "return x + 1;")}


def test_hide_body_keeps_decorators_signature_and_docstring() -> None:
    text = ("import functools\r\n\r\n\r\nclass Cache:\r\n    @functools.cache\r\n"
            "    def lookup(self, key,\r\n               default=None):\r\n"
            "        \"\"\"The value for key.\"\"\"\r\n        # the store first\r\n"
            "        return self.store.get(key, default)\r\n\r\n    def size(self):\r\n"
            "        return len(self.store)\r\n")
    hidden = hide_body(text, find_target("cache.py", text, "lookup"))
    assert hidden == text.replace("        # the store first\r\n        return self.store.get(key, "
                                  "default)\r\n", "        ...\r\n")
    without_docstring = text.replace("        \"\"\"The value for key.\"\"\"\r\n", "")
    assert "default=None):\r\n        ...\r\n\r\n    def size" in hide_body(
        without_docstring, find_target("cache.py", without_docstring, "Cache.lookup"))


def test_hide_body_has_nothing_to_hide_in_a_one_line_or_docstring_only_function() -> None:
    text = ('def one(): return 1\n\n\ndef two(): "Doc."; return 2\n\n\n'
            'def doc():\n    """Only a docstring."""\n\n\n'
            'async def fetch(url):\n    return await get(url)\n')
    assert hide_body(text, find_target("m.py", text, "one")) is None
    assert hide_body(text, find_target("m.py", text, "two")) is None
    assert hide_body(text, find_target("m.py", text, "doc")) is None
    assert hide_body(text, find_target("m.py", text, "file")) is None
    assert hide_body(text, find_target("m.py", text, "fetch")).endswith(
        "async def fetch(url):\n    ...\n")


def test_a_copied_excerpt_with_its_gaps_is_left_out_of_a_reply() -> None:
    from dcx.codegen import CodeWriter, without_copies
    from dcx.prompts import View
    from tests.fakes import FakeBackend

    pets = ("SPECIES = ('dog', 'cat')\n\n\n@dataclass\nclass Pet:\n    def __post_init__(self):\n"
            "        if self.species not in SPECIES:\n            raise ValueError('no')\n\n"
            "    def weigh(self, kg):\n        self.kg = kg\n")
    copy = ("# pets.py\nSPECIES = ('dog', 'cat')\n@dataclass\n...\n    def __post_init__(self):\n"
            "        if self.species not in SPECIES:\n            raise ValueError('no')\n...\n")
    calc = "def dose(kg):\n    return kg * 2\n"
    files = {"calc.py": calc, "pets.py": pets}
    fixed = "def dose(kg):\n    return kg * 3"
    assert without_copies(copy, files) == ""
    assert without_copies(copy + fixed, files) == fixed  # the code beside the copy is kept
    changed = copy.replace("'no'", "'yes'")
    assert without_copies(changed, files) == changed.split("...\n")[1].strip("\n")  # a change stays
    assert without_copies(fixed, files) == fixed  # no gaps
    stub = "class Shape:\n    def area(self):\n        ...\n"  # parses: `...` is a body
    assert without_copies(stub, {"s.py": stub}) == stub
    method = "    def area(self):\n        ...\n"  # a method as dcx.merge reads it, dedented: parses
    assert without_copies(method, {"s.py": "class S:\n    def area(self):\n        return 1\n"}) == method
    # a reply that only copies is unchanged: asked again afresh, not told of a syntax error;
    # one with code beside its copy is taken as that code
    coder = FakeBackend([f"```python\n{copy}```", f"```python\n{copy}{fixed}\n```"])
    writer = CodeWriter(coder, retries=2, on_completion=lambda completion: None, context_tokens=8192)
    target = find_target("calc.py", calc, "dose")
    edit = writer.rewrite("calc.py", calc, target, "triple it", "dose should triple",
                          related={"pets.py": pets},
                          view=View(excerpts={"pets.py": copy.removeprefix("# pets.py\n")}))
    assert edit.new_text == fixed + "\n" and edit.attempts == 2 and not edit.others
    retry = coder.history[1]["messages"]
    assert len(retry) == 2 and "repeats it unchanged is wrong" in retry[-1]["content"]
