"""The everyday-word tables the content team edits, and how one of their lines reads.

- ``data/article/vocabulary.yml``: everyday English words and the article's words for them;
- ``data/article/translations.yml``: words of other languages visitors mix into their English,
  and the English words they mean;
- ``data/article/spellings.yml``: dialect, lay and misspelt spellings of English words, and the
  one English word each is read as;
- ``data/article/cognates.yml``: how the beginnings and endings of words of other European
  languages turn into English ones ("-ció: -tion"), for the words the other tables don't know;
- ``data/article/gloss.yml``: phrase by phrase, how a message in French, Spanish, Portuguese, a
  French-based Creole, Arabic in Latin letters or Swahili reads in English (article.gloss; its
  own shape, see its header).

A line is ``word | another word: the words they mean``; ``#`` starts a comment. The answering
code reads all three (article.retrieval); the red-flag detector reads the translations and the
spellings too (safety.spelling), so a word added there for one is read by both.
"""

import unicodedata
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

from paths import PROJECT_ROOT

VOCABULARY_FILE = PROJECT_ROOT / "data" / "article" / "vocabulary.yml"
TRANSLATIONS_FILE = PROJECT_ROOT / "data" / "article" / "translations.yml"
SPELLINGS_FILE = PROJECT_ROOT / "data" / "article" / "spellings.yml"
COGNATES_FILE = PROJECT_ROOT / "data" / "article" / "cognates.yml"
GLOSS_FILE = PROJECT_ROOT / "data" / "article" / "gloss.yml"


def table_lines(path: Path) -> Iterator[Tuple[int, Optional[Tuple[str, ...]], str]]:
    """(line number, the words of the line lower-cased or None when it is not a `words: meaning`
    line, what they mean) for each line of ``path`` that is not blank or a comment (none if the
    file is missing). The one reading of a table line: the answers, the detector and `make
    validate` all go through it."""
    if not path.exists():
        return
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        words, _, meaning = line.rpartition(":")
        alternatives = tuple(dict.fromkeys(w.strip().lower() for w in words.split("|") if w.strip()))
        yield number, (alternatives if alternatives and meaning.strip() else None), meaning.strip()


def read_word_table(path: Path) -> List[Tuple[Tuple[str, ...], str]]:
    """(the words of a line, lower-cased; what they mean), for every well-formed line of ``path``."""
    return [(words, meaning) for _, words, meaning in table_lines(path) if words]


def read_spellings(path: Path = SPELLINGS_FILE) -> Dict[str, str]:
    """Each spelling of ``path`` and the one English word it is read as (a later line wins)."""
    return {word: meaning.split()[0].lower() for words, meaning in read_word_table(path) for word in words}


Rewrite = Tuple[str, str, str]  # ("prefix" | "suffix", what is written, accents off; the English for it)


def without_accents(word: str) -> str:
    """``word`` with its accents taken off ("artroscòpia": "artroscopia")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def cognate_rewrites(words: Tuple[str, ...], meaning: str) -> Optional[List[Rewrite]]:
    """The rewrites of one cognates.yml line (``-ció | -cion: -tion`` endings, ``kir-: chir-``
    beginnings), or None when the line is neither (`make validate` says so)."""
    english = meaning.split()
    if len(english) != 1 or len(english[0]) < 2:
        return None
    target = english[0].lower()
    if target.startswith("-") and all(w.startswith("-") and len(w) > 1 for w in words):
        return [("suffix", without_accents(w[1:]), target[1:]) for w in words]
    if target.endswith("-") and all(w.endswith("-") and len(w) > 1 for w in words):
        return [("prefix", without_accents(w[:-1]), target[:-1]) for w in words]
    return None


def read_cognates(path: Path = COGNATES_FILE) -> List[Rewrite]:
    """The rewrites of ``path``, longest written form first; a malformed line is left out."""
    rewrites = [r for words, meaning in read_word_table(path) for r in cognate_rewrites(words, meaning) or ()]
    return sorted(rewrites, key=lambda r: -len(r[1]))
