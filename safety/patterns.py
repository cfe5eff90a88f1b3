"""The target patterns: Matcher rules per red-flag category.

Each rule names its category and, where a token pattern cannot say everything, a post-filter
from :mod:`safety.match_checks` (its `check`) that a match must also pass.
"""

from dataclasses import dataclass
from typing import List, Optional

from .match_checks import (
    Check,
    check_bottom,
    check_cancer,
    check_duration,
    check_ed,
    check_fall,
    check_fever,
    check_go,
    check_need_to_go,
    check_temperature,
)
from .pattern_helpers import LIKE_NUM, NOT, alt, build, gap, lem, low, opt, seq
from .vocabulary import (
    BLADDER_BOWEL_OR_URINE,
    BLADDER_OR_BOWEL,
    BODY,
    BOTH,
    CANCER,
    CANNOT,
    CANNOT_FEEL,
    CLOTHES_OR_BEDDING,
    DURATION,
    DURATION_LEAD,
    FALL,
    GENITALS,
    LEG,
    LEG_ONLY,
    LEGS_PLURAL,
    NOT_BETTER,
    NUMB,
    NUMB_CORE,
    NUMB_OR_WEAK,
    OPTIONAL_ADVERB,
    PAIN_WORD,
    PEE,
    POO,
    RADIATION,
    SADDLE_AREA,
    SELF,
    SEVERE,
    SINCE_LONG_AGO,
    SOIL_VERB,
    TOILET_WORD,
    TWO_OPTIONAL_ADVERBS,
    WITHOUT_NOTICING,
)


@dataclass(frozen=True)
class Rule:
    category: str
    patterns: List[List[dict]]  # Matcher patterns
    check: Optional[Check] = None  # a post-filter every match must also pass


PATTERNS: List[Rule] = []  # in rule order


def rule(category: str, *patterns: List[List[dict]], check: Optional[Check] = None) -> None:
    flat: List[List[dict]] = []
    for p in patterns:
        flat.extend(p)
    PATTERNS.append(Rule(category, flat, check))


_LOSS = alt(lem("lose lost losing loss lack lacking zero poor reduced less"), low("no"), NOT)
_FILL = [opt(low("any much full proper total complete all the my of have had got longer real good")) for _ in range(3)]

# -- bladder / bowel ------------------------------------------------------------------------
rule(
    "bladder_bowel",
    # loss of control
    build(
        _LOSS,
        *_FILL,
        lem("control controlling"),
        opt(low("of over on with")),
        opt(low("my the")),
        BLADDER_BOWEL_OR_URINE,
    ),
    build(_LOSS, *_FILL[:2], BLADDER_BOWEL_OR_URINE, lem("control")),
    build(CANNOT, OPTIONAL_ADVERB, lem("control hold"), opt(low("my the")), BLADDER_BOWEL_OR_URINE, opt(low("in"))),
    build(
        lem("trouble problem difficulty issue struggle struggling"),
        opt(low("with in")),
        lem("control controlling hold holding"),
        opt(low("my the")),
        BLADDER_BOWEL_OR_URINE,
    ),
    build(lem("trouble problem difficulty issue"), opt(low("with in")), BLADDER_OR_BOWEL, lem("control")),
    build(BLADDER_OR_BOWEL, lem("control"), alt(lem("problem issue trouble difficulty loss"), low("gone went lost"))),
    build(
        BLADDER_BOWEL_OR_URINE,
        gap(2),
        alt(
            seq(lem("let lets"), low("go")),
            lem("give_way"),
            low("went gone"),
            seq(NOT, lem("work working")),
            seq(lem("stop stopped"), lem("work working")),
            seq(lem("pack packed"), low("up")),
        ),
    ),
    build(lem("incontinent incontinence incontinance")),
    build(low("urinary bladder"), low("retention")),
    build(low("retention"), low("of"), low("urine")),
    # wetting / soiling
    build(SOIL_VERB, opt(low("all")), SELF),
    build(SOIL_VERB, opt(low("in")), low("my the"), CLOTHES_OR_BEDDING),
    build(lem("bedwetting bed-wetting")),
    build(
        low("bed sheets pants trousers knickers underwear undies"),
        opt(lem("be")),
        opt(low("all soaking")),
        lem("wet soaked soaking damp soiled"),
    ),
    build(lem("wake woke waking"), opt(low("up")), opt(low("all")), lem("wet soaked soaking")),
    build(alt(SOIL_VERB, lem("leak leaking leaks dribble dribbling")), opt(low("out")), gap(3), WITHOUT_NOTICING),
    # "accident" used for the toilet
    build(
        lem("accident accidents"),
        opt(low("in with")),
        opt(low("my the")),
        alt(CLOTHES_OR_BEDDING, BLADDER_BOWEL_OR_URINE),
    ),
    build(alt(TOILET_WORD, BLADDER_OR_BOWEL), lem("accident accidents")),
    build(low("having"), low("accidents")),
    build(low("keep keeps kept keeping"), gap(1), low("accidents")),
    build(low("little small"), lem("accident accidents")),
    build(lem("accident accidents"), gap(6), NOT, opt(low("even")), lem("notice feel realise realize know")),
    build(
        CANNOT, OPTIONAL_ADVERB, lem("make get"), opt(low("it")), low("to"), opt(low("the")), lem("toilet loo bathroom")
    ),
    # retention / can't pass urine
    build(
        CANNOT,
        *TWO_OPTIONAL_ADVERBS,
        alt(
            PEE,
            seq(lem("pass"), low("urine water")),
            seq(lem("go"), opt(low("to")), opt(low("the")), lem("toilet loo bathroom")),
            seq(lem("empty"), opt(low("my the")), lem("bladder")),
            seq(lem("go"), low("for"), low("a"), lem("wee pee")),
        ),
    ),
    build(NOT, opt(low("been")), opt(lem("have do")), opt(low("a")), PEE),
    build(
        alt(PEE, BLADDER_OR_BOWEL, lem("strain straining strained toilet loo")),
        gap(4),
        opt(low("but")),
        alt(
            low("nothing"),
            seq(low("hardly barely"), low("anything")),
            seq(low("only just"), opt(low("a")), lem("dribble trickle drop drip")),
            seq(low("just"), low("a"), lem("dribble trickle")),
            seq(low("a"), lem("dribble trickle")),
        ),
    ),
    build(low("nothing"), lem("happen happens happened"), gap(4), PEE),
    build(
        lem("bladder"), opt(lem("be do")), alt(NOT, lem("cannot")), opt(low("fully properly")), lem("empty emptying")
    ),
    build(
        NOT,
        low("think"),
        opt(low("my the")),
        lem("bladder"),
        opt(lem("be")),
        opt(low("fully properly")),
        lem("empty emptying"),
    ),
    # can't feel the need to go / the urine
    build(
        CANNOT_FEEL,
        low("when if whether"),
        gap(4),
        alt(PEE, POO, low("full"), seq(lem("need"), opt(low("the a")), alt(TOILET_WORD, lem("wee pee poo")))),
    ),
    build(CANNOT_FEEL, opt(low("myself me it")), alt(PEE, POO, seq(low("it"), lem("come coming")))),
    build(
        alt(low("no"), seq(lem("lose lost loss"), opt(low("of"))), seq(NOT, opt(lem("have get feel")))),
        opt(low("the any an")),
        lem("urge sensation feeling"),
        opt(low("to of when for")),
        gap(5),
        TOILET_WORD,
    ),
    build(
        alt(low("no"), seq(lem("lose lost loss"), opt(low("of"))), seq(NOT, opt(lem("have get feel")))),
        opt(low("the any an")),
        lem("urge"),
        low("to"),
        lem("go"),
    ),
    build(CANNOT_FEEL, opt(low("the any an")), lem("urge")),
    # leaking
    build(lem("leak leaking dribble dribbling drip dripping"), gap(3), low("urine wee pee piss")),
    build(low("urine wee pee piss"), gap(2), lem("leak leaking dribble dribbling")),
    build(
        low("i ah ah'm"), opt(low("keep 've ve have am 'm m")), opt(low("been")), opt(low("keep")), lem("leak leaking")
    ),
)
rule(
    "bladder_bowel",
    build(CANNOT_FEEL, low("when if whether"), gap(2), lem("need"), low("to"), opt(lem("go"))),
    check=check_need_to_go,
)
rule(
    "bladder_bowel",
    build(lem("bladder"), gap(3), opt(low("but and")), opt(low("i")), CANNOT, OPTIONAL_ADVERB, lem("go pee wee")),
    check=check_go,
)

# -- saddle numbness ------------------------------------------------------------------------
rule(
    "saddle_numbness",
    build(NUMB, gap(4), SADDLE_AREA),
    build(SADDLE_AREA, gap(4), NUMB),
    build(
        alt(seq(CANNOT, OPTIONAL_ADVERB, low("feel")), seq(NOT, low("feel"))),
        gap(3),
        lem("paper tissue wipe wiping seat"),
    ),
    build(lem("wipe wiping wiped"), gap(5), alt(NUMB, lem("strange weird different odd funny"))),
    build(low("seat"), gap(4), alt(NUMB, lem("strange weird odd"))),
)
rule(
    "saddle_numbness",
    build(NUMB, gap(4), low("bottom")),
    build(low("bottom"), gap(4), NUMB),
    check=check_bottom,
)

# -- sexual dysfunction ---------------------------------------------------------------------
rule(
    "sexual_dysfunction",
    build(lem("erectile sexual"), lem("dysfunction problem problems issue issues difficulty difficulties")),
    build(
        alt(CANNOT, NOT, low("no"), lem("lose lost loss trouble problem difficulty")),
        opt(lem("get keep maintain have achieve")),
        opt(low("an a any")),
        lem("erection erections hard-on orgasm climax"),
    ),
    build(CANNOT, OPTIONAL_ADVERB, lem("get keep stay"), alt(seq(low("it"), low("up")), low("hard erect"))),
    build(CANNOT, OPTIONAL_ADVERB, lem("ejaculate orgasm climax")),
    build(CANNOT, OPTIONAL_ADVERB, lem("finish come cum climax"), gap(3), lem("sex intercourse")),
    build(lem("impotent impotence")),
    build(NUMB, gap(3), lem("sex intercourse orgasm erection")),
    build(
        lem("sex intercourse"),
        gap(3),
        alt(NUMB_CORE, seq(lem("feel"), low("nothing different numb")), seq(NOT, lem("feel"))),
    ),
    build(lem("problem issue trouble difficulty"), gap(2), low("in"), low("the"), low("bedroom")),
    build(
        NOT,
        lem("work working"),
        opt(low("properly right")),
        alt(lem("downstairs down_there"), seq(gap(3), low("bedroom"))),
    ),
    build(low("nothing"), lem("work working"), gap(1), lem("downstairs down_there")),
    build(
        lem(GENITALS),
        gap(2),
        alt(seq(NOT, lem("work working function")), seq(lem("stop stopped"), lem("work working"))),
    ),
)
rule(
    "sexual_dysfunction",
    build(low("ed")),
    check=check_ed,
)

# -- both legs --------------------------------------------------------------------------------
rule(
    "bilateral_leg",
    build(NUMB_OR_WEAK, gap(4), BOTH, opt(low("of")), opt(low("my the")), LEG),
    build(BOTH, opt(low("of")), opt(low("my the")), LEG, gap(4), NUMB_OR_WEAK),
    build(lem("sciatica"), gap(3), BOTH, opt(low("of")), opt(low("my the")), alt(LEG, low("sides"))),
    build(
        lem("pain pains shooting burning radiating"),
        gap(3),
        low("down into through"),
        BOTH,
        opt(low("of")),
        opt(low("my the")),
        alt(LEG_ONLY, low("sides")),
    ),
    build(BOTH, opt(low("of")), opt(low("my the")), LEG_ONLY, gap(3), lem("sciatica")),
    build(
        low("it its"),
        opt(low("'s s has is")),
        gap(2),
        low("in into to down"),
        BOTH,
        opt(low("of")),
        opt(low("my the")),
        alt(LEG_ONLY, low("sides")),
    ),
    build(LEGS_PLURAL, gap(2), lem("both"), gap(4), NUMB_OR_WEAK),
    build(NUMB_OR_WEAK, gap(3), LEGS_PLURAL),
    build(LEGS_PLURAL, gap(4), NUMB_OR_WEAK),
    build(low("other"), LEG_ONLY, gap(4), NUMB_OR_WEAK),
    build(NUMB_OR_WEAK, gap(3), low("other"), LEG_ONLY),
    build(low("bilateral"), gap(1), alt(NUMB_OR_WEAK, lem("sciatica leg legs"))),
)

# -- progressive weakness / foot drop ----------------------------------------------------------
_WORSE_EACH_DAY = alt(
    low("worsening spreading progressing"),
    seq(lem("get getting"), opt(low("much a lot even")), low("worse weaker")),
    seq(low("worse weaker"), low("each every by")),
    seq(low("worse weaker"), low("than"), low("yesterday before")),
    seq(low("weaker"), low("and"), low("weaker")),
    seq(low("more"), low("each every")),
)
rule(
    "progressive_weakness",
    build(alt(seq(low("foot"), lem("drop")), seq(lem("drop dropped"), low("foot")))),
    build(
        lem("foot toe toes"),
        gap(2),
        lem("drop dropping drag dragging slap slapping catch catching scuff scuffing flop flopping"),
    ),
    build(lem("foot toe toes"), gap(1), CANNOT, lem("lift raise")),
    build(lem("drag dragging"), opt(low("my")), lem("foot leg")),
    build(
        lem("trip tripping stumble stumbling catch catching"),
        low("over on"),
        opt(low("my")),
        opt(low("own")),
        lem("foot feet toe toes"),
    ),
    build(CANNOT, OPTIONAL_ADVERB, lem("lift raise pick flex"), gap(4), lem("foot toe toes ankle")),
    build(
        CANNOT, OPTIONAL_ADVERB, lem("walk stand"), low("on"), opt(low("my")), lem("heel heels toe toes tiptoe tiptoes")
    ),
    build(
        LEG,
        gap(4),
        alt(
            seq(lem("get getting become becoming grow growing"), opt(low("much a lot even")), low("weaker")),
            seq(low("weaker"), low("and"), low("weaker")),
            seq(low("weaker"), low("each every by")),
            seq(low("weaker"), low("than"), low("yesterday before")),
        ),
    ),
    build(lem("weak weakness"), gap(5), _WORSE_EACH_DAY),
    build(
        alt(lem("give_way buckle buckling"), seq(lem("keep"), lem("stumble stumbling trip tripping"))),
        gap(3),
        _WORSE_EACH_DAY,
    ),
    build(
        low("rapidly quickly progressively fast suddenly"),
        lem("worsen worsening increasing weaken weakening"),
        gap(2),
        lem("weak weakness"),
    ),
)

# -- leg numbness / weakness -------------------------------------------------------------------
rule(
    "leg_numbness_weakness",
    build(NUMB_OR_WEAK, opt(low("patch patches area spot spots")), gap(5), LEG),
    build(LEG, gap(4), NUMB_OR_WEAK),
    build(LEG, gap(3), alt(low("asleep"), seq(low("gone"), low("to"), low("sleep")))),
    build(low("dead"), low("leg")),
)

# -- severe radiating pain ---------------------------------------------------------------------
rule(
    "severe_radiating_pain",
    build(SEVERE, gap(8), RADIATION),
    build(RADIATION, gap(8), SEVERE),
)

# -- injury ------------------------------------------------------------------------------------
rule(
    "injury",
    build(low("i after since from following recent bad nasty a"), opt(low("bad nasty big just recently badly")), FALL),
    build({"IS_SENT_START": True, "LEMMA": {"IN": ["fall", "fell", "slip", "slipped", "trip", "tripped"]}}),
    build(
        FALL,
        alt(
            low("off down over from onto backwards backward hard heavily awkwardly badly yesterday today"),
            seq(low("on"), opt(low("the some a my")), low("ice stairs floor ground step steps pavement path road wet")),
            seq(low("out"), low("of")),
        ),
    ),
    check=check_fall,
)
rule(
    "injury",
    build(lem("injure injured injury injuries")),
    # "I hurt my back" (an event), not "it hurts my back" or "the prayer hurt my knee"
    build(low("i ive 've"), opt(low("really badly just have had")), low("hurt"), alt(SELF, seq(low("my"), BODY))),
    build({"IS_SENT_START": True, "LOWER": "hurt"}, alt(SELF, seq(low("my"), BODY))),
    build(lem("land landed landing"), low("on"), opt(low("my")), BODY),
    build(
        low("car road traffic motorbike motorcycle bike cycling bicycle ski skiing work sports sporting rta"),
        lem("accident crash collision"),
    ),
    build(low("in"), low("an a"), opt(low("car")), lem("accident crash")),
    build(lem("crash crashed"), opt(low("my")), low("car bike motorbike")),
    build(
        lem("come came coming"),
        low("off"),
        opt(low("my the a")),
        low("bike bicycle horse motorbike motorcycle scooter skateboard"),
    ),
    build(low("went"), alt(seq(low("over"), low("on")), seq(low("down"), low("hard heavily")), low("flying"))),
    build(lem("whiplash tackle tackled")),
    build(
        alt(
            seq(low("rear"), opt(low("-")), low("ended")),
            seq(low("hit"), low("by")),
            seq(low("knocked"), low("off over down")),
            seq(low("kicked"), low("in")),
        )
    ),
    build(low("blow"), low("to"), opt(low("my the")), BODY),
    build(low("did"), opt(low("my")), low("back"), low("in")),
)

# -- systemic ----------------------------------------------------------------------------------
rule(
    "systemic",
    build(lem("fever fevers feverish febrile chills rigors shivery")),
    check=check_fever,
)
rule(
    "systemic",
    build(low("temperature temp fever"), opt(low("of is was")), opt(low("about around over")), LIKE_NUM),
    check=check_temperature,
)
rule(
    "systemic",
    build(
        alt(seq(low("a"), opt(low("high slight bit"))), low("high raised"), seq(lem("run running"), opt(low("a")))),
        low("temperature temp"),
    ),
    build(low("hot"), low("and"), low("cold")),
    build(low("night"), lem("sweat sweats sweating")),
    build(
        lem("sweat sweats sweating sweaty"),
        gap(2),
        alt(low("night nights"), seq(low("in"), opt(low("my")), low("sleep bed"))),
    ),
    build(
        lem("drench drenched soak soaked soaking wake woke waking"),
        gap(3),
        alt(low("sweat sweats sweating"), low("sheets")),
    ),
    build(lem("unexplained unintentional unintended unexpected"), opt(low("weight")), lem("weight loss")),
    build(
        lem("lose lost losing"),
        gap(3),
        low("weight stone stones kg kilos pounds lbs pound kilo"),
        gap(4),
        alt(
            WITHOUT_NOTICING,
            seq(low("without"), lem("try trying diet dieting")),
            seq(low("for"), low("no"), low("reason")),
            seq(NOT, lem("try trying diet dieting")),
            seq(low("no"), low("idea")),
            seq(low("despite"), lem("eat eating")),
            low("unexplained unintentionally"),
        ),
    ),
    build(lem("weight"), gap(2), lem("drop dropping fall falling"), low("off")),
    build(low("clothes trousers jeans"), gap(2), lem("fall falling hang hanging"), low("off")),
    build(lem("chemo chemotherapy radiotherapy")),
)
rule(
    "systemic",
    build(opt(low("breast prostate lung bowel skin bone kidney")), CANCER),
    check=check_cancer,
)

# -- persistent ----------------------------------------------------------------------------------
rule(
    "persistent",
    build(PAIN_WORD, gap(6), DURATION_LEAD, opt(low("the")), DURATION),
    build(PAIN_WORD, gap(6), SINCE_LONG_AGO),
    build(DURATION, opt(low("of")), gap(2), lem("pain ache sciatica aching")),
    build(DURATION, gap(8), NOT_BETTER),
    build(NOT_BETTER, gap(8), DURATION),
    build(
        low("it its"),
        opt(low("'s s has")),
        low("been"),
        opt(low("about nearly almost over like")),
        opt(low("more")),
        opt(low("than")),
        DURATION,
    ),
    check=check_duration,
)
