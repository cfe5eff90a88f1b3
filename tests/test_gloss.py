"""Messages in French, Spanish and French-based Creoles read in English (article/gloss.py,
data/article/gloss.yml): by the red-flag detector beside the message as written, and by the
answers. The sentences here are this project's own, written for these tests."""

import pytest

from article.gloss import Glosser, load
from safety.assessment import Assessment, Mention
from safety.red_flags import _prepare, _union, get_detector


@pytest.fixture(scope="module")
def glosser() -> Glosser:
    return Glosser()


@pytest.fixture(scope="module")
def detector():
    return get_detector()


@pytest.mark.parametrize(
    "message, english",
    [
        ("j'peux pus pisser depuis à matin pis mon dos me fait mal", "I can't pee since this morning"),
        ("je sens pas mes fesses quand je m'essuie, mal de reins depuis lundi", "I can't feel my buttocks"),
        ("mes deux jambes sont molles depuis hier", "both my legs are weak since yesterday"),
        ("no puedo orinar desde ayer y me duele la espalda", "I can't urinate since yesterday"),
        ("mi esposo se cayó de la escalera ayer", "my husband fell of the ladder yesterday"),
        ("mo pa kapav fer pipi depi yer, mo ledo fer mal", "I can't pee since yesterday, my back hurts"),
        ("dahri 3am yewja3ni w ma 3am be2dar bawwel men mbere7", "my back hurts me and I can't pee since yesterday"),
        ("não consigo fazer xixi desde ontem e minhas costas doem", "I can't pee since yesterday and my back hurt"),
    ],
)
def test_a_message_in_a_table_language_reads_in_english(glosser, message, english):
    glossed, place = glosser.gloss(_prepare(message))
    assert english in glossed
    # every character of the gloss stands for a character of the message, in order
    assert len(place) == len(glossed)
    assert all(0 <= p < len(message) for p in place) and place == sorted(place)


@pytest.mark.parametrize(
    "message",
    [
        "my back hurts and my knee too, what can I do",
        "I can't pee since Monday and my back is killing me",
        "the doc said its sciatica, que sera sera",
        "mon and tue were bad days for my back",
    ],
)
def test_english_and_sister_languages_are_not_glossed(glosser, message):
    assert glosser.gloss(_prepare(message)) is None


@pytest.mark.parametrize(
    "message, english",
    [
        ("mi lomba ta hasi doló desde ayera, mi no por kana bon", "my back hurts since yesterday, I can't walk"),
        ("bon dia, mi lomba ta hasi doló desde awe mainta, mi no por orina nada", "since today morning, I can't pee"),
    ],
)
def test_papiamentu_shares_words_with_spanish_but_is_read_as_itself(glosser, message, english):
    """Papiamentu shares "mi", "desde" and "nada" with Spanish and Portuguese: it is glossed in its
    own table (seventh session), not read as either of them."""
    glossed, _ = glosser.gloss(_prepare(message))
    assert english in glossed


def test_two_languages_in_one_message_are_glossed_together_the_stronger_deciding_shared_words():
    languages = {language.name: language for language in load()}
    both = Glosser([languages["french"], languages["kreol"]])
    glossed, _ = both.gloss("mo pa kapav marse depi yer, mo lazanm feb, et j'ai mal au dos")
    assert "I can't walk since yesterday" in glossed and "my leg weak" in glossed and "I have pain" in glossed


@pytest.mark.parametrize(
    "message, flag",
    [
        ("j'peux pus pisser depuis à matin pis mon dos me fait mal", "bladder_bowel"),
        ("chu pas capable de retenir mon pipi, ça coule tout seul, mal au dos", "bladder_bowel"),
        ("je sens pus rien entre les jambes quand je m'assois, le dos me fait souffrir", "saddle_numbness"),
        ("mes deux jambes lâchent de plus en plus depuis jeudi, mal de reins", "bilateral_leg"),
        ("no siento nada cuando me limpio y la espalda me mata", "saddle_numbness"),
        ("se me escapa la orina sin darme cuenta desde el lunes, dolor de espalda", "bladder_bowel"),
        ("mo pa kapav fer pipi depi yer, mo ledo fer mal", "bladder_bowel"),
        ("dahri 3am yewja3ni w ma 3am be2dar bawwel men mbere7", "bladder_bowel"),
        ("ejraye el tnen mkhaddarin men el sob7 w dahri ktir 3am yewja3ni", "bilateral_leg"),
        ("mgongo unaniuma sana na siwezi kukojoa tangu jana", "bladder_bowel"),
        ("nilianguka kwenye ngazi jumamosi, sasa mgongo unauma", "injury"),
        ("tô com dor nas costas e as duas pernas dormentes desde ontem", "bilateral_leg"),
        ("não consigo segurar o xixi, escapa sem eu perceber, dor lombar", "bladder_bowel"),
        # Moroccan Darija in Latin letters, alone and mixed with French
        ("dhri kaydrni bzaf w mn sba7 ma kanbolch", "bladder_bowel"),
        ("lyoum ma kan7ess walou mn lta7t, w dhri kayderni", "saddle_numbness"),
        ("jouj rjlin mtnmlin daba, dhri kaydrni mn lbar7", "bilateral_leg"),
        ("t7t f droj lyoum w daba dhri kaydrni bzaf", "injury"),
        ("mon dos me fait mal w je me retiens plus, 3afak", "bladder_bowel"),
        # Dominican Spanish words
        ("desde anoche no he podido orinar nada y la espalda me duele", "bladder_bowel"),
        ("el pie izquierdo ta dormío desde ayer, dolor de espalda", "leg_numbness_weakness"),
        # Setswana, Sesotho, Twi and Cebuano (seventh session; own sentences)
        ("ga ke kgone go rota from this morning, mokwatla o botlhoko thata", "bladder_bowel"),
        ("ha ke utlwe letho mo marageng, mokokotlo o bohloko", "saddle_numbness"),
        ("chale mentumi ngu dwonsɔ since yesterday, me akyi ɛyɛ me yaw", "bladder_bowel"),
        ("sukad kagabii dili ko makaihi, sakit kaayo akong likod", "bladder_bowel"),
        ("namanhid akong duha ka tiil karon, sakit akong hawak", "bilateral_leg"),
        ("nimejikojolea bila kujua leo asubuhi, mgongo unauma sana", "bladder_bowel"),
        ("sijisikii chochote makalioni tangu jana na kiuno kinauma", "saddle_numbness"),
        ("desde ayera mi no por orina, mi lomba ta hasi doló hopi", "bladder_bowel"),
        ("mi no ta sinti nada abou ora mi limpia mi mes, lomba ta malu", "saddle_numbness"),
    ],
)
def test_a_red_flag_in_a_table_language_escalates_in_the_visitors_words(detector, message, flag):
    assessment = detector.assess(message)
    assert flag in assessment.flags, assessment
    # the mention is shown in the visitor's own words, whole words of the message
    for mention in assessment.mentions:
        assert message[mention.start : mention.end] == mention.text
        assert mention.start == 0 or not message[mention.start - 1].isalnum()
        assert mention.end == len(message) or not message[mention.end].isalnum()


@pytest.mark.parametrize(
    "message",
    [
        "j'ai pas de problème pour uriner, juste mal au genou depuis la semaine passée",
        "mon oncle pouvait pas pisser y'a longtemps, c'est quoi les signes?",
        "no tengo problemas con la vejiga, solo dolor de rodilla",
        "¿qué pasa si alguien no puede orinar con dolor de espalda?",
        "la2 ma 3ande ayya mashkal bel 7amem, bas rekbti 3am tewja3ne",
        "sina tatizo la mkojo, goti tu linauma ninapopanda ngazi",
        "nenhum problema com xixi ou cocô, só o joelho dói quando subo escada",
        "dhri kaydrni chwiya, walakin lbol mzyan w rjliya mzyanin",
        # "pis" (and then) is not "piss": no safety question either
        "j'ai mal au back pis après mon genou est sore",
        # a word the translations read alone ("nahulog", fell) denied in its phrase
        "wala ko nahulog, sakit lang akong likod gikan sa trabaho",
        "normal akong ihi, ma-control nako, tuhod lang ang sakit",
    ],
)
def test_denials_other_people_and_questions_in_a_table_language_do_not_escalate(detector, message):
    assessment = detector.assess(message)
    assert not assessment.escalate and not assessment.suspected, assessment


def test_the_gloss_is_a_second_reading(detector):
    """What the message as written affirms stays affirmed beside the gloss unless the English
    reading sets that mention aside; the safety question goes by the English reading."""
    written = Assessment("emergency", ("bladder_bowel",), (Mention("bladder_bowel", "emergency", "x", 0, 1),), ())
    glossed = Assessment(None, (), (), (), suspected=("saddle_numbness",))
    assert _union(written, glossed).flags == ("bladder_bowel",)
    assert _union(written, glossed).suspected == ()
    nothing = Assessment(None, (), (), (), suspected=("bladder_bowel",))
    assert _union(nothing, glossed).suspected == ("saddle_numbness",)
    negated = Assessment(None, (), (), ((Mention("bladder_bowel", "emergency", "x", 0, 1), "negated"),))
    assert _union(written, negated).flags == ()
    assert _union(written, negated).ignored == ((written.mentions[0], "negated"),)
    # a mention made only of words the gloss read in their phrase, which the glossed reading does
    # not affirm, is not affirmed by the words read one by one either
    plain = Assessment(None, (), (), ())
    assert _union(written, plain, [(0, 1, "I didn't fall")]).flags == ()
    assert _union(written, plain, [(0, 1, "I didn't fall")]).ignored == ((written.mentions[0], "glossed"),)
    assert _union(written, plain, [(0, 1, "I fell")]).flags == ("bladder_bowel",)  # the phrase affirms
    # a symptom said with a negation is not a denial
    assert _union(written, plain, [(0, 1, "the urine doesn't come out")]).flags == ("bladder_bowel",)
    assert _union(written, plain, [(0, 1, "I can't feel anything")]).flags == ("bladder_bowel",)
    assert _union(written, plain, [(2, 5, "I didn't fall")]).flags == ("bladder_bowel",)  # not in it
    assert _union(written, written, [(0, 1, "I didn't fall")]).flags == ("bladder_bowel",)
