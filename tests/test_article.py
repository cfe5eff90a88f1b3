"""The article as data: seed import, parsing, the SQL store and ingestion."""

import pytest

from article.ingest import article_path, ingest
from article.model import SECTION_IDS
from article.parse import ArticleError, parse_article
from article.seed import seed_to_markdown
from tests.conftest import SEED_DIR

DEBRIS = ("Linear helps", "software projects", "bug tracking", "Source", "Discover how")


def test_seed_import_drops_page_debris_and_keeps_every_section():
    seed = next(SEED_DIR.glob("*.txt")).read_text(encoding="utf-8")
    markdown, dropped = seed_to_markdown(seed)
    assert "Back" in dropped and "Source" in dropped
    assert any("Linear helps" in line for line in dropped)
    article = parse_article(markdown)
    assert [s.id for s in article.sections] == list(SECTION_IDS)
    texts = " ".join(p.text for p in article.passages)
    for debris in DEBRIS:
        assert debris not in texts
    assert not any(p.text.strip() == "Back" for p in article.passages)


def test_committed_article_has_sections_passages_and_no_debris():
    article = parse_article(article_path().read_text(encoding="utf-8"))
    assert [s.id for s in article.sections] == list(SECTION_IDS)
    causes = [p for p in article.in_section("causes") if p.kind == "item"]
    assert [p.label for p in causes] == [
        "Nerve Compression",
        "Altered Biomechanics",
        "Muscle Imbalances",
        "Inflammation",
        "Degenerative Conditions",
        "Referred Pain",
    ]
    acupuncture = article.passage("treatment.acupuncture")
    assert acupuncture.subsection == "Alternative Therapies"
    assert acupuncture.text.startswith("This traditional Chinese medicine technique")
    assert "radicular pain" in article.passage("causes.nerve_compression").text
    full_text = " ".join(p.display for p in article.passages) + article.title
    for debris in DEBRIS:
        assert debris not in full_text


def test_passage_ids_are_stable_across_unrelated_edits(article_copy):
    before = parse_article(article_copy.read_text())
    edited = article_copy.read_text().replace(
        "This phenomenon is often referred to as radicular pain.",
        "This phenomenon is often called radicular pain.",
    )
    after = parse_article(edited)
    assert [p.id for p in before.passages] == [p.id for p in after.passages]
    assert before.revision != after.revision


@pytest.mark.parametrize(
    "broken, message",
    [
        ("", "empty"),
        ("# Title\n\n## Causes\n\nSome text.\n", "missing section"),
        ("Stray words\n\n## Introduction\n\nText.\n", "line 1: text before the first"),
        ("# T\n\n## Introduction\n\nText.\n\n## Recipes\n\nCake.\n", "unknown section heading"),
    ],
)
def test_broken_structure_is_refused_with_a_clear_message(broken, message):
    with pytest.raises(ArticleError, match=message):
        parse_article(broken)


def test_duplicate_label_in_a_section_is_refused(article_copy):
    text = article_copy.read_text().replace("- **Stiffness:**", "- **Swelling:**")
    with pytest.raises(ArticleError, match="listed twice"):
        parse_article(text)


def test_store_round_trip(store):
    article = parse_article(article_path().read_text(encoding="utf-8"))
    store.save(article)
    loaded = store.load()
    assert loaded.revision == article.revision
    assert [p.display for p in loaded.passages] == [p.display for p in article.passages]
    assert [s.title for s in loaded.sections] == [s.title for s in article.sections]


def test_reingested_article_is_picked_up_without_restart(store, article_copy):
    ingest(article_copy, store)
    first = store.current()
    assert "radicular pain" in first.passage("causes.nerve_compression").text
    article_copy.write_text(article_copy.read_text().replace("radicular pain", "radiculopathy (radicular pain)"))
    assert "ingested" in ingest(article_copy, store)
    second = store.current()
    assert second.revision != first.revision
    assert "radiculopathy" in second.passage("causes.nerve_compression").text


def test_broken_edit_is_refused_and_last_good_version_stays(store, article_copy):
    ingest(article_copy, store)
    good = store.current().revision
    article_copy.write_text(article_copy.read_text().replace("## Symptoms", "## Signs and things"))
    with pytest.raises(ArticleError, match="unknown section heading '## Signs and things'"):
        ingest(article_copy, store)
    assert store.current().revision == good


def test_unchanged_article_is_not_rewritten(store, article_copy):
    ingest(article_copy, store)
    assert "unchanged" in ingest(article_copy, store)
