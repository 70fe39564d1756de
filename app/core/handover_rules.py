"""Whether a person's recorded consent lets their identity go with a handover.

Nobody's identity is shared without their agreement (SPEC.md). A handover may carry the
identity of the person who raised a concern only where one of their recorded consents
covers the colleague it goes to:

- a consent of kind `successor`: "may be passed to whoever takes over my concern";
- a consent of kind `named` whose "shared with" names the colleague: their name, as
  trusted in this casebook, appears in it as whole words (any case, spacing or
  punctuation), e.g. "Alex Morgan (confidential contact)" covers Alex Morgan. A role
  alone ("the confidential contact") does not: it may not be who takes over.

Anything else, and the concern goes without the identity.
"""

from __future__ import annotations

import re
import unicodedata

SUCCESSOR_KIND = "successor"
NAMED_KIND = "named"


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.findall(r"\w+", folded)


def names_colleague(share_with: str, colleague: str) -> bool:
    """Whether `share_with` names the colleague, as whole words in order."""
    wanted, words = _words(colleague), _words(share_with)
    if not wanted:
        return False
    return any(words[i:i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))


def consent_covers(kind: str, share_with: str, colleague: str) -> bool:
    if kind == SUCCESSOR_KIND:
        return True
    return kind == NAMED_KIND and names_colleague(share_with, colleague)
