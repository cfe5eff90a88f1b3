"""The phrase merger: multi-word expressions ("can't", "pins and needles", "number one") become
single tokens before the target patterns run (registered as the spaCy component
"red_flag_phrases")."""

from typing import Callable, Dict, FrozenSet, List

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from article.english_words import known_english_words

from .pattern_helpers import NOT, expand_lemmas, lem, lemma_function, low, opt
from .spelling import CORRECTED

# Multi-word expressions merged into one token (lemma and norm = the key) before the target
# patterns run, so each is a single token in the patterns. Merging "can't" into an inability
# token also keeps its "n't" from acting as a negation cue: "can't pee" is a symptom and
# "cant poo and cant feel if i need to" negates nothing.
_CAN = {"LEMMA": {"IN": ["can", "could", "ca"]}}
PHRASES: Dict[str, List[List[dict]]] = {
    "cannot": [
        [_CAN, NOT],
        [_CAN, low("barely hardly")],
        [_CAN, low("no"), low("longer")],
        [low("unable"), low("to")],
        [NOT, low("able"), low("to")],
        [NOT, {"LEMMA": "be"}, low("able"), low("to")],
        [low("no"), low("longer"), low("able"), low("to")],
        [lem("struggle struggling struggled"), low("to")],
        [low("hard difficult impossible"), low("to")],
        [{"LEMMA": {"IN": ["will", "wo"]}}, NOT],
        [low("cannae canna couldnae cudnae cannit cor cyah cyan cyaan kyaan")],
        # French and Spanish speakers' "not capable to" (pas capable de, no es capaz de)
        [NOT, opt({"LEMMA": "be"}), low("capable"), low("to of")],
        [low("incapable"), low("to of")],
        # "I don't control the caca": lost control said with "do"
        [{"LEMMA": "do"}, NOT, opt(low("really")), lem("control")],
        # Krio "a nɔ kin" (I can't)
        [low("nɔ"), low("kin")],
        # Hawaii Pidgin "no can", Haitian Creole "(m) pa ka"
        [low("no"), low("can could")],
        [opt(low("m mwen")), low("pa"), low("ka")],
        # African English "failing to stand" (unable to); French speakers' "don't arrive to"
        # (n'arrive pas à)
        [lem("fail failing failed fails"), low("to")],
        [NOT, low("arrive arriving"), low("to")],
        # Mauritian Kreol "pa kapav", Haitian and Louisiana Creole "pa kapab", Papiamentu "no por",
        # Afrikaans "kan nie"
        [low("pa"), low("kapav kapab")],
        # Portuguese "não consigo / não posso", Spanish "no puedo"
        [low("não nao"), low("consigo consegue consegui conseguia posso pode")],
        [low("no"), low("puedo puede podía podia")],
        [low("no"), low("por")],
        [low("kan kon"), low("nie")],
    ],
    # Cebuano "wala koy ..." / "wala pud ko ..." (I have no ...)
    "no": [[low("wala"), low("koy akoy")], [low("wala"), low("pud"), low("ko")]],
    # Birmingham "summat ay right": something is wrong (not a negation of what follows)
    "wrong": [[low("ay"), low("right")]],
    "tingling": [[low("pins"), low("and"), low("needles")]],
    "privates": [[low("private"), lem("part parts area areas bits pat")]],
    "inner_thigh": [[low("inner"), lem("thigh thighs")]],
    "crotch": [
        [low("between"), opt(low("my the his her their")), lem("leg legs")],
        [low("entre"), low("les mes"), low("jambes")],
    ],
    # French speakers' "je ne sens plus" (I no longer feel), "ne sens rien" (feel nothing)
    # Spanish "se me duerme(n)" (goes to sleep on me: goes numb)
    "numb": [
        [low("ne"), low("sens sent"), low("plus rien")],
        [low("wala"), low("koy akoy"), low("mabati")],
        [low("se"), low("me le les"), low("duerme duermen dormía dormian dormían durmió durmieron")],
        # Vietnamese "không cảm giác" (no feeling), with or without its accents
        [low("khong không"), opt(low("co có")), low("cam cảm"), low("giac giác")],
    ],
    "down_there": [[low("down"), low("there below")]],
    "anus": [[low("back"), low("passage")]],
    "groin": [[low("nether"), lem("region regions")]],
    "bum": [
        [low("where"), low("i we you one"), lem("sit")],
        [low("sitting seating"), low("area part portion")],
        [low("bit part"), low("you i we ye you'd i'd we'd ye'd"), opt(low("'d")), lem("sit"), low("on")],
    ],
    "both": [[low("left right"), low("and"), opt(low("the")), low("right left")]],
    "give_way": [
        [lem("give giving gave gives"), low("way out away")],
        [low("giv gi gie gien gied"), low("we way wey wye")],
    ],
    "pee": [[low("number"), low("one 1")]],
    "poo": [[low("number"), low("two 2")]],
    "10/10": [[low("10"), low("/ out"), opt(low("of")), low("10")]],
}


class PhraseMerger:
    """Pipeline component: merges the :data:`PHRASES` into single tokens whose lemma and norm
    are the phrase key (spaCy's retokenizer, as in ``merge_entities``)."""

    def __init__(self, nlp: Language, lemma_of: Callable[[str], str], english: FrozenSet[str] = frozenset()):
        self.english = english
        self.matcher = Matcher(nlp.vocab)
        for key, patterns in PHRASES.items():
            self.matcher.add(key, [expand_lemmas(p, lemma_of) for p in patterns])

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc)
        if not matches:
            return doc
        spans = filter_spans([Span(doc, start, end, label=key) for key, start, end in matches])
        # a dialect word read as an English one ("cyan" as "cannot") is a correction, as the
        # spelling normalizer's are: the word classes' phrases read it in the corrected text too
        for span in spans:
            if len(span) == 1 and span.label_.isalpha() and span.label_ != span[0].lower_:
                doc.user_data.setdefault(CORRECTED, set()).add((span[0].lower_, span.label_))
            elif (
                len(span) > 1 and span.label_.isalpha() and not all(t.is_stop or t.lower_ in self.english for t in span)
            ):
                # another language's phrase ("não consigo", "pa kapab" -> "cannot") reads as its
                # English word in the corrected text too, as one word does (an English one, "unable
                # to", is found as written)
                doc.user_data.setdefault(CORRECTED, set()).add((span.text.lower(), span.label_))
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span, attrs={"LEMMA": span.label_, "NORM": span.label_})
        return doc


@Language.factory("red_flag_phrases")
def make_phrase_merger(nlp: Language, name: str) -> PhraseMerger:
    return PhraseMerger(nlp, lemma_function(nlp), known_english_words())
