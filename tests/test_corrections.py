"""A writer's starred correction put in place of the slip it fixes (article/corrections.py)."""

import pytest

from article.corrections import apply_corrections, correct
from safety.red_flags import get_detector


@pytest.mark.parametrize(
    "text, read",
    [
        # on its own line, after the message
        ("my left food is numb\n*foot", "my left foot is numb\n"),
        # at the end of the message, the star before or after the word
        ("I have a fewer since monday *fever", "I have a fever since monday"),
        ("I have a fewer since monday\nfever*", "I have a fever since monday\n"),
        # several on one line, each in its place
        ("pins and needless in my foot and knew\n*needles *knee", "pins and needles in my foot and knee\n"),
        # two words for two words
        ("Know fever, no sweats. sorry, *no fever", "no fever, no sweats. sorry,"),
        # of two words as alike, the nearer one
        ("I cant feel my feat *feet", "I cant feel my feet"),
    ],
)
def test_a_starred_word_replaces_the_slip_it_fixes(text, read):
    assert apply_corrections(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "my back hurts *sigh*",  # emphasis or an action, like nothing before it
        "the pain is *really* bad",  # emphasis inside the sentence
        "my knee hurts\n*knee",  # the word is already there
        "no star at all",
        "",
        "*",
        "x" * 20000 + " *xx",
        "I can't feel my bum *numb*",  # starred on both sides: emphasis
        "I have a fever\n* never",  # a star and a space: a bullet
        "*leg weakness\n*leg numbness",  # a list of starred lines
    ],
)
def test_a_star_that_corrects_nothing_leaves_the_text(text):
    assert apply_corrections(text) == text


def test_the_detector_reads_the_corrected_message():
    detector = get_detector()
    assert detector.assess("my right food feels numb since saturday\n*foot").level == "urgent"
    assert not detector.assess("no fewer, no sweats, just a stiff back\n*fever").escalate


def test_each_corrected_character_maps_to_the_text_as_written():
    text = "my bak and left food is numb\n*foot"
    corrected, back = correct(text)
    assert corrected == "my bak and left foot is numb\n"
    assert text[back[corrected.index("foot")]] == "f" and back[corrected.index("is numb")] == text.index("is numb")


def test_the_detector_shows_the_mention_in_the_writers_own_words():
    text = "my right food feels numb since saturday\n*foot"
    (mention,) = get_detector().assess(text).mentions
    assert text[mention.start : mention.end] == mention.text == "food feels numb"
