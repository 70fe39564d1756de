"""How dates and codes read on screen: dd/mm/yyyy, and the users' words for each code."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from app.core.records import Closure, ServiceType


def tr(text: str) -> str:
    """A string shown outside any widget, translated. pyside6-lupdate files a bare `tr("...")`
    call under the empty context, so it is looked up there."""
    return QCoreApplication.translate("", text)


def format_day(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def day_text(value: date | str | None) -> str:
    """A date as the window shows every date (dd/mm/yyyy), given as a date or as the ISO
    text a record or a package holds; text that is not a date is shown as it is."""
    if isinstance(value, date):
        return format_day(value)
    if not value:
        return ""
    try:
        return format_day(date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value)


def ended_label(code: str) -> str:
    """How a record ended, in words: a closure's label, or the code's words."""
    if code in Closure._value2member_map_:
        return status_label(code)
    words = code.replace("_", " ")
    return tr(words[:1].upper() + words[1:])


def stage_label(stage: str) -> str:
    return {"none": tr("Initial discussion"), "stage1": tr("Stage 1"),
            "stage2": tr("Stage 2")}.get(stage, stage)


def status_label(closure: str) -> str:
    return tr(Closure(closure).label) if closure in Closure._value2member_map_ else closure


def service_label(service_type: str) -> str:
    if service_type in ServiceType._value2member_map_:
        return tr(ServiceType(service_type).label)
    return service_type


def fingerprint_in_two_lines(fingerprint: str) -> str:
    """Groups of four, eight to a line, so it reads out like a phone number."""
    groups = fingerprint.split()
    half = (len(groups) + 1) // 2
    return " ".join(groups[:half]) + "\n" + " ".join(groups[half:])


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def month_name(month: int) -> str:
    return tr(_MONTHS[month - 1])


def long_day(day: date, weekday: bool = False) -> str:
    """20 November 2026 (with the weekday: Friday 20 November 2026)."""
    text = f"{day.day} {month_name(day.month)} {day.year}"
    return f"{tr(_WEEKDAYS[day.weekday()])} {text}" if weekday else text


def period_words(start: date, end: date, label: str) -> str:
    """A period as people say it: "October to December 2026 (Q3 2026-27)", "April 2026 to
    March 2027 (2026-27)", or the two days for any other span. Never the code alone."""
    import calendar
    import re

    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if whole_months:
        if start.year == end.year:
            span = tr("%1 to %2 %3").replace("%1", month_name(start.month)).replace(
                "%2", month_name(end.month)).replace("%3", str(end.year))
        else:
            span = tr("%1 %2 to %3 %4").replace("%1", month_name(start.month)).replace(
                "%2", str(start.year)).replace("%3", month_name(end.month)).replace(
                "%4", str(end.year))
        quarter = re.fullmatch(r"(\d{4}-\d{2})-Q([1-4])", label)
        if quarter:
            return tr("%1 (Q%2 %3)").replace("%1", span).replace(
                "%2", quarter.group(2)).replace("%3", quarter.group(1))
        if re.fullmatch(r"\d{4}-\d{2}", label):
            return tr("%1 (%2)").replace("%1", span).replace("%2", label)
        return span
    return tr("%1 to %2").replace("%1", long_day(start)).replace("%2", long_day(end))


def working_days_text(days: int) -> str:
    """"3 working days left", "due today", "2 working days overdue"."""
    if days == 0:
        return tr("Due today")
    if days > 0:
        return tr("1 working day left") if days == 1 else tr(
            "%1 working days left").replace("%1", str(days))
    late = -days
    if late == 0:
        return tr("Overdue")
    return tr("1 working day overdue") if late == 1 else tr(
        "%1 working days overdue").replace("%1", str(late))


def period_text(period: object) -> str:
    """A Period (start, end, label) in words, never its code alone."""
    start, end, label = (getattr(period, "start"), getattr(period, "end"),  # noqa: B009
                         getattr(period, "label"))  # noqa: B009
    return period_words(start, end, str(label))
