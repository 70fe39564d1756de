"""How the board's window shows times, fingerprints and periods (dd/mm/yyyy, UK English)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.core.periods import Period


def format_moment(text: str | None) -> str:
    """An ISO time from a return or the store (UTC) as local dd/mm/yyyy HH:MM."""
    if not text:
        return ""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def format_date(text: str | None) -> str:
    """The day of an ISO time or date, as dd/mm/yyyy."""
    shown = format_moment(text)
    return shown.split(" ", 1)[0] if shown else ""


def period_dates(period: Period) -> str:
    return f"{period.start:%d/%m/%Y} to {period.end:%d/%m/%Y}"
