"""Misspelling tolerance: the key terms, the misspelling map and the normaliser component."""

import threading
from pathlib import Path
from typing import Callable, Dict, FrozenSet, Optional, Set, Tuple

from rapidfuzz.distance import OSA
from spacy.language import Language
from spacy.tokens import Doc

from article.english_words import known_english_words
from article.word_tables import SPELLINGS_FILE, TRANSLATIONS_FILE, read_spellings, read_word_table

from .pattern_helpers import lemma_function

# Key terms a misspelt token may be corrected to (edit distance 1 for terms of <= 6 letters,
# 2 for longer ones). Tokens that are known English words are never corrected.
FUZZY_TERMS: Tuple[str, ...] = (
    "bladder",
    "bowel",
    "bowels",
    "incontinent",
    "incontinence",
    "urine",
    "urinate",
    "urinating",
    "urination",
    "urinary",
    "numbness",
    "tingling",
    "tingly",
    "tingle",
    "weakness",
    "groin",
    "genitals",
    "genital",
    "buttocks",
    "buttock",
    "perineum",
    "testicles",
    "vagina",
    "anaesthesia",
    "anesthesia",
    "sensation",
    "feeling",
    "erection",
    "sciatica",
    "emptying",
    "control",
    "controlling",
    "temperature",
    "fever",
    "sweats",
    "weight",
    "injury",
    "injured",
    "accident",
    "excruciating",
    "unbearable",
    "agonising",
    "agonizing",
    "radiating",
    "dribbling",
    "leaking",
    "paralysed",
    "paralyzed",
    "faeces",
    "weaker",
    "sweating",
    "shivering",
    "painkillers",
    "christmas",
    "urinating",
)

# Dialect, lay and misspelt spellings read as the English word (data/article/spellings.yml, which
# the answers read too): "missen" as "myself", "nowt" as "nothing".
MISSPELLINGS: Dict[str, str] = read_spellings(SPELLINGS_FILE)

# who or what "na" / "nah" is said of when it means "not" (Nigerian "this pain na 10 over 10" is "is")
_PEOPLE_AND_LIMBS = frozenset(
    "i me he she we they you him her dem thing leg foot legs feet husband wife man"
    " son daughter mother father ma pa mama papa mammy daddy granny".split()
)
_SUBJECTS = _PEOPLE_AND_LIMBS | frozenset("power pee urine back pain one body".split())

# Words spelt one way for two words: the first reading after one of the listed words, the
# second otherwise. Geordie "nee fever" is "no fever"; "me nee" / "the nee" is a knee.
CONTEXTUAL_SPELLINGS: Dict[str, Tuple[FrozenSet[str], str, Optional[str]]] = {
    # "my blather leaks": the bladder, misheard by voice typing; elsewhere idle talk
    "blather": (frozenset("my his her the your me ma mi of".split()), "bladder", "blather"),
    # "when i pea", "he has to pea": the homophone after a person or "to"; elsewhere a pea
    "pea": (frozenset("i he she we they you to cant can't cannot couldn't not".split()), "pee", "pea"),
    "nee": (
        frozenset("me my the his her yer your ur left right both bad sore a wor their our".split()),
        "knee",
        "no",
    ),
    # "since las night", "las week": "last" after a word of time (Spanish "las piernas" stays)
    "las": (frozenset("since from till until till' by".split()), "last", "las"),
    # "for weeks an weeks": "and" between spans of time; elsewhere "an"
    "an": (frozenset("weeks months days years ages hours nights".split()), "and", "an"),
    # "lost loads of wait": weight, after losing or an amount; elsewhere waiting
    "wait": (frozenset("lost lose losing loses of my his her gained gaining put".split()), "weight", "wait"),
    # "breast cancel": the disease after the part it strikes; elsewhere calling off
    "cancel": (
        frozenset("breast prostate lung bowel bone skin blood colon kidney liver".split()),
        "cancer",
        "cancel",
    ),
    # "cant hold my bowls": the bowels after a person's or holding; elsewhere dishes
    "bowls": (frozenset("my his her hold control".split()), "bowels", "bowls"),
    # "between my lens": legs after a person's or "both"; elsewhere a lens
    "lens": (frozenset("my his her both me ma mi".split()), "legs", "lens"),
    # "my we is coming out in drips": the wee, after a person's; elsewhere "we"
    "we": (frozenset("my his her your me ma mi".split()), "wee", "we"),
    # "walk on my heal": the heel after a person's or a side; elsewhere healing
    "heal": (frozenset("my his her left right both".split()), "heel", "heal"),
    # Russian "kal" (stool) after what names it ("when kal comes out"); Hindi "kal" (yesterday,
    # tomorrow) elsewhere
    "kal": (frozenset("when the my his her no any of".split()), "stool", "kal"),
    # Birmingham "ay" (isn't, hasn't, didn't) after a word: "he ay passed water"; not "ay, ..."
    "ay": (frozenset(["", ",", ".", "!", "?", "oh", "hey", "and"]), "ay", "not"),
    # Birmingham "day" (didn't) after a pronoun: "I day even know"
    "day": (frozenset("i he she we they you it".split()), "didn't", "day"),
    # Bajan and Gullah "en" after a pronoun is "ain't": "I en pee since last night"
    "en": (frozenset("i he she we they you it e uh dem".split()), "aint", "en"),
    # Bahamian "een" after a pronoun: "I een know" (don't), "he een pee"
    "een": (frozenset("i he she we they you it dem".split()), "aint", "een"),
    # "the bin" / "in the bin" is a bin; "it's bin ten weeks" is "been"
    "bin": (frozenset("the a in wheelie recycling rubbish trash kitchen big".split()), "bin", "been"),
    # Liberian and West African "na", Guyanese and Jamaican "nah", after the one it is said of:
    # "my husband na able", "he nah pee from morning"; not Nigerian "na im" or "nah, I'm fine"
    "na": (_PEOPLE_AND_LIMBS, "not", "na"),
    "nah": (_SUBJECTS, "not", "nah"),
    # Mauritian Kreol and Haitian "pa" (not) after a pronoun: "mo pa santi", "li pa kapav"; not
    # "my pa" (father)
    "pa": (frozenset("mo li zot nou to ou mwen m".split()), "not", "pa"),
    # Afrikaans "lam" (numb) after "is", "voel" (feel) or "word" (become): "my gat is lam"
    "lam": (frozenset("is voel word voelt".split()), "numb", "lam"),
    # Papiamentu "pia" (leg, foot) after "mi" (my), "su" (his, her), "bo" (your), "dos" (two)
    "pia": (frozenset("mi su bo dos un nan tur e".split()), "leg", "pia"),
    # Afrikaans and Papiamentu "lek" (leak) after what leaks
    "lek": (frozenset("piepie blaas ta water urine orina pipi mimi".split()), "leak", "lek"),
    # Papiamentu "dos" (two) and Mauritian Kreol "de" (two) after a possessive: "mi dos pia",
    # "mo de lipie" (both my legs); elsewhere read as usual (Caribbean "de", the)
    "dos": (frozenset("mi su bo tur".split()), "both", "dos"),
    "de": (frozenset("mo so to".split()), "both", None),
    # Louisiana Creole "do" (back) after "mo" (my): "mo do fe mal"
    "do": (frozenset(["mo"]), "back", None),
    # Afrikaans words that are English ones too, read as Afrikaans after the words they follow
    # there: "my rug is seer" (my back is sore), "my regter been" (my right leg), "my gat" (my
    # bottom), "onderbroek nat" (underwear wet), "op my rug geval" (fell on my back), "kak erg"
    "rug": (frozenset("my sy haar jou die".split()), "back", "rug"),
    "been": (frozenset("my linker regter sy haar een die".split()), "leg", "been"),
    "seer": (frozenset("is baie so kak al".split()), "sore", "seer"),
    "gat": (frozenset("my sy haar jou".split()), "bum", "gat"),
    "nat": (frozenset("is broek onderbroek bed lakens sopnat".split()), "wet", "nat"),
    "geval": (frozenset("rug boude het".split()), "fell", "geval"),
    "erg": (frozenset("kak baie so".split()), "severe", "erg"),
    # Solomon Islands Pijin "dae" (dead, numb) after "hem" / "i" (it) or "olsem" (like); not
    # Afrikaans "twee dae" (two days)
    "dae": (frozenset("hem i em olsem".split()), "dead", "dae"),
}

# Words whose h is dropped and marked with an apostrophe in British and Caribbean speech, read as
# the word: "he's wet 'imself", "can't 'old it", "sat 'ere wi' 'er" (only after the apostrophe)
H_DROPPED: Dict[str, str] = {
    "imself": "himself",
    "is": "his",
    "er": "her",
    "erself": "herself",
    "im": "him",
    "e": "he",
    "ave": "have",
    "ad": "had",
    "as": "has",
    "ere": "here",
    "ow": "how",
    "appened": "happened",
    "ome": "home",
    "urt": "hurt",
    "urts": "hurts",
    "urtin": "hurting",
    "urting": "hurting",
    "ospital": "hospital",
    "ip": "hip",
    "ips": "hips",
    "eavy": "heavy",
    "old": "hold",
    "oldin": "holding",
    "olding": "holding",
    "elp": "help",
    "ard": "hard",
    "usband": "husband",
}

# what "ain" (ain't, isn't) denies when it stands before it
AINT_STATES = frozenset(
    "weak numb tingly tingling dead heavy wobbly wet leaky leaking swollen hurting sore painful".split()
)

# doc.user_data key: the (misspelt, corrected) pairs of a doc; safety.areas also matches its
# phrases on the corrected text ("pinz and neadles" -> "pins and needles").
CORRECTED = "red_flag_corrected_spellings"


def _max_distance(word: str) -> int:
    return 1 if len(word) <= 6 else 2


def _deletes(word: str, depth: int) -> Set[str]:
    """``word`` and every string obtained from it by deleting up to ``depth`` characters."""
    out = {word}
    frontier = {word}
    for _ in range(depth):
        nxt = set()
        for w in frontier:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1 :])
        out |= nxt
        frontier = nxt
    return out


def translated_words(known_words: Set[str], path: Path = TRANSLATIONS_FILE) -> Dict[str, str]:
    """Words of other languages that visitors mix into their English, read as the first English
    word the translations table gives them (data/article/translations.yml, which the answering
    code reads too): Romanian "picioare" as "legs", Malayalam "marappu" as "numbness". Only
    one-word entries that are not also English words ("spate" is)."""
    words: Dict[str, str] = {}
    for alternatives, meaning in read_word_table(path):
        english = meaning.split()[0].lower()
        for word in alternatives:
            # two-letter words only in a spelling of their own (Krio "nɔ", not "la" or "de")
            long_enough = len(word) > 2 or (len(word) == 2 and not word.isascii())
            if word.isalpha() and long_enough and word not in known_words and word not in MISSPELLINGS:
                words.setdefault(word, english)
    return words


def _apostrophe_attached(token) -> bool:
    """An apostrophe written against the next word ("'imself"), not a closing quote."""
    return token.text in ("'", "’") and not token.whitespace_


class SpellingNormalizer:
    """Pipeline component: sets token.norm_ and token.lemma_ of misspelt tokens to the key term.

    A token is corrected when it is in :data:`MISSPELLINGS` or, if it is not a known English
    word, drops the g of a known "-ing" word ("hurtin") or lies within edit distance 1 (terms up to
    6 letters) or 2 (longer terms) of a term in :data:`FUZZY_TERMS` (symmetric-delete lookup +
    optimal-string-alignment distance, rapidfuzz's OSA).
    A word of another language in the translations table is read as its English word
    (:func:`translated_words`). Results are cached per lower-cased string.
    """

    _CACHE_LIMIT = 50_000

    def __init__(self, known_words: Set[str], lemma_of: Callable[[str], str]):
        self.known = known_words
        self.lemma_of = lemma_of
        self.index: Dict[str, Set[str]] = {}
        for term in FUZZY_TERMS:
            for variant in _deletes(term, _max_distance(term)):
                self.index.setdefault(variant, set()).add(term)
        self.cache: Dict[str, Optional[Tuple[str, Optional[str]]]] = {}
        # a translated word reads as its English word, norm and lemma, as a misspelt one does: the
        # word classes and the target patterns (which match lemmas) find Hawaii Pidgin "kukae" as
        # "poo"; ConText's rules match the words as written (LOWER), in the language they were
        # written in
        for foreign, english in translated_words(known_words).items():
            self.cache[foreign] = (english, lemma_of(english))
        for wrong, right in MISSPELLINGS.items():
            self.cache[wrong] = (right, lemma_of(right))
        for term in FUZZY_TERMS:
            self.cache[term] = None
        self._lock = threading.Lock()

    def _lookup(self, word: str) -> Optional[Tuple[str, Optional[str]]]:
        if len(word) < 5 or len(word) > 16 or not word.isascii() or not word.isalpha():
            return None
        if word in self.known:
            return None
        if word.endswith("in") and word + "g" in self.known:  # "wettin", "trippin", "hurtin"
            return word + "g", self.lemma_of(word + "g")
        if word.endswith("ah") and word[:-2] + "er" in self.known:  # "fevah", "summah", "sistah"
            return word[:-2] + "er", self.lemma_of(word[:-2] + "er")
        best: Optional[Tuple[int, str]] = None
        for variant in _deletes(word, 2):
            for term in self.index.get(variant, ()):
                limit = min(_max_distance(term), _max_distance(word))
                if abs(len(term) - len(word)) > limit:
                    continue
                dist = OSA.distance(word, term, score_cutoff=limit)
                if dist <= limit and (best is None or (dist, -len(term)) < (best[0], -len(best[1]))):
                    best = (dist, term)
        if best is None:
            return None
        return best[1], self.lemma_of(best[1])

    def __call__(self, doc: Doc) -> Doc:
        cache = self.cache
        for token in doc:
            word = token.lower_
            contextual = CONTEXTUAL_SPELLINGS.get(word)
            right = None
            if word in H_DROPPED and token.i > 0 and _apostrophe_attached(doc[token.i - 1]):
                right = H_DROPPED[word]
            elif contextual is not None:
                after, first, second = contextual
                before = doc[token.i - 1].lower_ if token.i > 0 else ""
                right = first if before in after else second
            if right is not None:
                hit = None if right == word else (right, self.lemma_of(right))
            elif word in cache:
                hit = cache[word]
            else:
                hit = self._lookup(word)
                with self._lock:
                    if len(cache) < self._CACHE_LIMIT:
                        cache[word] = hit
            if hit is not None:
                norm = hit[0]
                # "ain" before a state denies it ("my legs ain weak, ain numb"); before a verb it
                # is the symptom ("he ain pee since morning")
                if norm == "aint" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in AINT_STATES:
                    norm = "not"
                token.norm_ = norm
                if hit[1] is not None:
                    token.lemma_ = hit[1]
                doc.user_data.setdefault(CORRECTED, set()).add((word, norm))
        return doc


@Language.factory("red_flag_normalizer")
def make_spelling_normalizer(nlp: Language, name: str) -> SpellingNormalizer:
    return SpellingNormalizer(known_english_words(), lemma_function(nlp))
