"""Questions the article cannot answer even when they use its words: a dose, side effects, costs,
another condition or body part, or a diagnosis of the visitor's own case.

The NLU model learns these as out_of_scope; this deterministic check keeps an article answer from
ever standing in for medical advice the article does not give, whatever the model guessed.
"""

import re

_DRUGS = (
    r"ibuprofen|paracetamol|acetaminophen|tylenol|advil|aspirin|naproxen|codeine|tramadol|"
    r"gabapentin|pregabalin|diclofenac|co-codamol|tablets?|pills?|medication|meds"
)
# Conditions and body parts the article is not about (its own, such as osteoarthritis or the hips
# named among its causes, are not listed).
_OTHER_CONDITIONS = (
    r"heart attack|stroke|migraines?|headaches?|diabetes|diabetic|kidney stones?|kidney infection|"
    r"uti|urinary tract infection|osteoporosis|gout|lupus|fibromyalgia|rheumatoid|covid|flu|"
    r"cancer|tumou?r|shingles|carpal tunnel|tennis elbow|frozen shoulder|plantar fasciitis|"
    r"pregnan\w*|menopause|high blood pressure|blood pressure|cholesterol|asthma|depression|anxiety|"
    r"acl|meniscus|bunions?|varicose|sprained ankle"
)
_OTHER_PARTS = r"shoulders?|neck|elbows?|wrists?|hands?|fingers?|thumbs?|jaw|teeth|tooth|stomach|chest|eyes?|ears?"
_PAINFUL = r"pain|painful|ache|aches|aching|sore|hurts?|hurting|crook|stiff|bad|playing up|killing me"

NOT_COVERED = re.compile(
    r"\b("
    r"dos(e|es|age|ing)|\d+\s?(mg|ml|milligrams?)\b|how (much|many|often)\b[^?.!]*\b(" + _DRUGS + r")|"
    r"side[- ]?effects?|breast-?feeding|interact\w* with|addictive|"
    r"book(ing)? (an? )?(appointment|consultation)|(can|could) you book|waiting (list|times?)|"
    r"how (much|many) ([\w-]+ )?(mg|milligrams?|shots|injections|jabs|times a (day|week))|"
    r"(" + _DRUGS + r"|naproxen) (and|with) [\w ]*(together|same time)|together in same time|at the same time as|"
    r"(stuff|mess|upset|hurt) (up )?(your|my) stomach|"
    r"near (to )?(me|my (house|home|place))|find an? [\w ]+ near|"
    r"how much (is|are|for) (an? )?\w+|dollars?|bucks|\$\s?\d|£\s?\d|\d+\s?euros\b|"
    r"which [\w ]+ should i (buy|grab|get|order)|(buy|buying|purchase|order) (a|an|the|some|new|me a) \w+|"
    r"timetable|opening hours|"
    r"(mean|means) i'?ve got|(mean|means) i have|"
    r"insurance|medicare|medicaid|cover(ed)? by|nhs cover|how much (does|do|will|would|is) [\w ]*(cost|charge)|"
    r"price of|cost of|"
    r"(symptoms?|signs?|causes?|treatments?|cure) (of|for) (an? )?(" + _OTHER_CONDITIONS + r")|"
    r"(" + _OTHER_CONDITIONS + r")|"
    r"(pain|ache|aches|aching|sore|hurts?) (in|of) (my |me |the |ur |your )?(" + _OTHER_PARTS + r")\b|"
    r"(my|me|the|ur|your) (" + _OTHER_PARTS + r")(?: of [\w ]+)?(?:'s)?\b[^.?!]{0,30}\b(" + _PAINFUL + r")|"
    r"(where|where'?s) (can i|do i|is) (find|get|buy|grab|rent) (an?|the|some) "
    r"(physio|physiotherapist|chiro|chiropractor|"
    r"masseuse|massage|acupuncturist|yoga|pilates|mat|desk|bike|bicycle)|"
    r"tinnitus|ringing in (my|me|the) ears|"
    r"in my case|(i'?ve got|i have),? reckon|is it (a |an )?[\w ]{2,30} or [\w ]{2,30} (i'?ve got|i have)|"
    r"(stuff|mess|upset|hurt) (up )?(ur|you'?re) stomach|safe to take|(take|taking) (both|them) together|"
    r"book me|appt|set (ya|you|me) back|how much cost|prices?|brands?|on sale|\bsale\b|rent(ing)? an? |"
    r"(cycling|bike|walking|running|hiking) (route|routes|track|tracks|trail|trails|path|paths|club)|"
    r"(route|track|trail)s? (along|round|around|near)|"
    r"(spot|place|shop|store) to (buy|grab|get)|football|soccer|cricket|rugby|the match|result of the|"
    r"do i have (?!to\b)|have i got (?!to\b)|(can|could) you diagnose|diagnose (me|my)|what'?s my diagnosis|"
    r"which (one|condition) (do )?i have|what condition (is it|do i have)|"
    r"interpret my|read my (x-?ray|scan|mri|report|results)|(x-?ray|scan|mri) (report|results)|"
    r"can you (confirm|tell me) whether (i|my)|is (it|that|this) (a|an) \w+ tear|"
    r"where (can )?i (can )?(buy|order)\b|(consultation )?fees?|deals|discounts?|vouchers?|coupons?|"
    r"parcel|delivery|track (my|the) (order|package)|yoga mats?|"
    r"period (cramps|pains?)|menstrual|pms|television|on (the )?tv|telly|"
    r"blood thinners?|warfarin|anticoagulants?|(mess|upset) (wi|with) (yer|your|my|ur) stomach"
    r")\b",
    re.IGNORECASE,
)


def not_covered(question: str) -> bool:
    return bool(NOT_COVERED.search(question or ""))
