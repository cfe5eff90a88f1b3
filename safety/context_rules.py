"""ConText rules added on top of medspaCy's defaults (family / other people, lay negation,
hedges, hypothetical and educational wording, scope terminators), with the conditions
(``on_modifies`` callbacks) that restrict where they apply."""

from typing import Iterable, List

from spacy.tokens import Span

from safety.context_algorithm import ConTextRule

_FIRST_PERSON = {
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "im",
    "ive",
    "ma",
    "ako",
    "akong",
    "kami",
    "mujhe",
    "mujhko",
    "mera",
    "meri",
    "mere",
    "hu",
    "hoon",
    # Jamaican patois and Pidgin "mi" (I, me, my)
    "mi",
    # Tok Pisin "mipla" (we)
    "mipla",
    "miself",
    # the writer among others, and northern English "us" (me): "give us a hand"
    "us",
    # Yorkshire and northern "ah" (I): "ah've been wettin missen"
    "ah",
    # Afrikaans "ek" (I), "ons" (we); not Mauritian Kreol "mo" (I, my), which is Bislama "and"
    "ek",
    "ons",
}
# possessives that name the writer's person rather than the writer ("my mum", "mera dost")
_POSSESSIVE_BEFORE_PERSON = ("my", "ma", "mi", "mera", "meri", "mere", "me", "mo")


# what a denial of its own says between "not" and the comma: an action or a laugh ("not sitting
# on anything,", "lol not lol,"), not a symptom list ("no numbness, tingling or weakness")
_LAUGHS = {"lol", "lmao", "haha", "hahaha", "joking", "kidding", "sure", "really"}
# symptoms named with "-ing" begin a list of denied symptoms, not an action ("no tingling,
# numbness or weakness"; twelfth session)
_SYMPTOMS_IN_ING = {
    "tingling",
    "burning",
    "throbbing",
    "aching",
    "shooting",
    "stabbing",
    "swelling",
    "leaking",
    "dribbling",
}
# "no poo for two days and down there it's numb": after "and", a new subject or place begins a
# clause of its own, which the "no" of the first does not reach (twelfth session)
# (the writer, "i", since the fourteenth session)
_NEW_SUBJECT = set("down my me mi his her everything it it's its he she there when i i'm im".split())
# and after a comma or "and", the legs or the back named with their article: "not drunk, the legs
# won't carry me" (thirteenth session; "no leaks, the pads are for my mum" stays denied; "and" the
# fourteenth)
_ARTICLES = {"the", "de", "la", "las", "los", "el"}
# the legs, the back or the pain ("no sleep at all, the pain runs down the leg")
_BODY = set("legs leg feet foot back bum bottom knees knee toes pain sciatica piernas pierna".split())


def _first_word(token) -> str:
    """A token's first word, lower case ("back passage" is one token), or "" for a line break."""
    words = token.lower_.split()
    return words[0] if words else ""


def _opened_before(doc, i: int) -> bool:
    """Whether ``doc[i]`` stands inside a parenthesis opened earlier in its sentence."""
    for t in reversed(doc[doc[i].sent.start : i]):
        if t.text in (")", "("):
            return t.text == "("
    return False


def _within_its_clause(on_modifies):
    """A negation that denies something of its own before a comma ("it's like I'm not sitting on
    anything, all numb round my bottom"; "lol not lol, woke up wet") does not reach past the
    comma."""

    def check(target: Span, modifier: Span, span_between: Span) -> bool:
        doc = target.doc
        if modifier.end <= target.start:
            own = []
            for t in doc[modifier.end : target.start]:
                if t.lower_ in _CLAUSE_BREAKS:
                    denied_own = own and not any(e.start < t.i and modifier.end < e.end for e in doc.ents)
                    if denied_own and any(
                        (w.norm_.endswith("ing") and w.norm_ not in _SYMPTOMS_IN_ING) or w.lower_ in _LAUGHS
                        for w in own
                    ):
                        return False
                    if t.text == ")" and _opened_before(doc, modifier.start):
                        return False  # "my uncle (he can't read this) says his bottom is numb"
                    after = next((w for w in doc[t.i + 1 :] if not w.is_space), None)  # past line breaks
                    if denied_own and after is not None and t.lower_ in ("and", ","):
                        if _first_word(after) in _NEW_SUBJECT:
                            return False
                        # ", the legs ...": the body named with its article
                        named = next((_first_word(w) for w in doc[after.i + 1 :] if not w.is_space), "")
                        if after.lower_ in _ARTICLES and named in _BODY:
                            return False
                    break
                own.append(t)
        return True if on_modifies is None else on_modifies(target, modifier, span_between)

    return check


def _outside_target(on_modifies):
    """Wrap a rule's on_modifies so a modifier lying inside a target never modifies it.

    medspaCy's overlap test (util.tuple_overlaps) misses a modifier strictly inside the target,
    so the "n't" of "can't pee" would negate "can't pee" itself.
    """

    def check(target: Span, modifier: Span, span_between: Span) -> bool:
        # a cue inside any red-flag mention is part of that symptom ("haven't managed to open
        # my bowels"), not a modifier of the next one
        if any(e.start <= modifier.start and modifier.end <= e.end for e in target.doc.ents):
            return False
        return True if on_modifies is None else on_modifies(target, modifier, span_between)

    return check


_SAYING = {
    "tell",
    "tells",
    "told",
    "say",
    "says",
    "said",
    "asked",
    "asks",
    "showed",
    "shows",
    "texted",
    "rang",
    "called",
    "warned",
    "reminded",
}


# "me ma", "our da", "the mam": the words before "ma" / "da" that make them a parent
_KIN_POSSESSIVES = {"me", "my", "our", "yer", "your", "his", "her", "the"}


def _person_follows(token) -> bool:
    """ "my mum", "my lifting buddy", "my running coach": a person word one or two words on."""
    following = token.doc[token.i + 1 : token.i + 3]
    return any(t.lemma_ in _PEOPLE or t.lower_ in _PEOPLE for t in following)


def _has_first_person(tokens: Iterable) -> bool:
    """A first-person word, not counting the "me" of "she tells me" / "he told me" or the "my"
    of "my mother" / "the legs of my mate"."""
    for t in tokens:
        before = t.doc[t.i - 1].lower_ if t.i > 0 else ""
        after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if t.lower_ in _FIRST_PERSON and not (
            (t.lower_ == "me" and before in _SAYING)
            or (t.lower_ == "ma" and after is not None and after.text == "-")  # Tagalog "ma-control"
            or (t.lower_ == "ma" and before in _KIN_POSSESSIVES)  # Irish "me ma": the mother
            or (t.lower_ == "mine" and before == "of")
            or (t.lower_ == "us" and before == "the")  # "my cousin in the US": the country
            or (t.lower_ in _POSSESSIVE_BEFORE_PERSON and _person_follows(t))
        ):
            return True
    return False


_THIRD_PERSON = {
    "he",
    "she",
    "him",
    "her",
    "his",
    "hers",
    "they",
    "them",
    "their",
    "he's",
    "she's",
    "himself",
    "herself",
    "himsel",
    "hersel",
    "themselves",
    # Tagalog and Hindi (in Latin letters)
    "siya",
    "niya",
    "usko",
    "unko",
    "uska",
    "uski",
    "uske",
    "unka",
    "unki",
    "unke",
}


def _names_a_thing(token) -> bool:
    """A person word that is part of a product's or a body part's name ("Tena Lady pads", "lady
    parts"), not a person (twelfth session)."""
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return before == "tena" or after in ("parts", "bits", "pads", "pad")


def not_about_the_writer(doc) -> bool:
    """A message that tells of another person ("my father ...", "teammate got ... he ...") and
    never of the writer: no first-person word but "my <person>", "told me", and the "I" of a
    question about helping them ("how do I get him to go?")."""
    # the other person is named before the first symptom is told, or in its sentence: "sat on the
    # toilet straining, nothing. my buddy says relax" tells the writer's own symptom first
    told = doc[: doc.ents[0].sent.end] if doc.ents else doc
    people = any((t.lemma_ in _PEOPLE or t.lower_ in _PEOPLE) and not _names_a_thing(t) for t in told)
    if not people:
        return False
    starts_with_person = any(
        len(s) > 1 and s[0].lower_ in ("my", "ma", "mi", "the", "our") and s[1].lemma_ in _PEOPLE for s in told.sents
    )
    if not (starts_with_person or any(t.lower_ in _THIRD_PERSON for t in told)):
        return False
    for sent in doc.sents:
        helping = sent[-1].lower_ == "?" and any(t.lower_ in _THIRD_PERSON for t in sent)
        if not helping and _has_first_person(sent):
            return False
    return True


_CLAUSE_BREAKS = {"and", "but", "so", ",", ";", ".", "-", "while", "whilst", "because", "cos", "as", ")"}


# what a person does who sees the writer's symptom ("my wife noticed the bed was wet") rather
# than has it
_WITNESSING = {
    "notice",
    "noticed",
    "notices",
    "see",
    "saw",
    "seen",
    "find",
    "found",
    "spot",
    "spotted",
    "smell",
    "smelled",
    "smelt",
}


def _witness_or_helper(modifier: Span, target: Span) -> bool:
    """The person is the witness of what follows ("my wife noticed the bed is wet") or does
    something to the writer ("my family is carrying me to the toilet"), and nothing between
    names another person as the one who has it ("my wife noticed she ..." stays hers)."""
    doc = modifier.doc
    if target.start < modifier.end:
        clause = doc[modifier.end : min(modifier.end + 6, modifier.sent.end)]
    else:
        clause = doc[modifier.end : target.end]
    words = [t.lower_ for t in clause]
    if any(w in _THIRD_PERSON or w in _PEOPLE for w in words):
        return False
    if any(t.lower_ in _WITNESSING or t.lemma_ in ("notice", "spot") for t in clause[:3]):
        return True
    for i, t in enumerate(clause[:-1]):
        if t.lower_ in _CLAUSE_BREAKS:
            break
        if clause[i + 1].lower_ == "me" and t.lower_ not in _SAYING and t.lower_.endswith(("ing", "ed", "s")):
            return True  # "is carrying me", "helped me", "takes me"
    return False


def _not_about_me(target: Span, modifier: Span, span_between: Span) -> bool:
    """Family / other-person cues apply unless the user speaks about themself in between
    ("my wife says I keep wetting myself"), in the mention or just after it ("my daughter
    noticed a damp patch on my chair"), or describes themself ("i'm a patient with ...")."""
    doc = target.doc
    after = []
    for t in doc[target.end : min(target.end + 3, target.sent.end)]:
        if t.lower_ in _CLAUSE_BREAKS:  # "... and i'm the nurse in the house": another clause
            break
        if not (t.i + 1 < len(doc) and doc[t.i + 1].lemma_ in _PERSON_LEMMAS):
            after.append(t)
    between = [t for t in span_between if not _in_relative_clause(t) and not _in_affiliation(t)]
    if _has_first_person(between) or _has_first_person(target) or _has_first_person(after):
        return False
    if _witness_or_helper(modifier, target):
        return False
    if _borrowed_thing(modifier) or _vocative(modifier):
        return False
    following = [t.lower_ for t in doc[modifier.end : modifier.end + 2]]
    if following[:2] == ["ke", "saath"] or following[:1] == ["kami"]:  # "wife ke saath": with my wife
        return False
    before = [t.lower_ for t in modifier.doc[max(0, modifier.start - 3) : modifier.start]]
    return not ("i" in before and any(w in ("'m", "m", "am", "was") for w in before))


def _word_before(modifier: Span) -> str:
    return modifier.doc[modifier.start - 1].lower_ if modifier.start > 0 else ""


# what the writer is when "playing the hero" or "being a hero": no character of a story
_PLAYING = frozenset("play playing played be being like as".split())


def _a_character(target: Span, modifier: Span, span_between: Span) -> bool:
    """A character of a story, not the writer "playing the hero" or "being a hero"."""
    return _word_before(modifier) not in _PLAYING and _not_about_me(target, modifier, span_between)


# what follows "dog's" when it names a thing, not the animal: "cow's milk", "a dog's dinner of a week"
_ANIMAL_THINGS = frozenset(
    "milk ear ears dinner breakfast life eye eyes mouth body plant plants factory farm farms shed food feed house coop "
    "pen market shop walker walking sitting sitter show meat".split()
)
# what comes before an animal that is not the subject: "walking the dog", "out with the dog"; a
# simile ("sick as a dog"); "a cow kicked him": an animal named with "a" is seldom the patient
_BEFORE_AN_OBJECT = frozenset(
    "walk walking walked walks with took take taking fed feed feeding and me at after a an as like".split()
)
# the person an animal's kick or throw lands on: then the injury is theirs
_HURT_PEOPLE = frozenset("me him her them us my his their".split())


def _an_animal(target: Span, modifier: Span, span_between: Span) -> bool:
    """The animal is the one it happens to, not one the writer walks or feeds ("walking the dog,
    both my legs went numb"), and the word names the animal ("cow's milk", "the chicken plant" do
    not)."""
    doc = modifier.doc
    if "injury" in target.label_ and any(t.lower_ in _HURT_PEOPLE for t in target):
        return False  # the animal is what hurt someone: "the cow kicked him in the back"
    after = doc[modifier.end : modifier.end + 2]
    if any(t.lower_ in _ANIMAL_THINGS for t in after if t.lower_ not in ("'s", "s")):
        return False
    if _word_before(modifier) in _BEFORE_AN_OBJECT:
        return False
    return _not_about_me(target, modifier, span_between)


# what a writer may borrow from someone ("nicking the wife's pads"): the owner is not the patient
_BORROWED_THINGS = {"pad", "pads", "nappy", "nappies", "diaper", "diapers", "depends", "pull-ups", "tena"}
# what follows a kin word the writer addresses ("dada the place where we sit ...", "didi please")
_AFTER_VOCATIVE = {
    ",",
    "the",
    "i",
    "my",
    "please",
    "pls",
    "plz",
    "what",
    "how",
    "why",
    "which",
    "help",
    "tell",
    "sorry",
    "question",
}
_GREETINGS = {"hi", "hello", "hey", "namaste", "namaskar", "salaam", "salam", "dear", "oh", "o"}


def _borrowed_thing(modifier: Span) -> bool:
    """ "the wife's pads", "mamaw's old pads": a possessive kin word owning a continence product."""
    doc = modifier.doc
    if modifier[-1].lower_ not in ("'s", "'") and not modifier[-1].lower_.endswith("'s"):
        return False
    return any(t.lower_ in _BORROWED_THINGS for t in doc[modifier.end : modifier.end + 3])


def _vocative(modifier: Span) -> bool:
    """A kin word opening the message to address the reader ("dada the place where ...")."""
    doc = modifier.doc
    if any(t.lower_ not in _GREETINGS and not t.is_punct for t in doc[: modifier.start]):
        return False
    return modifier.end < len(doc) and doc[modifier.end].lower_ in _AFTER_VOCATIVE


def _not_fullness(target: Span, modifier: Span, span_between: Span) -> bool:
    """ "full feeling" (sensation intact) negates; "bladder full full feeling" is retention."""
    doc = modifier.doc
    before = {t.lower_ for t in doc[max(0, modifier.start - 2) : modifier.start]}
    return not before & {"full", "bladder", "tummy", "belly", "stomach", "abdomen"}


_RELATIVE_VERBS = {"work", "worked", "live", "lived", "play", "played", "train", "trained", "know", "knew", "met"}


def _in_relative_clause(token) -> bool:
    """The "I" of "the guy I work with had ...": it names the other person, it is not the writer's
    own report."""
    doc = token.doc
    if token.lower_ != "i" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in _RELATIVE_VERBS:
        return False
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.lower_ in ("that", "who", "whom") and token.i > 1:
        before = doc[token.i - 2]
    return before is not None and (before.lemma_ in _PERSON_LEMMAS or before.lower_ in _PEOPLE)


# "a lad on my course", "a guy at my work": where the other person is from, not the writer's report
_AFFILIATION_PREPOSITIONS = {"on", "at", "in", "from", "of", "off"}


def _in_affiliation(token) -> bool:
    """The "my" of "a lad on my course had ...": a preposition right after a person word, then
    "my" or "our"; it says where that person is from."""
    doc = token.doc
    if token.lower_ not in ("my", "our", "me", "ma") or token.i < 2:
        return False
    prep, person = doc[token.i - 1], doc[token.i - 2]
    return prep.lower_ in _AFFILIATION_PREPOSITIONS and (person.lemma_ in _PERSON_LEMMAS or person.lower_ in _PEOPLE)


def _generic_sentence(target: Span, modifier: Span, span_between: Span) -> bool:
    """Educational framing applies only to sentences that say nothing about the user."""
    return not _has_first_person(target.sent)


_CLAUSE_ENDS = _CLAUSE_BREAKS | {".", "?", "!", ":"}


def _generic_clause(target: Span, modifier: Span, span_between: Span) -> bool:
    """Nothing about the user from the cue to the end of the target's clause: "why numb between
    the legs is dangerous, can you explain" asks in general; "why, my legs are numb" and "why
    can't I pee" do not."""
    doc = target.doc
    end = target.end
    while end < target.sent.end and doc[end].lower_ not in _CLAUSE_ENDS:
        end += 1
    return not _has_first_person(doc[min(modifier.start, target.start) : end])


def _generic_tok_pisin_sentence(target: Span, modifier: Span, span_between: Span) -> bool:
    """As _generic_sentence, for Tok Pisin, where "i" marks the predicate and is not "I"."""
    return not _has_first_person(t for t in target.sent if t.lower_ != "i")


def _in_question(target: Span, modifier: Span, span_between: Span) -> bool:
    """The target is in a sentence that asks (ends with a question mark)."""
    return target.sent[-1].lower_ == "?"


def _generic_question(target: Span, modifier: Span, span_between: Span) -> bool:
    """A question (not a statement such as "What's new is that ...") that says nothing about the user.
    Irish English "do be" / "does be" says what keeps happening, not a question (twelfth session)."""
    doc = modifier.doc
    if modifier[-1].lower_ in ("do", "does") and modifier.end < len(doc) and doc[modifier.end].lower_ == "be":
        return False
    return _generic_how_why(target, modifier, span_between) and target.sent[-1].lower_ != "."


def _generic_how_why(target: Span, modifier: Span, span_between: Span) -> bool:
    """As _generic_sentence; "why" asks of the clause it opens ("why is numbness there dangerous,
    I read it somewhere")."""
    generic = _generic_clause if modifier[0].norm_ == "why" else _generic_sentence
    return generic(target, modifier, span_between)


_FINE_WORDS = ["fine", "ok", "okay", "normal", "alright", "grand", "good", "perfect", "unaffected", "spared"]
# what makes "ok" / "fine" a question about doing something: "is it ok to swim", "ok for yoga?"
_ASKING_AFTER = {"to", "?", "for", "if", "or", "with"}


def _asked_about(modifier: Span) -> bool:
    """ "is it ok to do the yoga", "is swimming ok": a question whether something is all right,
    not the symptom said to be normal."""
    doc = modifier.doc
    if modifier.end < len(doc) and doc[modifier.end].lower_ in _ASKING_AFTER:
        return True
    before = [t.lower_ for t in doc[max(modifier.sent.start, modifier.start - 3) : modifier.start]]
    if before[-2:] in (["is", "it"], ["is", "this"], ["is", "that"], ["are", "they"], ["is", "dat"]):
        return True
    for i, word in enumerate(before):
        opener = i == 0 and modifier.start - len(before) == modifier.sent.start
        if word in ("is", "are", "would", "will") and (opener or before[i - 1] in (",", "so", "and", "but")):
            return True
    return False


def _normal_now(target: Span, modifier: Span, span_between: Span) -> bool:
    """ "my bladder's fine" negates; "it was fine last week", "used to be fine", "last week I
    could get up on my tiptoes fine" and "is swimming ok?" do not."""
    if modifier.text.lower() in ("fine", "ok", "okay", "normal") and _asked_about(modifier):
        return False
    just_before = {t.lower_ for t in modifier.doc[max(modifier.sent.start, modifier.start - 3) : modifier.start]}
    if just_before & _NOT:
        return False  # "the pee is not coming out normally", "isn't working fine": not normal
    window = modifier.doc[max(modifier.sent.start, modifier.start - 7) : modifier.start]
    before = {t.lower_ for t in window}
    if modifier.start > 0 and modifier.doc[modifier.start - 1].lower_ in _EATING:
        return False  # "lost 9 kilo without diet, I eat normal": the appetite, not the symptom
    near = {t.lower_ for t in modifier.doc[max(modifier.sent.start, modifier.start - 3) : modifier.start + 2]}
    if near & {"now", "today", "again", "currently"}:
        return True  # "numb two days ago but now normal": normal now
    if before & {"was", "were", "used", "until", "till", "could", "last", "before", "yesterday", "earlier", "ago"}:
        return False
    # a clock time before it: "at 8 I walk ok, now I need a stick" (eleventh session)
    return not any(t.lower_ == "at" and t.i + 1 < modifier.start and t.doc[t.i + 1].like_num for t in window)


_EATING = {"eat", "eats", "eating", "ate", "appetite"}
_NOT = {"not", "n't", "n’t", "nt", "never"}


_ONSET_WORDS = {
    "ever",
    "start",
    "starts",
    "started",
    "begin",
    "begins",
    "began",
    "get",
    "gets",
    "got",
    "become",
    "becomes",
    "develop",
    "develops",
    "developed",
    "notice",
    "noticed",
    "were",
    "was",
    "should",
    "would",
    "that",
    "suddenly",
}


_BEFORE_WORDS = {"pehle", "pahle", "dati", "before", "aisa", "kabhi"}


def _not_said_of_before(target: Span, modifier: Span, span_between: Span) -> bool:
    """ "pehle aisa nahi tha" (it was not like this before) tells what is new; it negates nothing."""
    words = {t.lower_ for t in modifier.doc[max(modifier.sent.start, modifier.start - 4) : modifier.end + 1]}
    return not words & _BEFORE_WORDS


def _negated_later_in_hindi(target: Span, modifier: Span, span_between: Span) -> bool:
    """Hindi "koi ... nahi": "koi chot nahi lagi" (no injury): "koi" negates only with a "nahi"
    after it in the sentence, and not "pehle koi problem nahi thi" (before, no problem)."""
    if not _not_said_of_before(target, modifier, span_between):
        return False
    return any(t.lower_ in ("nahi", "nahin", "nhi") for t in target.sent if t.i > modifier.start)


def _closing_nahi(target: Span, modifier: Span, span_between: Span) -> bool:
    """A clause-closing "nahi" negates, but not "ya nahi" / "ki nahi" (or not) and not "pehle
    ... nahi" (before, not)."""
    before = modifier.doc[modifier.start - 1].lower_ if modifier.start > 0 else ""
    return before not in ("ya", "ki", "or") and _not_said_of_before(target, modifier, span_between)


_CHECKING = frozenset(
    "ask asks asked asking check checks checked checking test tests tested testing see sees saw seeing "
    "wonder wonders wondered".split()
)
_ANSWER_NO = {"can't", "cant", "cannot", "couldn't", "couldnt"}


def _answered_check(modifier: Span, target: Span) -> bool:
    """ "she asked if I could feel it when she touched my bum, and I couldn't": a check someone
    made, answered in the same sentence; the "if" asks, it imagines nothing (eleventh session)."""
    doc = modifier.doc
    if modifier.start == 0 or doc[modifier.start - 1].lower_ not in _CHECKING:
        return False
    # the answer ends its clause: "... and I couldn't." (not "and I can't say")
    after = [t.lower_ for t in doc[target.end : target.sent.end]] + ["."]
    return any(
        a in ("and", "but") and b in ("i", "he", "she") and c in _ANSWER_NO and (d in _CLAUSE_ENDS)
        for a, b, c, d in zip(after, after[1:], after[2:], after[3:])
    )


def _not_habitual_if(target: Span, modifier: Span, span_between: Span) -> bool:
    """ "if" makes a mention hypothetical unless the if-clause is a habit and the mention is in
    the main clause: "if i sit for long | my legs go numb", "if i sneeze | i wet myself"
    (but "if i ever get numbness in my legs" stays hypothetical)."""
    if target.start < modifier.end:
        return True
    if _answered_check(modifier, target):
        return False
    words = [t.lower_ for t in span_between]
    people = [i for i, w in enumerate(words) if w in ("i", "my")]
    if len(people) < 2:
        return True
    if_clause = words[: people[1]]  # "i sit for long" / "i ever notice that"
    return any(w in _ONSET_WORDS for w in if_clause)


# what one didn't know or notice: "didn't realise", "hadn't a notion", "had no idea", "wasn't aware"
_UNAWARE = (
    "realise realize realised realized notice noticed know knew clock clocked twig twigged notion idea clue aware"
).split()

# animals whose wetting or weakness is not the writer's
_ANIMALS = (
    "dog cat puppy pup horse pet rabbit ewe sheep cow heifer lamb ram mare bull goat pig donkey hen chicken kitten"
    # dogs by their breed (seventeenth session, AX)
    " beagle labrador lab retriever collie spaniel terrier poodle dachshund sausage-dog pug corgi husky"
    " greyhound whippet lurcher staffie staffy bulldog boxer chihuahua schnauzer rottweiler alsatian"
    " shepherd jackrussell westie yorkie cockapoo labradoodle pointer setter mutt pooch moggy"
).split()

# the words after "not going down" that tell where the pain goes ("not going down the leg")
_NOT_WHERE_PAIN_GOES = (
    "the my me his her to into past in both each one either through from towards leg legs with on hard below "
    "beyond further as there"
).split()

_FAMILY_WORDS = (
    "aunt aunts auntie aunty brother brothers child children cousin cousins dad dads daddy "
    "daughter daughters fam family families father fathers grandchild grandchildren "
    "granddaughter granddaughters grandfather grandfathers grandmother grandmothers grandparent "
    "grandparents grandson grandsons grandma grandpa grandad granddad gran granny nan nana nanna "
    "husband hubby mom moms mum mums mam mummy mommy mother mothers nephew nephews niece "
    "nieces parent parents partner sibling siblings sister sisters son sons spouse uncle uncles "
    "wife missus boyfriend girlfriend fiance fiancee fiancé fiancée bf gf stepdad stepmum "
    "stepmom stepson stepdaughter kid kids baby toddler twin lola lolo tita tito kuya"
).split()
_OTHER_PEOPLE = (
    "friend friends mate mates pal buddy neighbour neighbours neighbor neighbors colleague "
    "colleagues coworker coworkers co-worker boss patient patients client clients customer "
    "customers someone somebody anyone anybody everyone everybody people person man woman guy "
    "lady bloke he she roommate roomie flatmate housemate lodger resident tenant carer "
    "student pupil foreman supervisor sergeant corporal soldier comrade veteran teammate "
    "character streamer youtuber influencer celebrity footballer player lad lads fella feller homie "
    "driver maid nanny cleaner cook gardener teacher classmate landlord landlady pastor priest imam vicar faifekau "
    # an actor in a drama; Spanish a foreman, a boss, a workmate (fourteenth session)
    "actor actress mayordomo patron patrón jefe compa compañero compañera apprentice"
    # a workmate, a crewmate (sixteenth session)
    " workmate workmates crewmate crewmates shipmate shipmates bandmate bandmates"
).split()

# the lemmas of a person word, looked up on every ConText callback: one set, built once
_PERSON_LEMMAS = frozenset(_FAMILY_WORDS + _OTHER_PEOPLE)

# the family words as people write them: possessives without the apostrophe ("my wifes legs"),
# and spellings of the voice ("bruther")
_FAMILY_FORMS = (
    _FAMILY_WORDS
    + [w + "s" for w in _FAMILY_WORDS if not w.endswith("s")]
    + ["missus", "mrs", "misses", "bruther", "brotha", "sista", "muther", "sis", "ahma", "ahgong", "popo"]
    # Tagalog and Hindi kin and friends (in Latin letters)
    + "asawa nanay tatay anak kapatid misis mister bhai bhaiya behen didi dadi dada nani maa dost".split()
    + "babuji bauji pitaji mataji".split()
    # Urdu kin words
    + "ammi abbu abba amma abbi chacha chachi khala khalu mamu phuppo".split()
    # Spanish, French and Nigerian Pidgin kin words; northern English "our lass" (wife)
    + "abuela abuelo abuelita abuelito tío tía tio tia papá mamá papi mami esposo esposa marido hermano".split()
    + "hermana hijo hija suegra suegro primo prima compadre comadre pikin lass".split()
    # Afrikaans, German/Dutch, Swahili and Korean kin words
    + "oupa ouma opa oma oom tannie babu bibi mzee shosho halmoni harabeoji".split()
    # Italian, Maori and Jamaican kin words
    + "nonno nonna nonni zio zia koro kuia madda fada".split()
    # Tamil, Greek, Louisiana French, Hebrew and Liverpool kin words; an ex
    + "appa thatha paati ammamma achchi yiayia giagia papou pappou tante nonc parrain nannan".split()
    + "mémère pépère mawmaw sabta saba ima ex".split()
    # Somali and Vietnamese kin words (in Latin letters)
    + "hooyo aabo eedo adeer abti habaryar ayeeyo awoowe chong".split()
    # Geordie, Bengali, Hawaii Pidgin and Haitian Creole kin words; parents' forum shorthand
    + "grandda granda dida dadu thakuma thakurda mashi pishi kaku jethu boudi".split()
    + "tutu braddah bruddah sistah keiki manman grann papa tonton matant dh dd".split()
    # Gulf Arabic kin words (in Latin letters)
    + "yuba yuma yadda jaddi jadda 3ammi khali 5ali".split()
    # Malayalam, Punjabi, Romanian, Tongan/Samoan, Burmese and Dari kin words (in Latin letters)
    + "achan acchan appachan ammachi appooppan ammoomma ammumma valyammachi chettan ettan ikka umma uppa".split()
    + "bebe beeji bapu bauji veerji paaji bhabhi putt dhee nanaji daadi".split()
    + "mama tata bunica bunicul bunicu sotul soțul sotia soția fiul fiica mamaia tataia".split()
    + "tamai tamā tinā faʻe matua".split()
    + "nyi akko ama ahpwar padar madar baradar khahar shohar khanum".split()
    # Shona, Gujarati and Swedish kin words
    + "sekuru gogo ambuya mbuya amai tete mainini babamukuru bapuji motabhai farfar morfar farmor mormor pappa".split()
    # Inuktitut, Hausa and Tongan kin words ("panik", daughter, is also a misspelt "panic";
    # Hausa "inna", mother, is Jamaican "in the")
    + "ataata anaana ataatatsiaq anaanatsiaq irniq nuliaq angak atsak".split()
    + "baba hajiya alhaji yaya kui".split()
    # Marathi and Dutch kin words; "pop" for a father
    + "aajoba aaji aai schoonmoeder schoonvader moeder vader broer zus zoon dochter pop pops".split()
    # Setswana/Sesotho, Georgian, Malagasy, Twi and Finnish kin words (in Latin letters)
    + "rre rrake mme mmaake nkuku rremogolo mmemogolo mogatsaka mogatsake ngwanaka morwaake morwadiake".split()
    + "bebia babua deda dzma shvili kmari tsoli dadabe neny zanako vadiko rahalahy anabavy".split()
    + "maame kunu yere äiti aiti mummo mummi ukki vaimo poika tytär tytar".split()
)
# people the writer may write about; "people", "someone" and pronouns are not among them
_PEOPLE = (
    set(_FAMILY_FORMS)
    | {
        "friend",
        "friends",
        "mate",
        "mates",
        "pal",
        "buddy",
        "neighbour",
        "neighbor",
        "colleague",
        "coworker",
        "co-worker",
        "boss",
        "patient",
        "client",
        "teammate",
        "teammates",
        "roommate",
        "flatmate",
        "housemate",
        "lodger",
        "resident",
        "tenant",
        "uncle",
        "auntie",
        "grandad",
        "father-in-law",
        "mother-in-law",
        "bruther",
        "sista",
        "da",
        "maw",
        "paw",
        "faither",
        "mither",
        "bredda",
        "breddah",
        "mama",
        "mamma",
        "papa",
        "pops",
        "granddaddy",
        "grandaddy",
        "grandpappy",
        "papaw",
        "pawpaw",
        "mamaw",
        "meemaw",
        "missus",
        "boy",
        "girl",
        "lad",
        "lass",
        "fella",
        "feller",
        "bloke",
        "guy",
        "coach",
        "husband",
        "wife",
    }
    | {
        w
        for w in _OTHER_PEOPLE
        if w
        not in (
            "he",
            "she",
            "someone",
            "somebody",
            "anyone",
            "anybody",
            "everyone",
            "everybody",
            "people",
            "person",
            "patient",
            "patients",
        )
    }
)
# the person words, for the tables' "{person}" (safety.areas)
PERSON_WORDS = frozenset(_PEOPLE)
# the kin words, for the tables' "{kin}": a relative the writer may be writing for, not a stranger
# in a story (safety.areas)
KIN_WORDS = frozenset(_FAMILY_FORMS)

# hedges that also apply to what precedes them ("numb down there, probably nothing")
_BIDIRECTIONAL_HEDGES = {
    "may be nothing",
    "it may be nothing",
    "is probably nothing",
    "might be nothing",
    "could be nothing",
    "probably nothing",
    "just me",
    "hard to say",
    "hard to tell",
    "i think",
    "i guess",
    "i suppose",
    "i reckon",
    "maybe",
    "perhaps",
    "possibly",
    "probably",
    "dunno",
}

_QUESTION_OPENERS = (
    "what whats what's is are can could does do did would will should how why when which who where"
).split()


def build_context_rules(default_rules: List[ConTextRule]) -> List[ConTextRule]:
    """medspaCy's default English rules (with the family rule replaced) plus the rules it lacks
    for patient-style messages; no rule modifies a target that contains its cue."""
    rules = [r for r in default_rules if r.category != "FAMILY"]
    for default in rules:
        if default.literal == "if":
            default.on_modifies = _not_habitual_if
    R = ConTextRule
    add = rules.append

    def add_each(literals, category: str, **options) -> None:
        for literal in literals:
            add(R(literal, category, **options))

    def add_words(name: str, category: str, *words: str, direction: str = "FORWARD", **options) -> None:
        """A rule whose cue is a run of tokens, each one of the given space-separated words."""
        pattern = [{"LOWER": {"IN": w.split("|") if "|" in w else w.split()}} for w in words]
        add(R(name, category, direction=direction, pattern=pattern, **options))

    # ---- family and other people (replace the default family rule: adds a first-person guard)
    add(
        R(
            "family member",
            "FAMILY",
            direction="FORWARD",
            on_modifies=_not_about_me,
            pattern=[{"LEMMA": {"IN": _FAMILY_WORDS}}, {"LOWER": {"IN": ["'s", "'", "s"]}, "OP": "?"}],
        )
    )
    add(
        R(
            "family member (word form)",
            "FAMILY",
            direction="FORWARD",
            on_modifies=_not_about_me,
            pattern=[
                {"LOWER": {"IN": _FAMILY_FORMS}},
                {"LOWER": {"IN": ["'s", "'", "s"]}, "OP": "?"},
            ],
        )
    )
    add(
        R(
            "family member (Hokkien / Cantonese kin word)",
            "FAMILY",
            direction="FORWARD",
            on_modifies=_not_about_me,
            pattern=[
                {"LOWER": "ah"},
                {"LOWER": {"IN": ["ma", "mah", "gong", "kong", "pa", "ba", "po", "boy", "girl"]}},
            ],
        )
    )
    add(
        R(
            "family member (me ma, our da)",
            "FAMILY",
            direction="FORWARD",
            on_modifies=_not_about_me,
            pattern=[{"LOWER": {"IN": sorted(_KIN_POSSESSIVES)}}, {"LOWER": {"IN": ["ma", "da", "mammy", "daddy"]}}],
        )
    )
    add(
        R(
            "other person",
            "OTHER_PERSON",
            direction="FORWARD",
            on_modifies=_not_about_me,
            pattern=[{"LEMMA": {"IN": _OTHER_PEOPLE}}, {"LOWER": {"IN": ["'s", "'", "s"]}, "OP": "?"}],
        )
    )
    # an animal's wetting or weakness is its own, whatever time the message gives ("Dog's incontinent
    # now", "the dog is after having accidents"); not where the writer walks or feeds it, or where the
    # word names a thing ("cow's milk") (fifteenth session, AV)
    add(
        R(
            "animal",
            "ANIMAL",
            direction="FORWARD",
            on_modifies=_an_animal,
            pattern=[
                {"LOWER": {"IN": ["my", "the", "our"]}, "OP": "?"},
                {"LOWER": {"IN": ["old", "young", "poor", "little", "big"]}, "OP": "?"},
                {"LEMMA": {"IN": _ANIMALS}},
            ],
        )
    )
    add(
        R(
            "third-person possessive",
            "OTHER_PERSON",
            direction="FORWARD",
            max_scope=3,
            on_modifies=_not_about_me,
            pattern=[{"LOWER": {"IN": ["his", "her", "their"]}}],
        )
    )
    # the people of a story or a show: "in the film the villain ...", not "playing the hero"
    # (fifteenth session)
    add(
        R(
            "a story's character",
            "OTHER_PERSON",
            direction="FORWARD",
            on_modifies=_a_character,
            pattern=[
                {"LOWER": {"IN": ["the", "a", "his", "her", "their"]}},
                {"LOWER": {"IN": ["main"]}, "OP": "?"},
                {"LOWER": {"IN": ["hero", "heroine", "villain", "protagonist", "character"]}},
            ],
        )
    )
    add(
        R(
            "other people",
            "OTHER_PERSON",
            direction="FORWARD",
            on_modifies=_not_about_me,
            pattern=[
                {"LOWER": {"IN": ["a", "some", "other", "most", "many", "lots"]}},
                {"LOWER": "of", "OP": "?"},
                {"LOWER": {"IN": ["people", "patients", "folks", "others"]}},
            ],
        )
    )

    # ---- negation the defaults miss ("dont"/"cant" tokenise to "nt"; lay wording)
    add(R("not (nt)", "NEGATED_EXISTENCE", direction="FORWARD", pattern=[{"NORM": "not"}]))
    add(R("never", "NEGATED_EXISTENCE", direction="FORWARD", pattern=[{"LOWER": "never"}]))
    add(R("wala (naman)", "NEGATED_EXISTENCE", direction="FORWARD", pattern=[{"LOWER": "wala"}, {"LOWER": "naman"}]))
    add(
        R(
            "(fever) no.",
            "NEGATED_EXISTENCE",
            direction="BACKWARD",
            max_scope=4,
            pattern=[{"LOWER": {"IN": ["no", "nope", "none"]}}, {"IS_PUNCT": True}],
        )
    )
    add(
        R(
            "misspelt negatives",
            "NEGATED_EXISTENCE",
            direction="FORWARD",
            pattern=[
                {
                    "LOWER": {
                        "IN": [
                            "havnt",
                            "hav'nt",
                            "hadnt",
                            "dint",
                            "didint",
                            "didn",
                            "dosnt",
                            "dosent",
                            "doesent",
                            "havent",
                            "hasnt",
                            "aint",
                            "isnt",
                            "wasnt",
                            "arent",
                            "werent",
                            "dident",
                            "dinnae",
                            "didnae",
                            "hasnae",
                            "didna",
                        ]
                    }
                }
            ],
        )
    )
    add(
        R(
            "nor / neither",
            "NEGATED_EXISTENCE",
            direction="FORWARD",
            pattern=[{"LOWER": {"IN": ["nor", "neither", "nope", "nah", "none", "nae", "noh"]}}],
        )
    )
    add(
        R(
            "no more",
            "NEGATED_EXISTENCE",
            direction="FORWARD",
            pattern=[{"NORM": {"IN": ["zero", "nothing"]}}, {"LOWER": {"IN": ["like", "in", "of"]}, "OP": "?"}],
        )
    )

    # ---- phrases that contain a negation / "if" word but negate nothing (PSEUDO)
    for literal in (
        # not one's usual self (unwell); a symptom that is new
        "not my leg",
        "not my foot",
        "not my own",
        "not himself",
        "not herself",
        "not themselves",
        "is not himself",
        "is not herself",
        "isn't himself",
        "isn't herself",
        "am not myself",
        "not feeling myself",
        "never was so before",
        "never was like this",
        "never like that before",
        "before never like that",
        "before never like this",
        "no idea",
        "no matter",
        "not only",
        "not just",
        "no wonder",
        "no doubt",
        "not to mention",
        "nothing else",
        "not normal",
        "normal for",
        "normal or not",
        "normal anot",
        "normal or no",
        "pee normal",
        "pee normally",
        "wee normally",
        "urinate normally",
        "walk normal",
        "walk normally",
        "not right",
        "not good",
        "not great",
        "not nice",
        "not fun",
        "not ok",
        "not okay",
        "no joke",
        "never had this",
        "never had that",
        "never had anything",
        "never happened",
        "never been like this",
        "never felt",
        "never experienced",
        "never before",
        "not like this",
        "if i'm honest",
        "if im honest",
        "if anything",
        "if that makes sense",
        "if you know what i mean",
        "nothing to do",
        "no reason",
        "not seen",
        "not seen mentioned",
        "not mentioned",
        "haven't seen",
        "havent seen",
        "not important",
        "is not important",
        "not a big deal",
        "not serious",
        "nothing serious",
        "not urgent",
        "if you'll pardon",
        "if you pardon",
        "if you'll excuse",
        "if you follow me",
        "if i may",
        "don't want to overreact",
        "dont want to overreact",
        "don't want to be dramatic",
        "don't want to waste your time",
        "dont want to waste your time",
        "not a big issue",
        "only a minor thing",
        "no been right",
        "i've no been",
        "ive no been",
        "not asking about me",
        # a complaint, not a negation: "going to the loo is not easy"
        "not easy",
        "isn't easy",
        "is not easy",
        "not easy at all",
        "not the same",
        "not happy",
        "not well",
        "not myself",
        "not working properly",
        # novelty: "a bit of wee comes out now, never did before"
        "never did before",
        "never did that before",
        "never done that before",
        "never did this before",
        "never used to",
        # the leg spared, not the one affected: "one leg is numb, the other one's fine"
        "other one fine",
        "other one is fine",
        "other one's fine",
        "other ones fine",
        "other one ok",
        "other one is ok",
        "other one's ok",
        "left one fine",
        "right one fine",
        "left one is fine",
        "right one is fine",
        "left one's fine",
        "right one's fine",
        # a complaint, not a negation: "he doesn't sleep, he screams when he moves"
        "doesn't sleep",
        "doesnt sleep",
        "does not sleep",
        "don't sleep",
        "dont sleep",
        "didn't sleep",
        "didnt sleep",
        # "not gonna lie, I've been ...": candour, not a negation
        "not gonna lie",
        "not going to lie",
        "ngl",
        # novelty: "a dribble that i've never had"
        "that i've never had",
        "that ive never had",
        "that i have never had",
        "which i've never had",
        "i've never had before",
        "never had before",
        "never had it before",
        "never had that before",
        "never had this before",
        # "can't tell if i've finished": a doubt, not a condition
        "tell if",
        "know if",
        "sure if",
        "see if",
        "check if",
        "tell whether",
        # similes: "wobbling like a toddler"
        "like a baby",
        "like a newborn",
        "like a toddler",
        "like a kid",
        "like a child",
        "baby giraffe",
        "like an old man",
        "like an old woman",
        "like my nan",
        "like my granny",
        "like my grandad",
        "like my grandma",
        # minimisers and asides: "maybe not related", "nothing dramatic"
        "not related",
        "maybe not related",
        "probably not related",
        "not connected",
        "nothing dramatic",
        "nothing major",
        "nothing to write home about",
        "not in a good way",
        "not keen",
        "no fuss",
        "not one for fuss",
        "not one to",
        # dialect double negatives that affirm: "ain't passed but a trickle"
        "ain't passed but",
        "aint passed but",
        "ain't had but",
        "ain't done but",
        "ain't made but",
        "ain't but",
        # UK slang "man's" for I; "what isn't normal is ..."
        "man's",
        "mans",
        "isn't normal",
        "is not normal",
        "what isn't normal",
        # "not so important, but ...", "not one thing": emphasis, not a negation
        "not so important",
        "not that important",
        "not one thing",
        "not a thing",
        # a learner's "no feel anything"; "full or not full" names both states, it denies neither
        "no feel anything",
        # "no normal stream", "no normal feeling": not normal, a change
        "no normal",
        "no more normal",
        # "can't get no rest": a double negative that affirms; "never had pain like this": the
        # worst yet
        "can't get no",
        "cant get no",
        "cannot get no",
        "never have pain like",
        "never had pain like",
        "never felt pain like",
        "never had anything like",
        "never felt anything like",
        # "is it normal not to feel the wee coming": the feeling is what is missing
        "not to feel",
        # "bladder full or not, I cannot tell": the telling is what is lost
        "cannot tell",
        "can't tell",
        "cant tell",
        "full or no full",
        "full or not full",
        "full or no",
        "full or not",
        # a negation inside a relative clause ("a cushion that isn't there") leaves the main clause
        "that isn't there",
        "that is not there",
        "that's not there",
        "which isn't there",
        "that wasn't there",
        # tripping over nothing is how a dropped foot is told, not a denial (tenth session)
        "over nothing",
        "on nothing",
        "pon nothing",
        "ova nothing",
        "at nothing",
        # "worse, not better": no better is how it is, not a denial (twelfth session)
        "not better",
        "no better",
        "not any better",
        "not a bit better",
        # "numb down there, everywhere else fine": the rest is fine, not the part named (twelfth session)
        "everywhere else fine",
        "everywhere else is fine",
        "everywhere else ok",
        "everywhere else normal",
        "elsewhere fine",
        "elsewhere is fine",
        # Spanish "no sé" (I don't know) denies nothing that follows (twelfth session)
        "no sé",
        "no lo sé",
        "no lo se",
    ):
        add(R(literal, "NEGATED_EXISTENCE", direction="PSEUDO"))
    # "no feeling in my leg" is the symptom itself, not a denial; so is not noticing: "I didn't
    # feel myself wet my trousers", Scots "I didna feel mesel"
    add_words("no feeling in", "NEGATED_EXISTENCE", "no", "feeling feelin sensation", "in", direction="PSEUDO")
    # a double negation that affirms, in any spelling of both words: "he no feel nothing down
    # there", "can't feel nuttin", "cannae feel naethin", "can't feel neither foot", "I can't do
    # nothin, the pain ..." (seventeenth session)
    add(
        R(
            "can't feel nothing",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[
                {"NORM": {"IN": ["no", "not", "cannot", "didn't", "never"]}},
                {"LOWER": {"IN": ["di", "de", "da", "dey", "even", "really", "quite"]}, "OP": "?"},
                {"LEMMA": {"IN": ["feel", "do"]}},
                {"NORM": {"IN": ["nothing", "neither", "none"]}},
            ],
        )
    )
    # "haven't had a poo in 4 days" tells what is wrong, and "nae urge" is the symptom: neither
    # denies what follows ("... an I can't feel nuttin when I try to go") (seventeenth session)
    add(
        R(
            "haven't had a poo in",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[
                {"LEMMA": "have"},
                {"NORM": "not"},
                {"LOWER": {"IN": ["had", "done", "passed", "been"]}, "OP": "?"},
                {"LOWER": {"IN": ["a", "any", "one"]}, "OP": "?"},
                {
                    "LOWER": {
                        "IN": ["bm", "poo", "poop", "pee", "wee", "movement", "bowel", "number", "crap", "shit", "dump"]
                    }
                },
                {"LOWER": {"IN": ["in", "for", "since"]}},
            ],
        )
    )
    add(
        R(
            "no urge",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[
                {"LOWER": {"IN": ["no", "nae", "zero"]}},
                {"LOWER": "urge"},
                {"LOWER": {"IN": ["at", "to", ",", "either", "anymore", "any", "whatsoever", "now", "even"]}},
            ],
        )
    )
    # a symptom hard to put in words is still told: "hard to explain, round my back passage feels tingly"
    for literal in (
        "hard to explain",
        "hard to describe",
        "difficult to explain",
        "difficult to describe",
        "don't know how to explain",
        "dont know how to explain",
        "can't explain it",
        "cant explain it",
    ):
        add(R(literal, "HYPOTHETICAL", direction="PSEUDO"))
    # not telling someone is not a denial: "what I didn't tell him is there's a dead feeling ..."
    add(
        R(
            "didn't tell him",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[
                {"NORM": {"IN": ["not", "didn't", "cannot"]}},
                {"LEMMA": {"IN": ["tell", "told", "mention", "mentioned"]}},
                {"LOWER": {"IN": ["him", "her", "them", "anyone", "anybody", "nobody", "the", "my", "ma", "me"]}},
            ],
        )
    )
    add_words("didn't feel myself", "NEGATED_EXISTENCE", "did", "n't nt not", "feel", "myself", direction="PSEUDO")
    add_words("didna feel mesel", "NEGATED_EXISTENCE", "didna", "feel", "mesel myself", direction="PSEUDO")
    # "if I've finished or not, I can't tell": an alternative asked about, not a denial
    # (fifteenth session)
    add(
        R(
            "or not,",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[{"LOWER": "or"}, {"LOWER": {"IN": ["not", "no"]}}, {"IS_PUNCT": True}],
        )
    )
    add_words("whether or not", "NEGATED_EXISTENCE", "whether", "or", "not", direction="PSEUDO")
    # not knowing or noticing that it happened tells that it did, unnoticed: "I didn't realise I'd
    # wet myself", "hadn't a notion I'd", "wasn't aware that I" (fifteenth session, AV)
    add(
        R(
            "didn't realise that I",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[
                {"LOWER": {"IN": ["did", "had", "was", "were"]}},
                {"LOWER": {"IN": ["n't", "nt", "not", "no"]}},
                {"LOWER": {"IN": ["a", "an", "the", "even"]}, "OP": "?"},
                {"LOWER": {"IN": _UNAWARE}},
                {"LOWER": "that", "OP": "?"},
                {"LOWER": {"IN": ["i", "i'd", "id"]}},
                {
                    "LOWER": {
                        "NOT_IN": ["could", "can", "might", "may", "would", "should", "need", "must", "will", "'ll"]
                    }
                },
            ],
        )
    )
    # "the pain not go down at all, 9/10", "won't go away": pain that does not ease is told, not
    # denied; "not going down the leg" still denies (sixteenth session, AW)
    add(
        R(
            "not go down",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[
                {"LOWER": {"IN": ["not", "n't", "nt", "never", "no"]}},
                {"LOWER": {"IN": ["go", "going", "gone", "goes", "went"]}},
                {"LOWER": {"IN": ["down", "away"]}},
                # not where it goes: "not going down the leg" denies the spreading
                {"LOWER": {"NOT_IN": _NOT_WHERE_PAIN_GOES}},
            ],
        )
    )
    # "couldn't feel the hot water down below, rest of me fine": the other parts are fine, what was
    # said before stands (sixteenth session, AW)
    add(
        R(
            "rest of me fine",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[
                {"LOWER": "rest"},
                {"LOWER": "of"},
                {"LOWER": {"IN": ["me", "us", "him", "her", "them", "my", "his"]}},
                {"LOWER": {"IN": ["body", "leg", "legs"]}, "OP": "?"},
                {"LOWER": {"IN": ["is", "'s", "s", "are", "feels", "feel", "seems", "totally", "all"]}, "OP": "?"},
                {"LOWER": {"IN": ["fine", "ok", "okay", "normal", "alright", "grand", "good"]}},
            ],
        )
    )
    # "I don't notice, my foot is numb", "didn't realise until I stood": not noticing, its clause
    # ended there, tells of something that happened unnoticed, it denies nothing after it
    # (sixteenth session, AW)
    add(
        R(
            "don't notice,",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[
                {"LOWER": {"IN": ["do", "does", "did"]}},
                {"LOWER": {"IN": ["n't", "nt", "not"]}},
                {"LOWER": "even", "OP": "?"},
                {"LOWER": {"IN": _UNAWARE}},
                {"LOWER": {"IN": [",", ";", ".", "until", "till", "til", "unless"]}},
            ],
        )
    )
    # "not" inside a hyphenated compound names a thing (a product's name, "forget-me-not"),
    # it denies nothing (fourteenth session)
    add(R("-not-", "NEGATED_EXISTENCE", direction="PSEUDO", pattern=[{"ORTH": "-"}, {"LOWER": "not"}, {"ORTH": "-"}]))
    # "just in case" closing its clause is a precaution taken (a pad worn, a towel put down), not a
    # case imagined; "like ... someone else's" describes numbness (a part that feels like another
    # person's), no other person (fourteenth session)
    add(
        R(
            "just in case,",
            "HYPOTHETICAL",
            direction="PSEUDO",
            pattern=[
                {"LOWER": "just"},
                {"LOWER": "in"},
                {"LOWER": "case"},
                {"ORTH": {"IN": [",", ".", "!", ";", "-"]}},
            ],
        )
    )
    add(
        R(
            "like someone else's",
            "OTHER_PERSON",
            direction="PSEUDO",
            pattern=[
                {"LOWER": "like"},
                {"IS_ALPHA": True, "OP": "?"},
                {"IS_ALPHA": True, "OP": "?"},
                {"IS_ALPHA": True, "OP": "?"},
                {"LOWER": {"IN": ["somebody", "someone", "sombody", "summat"]}},
                {"LOWER": "else"},
            ],
        )
    )
    # "numb between the legs - i don't have that": a denial of what was just named (eleventh session)
    # (only where the denial ends its clause: "I didn't have that before" tells what is new)
    add(
        R(
            "i don't have that",
            "NEGATED_EXISTENCE",
            direction="BACKWARD",
            max_scope=8,
            pattern=[
                {"LOWER": "i"},
                {"LOWER": {"IN": ["do", "dont", "don't", "did", "didnt", "didn't"]}},
                {"LOWER": {"IN": ["n't", "nt", "not"]}, "OP": "?"},
                {"LOWER": "have"},
                {"LOWER": {"IN": ["that", "those", "any"]}},
                {"LOWER": {"IN": ["of"]}, "OP": "?"},
                {"LOWER": {"IN": ["that", "those", "them", "it"]}, "OP": "?"},
                {"IS_PUNCT": True},
            ],
        )
    )
    # "can't do nothing" (can't do anything) is a double negative that affirms; "felt almost
    # nothing" is the lost feeling itself (eleventh session)
    # ("can't" is one token here: the phrase component merges it)
    add_words(
        "can't do nothing",
        "NEGATED_EXISTENCE",
        "can't|cant|cannot|can not|couldn't|couldnt|won't|wont|ca n't",
        "do",
        "nothing",
        direction="PSEUDO",
    )
    add_words(
        "felt almost nothing",
        "NEGATED_EXISTENCE",
        "feel felt feels feeling",
        "almost nearly practically basically virtually hardly",
        "nothing",
        direction="PSEUDO",
    )
    # "nothing down there works" is the symptom, not a denial
    add_words(
        "nothing down there works",
        "NEGATED_EXISTENCE",
        "nothing nothin nuthin nowt",
        "down there|down below|downstairs|down",
        "there below works working workin",
        direction="PSEUDO",
    )
    # "I can still hold my urine": control kept, a denial of its loss
    add_words("can still hold", "NEGATED_EXISTENCE", "can could", "still", "hold control", max_scope=4)
    # a hedge before the symptom, not a denial: "I don't wanna make a federal case, but ...",
    # "don't want to make a fuss"
    add_words(
        "don't want to make a fuss",
        "NEGATED_EXISTENCE",
        "do does",
        "n't nt not",
        "want",
        "to",
        "make cause kick raise",
        "a an any",
        direction="PSEUDO",
    )
    add_words(
        "don't wanna make a fuss",
        "NEGATED_EXISTENCE",
        "do does",
        "n't nt not",
        "wanna",
        "make cause kick raise",
        "a an any",
        direction="PSEUDO",
    )
    # interjections with "man" ("shame man", "oh man"): nobody else is meant
    add_each(
        ("shame man", "ag man", "eish man", "oh man", "aw man", "ah man", "man oh man", "jeez man"),
        "OTHER_PERSON",
        direction="PSEUDO",
    )
    # a part that feels like someone else's is the writer's own: "it's like someone else's bum"
    add(
        R(
            "like it's someone else's",
            "OTHER_PERSON",
            direction="PSEUDO",
            pattern=[
                {"LOWER": {"IN": ["like", "as", "as if", "as though"]}},
                {
                    "LOWER": {
                        "IN": ["it", "its", "it's", "they", "theyre", "they're", "is", "are", "'s", "were", "was"]
                    },
                    "OP": "*",
                },
                {"LOWER": {"IN": ["someone", "somebody", "anyone", "anybody"]}},
                {"LOWER": {"IN": ["else", "elses"]}},
                {"LOWER": {"IN": ["'s", "s", "’s"]}, "OP": "?"},
            ],
        )
    )
    # "feels like I did squats but I didn't, both weak": the denial is of the simile before it,
    # when the clause ends there ("but I haven't lost control" still denies)
    add(
        R(
            "but I didn't,",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[
                {"LOWER": "but"},
                {"LOWER": "i"},
                {"LOWER": {"IN": ["did", "have", "had"]}},
                {"LOWER": {"IN": ["n't", "nt", "not"]}},
                {"IS_PUNCT": True},
            ],
        )
    )
    # the family doctor is the writer's doctor, not a relative
    add_each(
        ("family doctor", "family physician", "family gp", "family medicine", "family practice", "family clinic"),
        "FAMILY",
        direction="PSEUDO",
    )
    # the leg spared, not the one affected, however said: "the other's grand", "right leg is ok",
    # "the rest is fine", "other skin feel it normal"
    add(
        R(
            "the other leg is fine",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[
                {"LOWER": {"IN": ["other", "left", "right", "good", "rest"]}},
                {
                    "LOWER": {"IN": ["one", "1", "leg", "side", "foot", "skin", "toes", "parts", "places", "of"]},
                    "OP": "?",
                },
                {"LOWER": {"IN": ["it", "me", "my", "the", "body"]}, "OP": "?"},
                {"LOWER": {"IN": ["'s", "s", "is", "are", "feels", "feel", "seems", "be"]}, "OP": "?"},
                {"LOWER": {"IN": ["it", "them"]}, "OP": "?"},
                {"LOWER": {"IN": ["still", "totally", "completely", "perfectly", "all"]}, "OP": "?"},
                {"LOWER": {"IN": _FINE_WORDS}},
            ],
        )
    )
    # "... but I'm not sure", "but I'm not the one": not a negation; "but I'm not wetting
    # myself" and "but I'm not numb" are
    add(
        R(
            "but i'm not (sure)",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[
                {"LOWER": "but"},
                {"LOWER": {"IN": ["i", "im"]}},
                {"LOWER": {"IN": ["'m", "am", "m"]}, "OP": "?"},
                {"LOWER": "not"},
                {"LOWER": {"REGEX": "^(?![a-z]+ing$)(?!(?:numb|incontinent|able|wet|leaky)$)"}},
            ],
        )
    )
    # "nothing comes", "nowt happened" after trying, "nothing is happening down there": what
    # failed, not a denial; "feels like she's sat on nowt": what she feels
    add(
        R(
            "nothing comes / is working",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[
                {"NORM": "nothing"},
                {"LOWER": {"IN": ["is", "'s", "s", "will", "would"]}, "OP": "?"},
                {
                    "LOWER": {
                        "IN": "comes coming comin came come happens happened happening happenin happenin' "
                        "working workin workin'".split()
                    }
                },
            ],
        )
    )
    add(
        R(
            "like nothing",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[
                {"LOWER": {"IN": ["on", "like"]}},
                {"NORM": "nothing"},
                {"LOWER": {"IN": ["there", "at"]}, "OP": "?"},
            ],
        )
    )
    # young writers' "not me having to change my pants": the writer did just that
    add(
        R(
            "not me doing",
            "NEGATED_EXISTENCE",
            direction="PSEUDO",
            pattern=[{"LOWER": "not"}, {"LOWER": "me"}, {"LOWER": {"REGEX": "^[a-z]+ing$"}}],
        )
    )

    # ---- hedges: uncertainty, which escalates (longer than "not"/"if", so they win pruning)
    hedges = (
        "i think",
        "think",
        "thinking",
        "maybe",
        "perhaps",
        "possibly",
        "probably",
        "might",
        "may",
        "could be",
        "could have",
        "seems",
        "seem",
        "seemed",
        "seems like",
        "feel like",
        "feels like",
        "felt like",
        "feels as if",
        "feel as if",
        "as if",
        "as though",
        "kind of",
        "kinda",
        "sort of",
        "sorta",
        "a bit",
        "a little",
        "slightly",
        "somewhat",
        "i guess",
        "i suppose",
        "not sure",
        "not sure if",
        "not sure whether",
        "not sure but",
        "unsure",
        "not certain",
        "not 100% sure",
        "not a hundred percent",
        "wonder",
        "wondering",
        # Pennsylvania Dutch "it wonders me" (I wonder)
        "it wonders me",
        "it wonders me if",
        "wonder if",
        "wondering if",
        "wondering whether",
        "wonder whether",
        "no idea if",
        "no idea whether",
        "dunno",
        "dunno if",
        "hard to say",
        "hard to tell",
        "i suspect",
        "suspect",
        "afraid",
        "scared",
        "worried",
        "worried that",
        "worry that",
        "might be nothing",
        "could be nothing",
        "probably nothing",
        "just me",
        "i reckon",
        "may be nothing",
        "it may be nothing",
        "is probably nothing",
        "reckon",
        "apparently",
        "touch of",
    )
    for literal in hedges:
        direction = "BIDIRECTIONAL" if literal in _BIDIRECTIONAL_HEDGES else "FORWARD"
        add(R(literal, "POSSIBLE_EXISTENCE", direction=direction))
    add(
        R(
            "don't know / can't tell (if)",
            "POSSIBLE_EXISTENCE",
            direction="FORWARD",
            pattern=[
                {"LEMMA": {"IN": ["do", "can", "ca"]}, "OP": "?"},
                {"NORM": "not"},
                {"LOWER": {"IN": ["know", "tell", "understand", "sure", "certain"]}},
                {"LOWER": {"IN": ["if", "whether"]}, "OP": "?"},
            ],
        )
    )
    add(
        R(
            "am not sure",
            "POSSIBLE_EXISTENCE",
            direction="FORWARD",
            pattern=[
                {"LEMMA": "be"},
                {"NORM": "not"},
                {"LOWER": {"IN": ["sure", "certain"]}},
                {"LOWER": {"IN": ["if", "whether", "but"]}, "OP": "?"},
            ],
        )
    )

    # ---- hypothetical / conditional / educational
    for literal in (
        "in case",
        "incase",
        "what if",
        "what happens if",
        "what would happen if",
        "suppose",
        "supposing",
        "imagine",
        "hypothetically",
        "let's say",
        "lets say",
        "in the future",
        "in future",
        "unless",
        "if ever",
        "if i ever",
        "prevent",
        "preventing",
        "avoid",
        "avoiding",
        "chance of",
        "chances of",
        "lead to",
        "leads to",
        "what to do if",
        "when to worry",
        "what does it mean if",
        "is it possible to",
        "would it",
        "could it",
        # watching for a sign is not having it ("i keep checking for numbness")
        "checking for",
        "check for",
        "keep checking",
        "watching for",
        "on the lookout for",
    ):
        add(R(literal, "HYPOTHETICAL", direction="FORWARD"))
    # educational wording, only in sentences that say nothing about the user
    for literal in (
        "signs of",
        "sign of",
        "symptoms of",
        "symptom of",
        "warning signs",
        "warning sign",
        "look out for",
        "watch out for",
        "look for",
        "such as",
        "for example",
    ):
        add(R(literal, "HYPOTHETICAL", direction="FORWARD", on_modifies=_generic_sentence))
    # both ways in one rule ("fever ko red flag kyun bolte hai?"): two rules on one span would
    # leave medspaCy's pruning to pick one of them by rule order
    for literal in ("red flag", "red flags"):
        add(R(literal, "HYPOTHETICAL", direction="BIDIRECTIONAL", on_modifies=_generic_sentence))
    add(
        R(
            "worry if / when",
            "HYPOTHETICAL",
            direction="FORWARD",
            pattern=[{"LOWER": {"IN": ["worry", "panic", "concerned"]}}, {"LOWER": {"IN": ["if", "when"]}}],
        )
    )
    add(
        R(
            "(worried) about getting",
            "HYPOTHETICAL",
            direction="FORWARD",
            pattern=[
                {
                    "LOWER": {
                        "IN": [
                            "worried",
                            "worry",
                            "scared",
                            "afraid",
                            "concerned",
                            "frightened",
                            "terrified",
                            "risk",
                            "chance",
                        ]
                    },
                    "OP": "?",
                },
                {"LOWER": {"IN": ["about", "of"]}},
                {"LOWER": {"IN": ["getting", "developing", "ending"]}},
            ],
        )
    )
    add(
        R(
            "if I start / get",
            "HYPOTHETICAL",
            direction="FORWARD",
            pattern=[
                {"LOWER": {"IN": ["if", "when", "once"]}},
                {"LOWER": {"IN": ["i", "you"]}},
                {"LEMMA": {"IN": ["start", "begin", "develop", "ever", "become"]}},
            ],
        )
    )
    add(
        R(
            "say (I ...)",
            "HYPOTHETICAL",
            direction="FORWARD",
            pattern=[{"IS_SENT_START": True, "LOWER": {"IN": ["say", "supposing", "suppose"]}}],
        )
    )
    add(
        R(
            "question about symptoms in general",
            "HYPOTHETICAL",
            direction="FORWARD",
            on_modifies=_generic_question,
            pattern=[{"IS_SENT_START": True, "LOWER": {"IN": _QUESTION_OPENERS}}],
        )
    )
    # the same opener in a dialect's spelling (Scots "whit's", "wha's") (seventeenth session)
    add(
        R(
            "question about symptoms in general, in dialect",
            "HYPOTHETICAL",
            direction="FORWARD",
            on_modifies=_generic_question,
            pattern=[
                {"IS_SENT_START": True, "LOWER": {"NOT_IN": _QUESTION_OPENERS}, "NORM": {"IN": _QUESTION_OPENERS}}
            ],
        )
    )
    add(
        R(
            "generic symptom question",
            "HYPOTHETICAL",
            direction="BACKWARD",
            on_modifies=_generic_question,
            pattern=[
                {
                    "LOWER": {
                        "IN": [
                            "serious",
                            "dangerous",
                            "emergency",
                            "normal",
                            "bad",
                            "mean",
                            "means",
                            "worrying",
                            "concerning",
                        ]
                    }
                },
                {"LOWER": "?"},
            ],
        )
    )

    # ---- normal or absent, said after the thing ("my bladder's fine", "continence is preserved")
    for literal in (
        "fine",
        "normal",
        "normally",
        "as normal",
        "as usual",
        "all good",
        "intact",
        "preserved",
        "unremarkable",
        "unaffected",
        "entirely unaffected",
        "perfectly well",
        "in complete control",
        "in full control",
        "very good",
        "very well",
        "all normal",
        "in control",
        "working good",
        "are grand",
        "is grand",
        "'s grand",
        "working fine",
        "works fine",
        "is good",
        "are good",
        "totally normal",
        "okay",
        "ok",
        "conserved",
        "is conserved",
        "are conserved",
        "maintained",
        "is maintained",
    ):
        add(R(literal, "NEGATED_EXISTENCE", direction="BACKWARD", max_scope=6, on_modifies=_normal_now))
    for literal in (
        "nothing amiss",
        "no difficulty",
        "can feel everything",
        "feel everything",
        "can still feel",
        "i can pee",
        "can pee fine",
        "none whatsoever",
        "no leaks",
        "no leakage",
        "no accidents",
    ):
        add(R(literal, "NEGATED_EXISTENCE", direction="BIDIRECTIONAL", max_scope=8))
    add(R("full feeling", "NEGATED_EXISTENCE", direction="BIDIRECTIONAL", max_scope=8, on_modifies=_not_fullness))
    add(
        R(
            "nee (Geordie no)",
            "NEGATED_EXISTENCE",
            direction="FORWARD",
            max_scope=3,
            pattern=[{"LOWER": "nee", "NORM": "no"}],
        )
    )

    # ---- questions about how or why something happens, in general
    add(
        R(
            "how / why (does it ...)",
            "HYPOTHETICAL",
            direction="FORWARD",
            on_modifies=_generic_how_why,
            pattern=[
                {"NORM": {"IN": ["how", "why", "poukisa", "kisa"]}},
                {
                    "LOWER": {
                        "IN": [
                            "come",  # "how come" (why)
                            "does",
                            "do",
                            "can",
                            "could",
                            "would",
                            "should",
                            "is",
                            "are",
                            "might",
                            "a",
                            "an",
                            "the",
                            "back",
                            "bladder",
                            "unexplained",
                        ]
                    }
                },
            ],
        )
    )
    # the future: "one day I won't feel ...", "when me get old"
    add(
        R(
            "one day I will",
            "HYPOTHETICAL",
            direction="FORWARD",
            pattern=[
                {"LOWER": {"IN": ["one", "ae"]}},
                {"LOWER": "day"},
                {"LOWER": {"IN": ["i", "i'll", "ill", "me", "mi"]}},
                {"LOWER": {"IN": ["wo", "will", "'ll", "might", "may", "could", "go", "gonna", "winna", "noh"]}},
            ],
        )
    )
    add(
        R(
            "when I get old",
            "HYPOTHETICAL",
            direction="BACKWARD",
            pattern=[
                {"LOWER": "when"},
                {"LOWER": {"IN": ["i", "me", "mi", "ah", "we"]}},
                {"LOWER": {"IN": ["get", "grow", "turn", "am", "'m", "are"]}},
                {"LOWER": {"IN": ["old", "older", "elderly"]}},
            ],
        )
    )
    # "could my back ever make me ...?", "will I ever ...?": a question about what may one day
    # happen
    add(
        R(
            "could ... ever ...?",
            "HYPOTHETICAL",
            direction="FORWARD",
            on_modifies=_in_question,
            pattern=[
                {"LOWER": {"IN": ["could", "can", "will", "would", "might", "may", "does", "do", "is"]}},
                {"IS_ALPHA": True, "OP": "?"},
                {"IS_ALPHA": True, "OP": "?"},
                {"IS_ALPHA": True, "OP": "?"},
                {"LOWER": "ever"},
            ],
        )
    )
    # "can this back pain one day make me lose feeling?": a question about what may happen
    add_words(
        "one day (in a question)",
        "HYPOTHETICAL",
        "one some",
        "day",
        direction="BIDIRECTIONAL",
        on_modifies=_in_question,
    )
    add_words("someday (in a question)", "HYPOTHETICAL", "someday", direction="BIDIRECTIONAL", on_modifies=_in_question)
    # Gullah "ef" (if)
    add(R("ef (if)", "HYPOTHETICAL", direction="FORWARD", pattern=[{"LOWER": "ef"}]))
    # Tok Pisin and Bislama "sapos" (if) and "bambae" (will); "bilong / from wanem" (why) and
    # "olsem wanem" (how), only in sentences that say nothing about the user
    add_words("sapos (if), bambae (will)", "HYPOTHETICAL", "sapos sapose bambae bae")
    add_words(
        "bilong wanem (why), olsem wanem (how)",
        "HYPOTHETICAL",
        "bilong blong blo long from olsem",
        "wanem",
        on_modifies=_generic_tok_pisin_sentence,
    )
    # "si" (if) of French and Spanish speakers, Mauritian Kreol and Papiamentu, before the one it
    # is said of: "si enn zour mo ...", "si un dia mi ..."; not "si, ..." (yes)
    add_words(
        "si (if)", "HYPOTHETICAL", "si", "mo mi un enn ou bo despues apre mwen m yo je j'", on_modifies=_not_habitual_if
    )
    # Cebuano and Tagalog "kung" (if) before its subject; Cebuano "wala koy" (I have no), merged
    # into one token by the phrase merger
    add_words("kung (if)", "HYPOTHETICAL", "kung", "mag ang mo ma ako ikaw siya ka", on_modifies=_not_habitual_if)
    add_words("wala koy (I have no)", "NEGATED_EXISTENCE", "wala koy|wala akoy|wala pud ko", max_scope=3)
    # "why" in Afrikaans (hoekom, waarom), Papiamentu (dikon, pakiko) and Mauritian Kreol (kifer,
    # akoz), Cebuano "unsa / unsaon" (what, how): only in sentences that say nothing about the user
    add_words(
        "hoekom, dikon, kifer (why), unsa (what)",
        "HYPOTHETICAL",
        "hoekom waarom dikon pakiko pakico kifer akoz unsa unsaon unsay",
        on_modifies=_generic_sentence,
    )
    for literal in (
        "explain",
        "splain",
        "please explain",
        "is there any truth",
        "were i to",
        "should i ever",
        "generally speaking",
        "in general",
        "at any stage",
        "at any point",
    ):
        add(R(literal, "HYPOTHETICAL", direction="FORWARD"))
    for literal in ("nothing like", "nothin like", "not the worst"):
        add(R(literal, "NEGATED_EXISTENCE", direction="FORWARD", max_scope=5))
    # "nobody jam me" (Pidgin: nobody hit me), Spanish "nada entumido" (nothing numb); "nobody"
    # and "no one" are this rule only, not also pseudo-negations: two rules on one span would leave
    # medspaCy's pruning to pick one by rule order
    # Jamaican patois "nuh fever" (no fever), "mi batty nuh numb" (is not numb)
    for literal in ("nobody", "no one", "nada", "nuh"):
        add(R(literal, "NEGATED_EXISTENCE", direction="FORWARD", max_scope=3))
    # Spanish "mis piernas están bien" (my legs are fine), French "ça va"
    for literal in ("están bien", "estan bien", "está bien", "esta bien", "ça va", "ca va"):
        add(R(literal, "NEGATED_EXISTENCE", direction="BACKWARD", max_scope=6))
    # "a history of cancer in the family": a relative's, not the writer's
    for literal in ("in the family", "in my family", "runs in the family", "family history"):
        add(R(literal, "FAMILY", direction="BIDIRECTIONAL", max_scope=6, on_modifies=_not_about_me))
    for literal in (
        "school project",
        "are mentioned",
        "is mentioned",
        "mentioned as",
        "listed as",
        "mentions",
        "the article mentions",
        "people say",
        "what do they mean",
        "what does it mean",
        "no issues myself",
        "the link",
        "what's the link",
        "whats the link",
        "link with",
        "link between",
        "grouped with",
        "is grouped",
        "in your guidance",
        "in the article",
    ):
        add(R(literal, "HYPOTHETICAL", direction="BIDIRECTIONAL", max_scope=8))
    # what the writer did from the article is self-care tried, not a question about it: "tried
    # everything in the article", "did all the exercises in the article"
    add(
        R(
            "everything / all / the exercises in the article",
            "HYPOTHETICAL",
            direction="PSEUDO",
            pattern=[
                {"LOWER": {"IN": ["everything", "everythin", "all", "exercises", "stretches", "tips", "remedies"]}},
                {"LOWER": {"IN": ["in", "from", "off"]}},
                {"LOWER": {"IN": ["the", "that", "this", "your"]}},
                {"LOWER": {"IN": ["article", "leaflet"]}},
            ],
        )
    )
    add(
        R(
            "should ... ever",
            "HYPOTHETICAL",
            direction="FORWARD",
            pattern=[{"LOWER": "should"}, {"OP": "?"}, {"OP": "?"}, {"OP": "?"}, {"LOWER": "ever"}],
        )
    )

    # ---- Tagalog and Hindi (in Latin letters) mixed with English: negation, hypotheticals and
    # questions about symptoms in general (the words of a red flag are in the vocabulary tables)
    add(
        R(
            "hindi naman / hindi (po) ako",
            "NEGATED_EXISTENCE",
            direction="FORWARD",
            max_scope=6,
            pattern=[{"LOWER": {"IN": ["hindi", "di"]}}, {"LOWER": {"IN": ["naman", "po", "ako"]}}],
        )
    )
    add(
        R(
            "wala (po) akong / wala ring",
            "NEGATED_EXISTENCE",
            direction="FORWARD",
            max_scope=5,
            pattern=[{"LOWER": "wala"}, {"LOWER": {"IN": ["po", "ring", "din", "akong"]}}],
        )
    )
    add(
        R(
            "(bukhar) nahi hai",
            "NEGATED_EXISTENCE",
            direction="BACKWARD",
            max_scope=4,
            pattern=[{"LOWER": {"IN": ["nahi", "nahin", "nhi"]}}, {"LOWER": {"IN": ["hai", "hain", "tha", "thi"]}}],
            on_modifies=_not_said_of_before,
        )
    )
    # "bukhar nahi, wazan kam nahi hua": a "nahi" that closes a clause negates what comes before
    # it; "urine nahi aya" (it did not come) and "pata nahi chala" (not noticed) are symptoms
    add(
        R(
            "(bukhar) nahi, (wazan kam) nahi hua",
            "NEGATED_EXISTENCE",
            direction="BACKWARD",
            max_scope=5,
            pattern=[
                {"LOWER": {"IN": ["nahi", "nahin", "nhi"]}},
                {"LOWER": {"IN": ["hua", "hui", "hue", "huyi", ",", ".", ";", "!", "bas", "ya", "aur"]}},
            ],
            on_modifies=_closing_nahi,
        )
    )
    add(
        R(
            "koi (chot) nahi",
            "NEGATED_EXISTENCE",
            direction="FORWARD",
            max_scope=4,
            pattern=[{"LOWER": "koi"}],
            on_modifies=_negated_later_in_hindi,
        )
    )
    add(
        R(
            "na hi (gira)",
            "NEGATED_EXISTENCE",
            direction="FORWARD",
            max_scope=4,
            pattern=[{"LOWER": "na"}, {"LOWER": "hi"}],
        )
    )
    for literal in ("kung sakali", "pag nagka", "pag may", "agar", "just in case", "in advance"):
        add(R(literal, "HYPOTHETICAL", direction="FORWARD"))
    add(
        R(
            "Tagalog / Hindi question about symptoms in general",
            "HYPOTHETICAL",
            direction="FORWARD",
            on_modifies=_generic_question,
            pattern=[{"IS_SENT_START": True, "LOWER": {"IN": ["bakit", "ano", "totoo", "kya", "kyun", "kaise"]}}],
        )
    )
    add(
        R(
            "(sunn ho) sakta hai / kyun bolte hai (question about symptoms in general)",
            "HYPOTHETICAL",
            direction="BACKWARD",
            on_modifies=_generic_question,
            pattern=[
                {"LOWER": {"IN": ["sakta", "sakti", "bolte", "kehte", "jata", "jaata"]}},
                {"LOWER": {"IN": ["hai", "hain"]}},
            ],
        )
    )

    # ---- scope terminators ("no fever but my leg is numb")
    for literal in (
        "and i",
        "and now",
        "now",
        "also",
        "plus",
        "btw",
        "by the way",
        "anyway",
        "otherwise",
        "whereas",
        "while",
        "whilst",
        "just",
        "only",
        "instead",
        "rather",
        "and then",
        "then",
        "except",
        "though",
        "although",
        # "my knee ain't the problem tho, it's that I messed my drawers": what is wrong, after
        "tho",
        "it's that",
        "its that",
        "the problem is",
        "the thing is",
    ):
        add(R(literal, "TERMINATE", direction="TERMINATE"))

    for rule in rules:
        if rule.category == "NEGATED_EXISTENCE" and rule.direction == "FORWARD":
            rule.on_modifies = _within_its_clause(rule.on_modifies)
        rule.on_modifies = _outside_target(rule.on_modifies)
    return rules
