import os
import shutil
import subprocess
from pathlib import Path

import pytest

from article.ingest import article_path
from article.store import ArticleStore
from paths import PROJECT_ROOT as ROOT

SEED_DIR = ROOT / "data" / "article" / "source"

# tests/scale needs PostgreSQL, Redis, RabbitMQ and nginx: `make test-scale` starts them and sets
# SCALE_TEST=1; `make test` leaves it out.
collect_ignore = [] if os.environ.get("SCALE_TEST") else ["scale"]


@pytest.fixture
def article_copy(tmp_path) -> Path:
    """A temporary copy of the editor's article, safe to edit."""
    copy = tmp_path / "article.md"
    shutil.copy(article_path(), copy)
    return copy


@pytest.fixture
def store(tmp_path) -> ArticleStore:
    return ArticleStore.from_url(f"sqlite:///{tmp_path / 'assistant.db'}")


RASA = str(ROOT / ".venv" / "bin" / "rasa")

# A test that asks for one of these, directly or through another fixture, is end to end.
E2E_FIXTURES = {"model", "servers", "web", "chat", "new_page", "browser"}


def pytest_collection_modifyitems(items):
    """Mark end-to-end tests by what they use, so `make test-unit` (-m "not e2e") needs no model,
    no server and no browser."""
    for item in items:
        if E2E_FIXTURES & set(getattr(item, "fixturenames", ())) or "browser" in item.nodeid:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def model() -> str:
    """The trained model `make test` built (the Makefile exports its path as MODEL)."""
    path = ROOT / os.environ.get("MODEL", "models/missing.tar.gz")
    if not path.is_file():
        pytest.fail(f"no trained model at {path}: run the tests with `make test`")
    return str(path)


def run_rasa(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([RASA, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def webhook():
    from tests.servers import WebhookReceiver

    receiver = WebhookReceiver()
    yield receiver
    receiver.close()


@pytest.fixture(scope="session")
def callback():
    """Receives the callback channel's replies."""
    from tests.servers import WebhookReceiver

    receiver = WebhookReceiver()
    yield receiver
    receiver.close()


@pytest.fixture(scope="session")
def servers(model, webhook, callback, tmp_path_factory):
    """Both servers, started once for every end-to-end test, on their own databases."""
    from article.ingest import ingest
    from tests.servers import Servers

    running = Servers(model, tmp_path_factory.mktemp("e2e"))
    running.env["HANDOFF_WEBHOOK_URL"] = webhook.url
    running.env["CALLBACK_URL"] = callback.url
    ingest(store=ArticleStore.from_url(running.env["DATABASE_URL"]))
    running.start_actions()
    running.start_rasa()
    yield running
    running.stop()
