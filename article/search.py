"""Lexical similarity between a question and the article's passages (TF-IDF, scikit-learn)."""
import re
from typing import Iterable, List, Sequence, Tuple

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

from article.model import Article, Passage

# Words every passage shares with every question: they say nothing about which passage fits.
GENERIC_WORDS = frozenset(
    "back knee knees pain painful hurt hurts hurting ache aching article tell know "
    "cause causes causing symptom symptoms sign signs treat treatment treatments treating "
    "recover recovery doctor help helps helpful does did lead leads long take takes taking "
    "get gets better work works good bad really thing things way ways".split()
)
STOP_WORDS = ENGLISH_STOP_WORDS | GENERIC_WORDS


def _stem(word: str) -> str:
    """A light plural/verb-ending stemmer: exercises/exercise, injuries/injury, stretching/stretch."""
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"),
                                ("xes", "x"), ("ing", ""), ("ed", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: len(word) - len(suffix)] + replacement
    return word


def terms(text: str) -> List[str]:
    words = re.findall(r"[a-z]+", text.lower())
    return [_stem(w) for w in words if w not in STOP_WORDS and len(w) > 1]


class PassageRanker:
    """Ranks passages of one article by similarity to a question."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self._vectorizer = TfidfVectorizer(analyzer=terms, sublinear_tf=True)
        self._matrix = self._vectorizer.fit_transform(p.display for p in article.passages)
        self._row = {p.id: i for i, p in enumerate(article.passages)}

    def scores(self, question: str, candidates: Sequence[Passage]) -> List[float]:
        if not candidates:
            return []
        query = self._vectorizer.transform([question])
        rows = self._matrix[[self._row[p.id] for p in candidates]]
        return list(linear_kernel(query, rows)[0])

    def rank(self, question: str, candidates: Iterable[Passage]) -> List[Tuple[Passage, float]]:
        """Candidates by similarity, best first; equal scores keep article order."""
        candidates = list(candidates)
        scored = zip(candidates, self.scores(question, candidates))
        return sorted(scored, key=lambda pair: (-pair[1], pair[0].position))
