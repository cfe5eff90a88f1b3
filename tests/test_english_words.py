"""The English word tables (article.english_words): the package's words and lemmas, exactly, from
memory-mapped tries; read in memory when no cache can be written; and the red-flag pipeline's
lemmatizer lemmatizes as spaCy's lookup lemmatizer does."""

import spacy

from article import english_words
from safety.lemmas import LookupLemmatizer


def _fresh_tables(monkeypatch, directory):
    monkeypatch.setattr(english_words, "CACHE_DIR", directory)
    english_words._tables.cache_clear()
    try:
        return english_words.known_english_words(), english_words.english_lemmas()
    finally:
        english_words._tables.cache_clear()


def test_the_cached_tables_hold_the_packages_words_and_lemmas_exactly(tmp_path, monkeypatch):
    words, lemmas = _fresh_tables(monkeypatch, tmp_path / "cache")
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted(
        p.name for p in english_words._files(tmp_path / "cache").values()
    )  # written by the child process, no temporary file left
    package_words, package_lemmas = english_words._read_package()  # the JSON read plainly: what the tries replace
    assert set(words.keys()) == package_words
    assert all(lemmas.get(form, form) == lemma for form, lemma in package_lemmas.items())
    assert len(lemmas) == len(package_lemmas)
    assert "knees" in words and "kneez" not in words
    assert lemmas.get("went", "went") == "go" and lemmas.get("kneez", "kneez") == "kneez"


def test_without_a_writable_cache_the_same_tables_are_read_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    words, lemmas = _fresh_tables(monkeypatch, blocker / "cache")
    assert not (blocker / "cache").exists()
    package_words, package_lemmas = english_words._read_package()
    assert set(words.keys()) == package_words
    assert lemmas.get("bladders", "bladders") == package_lemmas["bladders"]


def test_the_red_flag_lemmatizer_agrees_with_spacys_lookup_lemmatizer():
    text = "My Legs were giving way, I WAS peeing less and the feet went numb; Knees ached, wiped, leaking"
    spacys = spacy.blank("en")
    spacys.add_pipe("lemmatizer", config={"mode": "lookup"})
    spacys.initialize()
    ours = spacy.blank("en")
    ours.add_pipe("red_flag_lemmatizer")
    expected = [t.lemma_ for t in spacys(text)]
    assert [t.lemma_ for t in ours(text)] == expected
    assert "give" in expected and "go" in expected  # the table is used, not the words as written
    lemmatizer = LookupLemmatizer()
    assert [lemmatizer.lemma_of(t.text) for t in spacy.blank("en")(text)] == expected
