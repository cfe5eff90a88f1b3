"""The ``red_flag_areas`` component: recall from breadth, read from the vocabulary tables.

The precise target patterns (safety.patterns) catch the ways of saying a red flag that they
spell out. This component adds what a table of words can say more broadly
(``safety/tables/areas.yml``, see its header): in one sentence, a word of a red-flag area (the
bladder and the toilet, the saddle, both legs) near a word of what goes wrong with it (control,
leaking, feeling, weakness) affirms the category; a word of an emergency area alone, in a
sentence about the writer, makes the category *suspected* (label ``<category>?``): the
assistant asks the safety question. The spans go to ``doc.ents`` beside the target patterns'
ones, and medspaCy's ConText then sets negation, other people and hypotheticals aside for both.

The same tables give :func:`keyword_net`, which decides when the detector itself fails.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Pattern, Tuple

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

from article.english_words import known_english_words

from .categories import CATEGORY_LEVELS, LEVEL_RANK
from .context_rules import KIN_WORDS, PERSON_WORDS, not_about_the_writer
from .spelling import CORRECTED, H_DROPPED

TABLES = Path(__file__).resolve().parent / "tables" / "areas.yml"
SUSPECT_SUFFIX = "?"
HYPOTHETICAL_SENTENCES = "red_flag_hypothetical_sentences"  # doc.user_data keys
NOT_ABOUT_THE_WRITER = "red_flag_not_about_the_writer"

# Negation or normality between two words of a rule breaks the link ("toilet is fine, no
# leaking", "sex life is totally normal, nothing's changed").
_NEGATION_NORMS = {
    "not",
    "no",
    "never",
    "nuh",  # Jamaican patois: "mi batty nuh numb"
    "without",
    "nor",
    "neither",
    "none",
    "fine",
    "grand",  # Irish and northern English: "both legs are grand"
    "normal",
    "normally",
    "ok",
    "okay",
    "good",
    "intact",
    "unaffected",
    "usual",
    "proper",
    "properly",
    "strong",
    "perfectly",
    "settled",
    "hindi",  # Tagalog: not
    "nahi",  # Hindi: not
    "nahin",
    "malakas",  # Tagalog: strong
    "theek",  # Hindi: fine
    "thik",
}
_NEGATED_BEFORE = {"not", "no", "never", "without", "nothing", "nor", "neither", "zero"}
_FIRST_PERSON = {"i", "me", "my", "mine", "myself", "im", "i'm", "ive", "i've", "id", "i'd", "ma"}
_CORRECTION_LINE = re.compile(r"\*\s*[\w' -]{1,30}")
# "Cauda equina. Meaning?": a clinical term on its own, then asked what it means (a symptom said
# plainly and asked about, "Bum numb. Meaning?", stays the writer's)
_WHAT_IT_MEANS = re.compile(
    r"\W*(?:what mean|what means|what meaning|meaning|meaning what|que significa|ce (?:înseamnă|inseamna))\W*"
)
# (a fragment with "I", "my", "can't", "no" in it tells of the writer: "Cannot wee, retention. Meaning?")
_SAID_OF_ONESELF = _FIRST_PERSON | _NEGATED_BEFORE | {"can't", "cannot", "cant", "n't", "can"}
# the clinical words of red flags that people ask the meaning of: here and as "{term}" in the tables
CLINICAL_TERMS = (
    r"(?:saddle|cauda|equina|an(?:a)?esthesia|foot drop|drop foot|retention|incontinence|bilateral|red flags?|syndrome)"
)
_TERMS = re.compile(rf"\b{CLINICAL_TERMS}\b")
_QUESTION_OPENERS = {
    "what",
    "whats",
    "is",
    "are",
    "can",
    "could",
    "does",
    "do",
    "how",
    "why",
    "when",
    "which",
    "should",
    "would",
    "will",
}

# Lay spellings of the same phrase: "can't" / "cant" / "cannot" / "can not" / "can’t".
_REGEX_FORMS = [
    (
        re.compile(r"can't"),
        r"(?:can'?t|can’t|cannot|can not|cannae|canna|cannit|couldn'?t|couldn’t|could not|cain'?t|cyaan|kyaan"
        r"|cor|no can|no could|(?:m )?pa ka)",
    ),
    (re.compile(r"n't"), r"(?:n'?t|n’t| not|nae)"),
    (re.compile(r"'"), r"['’]?"),
]


def _phrase_regex(phrase: str) -> str:
    escaped = re.escape(phrase).replace(r"\ ", " ").replace(r"\'", "'")
    for plain, regex in _REGEX_FORMS:
        escaped = plain.sub(lambda _m, r=regex: r, escaped)  # noqa: E731
    return escaped.replace(" ", r"\s+")


# what a phrase is read in: the spellings _REGEX_FORMS widens, a space, or one character
_ATOM = re.compile(r"can't|n't|'| |.", re.DOTALL)


def _literal_alternation(phrases: Iterable[str]) -> str:
    """One regular expression for many phrases, their shared beginnings said once (a trie:
    "can't sit", "can't sleep" as "can't s(?:it|leep)"), so the engine reads a beginning once
    instead of once per phrase. At each point the longer phrase is tried first."""
    trie: Dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for atom in _ATOM.findall(phrase):
            node = node.setdefault(atom, {})
        node[""] = {}  # a phrase ends here

    def emit(node: Dict[str, dict]) -> str:
        branches = [
            (r"\s+" if atom == " " else _phrase_regex(atom)) + emit(node[atom]) for atom in sorted(node) if atom
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@dataclass(frozen=True)
class WordClass:
    name: str
    words: frozenset  # single words: matched on a token's lower form, lemma or norm
    phrases: Optional[Pattern]  # several words, or with punctuation: matched in the text

    @classmethod
    def from_list(cls, name: str, entries: Iterable[str], words_of: Optional[Dict[str, str]] = None) -> "WordClass":
        """``words_of``: the tables' named word lists ("{urine}" in a regex is any word for urine)."""
        words, regexes, literals = set(), [], []
        for entry in entries:
            entry = str(entry).strip()
            if entry.startswith("re:"):  # a regular expression, for numbers and dates
                regexes.append(_expand(entry[3:], words_of or {}))
                continue
            entry = entry.lower()
            if re.fullmatch(r"[a-z]+", entry):
                words.add(entry)
            else:
                literals.append(entry)
        regexes.sort(key=len, reverse=True)
        phrases = regexes + ([_literal_alternation(literals)] if literals else [])
        pattern = re.compile(r"(?<![\w])(?:" + "|".join(phrases) + r")(?![\w])") if phrases else None
        return cls(name, frozenset(words), pattern)

    def hits(self, doc: Doc, start: int, end: int) -> List[Tuple[int, int]]:
        """Token ranges of ``doc[start:end]`` holding a word of this class."""
        found = [
            (t.i, t.i + 1)
            for t in doc[start:end]
            if t.lower_ in self.words or t.lemma_ in self.words or t.norm_ in self.words
        ]
        return found + self.phrase_hits(doc, start, end)

    def phrase_hits(self, doc: Doc, start: int, end: int) -> List[Tuple[int, int]]:
        """Token ranges of ``doc[start:end]`` holding a phrase of this class."""
        found: List[Tuple[int, int]] = []
        if self.phrases is not None:
            # the span's text, then the same with misspelt words corrected; each is built once
            # per span and shared by every class (doc.user_data caches)
            for text, token_at in (_span_text(doc, start, end), _corrected_text(doc, start, end)):
                if text is None:
                    continue
                for match in self.phrases.finditer(text):
                    first, last = _token_at(token_at, match.start(), 1), _token_at(token_at, match.end() - 1, -1)
                    if first >= 0 and last >= first:
                        found.append((first, last + 1))
        return found


def _token_at(token_at: List[int], char: int, step: int) -> int:
    """The token holding ``char``, or the nearest one in the direction ``step`` (a match that
    begins or ends on a space still covers the tokens it touches, as char_span's "expand")."""
    while 0 <= char < len(token_at):
        if token_at[char] >= 0:
            return token_at[char]
        char += step
    return -1


_SPAN_TEXTS = "red_flag_span_texts"


def _span_text(doc: Doc, start: int, end: int) -> Tuple[str, List[int]]:
    """``doc[start:end]``'s text and the token index of every character (-1 for spaces)."""
    cache = doc.user_data.setdefault(_SPAN_TEXTS, {})
    if (start, end) not in cache:
        parts: List[str] = []
        token_at: List[int] = []
        for t in doc[start:end]:
            whitespace = t.whitespace_ if t.i < end - 1 else ""
            parts.append(t.text + whitespace)
            token_at.extend([t.i] * len(t.text) + [-1] * len(whitespace))
        cache[(start, end)] = ("".join(parts), token_at)
    return cache[(start, end)]


def _corrected_text(doc: Doc, start: int, end: int) -> Tuple[Optional[str], List[int]]:
    """``doc[start:end]`` lower-cased with each misspelt word (see safety.spelling) replaced
    by its correction and a verb's "n't" written "not", and the token index of every character
    (-1 for spaces); (None, []) when nothing was corrected."""
    corrected = doc.user_data.get(CORRECTED) or set()
    if not corrected and not _has_contracted_not(doc):
        return None, []
    cache = doc.user_data.setdefault(_CORRECTED_TEXTS, {})
    if (start, end) not in cache:
        cache[(start, end)] = _build_corrected_text(doc, start, end, corrected)
    return cache[(start, end)]


_CORRECTED_TEXTS = "red_flag_corrected_texts"


def corrected_text(doc: Doc) -> Optional[str]:
    """The whole doc's text with its misspelt and dialect words read as English ("wi' 'im" as
    "with him"), or None when nothing was corrected."""
    return _corrected_text(doc, 0, len(doc))[0]


# the verbs whose "n't" is read as a separate "not" ("my pee isn't coming out" is "my pee is not
# coming out", as the tables' phrases say it); "can't", "won't" and "don't" have their own forms
_NOT_AFTER = frozenset("is are was were has have had does did could would should".split())


def _contracted_not(token) -> bool:
    return token.lower_ in ("n't", "n’t") and token.i > 0 and token.doc[token.i - 1].lower_ in _NOT_AFTER


def _has_contracted_not(doc: Doc) -> bool:
    """Whether any verb's "n't" is in the doc (looked for once per doc)."""
    if _CONTRACTED not in doc.user_data:
        doc.user_data[_CONTRACTED] = any(_contracted_not(t) for t in doc)
    return doc.user_data[_CONTRACTED]


_CONTRACTED = "red_flag_contracted_not"


def _build_corrected_text(doc: Doc, start: int, end: int, corrected) -> Tuple[Optional[str], List[int]]:
    if not any((t.lower_, t.norm_) in corrected or _contracted_not(t) for t in doc[start:end]):
        return None, []
    parts: List[str] = []
    token_at: List[int] = []
    restored_g = False
    for t in doc[start:end]:
        if restored_g and t.text in ("'", "’"):
            # the apostrophe of a dropped g goes with the g: "widdlin' meself" is "peeing meself"
            parts[-1] += t.whitespace_
            token_at.extend([-1] * len(t.whitespace_))
            restored_g = False
            continue
        following = doc[t.i + 1] if t.i + 1 < end else None
        if t.text in ("'", "’") and not t.whitespace_ and following is not None and following.lower_ in H_DROPPED:
            if (following.lower_, following.norm_) in corrected:
                continue  # the apostrophe of a dropped h goes with the h: "wet 'imself" is "wet himself"
        if _contracted_not(t) and t.i > start:
            parts[-1] += " "
            token_at.append(-1)
            parts.append("not" + t.whitespace_)
            token_at.extend([t.i] * 3 + [-1] * len(t.whitespace_))
            continue
        is_corrected = (t.lower_, t.norm_) in corrected
        word = t.norm_ if is_corrected else t.lower_
        restored_g = is_corrected and not t.whitespace_ and word.endswith("ing") and not t.lower_.endswith("g")
        parts.append(word + t.whitespace_)
        token_at.extend([t.i] * len(word) + [-1] * len(t.whitespace_))
    return "".join(parts), token_at


@dataclass(frozen=True)
class Tables:
    window: int
    classes: Dict[str, WordClass]
    rules: Dict[str, List[Tuple[str, ...]]]  # category -> rules (tuples of class names)
    suspect: Dict[str, List[str]]  # category -> class names
    idioms: WordClass  # words inside these are not red-flag words
    hypothetical: Optional[Pattern]  # sentences in which nothing escalates
    self_reference: Optional[Pattern]  # "that happened to me": general questions become the writer's
    self_reference_strong: Optional[Pattern]  # "it was me": so do things said of others
    suspect_cues: Optional["WordClass"] = None  # a suspect word asks only beside one of these
    not_about_the_writer: Optional[Pattern] = None  # messages in which nothing escalates
    onset: Optional[Pattern] = None  # "since yesterday": the writer has what the message tells of
    someone_here: Optional[Pattern] = None  # "typing for my dad, he's here": his count as the writer's
    someone_now: Optional[Pattern] = None  # "just now", "today": what is said of someone is happening now
    someone_distant: Optional[Pattern] = None  # "years ago", "lives abroad": someone not in the writer's care now
    someone_again: Optional[Pattern] = None  # "had cancer years ago, now new back pain": new now, after the past

    @classmethod
    def load(cls, path: Path = TABLES) -> "Tables":
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        # named word lists a class's regexes share ("{urine}"), each written once
        words_of = {key: "(?:" + "|".join(map(re.escape, ws)) + ")" for key, ws in (data.get("words") or {}).items()}
        sentences = {**_PLACEHOLDERS, **words_of}  # the message-wide tables' regexes read "{person}" too
        classes = {name: WordClass.from_list(name, words, words_of) for name, words in data["classes"].items()}
        rules = {cat: [tuple(rule) for rule in rules] for cat, rules in data.get("rules", {}).items()}
        suspect = dict(data.get("suspect", {}))
        for category, names in list(rules.items()) + [(c, [n]) for c, ns in suspect.items() for n in ns]:
            if category not in CATEGORY_LEVELS:
                raise ValueError(f"{path}: unknown category {category!r}")
            for name in (n for rule in names for n in ([rule] if isinstance(rule, str) else rule)):
                if name not in classes:
                    raise ValueError(f"{path}: {category} uses unknown class {name!r}")
        idioms = WordClass.from_list("idioms", data.get("idioms", []), words_of)
        cues = (
            WordClass.from_list("suspect_cues", data.get("suspect_cues"), words_of)
            if data.get("suspect_cues")
            else None
        )
        return cls(
            int(data.get("window", 10)),
            classes,
            rules,
            suspect,
            idioms,
            _alternation(data.get("hypothetical_sentences"), sentences),
            _alternation(data.get("self_reference"), sentences),
            _alternation(data.get("self_reference_strong"), sentences),
            cues,
            _alternation(data.get("not_about_the_writer"), sentences),
            _alternation(data.get("onset"), sentences),
            _alternation(data.get("someone_here"), sentences),
            _alternation(data.get("someone_now"), sentences),
            _alternation(data.get("someone_distant"), sentences),
            _alternation(data.get("someone_again"), sentences),
        )


# "{person}" in a table's regex: any person word ConText knows, so a kin word is listed once
# (read as a trie, so a position is tried once against their shared beginnings, not once per word)
_PERSON = "(?:" + _literal_alternation(PERSON_WORDS) + ")"
# "{kin}": a relative's word only (KIN_WORDS)
_KIN = "(?:" + _literal_alternation(KIN_WORDS) + ")"


# the placeholders the message-wide tables' regexes read besides the tables' own word lists
_PLACEHOLDERS = {"person": _PERSON, "kin": _KIN, "term": CLINICAL_TERMS}


def _expand(regex: str, placeholders: Dict[str, str]) -> str:
    """``regex`` with each "{name}" of ``placeholders`` replaced by its alternation."""
    for key, alternation in placeholders.items():
        regex = regex.replace("{" + key + "}", alternation)
    return regex


def _alternation(regexes: Optional[List[str]], placeholders: Dict[str, str]) -> Optional[Pattern]:
    """One pattern matching any of a table's regexes (None for an empty or missing list)."""
    if not regexes:
        return None
    return re.compile("|".join(f"(?:{_expand(r, placeholders)})" for r in regexes))


def _linked(doc: Doc, a: Tuple[int, int], b: Tuple[int, int], window: int) -> Optional[Tuple[int, int]]:
    """The span covering hits a and b when they are distinct, close, and no negation lies between."""
    first, second = sorted((a, b))
    if second[0] < first[1]:  # overlapping: the same words
        return None
    if first[0] > 0 and doc[first[0] - 1].norm_ in _NEGATED_BEFORE:  # "no problems peeing"
        return None
    if second[0] - first[1] > window:
        return None
    if any(
        (t.norm_ in _NEGATION_NORMS or t.lower_ in _NEGATION_NORMS)
        and not _novelty(t)
        and not _negates_elsewhere(t, (a, b))
        for t in doc[first[1] : second[0]]
    ):
        return None
    return first[0], second[1]


def _novelty(token) -> bool:
    """ "never" that says a thing is new ("dribbling, which i've never had before"), or a
    negation inside a relative clause ("a cushion that isn't there")."""
    doc = token.doc
    following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    if token.lower_ == "never" and following in {"had", "been", "happened", "before", "used", "experienced"}:
        return True
    before = [t.lower_ for t in doc[max(0, token.i - 2) : token.i]]
    return (
        bool(before)
        and before[0] in ("that", "which")
        and before[-1] in ("is", "ai", "was", "does", "'s", "that", "which")
    )


# A sentence that says anything is normal or absent is not a vague complaint: no question.
# Nor is one that asks what to look out for.
_REASSURED = {
    "not",
    "no",
    "never",
    "none",
    "fine",
    "normal",
    "normally",
    "ok",
    "okay",
    "good",
    "intact",
    "unaffected",
    "usual",
    "perfectly",
    "everything",
    "nothing",
    "control",
    "if",
    "case",
    "eye",
    "warning",
    "signs",
    "sign",
    "whatsoever",
    "unchanged",
    "mean",
    "means",
    "article",
    "leaflet",
    "mentions",
    "mentioned",
    "why",
    "linked",
    "connection",
    "plumber",
    "cistern",
    "everythin",
    "thought",
    "how",
    "kidneys",
}


def _vague_complaint(sent: Span) -> bool:
    """About the writer, and neither it nor the next sentence says anything is normal."""
    doc = sent.doc
    following = doc[sent.end].sent if sent.end < len(doc) else None
    around = list(sent) + (list(following) if following is not None else [])
    return _about_the_writer(sent) and not any(t.norm_ in _REASSURED or t.lower_ in _REASSURED for t in around)


def _about_the_writer(sent: Span) -> bool:
    """A statement, or a sentence that speaks of the writer (not a general question)."""
    words = [t.lower_ for t in sent]
    if any(w in _FIRST_PERSON for w in words):
        return True
    return not (words and (words[0] in _QUESTION_OPENERS or words[-1] == "?"))


# A sentence whose words the detector cannot read (a language the word tables have not met):
# at least this many, and this share of its words, are neither English nor in a table
_UNREADABLE_WORDS = 2
_UNREADABLE_SHARE = 0.2


def _unreadable(sent: Span, table_words: frozenset) -> bool:
    """Whether ``sent`` is partly in words nobody taught the detector ("mon pipi vient pas pis
    j'ai mal dans l'dos"): beside a red-flag area word, that is a hedge the rules can't place, so
    the safety question is asked rather than nothing said. Words corrected or translated by the
    tables (their norm differs) and capitalised names count as read."""
    english = known_english_words()
    original = sent.doc.user_data.get("original_text")
    words = [t for t in sent if t.is_alpha]
    unread = 0
    for t in words:
        if len(t) < 3 or t.is_stop or t.lower_ in english or t.norm_ != t.lower_ or t.lower_ in table_words:
            continue
        if original is not None and t.i > sent.start and original[t.idx : t.idx + 1].isupper():
            continue  # a name: "we live in Moncton"
        unread += 1
    return unread >= _UNREADABLE_WORDS and unread >= _UNREADABLE_SHARE * len(words)


class AreaMatcher:
    """Pipeline component: adds table-based red-flag and suspected spans to ``doc.ents``."""

    def __init__(self, tables: Optional[Tables] = None) -> None:
        self.tables = tables or Tables.load()
        # word -> the classes it belongs to: one pass over the tokens finds every class's words
        self._classes_of: Dict[str, List[str]] = {}
        for name, word_class in self.tables.classes.items():
            for word in word_class.words:
                self._classes_of.setdefault(word, []).append(name)
        self._words = frozenset(self._classes_of)

    def _phrase_hits(self, doc: Doc, idiom: bytearray) -> Dict[str, List[Tuple[int, int]]]:
        """Every class's phrase hits in the whole message, words inside an idiom left out: one
        search per class and message (not per sentence); ``_hits`` takes each sentence's share."""
        found: Dict[str, List[Tuple[int, int]]] = {}
        for name, word_class in self.tables.classes.items():
            found[name] = [h for h in word_class.phrase_hits(doc, 0, len(doc)) if not any(idiom[h[0] : h[1]])]
        return found

    def _hits(
        self, doc: Doc, start: int, end: int, idiom: bytearray, phrase_hits: Dict[str, List[Tuple[int, int]]]
    ) -> Dict[str, List[Tuple[int, int]]]:
        """Every class's hits in ``doc[start:end]``: its words there (words inside an idiom left
        out, as WordClass.hits) and the message's phrase hits (``_phrase_hits``) that lie there."""
        hits: Dict[str, List[Tuple[int, int]]] = {name: [] for name in self.tables.classes}
        get = self._classes_of.get
        for t in doc[start:end]:
            if idiom[t.i]:
                continue
            names = set(get(t.lower_, ())) | set(get(t.lemma_, ())) | set(get(t.norm_, ()))
            for name in names:
                hits[name].append((t.i, t.i + 1))
        for name, found in phrase_hits.items():
            hits[name] += [h for h in found if start <= h[0] and h[1] <= end]
        return hits

    def __call__(self, doc: Doc) -> Doc:
        spans: List[Tuple[int, int, int, str]] = []  # (level rank, start, end, label)
        idiom = bytearray(len(doc))
        for start, end in self.tables.idioms.hits(doc, 0, len(doc)):
            idiom[start:end] = b"\x01" * (end - start)
        ents = [e for e in doc.ents if not all(idiom[e.start : e.end])]
        # the message's worsening, searched once: whether there is any, and where (_progressed)
        progression_hits = (
            self.tables.classes["PROGRESSION"].hits(doc, 0, len(doc)) if "PROGRESSION" in self.tables.classes else []
        )
        progression = bool(progression_hits)
        message_phrases = self._phrase_hits(doc, idiom)  # one search per class, shared by the sentences
        by_sentence: Dict[int, Dict[str, List[Tuple[int, int]]]] = {}
        for sent in _units(doc):  # the sentences first, then the pairs
            parts = [s for s in by_sentence if sent.start <= s < sent.end]
            if len(parts) > 1:  # a pair of sentences read together: the hits of both
                hits = {name: [h for p in parts for h in by_sentence[p][name]] for name in self.tables.classes}
            else:
                hits = self._hits(doc, sent.start, sent.end, idiom, message_phrases)
                by_sentence[sent.start] = hits
            for category, rules in self.tables.rules.items():
                rank = LEVEL_RANK[CATEGORY_LEVELS[category]]
                for rule in rules:
                    if len(rule) == 1:
                        spans.extend((rank, s, e, category) for s, e in hits[rule[0]])
                        continue
                    for a in hits[rule[0]]:
                        for b in hits[rule[1]]:
                            linked = _linked(doc, a, b, self.tables.window)
                            if linked and not _reassured_across(doc, linked, (a, b)):
                                spans.append((rank, linked[0], linked[1], category))
            if progression and _about_the_writer(sent) and "WEAKNESS" in hits:
                # weakness in a message that tells of it getting worse: progressive weakness
                rank = LEVEL_RANK[CATEGORY_LEVELS["progressive_weakness"]]
                spans.extend((rank, s, e, "progressive_weakness") for s, e in hits["WEAKNESS"])
            cues = self.tables.suspect_cues
            if _vague_complaint(sent) and (
                cues is None
                or cues.hits(doc, sent.start, sent.end)
                or (any(hits[n] for ns in self.tables.suspect.values() for n in ns) and _unreadable(sent, self._words))
            ):
                for category, names in self.tables.suspect.items():
                    rank = LEVEL_RANK[CATEGORY_LEVELS[category]] + len(LEVEL_RANK)  # below affirmed
                    for name in names:
                        spans.extend((rank, s, e, category + SUSPECT_SUFFIX) for s, e in hits[name])
        if progression:
            spans.extend(_progressed(doc, ents, spans, progression_hits))
        spans = _within_one_sentence_first(doc, spans)
        if spans or len(ents) != len(doc.ents):
            doc.ents = _merge(doc, ents, spans)
        if doc.ents:  # what ConText and the detector read of the mentions (none: nothing to read)
            self._mark_sentences(doc)
        return doc

    def _mark_sentences(self, doc: Doc) -> None:
        """Mark what ConText and the detector read besides the mentions: a message not about the
        writer, and the sentences shaped as hypothetical or educational."""
        # read by the detector: mentions in these are set aside (hypothetical / not the writer's)
        doc.user_data[NOT_ABOUT_THE_WRITER] = bool(
            self.tables.not_about_the_writer is not None and self.tables.not_about_the_writer.search(doc.text)
        ) or not_about_the_writer(doc)
        hypothetical = {
            s.start
            for s in doc.sents
            if self.tables.hypothetical is not None and self.tables.hypothetical.search(s.text)
        }
        # "*incontinence" on its own line corrects a word of the sentence before: it shares its status
        sents = list(doc.sents)
        for before, sent in zip(sents, sents[1:]):
            if _CORRECTION_LINE.fullmatch(sent.text.strip()) and (
                before.start in hypothetical or not _about_the_writer(before)
            ):
                hypothetical.add(sent.start)
            # a term on its own, then asked what it means (_WHAT_IT_MEANS; thirteenth session)
            if (
                _WHAT_IT_MEANS.fullmatch(sent.text.strip())
                and _words(before) <= 3
                and _TERMS.search(before.text)
                and not any(t.lower_ in _SAID_OF_ONESELF or t.norm_ in _SAID_OF_ONESELF for t in before)
            ):
                hypothetical.add(before.start)
        doc.user_data[HYPOTHETICAL_SENTENCES] = hypothetical


# A message this short ("wet again. never felt it. bad back.") is read as one sentence: terse
# writers put the symptom and what it affects in separate fragments.
SHORT_MESSAGE_WORDS = 16


def _progressed(
    doc: Doc, ents: List[Span], spans: List[Tuple[int, int, int, str]], progression: List[Tuple[int, int]]
) -> List[Tuple[int, int, int, str]]:
    """A numb or weak leg told of as getting worse ("the leg gives way, once yesterday, five times
    today"; "in the morning he walked with a stick, now he cannot stand"): a progressive deficit,
    read as progressive weakness, whether the leg was found by the tables or by the target
    patterns. The worsening must be said in the leg's own sentence, or in the next one or two when
    they go on about it (``_goes_on``: "my leg is weak. it's getting worse"; "... first once on
    Tuesday, now every day"), and not denied ("not getting worse"): the back pain that gets worse
    is not the leg."""
    rank = LEVEL_RANK[CATEGORY_LEVELS["progressive_weakness"]]
    found = [(s, e) for _, s, e, label in spans if label == "leg_numbness_weakness"]
    found += [(e.start, e.end) for e in ents if e.label_ == "leg_numbness_weakness"]
    out = []
    for start, end in found:
        sent = doc[start].sent
        if not _about_the_writer(sent):
            continue
        scopes = [sent]
        while len(scopes) < 3 and scopes[-1].end < len(doc) and _goes_on(doc[scopes[-1].end].sent, len(scopes)):
            scopes.append(doc[scopes[-1].end].sent)
        if any(_worsening(doc, hit) for scope in scopes for hit in progression if scope.start <= hit[0] < scope.end):
            out.append((rank, start, end, "progressive_weakness"))
    return out


# a next sentence that goes on about the same thing: "my leg is weak. it's getting worse"
_SAME_SUBJECT = {"it", "it's", "its", "this", "that", "and", "now", "today", "getting", "gets", "worse"}
# or that tells its course without a subject of its own ("first once on Tuesday, now ten times a
# day"), as long as it names no other complaint (the back pain that worsens is not the leg)
_COURSE_OPENERS = {"first", "then", "yesterday", "since", "before", "earlier", "initially", "started", "began"}
# and the days and times it is told by ("Foot numb. Tuesday. By Friday the whole leg."; "Leg weak.
# Friday a bit. Saturday a lot."), or a sentence that only says it spreads (thirteenth session)
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_COURSE_OPENERS |= _WEEKDAYS | {"by", "tonight", "spread", "spreading"}
_OTHER_COMPLAINT = {"pain", "back", "knee", "knees", "ache", "aches", "hurt", "hurts", "sore", "spine", "neck"}


def _goes_on(sent: Span, after: int) -> bool:
    """Whether ``sent``, ``after`` sentences after the leg's own, goes on about the leg (see
    _progressed): the next one when it opens on "it", "now"...; any of them when it tells the
    leg's course and names no other complaint ("now the back pain is getting worse" does)."""
    opener = sent[0].lower_
    other = any(t.lower_ in _OTHER_COMPLAINT for t in sent)
    if opener in _SAME_SUBJECT and after == 1:
        return True
    return (opener in _COURSE_OPENERS or opener in _SAME_SUBJECT) and not other


def _worsening(doc: Doc, hit: Tuple[int, int]) -> bool:
    """A progression hit that is not denied just before it ("not getting worse", "isn't worse")."""
    return not any(t.norm_ in _NEGATED_BEFORE or t.lower_ in _NEGATED_BEFORE for t in doc[max(0, hit[0] - 2) : hit[0]])


def _reassured_across(doc: Doc, span: Tuple[int, int], hits: Tuple[Tuple[int, int], ...]) -> bool:
    """A link across fragments of a short message, with a negation or "fine" in one of them
    outside the two linked words ("legs both fine. knee sore.")."""
    first, last = doc[span[0]].sent, doc[span[1] - 1].sent
    if first.start == last.start:
        return False
    return any(
        (t.norm_ in _NEGATION_NORMS or t.lower_ in _NEGATION_NORMS)
        and not _novelty(t)  # "Leaking every time I sprint, never before"
        and not _negates_elsewhere(t, hits)
        and not any(s <= t.i < e for s, e in hits)
        for t in doc[first.start : last.end]
    )


# how far a negation reads forward, and the words after which it has said what it denies
_NEGATION_SCOPE = 5
_CONTRAST = {"only", "just", "but", "rather", "instead"}


def _negates_elsewhere(token, hits: Tuple[Tuple[int, int], ...]) -> bool:
    """A negation that denies something else, up to a contrast or a punctuation mark: "not the
    leg, only the place where I sit" denies the leg, not the numbness of the other sentence; "I
    never bumped it." denies the bump."""
    if token.lower_ not in _NEGATED_BEFORE and token.norm_ not in _NEGATED_BEFORE:
        return False
    doc = token.doc
    scope = []
    for t in doc[token.i + 1 : min(len(doc), token.i + 1 + _NEGATION_SCOPE)]:
        if t.is_punct or t.lower_ in _CONTRAST:
            break
        scope.append(t.i)
    else:
        return False  # no contrast or stop within reach: the negation may still reach the hits
    return bool(scope) and not any(s <= i < e for i in scope for s, e in hits)


SHORT_SENTENCE_WORDS = 8


def _words(span: Span) -> int:
    return sum(1 for t in span if not (t.is_punct or t.is_space))


def _units(doc: Doc) -> List[Span]:
    """The stretches the rules read: the sentences, and each pair of neighbouring sentences of
    which one is a fragment ("Bit of an accident at work. Never felt it."); a short message
    whole."""
    if _words(doc[:]) <= SHORT_MESSAGE_WORDS:
        return [doc[:]]
    sents = list(doc.sents)
    pairs = [
        doc[a.start : b.end]
        for a, b in zip(sents, sents[1:])
        if min(_words(a), _words(b)) <= SHORT_SENTENCE_WORDS and not (_denial(a) or _denial(b))
    ]
    return sents + pairs


# A fragment that denies a symptom ("Nothing numb, nothing weak.") is not read together with its
# neighbour; one that tells what went unnoticed ("Never felt it.", "No warning.") is
_DENIALS = {"nothing", "no", "not", "none", "nowt", "nothin", "neither", "nor"}
_NOT_DENIED = {"felt", "feel", "feeling", "noticed", "notice", "warning", "idea", "control", "sensation", "clue"}


def _denial(sent: Span) -> bool:
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    return (
        2 <= len(words) <= SHORT_SENTENCE_WORDS
        and words[0].lower_ in _DENIALS
        and words[1].lower_ not in _NOT_DENIED
        and words[1].norm_ not in _NOT_DENIED
        and not any(w.lower_ in _CONTRAST for w in words)  # "Not the leg, only the place where I sit."
    )


def _within_one_sentence_first(doc: Doc, spans: List[Tuple[int, int, int, str]]) -> List[Tuple[int, int, int, str]]:
    """A mention read across sentences is dropped where one sentence alone already says it: "what
    helps a weak leg? my left one is getting weaker and weaker" is the second sentence's
    progression, not one mention opening in the question; in a short message read whole, "knee
    swollen. back bad for months" is the back's persistence, not a mention from the knee on."""
    sentence = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        sentence[sent.start : sent.end] = [number] * (sent.end - sent.start)

    crossing = [sentence[start] != sentence[end - 1] for _, start, end, _ in spans]
    if not any(crossing):
        return spans
    single = [s for s, across in zip(spans, crossing) if not across]
    return [
        s
        for s, across in zip(spans, crossing)
        if not across or not any(o[3] == s[3] and o[1] < s[2] and s[1] < o[2] for o in single)
    ]


def _rank(label: str) -> int:
    return min(
        LEVEL_RANK[CATEGORY_LEVELS[c.rstrip(SUSPECT_SUFFIX)]] + (len(LEVEL_RANK) if c.endswith(SUSPECT_SUFFIX) else 0)
        for c in label.split("+")
    )


def _unite(
    spans: List[Tuple[int, int, int, str]],
) -> List[Tuple[Tuple[int, int, int, str], List[Tuple[int, int, int, str]]]]:
    """Overlapping spans of the same category as one mention ("no sense of when the bladder
    is full, so i go at set times"), so that a cue inside either stays inside the mention;
    each with the spans it was made of."""
    groups: List[Tuple[Tuple[int, int, int, str], List[Tuple[int, int, int, str]]]] = []
    for span in sorted(set(spans), key=lambda s: (s[3], s[0], s[1])):
        rank, start, end, label = span
        if groups and groups[-1][0][3] == label and groups[-1][0][0] == rank and start < groups[-1][0][2]:
            united, parts = groups[-1]
            groups[-1] = ((rank, united[1], max(united[2], end), label), parts + [span])
        else:
            groups.append((span, [span]))
    return groups


def _merge(doc: Doc, ents: List[Span], spans: List[Tuple[int, int, int, str]]) -> List[Span]:
    """The target patterns' ents, and the new spans, most severe and longest first: a new span
    overlapping only less severe ents replaces them; where it overlaps an equal or more severe
    one it is dropped (a united span then falls back to the spans it was made of)."""
    chosen: List[Tuple[int, int, int, str, Optional[Span]]] = [
        (_rank(e.label_), e.start, e.end, e.label_, e) for e in ents
    ]

    def place(rank: int, start: int, end: int, label: str) -> bool:
        nonlocal chosen
        overlapping = [c for c in chosen if c[1] < end and start < c[2]]
        if any(c[0] <= rank for c in overlapping):
            return False
        chosen = [c for c in chosen if c not in overlapping] + [(rank, start, end, label, None)]
        return True

    key = lambda s: (s[0], s[1] - s[2], s[1])  # noqa: E731
    for united, parts in sorted(_unite(spans), key=lambda g: key(g[0])):
        if not place(*united) and len(parts) > 1:
            for part in sorted(parts, key=key):
                place(*part)
    out = [c[4] if c[4] is not None else Span(doc, c[1], c[2], label=c[3]) for c in chosen]
    return sorted(out, key=lambda s: s.start)


# --------------------------------------------------------------------------- fail safe

_NET_CLASSES = {"bladder_bowel": "BLADDER_BOWEL_AREA", "saddle_numbness": "SADDLE_AREA", "bilateral_leg": "BOTH_LEGS"}
_NET: Optional[List[Tuple[str, Pattern]]] = None


def _net() -> List[Tuple[str, Pattern]]:
    global _NET
    if _NET is None:
        tables = Tables.load()
        net = []
        for category, name in _NET_CLASSES.items():
            wc = tables.classes[name]
            parts = sorted(wc.words, key=len, reverse=True)
            regex = r"\b(?:" + "|".join(re.escape(w) for w in parts) + r")\b"
            if wc.phrases is not None:
                regex += "|" + wc.phrases.pattern
            net.append((category, re.compile(regex)))
        _NET = net
    return _NET


def keyword_net(text: str) -> List[Tuple[str, int, int]]:
    """When the detector fails: (category, start, end) of every emergency-area word in ``text``.
    Any one of them escalates, erring towards safety."""
    lowered = text.lower()
    found = []
    for category, regex in _net():
        match = regex.search(lowered)
        if match:
            found.append((category, match.start(), match.end()))
    return found


@Language.factory("red_flag_areas")
def make_area_matcher(nlp: Language, name: str) -> AreaMatcher:
    return AreaMatcher()
