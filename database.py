"""The project's own SQL database (SQLAlchemy 1.4): a SQLite file under var/ by default, any
SQLAlchemy URL through DATABASE_URL."""

import os
from pathlib import Path
from typing import Optional

from sqlalchemy import MetaData, create_engine
from sqlalchemy.engine import Engine

from paths import VAR_DIR

DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'assistant.db'}"


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL


def make_engine(url: Optional[str] = None) -> Engine:
    url = url or database_url()
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(url, future=True, pool_pre_ping=True)


class TableOwner:
    """Holds an engine (made on first use unless given) whose tables are created once."""

    metadata: MetaData

    def __init__(self, engine: Optional[Engine] = None) -> None:
        self._engine = engine
        self._tables_ready = False

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine()
        if not self._tables_ready:
            self.metadata.create_all(self._engine)
            self._tables_ready = True
        return self._engine
