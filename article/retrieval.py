"""Question-to-passage matching over the whole article.

Two signals, each in [0, 1], combined into a passage's score:
- how well the question matches the passage's own words, label and section titles: BM25
  (rank_bm25), saturated as s / (s + BM25_HALF);
- how close the question is to the passage's example questions (data/article/questions.yml): a
  linear classifier (scikit-learn's logistic regression over stemmed words, word pairs and
  character n-grams, fitted on the example questions and the passages' own text when the
  retriever is built) says which passage the question is most like, and the best TF-IDF cosine
  similarity to any example question says how close it is at all. Character n-grams carry
  misspellings and word forms ("tingly", "physiotherapeut") that whole words miss.
Words are stemmed (the Snowball project's own English stemmer, snowballstemmer). A visitor's
everyday words are widened with the article's words for them (data/article/vocabulary.yml); the
widening counts for less than the visitor's own words. Words of other languages that visitors
mix into their English ("tuhod" and "ghutna" for knee, "coluna" for the spine) are read as the
English words they mean (data/article/translations.yml), counting as the visitor's own; a word
of another European language none of them knows is read through its root
(data/article/cognates.yml: "infiltració" as "infiltration"). The files are content: editors
extend them, and they take effect without retraining.
"""

import difflib
import functools
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple

import snowballstemmer
import yaml
from rank_bm25 import BM25Okapi
from scipy.sparse import hstack
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics.pairwise import linear_kernel

from article.model import Article, Passage
from article.word_tables import read_word_table, without_accents

# snowballstemmer's stemmers keep state while they work: one per thread (the action server
# answers in several), and each word stemmed once
_STEMMERS = threading.local()


@functools.lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        stemmer = _STEMMERS.english = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


_WORD = re.compile(r"[a-z0-9]+")
# Stop words, less those that tell sections apart ("when" should I see a doctor, "how long").
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) - {"when", "long", "less", "more", "first", "after", "back"}
# Politeness and chat filler that asks nothing ("kindly advise", "pls", "lol"), as stop words too.
STOP_WORDS |= frozenset("kindly pls plz please advise inform suggest lol lmao rly ur thx thanks huh ok okay".split())


BM25_HALF = 6.0  # a BM25 score that counts as half a match
WIDENING_WEIGHT = 0.5  # the article's words for the visitor's words count this much
QUESTION_WEIGHT = 0.55  # the share of the example-question signal in the score
CLASSIFIER_C = 10.0  # the classifier's inverse regularisation (measured flat between 3 and 100)


UBIQUITOUS = frozenset(_stem(w) for w in "back knee knees pain painful hurt hurts ache".split())


def tokens(text: str) -> List[str]:
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in STOP_WORDS]


def all_tokens(text: str) -> List[str]:
    """Stemmed words, stop words kept (for comparing whole questions)."""
    return [_stem(w) for w in _WORD.findall(text.lower())]


def load_questions(path: Path) -> Dict[str, List[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    return {str(k): [str(q) for q in (v or [])] for k, v in (data or {}).items()}


def stemmed(text: str) -> str:
    """The text's words, each as its Snowball stem ("medicines" and "medicine" alike)."""
    return " ".join(_stem(w) for w in _WORD.findall(text.lower()))


# " * " in a vocabulary word stands for up to five other words between its parts: "x-ray * clean"
# finds "x-ray of my knee came back clean"
_GAP = " * "
_GAP_REGEX = r"(?:\s+[\w'-]+){0,5}\s+"


def _word_regex(word: str) -> str:
    return _GAP_REGEX.join(re.escape(part) for part in word.split(_GAP))


def load_vocabulary(path: Path) -> List[Tuple[re.Pattern, str]]:
    """(pattern of the everyday words, the article's words), from `a | b: article words` lines.

    Each pattern matches the words as written and as stems (see :func:`stemmed`), so a line's
    "medicine" also finds "medicines" and "advice" finds "advices"."""
    pairs = []
    for words, meaning in read_word_table(path):
        # stems only of plain-letter words: the stemmer's word pattern would cut Krio "mɔ" to "m",
        # which "I'm" contains; a word with " * " ("x-ray * clean") is read as it is written
        plain = [w for w in words if _GAP not in w]
        alternatives = set(words) | {stemmed(w) for w in plain if w.isascii() and stemmed(w)}
        ordered = sorted(alternatives, key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(_word_regex(w) for w in ordered) + r")\b")
        pairs.append((pattern, meaning))
    return pairs


@dataclass(frozen=True)
class Match:
    passage: Passage
    score: float


class Retriever:
    """Scores every passage of one article against a question."""

    def __init__(
        self,
        article: Article,
        questions: Mapping[str, Sequence[str]],
        vocabulary: Sequence[Tuple[re.Pattern, str]],
        translations: Sequence[Tuple[re.Pattern, str]] = (),
        spellings: Mapping[str, str] = {},
        cognates: Sequence[Tuple[str, str, str]] = (),
    ) -> None:
        self.article = article
        self.vocabulary = list(vocabulary)
        self.translations = list(translations)
        # dialect and lay spellings of English words ("fae" from, "wrang" wrong): data/article/spellings.yml
        self.spellings = dict(spellings)
        # how words of other European languages become English ones: data/article/cognates.yml
        self.cognates = list(cognates)
        docs = []
        for p in article.passages:
            section = article.section(p.section)
            docs.append(
                tokens(" ".join([p.display, p.label or "", section.title if section else "", p.subsection or ""]))
            )
        self._bm25 = BM25Okapi(docs, k1=1.2, b=0.6)
        self._stems = {
            p.id: set(doc) | set(tokens(" ".join(questions.get(p.id, [])))) for p, doc in zip(article.passages, docs)
        }
        self._owners: List[int] = []  # example question -> passage index
        examples: List[str] = []
        for index, p in enumerate(article.passages):
            for q in questions.get(p.id, []):
                examples.append(q)
                self._owners.append(index)
        # each text's stemmed words and word pairs, computed once; the cosine's vocabulary is the
        # example questions', the classifier's also the passages' own text (read with them)
        example_grams = [_grams(all_tokens(q)) for q in examples]
        self._tfidf = TfidfVectorizer(analyzer=_as_is, sublinear_tf=True)
        self._examples = self._tfidf.fit_transform(example_grams) if examples else None
        self._classifier = None
        if examples:
            passages = [p.display for p in article.passages]
            self._classifier = _PassageClassifier(
                examples + passages,
                example_grams + [_grams(all_tokens(t)) for t in passages],
                self._owners + list(range(len(article.passages))),
            )
        # the words the article and its questions use, to read a misspelt word as the nearest
        known = " ".join([p.display for p in article.passages] + examples).lower()
        # the English ones: the article's, its questions' and the vocabulary's words
        self._known_english = set(_WORD.findall(known)) | {
            w for pattern, _ in self.vocabulary for w in _WORD.findall(pattern.pattern)
        }
        self._known = sorted(
            self._known_english | {w for pattern, _ in self.translations for w in _WORD.findall(pattern.pattern)}
        )
        self._known_set = set(self._known)
        # the words of other languages the translations table reads as English (the language check)
        translated_words = frozenset(
            w
            for pattern, _ in self.translations
            for w in _WORD.findall(pattern.pattern.replace(r"\b", " "))
            if len(w) > 2  # content words: "la", "le", "sa" are also the other languages' own
        )
        # the words of the article, its example questions and its vocabulary (the language check
        # counts them as read: "doctor ... scan MRI ... specialist" in a Punjabi sentence is)
        article_words = frozenset(w for w in self._known_set if len(w) > 2)
        self._corrections: Dict[str, str] = {}
        # vocabulary lines whose meaning is a passage's label ("swole | swelled: swelling") name it
        labels: Dict[frozenset, List[str]] = {}
        for p in article.passages:
            label = frozenset(tokens(p.label or "")) - UBIQUITOUS
            if label:
                labels.setdefault(label, []).append(p.id)
        self._naming: Dict[int, List[str]] = {
            line: labels[frozenset(tokens(meaning)) - UBIQUITOUS]
            for line, (_, meaning) in enumerate(self.vocabulary)
            if frozenset(tokens(meaning)) - UBIQUITOUS in labels
        }
        # one reading per question: ranking, naming and the shared-words check all need it
        self._spelled: Dict[str, str] = {}
        self._lines: Dict[str, Tuple[int, ...]] = {}
        # what the language check counts as read: the translations' words, the spellings it reads
        # as English words and the article's own
        spelt_words = frozenset(w for w in self.spellings if len(w) > 2 and w.isalnum())
        self.understood_words: FrozenSet[str] = translated_words | spelt_words | article_words

    def translated(self, question: str) -> str:
        """The question followed by the English words for the words of other languages in it."""
        if not self.translations:
            return question
        lowered, stems = question.lower(), stemmed(question)
        english = [
            meaning for pattern, meaning in self.translations if pattern.search(lowered) or pattern.search(stems)
        ]
        return f"{question} {' '.join(english)}" if english else question

    def spelled(self, question: str) -> str:
        """The question, its other-language words translated, with misspelt words read as the
        nearest word the article knows ("spasmin" as "spasms", "physiotherpy" as "physiotherapy")."""
        if question not in self._spelled:
            if len(self._spelled) > 1_000:
                self._spelled.clear()
            self._spelled[question] = self._spell(question)
        return self._spelled[question]

    def _spell(self, question: str) -> str:
        # accents off: "hèrnia" is one word ("hernia"), not "h" and "rnia"
        words = _WORD.findall(without_accents(self.translated(question).lower()))
        fixed = []
        for w in words:
            if w not in self._known_set:  # Scots "fae" (from), "wrang" (wrong); not the article's own words
                w = self.spellings.get(w, w)
            if w.endswith("in") and (w + "g" in self._known_set or (w + "g" in _english() and w not in _english())):
                fixed.append(w + "g")  # "walkin", "sortin"; "needin" is "needing", not the nearest "needle"
            elif (
                "b" in w and w not in self._known_set and w.replace("b", "p") in self._known_set and w not in _english()
            ):
                # Arabic has no "p": speakers write "bain", "broblem", "hosbital"
                fixed.append(w.replace("b", "p"))
            elif len(w) >= 5 and w not in self._known_set and w not in STOP_WORDS and w not in _english():
                fixed.append(self._cognate(w) or self._nearest(w))
            else:
                fixed.append(w)
        return " ".join(fixed)

    def _cognate(self, word: str) -> Optional[str]:
        """The English word a word of another European language shares its root with: the word
        without its accents ("hèrnia": "hernia"), or with a beginning or ending rewritten as
        data/article/cognates.yml says, when the article knows it or a word near it
        ("infiltració": "infiltration"; "artroscòpia": "artroscopy", near "arthroscopy")."""
        plain = without_accents(word)
        if plain in self._known_set:
            return plain
        forms = []
        for kind, written, english in self.cognates:
            if kind == "suffix" and plain.endswith(written) and len(plain) > len(written) + 2:
                forms.append(plain[: len(plain) - len(written)] + english)
            elif kind == "prefix" and plain.startswith(written):
                forms.append(english + plain[len(written) :])
        # a beginning and an ending both rewritten: "kiropraktik" -> "chiropraktic"
        both = [
            english + form[len(written) :]
            for form in list(forms)
            for kind, written, english in self.cognates
            if kind == "prefix" and form.startswith(written)
        ]
        forms += both
        for form in forms:
            if form in self._known_set:
                return form
        # a misspelt English word is read as before ("siatika": sciatica, not "sciatic" through
        # "-ika: -ic"); a word near no English word is read through a rewritten form, both ends
        # rewritten first, then the longest ending
        nearest = self._nearest(plain)
        if nearest != plain and nearest in self._known_english:
            return nearest
        singles = len(forms) - len(both)
        for form in both + forms[:singles]:
            near = self._nearest(form)
            if near != form:
                return near
        return nearest if nearest != plain else None

    def _nearest(self, word: str) -> str:
        if word not in self._corrections:
            close = difflib.get_close_matches(word, self._known, n=1, cutoff=0.8)
            if len(self._corrections) > 10_000:
                self._corrections.clear()
            self._corrections[word] = close[0] if close else word
        return self._corrections[word]

    def shared_terms(self, question: str, passage: Passage) -> Tuple[set, set]:
        """(the question's own content words, those the passage or its questions share), stemmed;
        the words of every question about this article (back, knee, pain) left out."""
        spelled = self.spelled(question)
        asked = set(tokens(spelled)) - UBIQUITOUS
        wide = set(tokens(self.widening(spelled)))
        return asked, (asked | wide) & self._stems.get(passage.id, set())

    def named(self, question: str) -> List[str]:
        """Passages a vocabulary line names by their label: "my knee's all swole" names Swelling."""
        found: List[str] = []
        for line in self._matched_lines(self.spelled(question)):
            found += [i for i in self._naming.get(line, ()) if i not in found]
        return found

    def widening(self, question: str) -> str:
        return " ".join(self.vocabulary[line][1] for line in self._matched_lines(question))

    def _matched_lines(self, text: str) -> Tuple[int, ...]:
        """The vocabulary lines whose visitor words are in `text` (as written or stemmed)."""
        if text not in self._lines:
            lowered, stems = text.lower(), stemmed(text)
            if len(self._lines) > 1_000:
                self._lines.clear()
            self._lines[text] = tuple(
                line
                for line, (pattern, _) in enumerate(self.vocabulary)
                if pattern.search(lowered) or pattern.search(stems)
            )
        return self._lines[text]

    def matches(self, question: str) -> List[Match]:
        """Every passage with its score in [0, 1], best first (ties keep article order)."""
        question = self.spelled(question)
        widened = self.widening(question)  # stems the question and runs every vocabulary line: once
        own, wide = tokens(question), tokens(widened)
        passages = self.article.passages
        text = [0.0] * len(passages)
        if own or wide:
            raw = self._bm25.get_scores(own) if own else [0.0] * len(passages)
            extra = self._bm25.get_scores(wide) if wide else [0.0] * len(passages)
            for i in range(len(passages)):
                s = raw[i] + WIDENING_WEIGHT * extra[i]
                text[i] = s / (s + BM25_HALF) if s > 0 else 0.0
        asked = [0.0] * len(passages)
        if self._examples is not None and question.strip():
            grams = _grams(all_tokens(f"{question} {widened}"))
            closest = float(linear_kernel(self._tfidf.transform([grams]), self._examples)[0].max())
            for index, share in self._classifier.shares(grams, question):
                asked[index] = closest * share
        scores = [(1 - QUESTION_WEIGHT) * t + QUESTION_WEIGHT * a for t, a in zip(text, asked)]
        ranked = sorted(zip(passages, scores), key=lambda ps: (-ps[1], ps[0].position))
        return [Match(p, s) for p, s in ranked]


class _PassageClassifier:
    """Which passage a question is most like: logistic regression over stemmed words and word
    pairs (the question with its widening; its own vocabulary, which includes the passages'
    words) and character n-grams (the question as written)."""

    def __init__(self, texts: List[str], grams: List[List[str]], owners: List[int]) -> None:
        self._words = TfidfVectorizer(analyzer=_as_is, sublinear_tf=True)
        self._chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
        self._model = None
        if len(set(owners)) > 1:
            features = hstack([self._words.fit_transform(grams), self._chars.fit_transform(texts)]).tocsr()
            self._model = LogisticRegression(C=CLASSIFIER_C, solver="liblinear", max_iter=2000).fit(features, owners)

    def shares(self, grams: List[str], written: str) -> List[Tuple[int, float]]:
        """(passage index, its probability relative to the likeliest passage's) for every passage,
        from the question's stemmed words and pairs and its text as written."""
        if self._model is None:
            return []
        features = hstack([self._words.transform([grams]), self._chars.transform([written])]).tocsr()
        probabilities = self._model.predict_proba(features)[0]
        top = float(probabilities.max()) or 1.0
        return [(int(c), float(p) / top) for c, p in zip(self._model.classes_, probabilities)]


def _as_is(grams: List[str]) -> List[str]:
    """The analyzer of texts already split into stemmed words and pairs (see _grams)."""
    return grams


def _english() -> frozenset:
    """English word forms (spacy-lookups-data), never "corrected" to an article word."""
    from article.english_words import known_english_words

    return known_english_words()


def _grams(words: List[str]) -> List[str]:
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]
