"""Error messages the request spells out (dcx.asked_messages): a reply that raises a message of
its own while the request's is raised nowhere is told so and asked again. Real temporary
repositories, scripted models."""

from __future__ import annotations

from dcx.asked_messages import Asked, asked_messages, invented_message_reason, raises
from dcx.config import load_settings
from dcx.pipeline import Pipeline
from dcx.progress import Silent
from dcx.request import Request
from dcx.workspace import Workspace
from tests.conftest import code_reply
from tests.fakes import FakeBackend

VET = ("Prescribing meloxicam for a rabbit blows up with a bare `KeyError: 'rabbit'`. It should raise "
       "`ValueError(\"no dose of meloxicam listed for species 'rabbit'\")`, and a typo like \"asprin\" "
       "should raise `ValueError(\"unknown drug 'asprin'\")`.")


def test_the_messages_a_request_spells_out() -> None:
    assert asked_messages(VET) == (Asked("ValueError", "no dose of meloxicam listed for species 'rabbit'"),
                                   Asked("ValueError", "unknown drug 'asprin'"))
    # after the word "message" in one sentence, with the exception named before it there
    assert asked_messages("Asking for too many must raise `SoldOut` and change nothing, with the "
                          "message `only 3 seats left in Circle` (`only 1 seat left in ...` when "
                          "there's one). Calling `book(3)` is fine.") == (
        Asked("SoldOut", "only 3 seats left in Circle"),)
    assert asked_messages("It should raise ConfigSyntaxError with the message "
                          "`line 4: expected 'key = value'`") == (
        Asked("ConfigSyntaxError", "line 4: expected 'key = value'"),)
    assert asked_messages('With the message `"letters not permitted"`.') == (
        Asked("", "letters not permitted"),)
    # not: code after "message", a word without a space, text before "message", a list of cases
    # under a heading line, a request with no message
    assert asked_messages('The message for `parse("61 * *")` is `unknown`.') == ()
    assert asked_messages("`no seats left` is the message today.") == ()
    assert asked_messages("Raise `ValueError` with exactly these messages:\n- `empty row` for a row "
                          "with no stitches") == ()
    assert asked_messages("add() subtracts") == ()


DOSING = '''FORMULARY = {"meloxicam": {"dog": 0.1}}


def dose_mg(drug, species, kg):
    if drug not in FORMULARY:
        raise ValueError(f"unknown drug '{drug}'")
    return FORMULARY[drug][species] * kg
'''
OWN = DOSING.replace("    return FORMULARY", "    if species not in FORMULARY[drug]:\n"
                     "        raise ValueError(f\"we do not treat {species!r}\")\n    return FORMULARY")
ASKED = OWN.replace("we do not treat {species!r}", "no dose of {drug} listed for species '{species}'")


def test_a_raise_fits_a_message_its_fields_filled_in() -> None:
    (raised,) = raises("def f(n, s):\n    raise ValueError(f'only {n} seat{s} left')\n")
    assert raised.fits(Asked("ValueError", "only 1 seat left"))  # a field may be empty
    assert raised.fits(Asked("", "only 3 seats left")) and not raised.fits(Asked("", "3 seats left"))
    assert not raised.fits(Asked("KeyError", "only 1 seat left"))
    assert list(raises("def f(m):\n    raise ValueError(m)\n")) == []  # not a string dcx can read


def test_a_raise_of_its_own_while_the_asked_message_is_missing_is_a_problem() -> None:
    before = {"dosing.py": DOSING}
    reason = invented_message_reason({"dosing.py": OWN}, before, before, VET)
    assert reason is not None and "raise ValueError(f\"we do not treat {species!r}\")" in reason
    assert "ValueError(\"no dose of meloxicam listed for species 'rabbit'\") is raised nowhere" in reason
    assert invented_message_reason({"dosing.py": ASKED}, before, before, VET) is None
    # the asked message raised in another file of the project: the new raise may have its own
    elsewhere = {**before, "pets.py": "def check(d, s):\n    raise ValueError(f'no dose of {d} listed "
                 "for species {s!r}')\n"}
    assert invented_message_reason({"dosing.py": OWN}, before, elsewhere, VET) is None
    # a raise whose message the request quotes elsewhere, or one the file had, is not its own
    quoted = VET + " A negative weight gives `weight must be positive`."
    positive = DOSING.replace("    return FORMULARY", "    if kg < 0:\n        raise ValueError("
                              "'weight must be positive')\n    return FORMULARY")
    assert invented_message_reason({"dosing.py": positive}, before, before, quoted) is None
    assert invented_message_reason({"dosing.py": DOSING + "\n"}, before, before, VET) is None
    assert invented_message_reason({"dosing.py": OWN}, before, before, "fix dose_mg") is None


def test_the_code_model_is_told_to_raise_the_asked_message(make_repo) -> None:
    repo = make_repo({"dosing.py": DOSING})
    coder = FakeBackend([code_reply(OWN.split("\n\n\n")[1]), code_reply(ASKED.split("\n\n\n")[1])])
    pipeline = Pipeline(load_settings(repo, {}), Workspace(repo), Silent(),
                        {"router": FakeBackend([]), "code": coder})
    result = pipeline.run(pipeline.start(Request(VET + " See dose_mg in dosing.py.")))
    assert len(coder.history) == 2
    told = coder.history[1]["messages"][-1]["content"]
    assert told.startswith("That is not usable: the new `raise ValueError(f\"we do not treat")
    assert "+        raise ValueError(f\"no dose of {drug} listed for species '{species}'\")" in result.diff
    assert "we do not treat" not in result.diff


def _run(repo, replies):
    coder = FakeBackend([code_reply(r) for r in replies])
    pipeline = Pipeline(load_settings(repo, {}), Workspace(repo), Silent(),
                        {"router": FakeBackend([]), "code": coder})
    return pipeline.run(pipeline.start(Request(VET + " See dose_mg in dosing.py."))), coder


def test_the_advice_is_given_once_and_never_costs_the_change(make_repo) -> None:
    repo = make_repo({"dosing.py": DOSING})
    own, broken = OWN.split("\n\n\n")[1], "def dose_mg(drug, species, kg):\n    return (\n"
    # told once; a second message of its own is taken as it is (no third try)
    result, coder = _run(repo, [own, own])
    assert len(coder.history) == 2 and "we do not treat" in result.diff
    # told once, it then replies with broken code or a copy: the reply before the advice stands
    for after in ([broken, broken], [DOSING.split("\n\n\n")[1]]):
        result, coder = _run(repo, [own, *after])
        assert len(coder.history) == 1 + len(after)
        assert "we do not treat" in result.diff and result.answer.startswith("Changed dose_mg")
