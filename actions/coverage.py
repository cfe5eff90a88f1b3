"""Questions the article cannot answer even when they use its words (a dose, side effects, ...).

The NLU model learns these as out_of_scope; this deterministic check keeps an article answer from
ever standing in for medical advice the article does not give, whatever the model guessed.
"""
import re

NOT_COVERED = re.compile(
    r"\b("
    r"dos(e|es|age|ing)|\d+\s?(mg|ml|milligrams?)\b|how (much|many)\b[^?.!]*\b(ibuprofen|"
    r"paracetamol|acetaminophen|tylenol|advil|aspirin|tablets?|pills?|medication)|"
    r"side[- ]?effects?|pregnan\w*|breast-?feeding|interact\w* with|"
    r"book(ing)? (an? )?(appointment|consultation)|make an appointment|"
    r"insurance|how much (does|do|will|would) \w+ cost|price of"
    r")\b",
    re.IGNORECASE,
)


def not_covered(question: str) -> bool:
    return bool(NOT_COVERED.search(question or ""))
