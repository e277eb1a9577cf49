"""Python nested too deep: Python's parser gives up on it with RecursionError or MemoryError,
not SyntaxError, and a tree it does build can be too deep for pyflakes and the recursive checks
(dcx.syntax). Such code, in a repository file or in a reply, is never a traceback."""

from __future__ import annotations

import ast

from dcx.static_check import new_problems
from dcx.syntax import MAX_DEPTH, TOO_DEEP, depth, nests_too_deep, parsed, parsed_module


def chain(terms: int) -> str:
    """``BANNER = "ab" + "ab" + ...``: a tree about ``terms`` levels deep."""
    return "BANNER = " + " + ".join(['"ab"'] * terms) + "\n"


APP = "def total(prices):\n    return sum(prices)\n"


def test_code_python_cannot_parse_is_none_whatever_the_reason() -> None:
    for text in ("def f(:\n", "x = 1\x00\n", chain(5000), "x = " + "-" * 200_000 + "1\n"):
        assert parsed_module(text) is None
    assert parsed("f(x)", mode="eval") is not None and parsed("f(", mode="eval") is None
    assert isinstance(parsed_module(APP), ast.Module)


def test_depth_is_counted_without_recursion_and_stops_past_its_limit() -> None:
    assert depth(ast.parse("x = 1\n")) == 4  # Module, Assign, Name, its Store context
    deep = ast.parse(chain(800))  # parses, but deeper than the interpreter lets a recursive walk go
    assert depth(deep, limit=10_000) > 800 and depth(deep) == MAX_DEPTH + 1
    assert nests_too_deep(chain(800)) and nests_too_deep(chain(5000))
    assert not nests_too_deep(chain(50) + APP) and not nests_too_deep("def f(:\n")


def test_a_change_to_code_too_deep_to_check_is_refused_though_it_was_deep_before() -> None:
    before = chain(800) + APP
    after = chain(800) + APP.replace("sum(prices)", "round(sum(prices), 2)")
    found = new_problems({"app.py": after}, {"app.py": before}, {"app.py": before})
    assert [p.message for p in found] == [TOO_DEEP]  # unchecked, it could hide any other problem
    shallow = new_problems({"app.py": chain(50) + APP + "\n"}, {"app.py": chain(50) + APP},
                           {"app.py": chain(50) + APP})
    assert shallow == []


def test_a_reply_that_nests_too_deep_is_a_problem_not_a_traceback() -> None:
    for terms in (800, 5000):  # pyflakes' recursion, then the parser's
        looping = APP.replace("sum(prices)", "sum(prices) + " + " + ".join(["0"] * terms))
        found = new_problems({"app.py": looping}, {"app.py": APP}, {"app.py": APP})
        assert [p.message for p in found] == [TOO_DEEP]


def test_a_shown_file_too_deep_to_walk_is_no_traceback(make_repo) -> None:
    from dcx.copied_methods import without_copied_methods
    from tests.conftest import code_reply, told_and_taken

    def basket(terms: int) -> str:
        return ("from shop.cart import Cart\n\n\nclass Basket(Cart):\n    def heavy(self):\n"
                "        return " + "1+" * terms + "1\n")

    cart = "class Cart:\n    def total(self):\n        return sum(self.items)\n"
    reply = "class Cart:\n    def total(self):\n        return round(sum(self.items), 2)\n"
    files = {"shop/cart.py": cart, "shop/basket.py": basket(2000)}
    assert without_copied_methods(reply, files) == reply  # ast.dump of heavy would recurse too deep
    repo = make_repo({"shop/__init__.py": "", "shop/cart.py": cart, "shop/basket.py": basket(400)})
    # the reply changes Basket too, in the file too deep to check: refused, and the model told why
    both = code_reply(reply + "\n\nclass Basket(Cart):\n    def light(self):\n        return 1\n")
    told, result = told_and_taken(repo, [both] * 3, "Cart.total and Basket must round to cents")
    assert told.startswith(f"That is not usable: {TOO_DEEP}") and not result.changes


def test_the_checks_that_read_every_file_pass_over_code_too_deep_to_walk() -> None:
    from dcx.call_fit import misfits
    from dcx.findings import findings

    terms = " + ".join(["1"] * 600)
    report = f"from shop.app import total\n\n\ndef report():\n    return total([1], {terms})\n"
    # total takes one argument: a misfit, but one ast.unparse cannot print; the other is reported
    found = misfits({"shop/app.py": APP, "shop/report.py": report,
                     "shop/late.py": "from shop.app import total\n\n\ndef late():\n    return total()\n"})
    assert [(m.path, m.call) for m in found] == [("shop/late.py", "total()")]
    shared = f"def total(prices, extra=[{terms}]):\n    extra.append(1)\n    return sum(prices)\n"
    assert findings("app.py", shared, {"total"}) == []  # its default, unparsed, would recurse
    assert findings("app.py", shared.replace(terms, "1"), {"total"})  # the pattern itself is found


def test_an_indented_reply_too_deep_is_refused_before_it_is_placed(make_repo) -> None:
    from tests.conftest import code_reply, told_and_taken

    cart = "class Cart:\n    def total(self):\n        return sum(self.items)\n"
    reply = ("class Cart:\n    def total(self):\n        return round(sum(self.items), 2)\n\n"
             "    def weight(self):\n        return " + " + ".join(["1"] * 1200) + "\n")
    indented = "".join("    " + line for line in reply.splitlines(keepends=True))  # dcx.merge dedents it
    told, result = told_and_taken(make_repo({"shop/__init__.py": "", "shop/cart.py": cart}),
                                  [code_reply(indented)] * 3, "Cart.total must round to cents")
    assert told.startswith(f"That is not usable: {TOO_DEEP}") and not result.changes
