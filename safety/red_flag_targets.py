"""The ``red_flag_targets`` component: runs the target patterns and their post-filters and
writes the chosen spans to ``doc.ents`` for ConText. (Not medspaCy's TargetMatcher, whose name
it once shared.)"""

from typing import Callable, Dict, List, Optional, Set, Tuple

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from .categories import CATEGORY_LEVELS, CATEGORY_RANK, LEVEL_RANK
from .match_checks import Check
from .pattern_helpers import expand_lemmas, lemma_function
from .patterns import PATTERNS
from .vocabulary import GENITALS

_GENITAL_LEMMAS = set(GENITALS.split()) | {"private"}


class RedFlagTargets:
    """Pipeline component: writes the red-flag mentions to doc.ents.

    A span's label is its category id, or several ids joined by "+" when overlapping matches of
    the same level were united (e.g. "saddle_numbness+sexual_dysfunction")."""

    # Long messages: only the surroundings of anchor words (for each pattern, the most selective
    # word every match must contain) are matched; the Matcher's cost grows with patterns x tokens.
    LONG_DOC = 150

    def __init__(self, nlp: Language, lemma_of: Callable[[str], str]):
        self.matcher = Matcher(nlp.vocab)
        self.anchors: Optional[Set[str]] = set()
        self.max_len = 0
        self.key_info: Dict[int, Tuple[str, Optional[Check]]] = {}
        for index, rule in enumerate(PATTERNS):
            if rule.category not in CATEGORY_LEVELS:
                raise ValueError(f"unknown category in rule {index}: {rule.category!r}")
            key = f"{rule.category}#{index}"
            patterns = [expand_lemmas(p, lemma_of) for p in rule.patterns]
            # A pattern made only of optional tokens could match nothing; drop such variants.
            patterns = [p for p in patterns if any(t.get("OP") != "?" for t in p)]
            # no greedy filtering: every match is kept so that overlapping matches can be united
            # (and a longest match rejected by a post-filter cannot hide a valid shorter one)
            self.matcher.add(key, patterns)
            self.key_info[nlp.vocab.strings[key]] = (rule.category, rule.check)
            for pattern in patterns:
                self.max_len = max(self.max_len, len(pattern))
                anchor = self._anchor(pattern)
                if anchor is None:
                    self.anchors = None
                elif self.anchors is not None:
                    self.anchors.update(anchor)

    @staticmethod
    def _anchor(pattern: List[dict]) -> Optional[Set[str]]:
        best: Optional[Tuple[int, int, Set[str]]] = None  # (has stop words, size, values)
        for token in pattern:
            if token.get("OP") == "?":
                continue
            for attr in ("LEMMA", "LOWER", "NORM"):
                spec = token.get(attr)
                values = spec.get("IN") if isinstance(spec, dict) else ([spec] if isinstance(spec, str) else None)
                if values:
                    key = (int(any(v in STOP_WORDS for v in values)), len(values), set(values))
                    if best is None or key[:2] < best[:2]:
                        best = key
        return None if best is None else best[2]

    def _matches(self, doc: Doc) -> List[Tuple[int, int, int]]:
        if len(doc) <= self.LONG_DOC or self.anchors is None:
            return self.matcher(doc)
        # Every match contains an anchor token and is at most max_len tokens long, so matching
        # the windows of +-max_len tokens around the anchor tokens finds every match.
        anchors, reach = self.anchors, self.max_len
        windows: List[List[int]] = []
        for t in doc:
            if t.lower_ in anchors or t.lemma_ in anchors or t.norm_ in anchors:
                start, end = max(0, t.i - reach), min(len(doc), t.i + reach + 1)
                if windows and start <= windows[-1][1]:
                    windows[-1][1] = end
                else:
                    windows.append([start, end])
        matches = set()
        for start, end in windows:
            matches.update((m, start + a, start + b) for m, a, b in self.matcher(doc[start:end]))
        return sorted(matches, key=lambda m: (m[1], m[2]))

    def __call__(self, doc: Doc) -> Doc:
        candidates = []
        for match_id, start, end in self._matches(doc):
            category, check = self.key_info[match_id]
            if check is not None and not check(doc, start, end):
                continue
            rank = LEVEL_RANK[CATEGORY_LEVELS[category]]
            candidates.append((rank, -(end - start), start, end, category))
        # Most severe first, then longest. Overlapping candidates of the same level are united
        # into one span carrying all their categories ("havent been able to pee properly since
        # sunday, just a trickle"; "vagina feels numb during sex": saddle + sexual); a candidate
        # overlapping a more severe span is dropped.
        candidates.sort()
        taken = bytearray(len(doc))
        chosen: List[Tuple[int, int, List[str]]] = []
        for rank in sorted({c[0] for c in candidates}):
            level_spans: List[List[object]] = []
            for c_rank, _, start, end, category in candidates:
                if c_rank != rank or any(taken[start:end]):
                    continue
                merged = [start, end, [category]]
                rest = []
                for other in level_spans:
                    if other[0] < merged[1] and merged[0] < other[1]:
                        merged[0] = min(merged[0], other[0])
                        merged[1] = max(merged[1], other[1])
                        merged[2] = merged[2] + [c for c in other[2] if c not in merged[2]]
                    else:
                        rest.append(other)
                level_spans = rest + [merged]
            for start, end, categories in level_spans:
                for i in range(start, end):
                    taken[i] = 1
                chosen.append((start, end, categories))
        spans = []
        for start, end, categories in chosen:
            if (
                "saddle_numbness" in categories
                and "sexual_dysfunction" not in categories
                and any(t.lemma_ in _GENITAL_LEMMAS or t.lower_ in _GENITAL_LEMMAS for t in doc[start:end])
            ):
                categories.append("sexual_dysfunction")  # numb genitals: sexual function too
            categories.sort(key=CATEGORY_RANK.__getitem__)
            spans.append(Span(doc, start, end, label="+".join(categories)))
        spans.sort(key=lambda s: s.start)
        doc.ents = spans
        return doc


@Language.factory("red_flag_targets")
def make_red_flag_targets(nlp: Language, name: str) -> RedFlagTargets:
    return RedFlagTargets(nlp, lemma_function(nlp))
