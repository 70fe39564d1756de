"""The small-number threshold: a setting of the casebook and of the board (issue 12).

Apart from app.core.disclosure (which loads the disclosure-control solver) so that what
only reads the setting stays light.
"""

from __future__ import annotations

THRESHOLD_SETTING = "small_number_threshold"
DEFAULT_THRESHOLD = 5


def threshold_from_setting(text: str | None) -> int:
    """The casebook's threshold setting as a number (the default when unset or unreadable)."""
    try:
        value = int((text or "").strip())
    except ValueError:
        return DEFAULT_THRESHOLD
    return value if value >= 1 else DEFAULT_THRESHOLD
