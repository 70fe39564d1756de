"""Every page a SQLCipher file holds, decrypted: live rows, free pages, old copies in the WAL.

Searching the decrypted database through SQL finds only live rows; a destroyed identity
could survive in a freed page, an old WAL frame or a search-index segment. This reads the
file's pages themselves with the key (SQLCipher 4 defaults with a raw key: 4096-byte pages,
AES-256-CBC with the key as given, the IV in the page's last 80 reserved bytes, page 1
starting with its 16-byte salt) and hands back all the plaintext, to search.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.store import keys

PAGE = 4096
RESERVE = 80  # IV (16) and HMAC-SHA512 (64)
WAL_HEADER = 32
FRAME_HEADER = 24


def _decrypt(page: bytes, key: bytes, first: bool) -> bytes:
    start = 16 if first else 0
    body = page[start:PAGE - RESERVE]
    iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def decrypted_pages(path: Path, key: bytes) -> bytes:
    """The plaintext of every page of the database file and of every frame of its WAL."""
    out = bytearray()
    data = path.read_bytes() if path.exists() else b""
    for number in range(len(data) // PAGE):
        out += _decrypt(data[number * PAGE:(number + 1) * PAGE], key, number == 0)
    wal = Path(str(path) + "-wal")
    frames = wal.read_bytes() if wal.exists() else b""
    at = WAL_HEADER
    while at + FRAME_HEADER + PAGE <= len(frames):
        page_number = int.from_bytes(frames[at:at + 4], "big")
        page = frames[at + FRAME_HEADER:at + FRAME_HEADER + PAGE]
        out += _decrypt(page, key, page_number == 1)
        at += FRAME_HEADER + PAGE
    return bytes(out)


def casebook_plaintext(folder: Path, master: bytes) -> bytes:
    """Both databases' pages (and WAL frames), decrypted."""
    return (decrypted_pages(folder / "cases.db", keys.database_key(master, "cases"))
            + decrypted_pages(folder / "identities.db", keys.database_key(master, "identities")))


def holds(plain: bytes, text: str) -> bool:
    """Whether `text` is anywhere in the plaintext, as UTF-8 in any letter case."""
    return text.lower().encode() in plain.lower()
