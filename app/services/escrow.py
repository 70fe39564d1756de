"""Organisational escrow: the casebook's key sealed to the organisation's recovery key.

The recipient is the information governance lead's age key, never the board's: the board
holds the identity behind its return key, so escrow to it would let the board open the
casebook and read every name. A recipient the casebook has ever used as the board's key
(set in settings, or sent a return to) is refused, whatever the caller asks. Setting
escrow is a two-step use case: `prepare` checks the recipient and gives its fingerprint
for the person to compare with the governance lead (by phone); `seal` does it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.paths import KEYSLOTS
from app.store import escrow, keyslots, recipients
from app.store.casebook import Casebook


@dataclass(frozen=True)
class EscrowPlan:
    recipient: str  # canonical age1...
    fingerprint: str  # 16 groups of four hex digits


@dataclass(frozen=True)
class EscrowStatus:
    recipient: str | None
    fingerprint: str | None
    to_board: bool  # sealed to a key the board holds: a problem to put right at once

    @property
    def description(self) -> str:
        if self.recipient is None:
            return "No escrow: only the passphrase and the recovery key open this casebook."
        text = (f"Escrow is sealed to {self.recipient} (fingerprint {self.fingerprint}).")
        if self.to_board:
            text += (" That is the board's return key, so the board could open this casebook: "
                     "remove it with `casebook escrow --remove`.")
        return text


def refusal(book: Casebook, recipient: str) -> str | None:
    """Why the casebook's key may not be sealed to `recipient`, or None."""
    return recipients.escrow_refusal(book, recipient)


def prepare(book: Casebook, recipient: str) -> EscrowPlan:
    """Check a recipient for escrow; raises EscrowToBoardRefused or NotARecipient."""
    canonical = recipients.canonical(recipient)
    refused = refusal(book, canonical)
    if refused:
        raise recipients.EscrowToBoardRefused(refused)
    return EscrowPlan(canonical, recipients.recipient_fingerprint(canonical))


def seal(book: Casebook, plan: EscrowPlan) -> EscrowStatus:
    """Seal the master key to the planned recipient (checked again), audited."""
    checked = prepare(book, plan.recipient)
    slots = escrow.with_escrow(book.slots, book.master_key, checked.recipient)
    keyslots.save(book.folder / KEYSLOTS, slots)
    book.slots = slots
    book.record("escrow.set", "casebook", book.casebook_id,
                {"fingerprint": checked.fingerprint})
    return status(book)


def remove(book: Casebook) -> EscrowStatus:
    slots = escrow.without_escrow(book.slots)
    keyslots.save(book.folder / KEYSLOTS, slots)
    book.slots = slots
    book.record("escrow.removed", "casebook", book.casebook_id)
    return status(book)


def status(book: Casebook) -> EscrowStatus:
    recipient = recipients.escrow_recipient(book)
    if recipient is None:
        return EscrowStatus(None, None, False)
    return EscrowStatus(recipient, recipients.recipient_fingerprint(recipient),
                        refusal(book, recipient) is not None)
