"""Deterministic red-flag detector for the back-pain / knee-pain assistant (public API).

Pipeline (built once per process, see :func:`get_detector`)::

    spacy.blank("en")
      -> sentencizer
      -> red_flag_lemmatizer  (safety.lemmas: spaCy's lookup lemmas, from a compact table)
      -> red_flag_normalizer  (safety.spelling: misspelt key terms -> token.norm_/lemma_)
      -> red_flag_phrases     (safety.phrases: merges "can't", "pins and needles", ...)
      -> red_flag_targets     (safety.red_flag_targets + safety.patterns -> doc.ents)
      -> medspacy_context     (ConText with safety.context_rules)

A message in a language of ``data/article/gloss.yml`` (French, Spanish, Portuguese, French-based
Creoles, Arabic and Maghrebi Darija in Latin letters, Swahili, Setswana/Sesotho, Twi, Cebuano,
Papiamentu) is read a second time in its English gloss (article.gloss); the two readings are
united (:func:`_union`).

The text is lower-cased first (character offsets are preserved). Decision per matched span:
negated, about another person / family, or hypothetical / educational -> ignored with that
reason; everything else escalates, including hedged and historical mentions.

Nothing here raises on odd input: empty, whitespace-only, very long or non-English text all
return an :class:`Assessment` (with ``level=None`` when nothing escalates).
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple

import spacy
from spacy.tokens import Doc, Span

from article.corrections import correct
from article.gloss import Glosser

# importing these modules registers their spaCy components (each @Language.factory beside its class)
from . import lemmas, phrases, red_flag_targets, spelling  # noqa: F401
from .areas import HYPOTHETICAL_SENTENCES, NOT_ABOUT_THE_WRITER, SUSPECT_SUFFIX, corrected_text, keyword_net
from .assessment import NOTHING, Assessment, Mention
from .categories import CATEGORY_LEVELS, CATEGORY_RANK, LEVEL_RANK, LEVELS
from .context_algorithm import ConText, ConTextRule  # noqa: F401  (registers "medspacy_context")
from .context_rules import build_context_rules
from .keypad import read_keypad

__all__ = ["LEVELS", "CATEGORY_LEVELS", "Mention", "Assessment", "RedFlagDetector", "get_detector"]

logger = logging.getLogger(__name__)

# Reasons a mention does not escalate.
NEGATED, FAMILY, OTHER_PERSON, HYPOTHETICAL = "negated", "family", "other_person", "hypothetical"
# an animal's: nothing the message says of its time makes it the writer's
ANIMAL = "animal"
_PRONOUNS = frozenset({"he", "she", "they", "his", "her", "their", "him", "them"})


_NOTHING = NOTHING

# --------------------------------------------------------------------------- text preparation

_RUN = 40
_LONG_RUN = re.compile(r"\S{%d,}" % _RUN)


def _break_run(match: re.Match[str]) -> str:
    run = match.group(0)
    return " ".join(run[i : i + _RUN - 1] for i in range(0, len(run), _RUN))[: len(run)]


# Yorkshire and Lancashire "t'" (the) written onto its noun: "t'loo", "t'wife" become "t loo",
# "t wife" (the same length), so the noun is a word of its own; safety.spelling reads "t" as "the"
_APOSTROPHES = str.maketrans({"\u00b4": "'", "`": "'", "\u02bc": "'", "\u2032": "'"})
_DEFINITE_T = re.compile(r"(?<![\w'])t'(?=[a-z])")
# a word with letters starred out ("p*ssed the bed", "s**t myself"): the one toilet word it can be
_CENSORED = re.compile(r"(?<![\w*])[a-z*]*[a-z][a-z*]*(?![\w*])")
_STARRED_WORDS = tuple(
    "piss pissed pisses pissing pissy shit shits shat shitting shitted crap crapped crapping arse".split()
)


def _unstarred(match: re.Match[str]) -> str:
    masked = match.group()
    if "*" not in masked or not masked[0].isalpha():  # "****ing" could be any word
        return masked
    fits = [w for w in _STARRED_WORDS if len(w) == len(masked) and all(m in ("*", c) for m, c in zip(masked, w))]
    return fits[0] if fits else masked


# Punctuation spoken into voice-to-text ("he cannot empty comma he keeps going period what should
# we do question mark"): read as the mark it names, padded with spaces to the same length, when
# the message shows it was dictated (a "comma", "question mark", "full stop" or "exclamation
# mark" of its own); "period" alone is left as a word ("since my period started")
# the spoken marks and what they stand for; "period" only counts once another mark shows dictation
_MARKS = {
    "comma": ",",
    "question mark": "?",
    "full stop": ".",
    "exclamation mark": "!",
    "exclamation point": "!",
    "new line": ".",
    "new paragraph": ".",
}
_DICTATED = re.compile(r"\b(?:" + "|".join(_MARKS) + r")\b")
_SPOKEN_MARK = re.compile(
    r"\b(?:"
    + "|".join(_MARKS)
    + r"|(?<!\bmy )(?<!\bher )(?<!\bthe )(?<!\ba )(?<!\bthis )(?<!\bthat )(?<!\bof )period)\b"
)


def _spoken_mark(match: re.Match[str]) -> str:
    word = match.group(0)
    return _MARKS.get(word, ".").ljust(len(word))  # "period": "."


def _prepare(text: str) -> str:
    """Lower-case ``text`` without changing its length (character offsets stay valid), part
    Yorkshire "t'" from its noun, read dictated punctuation as the marks it names, read an old
    keypad phone's slips ("back rain") as the words meant (safety.keypad), and break
    whitespace-free runs of 40+ characters (spaCy's tokenizer is quadratic on a huge "word"
    such as 20,000 punctuation marks)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        # a few characters change length when lower-cased (e.g. "İ"): do it per character
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if _DICTATED.search(lowered):
        lowered = _SPOKEN_MARK.sub(_spoken_mark, lowered)
    # an acute accent, a backtick or a modifier letter typed for the apostrophe ("don´t", "can`t")
    # is read as one, so that "don´t feel" is "don't feel"
    lowered = lowered.translate(_APOSTROPHES)
    if "*" in lowered:
        lowered = _CENSORED.sub(_unstarred, lowered)
    lowered = read_keypad(lowered)
    return _LONG_RUN.sub(_break_run, _DEFINITE_T.sub("t ", lowered))


# --------------------------------------------------------------------------- detector

# someone who has died, or a year named: the time told is theirs, not now (RedFlagDetector._dated_at)
_GONE = re.compile(
    r"\b(?:died|dead|passed (?:away|on)|my late|late (?:husband|wife|mum|mom|dad|father|mother)|funeral|"
    r"rest (?:her|his|she|he) soul|(?:19|20)\d\d)\b"
)
# the ConText cues that set a case up as imagined ("in case", "if", "suppose"), and the times that
# make it real after all ("since yesterday", "twice today"): RedFlagDetector._imagined
_IMAGINING_CUE = re.compile(r"(?:if|in case|what if|suppose|supposing|imagine|let'?s say|lets say|say)\b")
_TIMED = re.compile(r"\b(?:since|today|tonight|yesterday|this morning|last night|now|ago|twice|again|already)\b")

# ConText category -> Span attribute it sets (read by RedFlagDetector._reason)
_SPAN_ATTRS = {
    "NEGATED_EXISTENCE": {"is_negated": True},
    "POSSIBLE_EXISTENCE": {"is_uncertain": True},
    "HISTORICAL": {"is_historical": True},
    "HYPOTHETICAL": {"is_hypothetical": True},
    "FAMILY": {"is_family": True},
    "OTHER_PERSON": {"is_other_person": True},
    "ANIMAL": {"is_animal": True},
}


class RedFlagDetector:
    """Deterministic red-flag detector. Build once (``get_detector()``), call :meth:`assess`."""

    # longer messages are processed in overlapping chunks (spaCy's own limit is far higher)
    _CHUNK = 50_000
    _OVERLAP = 500
    # ConText compares every pair of modifiers in a doc; in long messages it runs on windows of
    # +-_WINDOW tokens (within the sentence) around the matched targets instead.
    _LONG_DOC = 150
    _WINDOW = 40

    def __init__(self) -> None:
        nlp = spacy.blank("en")
        # "'im" (him, its h dropped) is one word, not the "i" + "m" of "im" (I'm)
        nlp.tokenizer.add_special_case("'im", [{"ORTH": "'"}, {"ORTH": "im"}])
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("red_flag_lemmatizer")
        nlp.add_pipe("red_flag_normalizer")
        nlp.add_pipe("red_flag_phrases")
        nlp.add_pipe("red_flag_targets")
        nlp.add_pipe("red_flag_areas")
        # medspaCy requires custom span attributes to be registered before it is configured
        for attrs in _SPAN_ATTRS.values():
            for attr in attrs:
                if not Span.has_extension(attr):
                    Span.set_extension(attr, default=False)
        context = nlp.add_pipe("medspacy_context", config={"rules": None, "span_attrs": _SPAN_ATTRS})
        context.add(build_context_rules(ConTextRule.from_json(context.DEFAULT_RULES_FILEPATH)))
        self._nlp = nlp
        self._tables = nlp.get_pipe("red_flag_areas").tables
        self._context = context
        self._pre_context = [c for name, c in nlp.pipeline if name != "medspacy_context"]
        self._glosser = Glosser()
        self._lock = threading.Lock()

    def assess(self, text: str) -> Assessment:
        try:
            if text is None:
                return _NOTHING
            if not isinstance(text, str):
                text = str(text)
            if not text.strip():
                return _NOTHING
            return self._assess(text)
        except Exception:  # never raise into the conversation; fail safe, not open
            logger.exception("red-flag assessment failed: the keyword net decides")
            return _fail_safe(text)

    def _assess(self, text: str) -> Assessment:
        # "left food is numb\n*foot": read with the writer's own fix; `back` maps the corrected
        # text's offsets to the message as written, where the mentions are shown
        corrected, back = correct(text)
        lowered = _prepare(corrected)
        assessment = self._read(text, lowered, back)
        # a message in a language of the gloss table is read in English too (article.gloss) and
        # what either reading affirms counts: the words the tables read as written (Papiamentu
        # "dos pia") stay read, and the gloss adds what the English rules find in it
        glossed = self._glosser.gloss_with_phrases(lowered)
        if glossed is None:
            return assessment
        glossed_text, place, read_phrases = glossed
        if back is not None:
            place = [back[i] for i in place]
            read_phrases = [(back[s], back[max(s, e - 1)] + 1, english) for s, e, english in read_phrases]
        return _union(assessment, self._read(text, glossed_text, place), read_phrases)

    def _read(self, text: str, lowered: str, place: Optional[List[int]]) -> Assessment:
        """Assess ``lowered``: ``text`` prepared, or (with ``place`` mapping each of its offsets
        back to ``text``) its gloss or its corrected reading."""
        source = text if place is None else lowered  # what case-sensitive checks read
        affirmed: Dict[Tuple[int, int, str], Mention] = {}
        ignored: Dict[Tuple[int, int, str], Tuple[Mention, str]] = {}
        imagined_keys: Set[Tuple[int, int, str]] = set()
        docs_read: List[Doc] = []

        def read() -> List[str]:
            """The message as written and as read with its spellings corrected ("I'm wi 'im now"
            is "I'm with him now"), for the message-wide patterns: onset, someone here, ...; built
            only when a mention needs them (the corrected texts are cached on the docs)."""
            return [lowered] + [t for t in map(corrected_text, docs_read) if t]

        # whether the message dates an onset: searched once, and only if a mention needs it
        onset = functools.cache(
            lambda: self._tables.onset is not None and any(self._tables.onset.search(t) for t in read())
        )

        for offset, chunk in self._chunks(lowered):
            with self._lock:
                docs = self._process(chunk, source[offset : offset + len(chunk)])
            for doc_offset, doc in docs:
                docs_read.append(doc)
                for ent in doc.ents:
                    start = offset + doc_offset + ent.start_char
                    end = offset + doc_offset + ent.end_char
                    if place is not None:
                        start, end = _whole_words(text, place[start], place[end - 1] + 1)
                    reason = self._reason(ent)
                    # a relative's case, imagined ("in case my husband starts having accidents"):
                    # what makes a relative's red flag current does not make it real
                    imagined = reason == FAMILY and self._imagined(ent)
                    if reason == HYPOTHETICAL and onset() and not self._shaped_hypothetical(ent):
                        reason = None  # "is it serious if my feet both tingle? started monday"
                    for category in ent.label_.split("+"):
                        level = CATEGORY_LEVELS[category.rstrip(SUSPECT_SUFFIX)]
                        mention = Mention(category, level, text[start:end], start, end)
                        key = (start, end, category)
                        # a mention affirmed in any chunk overlap wins over an ignored copy
                        if reason is None:
                            affirmed[key] = mention
                            ignored.pop(key, None)
                        elif key not in affirmed:
                            ignored[key] = (mention, reason)
                            if imagined:
                                imagined_keys.add(key)
        suspected_keys = [k for k in affirmed if k[2].endswith(SUSPECT_SUFFIX)]
        suspected = {k[2][: -len(SUSPECT_SUFFIX)] for k in suspected_keys}
        for key in suspected_keys:
            del affirmed[key]
        for key in [k for k in ignored if k[2].endswith(SUSPECT_SUFFIX)]:
            del ignored[key]
        # what the message as a whole says of the mentions set aside (searched only if there are any)
        reasons, here = self._reasons_overruled("\n".join(read()), onset) if ignored else (set(), False)
        for key, (mention, reason) in list(ignored.items()):
            if key in imagined_keys and not here:
                continue  # only the person being here now ("typing for my dad, he's here") makes it real
            if (reason in reasons or self._dated_at(text, mention, reason)) and not key[2].endswith(SUSPECT_SUFFIX):
                affirmed[key] = mention
                del ignored[key]
        mentions = tuple(sorted(affirmed.values(), key=lambda m: m.start))
        flags = tuple(sorted({m.category for m in mentions}, key=CATEGORY_RANK.__getitem__))
        level = min((CATEGORY_LEVELS[f] for f in flags), key=LEVEL_RANK.__getitem__, default=None)
        ignored_mentions = tuple(sorted(ignored.values(), key=lambda mr: mr[0].start))
        suspected_categories = () if flags else tuple(sorted(suspected, key=CATEGORY_RANK.__getitem__))
        return Assessment(
            level=level,
            flags=flags,
            mentions=mentions,
            ignored=ignored_mentions,
            suspected=suspected_categories,
            # nothing found at all: the keyword net says whether a clinician should still look
            area_words=() if mentions or ignored_mentions or suspected_categories else tuple(keyword_net(text)),
        )

    def _reasons_overruled(self, lowered: str, onset: Callable[[], bool]) -> Tuple[Set[str], bool]:
        """The reasons for setting a mention aside that the message as a whole overrules, and
        whether the message says the person is here or that it is the writer ("it was me")."""
        tables = self._tables
        reasons: Set[str] = set()
        here = False
        # "can a bad back make you pee yourself? because that happened to me": the general
        # question was the writer's own; "my husband noticed the sheets were wet, and it was me"
        if tables.self_reference is not None and tables.self_reference.search(lowered):
            reasons.add(HYPOTHETICAL)
        if tables.self_reference_strong is not None and tables.self_reference_strong.search(lowered):
            reasons.update((HYPOTHETICAL, FAMILY, OTHER_PERSON))
            here = True
        # "typing for my dad, he's sat next to me": the person who has it is here now
        if tables.someone_here is not None and tables.someone_here.search(lowered):
            reasons.update((FAMILY, OTHER_PERSON))
            here = True
        # "Mum had an accident with her bowels just now", "Dad can't feel it since Monday": a red
        # flag of someone the writer speaks for, happening now, is acted on now like the writer's
        # own; not someone long ago or far away ("my uncle had it years ago")
        elif self._current_other(lowered, onset):
            reasons.update((FAMILY, OTHER_PERSON))
        return reasons, here

    def _dated_at(self, text: str, mention: Mention, reason: str) -> bool:
        """Someone's red flag dated in the words right after it ("Mum can't hold her bowels since
        yesterday"): current, whatever else the message places long ago ("she had surgery years
        ago"); not a date of the writer's after a comma ("grandad used to, since Monday I've ...")."""
        if reason not in (FAMILY, OTHER_PERSON) or self._tables.onset is None or _GONE.search(text.lower()):
            return False
        clause = re.split(r"[.?!\n]", text[mention.end : mention.end + 40].lower(), maxsplit=1)[0].lstrip(" ")
        match = self._tables.onset.match(clause) if clause.startswith(("since ", "from ")) else None
        # "couldn't walk from Monday until the end": a span of time that closed
        return bool(match) and not re.match(r"\W*(?:until|till|to|that week)\b", clause[match.end() :])

    def _current_other(self, lowered: str, onset: Callable[[], bool]) -> bool:
        tables = self._tables
        if tables.someone_distant is not None and tables.someone_distant.search(lowered):
            # long ago, unless something new is happening to them now ("had breast cancer three
            # years ago, and now she has new back pain")
            return tables.someone_again is not None and bool(tables.someone_again.search(lowered))
        return onset() or (tables.someone_now is not None and bool(tables.someone_now.search(lowered)))

    def _process(self, lowered: str, original: str) -> List[Tuple[int, Doc]]:
        """Run the pipeline; returns (char offset in ``lowered``, doc) pairs holding the ents."""
        doc = self._nlp.make_doc(lowered)
        doc.user_data["original_text"] = original  # for case-sensitive checks ("ED")
        for component in self._pre_context:
            doc = component(doc)
        if len(doc) <= self._LONG_DOC or not doc.ents:
            return [(0, self._context(doc))]
        windows: List[List[int]] = []
        for ent in doc.ents:
            sent = ent.sent
            start = max(sent.start, ent.start - self._WINDOW)
            end = min(sent.end, ent.end + self._WINDOW)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], end)
            else:
                windows.append([start, end])
        out = []
        for start, end in windows:
            part = doc[start:end].as_doc()
            part.user_data[NOT_ABOUT_THE_WRITER] = doc.user_data.get(NOT_ABOUT_THE_WRITER)
            hypothetical = doc.user_data.get(HYPOTHETICAL_SENTENCES, set())
            part.user_data[HYPOTHETICAL_SENTENCES] = {
                max(0, s.start - start)
                for s in doc[start:end].sents
                if s.start in hypothetical or doc[max(s.start, start)].sent.start in hypothetical
            }
            out.append((doc[start].idx, self._context(part)))
        return out

    @staticmethod
    def _imagined(ent: Span) -> bool:
        """Set in a condition ("in case", "if", "suppose") by the cue that modified it, not only
        in a question's shape ("is it normal that my mum keeps wetting herself?" asks about what is
        happening), and with no time that makes it real ("today", "since yesterday")."""
        if _TIMED.search(ent.sent.text):
            return False  # "in case it matters, my husband has had no pee since yesterday"
        doc = ent.doc
        return any(
            m.category == "HYPOTHETICAL"  # ConText's category (HYPOTHETICAL is this module's reason)
            and _IMAGINING_CUE.match(doc[m.modifier_span[0] : m.modifier_span[1]].text.lower())
            for m in ent._.modifiers
        )

    @staticmethod
    def _shaped_hypothetical(ent: Span) -> bool:
        """Set aside by a hypothetical sentence shape or a "not about me" message, not by ConText."""
        return bool(
            ent.sent.start in ent.doc.user_data.get(HYPOTHETICAL_SENTENCES, ())
            or ent.doc.user_data.get(NOT_ABOUT_THE_WRITER)
        )

    @staticmethod
    def _only_pronouns(ent: Span) -> bool:
        """The other-person cues are all pronouns ("my mum, she's 58, can't ..."): they name the
        relative the message is about, not someone besides them; so the mention is the relative's,
        and a case imagined for them stays imagined ("in case my dad, he's 80, starts ...")."""
        doc = ent.doc
        return all(doc[m.modifier_span[0]].lower_ in _PRONOUNS for m in ent._.modifiers if m.category == "OTHER_PERSON")

    @staticmethod
    def _reason(ent: Span) -> Optional[str]:
        if ent._.is_negated:
            return NEGATED
        if ent._.is_animal:
            return ANIMAL
        if ent._.is_other_person and not (ent._.is_family and RedFlagDetector._only_pronouns(ent)):
            return OTHER_PERSON
        if ent._.is_family:
            return FAMILY
        if ent.doc.user_data.get(NOT_ABOUT_THE_WRITER):
            return OTHER_PERSON
        if ent.sent.start in ent.doc.user_data.get(HYPOTHETICAL_SENTENCES, ()):
            return HYPOTHETICAL
        if ent._.is_hypothetical:
            return HYPOTHETICAL
        return None  # affirmed, hedged (is_uncertain) and historical mentions escalate

    def _chunks(self, text: str) -> Iterable[Tuple[int, str]]:
        if len(text) <= self._CHUNK:
            yield 0, text
            return
        start = 0
        while start < len(text):
            end = min(len(text), start + self._CHUNK)
            if end < len(text):  # cut at whitespace so no word is split
                cut = text.rfind(" ", start + self._CHUNK // 2, end)
                end = cut if cut > 0 else end
            yield start, text[start:end]
            if end >= len(text):
                break
            start = max(end - self._OVERLAP, start + 1)
            space = text.find(" ", start, end)
            start = space + 1 if space >= 0 else start


def _whole_words(text: str, start: int, end: int) -> Tuple[int, int]:
    """``start`` and ``end`` widened to the edges of the words they fall in (a gloss maps its
    words back to the phrase they stand for only roughly)."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _overlap(a: Mention, b: Mention) -> bool:
    return a.category == b.category and a.start < b.end and b.start < a.end


# what a glossed phrase says when it denies the thing or calls it all right: "wala ko nahulog" is
# "I didn't fall", "hakuna ganzi" is "no numbness"; not a symptom said with "not" ("doesn't come
# out", "not emptying", "can't feel")
_DENIAL = re.compile(
    r"^(?:i |he |she |we |they )?(?:didn't|don't|doesn't|did not|do not|does not|never) (?:have|has|had|fall|fell)\b"
    r"|\bno (?:problem|problems|accident|numbness|fever|pain)\b|\b(?:is|are) normal\b|\bis fine\b|\bcan control\b"
    r"|\b(?:is|are) not (?:numb|weak)\b|\bdoes not hurt\b",
    re.IGNORECASE,
)


def _denied_in_gloss(mention: Mention, read_phrases: Sequence[Tuple[int, int, str]]) -> bool:
    """Whether every word of ``mention`` lies in a phrase the gloss read, and one of those phrases
    says a denial: the word read alone ("nahulog", fell) is not what the phrase says."""
    covering = set()
    for offset, char in enumerate(mention.text):
        if not char.isalnum():
            continue
        inside = [i for i, (start, end, _) in enumerate(read_phrases) if start <= mention.start + offset < end]
        if not inside:
            return False
        covering.update(inside)
    return any(_DENIAL.search(read_phrases[i][2]) for i in covering)


def _union(first: Assessment, second: Assessment, read_phrases: Sequence[Tuple[int, int, str]] = ()) -> Assessment:
    """What two readings of one message (as written, ``first``, and glossed, ``second``) affirm,
    together: the most severe level, every flag and mention, but for a mention of the first that
    the second sets aside, or that lies wholly in phrases the gloss read as a denial
    (``read_phrases``: start, end and English) and the second does not affirm; the safety
    question only when neither affirms anything, on what the glossed reading suspects."""
    # a mention the English reading sets aside (negated, someone else's, a question: words the
    # tables can't read as written, "¿qué pasa si...") is not affirmed by the reading as written;
    # nor is one made only of words the gloss read in a phrase that denies: Cebuano "wala ko
    # nahulog" is "I didn't fall", though "nahulog" alone reads "fall"
    kept, overruled = [], []
    for m in first.mentions:
        reason = next((why for other, why in second.ignored if _overlap(m, other)), None)
        if (
            reason is None
            and _denied_in_gloss(m, read_phrases)
            and not any(_overlap(m, other) for other in second.mentions)
        ):
            reason = "glossed"
        (kept if reason is None else overruled).append((m, reason))
    mentions = {(m.start, m.end, m.category): m for m in [m for m, _ in kept] + list(second.mentions)}
    ignored = {
        (m.start, m.end, m.category): (m, reason)
        for m, reason in first.ignored + second.ignored + tuple(overruled)
        if (m.start, m.end, m.category) not in mentions
    }
    flags = tuple(sorted({m.category for m in mentions.values()}, key=CATEGORY_RANK.__getitem__))
    level = min((CATEGORY_LEVELS[f] for f in flags), key=LEVEL_RANK.__getitem__, default=None)
    # the safety question goes by the English reading when there is one: "pis" (then) in a French
    # message is not "piss"
    suspected = set() if flags else set(second.suspected)
    return Assessment(
        level=level,
        flags=flags,
        mentions=tuple(sorted(mentions.values(), key=lambda m: m.start)),
        ignored=tuple(sorted(ignored.values(), key=lambda mr: mr[0].start)),
        suspected=tuple(sorted(suspected, key=CATEGORY_RANK.__getitem__)),
        area_words=() if mentions or ignored or suspected else first.area_words,
    )


def _fail_safe(text: object) -> Assessment:
    """The emergency keyword net's verdict; escalates if even that fails."""
    try:
        text = str(text)
        found = keyword_net(text)
    except Exception:
        logger.exception("the keyword net failed too: escalating")
        return Assessment(level="emergency", flags=("bladder_bowel",), mentions=(), ignored=())
    if not found:
        return _NOTHING
    mentions = tuple(Mention(c, CATEGORY_LEVELS[c], text[s:e], s, e) for c, s, e in found)
    flags = tuple(sorted({m.category for m in mentions}, key=CATEGORY_RANK.__getitem__))
    return Assessment(level="emergency", flags=flags, mentions=mentions, ignored=())


_DETECTOR: Optional[RedFlagDetector] = None
_DETECTOR_LOCK = threading.Lock()


def get_detector() -> RedFlagDetector:
    """The process-wide detector (built on first use; creation is thread-safe)."""
    global _DETECTOR
    if _DETECTOR is None:
        with _DETECTOR_LOCK:
            if _DETECTOR is None:
                _DETECTOR = RedFlagDetector()
    return _DETECTOR
