"""Synthetic casebooks for the benchmarks: made once with `casebook demo`'s generator, then cached.

A casebook of N concerns is made by `app.demo.add_demo_concerns` (every concern
through the concern service, checked by the rules and audited, as typed in the
GUI), in batches of 500 concerns per transaction, from a fixed seed and a fixed
"today", so the same size gives the same content on every machine. It is
created with the product's real key-derivation cost, so unlocking it costs what
a contact's unlock costs.

Generated casebooks are kept in a cache folder (default ~/.cache/casebook-bench,
or `--cache DIR`), one per (size, seed, software version); the version is the
app's version plus a digest of the generator and the database migrations, so a
change to either makes a new one. Benchmarks work on a fresh copy of the cached
casebook, never on the cache itself.

The plain copy (for the side-by-side figures) is the same data exported from
the encrypted file with SQLCipher's `sqlcipher_export` into a database with an
empty key, i.e. an ordinary SQLite file, also cached.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app import __version__
from app.demo import add_demo_concerns
from app.paths import CASES_DB, IDENTITIES_DB, KEYSLOTS
from app.services import concern_list
from app.store import database, keys
from app.store.casebook import Casebook

ROOT = Path(__file__).resolve().parents[2]
SEED = 2026
TODAY = date(2026, 11, 22)  # fixed, so a cached casebook stays valid whatever the date
BATCH = 500
PASSPHRASE = "benchmark casebook (synthetic data only)"
YEAR = "2025-26"  # the last whole financial year in the generated casebooks

Say = Callable[[str], None]


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "casebook-bench"


def software_version() -> str:
    """The app's version and a digest of what decides a generated casebook's content."""
    digest = hashlib.sha256()
    sources = [*sorted((ROOT / "app" / "demo").glob("*.py")),
               *sorted((ROOT / "database").rglob("*.sql"))]
    for path in sources:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}-{digest.hexdigest()[:10]}"


@dataclass(frozen=True)
class Corpus:
    """A cached casebook of `size` concerns and what it took to make it."""

    folder: Path
    size: int
    meta: dict[str, Any]

    @property
    def generation_seconds(self) -> float:
        return float(self.meta["seconds"])


def _meta_path(folder: Path) -> Path:
    return folder.with_name(folder.name + ".json")


def ensure_casebook(size: int, cache: Path, say: Say, seed: int = SEED) -> Corpus:
    """The cached casebook of `size` concerns, generated first if it is not there yet."""
    folder = cache / f"casebook-{size}-seed{seed}-{software_version()}"
    meta_path = _meta_path(folder)
    if meta_path.exists() and (folder / CASES_DB).exists():
        return Corpus(folder, size, json.loads(meta_path.read_text()))
    cache.mkdir(parents=True, exist_ok=True)
    _forget_other_versions(cache, f"casebook-{size}-seed{seed}-", folder.name)
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    say(f"generating a casebook of {size:,} concerns (cached in {cache}) ...")
    load_before = os.getloadavg()
    started = time.perf_counter()
    book, _ = Casebook.create(partial, PASSPHRASE, organisation="NHS Benchmark Board",
                              unit="Benchmark unit", argon2=keys.DEFAULT_ARGON2)
    with book:
        step = max(1, size // 20)

        def progress(done: int, total: int) -> None:
            if done % step == 0 or done == total:
                say(f"  {done:,} / {total:,} concerns, {time.perf_counter() - started:.0f} s")

        summary = add_demo_concerns(book, size, seed, today=TODAY, batch_size=BATCH,
                                    on_progress=progress)
        # The search index holds text masked by the identity scanner, written by the app
        # (app/store/search_index.py): as after the window's first unlock, it is written.
        say(f"  writing the search index ({size:,} concerns, masked) ...")
        concern_list.prepare_search(book)
    seconds = time.perf_counter() - started
    meta = {
        "size": size, "seed": seed, "today": TODAY.isoformat(), "batch": BATCH,
        "version": software_version(), "seconds": round(seconds, 1),
        "concerns": summary.concerns, "conversations": summary.conversations,
        "identities": summary.identities,
        "generated_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "load_average": [round(x, 2) for x in (*load_before, *os.getloadavg())],
    }
    partial.rename(folder)
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    say(f"  generated {size:,} concerns ({summary.conversations:,} conversations) in "
        f"{seconds:.0f} s")
    return Corpus(folder, size, meta)


def _forget_other_versions(cache: Path, stem: str, keep: str) -> None:
    """Casebooks of this size and seed made by another version: never used again."""
    for path in cache.glob(stem + "*"):
        if path.name.startswith(keep):
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def working_copy(corpus_folder: Path, target: Path) -> Path:
    """A fresh copy of a casebook's files (databases and key slots, no backups) to work on."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True, mode=0o700)
    for name in (CASES_DB, IDENTITIES_DB, KEYSLOTS):
        for suffix in ("", "-wal"):
            source = corpus_folder / (name + suffix)
            if source.exists():
                shutil.copyfile(source, target / (name + suffix))
    return target


def ensure_plain_copy(corpus: Corpus, say: Say) -> Path:
    """The same casebook as ordinary SQLite files (cached beside the encrypted one)."""
    folder = corpus.folder.with_name(corpus.folder.name + "-plain")
    if (folder / "done").exists():
        return folder
    say(f"exporting the {corpus.size:,}-concern casebook to plain SQLite ...")
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True, mode=0o700)
    with Casebook.open(corpus.folder, PASSPHRASE) as book:
        master = book.master_key
    for name in (CASES_DB, IDENTITIES_DB):
        conn = database.connect(corpus.folder / name,
                                keys.database_key(master, name.removesuffix(".db")))
        try:
            target = str(partial / name).replace("'", "''")
            conn.execute(f"ATTACH DATABASE '{target}' AS plaintext KEY ''")
            conn.execute("SELECT sqlcipher_export('plaintext')").fetchall()
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute(f"PRAGMA plaintext.user_version = {int(version)}")
            conn.execute("DETACH DATABASE plaintext")
        finally:
            conn.close()
    shutil.copyfile(corpus.folder / KEYSLOTS, partial / KEYSLOTS)
    (partial / "done").write_text("")
    partial.rename(folder)
    return folder


@contextlib.contextmanager
def plain_sqlite() -> Iterator[None]:
    """Benchmark-only switch: the store opens every database file as plain SQLite.

    `database.connect(..., plain=True)` runs the same code path with no key; the
    rest of the store (the same SQL, the same Python) is untouched.
    """
    original = database.connect

    def connect(path: Path, raw_key: bytes, **options: Any) -> database.Connection:
        return original(path, raw_key, plain=True, **options)

    database.connect = connect  # type: ignore[assignment]
    try:
        yield
    finally:
        database.connect = original  # type: ignore[assignment]


def disk_bytes(folder: Path) -> int:
    """The casebook's databases on disk (with any write-ahead log)."""
    return sum(p.stat().st_size for p in folder.iterdir()
               if p.name.startswith(("cases.db", "identities.db")))
