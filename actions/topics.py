"""Which part of the article answers each intent, and what to suggest next."""

from dataclasses import dataclass
from typing import Dict, Optional, Tuple

from article.model import Article
from article.parse import slug


@dataclass(frozen=True)
class Topic:
    section: str
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


TOPICS: Dict[str, Topic] = {
    "ask_overview": Topic(
        "overview",
        hint="connection relationship spine knees",
        follow_ups=("ask_causes", "ask_symptoms", "ask_treatment"),
    ),
    "ask_causes": Topic("causes", summary=True, follow_ups=("ask_symptoms", "ask_treatment")),
    "ask_symptoms": Topic("symptoms", summary=True, follow_ups=("ask_when_to_see_doctor", "ask_causes")),
    "ask_when_to_see_doctor": Topic("when_to_see_doctor", summary=True, follow_ups=("ask_treatment", "ask_symptoms")),
    "ask_treatment": Topic("treatment", summary=True, follow_ups=("ask_home_remedies", "ask_recovery_timeline")),
    "ask_alternative_therapies": Topic(
        "treatment",
        subsection="alternative",
        summary=True,
        follow_ups=("ask_home_remedies", "ask_recovery_timeline"),
    ),
    "ask_home_remedies": Topic(
        "treatment",
        subsection="home",
        kinds=("item",),
        summary=True,
        follow_ups=("ask_recovery_tips", "ask_when_to_see_doctor"),
    ),
    "ask_recovery_timeline": Topic(
        "recovery",
        kinds=("paragraph",),
        hint="weeks months timeline lasts",
        follow_ups=("ask_recovery_phases", "ask_recovery_tips"),
    ),
    "ask_recovery_phases": Topic(
        "recovery",
        kinds=("paragraph",),
        hint="phase initially typically lasts weeks",
        follow_ups=("ask_recovery_complications", "ask_recovery_tips"),
    ),
    "ask_recovery_complications": Topic(
        "recovery",
        hint="complications chronic weakness mobility risks",
        follow_ups=("ask_recovery_tips", "ask_when_to_see_doctor"),
    ),
    "ask_recovery_tips": Topic(
        "recovery",
        kinds=("item",),
        summary=True,
        follow_ups=("ask_recovery_timeline", "ask_home_remedies"),
    ),
    "ask_summary": Topic("conclusion", follow_ups=("ask_causes", "ask_treatment")),
}

# The question each suggested follow-up button shows.
QUESTIONS: Dict[str, str] = {
    "ask_overview": "How are back and knee pain linked?",
    "ask_causes": "What causes it?",
    "ask_symptoms": "What are the symptoms?",
    "ask_when_to_see_doctor": "When should I see a doctor?",
    "ask_treatment": "How is it treated?",
    "ask_alternative_therapies": "Do alternative therapies help?",
    "ask_home_remedies": "What can I do at home?",
    "ask_recovery_timeline": "How long does recovery take?",
    "ask_recovery_phases": "What are the phases of recovery?",
    "ask_recovery_complications": "What complications can happen?",
    "ask_recovery_tips": "Any tips for recovery?",
    "ask_summary": "Sum it up for me",
}
