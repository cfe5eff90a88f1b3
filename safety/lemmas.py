"""The red-flag pipeline's lemmatizer: spaCy's lookup lemmatizer with its table held compact.

spaCy's own ``lemmatizer`` in "lookup" mode reads ``en_lemma_lookup`` from spacy-lookups-data
into a Python table, about 16 MB of the Rasa process for 41,000 pairs; this one reads the same
pairs from a memory-mapped trie (article.english_words) and lemmatizes as spaCy's does: a token's
text is looked up as written, and a word the table lacks is its own lemma.
"""

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from article.english_words import Lemmas, english_lemmas


class LookupLemmatizer:
    """Pipeline component: ``token.lemma_`` from the English lookup table."""

    def __init__(self, lemmas: Optional[Lemmas] = None) -> None:
        self.lemmas = lemmas if lemmas is not None else english_lemmas()

    def lemma_of(self, word: str) -> str:
        return self.lemmas.get(word, word)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.lemma == 0:
                token.lemma_ = self.lemma_of(token.text)
        return doc


@Language.factory("red_flag_lemmatizer")
def make_lookup_lemmatizer(nlp: Language, name: str) -> LookupLemmatizer:
    return LookupLemmatizer()
