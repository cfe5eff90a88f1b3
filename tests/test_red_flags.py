"""Tests for the deterministic red-flag detector (safety/red_flags.py).

Run: .venv/bin/python -m pytest tests/test_red_flags.py -q -s   (-s shows the metrics)
"""

import dataclasses
import threading
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List

import pytest
import yaml

from safety.red_flags import (
    CATEGORY_LEVELS,
    LEVELS,
    Assessment,
    Mention,
    RedFlagDetector,
    get_detector,
)

DATA = Path(__file__).resolve().parent / "red_flags"
RANK = {level: i for i, level in enumerate(LEVELS)}
MAX_FALSE_ESCALATION = 0.05


@pytest.fixture(scope="module")
def detector() -> RedFlagDetector:
    return get_detector()


def _load(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _at_least(level, expected: str) -> bool:
    """Escalated at the expected level or a more severe one."""
    return level is not None and RANK[level] <= RANK[expected]


def _evaluate(detector: RedFlagDetector, affirming: List[dict], non_escalating: List[dict], title: str) -> Dict:
    escalated = level_ok = flags_ok = 0
    flag_total: Counter = Counter()
    flag_found: Counter = Counter()
    failures = []
    for item in affirming:
        result = detector.assess(item["text"])
        expected_flags = set(item["flags"])
        escalated += result.escalate
        level_ok += _at_least(result.level, item["level"])
        flags_ok += expected_flags <= set(result.flags)
        for flag in expected_flags:
            flag_total[flag] += 1
            flag_found[flag] += flag in result.flags
        if not _at_least(result.level, item["level"]):
            failures.append(
                f"  expected {item['level']} {sorted(expected_flags)}, got {result.level} "
                f"{list(result.flags)} ignored={[(m.text, r) for m, r in result.ignored]}: {item['text']!r}"
            )
    per_why_total: Counter = Counter()
    per_why_false: Counter = Counter()
    false_escalations = []
    for item in non_escalating:
        result = detector.assess(item["text"])
        per_why_total[item["why"]] += 1
        if result.escalate:
            per_why_false[item["why"]] += 1
            false_escalations.append(
                f"  [{item['why']}] escalated to {result.level} "
                f"{[(m.category, m.text) for m in result.mentions]}: {item['text']!r}"
            )
    n_aff, n_neg = len(affirming), len(non_escalating)
    false_rate = len(false_escalations) / n_neg if n_neg else 0.0
    print(f"\n=== red flags: {title} ===")
    print(f"recall (affirming escalated):        {escalated}/{n_aff} = {escalated / n_aff:.1%}")
    print(f"level accuracy (expected or higher): {level_ok}/{n_aff} = {level_ok / n_aff:.1%}")
    print(f"flag recall (expected flags present): {flags_ok}/{n_aff} = {flags_ok / n_aff:.1%}")
    print(
        "  per flag: "
        + ", ".join(f"{flag} {flag_found[flag]}/{flag_total[flag]}" for flag in CATEGORY_LEVELS if flag_total[flag])
    )
    print(f"false escalations (non_escalating):   {len(false_escalations)}/{n_neg} = {false_rate:.1%}")
    print(
        "  per why: " + ", ".join(f"{why} {per_why_false[why]}/{total}" for why, total in sorted(per_why_total.items()))
    )
    if failures:
        print("missed / too low:\n" + "\n".join(failures))
    if false_escalations:
        print("false escalations:\n" + "\n".join(false_escalations))
    return {"failures": failures, "false_escalations": false_escalations, "false_rate": false_rate}


def _assert_report(report: Dict) -> None:
    problems = []
    if report["failures"]:
        problems.append(
            "affirming messages not escalated at their level (recall must be 100%):\n" + "\n".join(report["failures"])
        )
    if report["false_rate"] > MAX_FALSE_ESCALATION:
        problems.append(
            f"false-escalation rate {report['false_rate']:.1%} > {MAX_FALSE_ESCALATION:.0%}:\n"
            + "\n".join(report["false_escalations"])
        )
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- evaluation sets


def test_evaluation_sets(detector):
    report = _evaluate(detector, _load("affirming.yml"), _load("non_escalating.yml"), "evaluation sets")
    _assert_report(report)


def test_development_examples(detector):
    dev = _load("dev_examples.yml")
    assert len(dev["affirming"]) >= 60 and len(dev["non_escalating"]) >= 40
    report = _evaluate(detector, dev["affirming"], dev["non_escalating"], "development examples")
    _assert_report(report)


def test_each_non_escalating_development_example_stays_unescalated(detector):
    """Judged one by one, not on a rate: a new false escalation fails even when the rate stays
    low. The few known ones carry `known:` (why it still escalates); one that no longer
    escalates must lose its mark, so the list stays true."""
    wrong, fixed = [], []
    for item in _load("dev_examples.yml")["non_escalating"]:
        escalated = detector.assess(item["text"]).escalate
        if escalated and "known" not in item:
            wrong.append(item["text"])
        elif not escalated and "known" in item:
            fixed.append(item["text"])
    assert not wrong, "escalated:\n" + "\n".join(wrong)
    assert not fixed, "no longer escalated, remove `known:`:\n" + "\n".join(fixed)


def test_no_two_context_rules_share_a_cue(detector):
    """medspaCy keeps one modifier per span: two rules on the same words (a negation and a
    pseudo-negation of "nobody") would leave the choice to rule order, so each cue has one rule."""
    import json

    seen: Dict[str, str] = {}
    shared = []
    for rule in detector._context.rules:
        cue = json.dumps(rule.pattern, sort_keys=True, default=str) if rule.pattern else rule.literal.lower()
        if cue in seen:
            shared.append(f"{cue}: {seen[cue]} and {rule.category} {rule.direction}")
        seen[cue] = f"{rule.category} {rule.direction}"
    assert not shared, "\n".join(shared)


def test_data_uses_known_levels_and_flags():
    dev = _load("dev_examples.yml")
    for item in _load("affirming.yml") + dev["affirming"]:
        assert item["level"] in LEVELS, item
        assert set(item["flags"]) <= set(CATEGORY_LEVELS), item
    whys = {"negated", "educational", "other_person", "hypothetical", "lookalike", "ordinary"}
    for item in _load("non_escalating.yml") + dev["non_escalating"]:
        assert item["why"] in whys, item


# --------------------------------------------------------------------------- the issue's examples


@pytest.mark.parametrize(
    "text",
    [
        "no bladder problems",
        "what is cauda equina?",
        "when should I see a doctor?",
        "my dad had cauda equina",
        "if i start wetting myself",
        "does weight loss help my knees?",
        "I fell in love with yoga",
    ],
)
def test_issue_examples_do_not_escalate(detector, text):
    result = detector.assess(text)
    assert not result.escalate, result
    assert result.level is None and result.flags == () and result.mentions == ()


def test_hedged_bladder_is_emergency(detector):
    result = detector.assess("I think I might be losing control of my bladder")
    assert result.level == "emergency"
    assert result.flags == ("bladder_bowel",)


def test_red_flag_mixed_into_another_question(detector):
    text = "what exercises help? also I can't control my bladder since Tuesday"
    result = detector.assess(text)
    assert result.level == "emergency"
    assert "bladder_bowel" in result.flags
    mention = next(m for m in result.mentions if m.category == "bladder_bowel")
    assert text[mention.start : mention.end] == mention.text
    assert "bladder" in mention.text


def test_red_flag_in_the_middle_of_a_20000_character_message(detector):
    filler = "I have been reading about exercises for my knee and wondering what helps most. "
    flag = "Also I can't feel my bum when I sit on the toilet. "
    half = (20000 - len(flag)) // 2
    text = (filler * 200)[:half] + flag + (filler * 200)[: 20000 - len(flag) - half]
    assert len(text) == 20000
    result = detector.assess(text)
    assert result.level == "emergency"
    assert "saddle_numbness" in result.flags
    mention = next(m for m in result.mentions if m.category == "saddle_numbness")
    assert half <= mention.start < mention.end <= half + len(flag)
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\t  \n",
        "我的背很痛，膝盖也疼。最近走路很困难。",
        "Ich habe Rückenschmerzen und mein Knie tut weh.",
        "😀👍",
        ".,;!?" * 400,
        "İstanbul",
    ],
)
def test_empty_and_non_english_never_raise(detector, text):
    result = detector.assess(text)
    assert isinstance(result, Assessment)
    assert not result.escalate and result.level is None


def test_non_string_input_never_raises(detector):
    for value in (None, 42, b"bytes"):
        assert detector.assess(value).level is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text, category",
    [
        ("bladdder not working right", "bladder_bowel"),
        ("i've lost control of my bladdder", "bladder_bowel"),
        ("numbnes in my groin", "saddle_numbness"),
        ("tingeling in both legs", "bilateral_leg"),
        ("im incontinant now", "bladder_bowel"),
        ("weekness in my left leg", "leg_numbness_weakness"),
    ],
)
def test_misspellings(detector, text, category):
    result = detector.assess(text)
    assert category in result.flags, result


# --------------------------------------------------------------------------- clinical context


@pytest.mark.parametrize(
    "text, reason",
    [
        ("no numbness in my groin", "negated"),
        ("i don't have any leg weakness", "negated"),
        ("my mum has numbness in both legs", "family"),
        ("my friend lost control of her bladder last year and she is fine", None),
        ("my neighbour fell off his roof", "other_person"),
        ("my patient reports saddle numbness", "other_person"),
        ("she has numbness in both legs", "other_person"),
        ("if my legs go numb what should i do", "hypothetical"),
        ("what does numbness in the legs mean", "hypothetical"),
        # seventh session (own sentences): a word asked about; kin words of other languages
        ("what does cauda equina mean, I read it in the article", None),
        ("my nkuku had numb legs for years before she passed, I only have a stiff back", None),
        ("my dadabe had cancer of the spine, he died long ago; now just my knee hurts", None),
        # someone long ago, far away or already in emergency care
        ("my aunt lost control of her bladder years ago after her back op, since yesterday i wonder why", None),
        ("my grandad used to wet himself, since monday i've been reading about it", None),
        ("my husband is in A&E now being assessed for numb legs, what tests will they do", None),
        # fears and idioms
        ("my worry is that one day i could lose control of my bladder, is that likely?", None),
        ("could lifting heavy boxes eventually make me lose feeling in my legs?", None),
        ("the ceiling in the bathroom keeps leaking onto the floor, can i mop with a sore back?", None),
        ("our team fell off so hard in the league this year, anyway what stretches for the back", None),
        ("what should i do if i ever lose control of my bladder?", None),
        ("what is the difference between sciatica in one leg and in both?", None),
        ("my foot fell asleep on the train, after 2 minutes it was ok, is my knee pain from my back?", None),
        # Geordie "nee" (no), "grand" (fine); an idiom; a wish; a supposition (set R)
        ("nee fever, nee numbness, just me nee aches", None),
        ("both legs are grand, it's only the left knee since the back went", None),
        ("my legs were dead tired after the wedding, is ice good for a knee?", None),
        ("would losing some weight take the load off my knees?", None),
        ("supposing my legs went numb one day, what then?", None),
        ("my cousin in Dhaka has numb legs, she is not here, what should I tell her?", None),
        ("the lad I play football with had numbness in both legs years ago", None),
        ("my grandmother had bladder trouble, rest her soul, is it in families?", None),
        ("fever? no. numb? no. just a stiff back from the garden", None),
        ("the air con keeps leaking on my bed, how do I lift it with a sore back?", None),
        ("I ay got a fever and ay had a fall, just stiff", None),
    ],
)
def test_context_does_not_escalate(detector, text, reason):
    result = detector.assess(text)
    assert not result.escalate, result
    if reason is not None:
        assert reason in {r for _, r in result.ignored}, result.ignored


def test_a_relatives_case_set_in_a_condition_stays_imagined_unless_a_time_makes_it_real(detector):
    """ConText's "in case" modifies the relative's mention: what makes a relative's red flag
    current ("right now") does not make an imagined one real; a time in its sentence does."""
    imagined = detector.assess(
        "in case my dad ever starts having accidents with his bladder, what do we do? he's fine right now"
    )
    assert not imagined.escalate, imagined
    real = detector.assess("in case it matters, my husband has had no pee since yesterday")
    assert real.level == "emergency", real


@pytest.mark.parametrize(
    "text, category",
    [
        ("not sure but maybe numb down there", "saddle_numbness"),
        ("i might have numbness in my left leg", "leg_numbness_weakness"),
        ("my wife says i keep wetting the bed", "bladder_bowel"),
        ("no fever but my left leg is numb", "leg_numbness_weakness"),
        ("no control over my bowels since i hurt my back", "bladder_bowel"),
        ("is it normal that i cant feel myself peeing?", "bladder_bowel"),
        ("if i sit for long my legs go numb", "bilateral_leg"),
        ("i had breast cancer and now my back hurts", "systemic"),
        # someone else's red flag, now (docs/red-flags.md, "Someone else's red flag, now")
        ("my grandma has had no control of her waterworks since this morning, what do we do", "bladder_bowel"),
        ("Dad's legs have both gone numb since Sunday and his back is bad", "bilateral_leg"),
        ("my partner asked me to ask: he can't feel himself pee any more", "bladder_bowel"),
        ("our son is staying with us and his bottom is numb", "saddle_numbness"),
        ("writing on behalf of my brother: he can't feel his bottom on the chair since yesterday", "saddle_numbness"),
        # vocabulary of the 2026-11-29 tuning rounds (sets O and P)
        ("since my back went, a little pee comes out whenever i sneeze, never did before", "bladder_bowel"),
        ("it's coming out drop by drop all day and my back is killing me", "bladder_bowel"),
        ("i go to the loo by the clock now because i don't feel the urge", "bladder_bowel"),
        ("my right knee keeps going from under me and it's worse every day", "progressive_weakness"),
        ("one leg went numb overnight, the other one's fine", "leg_numbness_weakness"),
        ("been on prednisolone a long time and now my back is agony at night", "systemic"),
        ("i'm at 12 weeks now and nothing changed with my back", "persistent"),
        # Scots spellings read as English, clinicians' words, Somali and Vietnamese words (set Q)
        ("ah didnae feel it comin oot, wet masel at the shops, back's gubbed", "bladder_bowel"),
        ("my bahookie's gone numb since the back went", "saddle_numbness"),
        ("reduced sensation perianally since yesterday, and a bad back", "saddle_numbness"),
        ("kaadi keeps leaking since my back started hurting", "bladder_bowel"),
        ("i have to set an alarm to pee now because i never feel the urge", "bladder_bowel"),
        # dialect words and grammar (set R): Geordie, Hawaii Pidgin, Haitian Creole, borrowed things
        ("a cannit feel owt when a wipe wi the loo roll since Sunday", "saddle_numbness"),
        ("no can pee since morning an my back stay bad", "bladder_bowel"),
        ("m pa ka kenbe pipi since my back went", "bladder_bowel"),
        ("been using me mam's pads cos it keeps dribbling out since the back went", "bladder_bowel"),
        ("didi the part where you sit feels sunno since yesterday", "saddle_numbness"),
        ("straining and straining, bladder full full feeling, back bad", "bladder_bowel"),
        ("been pacing the floor all night, pain shooting down my leg", "severe_radiating_pain"),
        ("since deer season my back's been bad and still ain't no better", "persistent"),
        # Birmingham "ay" / "cor", r-dropped spellings, signed-language order, falls at home (set S)
        ("me mom ay passed water all day an she's sat here with me", "bladder_bowel"),
        ("I cor feel meself goin to the toilet since Friday", "bladder_bowel"),
        ("runnin a high fevah since Sunday and my back is killin me", "systemic"),
        ("bladder feeling gone. 3 days. back pain", "bladder_bowel"),
        ("my legs weak yesterday a little, today more, cannot climb the bus step", "progressive_weakness"),
        ("a van hit my car on the motorway and now my lower back hurts", "injury"),
        ("lost 6 kilo since march without diet, I eat normal", "systemic"),
        # mechanisms of the 2026-11-30 fifth session (tuned on AI-AK; own sentences)
        ("Grandad says his legs both feel like jelly and his back is bad", "bilateral_leg"),
        ("we did everything in the article, eight weeks now and it is same", "persistent"),
        ("on Monday she could lift her toes a bit, now she can't at all, the foot just hangs", "progressive_weakness"),
        ("since the back went he won't stand to attention with the wife", "sexual_dysfunction"),
        ("a taxi rammed our car at the lights and my back has hurt since", "injury"),
        ("sat on the loo twenty minutes and nothing would come out, back in bits", "bladder_bowel"),
        ("my son wets his trousers every time he stands up since his back went", "bladder_bowel"),
        ("is it normal for the bladder to feel nothing when it fills? mine hasn't for two days", "bladder_bowel"),
        ("my seat is numb. not the thighs, just the bit I sit on. back sore", "saddle_numbness"),
        ("she had bowel cancer ten years ago and now has new back pain at night", "systemic"),
        ("my aunty she slip in the shower last night, now her back is bad. she 81", "injury"),
        ("three lads piled on him at rugby today and now his back is killing him", "injury"),
        ("went arse over tit off the step on friday, back not right since", "injury"),
        ("the leg buckled twice yesterday, now ten times today, back aching", "progressive_weakness"),
        (
            "this morning I could stand on my toes, now not at all, the foot just flops. back bad",
            "progressive_weakness",
        ),
        ("my wife she been going on herself at night since the back went", "bladder_bowel"),
        ("full or not full, I cannot tell with my bladder any more, back sore", "bladder_bowel"),
        ("I feel it not when I am peeing since the back started", "bladder_bowel"),
        ("since last night zero wee even though I need to go, back is agony", "bladder_bowel"),
        ("both lower members feel like jelly and my back aches", "bilateral_leg"),
        ("I no feel nothing down below when we are intimate, since my back", "saddle_numbness"),
        # mechanisms of the 2026-11-30 seventh session (tuned on AM; own sentences)
        ("ga ke kgone go rota since last night and mokwatla o botlhoko", "bladder_bowel"),
        ("bohatsu fa gare ga maoto from yesterday, ke tshwenyegile", "saddle_numbness"),
        ("me nan mmienu mente hwee since morning, chale my back", "bilateral_leg"),
        ("my right knee folds under me, at breakfast it was once, now every few steps", "progressive_weakness"),
        ("the leg gives way more every hour since I woke, back on fire", "progressive_weakness"),
        ("tingling down the left leg and the right leg with this back ache", "bilateral_leg"),
        ("only a dribble comes out and then I still need to go, lower back killing me", "bladder_bowel"),
        ("I cannot tell anymore when I need to pee, started with the back pain", "bladder_bowel"),
        ("I peed a bit in my undies each time I coughed today and did not notice", "bladder_bowel"),
        ("his tail end has gone numb since he hurt his back on Friday", "saddle_numbness"),
        ("my shin is like it's wrapped in cling film, numb, same side as the sciatica", "leg_numbness_weakness"),
        ("I'm on TB tablets and the back has got really bad this week", "systemic"),
        ("lower back sore from the beginning of the year and nothing has helped", "persistent"),
        ("my grandson fell at rugby practice and a lad landed on his back, he is 15 and in pain", "injury"),
        ("childbirth was easier than this pain going down my leg, I can't sleep", "severe_radiating_pain"),
        ("my man function has stopped working since my back went, is that linked", "sexual_dysfunction"),
        ("my knee isn't the problem tho, it's that I wet the bed twice and never felt it", "bladder_bowel"),
        ("Grandpa is 88 and he cannot lift his left foot now, it is weaker every day", "progressive_weakness"),
        ("standing on my heels the left foot just falls down, back sore", "leg_numbness_weakness"),
    ],
)
def test_hedged_and_trap_wording_escalates(detector, text, category):
    result = detector.assess(text)
    assert category in result.flags, result


def test_lookalikes(detector):
    for text in (
        "im trying to lose weight to help my knees",
        "i keep falling asleep at my desk",
        "hay fever is awful this year",
        "the tap keeps leaking",
        "I had a bowl of porridge",
        "i went to ED yesterday for my back",
        "i have pain in both knees",
        # seventh session (own sentences)
        "my grandson made me laugh so much I nearly peed myself, anyway the back is stiff",
        "the battery on my phone is flat so replies are slow; is heat good for a knee?",
        "our team lost the final, my heart is numb. my back aches from the stands",
        "we sat in the snow and my feet went numb but they warmed up by the fire, back is ok",
        "no aircon at work so I sweat all day, is that bad for a back ache?",
    ):
        assert not detector.assess(text).escalate, text


# --------------------------------------------------------------------------- interface


def test_public_constants():
    assert LEVELS == ("emergency", "urgent", "routine")
    assert list(CATEGORY_LEVELS) == [
        "bladder_bowel",
        "saddle_numbness",
        "sexual_dysfunction",
        "bilateral_leg",
        "progressive_weakness",
        "leg_numbness_weakness",
        "severe_radiating_pain",
        "injury",
        "systemic",
        "persistent",
    ]
    assert set(CATEGORY_LEVELS.values()) == set(LEVELS)
    levels = [LEVELS.index(level) for level in CATEGORY_LEVELS.values()]
    assert levels == sorted(levels)


def test_assessment_shape(detector):
    text = "I fell down the stairs, I have a fever and now I can't control my bladder"
    result = detector.assess(text)
    assert result.escalate is True
    assert result.level == "emergency"
    assert result.flags == ("bladder_bowel", "injury", "systemic")  # most severe first
    assert len(set(result.flags)) == len(result.flags)
    for mention in result.mentions:
        assert isinstance(mention, Mention)
        assert mention.level == CATEGORY_LEVELS[mention.category]
        assert text[mention.start : mention.end] == mention.text
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.level = None  # type: ignore[misc]
    negated = detector.assess("No fever")
    assert negated.level is None and negated.flags == () and not negated.escalate
    assert [(m.category, r) for m, r in negated.ignored] == [("systemic", "negated")]


def test_most_severe_level_wins(detector):
    assert detector.assess("back pain for three months and I have a fever").level == "urgent"
    assert detector.assess("back pain for three months").level == "routine"


def test_get_detector_is_a_thread_safe_singleton():
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(get_detector())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(d) for d in seen}) == 1
    assert seen[0] is get_detector()


def test_concurrent_assess_is_consistent(detector):
    texts = ["i cant control my bladder", "no fever", "my left leg is numb", "hello"] * 10
    expected = {t: detector.assess(t).level for t in set(texts)}
    results = defaultdict(set)

    def work(text):
        results[text].add(detector.assess(text).level)

    threads = [threading.Thread(target=work, args=(t,)) for t in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {t: next(iter(levels)) for t, levels in results.items()} == expected
    assert all(len(levels) == 1 for levels in results.values())


def test_word_class_phrases_read_as_one_trie():
    """A word class's literal phrases share one trie-shaped expression: every phrase is still
    found in its lay spellings ("cant", "cannot"), the longer of two phrases wins, and words
    only part of a longer word are not found."""
    from safety.areas import WordClass

    word_class = WordClass.from_list(
        "X", ["can't sit", "can't sleep", "can't sleep at all", "pins and needles", "re:\\bfoo\\d+", "numb"]
    )
    text = "i cant sleep at all and cannot sit, pins  and needles, foo12, scan't sitting"
    found = [text[m.start() : m.end()] for m in word_class.phrases.finditer(text)]
    assert found == ["cant sleep at all", "cannot sit", "pins  and needles", "foo12"]
    assert word_class.words == frozenset(["numb"])


@pytest.mark.parametrize(
    "text",
    [
        "od wczoraj pee tylko kropla po kropli, plecy bardzo bolą",  # Polish around an English word
        "seit gestern kommt pee nur tröpfchenweise, rücken tut weh",  # German
    ],
)
def test_an_area_word_among_words_nobody_taught_asks(detector, text):
    """A red-flag area word in a sentence the tables cannot read: the safety question, not silence."""
    result = detector.assess(text)
    assert not result.escalate
    assert result.suspected == ("bladder_bowel",)


@pytest.mark.parametrize(
    "text",
    [
        "quick pee break and then a question about the knee stretches",
        "I read the part about the bladder in the article",
        "od wczoraj pee normal, plecy bolą",  # said to be normal: nothing to ask
    ],
)
def test_an_area_word_in_words_that_are_read_does_not_ask(detector, text):
    result = detector.assess(text)
    assert not result.escalate and not result.suspected


def test_dictated_punctuation_is_read_as_marks_and_keeps_offsets(detector):
    """Voice-to-text writes the marks as words: read them as marks, and keep every offset."""
    from safety.red_flags import _prepare

    text = "i am leaking urine comma i cant stop it full stop what do i do question mark"
    prepared = _prepare(text)
    assert len(prepared) == len(text)
    assert prepared.startswith("i am leaking urine ,") and "question mark" not in prepared
    result = detector.assess(text)
    assert result.escalate and all(text[m.start : m.end] == m.text for m in result.mentions)
    # without a dictated mark of its own, "period" is a word: "since my period started"
    assert _prepare("pain since my period started") == "pain since my period started"


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "my knee is puffy and i did not hurt it. my back has been sore for ten weeks now. connected?",
            "back has been sore for ten weeks",
        ),
        (
            "knee keeps clicking when i climb stairs. back has ached for months. same thing?",
            "back has ached for months",
        ),
    ],
)
def test_a_short_message_read_whole_keeps_the_mention_inside_its_sentence(detector, text, mention):
    """A short message is read as one stretch, but the mention is the one sentence that says it,
    not a link from a body word in the sentence before (what is left is answered)."""
    assessment = detector.assess(text)
    assert [m.text for m in assessment.mentions] == [mention]


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday my leg was a little numb, today nothing, all good",
        "Monday my leg was only a bit numb, Thursday it was all gone",
        "This morning my leg was just a little tingly, now it's gone completely",
        "The pain is in my lower back and it spreads down my leg, with some tingling in my foot",
        "My toes are a bit numb. Morning walks are getting worse because of the rain.",
    ],
)
def test_a_numb_leg_told_of_with_days_is_progression_only_when_it_worsens(detector, text):
    """The course-of-days patterns (thirteenth session) read "yesterday a little, today the whole
    foot" as progressive weakness (emergency); a leg getting better, or numbness only described,
    stays a numb leg (urgent)."""
    assert detector.assess(text).level == "urgent"
    worse = "Yesterday my foot was only a little numb, today the whole leg is numb and weaker"
    assert detector.assess(worse).level == "emergency"


def test_a_line_break_after_a_clause_break_is_read_past(detector, caplog):
    """A denial's clause ends at "and" or a comma before a new subject or the body named with its
    article, also when the next words start on a new line: read by the rules, not by the keyword
    net that takes over when the detector raises (a line-break token once raised there)."""
    import logging

    with caplog.at_level(logging.ERROR):
        for text in ("no pain and\n\nmy legs are numb", "not drunk,\n\nthe legs are numb"):
            assert "bilateral_leg" in detector.assess(text).flags
        assert detector.assess("no leaks,\n the pads are for my mum").level is None
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
