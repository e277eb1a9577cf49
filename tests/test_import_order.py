"""dcx.import_order against the interpreter: for each small project, the modules whose import fails
in an import cycle are exactly those Python fails to import (a fresh `python -c "import m"` each)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dcx.import_order import failures

PROJECTS = {
    "from-imports both ways": {
        "shop/__init__.py": "",
        "shop/cart.py": "from shop.log import log\n\n\nclass Cart:\n    pass\n",
        "shop/log.py": "from shop.cart import Cart\n\n\ndef log():\n    return Cart\n",
    },
    "a plain import on one side": {
        "shop/__init__.py": "",
        "shop/cart.py": "from shop.log import log\n\n\nclass Cart:\n    pass\n",
        "shop/log.py": "import shop.cart\n\n\ndef log():\n    return shop.cart.Cart\n",
    },
    "the import after the definition": {
        "shop/__init__.py": "",
        "shop/cart.py": "class Cart:\n    pass\n\n\nimport shop.log\n",
        "shop/log.py": "from shop.cart import Cart\n\n\ndef log():\n    return Cart\n",
    },
    "the import after the definition, taking a name back": {
        "shop/__init__.py": "",
        "shop/cart.py": "class Cart:\n    pass\n\n\nfrom shop.log import log\n",
        "shop/log.py": "from shop.cart import Cart\n\n\ndef log():\n    return Cart\n",
    },
    "a package that exports from a module that imports it": {
        "shop/__init__.py": "from shop.cart import Cart\n\nVERSION = 1\n",
        "shop/cart.py": "from shop import VERSION\n\n\nclass Cart:\n    version = VERSION\n",
    },
    "sibling modules, imported as modules": {
        "shop/__init__.py": "from . import cart\n",
        "shop/cart.py": "from . import log\n\n\nclass Cart:\n    pass\n",
        "shop/log.py": "from . import cart\n\n\ndef log():\n    return cart.Cart\n",
    },
    "a module named like the standard library's": {
        "shop/__init__.py": "",
        "shop/logging.py": "from shop.cart import Cart\n\n\ndef log():\n    return Cart\n",
        "shop/cart.py": "from logging import getLogger\n\n\nclass Cart:\n    pass\n",
    },
}


def failing_in_python(tmp_path: Path, project: dict[str, str]) -> set[str]:
    for path, text in project.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    failing = set()
    for path in project:
        module = path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
        run = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=tmp_path,
                             capture_output=True, text=True, timeout=60)
        if run.returncode:
            assert "circular import" in run.stderr, run.stderr  # no other kind of failure here
            failing.add(path)
    return failing


@pytest.mark.parametrize("name", list(PROJECTS))
def test_the_imports_that_fail_are_those_python_fails(tmp_path: Path, name: str) -> None:
    project = PROJECTS[name]
    found = failures(project)
    assert {f.first for f in found} == failing_in_python(tmp_path, project)
    for f in found:  # each names the line that fails and the module half-loaded at the time
        line = project[f.path].splitlines()[f.line - 1]
        assert line.startswith(f"from {f.module} import") and f.name in line
        assert f.source in project and f.source != f.path


def test_some_of_the_projects_fail_and_some_do_not() -> None:
    # the comparison above means something only if both outcomes occur
    failing = {name for name, project in PROJECTS.items() if failures(project)}
    assert failing == {"from-imports both ways", "a plain import on one side",
                       "the import after the definition, taking a name back",
                       "a package that exports from a module that imports it"}


def test_a_chain_of_imports_too_deep_to_follow_finds_nothing_rather_than_crashing() -> None:
    chain = {f"m{i}.py": f"from m{i + 1} import X\nX = 1\n" for i in range(2000)}
    chain["m2000.py"] = "from m0 import X\nX = 1\n"  # a cycle no interpreter stack could follow
    short = {"a.py": "from b import Y\nX = 1\n", "b.py": "from a import X\nY = 1\n"}
    found = failures({**chain, **short})
    assert {f.first for f in found} == {"a.py", "b.py"}  # the rest is still judged
