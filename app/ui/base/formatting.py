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
