"""One demo concern from intake to close: who raised it, how, and what became of it."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    Channel,
    Closure,
    ConsentMethod,
    Outcome,
    ProcedureDecision,
    ServiceType,
    Stage,
)
from app.demo.conversations import Conversations
from app.demo.dice import Context, signpost_body
from app.demo.phrases import (
    _BAU_ANONYMOUS,
    _BAU_REASONS,
    _BAU_UNNAMED,
    _BOTH_AREAS,
    _CATEGORIES,
    _CHANNELS,
    _DETRIMENT,
    _EMPLOYERS,
    _FIRST_NAMES,
    _ISSUES,
    _JOB_TITLES,
    _LA_AREAS,
    _LAST_NAMES,
    _LOCAL_THEMES,
    _NHS_AREAS,
    _NTF_ANONYMOUS,
    _NTF_REASONS,
    _RAISED_WITH,
    _STAGE1_HANDLERS,
    _STAGE2_HANDLERS,
    _SUMMARIES,
    _SUPPORT,
    _THEME_WEIGHTS,
    _TRANSFERRED_REASONS,
)
from app.demo.stages import Stages
from app.store.casebook import Casebook
from app.store.concerns import ConcernService, NewConcern


class ConcernWriter(Stages, Conversations):
    def __init__(self, book: Casebook, seed: int, today: date, end_year: int | None) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - synthetic content, not security
        self.today = today
        self.service = ConcernService(book, today=lambda: today)
        self.calendar = self.service.calendar()
        self.timescales = self.service.timescales
        self.book = book
        self.conversations = 0
        self.identities = 0
        self.start, self.end = window(today, end_year)
        self._references: dict[int, int] = {}
        self._prefix = book.setting("reference_prefix", "WB") or "WB"

    def reference(self, received: date) -> str:
        """The next reference for the year, as the service would give it (numbered, not sorted
        as text, so a year past 9,999 concerns keeps counting)."""
        year = received.year
        if year not in self._references:
            stem = f"{self._prefix}-{year}-"
            highest = 0
            for (ref,) in self.book.cases.execute(
                    "SELECT reference FROM concerns WHERE reference LIKE ?", (stem + "%",)):
                tail = str(ref)[len(stem):]
                if tail.isdigit():
                    highest = max(highest, int(tail))
            self._references[year] = highest
        self._references[year] += 1
        return f"{self._prefix}-{year}-{self._references[year]:04d}"

    def received_dates(self, count: int) -> list[date]:
        """Stratified over the window with gentle growth, nudged off weekends; sorted."""
        span = (self.end - self.start).days
        growth = 0.5  # the last year gets about 1.5 times the first year's concerns
        found = []
        for i in range(count):
            u = (i + self.rng.random()) / count
            t = (-1 + (1 + 2 * growth * u * (1 + growth / 2)) ** 0.5) / growth
            day = self.start + timedelta(days=min(span, int(t * (span + 1))))
            if day.weekday() >= 5 and self.chance(0.9):
                back = day - timedelta(days=day.weekday() - 4)  # the Friday before
                ahead = day + timedelta(days=7 - day.weekday())  # the Monday after
                if back >= self.start and (ahead > self.end or self.chance(0.5)):
                    day = back
                elif ahead <= self.end:
                    day = ahead
            found.append(day)
        return sorted(found)

    def concern(self, received: date) -> None:
        roll = self.rng.random()
        anonymity = (Anonymity.ANONYMOUS if roll < 0.10
                     else Anonymity.UNNAMED if roll < 0.15 else Anonymity.NAMED)
        service_type = self.weighted(((ServiceType.NHS, 80), (ServiceType.LOCAL_AUTHORITY, 10),
                                      (ServiceType.BOTH, 10)))
        area = self.pick({ServiceType.NHS: _NHS_AREAS, ServiceType.LOCAL_AUTHORITY: _LA_AREAS,
                          ServiceType.BOTH: _BOTH_AREAS}[service_type])
        themes = self.themes()
        ctx = Context(area, themes, anonymous=anonymity is Anonymity.ANONYMOUS)
        local = (self.pick(_LOCAL_THEMES),) if self.chance(0.05) else ()
        channel = (self.weighted(((Channel.WRITING, 40), (Channel.EMAIL, 40),
                                  (Channel.OTHER, 20)))
                   if ctx.anonymous else self.weighted(_CHANNELS))
        aware_on = received - timedelta(days=int(self.rng.triangular(0, 170, 10)))
        summary = self.fill(self.pick(_SUMMARIES[themes[0]]), ctx)
        base = NewConcern(
            received_on=received, channel=channel, raised_with=self.weighted(_RAISED_WITH),
            raiser_category=self.weighted(_CATEGORIES), anonymity=anonymity,
            service_type=service_type, service_area=area, summary=summary,
            themes=themes + local, aware_on=aware_on, reference=self.reference(received),
            demo=True)
        if anonymity is Anonymity.NAMED:
            self.named(base, ctx)
        else:
            self.outside_standards(base, ctx)

    def themes(self) -> tuple[str, ...]:
        count = self.weighted(((1, 55), (2, 35), (3, 10)))
        chosen: list[str] = []
        while len(chosen) < count:
            code = self.weighted(_THEME_WEIGHTS)
            if code not in chosen:
                chosen.append(code)
        return tuple(chosen)

    def person(self) -> PersonDetails:
        first, last = self.pick(_FIRST_NAMES), self.pick(_LAST_NAMES)
        self.identities += 1
        return PersonDetails(
            name=f"{first} {last}",
            email=f"{first.lower()}.{last.lower()}@example.org",
            phone=f"07700 900{self.rng.randrange(1000):03d}",
            employer=self.pick(_EMPLOYERS),
            job_title=self.pick(_JOB_TITLES),
            support_person=self.pick(_SUPPORT),
        )

    def outside_standards(self, base: NewConcern, ctx: Context) -> None:
        """Anonymous and unnamed concerns: recorded and counted, never taken into a stage."""
        cid = self.service.create(base)
        received = base.received_on
        decided = self.wd(received, self.rng.randint(1, 8))
        last = received
        if decided <= self.today and not self.chance(0.05):
            if self.chance(0.8):
                reasons = self.pick(_BAU_ANONYMOUS if ctx.anonymous else _BAU_UNNAMED)
                self.service.decide(cid, ProcedureDecision.BUSINESS_AS_USUAL, decided, reasons)
            else:
                self.service.decide(cid, ProcedureDecision.NOT_TAKEN_FORWARD, decided,
                                    self.pick(_NTF_ANONYMOUS))
            last = decided
        count = 1 if ctx.anonymous else self.weighted(((1, 50), (2, 30), (3, 20)))
        self.log_conversations(cid, ctx, received, last, count, base.channel)

    def named(self, base: NewConcern, ctx: Context) -> None:
        received = base.received_on
        roll = self.rng.random()
        start = Stage.STAGE1 if roll < 0.60 else Stage.STAGE2 if roll < 0.85 else None
        person = self.person()
        method = self.weighted(((ConsentMethod.CONVERSATION, 70), (ConsentMethod.EMAIL, 25),
                                (ConsentMethod.WRITING, 5)))
        if start is None:
            cid = self.service.create(replace(base, person=person))
            last = self.initial_discussion_only(cid, received, base.service_type)
            self.log_conversations(cid, ctx, received, last, self.conversation_count(False))
            return
        handler = self.pick(_STAGE1_HANDLERS if start is Stage.STAGE1 else _STAGE2_HANDLERS)
        consent_on = received if self.chance(0.5) else self.wd(received, self.rng.randint(1, 4))
        if consent_on > self.today:  # still at the initial discussion: not yet agreed
            cid = self.service.create(replace(base, person=person))
            self.log_conversations(cid, ctx, received, received, self.conversation_count(False))
            return
        if consent_on == received:
            cid = self.service.create(replace(base, person=person, starting_stage=start,
                                               handler=handler, consent_on=consent_on,
                                               consent_method=method))
        else:
            cid = self.service.create(replace(base, person=person, consent_on=consent_on,
                                               consent_method=method))
            self.service.decide(cid, ProcedureDecision.USE_PROCEDURE, consent_on,
                                stage=start, handler=handler)
        last = self.in_procedure(cid, ctx, start, received, consent_on, base.service_type)
        self.log_conversations(cid, ctx, received, last,
                               self.conversation_count(start is Stage.STAGE2))

    def initial_discussion_only(self, cid: int, received: date, service: ServiceType) -> date:
        """A named concern that never entered a stage; returns its last event's date."""
        decided = self.wd(received, self.rng.randint(1, 10))
        if decided > self.today:
            return received  # still being discussed
        roll = self.rng.random()
        if roll < 0.45:
            self.service.decide(cid, ProcedureDecision.BUSINESS_AS_USUAL, decided,
                                self.pick(_BAU_REASONS))
        elif roll < 0.85:
            self.service.decide(cid, ProcedureDecision.NOT_TAKEN_FORWARD, decided,
                                self.pick(_NTF_REASONS))
            self.service.signpost(cid, signpost_body(service), decided,
                                  notes="Told where to go next and how to get in touch.")
        else:
            self.service.close(cid, Closure.TRANSFERRED, decided, self.pick(_TRANSFERRED_REASONS))
        return decided

    def in_procedure(self, cid: int, ctx: Context, start: Stage, received: date,
                     consent_on: date, service: ServiceType) -> date:
        """Issues, stages, escalation and what follows; returns the last event's date."""
        issues = [self.service.add_issue(cid, self.fill(self.pick(_ISSUES[code]), ctx))
                  for code in self.issue_themes(ctx)]
        last = consent_on
        if start is Stage.STAGE1:
            complex_on = self.wd(received, self.rng.randint(1, 3))
            if self.chance(0.03) and complex_on <= self.today:
                # Found too complex for early resolution: straight to investigation.
                self.service.escalate(cid, complex_on, self.pick(_STAGE2_HANDLERS))
                result = self.stage(cid, Stage.STAGE2, complex_on, issues, service)
            else:
                result = self.stage(cid, Stage.STAGE1, received, issues, service)
                escalate = {Outcome.NOT_UPHELD: 0.2, Outcome.PARTIALLY_UPHELD: 0.12,
                            Outcome.UPHELD: 0.03}.get(result.outcome or Outcome.UPHELD, 0.0)
                if result.responded_on is not None and self.chance(escalate):
                    on = self.wd(result.responded_on, self.rng.randint(1, 15))
                    if on <= self.today:
                        self.service.escalate(cid, on, self.pick(_STAGE2_HANDLERS))
                        last = max(last, on)
                        result = self.stage(cid, Stage.STAGE2, on, issues, service)
        else:
            result = self.stage(cid, Stage.STAGE2, received, issues, service)
        last = max([last, *result.events])
        stage_open = result.responded_on is None and result.left_on is None
        if self.chance(0.08):
            last = max(last, self.disclosure(cid, received, result))
        if self.chance(0.04):
            on = self.between(received, self.today)
            text, action = _DETRIMENT[self.rng.randrange(len(_DETRIMENT))]
            self.service.record_detriment(cid, on, self.fill(text, ctx), action)
            last = max(last, on)
        if result.responded_on is not None:
            ctx.responded = result.responded_on
            last = max(last, self.after_response(cid, ctx, result))
        elif stage_open:
            last = self.today if (self.today - last).days < 30 else last
        return last

    def issue_themes(self, ctx: Context) -> list[str]:
        count = self.weighted(((1, 45), (2, 35), (3, 20)))
        codes = list(ctx.themes)
        while len(codes) < count:
            codes.append(ctx.themes[0])
        return codes[:count]


def window(today: date, end_year: int | None) -> tuple[date, date]:
    """The five financial years ending with `end_year`'s (the one starting 1 April end_year),
    by default the one containing `today`; received dates run up to today at the latest."""
    current = today.year if today.month >= 4 else today.year - 1
    last_year = current if end_year is None else end_year
    if last_year > current:
        raise ValueError(f"The financial year {last_year}-{(last_year + 1) % 100:02d} has "
                         "not started yet.")
    start = date(last_year - 4, 4, 1)
    end = min(today, date(last_year + 1, 3, 31))
    return start, end
