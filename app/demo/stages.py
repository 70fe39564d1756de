"""A stage's timeline in the demo: acknowledgement, extensions, a response or a withdrawal,
then actions and learning, feedback and disclosures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from app.core.records import (
    Closure,
    DisclosureConsent,
    Outcome,
    ServiceType,
    SpeakUpAgain,
    Stage,
)
from app.demo.dice import Context, Dice, signpost_body
from app.demo.phrases import (
    _ACTIONS,
    _AUTHORISERS,
    _DISCLOSURES,
    _EXTENSION_REASONS,
    _FEEDBACK,
    _NOT_ADOPTED,
    _OWNERS,
    _RESPONSE_SUMMARIES,
    _TRANSFERRED_REASONS,
    _WITHDRAWN_REASONS,
)
from app.store.concerns import IssueOutcome


@dataclass
class StageResult:
    responded_on: date | None = None
    outcome: Outcome | None = None
    left_on: date | None = None  # withdrawn or transferred on this date
    events: list[date] = field(default_factory=list)


class Stages(Dice):
    def stage(self, cid: int, stage: Stage, entered: date, issues: list[int],
              service: ServiceType) -> StageResult:
        """One stage's timeline: acknowledgement, extensions, then a response or a withdrawal."""
        days = self.timescales.response_days(stage)
        base_due = self.wd(entered, days)
        if stage is Stage.STAGE1:
            n = (self.rng.randint(1, days) if self.chance(0.8)
                 else self.rng.randint(days + 1, days + 7))
            extend_p = 0.4 if n > days else 0.05
        else:
            n = (self.rng.randint(8, days) if self.chance(0.65)
                 else self.rng.randint(days + 1, days + 25))
            extend_p = 0.55 if n > days else 0.08
        respond_on: date | None = self.wd(entered, n)
        recent = (self.today - entered).days < 90
        if recent and self.chance(0.05):
            respond_on = None  # stalled: no response yet, whatever the due date says
        left: tuple[Closure, date] | None = None
        roll = self.rng.random()
        if roll < 0.07:
            how = Closure.WITHDRAWN if roll < 0.04 else Closure.TRANSFERRED
            left = (how, self.wd(entered, self.rng.randint(1, max(1, n - 1))))
            respond_on = None
        cutoff = min(d for d in (respond_on, left[1] if left else None, self.today)
                     if d is not None)
        result = StageResult()
        if stage is Stage.STAGE2:
            ack = self.wd(entered, self.rng.randint(1, 3) if self.chance(0.85)
                          else self.rng.randint(4, 7))
            if ack <= cutoff:
                self.service.acknowledge(cid, ack)
                result.events.append(ack)
        if self.chance(extend_p):
            result.events.extend(self.extensions(cid, stage, entered, base_due, n, respond_on,
                                                 cutoff))
        if left is not None:
            how, on = left
            if on <= self.today:
                reasons = _WITHDRAWN_REASONS if how is Closure.WITHDRAWN else _TRANSFERRED_REASONS
                self.service.close(cid, how, on, self.pick(reasons))
                result.left_on = on
                result.events.append(on)
            return result
        if respond_on is None or respond_on > self.today:
            return result
        outcomes = [self.weighted(((Outcome.UPHELD, 30), (Outcome.PARTIALLY_UPHELD, 25),
                                   (Outcome.NOT_UPHELD, 45))) for _ in issues]
        overall = (outcomes[0] if len(set(outcomes)) == 1 else Outcome.PARTIALLY_UPHELD)
        self.service.respond(cid, stage, respond_on, overall, self.pick(_RESPONSE_SUMMARIES),
                             tuple(IssueOutcome(i, o) for i, o in zip(issues, outcomes,
                                                                       strict=True)))
        result.responded_on, result.outcome = respond_on, overall
        result.events.append(respond_on)
        if stage is Stage.STAGE2 and self.chance(0.85):
            self.service.signpost(cid, signpost_body(service), respond_on,
                                  notes="Included in the decision letter.")
        return result

    def extensions(self, cid: int, stage: Stage, entered: date, base_due: date, n: int,
                   respond_on: date | None, cutoff: date) -> list[date]:
        """One extension, sometimes two at stage 2; each moves the due date later."""
        days = self.timescales.response_days(stage)
        limit = (self.timescales.stage1_extension_max_days if stage is Stage.STAGE1 else None)
        latest = self.wd(entered, limit) if limit is not None else None
        authorised = self.wd(entered, self.rng.randint(1, max(1, min(n, days) - 1)))
        replaced = base_due
        done: list[date] = []
        for second in (False, True):
            if second and (stage is Stage.STAGE1 or not self.chance(0.2)):
                break
            if second:
                authorised = self.wd(authorised, self.rng.randint(1, 5))
            if authorised > cutoff:
                break
            if respond_on is not None and respond_on > replaced and self.chance(0.8):
                new_due = self.wd(respond_on, self.rng.randint(0, 3))
            else:
                new_due = self.wd(replaced, self.rng.randint(3, 5 if stage is Stage.STAGE1
                                                             else 15))
            if latest is not None:
                new_due = min(new_due, latest)
            if new_due <= replaced:
                break
            told = authorised if authorised <= self.today else None
            self.service.extend(cid, stage, authorised_by=self.pick(_AUTHORISERS),
                                authorised_on=authorised, reason=self.pick(_EXTENSION_REASONS),
                                new_due_on=new_due, person_told_on=told)
            done.append(authorised)
            replaced = new_due
        return done

    def after_response(self, cid: int, ctx: Context, result: StageResult) -> date:
        """Actions and learning for upheld concerns, and feedback; the last date used."""
        assert result.responded_on is not None
        responded, last = result.responded_on, result.responded_on
        if result.outcome in (Outcome.UPHELD, Outcome.PARTIALLY_UPHELD):
            options = list(_ACTIONS[ctx.themes[0]])
            for _ in range(self.weighted(((1, 50), (2, 35), (3, 15)))):
                action, learning = options[self.rng.randrange(len(options))]
                has_learning = self.chance(0.6)
                action_id = self.service.add_action(
                    cid, self.fill(action, ctx), owner=self.pick(_OWNERS),
                    due_on=responded + timedelta(days=self.rng.randint(20, 90)),
                    learning=self.fill(learning, ctx) if has_learning else "",
                    publishable=has_learning and self.chance(0.4))
                roll = self.rng.random()
                done_on = responded + timedelta(days=self.rng.randint(10, 120))
                if roll < 0.1 and responded < self.today:
                    on = min(self.today, done_on)
                    self.service.update_action(action_id, done_on=on, adopted=False,
                                               not_adopted_reason=self.pick(_NOT_ADOPTED))
                    last = max(last, on)
                elif roll < 0.8 and done_on <= self.today:
                    self.service.update_action(action_id, done_on=done_on)
                    last = max(last, done_on)
        if self.chance(0.3):
            on = responded + timedelta(days=self.rng.randint(5, 60))
            if on <= self.today:
                answer = self.weighted(((SpeakUpAgain.YES, 60), (SpeakUpAgain.UNSURE, 25),
                                        (SpeakUpAgain.NO, 15)))
                self.service.record_feedback(cid, on, answer if self.chance(0.95) else None,
                                             self.pick(_FEEDBACK))
                last = max(last, on)
        return last

    def disclosure(self, cid: int, received: date, result: StageResult) -> date:
        end = min(d for d in (result.responded_on, result.left_on, self.today) if d is not None)
        on = self.between(received, end)
        to, role, reason = _DISCLOSURES[self.rng.randrange(len(_DISCLOSURES))]
        consent = self.weighted(((DisclosureConsent.CONSENT_WRITTEN, 50),
                                 (DisclosureConsent.CONSENT_VERBAL, 40),
                                 (DisclosureConsent.LEGAL_DUTY, 10)))
        self.service.record_disclosure(
            cid, disclosed_to=to, role=role, on=on, reason=reason, consent=consent,
            consent_on=None if consent is DisclosureConsent.LEGAL_DUTY else on)
        return on
