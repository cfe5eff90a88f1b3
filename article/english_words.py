"""English word tables from spacy-lookups-data, held compact: the word forms that are never
"corrected", and the lookup lemmas.

Read by the red-flag detector (safety.spelling, safety.phrases, safety.areas, safety.lemmas) and
by the article retriever (article.retrieval). Apart from spaCy on purpose: the action server reads
the word list without loading spaCy.

The package's tables are JSON: about 41,000 lemma pairs and 124,000 word forms. Parsed into Python
dicts and sets they cost each server process about 35 MB for good (what the parse leaves behind
is not given back); as marisa tries they are two files under ``var/cache`` of under 1 MB,
memory-mapped. The files are written once per spacy-lookups-data version by ``python -m
article.english_words`` (``make ingest`` runs it; a process that finds them missing runs it as a
child), so that no server process ever parses the JSON.
"""

import functools
import importlib.metadata
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Collection, Dict, Iterable, Tuple

import marisa_trie

from paths import PROJECT_ROOT, VAR_DIR

logger = logging.getLogger(__name__)

CACHE_DIR = VAR_DIR / "cache"
_BUILD_TIMEOUT = 300


class Lemmas:
    """spaCy's English lookup lemmas (``en_lemma_lookup``): a word form to its lemma."""

    def __init__(self, trie: marisa_trie.BytesTrie) -> None:
        self._trie = trie

    def get(self, word: str, default: str) -> str:
        found = self._trie.get(word)
        return found[0].decode() if found else default

    def __len__(self) -> int:
        return len(self._trie)


def _files(directory: Path) -> Dict[str, Path]:
    version = importlib.metadata.version("spacy-lookups-data")
    return {
        "words": directory / f"english-words-{version}.marisa",
        "lemmas": directory / f"english-lemmas-{version}.marisa",
    }


def _read_package() -> Tuple[set, Dict[str, str]]:
    import spacy_lookups_data
    import srsly

    lookup = srsly.read_gzip_json(spacy_lookups_data.get_file("en_lemma_lookup.json.gz"))
    index = srsly.read_gzip_json(spacy_lookups_data.get_file("en_lemma_index.json.gz"))
    words = set(lookup) | set(lookup.values())
    for entries in index.values():
        words.update(w for w in entries if "_" not in w)
    return words, lookup


def _tries(words: Iterable[str], lookup: Dict[str, str]) -> Dict[str, marisa_trie.Trie]:
    return {
        "words": marisa_trie.Trie(words),
        "lemmas": marisa_trie.BytesTrie((form, lemma.encode()) for form, lemma in lookup.items()),
    }


def build(directory: Path = CACHE_DIR) -> None:
    """Write the two tries for the installed spacy-lookups-data (atomically: readers that have the
    old files mapped keep them)."""
    directory.mkdir(parents=True, exist_ok=True)
    files = _files(directory)
    for name, trie in _tries(*_read_package()).items():
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}-", suffix=".tmp")
        os.close(handle)
        try:
            trie.save(temporary)
            os.chmod(temporary, 0o644)  # mkstemp's file is the owner's alone
            os.replace(temporary, files[name])
        finally:
            if os.path.exists(temporary):
                os.remove(temporary)


@functools.cache
def _tables() -> Tuple[Collection[str], Lemmas]:
    files = _files(CACHE_DIR)
    if not all(path.exists() for path in files.values()):
        try:
            subprocess.run(
                [sys.executable, "-m", "article.english_words", str(CACHE_DIR)],
                cwd=PROJECT_ROOT,
                check=True,
                capture_output=True,
                timeout=_BUILD_TIMEOUT,
            )
        except (OSError, subprocess.SubprocessError) as error:
            detail = getattr(error, "stderr", None) or b""
            logger.warning("English word tables not cached (%s %s); read in this process", error, detail[-300:])
    try:
        words, lemmas = marisa_trie.Trie(), marisa_trie.BytesTrie()
        words.mmap(str(files["words"]))
        lemmas.mmap(str(files["lemmas"]))
    except Exception:  # no cache (read-only disk, build failed): the same tables, in memory
        tries = _tries(*_read_package())
        words, lemmas = tries["words"], tries["lemmas"]
    return words, Lemmas(lemmas)


def known_english_words() -> Collection[str]:
    """Word forms in spacy-lookups-data's English lemma tables (``word in known_english_words()``)."""
    return _tables()[0]


def english_lemmas() -> Lemmas:
    """spacy-lookups-data's English lookup lemmas."""
    return _tables()[1]


if __name__ == "__main__":
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else CACHE_DIR
    if not all(path.exists() for path in _files(directory).values()):
        build(directory)
