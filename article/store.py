"""The ingested article in a SQL database (SQLAlchemy 1.4 Core).

A SQLite file under var/ by default; any SQLAlchemy URL through DATABASE_URL. Ingestion replaces
the article in one transaction, so a reader sees either the old or the new article, never half.
Readers call `ArticleStore.current()`, which re-reads only when the stored revision changed: the
action server picks up a re-ingested article without a restart.
"""

import logging
import threading
from typing import Optional

from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from article.model import Article, Passage, Section
from database import TableOwner, make_engine

logger = logging.getLogger(__name__)

metadata = MetaData()

article_meta = Table(
    "article_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
article_sections = Table(
    "article_sections",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("position", Integer, nullable=False),
)
article_passages = Table(
    "article_passages",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("section_id", String(64), ForeignKey("article_sections.id"), nullable=False),
    Column("subsection", Text),
    Column("kind", String(16), nullable=False),
    Column("label", Text),
    Column("text", Text, nullable=False),
    Column("position", Integer, nullable=False),
)


class ArticleStore(TableOwner):
    """The article as stored; its tables are created on first use (database.TableOwner)."""

    metadata = metadata

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self._cached: Optional[Article] = None
        self._lock = threading.Lock()

    @classmethod
    def from_url(cls, url: Optional[str] = None) -> "ArticleStore":
        return cls(make_engine(url))

    def save(self, article: Article) -> None:
        with self.engine.begin() as conn:
            conn.execute(article_passages.delete())
            conn.execute(article_sections.delete())
            conn.execute(article_meta.delete())
            conn.execute(
                article_sections.insert(),
                [{"id": s.id, "title": s.title, "position": s.position} for s in article.sections],
            )
            conn.execute(
                article_passages.insert(),
                [
                    {
                        "id": p.id,
                        "section_id": p.section,
                        "subsection": p.subsection,
                        "kind": p.kind,
                        "label": p.label,
                        "text": p.text,
                        "position": p.position,
                    }
                    for p in article.passages
                ],
            )
            conn.execute(
                article_meta.insert(),
                [{"key": "revision", "value": article.revision}, {"key": "title", "value": article.title}],
            )

    def revision(self) -> Optional[str]:
        with self.engine.connect() as conn:
            return conn.execute(select(article_meta.c.value).where(article_meta.c.key == "revision")).scalar()

    def load(self) -> Optional[Article]:
        with self.engine.connect() as conn:
            meta = dict(conn.execute(select(article_meta.c.key, article_meta.c.value)).all())
            if "revision" not in meta:
                return None
            sections = [
                Section(r.id, r.title, r.position)
                for r in conn.execute(select(article_sections).order_by(article_sections.c.position))
            ]
            passages = [
                Passage(r.id, r.section_id, r.subsection, r.kind, r.label, r.text, r.position)
                for r in conn.execute(select(article_passages).order_by(article_passages.c.position))
            ]
        return Article(meta.get("title", ""), meta["revision"], sections, passages)

    def current(self) -> Article:
        """The article in service, re-read only when a new revision was ingested. With the
        database unavailable or locked, the article already in service goes on being served."""
        try:
            revision = self.revision()
        except SQLAlchemyError:
            if self._cached is None:
                raise
            logger.warning("article store unavailable: serving revision %s", self._cached.revision)
            return self._cached
        with self._lock:
            if self._cached is None or self._cached.revision != revision:
                loaded = self.load()
                if loaded is None:
                    raise LookupError("no article ingested yet: run `make ingest`")
                self._cached = loaded
            return self._cached
