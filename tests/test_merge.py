"""Placing a Python reply by definition name (dcx.merge), with replies small models really give."""

from __future__ import annotations

from dcx.codegen import apply_reply, validate
from dcx.merge import add_imports, merge_reply
from dcx.targets import find_target

ACCOUNT = '''class InsufficientFunds(Exception):
    pass


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self.balance += amount

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self.owner)
        self.balance -= amount
'''

WITHDRAW = '''def withdraw(self, amount):
    if amount <= 0:
        raise ValueError("amount must be positive")
    if amount > self.balance:
        raise InsufficientFunds(self.owner)
    self.balance -= amount'''


def test_a_method_written_for_the_wrong_target_goes_where_its_name_says() -> None:
    """Asked for deposit, the model wrote withdraw: withdraw changes, deposit stays."""
    target = find_target("bank.py", ACCOUNT, "Account.deposit")
    new = merge_reply(WITHDRAW, {"bank.py": ACCOUNT}, "bank.py", target)["bank.py"]
    assert "    def deposit(self, amount):\n        if amount <= 0:" in new
    assert "    def withdraw(self, amount):\n        if amount <= 0:" in new
    assert new.count("def withdraw") == 1 and validate("bank.py", new) is None


def test_a_partial_class_is_merged_method_by_method() -> None:
    """The class with only its new method: the other methods survive, the new one is appended."""
    reply = ("class Account:\n    def close(self):\n        self.balance = 0\n")
    target = find_target("bank.py", ACCOUNT, "file")
    new = merge_reply(reply, {"bank.py": ACCOUNT}, "bank.py", target)["bank.py"]
    assert new == ACCOUNT + "\n    def close(self):\n        self.balance = 0\n"


def test_a_complete_class_replaces_the_class() -> None:
    reply = ACCOUNT.replace("class Account:", "class Account(object):")
    target = find_target("bank.py", ACCOUNT, "Account")
    new = merge_reply(reply, {"bank.py": ACCOUNT}, "bank.py", target)["bank.py"]
    assert new == reply


def test_a_method_given_alone_for_a_class_target_is_added_to_the_class() -> None:
    reply = "def peek(self):\n    return self.balance\n"
    target = find_target("bank.py", ACCOUNT, "Account")
    new = merge_reply(reply, {"bank.py": ACCOUNT}, "bank.py", target)["bank.py"]
    assert new.endswith("        self.balance -= amount\n\n    def peek(self):\n        return self.balance\n")


def test_a_renamed_function_takes_the_targets_place() -> None:
    text = "TAX = 0.2\n\n\ndef calc(lines):\n    return sum(lines)\n\n\ndef other():\n    pass\n"
    target = find_target("calc.py", text, "calc")
    new = merge_reply("def compute_total(lines):\n    return sum(lines)\n", {"calc.py": text},
                      "calc.py", target)["calc.py"]
    assert new == text.replace("def calc", "def compute_total")


def test_a_rename_is_found_when_the_reply_repeats_the_files_constants() -> None:
    """Seen from the 1.5B model on fixtures/rename_helper: the constant above the function came
    back unchanged with the renamed function, and the rename was lost ("no change")."""
    text = "TAX = 0.2\n\n\ndef calc(lines):\n    return sum(lines) * TAX\n"
    target = find_target("calc.py", text, "calc")
    reply = "TAX = 0.2\n\n\ndef compute_total(lines):\n    return sum(lines) * TAX\n"
    new = merge_reply(reply, {"calc.py": text}, "calc.py", target)["calc.py"]
    assert new == text.replace("def calc", "def compute_total")
    changed = merge_reply("TAX = 0.25\n", {"calc.py": text}, "calc.py", target)["calc.py"]
    assert changed == text.replace("0.2", "0.25")  # a constant alone is still a change, not an error


def test_helpers_are_added_only_when_used_and_imports_only_when_needed() -> None:
    text = "import os\n\n\ndef area(r):\n    return 3 * r * r\n"
    target = find_target("shape.py", text, "area")
    reply = ("import math\nimport sys\n\n\ndef area(r):\n    return math.pi * square(r)\n\n\n"
             "def square(x):\n    return x * x\n\n\ndef unused():\n    pass\n\n\nprint(area(2))\n")
    new = merge_reply(reply, {"shape.py": text}, "shape.py", target)["shape.py"]
    assert new == ("import os\nimport math\n\n\ndef area(r):\n    return math.pi * square(r)\n\n\n"
                   "def square(x):\n    return x * x\n")


def test_definitions_of_a_related_file_go_to_that_file() -> None:
    money = 'def format_price(cents):\n    return f"${cents / 100:.2f}"\n'
    catalog = ("from money import format_price\n\n\ndef price_tag(name):\n"
               "    return f\"{name}: {format_price(1)}\"\n")
    reply = ('def format_price(cents, currency="$"):\n    return f"{currency}{cents / 100:.2f}"\n\n\n'
             'def price_tag(name, currency="$"):\n    return f"{name}: {format_price(1, currency)}"\n')
    target = find_target("catalog.py", catalog, "price_tag")
    changed = apply_reply("catalog.py", {"catalog.py": catalog, "money.py": money}, target, reply)
    assert set(changed) == {"catalog.py", "money.py"}
    assert 'def format_price(cents, currency="$"):' in changed["money.py"]
    assert "def price_tag(name, currency=\"$\"):" in changed["catalog.py"]
    assert "def format_price" not in changed["catalog.py"]


def test_a_from_import_of_the_reply_goes_to_the_related_file_whose_code_uses_it() -> None:
    report = "from . import DAYS\n\n\ndef weekly(shifts):\n    return [s.hours for s in shifts], DAYS\n"
    models = ("from . import DAYS\n\n\nclass Shift:\n    day = DAYS[0]\n\n"
              "    def hours(self):\n        return self.end - self.start\n")
    reply = ("from . import DAYS\nfrom . import timeutil\n\n\nclass Shift:\n    day = DAYS[0]\n\n"
             "    def hours(self):\n        return timeutil.between(self.start, self.end)\n")
    target = find_target("p/report.py", report, "file")
    changed = apply_reply("p/report.py", {"p/report.py": report, "p/models.py": models}, target, reply)
    assert set(changed) == {"p/models.py"}  # the report's own import is not touched for nothing
    assert changed["p/models.py"].startswith("from . import DAYS\nfrom . import timeutil\n")
    assert changed["p/models.py"].count("import DAYS") == 1


def test_module_constants_are_replaced_in_place() -> None:
    text = 'RATES = {"A": 1}\n\n\ndef rate(code):\n    return RATES[code]\n'
    target = find_target("r.py", text, "file")
    new = merge_reply('RATES = {"A": 0.01}\n', {"r.py": text}, "r.py", target)["r.py"]
    assert new == text.replace("1}", "0.01}")


def test_crlf_is_kept_and_unchanged_reply_changes_nothing() -> None:
    text = "def f():\r\n    return 1\r\n\r\n\r\ndef g():\r\n    return 2\r\n"
    target = find_target("f.py", text, "f")
    new = merge_reply("def f():\n    return 3\n", {"f.py": text}, "f.py", target)["f.py"]
    assert new == text.replace("return 1", "return 3")
    assert merge_reply("def g():\n    return 2\n", {"f.py": text}, "f.py", target) == {}


def test_replies_that_are_not_definitions_are_left_to_the_caller() -> None:
    text = "x = 1\ny = 2\n"
    assert merge_reply("this is not python (", {"a.py": text}, "a.py", find_target("a.py", text, "file")) is None
    assert merge_reply("y = 3", {"a.py": text}, "a.py", find_target("a.py", text, "2-2")) is None


def test_imports_go_after_the_docstring_and_existing_imports() -> None:
    text = '"""Doc."""\nfrom __future__ import annotations\n\nX = 1\n'
    assert add_imports(text, ["import math"], "\n") == (
        '"""Doc."""\nfrom __future__ import annotations\nimport math\n\nX = 1\n')
    assert add_imports(text, ["from __future__ import annotations"], "\n") == text


def test_a_changed_from_import_keeps_the_names_the_file_still_uses() -> None:
    text = "from m import a, b\n\n\ndef f():\n    return a() + b()\n"
    target = find_target("f.py", text, "f")
    reply = "from m import c\n\n\ndef f():\n    return c() + b()\n"
    new = merge_reply(reply, {"f.py": text}, "f.py", target)["f.py"]
    assert new == "from m import c, b\n\n\ndef f():\n    return c() + b()\n"


def test_two_from_imports_of_one_module_in_a_reply_are_both_kept() -> None:
    text = "from . import DAYS\nfrom .timeutil import to_hours\n\n\ndef f():\n    return DAYS, to_hours(1)\n"
    target = find_target("p/f.py", text, "f")
    reply = "from . import DAYS\nfrom . import timeutil\n\n\ndef f():\n    return DAYS, timeutil.to_hours(2)\n"
    new = merge_reply(reply, {"p/f.py": text}, "p/f.py", target)["p/f.py"]
    assert new.startswith("from . import DAYS, timeutil\n")
    assert "return DAYS, timeutil.to_hours(2)" in new


def test_a_reply_that_repeats_a_related_file_unchanged_changes_nothing() -> None:
    """Not a whole-file replacement of the target with the related file's code."""
    note = "from tagging import add_tag\n\n\nclass Note:\n    def __init__(self):\n        self.tags = add_tag('new')\n"
    tagging = "def add_tag(tag, tags=[]):\n    tags.append(tag)\n    return tags\n"
    reply = tagging + "\n\n" + note.split("\n\n\n", 1)[1]
    target = find_target("note.py", note, "file")
    assert apply_reply("note.py", {"note.py": note, "tagging.py": tagging}, target, reply) == {}


def test_a_helper_alone_is_not_taken_for_a_rename_of_the_target() -> None:
    """The target is only replaced by a new definition of its own shape; a reply that places
    existing code never also deletes the target."""
    import pytest

    from dcx.merge import ReplyError

    target = find_target("bank.py", ACCOUNT, "Account.deposit")
    reply = WITHDRAW.replace("if amount <= 0:", "if check(amount):") + "\n\n\ndef check(amount):\n    return amount <= 0\n"
    new = merge_reply(reply, {"bank.py": ACCOUNT}, "bank.py", target)["bank.py"]
    assert "    def deposit(self, amount):" in new and "def check(amount):" in new
    with pytest.raises(ReplyError, match="does not define deposit"):
        merge_reply("def fmt(x):\n    return str(x)\n", {"bank.py": ACCOUNT}, "bank.py", target)


def test_replies_without_definitions_are_refused_for_definition_targets() -> None:

    from dcx.merge import ReplyError

    for reply in ("", "# nothing to change", "class Account:\n    pass\n", "x = 1\n"):
        for name in ("Account.deposit", "file"):
            target = find_target("bank.py", ACCOUNT, name)
            try:
                assert merge_reply(reply, {"bank.py": ACCOUNT}, "bank.py", target) in ({}, None)
            except ReplyError:
                pass
            changed = {}
            try:
                changed = apply_reply("bank.py", {"bank.py": ACCOUNT}, target, reply)
            except ReplyError:
                pass
            assert changed == {}, (reply, name)


def test_nested_classes_in_a_partial_class_merge_recursively() -> None:
    text = "class O:\n    class I:\n        def a(self):\n            return 1\n\n        def b(self):\n            return 2\n\n    def c(self):\n        return 3\n"
    reply = "class O:\n    class I:\n        def a(self):\n            return 10\n"
    new = merge_reply(reply, {"o.py": text}, "o.py", find_target("o.py", text, "file"))["o.py"]
    assert new == text.replace("return 1", "return 10")


def test_example_code_does_not_overwrite_module_variables() -> None:
    text = "result = []\n\n\ndef f(x):\n    return x\n"
    reply = "def f(x):\n    return x + 1\n\n\nresult = f(3)\n"
    new = merge_reply(reply, {"m.py": text}, "m.py", find_target("m.py", text, "f"))["m.py"]
    assert new == text.replace("return x\n", "return x + 1\n")


def test_a_top_level_helper_does_not_overwrite_a_method_of_the_same_name() -> None:
    text = "class A:\n    def close(self):\n        return 1\n\n\ndef run():\n    return A().close()\n"
    reply = "def run():\n    return close(A())\n\n\ndef close(x):\n    return x.close()\n"
    new = merge_reply(reply, {"a.py": text}, "a.py", find_target("a.py", text, "run"))["a.py"]
    assert "    def close(self):\n        return 1\n" in new and "\ndef close(x):" in new


def test_odd_imports_do_not_crash_or_break_the_file() -> None:
    text = "import os; from m import a\nfrom n import *\n\n\ndef f():\n    return a + os.sep\n"
    target = find_target("f.py", text, "f")
    for reply in ("from m import b\n\n\ndef f():\n    return b\n",
                  "from n import x\n\n\ndef f():\n    return x\n",
                  "from n import *\n\n\ndef f():\n    return 2\n"):
        new = merge_reply(reply, {"f.py": text}, "f.py", target)["f.py"]
        assert validate("f.py", new) is None, new
        assert "from n import *" in new
    assert add_imports("import os", ["import math"], "\n") == "import os\nimport math\n"


def test_a_new_definition_repeated_in_the_reply_is_added_once_and_crlf_replies_fit_lf_files() -> None:
    text = "def f():\n    return g()\n"
    reply = "def f():\r\n    return g()\r\n\r\n\r\ndef g():\r\n    return 1\r\n\r\n\r\ndef g():\r\n    return 2\r\n"
    new = merge_reply(reply, {"f.py": text}, "f.py", find_target("f.py", text, "file"))["f.py"]
    assert new.count("def g") == 1 and "\r" not in new


def test_files_with_mixed_line_endings_keep_each_lines_own() -> None:
    """QuixBugs' wrap.py: LF code, a CRLF docstring; only the changed line may differ."""
    text = "def wrap(text, cols):\n    lines = []\n    return lines\n\n\"\"\"\r\nDoc\r\n\"\"\"\r\n"
    target = find_target("wrap.py", text, "wrap")
    changed = apply_reply("wrap.py", {"wrap.py": text}, target,
                          "def wrap(text, cols):\n    lines = [text]\n    return lines\n")
    assert changed == {"wrap.py": text.replace("lines = []", "lines = [text]")}
    changed = apply_reply("wrap.py", {"wrap.py": text}, find_target("wrap.py", text, "2-2"), "    lines = [1]")
    assert changed == {"wrap.py": text.replace("lines = []", "lines = [1]")}


def test_an_import_of_the_reply_goes_only_where_its_name_is_used_as_code() -> None:
    """A comment that mentions a word is no use of the name: `import time` stays out of a file
    whose only "time" is in a comment."""
    clock = "class Clock:\n    def tick(self):\n        return 1\n"
    log = "class Log:\n    def add(self, seconds):\n        return seconds\n"
    reply = ("import time\n\n\nclass Log:\n    def add(self, seconds):\n        # thinking time\n"
             "        return seconds + 0\n\n\nclass Clock:\n    def tick(self):\n        return time.monotonic()\n")
    target = find_target("clock.py", clock, "file")
    merged = merge_reply(reply, {"clock.py": clock, "log.py": log}, "clock.py", target)
    assert merged["clock.py"].startswith("import time\n")
    assert "import time" not in merged["log.py"]
