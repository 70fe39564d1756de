"""No identifying detail or concern text ever reaches disk in plaintext: not in temp files,
logs, settings or WAL.

Unique canary strings are written through every path that takes free text (the person's
details, the concern, conversations, extensions, actions, disclosures, detriment, feedback,
drafts, consents, a reveal's reason), then every file under the casebook (WAL and SHM
included, with the connections still open, and again after closing), its backups, the temp
folder, the log folder and the user's config/data/state/cache folders is searched for them:
as UTF-8 in any letter case, as UTF-16 and as hex. The same search must find each canary in
what the API reads back, and must find a canary in a plain (unencrypted) SQLite file, so a
search that finds nothing means something.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from app.core.identity import PersonDetails
from app.core.records import (
    ConversationMode,
    DisclosureConsent,
    Outcome,
    ProcedureDecision,
    SignpostBody,
    SpeakUpAgain,
    Stage,
)
from app.store import backup, database
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.identities import Consent, IdentityService
from tests.fault.fault_helpers import REPO, cli_env, new_concern, run_cli
from tests.support import PASSPHRASE, TODAY

NEW_PASSPHRASE = "another long passphrase"

# "canary" then letters and digits, in the three forms a program might write text in.
_UTF8 = re.compile(rb"canary[0-9a-z]{8,80}")
_UTF16 = re.compile(rb"c\x00a\x00n\x00a\x00r\x00y\x00(?:[0-9a-z]\x00){8,80}")
_HEX = re.compile(rb"(?:63616e617279|43414e415259)(?:[0-9a-f]{2}){8,80}")  # canary, CANARY


class Canaries:
    """Unique strings, one per field; `leaks` finds any of them (or 8+ characters' start)."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def __getitem__(self, label: str) -> str:
        if label not in self.values:
            # X ends the label (hex has no x), so no canary's start is another's.
            self.values[label] = f"CANARY{label.upper()}X{uuid.uuid4().hex}"
        return self.values[label]

    def found_in(self, data: bytes) -> set[str]:
        lowered = data.lower()
        tokens = [m.group().decode() for m in _UTF8.finditer(lowered)]
        tokens += [m.group().decode("utf-16-le") for m in _UTF16.finditer(lowered)]
        tokens += [bytes.fromhex(m.group().decode()).decode("ascii", "replace").lower()
                   for m in _HEX.finditer(lowered)]
        found = set()
        for token in tokens:
            for label, value in self.values.items():
                shared = min(len(token), len(value))
                if token[:shared] == value.lower()[:shared]:
                    found.add(label)
        return found


def files_under(roots: Iterable[Path]) -> Iterator[Path]:
    for root in roots:
        if not root.exists():
            continue
        for here, _dirs, names in os.walk(root):
            for name in names:
                path = Path(here) / name
                try:
                    info = path.lstat()
                except OSError:
                    continue
                if not stat.S_ISREG(info.st_mode):
                    continue
                yield path


def deleted_files_held_open() -> Iterator[Path]:
    """Files this process holds open after unlinking them (SQLite's own temp files would)."""
    for fd in os.listdir("/proc/self/fd"):
        link = Path("/proc/self/fd") / fd
        try:
            target = os.readlink(link)
            if target.endswith(" (deleted)") and stat.S_ISREG(os.stat(link).st_mode):
                yield link
        except OSError:
            continue


def scan(canaries: Canaries, paths: Iterable[Path]) -> tuple[dict[str, set[str]], int]:
    """Which canaries each file holds, and how many files were read."""
    leaks: dict[str, set[str]] = {}
    count = 0
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        count += 1
        found = canaries.found_in(data)
        if found:
            leaks[str(path)] = found
    return leaks, count


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh temp folder for this process (tempfile and SQLite) and its children."""
    folder = tmp_path / "tmpdir"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    for var in ("TMPDIR", "SQLITE_TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(var, str(folder))
    return folder


def write_everything(book: Casebook, c: Canaries) -> int:
    """Every free-text path of the services, each with its own canary; returns the concern."""
    service = ConcernService(book, today=lambda: TODAY)
    identities = IdentityService(book)
    received = TODAY - timedelta(days=60)
    person = PersonDetails(
        name=c["name"], email=f"{c['email']}@example.org", phone=c["phone"],
        address=c["address"], employer=c["employer"], job_title=c["jobtitle"],
        support_person=c["supportperson"], other_names=f"{c['othername']}; {c['knownas']}")
    cid = service.create(new_concern(
        summary=c["summary"], named=person, received=received, service_area=c["servicearea"],
        themes=("patient_safety", c["localtheme"])))
    issue = service.add_issue(cid, c["issue"])
    service.set_issue_findings(issue, c["findings"])
    conversation = service.log_conversation(cid, received + timedelta(days=1),
                                            ConversationMode.IN_PERSON, c["notesold"],
                                            c["nextstepsold"])
    service.update_conversation(conversation, c["notes"], c["nextsteps"])  # old text replaced
    service.log_conversation(cid, received + timedelta(days=2), ConversationMode.PHONE,
                             c["notes2"] + " " + "ward rota " * 3000, c["nextsteps2"])
    service.extend(cid, Stage.STAGE1, authorised_by=c["authorisedby"],
                   authorised_on=received + timedelta(days=2), reason=c["extensionreason"],
                   new_due_on=received + timedelta(days=20))
    action = service.add_action(cid, c["action"], owner=c["actionowner"], learning=c["learning"])
    service.update_action(action, done_on=received + timedelta(days=10), adopted=False,
                          not_adopted_reason=c["notadopted"])
    service.signpost(cid, SignpostBody.OTHER, received + timedelta(days=3),
                     other_body=c["signpostbody"], notes=c["signpostnotes"])
    service.record_disclosure(cid, disclosed_to=c["disclosedto"], role=c["disclosedrole"],
                              on=received + timedelta(days=4), reason=c["disclosurereason"],
                              consent=DisclosureConsent.CONSENT_WRITTEN)
    service.record_detriment(cid, received + timedelta(days=5), c["detriment"],
                             c["detrimentaction"])
    service.record_feedback(cid, received + timedelta(days=6), SpeakUpAgain.UNSURE,
                            c["feedback"])
    draft = service.save_draft("conversation", cid, c["draftold"])
    service.save_draft("conversation", cid, c["draft"], draft)
    identities.add_consent(cid, Consent(c["sharewith"], received + timedelta(days=3),
                                        c["consenthow"], c["consentnotes"]))
    shown = identities.reveal(cid, c["revealreason"])
    assert shown.person == person  # through the API, the canaries come back
    responded = service.create(new_concern(summary=c["summary2"], received=received))
    service.respond(responded, Stage.STAGE1, received + timedelta(days=3), Outcome.UPHELD,
                    c["responsesummary"])
    undecided = service.create(new_concern(summary=c["summary3"], received=received,
                                           stage=None))
    service.decide(undecided, ProcedureDecision.BUSINESS_AS_USUAL, received + timedelta(days=1),
                   c["decisionreasons"])
    return cid


REPLACED = {"notesold", "nextstepsold", "draftold"}  # overwritten: gone even from the API


def readable_through_the_api(book: Casebook) -> bytes:
    """Everything both databases hold, decrypted, as one blob to search."""
    parts: list[str] = []
    for conn in (book.cases, book.identities()):
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'"
            " AND name NOT LIKE '%search_%'")]
        for table in tables:
            parts.extend(repr(row) for row in conn.execute(f"SELECT * FROM {table}"))
    return "\n".join(parts).encode()


def scan_roots(tmp_path: Path) -> list[Path]:
    """The test's own folders: its tmp_path, its fake home (HOME and the XDG folders) and
    the temp folder it gave this process and its children (TMPDIR)."""
    home = Path(os.environ["HOME"])
    xdg = [Path(os.environ[var]) for var in ("XDG_DATA_HOME", "XDG_STATE_HOME",
                                             "XDG_CONFIG_HOME", "XDG_CACHE_HOME")]
    return [tmp_path, home, *xdg, Path(tempfile.gettempdir())]


def assert_no_leaks(canaries: Canaries, tmp_path: Path, with_open_files: bool = False) -> int:
    """Search every folder this test owns (never the machine's shared /tmp: other programs
    write there, and what they write is not ours to judge). The app cannot write elsewhere
    unseen: test_written_files_stay_in_owned_folders watches its system calls, and
    test_the_app_names_no_system_temp_folder reads its code."""
    paths = sorted(set(files_under(scan_roots(tmp_path))))
    if with_open_files:
        paths += list(deleted_files_held_open())
    leaks, count = scan(canaries, paths)
    assert leaks == {}, f"canaries reached disk in plaintext: {leaks}"
    return count


def test_the_search_finds_plaintext(tmp_path: Path) -> None:
    """The search itself: a plain SQLite file (and its WAL) holding a canary is caught."""
    canaries = Canaries()
    plain = tmp_path / "plain.db"
    conn = database.connect(plain, b"\0" * 32, create=True, plain=True)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (canaries["plain"],))
    (tmp_path / "utf16.txt").write_bytes(canaries["wide"].encode("utf-16-le"))
    (tmp_path / "hex.txt").write_text(canaries["hex"].encode().hex().upper())
    (tmp_path / "lower.txt").write_text(canaries["lower"].lower()[:20])
    leaks, _ = scan(canaries, files_under([tmp_path]))
    conn.close()
    assert leaks[str(tmp_path / "plain.db-wal")] == {"plain"}  # still open: in the WAL
    assert leaks[str(tmp_path / "utf16.txt")] == {"wide"}
    assert leaks[str(tmp_path / "hex.txt")] == {"hex"}
    assert leaks[str(tmp_path / "lower.txt")] == {"lower"}


def test_no_canary_reaches_disk_through_the_services(folder: Path, tmp_path: Path,
                                                     private_tmp: Path) -> None:
    canaries = Canaries()
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Test Board", unit="Unit")
    try:
        write_everything(book, canaries)
        backup.backup_files(folder, book.master_key)
        backup.backup_files(folder, book.master_key, to=tmp_path / "usb-stick")
        held = canaries.found_in(readable_through_the_api(book))
        assert held == set(canaries.values) - REPLACED  # so the search below can succeed
        # With both databases open, their WAL and shared-memory files are there to search.
        for name in ("cases.db-wal", "cases.db-shm", "identities.db-wal"):
            assert (folder / name).stat().st_size > 0, name
        assert assert_no_leaks(canaries, tmp_path, with_open_files=True) >= 10
    finally:
        book.close()
    assert assert_no_leaks(canaries, tmp_path) >= 10
    with Casebook.open(folder, PASSPHRASE) as book:  # the text is really there, encrypted
        assert canaries.found_in(readable_through_the_api(book)) == (
            set(canaries.values) - REPLACED)


def test_no_canary_reaches_disk_through_the_command_line(folder: Path, tmp_path: Path,
                                                         private_tmp: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    canaries = Canaries()
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Test Board", unit="Unit")
    try:
        write_everything(book, canaries)
    finally:
        book.close()
    restored = tmp_path / "restored"
    outputs: list[str] = []

    def cli(*args: str, **env: str) -> str:
        done = run_cli([*args], **env)
        assert done.returncode == 0, done.stderr
        outputs.extend((done.stdout, done.stderr))
        return done.stdout

    cli("check", "--json", "--casebook", str(folder), CASEBOOK_PASSPHRASE=PASSPHRASE)
    cli("backup", "--casebook", str(folder), CASEBOOK_PASSPHRASE=PASSPHRASE)
    cli("backup", "--to", str(tmp_path / "usb-stick"), "--casebook", str(folder),
        CASEBOOK_PASSPHRASE=PASSPHRASE)
    cli("passphrase", "--casebook", str(folder), CASEBOOK_PASSPHRASE=PASSPHRASE,
        CASEBOOK_NEW_PASSPHRASE=NEW_PASSPHRASE)
    entry = Path(cli("backup", "--casebook", str(folder),
                     CASEBOOK_PASSPHRASE=NEW_PASSPHRASE).strip())
    cli("restore", str(entry), "--casebook", str(restored), CASEBOOK_PASSPHRASE=NEW_PASSPHRASE)
    cli("rekey", "--casebook", str(restored), CASEBOOK_PASSPHRASE=NEW_PASSPHRASE)
    cli("check", "--casebook", str(restored), CASEBOOK_PASSPHRASE=NEW_PASSPHRASE)
    cli("init", "--casebook", str(tmp_path / "another"), CASEBOOK_PASSPHRASE=PASSPHRASE)

    # An unexpected error whose text quotes case content: the log keeps its place, not its text.
    from app.cli import commands, main

    def explode(book: object, *anchors: object) -> object:
        raise ValueError(f"while reading {canaries['errortext']}")

    monkeypatch.setattr(commands.check, "check", explode)
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", NEW_PASSPHRASE)
    assert main(["check", "--casebook", str(folder)]) == 1
    assert any(p.stat().st_size for p in Path(os.environ["XDG_STATE_HOME"]).rglob("*.log"))

    assert canaries.found_in("\n".join(outputs).encode()) == set()
    assert assert_no_leaks(canaries, tmp_path) >= 20
    with Casebook.open(restored, NEW_PASSPHRASE) as book:
        assert canaries.found_in(readable_through_the_api(book)) >= {"name", "notes", "draft"}


# ----- where the command line writes, watched through its system calls ---------------------

# A successful call that creates or writes a file or folder, as `strace -y` prints it:
# openat(AT_FDCWD</dir>, "path", O_WRONLY|O_CREAT...) = 3</path>
_WRITE_OPEN = re.compile(r'\bopen(?:at)?\((?:[^,]*, )?"(?P<path>[^"]*)", (?P<flags>[A-Z_|]+)')
_MADE = re.compile(r'\b(?:mkdir|mkdirat|creat|rename|renameat2?|link|linkat|symlink|symlinkat)'
                   r'\((?P<args>.*)\) = 0')
_RESULT_PATH = re.compile(r"= \d+<(?P<path>[^>]*)>\s*$")
_QUOTED = re.compile(r'"([^"]*)"')


def written_paths(log_dir: Path) -> set[str]:
    """Every path a traced process opened for writing or created, renamed or linked to."""
    paths: set[str] = set()
    for log in log_dir.iterdir():
        for line in log.read_text(errors="replace").splitlines():
            opened = _WRITE_OPEN.search(line)
            if opened and re.search(r"O_WRONLY|O_RDWR|O_CREAT", opened.group("flags")):
                result = _RESULT_PATH.search(line)  # -y gives the file's absolute path
                paths.add(result.group("path") if result else opened.group("path"))
                continue
            made = _MADE.search(line)
            if made:
                paths.update(_QUOTED.findall(made.group("args")))
    return paths


def _under(path: str, roots: Iterable[Path]) -> bool:
    return any(path == str(root) or path.startswith(str(root) + os.sep) for root in roots)


@pytest.mark.skipif(sys.platform != "linux", reason="strace watches Linux system calls")
def test_written_files_stay_in_owned_folders(folder: Path, tmp_path: Path,
                                             private_tmp: Path) -> None:
    """The command line writes only into the casebook, the backup target, and the HOME,
    XDG and TMPDIR folders it was given, never the machine's own /tmp or anywhere else.
    So scanning the folders a test owns is enough to find a leak."""
    strace = shutil.which("strace")
    assert strace, ("strace is not installed; `python3 packaging/bootstrap.py test` installs "
                    "it (Debian package strace)")
    logs = tmp_path / "strace"
    logs.mkdir()
    # The watch itself: a write outside the owned folders is seen as one.
    outside = tmp_path.parent / f"outside-{uuid.uuid4().hex}"
    probe = subprocess.run(
        [strace, "-f", "-ff", "-qq", "-y", "-e", "trace=%file,%desc", "-e", "status=successful",
         "-o", str(tmp_path / "probe" / "p"), sys.executable, "-c",
         f"open({str(outside)!r}, 'w').write('x')"], capture_output=True, text=True,
        timeout=60, check=False) if (tmp_path / "probe").mkdir() is None else None
    outside.unlink()
    assert probe is not None and probe.returncode == 0, probe
    assert str(outside) in written_paths(tmp_path / "probe")
    env = cli_env(CASEBOOK_PASSPHRASE=PASSPHRASE, CASEBOOK_NEW_PASSPHRASE=NEW_PASSPHRASE)
    steps = [["init", "--casebook", str(folder)],
             ["demo", "--cases", "5", "--casebook", str(folder)],
             ["check", "--casebook", str(folder)],
             ["backup", "--to", str(tmp_path / "usb-stick"), "--casebook", str(folder)],
             ["passphrase", "--casebook", str(folder)]]
    for number, args in enumerate(steps):
        done = subprocess.run(
            [strace, "-f", "-ff", "-qq", "-y", "-e", "trace=%file,%desc", "-e",
             "status=successful", "-o", str(logs / f"{number}"), sys.executable, "-m", "app",
             *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
            check=False)
        assert done.returncode == 0, done.stderr
    written = written_paths(logs)
    assert any(path.startswith(str(folder)) for path in written)  # the watch sees writes
    owned = [tmp_path, Path(os.environ["HOME"]), Path("/dev"), Path("/proc")]
    elsewhere = sorted(path for path in written if not _under(path, owned))
    assert elsewhere == [], f"the command line wrote outside the test's folders: {elsewhere}"


def test_the_app_names_no_system_temp_folder() -> None:
    """Temporary files go where TMPDIR says (tempfile), never to a folder named in the code,
    which a test that scans only its own folders could not see."""
    named = re.compile(r"""["'](?:/tmp|/var/tmp|/dev/shm)(?:/|["'])""")
    offences = [f"{path.relative_to(REPO)}:{number}"
                for path in sorted((REPO / "app").rglob("*.py"))
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if named.search(line)]
    assert offences == []
    assert named.search('x = Path("/tmp")') and named.search("open('/var/tmp/a')")
