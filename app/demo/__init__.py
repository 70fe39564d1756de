"""Synthetic demo concerns: a deterministic casebook of realistic shapes, for trying things out.

The package: `phrases` (the invented vocabulary), `dice` (the seeded choices and the
text templates), `stages` (a stage's timeline: extensions, responses, actions,
feedback, disclosures), `conversations` (notes of each conversation), `concerns`
(one concern from intake to close), `generate` (`add_demo_concerns`).

`add_demo_concerns` writes through `ConcernService`, so every demo concern is
checked by the same rules as one typed in the GUI, and every write is audited.
The same seed and the same `today` give the same content (the random person
references that link concerns to identities are the store's own and differ).

Shapes, roughly: received dates spread over five financial years (a little
growth year on year); about 85% named, 10% anonymous, 5% unnamed; of the named,
60% start at stage 1, 25% at stage 2 and the rest stay at the initial discussion
(business as usual, not taken forward, transferred, or still undecided when
recent); about 15% of stage 1 concerns are escalated; extensions at about 10% of
stage 1 and a quarter of stage 2 concerns; some withdrawn or transferred; open
concerns near `today` have no response yet, and some are overdue. Each concern
has 1 to 15 conversations with notes of 200 to 3,000 characters, 1 to 3 issues
with their own outcomes, 1 to 3 themes, and, where it fits, actions and learning,
signposting to the INWO or the Care Inspectorate, detriment, feedback and
identity disclosures.

Names, emails and phone numbers are made up (emails at example.org, phone
numbers in Ofcom's drama range 07700 900xxx) and live only in identities.db:
no text written to cases.db contains them; case text calls the person "C".
"""

from __future__ import annotations

from app.demo.generate import DemoSummary, add_demo_concerns

__all__ = ["DemoSummary", "add_demo_concerns"]
