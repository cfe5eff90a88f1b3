"""The English word forms that are never "corrected": spacy-lookups-data's English lemma tables.

Read by the red-flag detector's spelling normaliser (safety.spelling) and by the article
retriever (article.retrieval). Apart from spaCy on purpose: the action server reads the word list
without loading spaCy.
"""

import functools
from typing import FrozenSet


@functools.cache
def known_english_words() -> FrozenSet[str]:
    """Word forms in spacy-lookups-data's English lemma tables."""
    import spacy_lookups_data
    import srsly

    lookup = srsly.read_gzip_json(spacy_lookups_data.get_file("en_lemma_lookup.json.gz"))
    index = srsly.read_gzip_json(spacy_lookups_data.get_file("en_lemma_index.json.gz"))
    words = set(lookup) | set(lookup.values())
    for entries in index.values():
        words.update(w for w in entries if "_" not in w)
    return frozenset(words)
