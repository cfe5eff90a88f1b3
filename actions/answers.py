"""Compose chat-sized answers from the article's own sentences.

An answer is the section's name, then passages in the order that fits the question, cut at a
sentence boundary near WORD_BUDGET words. What did not fit is returned as `remaining`: references
("<passage id>" or "<passage id>#<sentence index>") that "tell me more" continues with.
"""
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import yaml

from actions.topics import Topic
from article.model import Article, Passage, Section
from article.search import PassageRanker
from article.store import ArticleStore
from database import PROJECT_ROOT

WORD_BUDGET = 80
SPECIFIC_SCORE = 0.12  # below this, a question is treated as generic for its topic
ENTITY_PASSAGES_FILE = PROJECT_ROOT / "data" / "article" / "entity_passages.yml"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(])")


@dataclass
class Answer:
    section: Section
    text: str
    passages: List[str]  # ids of the passages shown, in order
    remaining: List[str] = field(default_factory=list)


class Library:
    """The article in service, its ranker and the entity-to-passage map, reloaded on change."""

    def __init__(self, store: Optional[ArticleStore] = None, entity_file: Path = ENTITY_PASSAGES_FILE):
        self._store = store
        self._entity_file = entity_file
        self._ranker: Optional[PassageRanker] = None
        self._entity_map: Optional[Dict[str, Dict[str, str]]] = None
        self._entity_mtime: Optional[int] = None
        self._lock = threading.Lock()

    @property
    def store(self) -> ArticleStore:
        if self._store is None:
            self._store = ArticleStore.from_url()
        return self._store

    def current(self) -> Tuple[Article, PassageRanker]:
        article = self.store.current()
        with self._lock:
            if self._ranker is None or self._ranker.article is not article:
                self._ranker = PassageRanker(article)
            return article, self._ranker

    def entity_passages(self) -> Dict[str, Dict[str, str]]:
        """The map in data/article/entity_passages.yml, re-read only when the file changed."""
        mtime = self._entity_file.stat().st_mtime_ns
        if self._entity_map is None or self._entity_mtime != mtime:
            with open(self._entity_file, encoding="utf-8") as handle:
                self._entity_map = yaml.safe_load(handle) or {}
            self._entity_mtime = mtime
        return self._entity_map


def sentences(text: str) -> List[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def _lead_for(article: Article, item: Passage) -> str:
    """The words that introduce a list item: its subsection, or a preceding 'include:' line."""
    if item.subsection:
        return f"{item.subsection}:"
    before = [
        p for p in article.in_section(item.section)
        if p.kind == "paragraph" and p.position < item.position
    ]
    if before:
        last = sentences(before[-1].text)[-1]
        if last.endswith(":"):
            return last
    return ""


def _is_lead_only(passage: Passage) -> bool:
    """A paragraph that only introduces a list ("Common symptoms include:")."""
    return passage.kind == "paragraph" and len(sentences(passage.text)) == 1 and passage.text.endswith(":")


def summary_line(article: Article, items: Sequence[Passage]) -> str:
    """'Common symptoms include: Localized Pain, Stiffness. Less common ...: Swelling, ...'"""
    groups: List[Tuple[str, List[str]]] = []
    for item in items:
        lead = _lead_for(article, item)
        if groups and groups[-1][0] == lead:
            groups[-1][1].append(item.label)
        else:
            groups.append((lead, [item.label]))
    return " ".join(f"{lead} {', '.join(labels)}.".strip() for lead, labels in groups)


def take(article: Article, refs: Sequence[str], budget: int = WORD_BUDGET, used: int = 0):
    """Render passages from refs until the word budget is spent.

    Returns (lines, shown passage ids, remaining refs). At least one sentence is always taken.
    """
    lines: List[str] = []
    shown: List[str] = []
    for index, ref in enumerate(refs):
        passage_id, _, start_text = ref.partition("#")
        passage = article.passage(passage_id)
        start = int(start_text) if start_text.isdigit() else 0
        if passage is None:
            continue  # the article changed since this reference was made
        parts = sentences(passage.text)[start:]
        taken: List[str] = []
        for sentence in parts:
            words = len(sentence.split())
            if (lines or taken or used) and used + words > budget:
                break
            taken.append(sentence)
            used += words
        if taken:
            label = f"{passage.label}: " if passage.label and start == 0 else ""
            lines.append(label + " ".join(taken))
            shown.append(passage.id)
        if len(taken) < len(parts):
            rest = [f"{passage.id}#{start + len(taken)}"]
            return lines, shown, rest + list(refs[index + 1:])
    return lines, shown, []


def section_header(section: Section) -> str:
    return f'From the article\'s "{section.title}" section:'


def compose(
    article: Article, section: Section, refs: Sequence[str], lead: str = "", first: Optional[int] = None
) -> Answer:
    """Render refs under the section's name; only the first `first` refs are shown now."""
    first = len(refs) if first is None else first
    lines, shown, remaining = take(article, refs[:first], used=len(lead.split()))
    body = ([lead] if lead else []) + lines
    return Answer(section, "\n".join([section_header(section)] + body), shown, remaining + list(refs[first:]))


def entity_passage_ids(library: Library, entities: Iterable[dict]) -> List[str]:
    mapping = library.entity_passages()
    found: List[str] = []
    for entity in entities:
        passage_id = mapping.get(entity.get("entity"), {}).get(str(entity.get("value")))
        if passage_id and passage_id not in found:
            found.append(passage_id)
    return found


def answer_question(
    library: Library, topic: Topic, question: str, entities: Iterable[dict] = ()
) -> Answer:
    article, ranker = library.current()
    named = [article.passage(pid) for pid in entity_passage_ids(library, entities)]
    # "see a doctor about numbness?": the same point in the topic's own section, where it has one
    named = [article.passage(f"{topic.section}.{p.id.split('.', 1)[1]}") or p for p in named if p]
    if named:
        first = named[0]
        related = [
            p for p in article.in_section(first.section)
            if p.subsection == first.subsection and p.kind == first.kind and p not in named
        ]
        refs = [p.id for p in named + related]
        return compose(article, article.section(first.section), refs, first=len(named))

    section = article.section(topic.section)
    scope = topic.scope(article) or article.in_section(topic.section)
    ranked = ranker.rank(f"{question} {topic.hint}", scope)
    relevant = [p for p, score in zip(scope, ranker.scores(question, scope)) if score >= SPECIFIC_SCORE]
    if relevant:  # the question names something specific: those passages first, the rest later
        refs = [p.id for p, _ in ranked]
        refs = [r for r in refs if article.passage(r) in relevant] + [
            r for r in refs if article.passage(r) not in relevant
        ]
        return compose(article, section, refs, first=len(relevant))
    items = [p for p in scope if p.kind == "item" and p.label]
    if topic.summary and items:  # list the points by label, then read them and the rest in turn
        rest = [p for p in scope if p not in items and not _is_lead_only(p)]
        return compose(article, section, [p.id for p in items + rest], lead=summary_line(article, items))
    # A generic question: read on in article order from the passage that fits the topic best.
    start = scope.index(ranked[0][0])
    return compose(article, section, [p.id for p in scope[start:] + scope[:start]])


def answer_anywhere(library: Library, question: str) -> Optional[Answer]:
    """The article's best-matching passages for a question no intent was confident about."""
    article, ranker = library.current()
    ranked = ranker.rank(question, article.passages)
    if not ranked or ranked[0][1] < SPECIFIC_SCORE:
        return None
    section = article.section(ranked[0][0].section)
    in_section = [(p, score) for p, score in ranked if p.section == section.id]
    relevant = [p for p, score in in_section if score >= SPECIFIC_SCORE]
    return compose(article, section, [p.id for p, _ in in_section], first=len(relevant))


def continue_answer(library: Library, refs: Sequence[str]) -> Optional[Answer]:
    """The next part of an answer for "tell me more", or None when nothing is left."""
    if not refs:
        return None
    article, _ = library.current()
    section = article.section(refs[0].split(".", 1)[0])
    if section is None:
        return None
    answer = compose(article, section, refs)
    return answer if answer.passages else None


library = Library()  # the action server's article, shared by every action
