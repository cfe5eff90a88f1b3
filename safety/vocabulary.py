"""Word classes the target patterns (safety.patterns) are built from. The multi-word phrases
merged into single tokens before matching are in safety.phrases."""

from .pattern_helpers import LIKE_NUM, NOT, alt, gap, lem, low, norm, opt, seq

# --------------------------------------------------------------------------- word classes

# inability ("can't", "cannot", "can barely", "unable to", "haven't been able to", "won't"):
# merged into one token with lemma "cannot" by the phrase component (safety.phrases.PHRASES)
CANNOT = alt(lem("cannot"), seq(lem("trouble difficulty problem"), opt(low("with"))))
OPTIONAL_ADVERB = opt(low("really even properly fully quite always"))
TWO_OPTIONAL_ADVERBS = [OPTIONAL_ADVERB, opt(low("really even properly fully at all"))]

PEE = lem("pee wee urinate piss wees peeing weeing urinating pissing peed weed wee'd urination")
POO = lem("poo poop pooing pooed pooping defecate defaecate")
BLADDER_OR_BOWEL = lem("bladder bowel bowels waterworks")
BLADDER_BOWEL_OR_URINE = lem("bladder bowel bowels waterworks urine wee pee poo")
CLOTHES_OR_BEDDING = lem(
    "pants trousers knickers underwear undies boxers jeans clothes pyjamas pajamas bed sheets nappy pad"
)
SELF = low("myself")
FEEL_VERB = lem("feel notice realise realize sense tell know")
CANNOT_FEEL = alt(
    seq(CANNOT, OPTIONAL_ADVERB, FEEL_VERB),
    seq(NOT, opt(low("even really always")), FEEL_VERB),
)
TOILET_WORD = lem("pee wee urinate piss poo poop toilet loo bathroom loos wees")
SOIL_VERB = lem(
    "wet wetting soil soiled soiling mess messed pee wee piss poo poop pooed peed weed wee'd shit shat crap crapped"
)
WITHOUT_NOTICING = seq(
    low("without"),
    opt(low("me my even")),
    lem("know knowing notice noticing realise realising realize realizing feel feeling"),
)

GENITALS = (
    "genitals genital genitalia penis willy dick cock vagina vulva labia clitoris testicles testicle scrotum privates"
)
SADDLE_AREA = lem(
    "groin crotch perineum perineal anus bum buttock buttocks butt backside arse ass rectum "
    "saddle undercarriage nethers inner_thigh down_there " + GENITALS
)
NUMB_CORE = lem("numb numbness tingling tingle tingly anaesthesia anesthesia deadness")
NUMB = alt(
    NUMB_CORE,
    seq(low("no"), opt(low("real")), lem("feeling sensation")),
    seq(lem("lose lost loss losing"), opt(low("of")), opt(low("all any the")), lem("feeling sensation")),
    seq(lem("reduced altered strange weird odd funny less"), lem("sensation feeling")),
    seq(CANNOT, OPTIONAL_ADVERB, low("feel"), opt(norm("anything much a thing nothing"))),
    seq(low("feel feels felt feeling"), norm("nothing")),
)

LEG = lem("leg thigh calf shin foot ankle toe knee legs kneecap")
LEG_ONLY = lem("leg thigh calf shin foot legs")  # not knees: "pain in both knees" is common
LEGS_PLURAL = low("legs thighs calves shins feet")
NUMB_OR_WEAK = alt(
    lem("numb numbness tingling tingle tingly weak weakness dead jelly"),
    lem("give_way buckle buckling"),
    seq(lem("lose lost loss losing"), opt(low("of")), opt(low("all any the")), lem("feeling sensation strength")),
    seq(low("no"), lem("feeling sensation strength")),
    seq(CANNOT, OPTIONAL_ADVERB, low("feel")),
)
BOTH = alt(
    lem("both"),
    seq(low("each"), opt(low("of"))),
)

SEVERE = alt(
    lem(
        "severe excruciating unbearable agony agonising agonizing intense terrible horrendous "
        "horrible extreme crippling debilitating worst awful"
    ),
    seq(low("really very so"), low("bad")),
    lem("10/10"),
)
RADIATE = alt(
    lem("radiate radiating shoot shooting spread spreading travel travelling traveling"),
    seq(lem("go run"), opt(low("right all straight")), low("down into to through")),
    seq(low("down into"), opt(low("to"))),
)
LOWER_LIMB = alt(lem("knee leg thigh calf shin foot knees legs kneecap"), seq(low("knee"), low("cap")))
RADIATION = alt(
    seq(RADIATE, gap(3), LOWER_LIMB),
    seq(
        low("from"),
        opt(low("my the")),
        opt(low("lower low")),
        lem("back spine bum hip"),
        gap(2),
        low("to into down"),
        opt(low("to into")),
        opt(low("my the")),
        LOWER_LIMB,
    ),
)

FALL = lem("fall fell fallen slip slipped trip tripped tumble tumbled")
BODY = lem("back knee leg hip spine neck tailbone coccyx bum bottom")

DURATION = alt(
    seq(
        alt(
            LIKE_NUM,
            seq(low("a an"), opt(low("few couple"))),
            low("few several many"),
            low("couple"),
        ),
        opt(low("of")),
        opt(low("whole full")),
        lem("week month year weeks months years"),
    ),
    seq(lem("week weeks month months"), low("and"), lem("week weeks month months")),
    seq(lem("week month"), LIKE_NUM),
)
DURATION_LEAD = alt(
    seq(low("for"), opt(low("over about nearly almost around the past last more like"))),
    low("over past last nearly almost after"),
    seq(low("more longer"), low("than")),
    seq(low("going"), low("on"), opt(low("for"))),
    lem("last lasted lasting"),
)
SINCE_LONG_AGO = seq(
    low("since"),
    opt(low("last")),
    low(
        "summer winter spring autumn christmas xmas january february march april june july "
        "august september october november december year"
    ),
)
NOT_BETTER = alt(
    seq(
        NOT,
        opt(low("really")),
        lem("get getting improve improving go going help helping work working shift shifting budge touch touching"),
        opt(low("any much")),
        opt(low("better away")),
    ),
    seq(low("nothing"), opt(low("seems")), lem("help helping work working sort sorts fix fixes")),
    seq(lem("do does"), low("nothing")),
    seq(low("no"), low("better")),
    seq(low("still"), lem("hurt hurting painful sore bad there")),
    seq(low("still"), opt(low("the")), low("same")),
    low("despite"),
)
PAIN_WORD = lem(
    "pain ache aching hurt hurting sore sciatica symptom symptoms problem back knee it this numbness stiffness"
)

CANCER = lem(
    "cancer cancers tumour tumor tumours tumors malignancy leukaemia leukemia lymphoma myeloma "
    "melanoma carcinoma sarcoma metastases metastatic"
)
