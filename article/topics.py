"""The topic table (data/topics.yml): which part of the article answers each question intent,
the question its button shows, and what to suggest next. Content, not code: the actions, the
greeting's buttons (rasa_ext/nlg.py) and the widget's example questions (widget/build.mjs) all
read the one file."""

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

from article.model import Article
from article.parse import slug
from paths import PROJECT_ROOT

TOPICS_FILE = PROJECT_ROOT / "data" / "topics.yml"


@dataclass(frozen=True)
class Topic:
    section: str
    question: str = ""  # the text of the button that asks for this topic
    subsection: Optional[str] = None  # a subsection whose heading's slug starts with this
    kinds: Tuple[str, ...] = ("item", "paragraph")
    hint: str = ""  # words that steer a generic question toward the right passages
    summary: bool = False  # a generic question first lists the section's points by label
    follow_ups: Tuple[str, ...] = ()  # intents offered as suggested questions

    def scope(self, article: Article):
        return [
            p
            for p in article.in_section(self.section)
            if p.kind in self.kinds
            and (self.subsection is None or slug(p.subsection or "").startswith(self.subsection))
        ]


@dataclass(frozen=True)
class TopicTable:
    topics: Dict[str, Topic]
    response_buttons: Dict[str, List[str]]  # domain response -> the intents of its buttons
    widget_starters: List[str]

    @property
    def questions(self) -> Dict[str, str]:
        return {intent: topic.question for intent, topic in self.topics.items()}

    def buttons(self, intents: List[str]) -> List[Dict[str, str]]:
        return [{"title": self.topics[i].question, "payload": f"/{i}"} for i in intents if i in self.topics]


def load_topics(path: Path = TOPICS_FILE) -> TopicTable:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    topics = {}
    for intent, fields in (data.get("topics") or {}).items():
        fields = dict(fields)
        for key in ("kinds", "follow_ups"):
            if key in fields:
                fields[key] = tuple(fields[key])
        topics[intent] = Topic(**fields)
    return TopicTable(
        topics=topics,
        response_buttons={name: list(intents) for name, intents in (data.get("response_buttons") or {}).items()},
        widget_starters=list(data.get("widget_starters") or []),
    )


TABLE = load_topics()
TOPICS: Dict[str, Topic] = TABLE.topics
QUESTIONS: Dict[str, str] = TABLE.questions
