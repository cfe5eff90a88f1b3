"""The content team's checks, run by `make validate` after `rasa data validate`.

Each problem is reported as `file:line: what is wrong. How to fix it.` and the exit code is 1 when
there is any. The checks:
- the article parses into the expected sections;
- the topic table (data/topics.yml) names domain intents, article sections and its own topics;
- every article section is answered by at least one intent;
- every entity value used in the examples is mapped to a passage that exists;
- no example question is listed under two intents;
- stories and rules use only intents and actions that the domain knows;
- each line of the word tables (data/article/vocabulary.yml, translations.yml, spellings.yml) is
  `words: meaning`, a word is on one line only, and a spelling means one word.
"""

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import yaml
from rasa.shared.core.constants import DEFAULT_ACTION_NAMES, DEFAULT_INTENTS

from article.ingest import article_path
from article.model import SECTION_IDS, Article
from article.parse import ArticleError, parse_article
from article.topics import TopicTable, load_topics
from article.word_tables import (
    COGNATES_FILE,
    GLOSS_FILE,
    SPELLINGS_FILE,
    TRANSLATIONS_FILE,
    VOCABULARY_FILE,
    cognate_rewrites,
    table_lines,
)
from paths import PROJECT_ROOT

ENTITY_FILE = Path("data/article/entity_passages.yml")
TOPICS_FILE = Path("data/topics.yml")
DOMAIN_FILE = Path("domain.yml")
# Rasa's own actions and intents, which a domain may use without declaring them
BUILT_IN_ACTIONS = frozenset(DEFAULT_ACTION_NAMES)
BUILT_IN_INTENTS = frozenset(DEFAULT_INTENTS)
_ANNOTATION = re.compile(r"\[(?P<text>[^\]]+)\](?:\((?P<entity>[^)]+)\)|(?P<json>\{[^}]*\}))")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def nlu_examples(root: Path) -> Iterator[Tuple[Path, int, str, str]]:
    """(file, line, intent, example text) for every NLU example under data/nlu."""
    for path in sorted((root / "data" / "nlu").glob("*.yml")):
        intent: Optional[str] = None
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            header = re.match(r"^\s*-\s*(intent|synonym|regex|lookup):\s*(\S+)", line)
            if header:
                intent = header.group(2) if header.group(1) == "intent" else None
                continue
            example = re.match(r"^\s+-\s+(.+?)\s*$", line)
            if intent and example:
                yield path, number, intent, example.group(1)


def synonym_targets(root: Path) -> Dict[str, Tuple[Path, int]]:
    found = {}
    for path in sorted((root / "data" / "nlu").glob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = re.match(r"^\s*-\s*synonym:\s*(\S+)", line)
            if match:
                found[match.group(1)] = (path, number)
    return found


def plain_text(example: str) -> str:
    return _ANNOTATION.sub(lambda m: m.group("text"), example)


def annotated_values(example: str) -> List[Tuple[str, str]]:
    """(entity type, value) of each annotation, after synonyms: the value, or the text itself."""
    values = []
    for match in _ANNOTATION.finditer(example):
        if match.group("json"):
            try:
                data = yaml.safe_load(match.group("json"))
            except yaml.YAMLError:
                continue
            values.append((data.get("entity"), str(data.get("value", match.group("text")))))
        else:
            values.append((match.group("entity").split(":")[0], match.group("text")))
    return values


def check_article(root: Path) -> Tuple[List[Problem], Optional[Article]]:
    try:
        return [], parse_article(article_path(root / "data" / "article").read_text(encoding="utf-8"))
    except ArticleError as error:
        match = re.search(r"line (\d+)", str(error))
        return [
            Problem(
                "data/article/*.md",
                int(match.group(1)) if match else 1,
                f"{error}. Fix the article's structure; the last good version stays in service",
            )
        ], None


def _domain(root: Path) -> dict:
    return yaml.safe_load((root / DOMAIN_FILE).read_text(encoding="utf-8")) or {}


def _domain_intents(domain: dict) -> set:
    return {i if isinstance(i, str) else next(iter(i)) for i in domain.get("intents", [])} | BUILT_IN_INTENTS


def check_topics(root: Path, domain: dict) -> Tuple[List[Problem], Optional[TopicTable]]:
    """data/topics.yml: every topic an intent of the domain and a section of the article, every
    button, follow-up and widget starter a topic with a question."""
    path = str(TOPICS_FILE)
    try:
        table = load_topics(root / TOPICS_FILE)
    except (yaml.YAMLError, TypeError, AttributeError, ValueError) as error:
        return [Problem(path, 1, f"cannot read the topic table: {error}")], None
    intents = _domain_intents(domain)
    lines = (root / TOPICS_FILE).read_text(encoding="utf-8").splitlines()

    def line_of(name: str) -> int:
        """The line that defines `name` (`  name:`), else the first that mentions it."""
        for pattern in (rf"^\s*{re.escape(name)}:", rf"\b{re.escape(name)}\b"):
            found = next((n for n, line in enumerate(lines, start=1) if re.search(pattern, line)), None)
            if found:
                return found
        return 1

    problems = []
    for intent, topic in table.topics.items():
        if intent not in intents:
            problems.append(Problem(path, line_of(intent), f"'{intent}' is not an intent of domain.yml"))
        if topic.section not in SECTION_IDS:
            problems.append(
                Problem(
                    path, line_of(intent), f"'{intent}': unknown section '{topic.section}' ({', '.join(SECTION_IDS)})"
                )
            )
        if not topic.question.strip():
            problems.append(Problem(path, line_of(intent), f"'{intent}' has no question for its button"))
    named = [(f"follow-up of {i}", f) for i, t in table.topics.items() for f in t.follow_ups]
    named += [(f"button of {r}", i) for r, intents_ in table.response_buttons.items() for i in intents_]
    named += [("widget starter", i) for i in table.widget_starters]
    for where, intent in named:
        if intent not in table.topics:
            problems.append(Problem(path, line_of(intent), f"{where}: '{intent}' is not a topic in this file"))
    return problems, table


def check_sections_reachable(article: Article, entity_map: dict, table: TopicTable) -> List[Problem]:
    reachable = {topic.section for topic in table.topics.values()}
    reachable |= {pid.split(".")[0] for values in entity_map.values() for pid in values.values()}
    return [
        Problem(
            str(TOPICS_FILE),
            1,
            f"article section '{section}' is not answered by any intent. "
            "Add a topic for it (a programmer's change) or remove the section",
        )
        for section in SECTION_IDS
        if section not in reachable
    ]


def check_entity_values(root: Path, article: Optional[Article], entity_map: dict) -> List[Problem]:
    problems = []
    entity_file = root / ENTITY_FILE
    lines = entity_file.read_text(encoding="utf-8").splitlines()

    def line_of(text: str) -> int:
        return next((i for i, line in enumerate(lines, 1) if text in line), 1)

    for _entity, values in entity_map.items():
        for value, passage_id in values.items():
            if article and article.passage(passage_id) is None:
                problems.append(
                    Problem(
                        _rel(entity_file, root),
                        line_of(f"{value}:"),
                        f"'{value}' points to passage '{passage_id}', which the article "
                        "does not have. Use an id like 'treatment.acupuncture' (section, then "
                        "the point's label) or 'recovery.p2' (second paragraph)",
                    )
                )
    seen = set()
    for path, number, _intent, example in nlu_examples(root):
        for entity, value in annotated_values(example):
            if entity in entity_map and value not in entity_map[entity] and (entity, value) not in seen:
                seen.add((entity, value))
                problems.append(
                    Problem(
                        _rel(path, root),
                        number,
                        f"{entity} value '{value}' is not mapped to a passage. Add "
                        f"'{value}: <passage id>' under '{entity}:' in {ENTITY_FILE}, or "
                        "annotate the example with an existing value",
                    )
                )
    for value, (path, number) in synonym_targets(root).items():
        if not any(value in values for values in entity_map.values()):
            problems.append(
                Problem(
                    _rel(path, root),
                    number,
                    f"synonym '{value}' is not mapped to a passage in {ENTITY_FILE}. "
                    "Add it there under its entity type",
                )
            )
    return problems


def check_duplicates(root: Path) -> List[Problem]:
    first: Dict[str, Tuple[Path, int, str]] = {}
    problems = []
    for path, number, intent, example in nlu_examples(root):
        key = re.sub(r"[^a-z0-9 ]", "", plain_text(example).lower()).strip()
        key = re.sub(r"\s+", " ", key)
        if key in first and first[key][2] != intent:
            other_path, other_line, other_intent = first[key]
            problems.append(
                Problem(
                    _rel(path, root),
                    number,
                    f"'{plain_text(example)}' is listed under '{intent}' and under "
                    f"'{other_intent}' ({_rel(other_path, root)}:{other_line}). Keep it under one "
                    "intent only",
                )
            )
        first.setdefault(key, (path, number, intent))
    return problems


def check_stories(root: Path, domain: dict) -> List[Problem]:
    intents = _domain_intents(domain)
    actions = set(domain.get("actions", [])) | set(domain.get("responses", {})) | BUILT_IN_ACTIONS
    problems = []
    files = sorted((root / "data" / "stories").glob("*.yml")) + [root / "data" / "rules.yml"]
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = re.match(r"^\s*-?\s*(intent|action):\s*(\S+)\s*$", line)
            if not match:
                continue
            kind, name = match.groups()
            if kind == "intent" and name not in intents:
                problems.append(
                    Problem(
                        _rel(path, root),
                        number,
                        f"unknown intent '{name}'. Use one listed under 'intents:' in "
                        f"domain.yml ({', '.join(sorted(i for i in intents if i.startswith('ask_'))[:4])}, ...) "
                        "or add it there with examples in data/nlu",
                    )
                )
            if kind == "action" and name not in actions:
                problems.append(
                    Problem(
                        _rel(path, root),
                        number,
                        f"unknown action '{name}'. Use a response from domain.yml "
                        "(utter_...) or one of its actions (action_answer_article, ...)",
                    )
                )
    return problems


WORD_TABLES = (VOCABULARY_FILE, TRANSLATIONS_FILE, SPELLINGS_FILE, COGNATES_FILE)


def check_word_tables(root: Path) -> List[Problem]:
    """Every line `word | another: meaning`; a word on one line only (on two it would read two
    ways); a spelling (spellings.yml) read as one English word."""
    problems = []
    for table in WORD_TABLES:
        path = root / table.relative_to(PROJECT_ROOT)
        first: Dict[str, int] = {}
        for number, words, meaning in table_lines(path):
            if words is None:
                problems.append(
                    Problem(_rel(path, root), number, "not a table line. Write it as `word | another word: meaning`")
                )
                continue
            if table == COGNATES_FILE and cognate_rewrites(words, meaning) is None:
                problems.append(
                    Problem(
                        _rel(path, root),
                        number,
                        "a cognate line rewrites endings (`-ció | -cion: -tion`) or beginnings"
                        " (`kir-: chir-`), each written and English form with its hyphen",
                    )
                )
                continue
            if table == SPELLINGS_FILE and len(meaning.split()) != 1:
                problems.append(
                    Problem(_rel(path, root), number, f"'{meaning}' is not one word. A spelling reads as one word")
                )
            for word in words:
                if word in first:
                    problems.append(
                        Problem(
                            _rel(path, root),
                            number,
                            f"'{word}' is also on line {first[word]}. Keep each word on one line",
                        )
                    )
                first.setdefault(word, number)
    return problems


class _KeyLines(yaml.SafeLoader):
    """Reads YAML keeping, for each mapping, its keys' line numbers (a key said twice would
    otherwise be read once, silently)."""


def _mapping_with_lines(loader, node, deep=False):
    pairs = [(loader.construct_object(k, deep=deep), v, k.start_mark.line + 1) for k, v in node.value]
    repeated = []
    seen: Dict[object, int] = {}
    for key, _, line in pairs:
        if key in seen:
            repeated.append((key, line, seen[key]))
        seen.setdefault(key, line)
    mapping = {key: loader.construct_object(v, deep=deep) for key, v, _ in pairs}
    loader.repeated_keys.extend(repeated)
    return mapping


_KeyLines.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_lines)


def check_gloss(root: Path) -> List[Problem]:
    """data/article/gloss.yml: each language with markers and glosses; a phrase glossed once
    per language, in lower case."""
    path = root / GLOSS_FILE.relative_to(PROJECT_ROOT)
    if not path.exists():
        return []
    name = _rel(path, root)
    text = path.read_text(encoding="utf-8")
    loader = _KeyLines(text)
    loader.repeated_keys = []
    try:
        data = loader.get_single_data() or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [Problem(name, mark.line + 1 if mark else 1, f"not valid YAML: {error}")]
    finally:
        loader.dispose()
    problems = [
        Problem(name, line, f"'{key}' is also on line {first}. Gloss each phrase once per language")
        for key, line, first in loader.repeated_keys
    ]
    lines = text.splitlines()
    for language, spec in ((data.get("languages") or {}) if isinstance(data, dict) else {}).items():
        line = next((i for i, text in enumerate(lines, 1) if text.strip().startswith(f"{language}:")), 1)
        spec = spec if isinstance(spec, dict) else {}
        if not spec.get("markers") or not spec.get("gloss"):
            problems.append(Problem(name, line, f"'{language}' needs `markers:` and `gloss:`"))
        for key in spec.get("gloss") or {}:
            if str(key) != str(key).lower():
                at = next((i for i, text in enumerate(lines, 1) if text.strip().startswith(f'"{key}":')), line)
                problems.append(Problem(name, at, f"'{key}' has capitals. Write the phrase in lower case"))
    return problems


def validate(root: Path = PROJECT_ROOT) -> List[Problem]:
    problems, article = check_article(root)
    entity_map = yaml.safe_load((root / ENTITY_FILE).read_text(encoding="utf-8")) or {}
    domain = _domain(root)
    topic_problems, table = check_topics(root, domain)
    problems += topic_problems
    if article and table:
        problems += check_sections_reachable(article, entity_map, table)
    problems += check_entity_values(root, article, entity_map)
    problems += check_duplicates(root)
    problems += check_stories(root, domain)
    problems += check_word_tables(root)
    problems += check_gloss(root)
    return problems


def main(argv: List[str]) -> int:
    root = Path(argv[0]).resolve() if argv else PROJECT_ROOT
    problems = validate(root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem(s) found. Fix them and run `make validate` again.")
        return 1
    print("Content checks passed: article sections, entity mappings, examples, stories, rules and word tables.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
