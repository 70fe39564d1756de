"""`python -m tests.screenshots DIR`: a PNG of every screen, for review.

Opens a demo casebook under a virtual screen (Xvfb when installed, otherwise Qt's
offscreen platform) and writes one PNG per screen into DIR: every screen at 100%, then
the main screens again at 200% scaling (DIR/200-percent) and in the dark colour scheme
(DIR/dark). Synthetic demo data only; the casebook lives in a temporary folder that is
deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

PASSPHRASE = "screenshots only, synthetic data"
TODAY = date(2026, 11, 20)


@contextmanager
def virtual_screen(size: str = "1400x900") -> Iterator[str]:
    """An Xvfb display if the binary is there, else the offscreen platform."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        yield "offscreen"
        return
    display = f":{90 + os.getpid() % 500}"
    process = subprocess.Popen([xvfb, display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
        deadline = time.monotonic() + 10
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        yield f"Xvfb {display}"
    finally:
        process.terminate()
        process.wait(10)


class Shooter:
    def __init__(self, out: Path) -> None:
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.out = out
        self.count = 0

    def wait(self, condition: Callable[[], bool], timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the screen did not get ready in time")
            self.app.processEvents()
            time.sleep(0.01)
        for _ in range(5):  # let layouts and paints settle
            self.app.processEvents()

    def shot(self, widget: object, name: str) -> None:
        self.wait(lambda: True)
        self.count += 1
        path = self.out / f"{self.count:02d}-{name}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        print(path)


def make_demo(folder: Path, cases: int) -> None:
    from app.demo import add_demo_concerns
    from app.store.casebook import Casebook

    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Demo Board",
                              unit="Confidential contacts, Acute Services")
    with book:
        add_demo_concerns(book, cases, seed=11, today=TODAY)
        add_current_work(book, folder.parent / "letters")


def add_current_work(book: object, letters_folder: Path) -> None:
    """A few concerns of the last weeks (the demo's are spread over five years), so that
    the dashboard shows deadlines of every kind: overdue, due today, due soon; the named
    contact for letters, and a letter sent on the stage 2 concern (for the Letters tab and
    its re-issue)."""
    from dataclasses import replace
    from datetime import timedelta

    from app.core.identity import PersonDetails
    from app.core.records import (
        Anonymity,
        Channel,
        ConsentMethod,
        RaisedWith,
        RaiserCategory,
        ServiceType,
        Stage,
    )
    from app.store.concerns import ConcernService, NewConcern

    service = ConcernService(book, today=lambda: TODAY)  # type: ignore[arg-type]
    base = NewConcern(
        received_on=TODAY, channel=Channel.IN_PERSON,
        raised_with=RaisedWith.CONFIDENTIAL_CONTACT, raiser_category=RaiserCategory.EMPLOYEE,
        anonymity=Anonymity.NAMED, service_type=ServiceType.NHS, service_area="Ward 12",
        summary="", themes=("staffing",), starting_stage=Stage.STAGE1, consent_on=TODAY,
        consent_method=ConsentMethod.CONVERSATION,
        person=PersonDetails(name="Alex Sample", email="alex.sample@example.org"))
    calendar = service.calendar()

    def back(days: int) -> object:
        day = TODAY
        while days:
            day -= timedelta(days=1)
            if calendar.is_working_day(day):
                days -= 1
        return day

    for days, stage, area, summary in (
            (7, Stage.STAGE1, "Ward 12", "Concern that night staffing on ward 12 leaves one "
             "registered nurse for 28 patients"),
            (5, Stage.STAGE1, "Maternity unit", "Concern about equipment checks being "
             "signed off without being done"),
            (2, Stage.STAGE1, "Pharmacy", "Concern about controlled drugs records"),
            (1, Stage.STAGE2, "Theatres", "Concern that the surgical safety checklist is "
             "skipped on late lists"),
            (0, None, "Community mental health team", "Concern about caseloads and "
             "missed visits")):
        received = back(days)
        concern = service.create(replace(
            base, received_on=received, consent_on=received if stage else None,
            consent_method=ConsentMethod.CONVERSATION if stage else None,
            starting_stage=stage, service_area=area, summary=summary))
        if days == 5:
            service.add_action(concern, "Check the equipment log weekly", owner="Ward manager",
                               due_on=back(2))
        if stage is Stage.STAGE2:
            _letter_sent(book, int(concern), letters_folder)


def _letter_sent(book: object, concern_id: int, folder: Path) -> None:
    from app.services import letters
    from app.store.letter_settings import NamedContact

    letters.set_contact(book, NamedContact(  # type: ignore[arg-type]
        "Morgan Contactperson", "Whistleblowing lead", "01234 567890",
        "whistleblowing@example.org"))
    folder.mkdir(exist_ok=True)
    text = letters.draft(book, concern_id, "stage2_acknowledgement",  # type: ignore[arg-type]
                         {"understanding": "That late theatre lists start without the "
                                           "safety checklist being done."}, today=TODAY).text
    letters.make(book, concern_id, "stage2_acknowledgement", text,  # type: ignore[arg-type]
                 "Acknowledging stage 2", folder / "acknowledgement.pdf", unprotected=True,
                 today=TODAY)


def run(out: Path, cases: int, main_only: bool = False) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="casebook-shots-") as scratch:
        folder = Path(scratch) / "casebook"
        make_demo(folder, cases)
        shooter = Shooter(out)
        from tests.screenshots.capture import capture_all, capture_main

        capture = capture_main if main_only else capture_all
        capture(shooter, folder, Path(scratch), PASSPHRASE, TODAY)
    print(f"{shooter.count} screenshots in {out}")


def _again(out: Path, cases: int, screen: str, **env: str) -> None:
    """The main screens once more in a process of their own (Qt reads the scale factor
    and the colour scheme when it starts), on a screen of its own."""
    done = subprocess.run([sys.executable, "-m", "tests.screenshots", str(out), "--cases",
                           str(cases), "--main-only", "--screen", screen],
                          env=dict(os.environ, **env), check=False)
    if done.returncode:
        raise SystemExit(f"the screenshots in {out} failed ({done.returncode})")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.screenshots")
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--cases", type=int, default=150)
    parser.add_argument("--main-only", action="store_true",
                        help="the main screens only (unlock, dashboard, list, a concern, "
                             "reports, settings, the board's units)")
    parser.add_argument("--screen", default="1400x900", help=argparse.SUPPRESS)
    args = parser.parse_args()
    with virtual_screen(args.screen) as where:
        print(f"Screen: {where} {args.screen}")
        run(args.out, args.cases, args.main_only)
    if not args.main_only:
        # 200%: the smallest supported screen (1366x768) at twice the pixels.
        _again(args.out / "200-percent", args.cases, "2732x1536", QT_SCALE_FACTOR="2")
        _again(args.out / "dark", args.cases, "1400x900", CASEBOOK_THEME="dark")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
