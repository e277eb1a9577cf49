"""Repository requests end to end with the real packaged models (slow; CI runs them): a request
whose change needs two files."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dcx.config import load_settings
from dcx.progress import Silent
from dcx.run import run_request
from dcx.workspace import Workspace
from tests.conftest import git

SHOP = {
    "shop/__init__.py": "",
    "shop/money.py": ('"""Prices are whole cents."""\n\n\ndef format_price(cents):\n'
                      '    """A price for people: 250 -> "$2.50"."""\n    return f"${cents / 100:.2f}"\n'),
    "shop/tags.py": ('"""Shelf tags."""\n\nfrom shop.money import format_price\n\n\n'
                     'def price_tag(name, cents):\n    """The text on a shelf tag: "tea: $2.50"."""\n'
                     '    return f"{name}: {format_price(cents)}"\n'),
    "tests/test_tags.py": ("from shop.tags import price_tag\n\n\ndef test_tag():\n"
                           "    assert price_tag('tea', 250) == 'tea: $2.50'\n"),
}
REQUEST = ("Shelf tags abroad need another currency sign: let format_price take a `symbol` argument "
           "(default \"$\"), and let price_tag take a `symbol` too and pass it on, so that "
           "price_tag(\"tea\", 250, symbol=\"€\") gives \"tea: €2.50\".")
CHECK = ("from shop.tags import price_tag\nfrom shop.money import format_price\n\n\n"
         "def test_symbol():\n    assert price_tag('tea', 250, symbol='€') == 'tea: €2.50'\n"
         "    assert format_price(5, symbol='£') == '£0.05'\n    assert price_tag('tea', 250) == 'tea: $2.50'\n")


@pytest.mark.model
def test_a_two_file_request_changes_both_files_and_the_result_works(make_repo) -> None:
    repo = make_repo(SHOP)
    outcome = run_request(Workspace(repo), load_settings(repo, {}), REQUEST, (), "fix", True, Silent())
    assert outcome.wrote, outcome.result.answer
    assert set(outcome.result.files) == {"shop/money.py", "shop/tags.py"}, outcome.result.diff
    (repo / "tests" / "test_symbol.py").write_text(CHECK, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=repo,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, outcome.result.diff + done.stdout[-2000:]
    assert "shop/money.py" in git(repo, "diff", "--cached", "--name-only")
