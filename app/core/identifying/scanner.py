"""The scanner: built once from everything held, then asked about one text at a time.

    scanner = Scanner.build(held, never_publish=("Night Owls",),
                            allow=("0800 008 6112", "whistleblowing@board.scot"))
    scanner.scan(text, own=person_ref)   # [Finding(kind, start, end, reason), ...]
    scanner.mask(text, own=person_ref)   # C's name -> "C", others' -> "[name]", ...

`own` is the person whose concern the text belongs to (None: no one's, or unknown):
C's name is looked for whole and in part, everyone else's only by full name,
distinctive surname or contact details (see names.py). Findings are in order of
position, in the text as given; one inside another is dropped (an email address
that holds a name is reported as the address). Text already masked is not
reported again, so masking twice gives what masking once gave.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.core.identifying import names, patterns, phones
from app.core.identifying.digests import token_digest
from app.core.identifying.findings import (
    BRACKETED,
    PRIORITY,
    SIGNPOSTING,
    Finding,
    HeldIdentity,
    finding,
)
from app.core.identifying.names import Context, PhraseIndex
from app.core.identifying.normalise import Folded, fold, fold_phrase
from app.core.identifying.words import TOKEN, tokens, word_tokens
from app.core.identity import PSEUDONYM

_MASK_ROUNDS = 5

Span = tuple[int, int]


# Whose an email, a phone number or a name's fingerprint is. A tuple of strings, not a
# set: the garbage collector stops tracking such tuples, and a full collection (which holds
# the interpreter lock while the window waits) walks every set of a large casebook's people.
Owners = tuple[str, ...]


@dataclass(frozen=True)
class _Candidate:
    kind: str
    start: int  # folded text
    end: int


class Scanner:
    """Prepared once (Scanner.build); scan and mask are then cheap and thread-safe."""

    def __init__(self, people: dict[str, tuple[object, ...]], index: PhraseIndex,
                 initials: dict[str, frozenset[str]], emails: dict[str, Owners],
                 phone_numbers: dict[str, Owners], allowed_emails: frozenset[str],
                 allowed_phones: frozenset[str], digests: dict[bytes, Owners],
                 digest_key: bytes | None) -> None:
        self._people = people
        self._index = index
        self._initials = initials
        self._emails = emails
        self._phones = phone_numbers
        self._allowed_emails = allowed_emails
        self._allowed_phones = allowed_phones
        self._digests = digests
        self._digest_key = digest_key
        self._released = False

    @classmethod
    def build(cls, held: Iterable[HeldIdentity], *, never_publish: Iterable[str] = (),
              allow: Iterable[str] = (), name_digests: Iterable[bytes] = (),
              digest_key: bytes | None = None,
              owned_digests: Mapping[str, Iterable[bytes]] | None = None) -> Scanner:
        """A scanner for `held` people, the organisation's never-publish phrases, and an
        allow-list (phone numbers, emails and phrases never reported: the organisation's
        own contact details and name; the signposting bodies' are always allowed:
        findings.SIGNPOSTING). `name_digests` come from
        `name_token_digests` under `digest_key`; `owned_digests` are the same, by owner (an
        unnamed concern's own reference): scanning with `own` set to that owner reports them
        as C's name."""
        digests: dict[bytes, set[str]] = {}
        for digest in name_digests:
            digests.setdefault(digest, set())
        for owner, owned in (owned_digests or {}).items():
            for digest in owned:
                digests.setdefault(digest, set()).add(owner)
        if digests and not digest_key:
            raise ValueError("Name digests need the key they were made with.")
        people: dict[str, tuple[object, ...]] = {}
        index = PhraseIndex()
        emails: dict[str, set[str]] = {}
        numbers: dict[str, set[str]] = {}
        initials: dict[str, frozenset[str]] = {}
        for person in held:
            people[person.person_ref] = tuple(person)  # untracked, unlike a named tuple
            initials[person.person_ref] = names.add_held(index, person)
            for email in person.emails:
                if email.strip():
                    emails.setdefault(fold_phrase(email.strip()), set()).add(person.person_ref)
            for number in phones.e164_all(person.phones):
                numbers.setdefault(number, set()).add(person.person_ref)
        for phrase in never_publish:
            index.add(word_tokens(fold_phrase(phrase)), ("", names.NEVER))
        allowed_emails: set[str] = set()
        allowed_phones: set[str] = set()
        for item in (*SIGNPOSTING, *allow):
            item = item.strip()
            if not item:
                continue
            if "@" in item:
                allowed_emails.add(fold_phrase(item))
            elif sum(ch.isdigit() for ch in item) >= 6:
                allowed_phones |= phones.e164_all([item])
            else:
                index.add(word_tokens(fold_phrase(item)), ("", names.ALLOW))
        index.seal()
        return cls(people, index, initials,
                   {k: tuple(sorted(v)) for k, v in emails.items()},
                   {k: tuple(sorted(v)) for k, v in numbers.items()},
                   frozenset(allowed_emails), frozenset(allowed_phones),
                   {k: tuple(sorted(v)) for k, v in digests.items()}, digest_key)

    @classmethod
    def patterns_only(cls) -> Scanner:
        """A scanner that knows no one: emails, phone numbers, CHI numbers, dates of birth."""
        return _patterns_only()

    # ----- scanning ----------------------------------------------------------------------

    def release(self) -> None:
        """Forget every held name, email and number (the casebook is being locked), a few
        thousand at a time: freeing a large casebook's scanner at once is one long C call
        (41 ms at 100,000 concerns) that holds the interpreter lock while the window waits;
        emptied from Python, the lock is shared as it goes. A released scanner refuses to
        scan (it would find no held name), rather than answer as if there were none."""
        self._released = True
        index = self._index
        for held in (self._people, index.phrases, self._initials, self._emails, self._phones,
                     self._digests):
            _empty_gradually(held)
        while index.prefixes:
            for _ in range(min(_STEP, len(index.prefixes))):
                index.prefixes.pop()
        index.first_words.clear()

    def scan(self, text: str, own: str | None = None) -> list[Finding]:
        """Everything in `text` that could identify someone, in order of position."""
        if self._released:
            raise RuntimeError("This scanner was released when the casebook was locked.")
        if not text or text.isspace():
            return []
        folded = fold(text)
        found: list[_Candidate] = []
        allowed: list[Span] = []
        self._names(folded, own, found, allowed)
        self._contacts(folded, own, found, allowed)
        for kind, start, end in patterns.chi_matches(folded.text):
            found.append(_Candidate(kind, start, end))
        for start, end in patterns.dob_matches(folded.text):
            found.append(_Candidate("dob", start, end))
        shut = [folded.span(a, b) for a, b in allowed]
        marked = _marker_spans(text)
        findings = []
        for candidate in found:
            start, end = folded.span(candidate.start, candidate.end)
            if (end > start and not any(a <= start and end <= b for a, b in shut)
                    and not any(a < end and start < b for a, b in marked)):
                findings.append(finding(candidate.kind, start, end))
        return _outermost(findings)

    def mask(self, text: str, own: str | None = None, *, pseudonym: str = PSEUDONYM) -> str:
        """`text` with C's name as "C" (or the concern's `pseudonym`), other names as
        "[name]" and every other finding as its marker ("[phone]", "[email]", "[CHI]",
        "[date of birth]", ...)."""
        for _ in range(_MASK_ROUNDS):
            findings = self.scan(text, own)
            if not findings:
                break
            text = _replace(text, findings, pseudonym)
        return text

    # ----- the parts ---------------------------------------------------------------------

    def _names(self, folded: Folded, own: str | None, found: list[_Candidate],
               allowed: list[Span]) -> None:
        # Most text holds no word that begins any held phrase: seen from the set of its
        # words (made in C), it skips building a token for every word (measured: two
        # thirds of a whole-casebook check went on that).
        words = set(TOKEN.findall(folded.text))
        if not words:
            return
        held = self._people.get(own) if own is not None else None
        person = HeldIdentity._make(held) if held is not None else None
        if (self._index.first_words.isdisjoint(words)
                and (person is None or _own(person)[0].first_words.isdisjoint(words))
                and not self._any_digest(words)):
            return
        toks = tokens(folded.text)
        joined = names.joined_words(folded.text, toks)
        ctx = Context(folded, toks)
        for i, j, entries in self._index.matches(toks, joined):
            end = toks[j - 1].end
            for ref, role in entries:
                if role == names.ALLOW:
                    allowed.append((toks[i].start, end))
                elif role == names.NEVER:
                    found.append(_Candidate("never_publish", toks[i].start, end))
                elif ref != own:
                    hit = names.other_match(ctx, i, role, self._initials.get(ref, frozenset()))
                    if hit is not None:
                        found.append(_Candidate(hit[0], hit[1], end))
                        break
        if person is not None:
            own_index, initials = _own(person)
            confirmed: set[tuple[str, ...]] = set()
            waiting: list[tuple[tuple[str, ...], int, int]] = []
            for i, j, entries in own_index.matches(toks, joined):
                key = tuple(t.text for t in toks[i:j])
                for _ref, role in entries:
                    hit = names.own_match(ctx, i, j, key, role, initials)
                    if hit is not None:
                        found.append(_Candidate(hit[0], hit[1], toks[j - 1].end))
                        confirmed.add(key)
                    elif role == names.PART and names.is_short(key):
                        waiting.append((key, i, j))
            # A two-letter name once shown to be C's ("Mr Wu said") is C's wherever else it
            # is written with a capital in the same text ("Wu went home").
            for key, i, j in waiting:
                if key in confirmed and ctx.capital(i):
                    found.append(_Candidate("own_name", toks[i].start, toks[j - 1].end))
        if self._digests and self._digest_key:
            self._digest_names(ctx, joined, own, found)

    def _any_digest(self, words: set[str]) -> bool:
        """Whether any word could be part of a fingerprinted name: every word of two letters
        or more of a name has its own digest, so a pair ("J Smith") matches only where one of
        its words does (a name of single letters alone is refused for a fingerprint)."""
        key = self._digest_key
        if not self._digests or key is None:
            return False
        return any(len(w) >= 2 and not w.isdigit() and token_digest(key, w) in self._digests
                   for w in words)

    def _digest_names(self, ctx: Context, joined: list[bool], own: str | None,
                      found: list[_Candidate]) -> None:
        key = self._digest_key
        assert key is not None
        toks = ctx.toks

        def kind(owners: Owners) -> str:
            return "own_name" if own is not None and own in owners else "unnamed_name"

        for i, tok in enumerate(toks):
            word = tok.text
            owners = (self._digests.get(token_digest(key, word))
                      if len(word) >= 2 and not word.isdigit() else None)
            if owners is not None:
                judged = names.own_match(ctx, i, i + 1, (word,), names.PART, frozenset())
                if judged is not None:
                    found.append(_Candidate(kind(owners), judged[1], tok.end))
            if i + 1 < len(toks) and joined[i]:
                pair = f"{word} {toks[i + 1].text}"
                owners = self._digests.get(token_digest(key, pair))
                if owners is not None:
                    found.append(_Candidate(kind(owners), tok.start, toks[i + 1].end))

    def _contacts(self, folded: Folded, own: str | None, found: list[_Candidate],
                  allowed: list[Span]) -> None:
        for email in patterns.email_matches(folded.text):
            if email.address in self._allowed_emails:
                allowed.append((email.start, email.end))
                continue
            owners = self._emails.get(email.address, ())
            kind = ("own_email" if own is not None and own in owners
                    else "held_email" if owners else "email")
            found.append(_Candidate(kind, email.start, email.end))
        for phone in phones.phone_matches(folded.text):
            if phone.number in self._allowed_phones:
                allowed.append((phone.start, phone.end))
                continue
            owners = self._phones.get(phone.number, ())
            if own is not None and own in owners:
                found.append(_Candidate("own_phone", phone.start, phone.end))
            elif owners:
                found.append(_Candidate("held_phone", phone.start, phone.end))
            elif phone.plausible:
                found.append(_Candidate("phone", phone.start, phone.end))
        if self._phones:
            for start, end, number in phones.held_number_matches(folded.text, self._phones):
                if number in self._allowed_phones:
                    continue
                owners = self._phones[number]
                kind = "own_phone" if own is not None and own in owners else "held_phone"
                found.append(_Candidate(kind, start, end))


_STEP = 2_000  # entries freed between chances for another thread to take the lock


def _empty_gradually(held: dict[Any, Any]) -> None:
    while held:
        for _ in range(min(_STEP, len(held))):
            held.popitem()


@functools.cache
def _patterns_only() -> Scanner:
    return Scanner.build(())


@functools.lru_cache(maxsize=1024)
def _own(person: HeldIdentity) -> tuple[PhraseIndex, frozenset[str]]:
    return names.own_index(person), names.own_initials(person)


def _marker_spans(text: str) -> list[Span]:
    """Where the text was masked already ("[name]", "[phone]" ...)."""
    spans: list[Span] = []
    if "[" not in text:
        return spans
    for marker in BRACKETED:
        at = text.find(marker)
        while at >= 0:
            spans.append((at, at + len(marker)))
            at = text.find(marker, at + len(marker))
    return spans


def merged(findings: Iterable[Finding]) -> list[Finding]:
    """Findings from several scans of one text as one scan gives them: in order, none
    lying wholly inside another."""
    return _outermost(list(findings))


def masked(text: str, findings: Iterable[Finding], pseudonym: str = PSEUDONYM) -> str:
    """`text` with each finding replaced once, as Scanner.mask does in one round."""
    found = list(findings)
    return _replace(text, found, pseudonym) if found else text


def _outermost(findings: list[Finding]) -> list[Finding]:
    """Drop a finding lying wholly inside another (the same span: the more specific kind)."""
    ordered = sorted(set(findings), key=lambda f: (f.start, -f.end, PRIORITY[f.kind]))
    kept: list[Finding] = []
    reach = -1  # the furthest end of any kept finding; all of them start at or before
    for candidate in ordered:
        if candidate.end <= reach:
            continue
        kept.append(candidate)
        reach = candidate.end
    return kept


def _replace(text: str, findings: list[Finding], pseudonym: str) -> str:
    """Each run of overlapping findings replaced by the marker of its most specific kind."""
    pieces: list[str] = []
    at = 0
    run: list[Finding] = []
    for item in sorted(findings, key=lambda f: f.start):
        if run and item.start >= max(f.end for f in run):
            pieces.extend(_flush(text, at, run, pseudonym))
            at = max(f.end for f in run)
            run = []
        run.append(item)
    if run:
        pieces.extend(_flush(text, at, run, pseudonym))
        at = max(f.end for f in run)
    pieces.append(text[at:])
    return "".join(pieces)


def _flush(text: str, at: int, run: list[Finding], pseudonym: str) -> list[str]:
    start = min(f.start for f in run)
    chosen = min(run, key=lambda f: PRIORITY[f.kind])
    return [text[at:start], pseudonym if chosen.kind == "own_name" else chosen.marker]

