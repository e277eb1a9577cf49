"""The probability the model gave each token it generated, kept while llama.cpp samples.

A logits processor is called before each token is sampled, with the tokens so far and the
logits for the next one. It returns the logits unchanged (so a reply is the one dcx gets
without it) and keeps a copy; at the next call the newest token is the one chosen, and its
probability is the softmax of those logits, before temperature, top-k and top-p. The last token
of a reply (its end) is never seen: no call follows it.
"""

from __future__ import annotations

import codecs
import math
from typing import Any, Callable


class TokenProbabilities:
    def __init__(self) -> None:
        self._logits: Any = None
        self._chosen: list[tuple[int, float]] = []

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        import numpy as np  # llama-cpp-python's own dependency, there whenever this runs

        if self._logits is not None:
            token = int(input_ids[-1])
            top = float(self._logits.max())
            total = float(np.exp(self._logits - top).sum())
            self._chosen.append((token, math.exp(float(self._logits[token]) - top) / total))
        self._logits = np.array(scores, dtype=np.float64)  # a copy: llama.cpp reuses its buffer
        return scores

    def pieces(self, detokenize: Callable[[list[int]], bytes], text: str) -> tuple[tuple[str, float], ...]:
        """Each chosen token's text and probability; a character split over several tokens
        belongs to the token that completes it. () when the tokens do not spell the start of
        ``text`` (the reply as the engine returned it): then they are not known."""
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        pieces = tuple((decoder.decode(detokenize([token])), p) for token, p in self._chosen)
        return pieces if text.startswith("".join(piece for piece, _ in pieces)) else ()
