"""The identifying-text scanner: examples a contact would recognise, and properties."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.identifying import (
    REASONS,
    Finding,
    find_identifying,
    is_valid_chi,
    mask_identifying,
)

KNOWN = ["Jordan Testperson", "j.t@example.org", "07700 900123", "Li Wei", "Mary-Jane O'Neill",
         "Al Smith"]
PATTERN_KINDS = {"email", "phone", "chi"}


def _chi_check(nine: str) -> int | None:
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    return None if check == 10 else 0 if check == 11 else check


def _kinds(text: str, known: list[str] | None = None) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start:f.end]) for f in find_identifying(text, known or KNOWN)]


# ----- examples -----------------------------------------------------------------------------


def test_known_names_whole_and_in_parts_any_case() -> None:
    text = "Jordan said TESTPERSON and li wei met Mary-Jane's friend; O'Neill's notes."
    assert _kinds(text) == [("known_name", "Jordan"), ("known_name", "TESTPERSON"),
                            ("known_name", "li wei"), ("known_name", "Mary-Jane's"),
                            ("known_name", "O'Neill's")]


def test_short_name_parts_and_longer_words_are_left_alone() -> None:
    # "Al" is shorter than three letters; "Jordans" and "Testpersons" are other words.
    assert _kinds("Al went with the Jordans and the Testpersons.") == []
    assert _kinds("Al Smith and AL SMITH") == [("known_name", "Al Smith"),
                                               ("known_name", "AL SMITH")]
    assert _kinds("Wei was there.") == [("known_name", "Wei")]


def test_emails_known_and_unknown() -> None:
    assert _kinds("Write to J.T@Example.ORG or to ward.manager@nhs.scot please") == [
        ("known_email", "J.T@Example.ORG"), ("email", "ward.manager@nhs.scot")]


def test_known_phone_in_any_spacing_or_prefix() -> None:
    text = "Call 07700900123, +44 7700 900 123, (07700) 900-123 or 0044 7700 900123."
    kinds = [k for k, _ in _kinds(text)]
    assert kinds == ["known_phone"] * 4


def test_uk_phone_patterns() -> None:
    text = ("Landline 0131 496 0000, London 020 7946 0000, mobile 07700 900 999, "
            "+44 (0)141 496 0001, 0300 123 4567, 01224 123456.")
    assert [k for k, _ in _kinds(text, [])] == ["phone"] * 6


def test_numbers_that_are_not_phones() -> None:
    for text in ("Ward 3 on 12 05 2025", "reference 2025-0042", "0800 12", "123456789012345",
                 "07700 9001", "room 0131"):
        assert _kinds(text, []) == [], text


def test_chi_numbers_need_a_real_date_and_check_digit() -> None:
    assert is_valid_chi("1203851235")
    assert not is_valid_chi("1203851230")  # wrong check digit
    assert not is_valid_chi("3202851235")  # 32 February is no date
    assert is_valid_chi("0101900007")  # a CHI may start with 0
    text = "CHI 120385 1235, 120-385-1235, 1203851235 and not 1203851230 or 1234567890."
    assert [k for k, _ in _kinds(text, [])] == ["chi", "chi", "chi"]


def test_29_february_only_in_a_year_that_can_be_leap() -> None:
    for yy, valid_date in (("00", True), ("04", True), ("01", False)):
        nine = f"2902{yy}123"
        check = _chi_check(nine)
        if check is None:
            continue
        assert is_valid_chi(nine + str(check)) is valid_date


def test_reasons_never_repeat_the_text() -> None:
    text = "Jordan Testperson, j.t@example.org, 07700 900123, CHI 1203851235"
    findings = find_identifying(text, KNOWN)
    assert {f.kind for f in findings} == {"known_name", "known_email", "known_phone", "chi"}
    for finding in findings:
        assert finding.reason == REASONS[finding.kind]
        assert text[finding.start:finding.end] not in finding.reason


def test_masking_an_example() -> None:
    text = "Jordan (j.t@example.org, 07700 900123) named Li Wei; CHI 120385 1235."
    assert mask_identifying(text, KNOWN) == (
        "[redacted] ([redacted], [redacted]) named [redacted]; CHI [redacted].")
    assert mask_identifying("Jordan", KNOWN, replacement="C") == "C"


def test_finding_is_a_frozen_record() -> None:
    finding = Finding("email", 0, 5, REASONS["email"])
    assert (finding.kind, finding.start, finding.end) == ("email", 0, 5)


# ----- properties ----------------------------------------------------------------------------

_letters = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzÀÉÖÆŁ"), min_size=1, max_size=8)
_names = st.lists(st.builds(lambda a, b: f"{a.capitalize()} {b.capitalize()}", _letters,
                            _letters), max_size=3)


@st.composite
def _valid_chi(draw: st.DrawFn) -> str:
    born = draw(st.dates(date(1920, 1, 1), date(2019, 12, 31)))
    while True:
        serial = draw(st.integers(0, 999))
        nine = born.strftime("%d%m%y") + f"{serial:03d}"
        check = _chi_check(nine)
        if check is not None:
            return nine + str(check)


_phone = st.builds(lambda n, sep, plus: ("+44 7" if plus else "07") + f"700{sep}900{n:03d}",
                   st.integers(0, 999), st.sampled_from(["", " ", "-"]), st.booleans())
_email = st.builds(lambda a, b: f"{a}@{b}.org", _letters, _letters)


@st.composite
def _risky_text(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Text mixing ordinary words, digits and punctuation with names, emails, phones, CHIs."""
    names = draw(_names)
    pieces = draw(st.lists(st.one_of(
        st.text(max_size=12),
        st.sampled_from([" ", ", ", "-", "'", "(", ")", "+", "@", ".", "0", "7", " 44 "]),
        st.sampled_from(names) if names else st.just("plain"),
        _phone, _email, _valid_chi(), st.integers(0, 10**11).map(str)), max_size=12))
    known = names + draw(st.lists(st.one_of(_phone, _email), max_size=2))
    return "".join(pieces), known


@settings(max_examples=150, deadline=None)
@given(_risky_text())
def test_masking_leaves_nothing_to_find(case: tuple[str, list[str]]) -> None:
    text, known = case
    masked = mask_identifying(text, known)
    assert find_identifying(masked, known) == []


@settings(max_examples=150, deadline=None)
@given(_risky_text())
def test_masking_twice_changes_nothing(case: tuple[str, list[str]]) -> None:
    text, known = case
    once = mask_identifying(text, known)
    assert mask_identifying(once, known) == once


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Nd", "Cs"), blacklist_characters="@")))
def test_text_without_digits_or_at_signs_has_no_pattern_findings(text: str) -> None:
    assert [f for f in find_identifying(text) if f.kind in PATTERN_KINDS] == []


@settings(max_examples=100, deadline=None)
@given(_valid_chi(), st.sampled_from(["{}", "{0}{1}{2} {3}{4}{5} {6}", "{0}{1}{2}{3}{4}{5} {6}"]))
def test_every_valid_chi_is_found_however_spaced(chi: str, layout: str) -> None:
    parts = [chi[0], chi[1], chi[2], chi[3], chi[4], chi[5], chi[6:]]
    shown = chi if layout == "{}" else layout.format(*parts)
    findings = find_identifying(f"Patient CHI: {shown}.")
    assert [f.kind for f in findings] == ["chi"]


@settings(max_examples=100, deadline=None)
@given(_valid_chi(), st.integers(1, 9))
def test_a_wrong_check_digit_is_not_a_chi(chi: str, shift: int) -> None:
    wrong = chi[:9] + str((int(chi[9]) + shift) % 10)
    assert not is_valid_chi(wrong)


def test_dates_of_every_day_in_a_leap_cycle_are_accepted() -> None:
    day = date(1996, 1, 1)
    while day < date(2000, 1, 1):
        nine = day.strftime("%d%m%y") + "000"
        check = _chi_check(nine)
        if check is not None:
            assert is_valid_chi(nine + str(check)), day
        day += timedelta(days=1)
