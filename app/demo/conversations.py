"""The notes of each conversation in the demo: 200 to 3,000 characters about the concern."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from app.core.records import Channel, ConversationMode
from app.demo.dice import Context, Dice
from app.demo.phrases import (
    _AFTER_RESPONSE,
    _ANONYMOUS_NOTES,
    _CLOSERS,
    _MODES,
    _NEXT_STEPS,
    _PROCESS,
    _PROGRESS,
    _THEME_SENTENCES,
    _WELLBEING,
    MAX_NOTES,
    MIN_NOTES,
)


class Conversations(Dice):
    def conversation_count(self, stage2: bool) -> int:
        mode = 5.0 if stage2 else 2.0
        return max(1, min(15, round(self.rng.triangular(1, 15, mode))))

    def log_conversations(self, cid: int, ctx: Context, received: date, last: date,
                          count: int, channel: Channel | None = None) -> None:
        """The first on the received date, the rest spread up to a little after the last event."""
        end = min(self.today, max(received, last) + timedelta(days=21))
        days = sorted([received] + [self.between(received, end) for _ in range(count - 1)])
        for index, held in enumerate(days):
            if ctx.anonymous:  # how the anonymous concern came in
                mode = {Channel.EMAIL: ConversationMode.EMAIL,
                        Channel.WRITING: ConversationMode.LETTER}.get(
                            channel or Channel.OTHER, ConversationMode.OTHER)
            else:
                mode = self.weighted(_MODES)
            after = ctx.responded is not None and held > ctx.responded
            notes = self.notes(ctx, first=index == 0, last=index == len(days) - 1, after=after)
            self.service.log_conversation(cid, held, mode, notes, self.pick(_NEXT_STEPS))
            self.conversations += 1

    def notes(self, ctx: Context, *, first: bool, last: bool, after: bool = False) -> str:
        """200 to 3,000 characters of sentences in short paragraphs, about this concern."""
        target = MIN_NOTES + int(self.rng.betavariate(1.5, 4.0) * (MAX_NOTES - MIN_NOTES))
        themed = [_THEME_SENTENCES[code] for code in ctx.themes]
        pools: list[Sequence[str]]
        if ctx.anonymous:
            pools = [_ANONYMOUS_NOTES, *themed]
        elif first:
            pools = [*themed, _PROCESS, _WELLBEING]
        else:
            pools = [_AFTER_RESPONSE if after else _PROGRESS, *themed, _WELLBEING]
        paragraphs: list[list[str]] = [[]]

        def text() -> str:
            return "\n\n".join(" ".join(p) for p in paragraphs if p)

        def add(sentence: str) -> bool:
            paragraphs[-1].append(sentence)
            if len(text()) > MAX_NOTES:
                paragraphs[-1].pop()
                return False
            return True

        used: list[str] = []

        def fresh(pool: Sequence[str]) -> str:
            left = [t for t in pool if t not in used] or list(pool)
            chosen = self.pick(left)
            used.append(chosen)
            return chosen

        while len(text()) < target:
            if not add(self.fill(fresh(self.pick(pools)), ctx)):
                break
            if len(paragraphs[-1]) >= self.rng.randint(2, 5):
                paragraphs.append([])
        if last or self.chance(0.5):
            add(self.fill(self.pick(_CLOSERS), ctx))
        while len(text()) < MIN_NOTES:  # a very short draw: add a little more
            add(self.fill(fresh(_ANONYMOUS_NOTES if ctx.anonymous else _PROCESS), ctx))
        return text()
