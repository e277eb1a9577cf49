"""The in-process llama-cpp-python backend on the packaged router model: llama.cpp's own counters
say what was evaluated, and a conversation that grows turn by turn reuses its cached prefix."""

from __future__ import annotations

import pytest

from dcx.backends import code_model, create_backends
from dcx.backends.base import ChatRequest
from dcx.config import load_settings
from dcx.progress import Silent
from dcx.prompts import ROLE_SYSTEM


@pytest.mark.model
def test_a_later_turn_evaluates_only_its_new_tokens() -> None:
    router = create_backends(load_settings(None, {}), Silent())["router"]
    messages = [{"role": "system", "content": ROLE_SYSTEM},
                {"role": "user", "content": "Which file defines mean()?"}]
    first = router.chat(ChatRequest(messages, max_tokens=8))
    assert first.prompt_tokens > 200  # the system prompt alone is long
    assert first.evaluated >= first.prompt_tokens - 1  # a fresh model evaluates all of it
    assert first.prompt_seconds > 0 and first.generation_seconds > 0
    messages += [{"role": "assistant", "content": first.text},
                 {"role": "user", "content": "Now read stats/core.py."}]
    second = router.chat(ChatRequest(messages, max_tokens=8))
    new = second.prompt_tokens - first.prompt_tokens
    assert 0 < second.evaluated <= new + 2, (second.evaluated, new)  # the prefix came from the cache

    prompt_rate, generation_rate = router.raw_throughput(256, 16)
    assert prompt_rate > generation_rate > 0  # tokens/s, llama-cpp-python alone
    deep_prompt, deep_generation = router.raw_throughput(64, 8, cached_tokens=512)
    evaluated = router._perf(router._llama).n_p_eval
    assert deep_prompt > 0 and deep_generation > 0
    assert 64 <= evaluated <= 66, evaluated  # only the new tokens were evaluated, after the prefix


@pytest.mark.model
def test_weights_are_not_repacked_unless_asked() -> None:
    """llama.cpp's repacking keeps a second copy of the weights (benchmarks.md: 2,543 against
    1,919 MiB for both models); dcx loads without it unless `weight_repack` is set."""
    import llama_cpp.llama_cpp as low

    for setting in (False, True):
        router = create_backends(load_settings(None, {"weight_repack": setting}), Silent())["router"]
        reply = router.chat(ChatRequest([{"role": "user", "content": "Say hi."}], max_tokens=2))
        assert reply.text and router._llama.model_params.use_extra_bufts is setting
        assert low.llama_model_default_params().use_extra_bufts  # llama.cpp's own default is back
        router._llama.close()


@pytest.mark.model
def test_a_reply_asked_for_its_token_probabilities_is_the_same_reply_with_them() -> None:
    """The code model, sampling as a retry does: the recorder leaves the reply as it would be
    (same seed, same text) and its tokens spell that reply, each with a probability."""
    settings = load_settings(None, {})
    coder = code_model(create_backends(settings, Silent()), settings)
    messages = ({"role": "user", "content": "Write a Python function that returns the median of "
                                            "a list, with a docstring that says café."},)
    plain = coder.chat(ChatRequest(messages, 120, temperature=0.7, seed=5), lambda piece: False)
    scored = coder.chat(ChatRequest(messages, 120, temperature=0.7, seed=5, probabilities=True),
                        lambda piece: False)
    assert plain.tokens == () and scored.text == plain.text
    spelled = "".join(piece for piece, _ in scored.tokens)
    assert len(scored.tokens) >= scored.completion_tokens - 1 and scored.text.startswith(spelled)
    assert all(0.0 < p <= 1.0 for _, p in scored.tokens)
    assert min(p for _, p in scored.tokens) < 0.99 < max(p for _, p in scored.tokens)
