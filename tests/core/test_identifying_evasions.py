"""The attacker's tests: every way of writing a held identity that the old scanner missed.

Each text is scanned as part of C's own concern (own=C) unless it says otherwise, and
each finding must cover exactly the disguised characters, so masking leaves no piece.
"""

from __future__ import annotations

import pytest

from app.core.identifying import HeldIdentity, Scanner, name_token_digests

C = HeldIdentity(
    "P-c", "Jordan Testperson", other_names=("Jo Testperson",), emails=("j.t@example.org",),
    phones=("07700 900123",), employer="Bluebird Staffing", job_title="band 7 pharmacist",
    support_person="Ailsa Brackenridge (Unison)")
SIOBHAN = HeldIdentity("P-s", "Siobhan Menzies", emails=("siobhan.menzies@example.org",),
                       phones=("+353 1 234 5678",))
ZOE = HeldIdentity("P-z", "Zoë Erskine")
WU = HeldIdentity("P-w", "Li Wu")
NG = HeldIdentity("P-n", "Anna Ng")
AOIFE = HeldIdentity("P-a", "Aoife Ó Briain")
TEST = HeldIdentity("P-t", "Test Quillfeather")
HELD = [C, SIOBHAN, ZOE, WU, NG, AOIFE, TEST]
INWO = "0800 008 6112"
SCANNER = Scanner.build(HELD, never_publish=("Night Owls",), allow=(INWO, "NHS Demo Board"))


def found(text: str, own: str | None = "P-c") -> list[tuple[str, str]]:
    return [(f.kind, text[f.start:f.end]) for f in SCANNER.scan(text, own=own)]


# ----- Unicode disguises -------------------------------------------------------------------


@pytest.mark.parametrize("written", ["Zoe Erskine", "ZOË ERSKINE", "Zoe\u0308 Erskine",
                                     "Zo\u00eb\u00a0Erskine"])
def test_accents_and_combining_marks(written: str) -> None:
    assert found(f"Spoke to {written} today.", own=None) == [("other_name", written)]


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\u2007", "\t", "\u3000"])
def test_a_known_phone_with_any_space(space: str) -> None:
    number = f"07700{space}900{space}123"
    assert found(f"Ring {number} after six.") == [("own_phone", number)]
    assert found(f"Ring {number} after six.", own=None) == [("held_phone", number)]


@pytest.mark.parametrize("written", ["Test\u00adperson", "Test\u200dperson", "Test\u200bperson",
                                     "Te\u2060st\u00adper\u200cson"])
def test_format_characters_inside_a_name(written: str) -> None:
    text = f"Jordan {written} rang."
    assert found(text) == [("own_name", f"Jordan {written}")]
    assert SCANNER.mask(text, own="P-c") == "C rang."


@pytest.mark.parametrize("written", [
    "\u0405iobhan Menzies",  # Cyrillic capital Dze for S
    "Siobh\u0430n Menzies",  # Cyrillic a
    "Si\u043ebhan M\u0435nzi\u0435s",  # Cyrillic o and e
    "\uff33iobhan Menzies",  # full-width S
    "\U0001d412iobhan Menzies",  # mathematical bold S
])
def test_look_alike_letters(written: str) -> None:
    text = f"Met {written} at handover."
    assert found(text, own=None) == [("other_name", written)]
    assert SCANNER.mask(text) == "Met [name] at handover."


def test_a_cyrillic_capital_te() -> None:
    # "Теst" with Cyrillic Te and ie: the capital looks like T even though its small form
    # does not look like t.
    assert found("\u0422\u0435st Quillfeather called.", own=None) == [
        ("other_name", "\u0422\u0435st Quillfeather")]


def test_the_old_bug_an_accented_middle_part_is_masked_whole() -> None:
    text = "Aoife Ó Briain and Ó Briain's manager"
    assert SCANNER.mask(text) == "[name] and [name]'s manager"
    assert SCANNER.mask(text, own="P-a") == "C and C's manager"


# ----- names in part -----------------------------------------------------------------------


def test_c_in_part_and_with_initials() -> None:
    text = "Jordan said TESTPERSON met J. Testperson and JT, and Jo said so."
    assert found(text) == [("own_name", "Jordan"), ("own_name", "TESTPERSON"),
                           ("own_name", "J. Testperson"), ("own_name", "Jo")]
    assert found("Jo Testperson's rota") == [("own_name", "Jo Testperson")]


def test_short_surnames_after_a_title_or_before_said() -> None:
    assert found("Mr Wu was on the rota; Wu went home early.", own="P-w") == [
        ("own_name", "Mr Wu"), ("own_name", "Wu")]
    assert found("Ng said the checks were skipped.", own="P-n") == [("own_name", "Ng")]
    assert found("Dr. Ng and Sister Ng", own="P-n") == [("own_name", "Dr. Ng"),
                                                       ("own_name", "Sister Ng")]
    # Without the title or the verb, two letters are not enough.
    assert found("the wu tang; ng tubes; 2 ng/ml", own="P-n") == []


def test_another_held_short_surname_after_a_strong_title() -> None:
    assert found("Mr Wu was on the rota.", own=None) == [("other_name", "Mr Wu")]
    assert found("Sister Ng was on the rota.", own=None) == []  # "Sister" is also a word


def test_support_person_is_a_name_of_cs_circle() -> None:
    assert found("Ailsa Brackenridge came with C.") == [("other_name", "Ailsa Brackenridge")]


# ----- numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["+353 1 234 9999", "+1 415 555 2671", "+49 30 901820",
                                   "0800 123 4567", "0808 196 2345", "0131 496 0000",
                                   "(0141) 496 0001", "07700 900999", "+44 7700 900 999",
                                   "0044 7700 900999"])
def test_phone_numbers_uk_and_international(number: str) -> None:
    assert found(f"Call {number} tomorrow.", own=None) == [("phone", number)]


def test_a_held_international_number_in_another_form() -> None:
    assert found("Rang 00353\u00a012345678.", own=None) == [("held_phone", "00353\u00a012345678")]


def test_the_allow_list_is_never_flagged() -> None:
    assert found(f"Signposted to the INWO on {INWO} and to NHS Demo Board.") == []
    assert found("Signposted to the INWO on 0800\u00a0008\u00a06112.") == []


@pytest.mark.parametrize("written", ["120385 1235", "120385\u00a01235", "120\u2009385\u20091235",
                                     "120385\u2009 1235",
                                     "1203851235", "12 03 85 1235", "120-385-1235"])
def test_chi_numbers_with_any_spacing(written: str) -> None:
    assert found(f"Patient {written} was moved.", own=None) == [("chi", written)]


def test_a_chi_like_number_with_a_wrong_check_digit() -> None:
    assert found("Patient 120385 1230 was moved.", own=None) == [("chi_like", "120385 1230")]
    assert found("Order 9999999999 and 3203851230.", own=None) == []  # no real date first


# ----- emails -----------------------------------------------------------------------------


@pytest.mark.parametrize("written", [
    "jo dot bloggs at example dot org", "jo(at)example(dot)org", "jo [at] nhs [dot] scot",
    "jo.bloggs {at} example {dot} org", "jo @ example.org", "Jo.Bloggs@Example.ORG",
])
def test_emails_also_spelled_out(written: str) -> None:
    assert found(f"Write to {written} please.", own=None) == [("email", written)]


def test_a_held_email_spelled_out_and_in_capitals() -> None:
    assert found("Write to j dot t at example dot org.") == [
        ("own_email", "j dot t at example dot org")]
    assert found("Write to SIOBHAN.MENZIES@EXAMPLE.ORG", own=None) == [
        ("held_email", "SIOBHAN.MENZIES@EXAMPLE.ORG")]


def test_at_alone_is_ordinary_english() -> None:
    assert found("We looked at page.html and met at the office dot matrix printer.",
                 own=None) == []


# ----- dates of birth, job title, employer, never-publish ----------------------------------


@pytest.mark.parametrize(("text", "date"), [
    ("DOB 03/04/1981.", "03/04/1981"), ("D.O.B.: 3.4.81", "3.4.81"),
    ("born 3 April 1981", "3 April 1981"), ("date of birth is the 3rd of April 1981",
                                             "3rd of April 1981"),
    ("Born on April 3, 1981.", "April 3, 1981"), ("birthday 3 Apr 81", "3 Apr 81"),
    ("03-04-1981 (DOB)", "03-04-1981"),
])
def test_dates_of_birth(text: str, date: str) -> None:
    assert found(text, own=None) == [("dob", date)]


def test_a_date_alone_is_not_a_date_of_birth() -> None:
    assert found("Met on 03/04/2025 and again on 3 April 2025.", own=None) == []


def test_cs_job_title_and_employer_as_phrases() -> None:
    text = "C is the only band 7 pharmacist on ward 3, employed by Bluebird Staffing."
    assert found(text) == [("own_job_title", "band 7 pharmacist"),
                           ("own_employer", "Bluebird Staffing")]
    assert found(text, own=None) == []  # another person's job is no one's business here


def test_never_publish_words() -> None:
    assert found("The Night\u00a0Owls team raised it.", own=None) == [
        ("never_publish", "Night\u00a0Owls")]


# ----- names kept only as keyed digests ------------------------------------------------------


def test_names_known_only_by_their_digests() -> None:
    key = b"k" * 32
    digests = name_token_digests("Saoirse Threipland", key)
    scanner = Scanner.build([], name_digests=digests, digest_key=key)
    text = "SAOIRSE said that Thr\u0435ipland and Saoirse Threipland both knew."
    assert [(f.kind, text[f.start:f.end]) for f in scanner.scan(text)] == [
        ("unnamed_name", "SAOIRSE"), ("unnamed_name", "Thr\u0435ipland"),
        ("unnamed_name", "Saoirse Threipland")]
    assert scanner.mask(text) == "[name] said that [name] and [name] both knew."
    assert all(len(d) == 32 for d in digests) and b"saoirse" not in b"".join(digests)
    # Another key gives other digests: without the casebook's key they match nothing.
    assert scanner.scan("Saoirse", own=None) and not Scanner.build(
        [], name_digests=digests, digest_key=b"x" * 32).scan("Saoirse")


def test_digests_owned_by_an_unnamed_concern_are_its_cs_name() -> None:
    key = b"k" * 32
    scanner = Scanner.build([], digest_key=key, owned_digests={
        "unnamed:1": name_token_digests("Saoirse Threipland", key),
        "unnamed:2": name_token_digests("Torcuil Ogilvie", key)})
    text = "Saoirse met Tоrcuil Ogilvie."
    assert [f.kind for f in scanner.scan(text, own="unnamed:1")] == ["own_name", "unnamed_name"]
    assert scanner.mask(text, own="unnamed:1") == "C met [name]."
    assert scanner.mask(text, own="unnamed:2") == "[name] met C."
    assert scanner.mask(text) == "[name] met [name]."
    with pytest.raises(ValueError):
        Scanner.build([], owned_digests={"unnamed:1": name_token_digests("Saoirse", key)})


# ----- positions and masking ---------------------------------------------------------------


def test_masking_replaces_exactly_the_disguised_span() -> None:
    text = ("J.\u00a0Test\u00adperson (j.t@example.org, 07700\u2009900\u2009123) named "
            "\u0405iobhan Menzies; CHI 120385\u00a01235; DOB 03/04/1981; Mr Wu said hi.")
    assert SCANNER.mask(text, own="P-c") == (
        "C ([email], [phone]) named [name]; CHI [CHI]; DOB [date of birth]; [name] said hi.")
    for f in SCANNER.scan(text, own="P-c"):
        assert text[f.start:f.end] not in f.reason


def test_held_numbers_written_one_after_another() -> None:
    # libphonenumber's matcher takes a run of digits and spaces as one candidate and gives
    # up; the held numbers are still found in it, group by group.
    text = "Numbers: 07700 900123 +353 1 234 5678 0131 496 0000."
    assert found(text) == [("own_phone", "07700 900123"), ("held_phone", "+353 1 234 5678"),
                           ("phone", "0131 496 0000")]


def test_long_hostile_texts_take_linear_time() -> None:
    import time

    for hostile in ("jo dot " * 5000, "a." * 15000 + " dot ", "0131 496 0000 " * 2200,
                    "Mr Wu said " * 3000, "Jordan Testperson " * 1700, "[name] " * 5000,
                    "x@" * 15000):
        started = time.perf_counter()
        SCANNER.mask(hostile[:30_000], own="P-c")
        assert time.perf_counter() - started < 5, hostile[:20]
