"""The passphrase meter: a cautious estimate that never contradicts the store's rule."""

from __future__ import annotations

import pytest

from app.store.encrypted import check_new_passphrase
from app.store.errors import WeakPassphrase
from app.ui.base.passphrase_meter import PassphraseMeter, score_passphrase


@pytest.mark.parametrize("text", ["", "short", "aaaaaaaaaaaa", "abababababab", "eleven char"])
def test_what_breaks_the_rule_scores_zero_and_says_why(text: str) -> None:
    strength = score_passphrase(text)
    assert strength.level == 0 and not strength.acceptable
    assert strength.problem or text == ""


@pytest.mark.parametrize("text", ["abcdefghijkl", "password1234", "qwertyuiop12",
                                  "abcdeabcdeab", "123456789012"])
def test_runs_repeats_and_well_known_passwords_are_weak(text: str) -> None:
    strength = score_passphrase(text)
    assert strength.acceptable and strength.level == 1


@pytest.mark.parametrize("text", ["kettle harbour violet lamp", "correct horse battery staple",
                                  "Harbour lamp violet kettle 42", "xK9#mP2$vL7@qR4!"])
def test_several_unrelated_words_or_random_characters_are_good(text: str) -> None:
    assert score_passphrase(text).level >= 3


def test_more_words_never_score_lower() -> None:
    words = ["kettle", "harbour", "violet", "lamp", "meadow"]
    levels = [score_passphrase(" ".join(words[:n])).level for n in range(3, 6)]
    assert levels == sorted(levels)


@pytest.mark.parametrize("text", ["", "x", "short one", "a long test passphrase",
                                  "aaaaaaaaaaab", "abcdabcdabcd", "  spaces   only  "])
def test_acceptable_exactly_when_the_store_accepts(text: str) -> None:
    try:
        check_new_passphrase(text)
        accepted = True
    except WeakPassphrase:
        accepted = False
    assert score_passphrase(text).acceptable is accepted


def test_the_widget_shows_the_rule_then_the_strength(qtbot) -> None:
    meter = PassphraseMeter()
    qtbot.addWidget(meter)
    assert "At least 12 characters" in meter.label.text() and meter.bar.value() == 0
    meter.update_for("short")
    assert meter.label.text() == "Not strong enough to use yet"
    meter.update_for("kettle harbour violet lamp")
    assert meter.bar.value() >= 3 and meter.label.text() in ("Good", "Strong")
    assert meter.bar.accessibleDescription() == meter.label.text()
    meter.clear()
    assert meter.bar.value() == 0
