"""The content editor's workflow, for real: add an example question and a story to a copy of the
project, run `make validate` and `make train` there, and ask the retrained assistant.

This trains a second model, so it takes minutes. The copy's DIETClassifier trains for
TEST_EPOCHS instead of config.yml's epochs: what is under test is that the editor's additions
reach the retrained assistant, not the model's accuracy (tests/test_rasa.py and the blind sets
measure the real model); at 40 epochs this one test took almost six minutes of a CI run."""

import os
import re
import shutil
import subprocess

import pytest

from article.ingest import ingest
from article.store import ArticleStore
from tests.conftest import ROOT
from tests.servers import Servers, new_sender, payloads, texts

COPIED = [
    "config.yml",
    "domain.yml",
    "endpoints.yml",
    "credentials.yml",
    "Makefile",
    "database.py",
    "paths.py",
    "workers.py",
    "requirements.txt",
    "constraints.txt",
    "data",
    "actions",
    "article",
    "safety",
    "nlu_components",
    "rasa_ext",
    "channels",
    "content",
    "operations",
    "scripts",
]
NEW_EXAMPLES = """\
    - would a standing desk at work help my back and knees
    - should i get a standing desk
    - is a standing desk worth it for recovery
    - does using a standing desk help while i recover
"""
NEW_STORY = """\
version: "3.1"

stories:
  - story: asking about a standing desk while recovering
    steps:
      - intent: ask_recovery_tips
      - action: action_answer_article
      - intent: thanks
      - action: action_chitchat
"""


TEST_EPOCHS = 12


def make(project, target):
    env = {k: v for k, v in os.environ.items() if k not in ("MODEL", "DATABASE_URL", "TRACKER_STORE_URL")}
    return subprocess.run(["make", "-s", target], cwd=project, env=env, capture_output=True, text=True, timeout=1800)


@pytest.fixture
def project(tmp_path):
    copy = tmp_path / "project"
    copy.mkdir()
    for name in COPIED:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, copy / name)  # keeps mtimes: no reinstall
    (copy / ".venv").symlink_to(ROOT / ".venv")
    config = copy / "config.yml"
    text = config.read_text()
    assert text.count("    epochs: ") == 1, "config.yml has one epochs setting, DIETClassifier's"
    config.write_text(re.sub(r"(?m)^    epochs: \d+$", f"    epochs: {TEST_EPOCHS}", text))
    return copy


@pytest.mark.e2e  # trains a model
def test_editor_adds_a_question_and_a_story_and_the_retrained_assistant_follows_them(project, tmp_path):
    nlu = project / "data" / "nlu" / "article.yml"
    header = "- intent: ask_recovery_tips\n  examples: |\n"
    nlu.write_text(nlu.read_text().replace(header, header + NEW_EXAMPLES))
    (project / "data" / "stories" / "standing_desk.yml").write_text(NEW_STORY)

    validated = make(project, "validate")
    assert validated.returncode == 0, validated.stdout[-3000:] + validated.stderr[-3000:]
    assert "Content checks passed" in validated.stdout

    trained = make(project, "train")
    assert trained.returncode == 0, trained.stdout[-3000:] + trained.stderr[-3000:]
    models = sorted((project / "models").glob("model-*.tar.gz"))
    assert len(models) == 1
    assert models[0].name != os.path.basename(os.environ.get("MODEL", "")), "the fingerprint changed"
    assert "Training" not in make(project, "train").stdout, "nothing changed: no second training"

    servers = Servers(str(models[0]), tmp_path)
    ingest(store=ArticleStore.from_url(servers.env["DATABASE_URL"]))
    servers.start_actions()
    servers.start_rasa()
    try:
        sender = new_sender()
        replies = servers.say(sender, "is a standing desk a good idea for my back and knees?")
        answer = payloads(replies)[0]
        assert answer["kind"] == "answer" and answer["section"] == "recovery"
        assert "recovery" in texts(replies).lower()
        thanks = servers.say(sender, "thanks!")
        assert "You're welcome" in texts(thanks)
    finally:
        servers.stop()
