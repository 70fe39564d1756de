"""A return's creation time: written as UTC to the microsecond, read back as a real time."""

from __future__ import annotations

import re
from datetime import UTC, datetime

CREATED_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z")


def created_at_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_created_at(text: str) -> datetime:
    """The time (UTC); ValueError when the text is not exactly that form or not a real time
    (30 February, hour 99), with no trailing newline or anything else around it."""
    if not CREATED_AT.fullmatch(text):
        raise ValueError("it is not written as YYYY-MM-DDTHH:MM:SS.ffffffZ")
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
