"""Turn the scraped seed text (data/article/source/*.txt) into the editor's Markdown.

The scrape carries page debris that must never reach a visitor: navigation ("Back"), an advert
for a project-tracking tool, a meta description, a trailing "Source". Everything before the first
section heading except the title is dropped, and so is any line matching DEBRIS anywhere.

    python -m article.seed data/article/source/back-pain-knee-pain.scraped.txt \
        > data/article/back-pain-knee-pain.md
"""

import re
import sys
from typing import List, Tuple

from article.parse import HEADINGS

DEBRIS = [
    re.compile(r"^(back|source|sources|share|print|advertisement|sponsored)$", re.I),
    re.compile(r"\b(software projects|sprints|bug tracking|sign up|subscribe)\b", re.I),
]
_BULLET = re.compile(r"^\s*[•\-*]\s+(?P<label>[^:]{1,60}):\s+(?P<text>.+)$")
_NUMBERED = re.compile(r"^\s*(?P<n>\d+)\.\s+(?P<label>[^:]{1,60}):\s+(?P<text>.+)$")


def is_debris(line: str) -> bool:
    return any(p.search(line.strip()) for p in DEBRIS)


def _is_subheading(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 5 and line[-1] not in ".:!?," and line[0].isupper()


def seed_to_markdown(raw: str) -> Tuple[str, List[str]]:
    """Return the Markdown and the lines dropped as debris."""
    lines = [line.strip() for line in raw.replace("\r\n", "\n").split("\n")]
    # "Source" may be glued to the end of the file with no newline before it.
    lines = [re.sub(r"(?<=[.!?])\s*Source$", "", line) for line in lines]
    out: List[str] = []
    dropped: List[str] = []
    title = ""
    in_sections = False
    for line in lines:
        if not line:
            continue
        if is_debris(line):
            dropped.append(line)
            continue
        heading = HEADINGS.get(re.sub(r"[^a-z ]", "", line.lower()).strip())
        if heading:
            in_sections = True
            out += ["", f"## {line}", ""]
            continue
        if not in_sections:
            if not title:
                title = line
            else:
                dropped.append(line)
            continue
        numbered, bullet = _NUMBERED.match(line), _BULLET.match(line)
        if numbered:
            out.append(f"{numbered['n']}. **{numbered['label'].strip()}:** {numbered['text']}")
        elif bullet:
            out.append(f"- **{bullet['label'].strip()}:** {bullet['text']}")
        elif _is_subheading(line):
            out += ["", f"### {line}", ""]
        else:
            out += ["", line, ""]
    markdown = "\n".join([f"# {title}", ""] + out)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"
    return markdown, dropped


def main(argv: List[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m article.seed SEED.txt > data/article/ARTICLE.md", file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as handle:
        markdown, dropped = seed_to_markdown(handle.read())
    sys.stdout.write(markdown)
    for line in dropped:
        print(f"dropped as page debris: {line[:80]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
