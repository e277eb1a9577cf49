"""What a chat remembers of its conversation, within a token budget: the last turns whole (their
text cut to a length), older turns as one line each, and the oldest of those dropped when even
that does not fit. Each turn makes a new Memory; nothing is changed in place."""

from __future__ import annotations

from dataclasses import dataclass, replace

from dcx.context import estimate_tokens

MEMORY_TOKENS = 1200  # of conversation shown to a model beside each question or change
RECENT_TURNS = 2  # kept whole (cut to TURN_CHARS per part)
TURN_CHARS = 600
LINE_CHARS = 100  # of each part of an older turn, summarized on one line


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split()) if limit <= LINE_CHARS else text.strip()
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


@dataclass(frozen=True)
class Turn:
    kind: str  # "question" or "change"
    said: str  # what the user typed
    reply: str  # the answer, or what the change does

    def text(self) -> str:
        return f"User ({self.kind}): {_cut(self.said, TURN_CHARS)}\ndcx: {_cut(self.reply, TURN_CHARS)}"

    def line(self) -> str:
        return f"{self.kind}: {_cut(self.said, LINE_CHARS)} -> {_cut(self.reply, LINE_CHARS)}"


@dataclass(frozen=True)
class Memory:
    turns: tuple[Turn, ...] = ()  # the newest turns, whole
    earlier: tuple[str, ...] = ()  # older turns, one line each, oldest first
    forgotten: int = 0  # turns dropped altogether
    budget: int = MEMORY_TOKENS

    @property
    def last(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    def text(self) -> str:
        """The conversation as a model is shown it ("" when there is none)."""
        parts = [f"({self.forgotten} earlier turns left out)"] if self.forgotten else []
        if self.earlier:
            parts.append("Earlier:\n" + "\n".join(f"- {line}" for line in self.earlier))
        parts += [t.text() for t in self.turns]
        return "\n".join(parts)

    @property
    def tokens(self) -> int:
        return estimate_tokens(self.text()) if self.turns or self.earlier else 0

    def add(self, turn: Turn) -> "Memory":
        """This memory with ``turn`` after the others, fitted to the budget."""
        return replace(self, turns=self.turns + (turn,)).fitted()

    def fitted(self) -> "Memory":
        memory = self
        while memory.tokens > memory.budget:
            if len(memory.turns) > RECENT_TURNS:  # the oldest whole turn becomes a line
                memory = memory._summarized()
            elif memory.earlier:  # then the oldest line goes
                memory = replace(memory, earlier=memory.earlier[1:], forgotten=memory.forgotten + 1)
            elif len(memory.turns) > 1:
                memory = memory._summarized()
            elif memory.turns and len(memory.turns[0].text()) > 2 * LINE_CHARS + 30:
                turn = memory.turns[0]  # the last turn alone is too long: cut it short
                memory = replace(memory, turns=(Turn(turn.kind, _cut(turn.said, LINE_CHARS),
                                                     _cut(turn.reply, LINE_CHARS)),))
            else:
                return replace(memory, turns=(), forgotten=memory.forgotten + len(memory.turns))
        return memory

    def _summarized(self) -> "Memory":
        return replace(self, turns=self.turns[1:], earlier=self.earlier + (self.turns[0].line(),))
