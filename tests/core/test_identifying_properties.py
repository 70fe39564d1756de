"""Properties of the scanner, whatever the text: positions, masking, disguises, CHI numbers."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.identifying import (
    REASONS,
    HeldIdentity,
    Scanner,
    find_identifying,
    is_valid_chi,
    mask_identifying,
)
from app.core.identifying.normalise import fold

C = HeldIdentity("P-c", "Jordan Testperson", emails=("j.t@example.org",),
                 phones=("07700 900123",))
OTHER = HeldIdentity("P-o", "Siobhan Menzies", other_names=("Mary-Jane O'Neill",),
                     phones=("0131 496 0123",))
SCANNER = Scanner.build([C, OTHER], never_publish=("Night Owls",))
PATTERN_KINDS = {"email", "phone", "chi", "chi_like", "dob"}


def _chi_check(nine: str) -> int | None:
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    return None if check == 10 else 0 if check == 11 else check


@st.composite
def _valid_chi(draw: st.DrawFn) -> str:
    born = draw(st.dates(date(1920, 1, 1), date(2019, 12, 31)))
    while True:
        serial = draw(st.integers(0, 999))
        nine = born.strftime("%d%m%y") + f"{serial:03d}"
        check = _chi_check(nine)
        if check is not None:
            return nine + str(check)


# ----- disguises ---------------------------------------------------------------------------

_SPACES = st.sampled_from([" ", "\u00a0", "\u2009", "\u202f", "\u2007", "\u3000", "\t"])
_INVISIBLE = st.sampled_from(["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
# Look-alikes TR39 lists for letters of the names (Cyrillic, Greek, full-width).
_LOOKALIKE = {"o": ["\u043e", "\u03bf", "\uff4f"], "e": ["\u0435", "\uff45"],
              "a": ["\u0430", "\uff41"], "S": ["\u0405", "\uff33"], "i": ["\u0456"],
              "J": ["\u0408"], "T": ["\u0422", "\u03a4"], "p": ["\u0440"], "s": ["\u0455"],
              "M": ["\u041c", "\u039c"], "n": ["\uff4e"]}


@st.composite
def _disguised(draw: st.DrawFn, name: str) -> str:
    out = []
    for ch in name:
        if ch == " ":
            out.append(draw(_SPACES))
            continue
        choice = draw(st.integers(0, 5))
        if choice == 1 and ch in _LOOKALIKE:
            ch = draw(st.sampled_from(_LOOKALIKE[ch]))
        elif choice == 2 and ch.isalpha():
            ch = ch + draw(st.sampled_from(["\u0301", "\u0308", "\u0300"]))  # an accent
        elif choice == 3:
            ch = ch.upper() if ch.islower() else ch.lower()
        out.append(ch)
        if draw(st.integers(0, 6)) == 0:
            out.append(draw(_INVISIBLE))
    return "".join(out)


@settings(max_examples=200, deadline=None)
@given(_disguised("Jordan Testperson"), st.sampled_from(["", "Today ", "(", "Note: "]),
       st.sampled_from(["", " said so.", "'s rota", ") rang."]))
def test_a_disguised_name_is_found_and_masked_whole(written: str, before: str,
                                                    after: str) -> None:
    text = before + written + after
    findings = SCANNER.scan(text, own="P-c")
    assert [(f.start, f.end) for f in findings if f.kind == "own_name"] == [
        (len(before), len(before) + len(written))]
    assert SCANNER.mask(text, own="P-c") == before + "C" + after
    other = SCANNER.scan(text, own=None)  # as someone else's name: the full name is held
    assert [(f.kind, f.start, f.end) for f in other] == [
        ("other_name", len(before), len(before) + len(written))]


@settings(max_examples=200, deadline=None)
@given(st.lists(_SPACES, min_size=2, max_size=2), st.sampled_from(["07700", "+44 7700",
                                                                  "0044 7700", "(07700)"]))
def test_any_spacing_of_a_known_phone_is_found(spaces: list[str], prefix: str) -> None:
    number = f"{prefix}{spaces[0]}900{spaces[1]}123"
    text = f"Call {number} now."
    assert [(f.kind, text[f.start:f.end]) for f in SCANNER.scan(text, own="P-c")] == [
        ("own_phone", number)]


# ----- masking -----------------------------------------------------------------------------

_letters = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzÀÉÖÆŁ"), min_size=1, max_size=8)
_phone = st.builds(lambda n, sep: f"07700{sep}900{n:03d}", st.integers(0, 999),
                   st.sampled_from(["", " ", "-", "\u00a0"]))
_email = st.builds(lambda a, b: f"{a}@{b}.org", _letters, _letters)
_piece = st.one_of(
    st.text(max_size=12),
    st.sampled_from([" ", ", ", "-", "'", "(", ")", "+", "@", ".", "0", "7", " 44 ", " dot ",
                     " at ", "[", "]", "DOB ", "born ", "Mr ", " said", "C", "[name]"]),
    st.sampled_from(["Jordan", "Testperson", "Siobhan Menzies", "Mary-Jane O'Neill", "Menzies",
                     "Night Owls", "03/04/1981", "j.t@example.org", "0131 496 0123"]),
    _disguised("Jordan Testperson"), _phone, _email, _valid_chi(),
    st.integers(0, 10**11).map(str))
_risky = st.lists(_piece, max_size=14).map("".join)
_own = st.sampled_from([None, "P-c", "P-o"])


@settings(max_examples=300, deadline=None)
@given(_risky, _own)
def test_findings_lie_inside_the_text_in_order_without_nesting(text: str, own: str | None
                                                               ) -> None:
    findings = SCANNER.scan(text, own=own)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.reason == REASONS[f.kind]
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for a in findings:
        assert not [b for b in findings if b is not a and a.start <= b.start and b.end <= a.end]


@settings(max_examples=300, deadline=None)
@given(_risky, _own)
def test_masking_leaves_nothing_to_find_and_is_idempotent(text: str, own: str | None) -> None:
    once = SCANNER.mask(text, own=own)
    assert SCANNER.scan(once, own=own) == []
    assert SCANNER.mask(once, own=own) == once


@settings(max_examples=150, deadline=None)
@given(_risky)
def test_the_flat_list_wrappers_mask_to_nothing(text: str) -> None:
    known = ["Jordan Testperson", "j.t@example.org", "07700 900123"]
    masked = mask_identifying(text, known)
    assert find_identifying(masked, known) == []
    assert mask_identifying(masked, known) == masked


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Nd", "Cs"), blacklist_characters="@")))
def test_text_without_digits_or_at_signs_has_no_number_findings(text: str) -> None:
    kinds = {f.kind for f in SCANNER.scan(text)}
    assert not kinds & {"phone", "chi", "chi_like", "dob", "held_phone"}


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_folding_maps_every_character_back(text: str) -> None:
    folded = fold(text)
    if folded.source is not None:
        assert len(folded.source) == len(folded.text)
        assert list(folded.source) == sorted(folded.source)
    start, end = folded.span(0, len(folded.text))
    assert 0 <= start <= end <= len(text)
    assert unicodedata.is_normalized("NFKC", folded.text) or True  # folding never raises


# ----- CHI numbers -------------------------------------------------------------------------


def test_chi_numbers_need_a_real_date_and_check_digit() -> None:
    assert is_valid_chi("1203851235")
    assert not is_valid_chi("1203851230")  # wrong check digit
    assert not is_valid_chi("3202851235")  # 32 February is no date
    assert is_valid_chi("0101900007")  # a CHI may start with 0


@settings(max_examples=100, deadline=None)
@given(_valid_chi(), st.sampled_from(["{}", "{0}{1}{2} {3}{4}{5} {6}", "{0}{1}{2}{3}{4}{5} {6}",
                                      "{0}{1} {2}{3} {4}{5} {6}"]), _SPACES)
def test_every_valid_chi_is_found_however_spaced(chi: str, layout: str, space: str) -> None:
    parts = [chi[0:2][0], chi[1], chi[2], chi[3], chi[4], chi[5], chi[6:]]
    shown = (chi if layout == "{}" else layout.format(*parts)).replace(" ", space)
    findings = SCANNER.scan(f"Patient CHI: {shown}.")
    assert [f.kind for f in findings] == ["chi"]


@settings(max_examples=100, deadline=None)
@given(_valid_chi(), st.integers(1, 9))
def test_a_wrong_check_digit_is_chi_like(chi: str, shift: int) -> None:
    wrong = chi[:9] + str((int(chi[9]) + shift) % 10)
    assert not is_valid_chi(wrong)
    assert [f.kind for f in SCANNER.scan(f"Patient {wrong}.")] in (["chi_like"], ["phone"])


def test_dates_of_every_day_in_a_leap_cycle_are_accepted() -> None:
    day = date(1996, 1, 1)
    while day < date(2000, 1, 1):
        nine = day.strftime("%d%m%y") + "000"
        check = _chi_check(nine)
        if check is not None:
            assert is_valid_chi(nine + str(check)), day
        day += timedelta(days=1)


# ----- the flat-list wrappers, for callers that hold only strings ----------------------------


def test_flat_list_wrappers_take_every_name_as_someone_elses() -> None:
    known = ["Jordan Testperson", "j.t@example.org", "07700 900123"]
    text = "Jordan Testperson (J.T@Example.ORG, 07700\u00a0900123); Testperson; Jordan."
    assert [(f.kind, text[f.start:f.end]) for f in find_identifying(text, known)] == [
        ("other_name", "Jordan Testperson"), ("held_email", "J.T@Example.ORG"),
        ("held_phone", "07700\u00a0900123"), ("other_name", "Testperson")]
    assert mask_identifying(text, known) == (
        "[redacted] ([redacted], [redacted]); [redacted]; Jordan.")
    assert mask_identifying(text, known, replacement=None) == (
        "[name] ([email], [phone]); [name]; Jordan.")


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"0[1-9][0-9]{8,9}", fullmatch=True), st.sampled_from(["", " ", "-"]))
def test_the_uk_shortcut_agrees_with_libphonenumber(national: str, separator: str) -> None:
    import phonenumbers

    from app.core.identifying.phones import e164

    written = national[:5] + separator + national[5:]
    parsed = phonenumbers.parse(written, "GB")
    expected = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    assert e164(written) == expected
