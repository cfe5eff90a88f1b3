"""Ingest the editor's article into the store: `python -m article.ingest [ARTICLE.md]`.

A broken article is refused with the reason, and the version already in the store stays in service.
"""

import sys
from pathlib import Path
from typing import List, Optional

from article.parse import ArticleError, parse_article
from article.store import ArticleStore
from paths import PROJECT_ROOT

ARTICLE_DIR = PROJECT_ROOT / "data" / "article"


def article_path(folder: Path = ARTICLE_DIR) -> Path:
    found = sorted(folder.glob("*.md"))
    if len(found) != 1:
        raise ArticleError(f"expected exactly one Markdown article in {folder}, found {len(found)}")
    return found[0]


def ingest(path: Optional[Path] = None, store: Optional[ArticleStore] = None) -> str:
    """Parse and store the article; return a one-line summary. Raises ArticleError."""
    path = path or article_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ArticleError(f"cannot read {path}: {error}") from error
    try:
        article = parse_article(text)
    except ArticleError as error:
        raise ArticleError(f"{path}: {error}") from error
    store = store or ArticleStore.from_url()
    if store.revision() == article.revision:
        return f"article unchanged (revision {article.revision}): {path.name}"
    store.save(article)
    return (
        f"ingested {path.name}: {len(article.sections)} sections, "
        f"{len(article.passages)} passages, revision {article.revision}"
    )


def main(argv: List[str]) -> int:
    try:
        print(ingest(Path(argv[0]) if argv else None))
    except ArticleError as error:
        print(f"Article NOT ingested: {error}", file=sys.stderr)
        print("The last good version of the article stays in service.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
