"""An old keypad phone's slips (safety.keypad): read as the word meant only where the words around
show it, never changing the message's length."""

import pytest

from safety.keypad import load_keypad, read_keypad


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("back rain since friday", "back pain since friday"),
        ("my left dont is numb", "my left foot is numb"),
        ("me and the wide tried", "me and the wife tried"),
        ("my leg have way on the stairs", "my leg gave way on the stairs"),
        ("tingling in anti legs", "tingling in both legs"),
        ("sins and needles down there", "pins and needles down there"),
        ("wet the bee twice", "wet the bed twice"),
    ],
)
def test_a_slip_is_read_as_the_word_meant(typed, meant):
    assert read_keypad(typed) == meant


@pytest.mark.parametrize(
    "text",
    [
        "walked home in the rain",
        "i dont know why my knee hurts",
        "a wide range of exercises",
        "we have way too many stairs",
        "anti inflammatory cream",
        "a bee stung my leg",
    ],
)
def test_the_same_words_elsewhere_stay_as_written(text):
    assert read_keypad(text) == text


def test_every_entry_keeps_the_length_and_names_the_slip(tmp_path):
    for pattern, word in load_keypad():
        assert "w" in pattern.groupindex and word.isalpha()
    table = tmp_path / "keypad.yml"
    table.write_text('- pattern: "\\\\bback rain\\\\b"\n  read: pain\n', encoding="utf-8")
    with pytest.raises(ValueError):
        load_keypad(table)


def test_the_detector_escalates_what_a_slip_hides(monkeypatch):
    import safety.red_flags
    from safety.red_flags import get_detector

    message = "since my back went i wet the bee twice this week"
    assert get_detector().assess(message).flags == ("bladder_bowel",)
    monkeypatch.setattr(safety.red_flags, "read_keypad", lambda text: text)  # the slip as typed
    assert not get_detector().assess(message).escalate
