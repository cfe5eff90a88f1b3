"""The article as data: sections made of passages, each with a stable id."""

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

# Section ids in article order. The parser refuses an article that lacks any of them.
SECTION_IDS: Tuple[str, ...] = (
    "overview",
    "causes",
    "symptoms",
    "when_to_see_doctor",
    "treatment",
    "recovery",
    "conclusion",
)


@dataclass(frozen=True)
class Passage:
    """One numbered cause, one bullet or one paragraph."""

    id: str  # "<section>.<label slug>" for labelled items, "<section>.p<n>" for paragraphs
    section: str
    subsection: Optional[str]  # subsection heading text, if any
    kind: str  # "item" (bullet or numbered point) or "paragraph"
    label: Optional[str]  # "Nerve Compression" for "1. **Nerve Compression:** ..."
    text: str  # the article's words, without the label
    position: int  # order within the whole article

    @property
    def display(self) -> str:
        return f"{self.label}: {self.text}" if self.label else self.text


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    position: int


@dataclass
class Article:
    title: str
    revision: str  # fingerprint of the source text
    sections: List[Section]
    passages: List[Passage]
    _by_id: Dict[str, Passage] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {p.id: p for p in self.passages}

    def passage(self, passage_id: str) -> Optional[Passage]:
        return self._by_id.get(passage_id)

    def section(self, section_id: str) -> Optional[Section]:
        return next((s for s in self.sections if s.id == section_id), None)

    def in_section(self, section_id: str) -> List[Passage]:
        return [p for p in self.passages if p.section == section_id]
