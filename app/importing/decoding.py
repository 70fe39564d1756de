"""Turning a .csv file's bytes into text, strictly: never guess past a bad byte.

A wrongly decoded file is worse than a refused one: names stored as mojibake
("SiobhÃ¡n") slip past the identifying-text scanner and stay wrong for good. So:

- a UTF-8 byte-order mark (what Excel's "CSV UTF-8" writes) means UTF-8;
- a UTF-16 or UTF-32 byte-order mark means that encoding, read as such;
- no mark: UTF-8 when the whole file is valid UTF-8;
- Windows-1252 (Excel's "CSV (Comma delimited)" on a UK laptop) only when the file
  holds no valid multi-byte UTF-8 sequence at all: a file that has some valid
  UTF-8 and also bytes that are not is a damaged UTF-8 file, not a Windows one;
- a byte that the chosen encoding does not define is kept as a marker (a lone
  surrogate, as Python's surrogateescape does), so that once the file is split
  into rows and columns the caller can name the first bad cell by its row and
  column;
- text holding NUL characters (UTF-16 saved without its mark) is refused.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# One valid multi-byte UTF-8 sequence (RFC 3629: no overlong forms, no surrogates).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]"
    rb"|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}"
    rb"|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# Longest first: a UTF-32 LE mark starts with the UTF-16 LE one.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# A byte the decoder could not read, kept as a lone surrogate U+DC00 + byte: no decoder
# used here produces lone surrogates of its own (strict UTF-16 and UTF-32 refuse them).
BAD_BYTE = re.compile("[\udc00-\udcff]")
_MARK_ERRORS = "casebook-mark-bad-bytes"


def _mark_bad_bytes(error: UnicodeError) -> tuple[str, int]:
    """Like Python's surrogateescape, but for every byte value and every codec (UTF-16's
    bad units can hold bytes below 0x80, which surrogateescape refuses to carry)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    return "".join(chr(0xDC00 + byte) for byte in bad), error.end


codecs.register_error(_MARK_ERRORS, _mark_bad_bytes)


@dataclass(frozen=True)
class DecodedText:
    text: str  # may hold BAD_BYTE markers: the caller names the first one's cell
    encoding: str  # in the users' words: "UTF-8", "UTF-16", "Windows-1252"


def has_utf8_multibyte(data: bytes) -> bool:
    return _UTF8_MULTIBYTE.search(data) is not None


def decode(data: bytes) -> DecodedText:
    """The file's text by the rules above (bad bytes kept as markers, never replaced)."""
    for mark, codec, label in _MARKS:
        if data.startswith(mark):
            return DecodedText(data[len(mark):].decode(codec, errors=_MARK_ERRORS), label)
    try:
        return DecodedText(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    if has_utf8_multibyte(data):  # UTF-8 with damage: never re-read as Windows-1252
        return DecodedText(data.decode("utf-8", errors=_MARK_ERRORS), "UTF-8")
    return DecodedText(data.decode("cp1252", errors=_MARK_ERRORS), "Windows-1252")


def bad_byte_in(text: str) -> str | None:
    """The first undecodable byte in `text` as hex ("0xFF"), or None."""
    found = BAD_BYTE.search(text)
    return None if found is None else f"0x{ord(found.group()) - 0xDC00:02X}"
