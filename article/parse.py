"""Parse the editor's Markdown article into sections and passages.

The format is deliberately small (docs/content-guide.md shows it to editors):

    # Title
    ## Section heading          one of the known sections, see HEADINGS
    ### Subsection heading      optional, e.g. "Home Remedies"
    A paragraph (one or more lines, ended by a blank line).
    - **Label:** bullet text    or "1. **Label:** ..." for numbered points

Anything the parser does not understand is refused with the line number, so a broken edit never
replaces the article in service.
"""

import hashlib
import re
from typing import Dict, List, Optional, Tuple

from article.model import SECTION_IDS, Article, Passage, Section

HEADINGS: Dict[str, str] = {
    "introduction": "overview",
    "overview": "overview",
    "causes": "causes",
    "symptoms": "symptoms",
    "when to see a doctor": "when_to_see_doctor",
    "when to see your doctor": "when_to_see_doctor",
    "treatment options": "treatment",
    "treatments": "treatment",
    "treatment": "treatment",
    "recovery": "recovery",
    "conclusion": "conclusion",
}

_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+(?P<body>.+)$")
_BOLD_LABEL = re.compile(r"^\*\*(?P<label>[^*]+?):?\*\*:?\s*(?P<text>.+)$")
_PLAIN_LABEL = re.compile(r"^(?P<label>[A-Z][\w'’ -]{0,60}?):\s+(?P<text>.+)$")


class ArticleError(ValueError):
    """The article's structure is broken; the message names the line and the fix."""


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _split_label(body: str) -> Tuple[Optional[str], str]:
    match = _BOLD_LABEL.match(body)
    if not match:
        match = _PLAIN_LABEL.match(body)
        if match and len(match.group("label").split()) > 6:
            match = None
    if not match:
        return None, body.strip()
    return match.group("label").strip(), match.group("text").strip()


def _blocks(lines: List[str]):
    """Yield (line number, kind, text): kind is 'h1', 'h2', 'h3', 'item' or 'paragraph'."""
    paragraph: List[str] = []
    start = 0
    item: Optional[List] = None

    def flush():
        nonlocal paragraph, item
        if paragraph:
            yield start, "paragraph", " ".join(paragraph)
            paragraph = []
        if item:
            yield item[0], "item", " ".join(item[1])
            item = None

    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped or stripped.startswith("<!--"):
            yield from flush()
            continue
        heading = re.match(r"^(#{1,3})\s+(.+?)\s*#*$", stripped)
        if heading:
            yield from flush()
            yield number, f"h{len(heading.group(1))}", heading.group(2).strip()
            continue
        bullet = _ITEM.match(line)
        if bullet:
            yield from flush()
            item = [number, [bullet.group("body").strip()]]
            continue
        if item is not None:
            item[1].append(stripped)  # continuation of a list item
            continue
        if not paragraph:
            start = number
        paragraph.append(stripped)
    yield from flush()


def parse_article(text: str) -> Article:
    if not text.strip():
        raise ArticleError("the article is empty")
    title = ""
    sections: List[Section] = []
    passages: List[Passage] = []
    seen_ids: Dict[str, int] = {}
    section_id: Optional[str] = None
    subsection: Optional[str] = None
    paragraph_count = item_count = 0

    for number, kind, content in _blocks(text.splitlines()):
        where = f"line {number}"
        if kind == "h1":
            if title or sections:
                raise ArticleError(f"{where}: only one '# ' title is allowed, at the top")
            title = content
            continue
        if kind == "h2":
            key = re.sub(r"[^a-z ]", "", content.lower()).strip()
            section_id = HEADINGS.get(key)
            if section_id is None:
                known = ", ".join(f"'## {h.title()}'" for h in dict.fromkeys(HEADINGS))
                raise ArticleError(f"{where}: unknown section heading '## {content}'. Use one of: {known}")
            if any(s.id == section_id for s in sections):
                raise ArticleError(f"{where}: section '## {content}' appears twice")
            sections.append(Section(section_id, content, len(sections)))
            subsection, paragraph_count, item_count = None, 0, 0
            continue
        if section_id is None:
            raise ArticleError(
                f"{where}: text before the first '## ' section heading: '{content[:60]}'. "
                "Move it under a section or delete it"
            )
        if kind == "h3":
            subsection = content
            continue
        if kind == "item":
            label, body = _split_label(content)
            if not body:
                raise ArticleError(f"{where}: list item '{content[:60]}' has no text")
            item_count += 1
            passage_id = f"{section_id}.{slug(label)}" if label else f"{section_id}.i{item_count}"
        else:
            label, body = None, content
            paragraph_count += 1
            passage_id = f"{section_id}.p{paragraph_count}"
        if passage_id in seen_ids:
            raise ArticleError(
                f"{where}: '{label}' is listed twice in this section "
                f"(first on line {seen_ids[passage_id]}); give each point its own label"
            )
        seen_ids[passage_id] = number
        passages.append(Passage(passage_id, section_id, subsection, kind, label, body, len(passages)))

    present = {s.id for s in sections}
    missing = [s for s in SECTION_IDS if s not in present]
    if missing:
        raise ArticleError(
            "missing section(s): " + ", ".join(missing) + ". Every one of these must have a "
            "'## ' heading: " + ", ".join(SECTION_IDS)
        )
    empty = [s.title for s in sections if not any(p.section == s.id for p in passages)]
    if empty:
        raise ArticleError("section(s) with no text: " + ", ".join(empty))
    revision = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Article(title or sections[0].title, revision, sections, passages)
