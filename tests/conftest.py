import shutil
from pathlib import Path

import pytest

from article.ingest import article_path
from article.store import ArticleStore

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT.parent / "shared" / "article"


@pytest.fixture
def article_copy(tmp_path) -> Path:
    """A temporary copy of the editor's article, safe to edit."""
    copy = tmp_path / "article.md"
    shutil.copy(article_path(), copy)
    return copy


@pytest.fixture
def store(tmp_path) -> ArticleStore:
    return ArticleStore.from_url(f"sqlite:///{tmp_path / 'assistant.db'}")
