"""Find the passage that answers a question, and compose a chat-sized answer from it.

The passage is chosen over the whole article (article/retrieval.py: BM25 over each passage's
words and example questions); the NLU intent and entities steer the ranking towards their
section and passage, without confining it. A clear best passage is answered; two close ones
become "did you mean" choices; a weak best match is "not covered".

An answer is the section's name, then the passage as a unit that stands alone: a list item with
its label, a list's lead-in together with its items, a paragraph cut only at a sentence that
does not end with ":". What did not fit is returned as `remaining`: references ("<passage id>"
or "<passage id>#<sentence index>", the latter only inside unlabelled paragraphs) that "tell me
more" continues with.
"""

import functools
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

import yaml

from actions.coverage import on_subject
from article.gloss import Glosser
from article.model import Article, Passage, Section
from article.retrieval import Match, Retriever, load_questions, load_vocabulary, tokens
from article.store import ArticleStore
from article.topics import TOPICS, Topic
from article.word_tables import (
    COGNATES_FILE,
    SPELLINGS_FILE,
    TRANSLATIONS_FILE,
    VOCABULARY_FILE,
    read_cognates,
    read_spellings,
)
from paths import PROJECT_ROOT

WORD_BUDGET = 80
ENTITY_PASSAGES_FILE = PROJECT_ROOT / "data" / "article" / "entity_passages.yml"
QUESTIONS_FILE = PROJECT_ROOT / "data" / "article" / "questions.yml"

# Ranking (calibrated on the tuning set tests/blind/answers_A.yml; docs/answers.md)
MIN_SCORE = 0.25  # a best match below this is "not covered"
MIN_SCORE_UNSTEERED = 0.30  # the same when the model found no article intent (out of scope, unsure)
STEER = 0.7  # passages of the intent's section score this much more
NAMED_BONUS = 0.6  # a passage an entity names gains this share of the best score
MIN_ASKED_FOR_OVERLAP = 3  # a question with this many words of its own ...
MIN_SHARED = 1  # ... must share this many with the passage (or its example questions)
DID_YOU_MEAN_RATIO = 0.97  # a runner-up this close to the best (another unit) makes a choice
# words any question may share with a passage's example questions ("which is best?")
_GENERIC = frozenset(tokens("best good better use one free way thing need want like can get"))
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(])")


@dataclass
class Answer:
    section: Section
    text: str
    passages: List[str]  # ids of the passages shown, in order
    remaining: List[str] = field(default_factory=list)
    listed: List[str] = field(default_factory=list)  # the items a list answer names, in order


# Retrievers by article revision and word tables: another Library over the same article and tables
# (the tests build one per test) reuses the one built first. Two kept: the revision in service and
# the one before it.
_RETRIEVERS: "OrderedDict[tuple, Retriever]" = OrderedDict()
_RETRIEVERS_KEPT = 2
_RETRIEVERS_LOCK = threading.Lock()


class Library:
    """The article in service, its ranker and the entity-to-passage map, reloaded on change."""

    def __init__(
        self,
        store: Optional[ArticleStore] = None,
        entity_file: Path = ENTITY_PASSAGES_FILE,
        questions_file: Path = QUESTIONS_FILE,
        vocabulary_file: Path = VOCABULARY_FILE,
        translations_file: Path = TRANSLATIONS_FILE,
        spellings_file: Path = SPELLINGS_FILE,
        cognates_file: Path = COGNATES_FILE,
    ):
        self._store = store
        self._entity_file = entity_file
        self._questions_file = questions_file
        self._vocabulary_file = vocabulary_file
        self._translations_file = translations_file
        self._spellings_file = spellings_file
        self._cognates_file = cognates_file
        self._retriever: Optional[Retriever] = None
        self._retriever_key: Optional[tuple] = None
        self._entity_map: Optional[Dict[str, Dict[str, str]]] = None
        self._entity_mtime: Optional[int] = None
        self._lock = threading.Lock()

    @property
    def store(self) -> ArticleStore:
        if self._store is None:
            self._store = ArticleStore.from_url()
        return self._store

    def current(self) -> Tuple[Article, Retriever]:
        """The article in service and its retriever, rebuilt when the article, the example
        questions or a word table changed (editors' edits take effect without a restart)."""
        article = self.store.current()
        files = (
            self._questions_file,
            self._vocabulary_file,
            self._translations_file,
            self._spellings_file,
            self._cognates_file,
        )
        key = (article.revision, *((str(f), _mtime(f)) for f in files))
        with self._lock:
            if self._retriever is None or self._retriever_key != key:
                with _RETRIEVERS_LOCK:
                    retriever = _RETRIEVERS.get(key)
                    if retriever is None:
                        retriever = Retriever(
                            article,
                            load_questions(self._questions_file),
                            load_vocabulary(self._vocabulary_file),
                            load_vocabulary(self._translations_file),
                            read_spellings(self._spellings_file),
                            read_cognates(self._cognates_file),
                        )
                        _RETRIEVERS[key] = retriever
                        while len(_RETRIEVERS) > _RETRIEVERS_KEPT:
                            _RETRIEVERS.popitem(last=False)
                    _RETRIEVERS.move_to_end(key)
                self._retriever = retriever
                self._retriever_key = key
            return self._retriever.article, self._retriever

    def entity_passages(self) -> Dict[str, Dict[str, str]]:
        """The map in data/article/entity_passages.yml, re-read only when the file changed."""
        mtime = self._entity_file.stat().st_mtime_ns
        if self._entity_map is None or self._entity_mtime != mtime:
            with open(self._entity_file, encoding="utf-8") as handle:
                self._entity_map = yaml.safe_load(handle) or {}
            self._entity_mtime = mtime
        return self._entity_map


def _mtime(path: Path) -> Optional[int]:
    return path.stat().st_mtime_ns if path.exists() else None


def sentences(text: str) -> List[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def is_lead_in(passage: Passage) -> bool:
    """A paragraph that ends by introducing a list ("Common symptoms include:")."""
    return passage.kind == "paragraph" and passage.text.rstrip().endswith(":")


def list_items(article: Article, lead_in: Passage) -> List[Passage]:
    """The items a lead-in introduces: those after it in its section, up to the next paragraph."""
    items = []
    for p in article.in_section(lead_in.section):
        if p.position <= lead_in.position:
            continue
        if p.kind != "item":
            break
        items.append(p)
    return items


def take(article: Article, refs: Sequence[str], budget: int = WORD_BUDGET, used: int = 0):
    """Render passages from refs until the word budget is spent, unit by unit.

    A labelled item is shown whole or not at all (the first thing shown is always shown whole);
    a paragraph may be cut at a sentence boundary, never after a sentence ending with ":". An
    answer that would end on a lead-in also names the items it introduces.
    Returns (lines, shown passage ids, remaining refs).
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
        words = sum(len(x.split()) for x in parts)
        if passage.label and (lines or used) and used + words > budget:
            return _close(article, lines, shown), shown, list(refs[index:])
        taken: List[str] = []
        for sentence in parts:
            size = len(sentence.split())
            if not passage.label and (lines or taken or used) and used + size > budget:
                break
            taken.append(sentence)
            used += size
        while len(taken) > 1 and len(taken) < len(parts) and taken[-1].endswith(":"):
            used -= len(taken.pop().split())  # never stop on a lead-in sentence
        if taken:
            label = f"{passage.label}: " if passage.label and start == 0 else ""
            lines.append(label + " ".join(taken))
            shown.append(passage.id)
        if len(taken) < len(parts):
            rest = [f"{passage.id}#{start + len(taken)}"]
            return _close(article, lines, shown), shown, rest + list(refs[index + 1 :])
    return _close(article, lines, shown), shown, []


def _close(article: Article, lines: List[str], shown: List[str]) -> List[str]:
    """An answer never ends on a lead-in: name the items it introduces."""
    last = article.passage(shown[-1]) if shown else None
    if last is not None and is_lead_in(last) and lines and lines[-1].rstrip().endswith(":"):
        items = list_items(article, last)
        if items:
            lines = lines[:-1] + [f"{lines[-1]} {', '.join(i.label for i in items if i.label)}."]
    return lines


def section_header(section: Section, subsection: Optional[str] = None) -> str:
    """'From the article's "Treatment Options" section:' (with ', under "Home Remedies"')."""
    under = f', under "{subsection}"' if subsection else ""
    return f'From the article\'s "{section.title}" section{under}:'


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


@dataclass
class Choice:
    """What to reply: an answer, a choice between close passages, or "not covered"."""

    answer: Optional[Answer] = None
    options: List[Passage] = field(default_factory=list)  # "did you mean", best first

    @property
    def covered(self) -> bool:
        return self.answer is not None or bool(self.options)


def _family(article: Article, passage: Passage) -> str:
    """Passages that answer the same thing: a lead-in and its items are one family."""
    if passage.kind == "item":
        before = [p for p in article.in_section(passage.section) if p.position < passage.position and p.kind != "item"]
        if before and is_lead_in(before[-1]):
            return before[-1].id
    return passage.id


# "why does a bad back make my knee hurt?", "how are they connected?": a question that asks why
# or how one leads to the other, or that names a cause ("I walk crooked, is it connected?"),
# is about the causes, though the model may read it as the overview's "can it?"
_ASKS_WHY = re.compile(
    r"\b(?:why\b(?![^?.!]{0,40}\b(?:important|matter|matters|treat|treated|should|benefit|good|need|know)\b)"
    r"[^?.!]{0,40}\b(?:make|makes|making|cause|causes|give|gives|lead|leads|hurt|hurts|affect|affects|ache|aches)\b|"
    r"what(?:'s| is)? (?:the )?reasons?\b|"
    r"how (?:does|do|did|can|could|would|is|are|r)\b[^?.!]{0,50}\b(?:connect\w*|link\w*|related|joined)\b|"
    r"by which way|how'?s that (?:work|happen)|how can this be|"
    r"how come\b[^?.!]{0,50}\b(?:affect\w*|hurt\w*|make\w*|cause\w*|give\w*|lead\w*|reach\w*|travel\w*|spread\w*))",
    re.IGNORECASE,
)
CAUSES_INTENT = "ask_causes"
OVERVIEW_SECTION = "overview"


def _steered_topic(topic: Optional[Topic], question: str, named: Iterable[str]) -> Optional[Topic]:
    """The topic to steer by: the model's, but the causes for an overview question that asks why
    or names a cause."""
    if topic is None or topic.section != OVERVIEW_SECTION:
        return topic
    if _ASKS_WHY.search(question) or any(pid.startswith("causes.") for pid in named):
        return TOPICS.get(CAUSES_INTENT, topic)
    return topic


def rank(
    library: Library, question: str, topic: Optional[Topic] = None, entities: Iterable[dict] = ()
) -> Tuple[Article, Retriever, List[Match]]:
    """All passages scored for the question, steered by the intent's topic and the entities."""
    article, retriever = library.current()
    matches = retriever.matches(question)
    best = matches[0].score if matches else 0.0
    named = set(entity_passage_ids(library, entities)) | set(retriever.named(question))
    topic = _steered_topic(topic, question, named)
    scope = {p.id for p in topic.scope(article)} if topic else set()
    if topic and not scope:
        scope = {p.id for p in article.in_section(topic.section)}
    if topic:  # "see a doctor about numbness?": the named point in the topic's own section
        named = {
            f"{topic.section}.{pid.split('.', 1)[1]}"
            if article.passage(f"{topic.section}.{pid.split('.', 1)[1]}")
            else pid
            for pid in named
        }
    steered = []
    for m in matches:
        score = m.score * (1 + STEER) if m.passage.id in scope else m.score
        if m.passage.id in named:
            score += NAMED_BONUS * max(best, MIN_SCORE)
        steered.append(Match(m.passage, score))
    steered.sort(key=lambda m: (-m.score, m.passage.position))
    return article, retriever, steered


def choose(
    library: Library,
    question: str,
    topic: Optional[Topic] = None,
    entities: Iterable[dict] = (),
    min_score: Optional[float] = None,
) -> Choice:
    article, retriever, ranked = rank(library, question, topic, entities)
    floor = min_score if min_score is not None else (MIN_SCORE if topic else MIN_SCORE_UNSTEERED)
    if not ranked or ranked[0].score < floor:
        return Choice()
    best = ranked[0]
    asked, shared = retriever.shared_terms(question, best.passage)
    if len(asked) >= MIN_ASKED_FOR_OVERLAP and len(shared) < MIN_SHARED:
        return Choice()  # one shared word is not enough ("buying a laptop" is not ergonomics)
    if (
        len(asked) >= MIN_ASKED_FOR_OVERLAP
        and len(shared - _GENERIC) <= 1
        # (translated again: a misspelling can be read as another language's word, "akupunktura" as
        # "acupuntura", whose English the translations then give)
        and not on_subject(retriever.translated(retriever.spelled(question)))
    ):
        return Choice()  # "the heat in Dakar at night": one word shared, nothing of health
    family = _family(article, best.passage)
    runner = next(
        (m for m in ranked[1:] if _family(article, m.passage) != family and m.passage.section != best.passage.section),
        None,
    )
    if runner is not None and runner.score >= DID_YOU_MEAN_RATIO * best.score:
        third = next(
            (
                m
                for m in ranked[1:]
                if m is not runner
                and _family(article, m.passage) not in (family, _family(article, runner.passage))
                and m.score >= DID_YOU_MEAN_RATIO * best.score
            ),
            None,
        )
        return Choice(options=[m.passage for m in (best, runner, third) if m is not None])
    return Choice(answer=answer_passage(article, best.passage))


def answer_passage(article: Article, passage: Passage) -> Answer:
    """The passage as a unit that stands alone, then the rest of its section for "tell me more"."""
    section = article.section(passage.section)
    in_section = article.in_section(passage.section)
    after = [p.id for p in in_section if p.position > passage.position]
    if is_lead_in(passage):
        items = list_items(article, passage)
        lead = f"{passage.text} {', '.join(i.label for i in items if i.label)}."
        used = len(lead.split())
        lines, shown, remaining = take(article, [i.id for i in items], used=used)
        if not shown:
            remaining = [i.id for i in items]
        rest = [r for r in after if r not in {i.id for i in items}]
        return Answer(
            section,
            "\n".join([section_header(section, passage.subsection), lead] + lines),
            [passage.id] + shown,
            remaining + rest,
            listed=[i.id for i in items],
        )
    return compose(article, section, [passage.id] + after, first=1)


_ORDINALS = {
    "first": 1,
    "1st": 1,
    "one": 1,
    "second": 2,
    "2nd": 2,
    "two": 2,
    "third": 3,
    "3rd": 3,
    "three": 3,
    "fourth": 4,
    "4th": 4,
    "four": 4,
    "fifth": 5,
    "5th": 5,
    "five": 5,
    "sixth": 6,
    "6th": 6,
    "six": 6,
}
_MENTION = re.compile(
    r"\b(?:(?P<ord>first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\b|"
    r"(?:number|no\.?|#|item|point)\s*(?P<num>[1-9]|one|two|three|four|five|six)\b|"
    r"(?P<last>\b(?:last|final) (?:one|item|point|thing)\b|\bthe last\b))",
    re.IGNORECASE,
)


def mentioned_item(text: str, listed: Sequence[str]) -> Optional[str]:
    """The listed item a short message points at ("explain the second one", "number 3", "that
    last one"), as knowledge-base actions resolve mentions; None when it points at none."""
    if not listed or len((text or "").split()) > 8:
        return None
    match = _MENTION.search(text or "")
    if not match:
        return None
    if match.group("last"):
        return listed[-1]
    word = (match.group("ord") or match.group("num") or "").lower()
    index = _ORDINALS.get(word, int(word) if word.isdigit() else 0)
    return listed[index - 1] if 1 <= index <= len(listed) else None


def answer_question(library: Library, topic: Topic, question: str, entities: Iterable[dict] = ()) -> Choice:
    """The answer to a question the model gave an article intent (its topic steers)."""
    return choose(library, f"{question} {topic.hint}".strip(), topic, entities)


def closest_answer(library: Library, choice: Choice) -> Optional[Answer]:
    """The choice's answer or, where it offers close passages, the closest one: for the rest of
    a turn (after an escalation, the answer to a safety question), where no choice is offered."""
    if choice.answer is None and choice.options:
        article, _ = library.current()
        return answer_passage(article, choice.options[0])
    return choice.answer


def answer_anywhere(library: Library, question: str) -> Optional[Answer]:
    """The article's best answer for a question no intent was confident about (or None), for
    the rest of a turn: of two close passages, the closer one."""
    return closest_answer(library, choose(library, question))


def understood_words() -> FrozenSet[str]:
    """Words the assistant reads: those of other languages the article's translations table reads
    as English, and the article's own words (none when the article can't be loaded: the language
    check then goes by English stop words alone)."""
    try:
        return library.current()[1].understood_words  # the same store check the answer makes next
    except Exception:
        return frozenset()


@functools.cache
def _glosser() -> Glosser:
    return Glosser()


def english_reading(text: str) -> Optional[str]:
    """The message read in English when it is written in a language of the gloss table
    (article.gloss: French, Spanish, Portuguese, French-based Creoles, Arabic in Latin letters,
    Swahili), else None."""
    glossed = _glosser().gloss(text.lower())
    return " ".join(glossed[0].split()) if glossed else None


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
