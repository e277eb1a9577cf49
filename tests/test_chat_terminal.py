"""`dcx chat` in a real terminal (a pseudo-terminal driven by pexpect): with scripted models, the
prompt, Ctrl-C at the prompt and Ctrl-D; with the real packaged models, a question answered with
a citation, a change shown as a diff, a follow-up that refines it, Ctrl-C during a generation
(the session survives and answers the next line), /apply, and Ctrl-D to leave. One small
repository and short requests: a few minutes on 2 cores."""

from __future__ import annotations

import json
import os
import re
import signal
import sys

import pytest

from tests.conftest import git
from tests.fakes import subprocess_env

pexpect = pytest.importorskip("pexpect")

PROMPT = "dcx>"  # prompt_toolkit draws the space after it as a cursor move
COLOURS = re.compile(r"\x1b\[[0-9;]*m")
MODEL_SECONDS = 900  # one model turn, models loading included (minutes when another model runs)


def spawn(repo, timeout: float, **env: str):
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", **env}
    # as a user's terminal starts it: a shell's background job (`make test &`) inherits SIGINT
    # ignored, and Ctrl-C during a generation is what this tests
    return pexpect.spawn(sys.executable, ["-m", "dcx", "chat"], cwd=str(repo), env=env,
                         encoding="utf-8", timeout=timeout, dimensions=(40, 200),
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def test_a_terminal_gets_a_prompt_ctrl_c_there_gives_a_fresh_line_and_ctrl_d_leaves(
        fixture_repo, tmp_path) -> None:
    repo = fixture_repo("mean")
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"router": [{"intent": "question", "command": "none"}],
                                  "code": ["It is `stats/core.py:4` (mean).\n"]}))
    child = spawn(repo, 60, **subprocess_env(script))
    try:
        child.expect_exact("/help lists the commands")
        child.expect_exact(PROMPT)
        child.sendintr()  # Ctrl-C at the prompt: a fresh prompt, the session goes on
        child.expect_exact(PROMPT)
        child.send("where is the mean?\r")
        child.expect_exact("It is `stats/core.py:4` (mean).")
        child.expect_exact(PROMPT)
        child.send("/files\r")
        child.expect_exact("discussed: stats/core.py")
        child.expect_exact(PROMPT)
        child.sendeof()
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0
    assert (repo / ".git" / "dcx" / "chat-history").read_text().count("where is the mean?") == 1


@pytest.mark.model
def test_a_chat_in_a_terminal_with_the_real_models(fixture_repo) -> None:
    repo = fixture_repo("mean")
    child = spawn(repo, MODEL_SECONDS, DCX_PROGRESS="1")
    try:
        child.expect_exact(PROMPT)
        child.send("where is the mean computed?\r")
        child.expect(r"stats/core\.py:\d+")  # the answer cites the file
        child.expect_exact(PROMPT)

        child.send("mean() must divide by the number of values\r")
        child.expect_exact("diff --git a/stats/core.py b/stats/core.py")
        child.expect_exact("not applied")
        child.expect_exact(PROMPT)

        child.send("also reject negative values with a ValueError\r")
        child.expect_exact("refining the last change")
        child.expect_exact("diff --git a/stats/core.py b/stats/core.py")
        child.expect_exact("not applied")
        refined = COLOURS.sub("", child.before)  # a terminal gets a coloured diff
        child.expect_exact(PROMPT)
        assert "-    return sum(values) / (len(values) - 1)" in refined  # both, against the tree
        added = [line for line in refined.splitlines() if line.startswith("+")]
        assert any("< 0" in line or "ValueError" in line or "negative" in line for line in added)

        child.send("what does median return for an even number of values?\r")
        child.expect_exact("answering from")
        child.sendintr()  # Ctrl-C while the code model works
        child.expect_exact("cancelled; the session goes on")
        child.expect_exact(PROMPT)
        child.send("what does spread return?\r")
        child.expect(r"stats/core\.py:\d+")
        child.expect_exact(PROMPT)

        child.send("/apply\r")
        child.expect_exact("applied stats/core.py; staged stats/core.py")
        child.expect_exact(PROMPT)
        child.sendeof()  # Ctrl-D leaves
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0, child.before
    assert git(repo, "diff", "--cached", "--name-only").split() == ["stats/core.py"]
    staged = git(repo, "diff", "--cached")
    # what /apply staged is the refined change the session showed, line for line
    assert "-    return sum(values) / (len(values) - 1)" in staged
    assert ([line.rstrip() for line in staged.splitlines() if line.startswith("+") and not line.startswith("+++")]
            == [line.rstrip() for line in added if not line.startswith("+++")])
