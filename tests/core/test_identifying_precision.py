"""Precision: a scanner that cries wolf teaches people to click "keep".

Held people named with everyday words, and ordinary clinical notes, must raise nothing.
"""

from __future__ import annotations

import pytest

from app.core.identifying import HeldIdentity, Scanner

EVERYDAY = [
    HeldIdentity("P-may", "May Ward", job_title="Staff nurse", employer="NHS Demo Board"),
    HeldIdentity("P-will", "Will Sister", job_title="Charge nurse"),
    HeldIdentity("P-grace", "Grace Hall", support_person="A colleague"),
    HeldIdentity("P-mark", "Mark Green", support_person="Trade union representative"),
    HeldIdentity("P-hope", "Hope Young", job_title="Porter"),
    HeldIdentity("P-patel", "Priya Patel"),
    HeldIdentity("P-wu", "Li Wu"),
]
SCANNER = Scanner.build(EVERYDAY, allow=("0800 008 6112", "whistleblowing@demo.scot",
                                         "0131 496 0999"))

ORDINARY = [
    "Ward 3 was short of two staff nurses on the night shift in May.",
    "Will the ward manager reply by Friday? C will check with the Sister on the ward.",
    "The Sister on ward 7 said the hall was used for storage; mark the date in the diary.",
    "Grace period for the training ends in May. Green bins in the sluice, young patients.",
    "C hopes the charge nurse will sort the rota; a colleague from the trade union came.",
    "Staff nurse cover was poor; the senior charge nurse and a porter helped out.",
    "BP 120/80, pulse 88, NEWS 5 at 02:00; 0.5 mg given at 14:30, 2 ng/ml level; bed 12.",
    "Datix 123456 raised on 12/05/2025; reference WB-2025-0042; ext 4567; room 0131.",
    "Seen 12 05 2025 and 3 April 2025; aged 43; 20 minutes late; 1,250 patients a year.",
    "Two agency nurses, 3 HCSWs and 1 porter for 28 beds; 7 falls in 6 weeks.",
    "C was told at the meeting that the Datix had been closed. C said it was unfair.",
    "Signposted to the INWO on 0800 008 6112 and to whistleblowing@demo.scot.",
    "Our office is on 0131 496 0999 for any question about the Standards.",
    "NHS Demo Board has a Speak Up week in May; the wu-style doors jam.",
    "Datix references 1314960000 and 2079460000; invoice 7700900123; cost 1,250,000.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_notes_raise_nothing(text: str) -> None:
    assert SCANNER.scan(text) == []
    assert SCANNER.scan(text, own="P-patel") == []


def test_everyday_names_are_found_when_written_as_names() -> None:
    text = "May Ward and Mr Young came; Will Sister rang."
    kinds = [(f.kind, text[f.start:f.end]) for f in SCANNER.scan(text)]
    assert kinds == [("other_name", "May Ward"), ("other_name", "Mr Young"),
                     ("other_name", "Will Sister")]


def test_cs_everyday_name_counts_only_with_a_capital() -> None:
    text = "May said the ward was short in may; Ward agreed."
    kinds = [(f.kind, text[f.start:f.end]) for f in SCANNER.scan(text, own="P-may")]
    assert kinds == [("own_name", "May"), ("own_name", "Ward")]


def test_cs_everyday_name_before_a_number_is_not_a_name() -> None:
    assert SCANNER.scan("Ward 3 had no cover from 1 May 2025.", own="P-may") == []


def test_common_surname_alone_is_not_another_persons_name() -> None:
    assert SCANNER.scan("Patel and Wu were both on the rota; Hall too.") == []


def test_cs_common_job_title_only_when_marked_as_unique() -> None:
    assert SCANNER.scan("The staff nurse was on a break.", own="P-may") == []
    text = "C is the only staff nurse on nights."
    kinds = [(f.kind, text[f.start:f.end]) for f in SCANNER.scan(text, own="P-may")]
    assert kinds == [("own_job_title", "staff nurse")]


def test_support_person_descriptions_are_not_names() -> None:
    assert SCANNER.scan("A colleague and a trade union representative came.",
                        own="P-grace") == []


def test_the_inwo_freephone_is_always_allowed() -> None:
    text = "C was given the INWO's freephone, 0800 008 6112, and www.inwo.org.uk."
    assert Scanner.build([]).scan(text) == [] and Scanner.patterns_only().scan(text) == []
    assert [f.kind for f in Scanner.patterns_only().scan("Ring 0800 123 4567.")] == ["phone"]
