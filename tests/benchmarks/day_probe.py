"""A scripted day in the desktop app, in a fresh process, watching the GUI thread.

    python -m tests.benchmarks.day_probe CASEBOOK    (passphrase in CASEBOOK_BENCH_PASS)

The app is started as `casebook --casebook CASEBOOK` starts it. A 1 ms timer on
the GUI thread notes every time it fires: a gap between two firings is time the
GUI thread did not get back to its event loop (a stall, as a person feels it).
The day is driven through the real widgets, one input event per turn of the
event loop, as a person's keys and clicks arrive:

unlock; open the list; sort it by each sortable column; search as you type
(ten words, one key every 120 ms, then cleared); open ten concerns and show every
tab of each; open the reports and the return preview; log a conversation, typing
a 3,000-character note (a key every 5 ms, pausing for the draft to save every 300
characters) and close it, keeping the draft; lock and unlock.

For search as you type, the time from the last key of a word to the list showing
the rows for that word (the model answered for exactly that text and the table's
viewport painted) is noted.

Prints one JSON object on stdout: the gaps (ms, each minus the timer's own 1 ms),
the search latencies (s), and the time each step took.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

SEARCH_WORDS = ("staffing", "night", "rota", "fire", "bullying", "locum", "theatre",
                "handover", "agency", "ward")
KEY_GAP_S = 0.12  # between a person's keys while searching
NOTE_CHARS = 3000
NOTE_KEY_GAP_S = 0.005
NOTE_PAUSE_EVERY = 300
NOTE_PAUSE_S = 1.8  # longer than the 1.5 s a draft waits for

Step = Iterator[Any]  # yields: a float (wait seconds) or a predicate (wait until true)


class Watch(QObject):
    """The 1 ms heartbeat on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self.beat)
        self.last = 0.0
        self.cpu = 0.0
        # With CASEBOOK_DAY_DUMP=FILE: every thread's Python stack whenever the GUI thread
        # has not beaten for 40 ms (written from a C thread, without the interpreter lock).
        dump = os.environ.get("CASEBOOK_DAY_DUMP")
        self.dump = open(dump, "w", encoding="utf-8") if dump else None  # noqa: SIM115
        self.gaps: list[float] = []
        self.where: list[str] = []
        self.step = "start"

    def start(self) -> None:
        self.last = time.perf_counter()
        self.cpu = time.thread_time()
        self.timer.start()

    def beat(self) -> None:
        now = time.perf_counter()
        cpu = time.thread_time()
        gap = (now - self.last) * 1000 - 1
        self.gaps.append(max(0.0, gap))
        if gap > 16:  # and how much of it the GUI thread spent working, not waiting
            self.where.append(f"{self.step}: {gap:.0f} ms ({(cpu - self.cpu) * 1000:.0f} ms "
                              "of CPU)")
        self.last = now
        self.cpu = cpu
        if self.dump is not None:  # re-armed on every beat: fires only in a stall
            import faulthandler

            faulthandler.dump_traceback_later(0.04, file=self.dump)

    def stop(self) -> None:
        self.timer.stop()


class PaintSeen(QObject):
    """Notes when one widget (a table's viewport) is painted; watches that widget only."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        self.first_after: dict[int, float] = {}  # count before -> when the next paint came
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.first_after.setdefault(self.count, time.perf_counter())
            self.count += 1
        return False


class Day(QObject):
    def __init__(self, passphrase: str) -> None:
        super().__init__()
        self.passphrase = passphrase
        self.watch = Watch()
        self.window: Any = None
        self.result: dict[str, Any] = {}
        self.steps: dict[str, float] = {}
        self.search: list[float] = []
        self._script: Step | None = None
        self._until: Callable[[], bool] | None = None
        self._deadline = 0.0

    # ----- running the script one turn of the event loop at a time --------------------

    def begin(self) -> None:
        self.window = next(w for w in QApplication.topLevelWidgets()
                           if type(w).__name__ == "MainWindow")
        self._script = self.script()
        self._next()

    def _next(self) -> None:
        assert self._script is not None
        try:
            wanted = next(self._script)
        except StopIteration:
            self.finish()
            return
        except Exception as exc:  # the probe reports, never hangs
            self.result["error"] = f"{type(exc).__name__}: {exc}"
            self.finish()
            return
        if callable(wanted):
            self._until = wanted
            self._deadline = time.monotonic() + 120
            self._poll()
        else:
            QTimer.singleShot(max(0, int(float(wanted) * 1000)), self._next)

    def _poll(self) -> None:
        assert self._until is not None
        if self._until():
            self._until = None
            QTimer.singleShot(0, self._next)
        elif time.monotonic() > self._deadline:
            self.result["error"] = f"timed out in step {self.watch.step}"
            self.result["said"] = _visible_messages(self.window)
            self.finish()
        else:
            QTimer.singleShot(5, self._poll)

    def finish(self) -> None:
        self.watch.stop()
        self.result.update(gaps_ms=self.watch.gaps, stalls=self.watch.where[:200],
                           search_s=self.search, steps_s=self.steps)
        if os.environ.get("CASEBOOK_DAY_HEAP"):  # with the window still open
            _heap(self)
        if self.window is not None:
            self.window.close()
        QApplication.quit()

    # ----- the day --------------------------------------------------------------------

    def script(self) -> Step:
        w = self.window
        yield lambda: w.unlock_view.passphrase.isVisible()
        yield from self.unlock()
        self.watch.start()
        only = set(filter(None, os.environ.get("CASEBOOK_DAY_ONLY", "").split(",")))
        if only:  # for working on one step: CASEBOOK_DAY_ONLY=lock,return
            for name, step in (("list", self.open_list), ("sort", self.sort),
                               ("search", self.search_as_you_type),
                               ("concerns", lambda: self.open_concerns(3)),
                               ("reports", self.reports), ("return", self.return_preview),
                               ("note", self.type_note),
                               ("lock", self.lock_and_unlock)):
                if name in only:
                    yield from self.timed(name, step())
            return
        yield from self.timed("open the list", self.open_list())
        yield from self.timed("sort", self.sort())
        yield from self.timed("search as you type", self.search_as_you_type())
        yield from self.timed("open ten concerns", self.open_concerns(10))
        yield from self.timed("reports", self.reports())
        yield from self.timed("return preview", self.return_preview())
        yield from self.timed("type a note", self.type_note())
        yield from self.timed("lock and unlock", self.lock_and_unlock())
        yield 0.3

    def timed(self, name: str, step: Step) -> Step:
        self.watch.step = name
        started = time.perf_counter()
        yield from step
        self.steps[name] = time.perf_counter() - started

    @staticmethod
    def wait(condition: Callable[[], bool]) -> Step:
        yield condition

    def settled(self) -> Callable[[], bool]:
        worker = self.window.worker
        return lambda: worker.pending == 0

    def unlock(self) -> Step:
        view = self.window.unlock_view
        view.passphrase.setFocus()
        view.passphrase.setText(self.passphrase)
        QTest.keyClick(view.passphrase, Qt.Key.Key_Return)
        yield lambda: self.window.unlocked
        yield self.settled()
        yield 0.5
        yield self.settled()

    def open_list(self) -> Step:
        w = self.window
        QTest.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        view = w.shell.concerns
        yield lambda: view.model.rowCount() > 0 and w.shell.current_page == "concerns"
        yield 0.2

    def sort(self) -> Step:
        view = self.window.shell.concerns
        header = view.table.horizontalHeader()
        from app.store.listing import SORT_COLUMNS

        keys = [key for key, _ in view.model.COLUMNS]
        for key in ("reference", "next_deadline", "next_due", "stage", "received_on"):
            if key not in keys or key not in SORT_COLUMNS:
                continue
            column = keys.index(key)
            for _ in range(2):  # ascending, then descending
                generation = view.model._generation
                x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
                QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                                 Qt.KeyboardModifier.NoModifier, QPoint(x, header.height() // 2))
                yield lambda g=generation: (view.model._generation > g
                                            and not view.model._fetching)
                yield 0.15

    def search_as_you_type(self) -> Step:
        view = self.window.shell.concerns
        painted = PaintSeen(view.table.viewport())
        for word in SEARCH_WORDS:
            view.search.setFocus()
            view.search.selectAll()
            QTest.keyClick(view.search, Qt.Key.Key_Backspace)
            yield lambda: view.model.query.search == "" and not view.model._fetching
            yield 0.3
            answered: list[tuple[int, float]] = []

            def loaded(_total: int, word: str = word,
                       answered: list[tuple[int, float]] = answered) -> None:
                if view.model.query.search == word and not answered:
                    answered.append((painted.count, time.perf_counter()))

            view.model.loaded.connect(loaded)  # before the keys: the answer may come at once
            last = 0.0
            for char in word:
                QTest.keyClick(view.search, char)
                last = time.perf_counter()
                yield KEY_GAP_S
            # Shown: the table's next paint after the answer; when the rows did not change
            # (nothing to paint), the answer itself.
            yield lambda answered=answered: bool(answered) and (
                painted.count > answered[0][0] or time.perf_counter() - answered[0][1] > 0.2)
            view.model.loaded.disconnect(loaded)
            count, at = answered[0]
            shown = painted.first_after.get(count, at)
            self.search.append(shown - last)
        view.search.selectAll()
        QTest.keyClick(view.search, Qt.Key.Key_Backspace)
        yield lambda: view.model.query.search == "" and not view.model._fetching

    def open_concerns(self, count: int) -> Step:
        w = self.window
        shell, view = w.shell, w.shell.concerns
        workspace = shell.workspace
        for row in range(count):
            shell.show_page("concerns")
            yield lambda row=row: view.model.rowCount() > row
            yield 0.1
            index = view.model.index(row, 0)
            view.table.setCurrentIndex(index)
            view.table.setFocus()
            QTest.keyClick(view.table, Qt.Key.Key_Return)
            concern_id = view.model.concern_id(row)
            yield lambda c=concern_id: (workspace.context is not None
                                        and workspace.context.concern_id == c)
            yield 0.2
            for tab in range(workspace.tabs.count()):
                workspace.tabs.setCurrentIndex(tab)
                yield 0.15
        shell.show_page("concerns")
        yield 0.1

    def reports(self) -> Step:
        shell = self.window.shell
        shell.show_page("reports")
        yield lambda: shell.reports.loaded is not None
        yield self.settled()

    def return_preview(self) -> Step:
        shell = self.window.shell
        self.watch.step = "return preview (showing the page)"
        shell.show_page("return")
        yield self.settled()
        self.watch.step = "return preview"
        shell.returns.build_preview()
        yield lambda: (shell.returns.preview or shell.returns.blocked) is not None
        yield self.settled()
        yield 0.5

    def type_note(self) -> Step:
        w = self.window
        shell, view = w.shell, w.shell.concerns
        shell.show_page("concerns")
        yield lambda: view.model.rowCount() > 0
        view.table.setCurrentIndex(view.model.index(0, 0))
        view.table.setFocus()
        self.watch.step = "type a note (opening the form)"
        QTest.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        workspace = shell.workspace
        yield lambda: type(workspace.current_dialog).__name__ == "ConversationForm"
        form = workspace.current_dialog
        yield 0.3
        form.notes.setFocus()
        self.watch.step = "type a note"
        text = ("C said the night rota has been two nurses short since the summer and the "
                "agency staff do not know the ward. ")
        typed = 0
        while typed < NOTE_CHARS:
            QTest.keyClick(form.notes, text[typed % len(text)])
            typed += 1
            if typed % NOTE_PAUSE_EVERY == 0:
                yield NOTE_PAUSE_S
            else:
                yield NOTE_KEY_GAP_S
        yield self.settled()
        self.result["draft_saved"] = form.keeper.draft_id is not None
        form.keeper.save_now()
        yield self.settled()
        form.keeper.stop()
        self.watch.step = "type a note (closing the form)"
        form.done(0)
        yield self.settled()
        yield 0.3

    def lock_and_unlock(self) -> Step:
        w = self.window
        w.activateWindow()
        yield lambda: QApplication.activeWindow() is w
        QTest.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        yield lambda: not w.unlocked
        yield self.settled()
        yield 0.3
        yield from self.unlock()


def _visible_messages(window: QWidget | None) -> list[str]:
    """What the window says in its visible labels when a step times out (a failure shown
    to the user rather than a hang)."""
    from PySide6.QtWidgets import QLabel

    if window is None:
        return []
    return [label.text() for label in window.findChildren(QLabel)
            if label.isVisible() and label.text().strip()][-12:]


def _watch_gc(day: Day) -> None:
    """With CASEBOOK_DAY_GC=1: note each garbage collection of 10 ms or more (which thread
    ran it, which generation), to tell them from the app's own stalls."""
    import gc
    import threading

    started: dict[str, float] = {}

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started["at"] = time.perf_counter()
        elif "at" in started:
            took = (time.perf_counter() - started.pop("at")) * 1000
            if took >= 10:
                day.result.setdefault("gc", []).append(
                    f"{day.watch.step}: generation {info['generation']} {took:.0f} ms on "
                    f"{threading.current_thread().name}")
            if took >= 40 and os.environ.get("CASEBOOK_DAY_GC") == "types":
                from collections import Counter

                kinds = Counter(f"{type(o).__module__}.{type(o).__name__}"
                                for o in gc.get_objects())
                day.result.setdefault("gc types", []).append(
                    (day.watch.step, round(took), sum(kinds.values()), kinds.most_common(8)))

    gc.callbacks.append(callback)


def _heap(day: Day) -> None:
    """With CASEBOOK_DAY_HEAP=1: after the day, how many objects the collector tracks, by
    type and by the module that defines the type (what a full collection walks)."""
    import gc
    from collections import Counter

    objects = gc.get_objects()
    types = Counter(type(o).__name__ for o in objects)
    modules = Counter(type(o).__module__ for o in objects)
    sized = sorted(((len(o), type(o).__name__, repr(o)[:60]) for o in objects
                    if isinstance(o, (dict, list, set, frozenset, tuple))), reverse=True)
    started = time.perf_counter()
    gc.collect()
    day.result["heap"] = {"tracked": len(objects), "types": types.most_common(25),
                          "largest": sized[:15],
                          "items in containers": sum(s[0] for s in sized),
                          "modules": modules.most_common(15),
                          "full collection ms": round((time.perf_counter() - started) * 1000)}


def _sample_stalls(day: Day) -> None:
    """With CASEBOOK_DAY_SAMPLE=1: while the GUI thread has not beaten for 8 ms, note where
    it is (its innermost Python frames) every 2 ms, to tell where a stall is spent. It
    slows the day down; the figures of such a run are not the benchmark's."""
    import threading
    import traceback
    from collections import Counter

    gui = threading.get_ident()
    seen: Counter[str] = Counter()
    day.result["samples"] = seen

    def run() -> None:
        while True:
            time.sleep(0.002)
            last = day.watch.last
            if not last or time.perf_counter() - last < 0.008:
                continue
            me = threading.get_ident()
            for ident, frame in sys._current_frames().items():
                if ident == me:
                    continue
                stack = traceback.extract_stack(frame)[-6:]
                who = "GUI" if ident == gui else "other"
                seen[f"{day.watch.step} {who} | " + " < ".join(
                    f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack))
                     ] += 1

    threading.Thread(target=run, name="sampler", daemon=True).start()


def main() -> int:
    folder = Path(sys.argv[1])
    app = QApplication(["casebook"])
    day = Day(os.environ.get("CASEBOOK_BENCH_PASS", ""))
    if os.environ.get("CASEBOOK_DAY_GC"):
        _watch_gc(day)
    if os.environ.get("CASEBOOK_DAY_SAMPLE"):
        _sample_stalls(day)
    QTimer.singleShot(600_000, QApplication.quit)  # never hang

    def started() -> None:
        if any(type(w).__name__ == "MainWindow" for w in QApplication.topLevelWidgets()):
            day.begin()
        else:
            QTimer.singleShot(10, started)

    QTimer.singleShot(0, started)
    from app.cli import main as casebook

    code = casebook(["--casebook", str(folder)])
    with contextlib.suppress(Exception):
        app.processEvents()
    print(json.dumps({"exit": code, **day.result}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
