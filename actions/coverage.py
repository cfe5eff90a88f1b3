"""Questions the article cannot answer even when they use its words: a dose, side effects, costs,
another condition or body part, or a diagnosis of the visitor's own case.

The NLU model learns these as out_of_scope; this deterministic check keeps an article answer from
ever standing in for medical advice the article does not give, whatever the model guessed.
"""

import re
from typing import List

# Medicines the article names no class of (it names over-the-counter pain relievers such as
# ibuprofen and acetaminophen, muscle relaxants and corticosteroid injections): opioids, nerve-pain
# medicines, blood thinners, steroid tablets, sedatives and the medicines of other conditions. A
# question that names one asks about something the article does not discuss.
_OUTSIDE_DRUGS = (
    r"tramadol|ultram|gabapentin|neurontin|pregabalin|lyrica|duloxetine|cymbalta|amitriptyline|nortriptyline|"
    r"hydrocodone|oxycodone|oxycontin|morphine|codeine|co-codamol|norco|percocet|vicodin|fentanyl|tapentadol|"
    r"diazepam|valium|xanax|alprazolam|sintrom|acenocoumarol|warfarin|apixaban|eliquis|rivaroxaban|xarelto|"
    r"clopidogrel|plavix|prednisone|prednisolone|methotrexate|amlodipine|lisinopril|losartan|metformin|"
    r"omeprazole|atorvastatin|simvastatin|coumadin|marevan|jantoven|blood thinners?|panacod"
)
# Any medicine a visitor names: the pain relievers of the article's classes and those above
_DRUGS = (
    r"ibuprofen|paracetamol|acetaminophen|tylenol|advil|aspirin|naproxen|diclofenac|tablets?|pills?|medication|"
    r"meds|muscle relax\w*|pain ?killers?|panadol|nurofen|aleve|calpol|voltaren|motrin|metamizol\w*|insulin|"
    r"statins?|ibuprofeno|dorflex|dipirona|novalgina|burana|goody'?s(?: powders?)?|bc powders?|" + _OUTSIDE_DRUGS
)
# Anti-inflammatories by name, for a dose said as a strength or how often it is taken ("naproxen 250
# every morning") and a medicine taken with one's own others ("is celecoxib ok with my heart pills")
_NSAIDS = r"etoricoxib|arcoxia|celecoxib|celebrex|meloxicam|mobic|aceclofenac|zerodol|nimesulide|combiflam|brufen"
_ANY_DRUG = _DRUGS + "|" + _NSAIDS
# An imaging report read out: spinal levels ("L4-L5", "L5/S1") and the words of radiology reports
_SCAN_REPORT = (
    r"[ls]\d\s?[-/]\s?[ls]?\d|foramina\w*|thecal|desiccation|spondylosis|annular (?:tear|fissure)|osteophytes?"
)
# Conditions and body parts the article is not about (its own, such as osteoarthritis or the hips
# named among its causes, are not listed).
_OTHER_CONDITIONS = (
    r"heart attack|stroke|migraines?|headaches?|diabetes|diabetic|kidney stones?|kidney infection|"
    r"uti|urinary tract infection|osteoporosis|gout|lupus|fibromyalgia|rheumatoid|covid|flu|"
    r"cancer|tumou?r|shingles|carpal tunnel|tennis elbow|frozen shoulder|plantar fasciitis|"
    r"pregnan\w*|pregnent|pregant|menopause|high blood pressure|blood pressure|cholesterol|asthma|depression|anxiety|"
    r"acl|meniscus|bunions?|varicose|sprained ankle|"
    # lungs, infections, skin, the nervous system and others; Malay "darah tinggi" (high blood
    # pressure) and "kencing manis" (diabetes) (sixteenth session)
    r"copd|emphysema|bronchitis|pneumonia|malaria|dengue|typhoid|tuberculosis|hepatitis|hiv|thyroid|"
    r"ana?emia|eczema|psoriasis|ibs|crohn'?s|colitis|parkinson'?s|alzheimer'?s|dementia|epilepsy|"
    r"multiple sclerosis|sinusitis|tonsillitis|measles|chicken ?pox|glaucoma|cataracts?|restless legs?|"
    r"darah tinggi|kencing manis|hypertension|sickle cell"
)
_OTHER_PARTS = (
    r"(?<!in my )(?<!in your )head|"  # the head, but not "all in my head" (imagined)
    r"shoulders?|neck|elbows?|wrists?|hands?|fingers?|thumbs?|jaw|teeth|tooth|stomach|chest|eyes?|ears?|ankles?|toes?|"
    r"balikat|leeg|kandha|gardan|ombros?|pesco[cç]o|"  # shoulder and neck in Tagalog, Hindi, Portuguese
    r"mode|modha|baah|umăr|umar|gât"  # shoulder and arm in Punjabi, shoulder and neck in Romanian
)
# The conditions a visitor asks to have diagnosed ("is it sciatica or a slipped disc?")
_DIAGNOSES = (
    r"sciatica|slip(?:ped)? dis[ck]|herniated dis[ck]|arthritis|osteoarthritis|bursitis|pinched nerve|stenosis|"
    # French, Portuguese, Spanish and German: arthrose, artrose, artrosis, Arthrose; hernie, hérnia
    r"arthrose|artrose|artrosis|arthrosis|hernie|h[eé]rnia"
)
# An appointment got, made or booked
_BOOKING = r"(get|getting|make|making|book|booking|take|fix|schedule|scheduling)\w* (an? |the )?appointment"
_ALCOHOL = r"alcohol|wine|beer|booze|liquor|whisky|vodka|pints?|cans"
_PAINFUL = (
    r"pain|painful|paining|pains|ache|aches|aching|sore|hurts?|hurting|crook|stiff|bad|playing up|killing me|in bits|"
    r"swell\w*|swollen|sprain\w*|twist\w*"
)

# Costs, cover, appointments and waiting, shopping and money, the weather: never the article's.
_PRACTICAL = (
    r"charges?|charge for|what'?s (?:a|an|the) [\w ]{1,30} cost|cost,? roughly|"
    r"philhealth|health plan|plan covers?|covered po|covered under|out of network|in-network|network provider|co-?pay|"
    r"deductible|bill|billing|reimburs\w*|"
    r"(?:schedule|magpa schedule ng) (?:an |ng |my )?appointment|the wait for|"
    r"retailers?|where to buy|shop for|free shipping|shipping|flipkart|amazon|ebay|lazada|shopee|"
    r"return (?:my |an |the )?order|order return|rupees|pesos|reais|\d+\s?(?:rs|inr|php)|"
    r"weather|forecast|uulan|bicycle route|deer season|"
    # health insurers and funds by name; money; booking through the chat
    r"krankenkasse|nhif|workers'? ?comp\w*|medical aid|health fund|how much money|(?:can|could) i book|"
    r"through this chat|\d+\s?(?:euros?|eur|usd|gbp|kes|ksh|shillings?|rand|zar)\b|under \d{2,}|"
    # places and routes to ride, run or walk
    r"(?:place|places|spot|spots|route|routes) (?:to|for) (?:cycl\w*|bik\w*|run\w*|hik\w*|walk\w*|swim\w*)|"
    r"(?:cycle|cycling|bike|biking|ride|drive|walk|run) from [a-z]+ to [a-z]+|"
    r"(?:cycling|walking|hiking|running|skiing) holiday|"
    # shopping for shoes and the like; costs in a word; waiting lists misspelt; Tagalog "how much"
    r"sneakers|running shoes|(?:shoes|trainers|store) for|\bcosts?\b|magkano|waitin'? list|"
    # a time booked; money in the currencies of other countries
    r"(?:book|booking) (?:a |an |the )?(?:time|slot|session|visit)\b|"
    r"ariary|cedis?|pula|kwacha|naira|fcfa|dirhams?|rupiah|ringgit|baht|zloty|forint|dinars?|rubles?|roubles?|"
    # waiting lists and booking in Portuguese; meters and credit topped up (2026-12-01, eighth session)
    r"lista de espera|marcar (?:uma )?consulta|waiting list|"
    r"top(?:ping)?[- ]?up (?:my |the |your )?(?:gas|electric\w*|meter|phone|credit|card|oyster|data|airtime)"
)
# A dose, how many, other medicines and supplements; a diagnosis asked in other words.
_DOSE_AND_DIAGNOSIS = (
    r"\d+ (?:advil|ibuprofen|aleve|tylenol|paracetamol|nurofen|tablets|pills|capsules) at once|"
    r"how many of (?:each|them)|too many|sleeping (?:tablets|pills)|secondary effects|creatine|"
    r"water infections?|bladder infections?|attack of the heart|hart attack|bursitis|"
    r"(?:eyes?|ears?|skin|throat) (?:burning|itch\w*|sting\w*|watering|dry)|"
    r"(?:my |me |the )?(?:shoulder|neck|elbow|wrist|jaw)(?:'s| is| has)? been|"
    r"suffering from (?:an? )?\w+|confirm whether|do i got|"
    r"(?:arthritis|sciatica|bursitis|osteoarthritis|slipped disc)(?:,? is it|\?? or (?:not|something|am i|sciatica))|"
    r"is (?:it|this|that|to) (?:\w+ )?(?:arthritis|sciatica|bursitis|a slipped disc|a herniated disc)\b(?! that)|"
    r"(?:arthritis|sciatica) na ba|"
    # a drug's maximum, harms, any "how much should I take", mixing medicines
    r"(?:maximum|max|max dose) (?:of |dose of )?(?:" + _DRUGS + r")|bad effects|"
    r"how (?:much|many) [\w' ]{0,25} (?:should|can|do|could|may) (?:i|ye|you|u|ya|we|one) take|"
    # a learner's order: "how many X I can take in one day"
    r"how (?:much|many) [\w' ]{0,25} (?:i|we) (?:can|should|could|may|must) take|"
    r"(?:mix|mixing|combine|combining) [\w ]{0,25}(?:" + _DRUGS + r")|"
    # a shoulder or neck in Tagalog word order
    r"(?:masakit|sakit) (?:ang |ng )?(?:balikat|leeg)|"
    # a diagnosis: one condition or another, in the visitor's own case
    r"(?:is|are) (?:my|it|this|that) [\w ]{0,20}(?:scoliosis|spondylolisthesis|stenosis)\b|just tell me yes or no|"
    r"is my case|(?:sciatica|slip(?:ped)? dis[ck]|herniated dis[ck]|arthritis|bursitis|pinched nerve) or (?:is it )?"
    r"(?:a |the )?(?:slip(?:ped)? dis[ck]|herniated dis[ck]|disc hernia|dis[ck] problem|dis[ck]|nerve problem|muscle|"
    r"sciatica|arthritis|bursitis|pinched nerve)|"
    # "... or disc hernia what I have?", "I have arthrosis in the knee or not?", "... or no?"
    r"or [\w ]{2,30} what i have|i have (?:\w+ )?(?:arthrosis|arthritis|osteoarthritis|sciatica)"
    r"(?: in (?:the |my )?\w+)? or (?:no|not)|"
    # medicines that clash, a medicine's harm to the stomach said with th-fronting, a daily count
    r"(?:will|would|does|do) (?:it|they|that|this) clash|clash(?:es|ing)? with|"
    r"(?:mess|upset|hurt)\w* (?:wi|wiv|with) (?:ya|yer|your|my|me|ur) stomach|"
    r"how (?:many|much) (?:a|per|each|every) day|togevver|"
    # costs asked with the h dropped: "'ow much is a session"
    r"ow much (?:is|are|for|does)|"
    # two medicines together; a scan's picture sent to be read; what one has, asked outright
    r"(?:" + _ANY_DRUG + r")\b[^.?!]{0,50}\b(?:can|could|should|may) (?:i |we )?(?:mix|combine|take) "
    r"(?:the two|both|them together|the 2)|"
    r"(?:" + _ANY_DRUG + r")\b[^.?!]{0,50}\b(?:is|are) (?:it |this |that |they )?(?:ok|okay|safe|fine|alright|good) "
    r"(?:to take )?together|"
    r"(?:photo|picture|pic|image|scan|copy) of (?:my|the|his|her) "
    r"(?:x-?rays?|xray|raio-?x|scan|mri|ct|results?|report)|"
    r"(?:can|could) (?:you |u )?(?:see|say|tell) (?:me )?what (?:i have|i got|i'?ve got|is wrong(?! with (?!me\b)))|"
    r"what(?: is|'s|’s|s) my problem|wh?at (?:have|has) (?:i|he|she) got\b(?! to)|"
    # children's growing pains
    r"growing pains?|dores? de crescimento|"
    # a medicine's effects on anyone ("does it make yous dozy"), its danger with another one
    r"(?:does|do|will|would|can) (?:it|they|that|this|these|those) (?:make|makes|give) "
    r"(?:you|yous|ye|ya|u|me|people|one) (?:feel )?"
    r"(?:dizzy|drowsy|dozy|sleepy|tired|nauseous|sick|constipated|put on weight|gain weight|fat|itchy)|"
    r"or (?:is )?(?:it )?danger(?:ous)?|(?:safe|ok|okay) or (?:no|not)\b|together with (?:" + _DRUGS + r")|"
    # a diagnosis: a torn part
    r"have (?:i|ah) (?:torn|ripped|broken|damaged|slipped|pulled) (?:my|me) \w+|"
    # shops that sell things; what a health service pays for
    r"(?:anywhere|where|shop|store|somewhere)\b[^.?!]{0,25}\b(?:sells?|selling|stocks?)\b|"
    r"(?:nhs|insurance|insurer|medicare|medicaid|the state|government) (?:pay|pays|cover|covers|fund|funds)\b|fork out|"
    # the health service and paying; a diagnosis guessed ("d'ye think I've got arthritis")
    r"on the nhs|(?:have|hae|got) (?:to|tae|ta) pay|pay for (?:it|them|that|this|one|a session|the sessions?)\b|"
    r"(?:think|reckon|guess) (?:i'?ve|ah'?ve|i have|ah have|i|ah) got (?:an? )?(?:\w+ )?(?:" + _DIAGNOSES + r")|"
    # a medicine taken with another; a dose asked in milligrams; a clinic somewhere
    r"(?:" + _DRUGS + r")\b[^.?!]{0,60}\b(?:along with|together with|alongside) (?:it|them|my)\b|"
    r"(?:quantos|quantas|cuantos|cuántos|cuantas|cuántas|how many) mg\b|"
    r"(?:clinic|clinics|acupuncturist|chiropractor|hospital|pharmacy)s? near\b|"
    r"how (?:to |do i |can i |i )?make (?:an? )?appointment|dreich|"
    # who pays, travel to care, opening days, a practitioner recommended somewhere
    r"does (?:the )?[\w-]+ (?:pay|pays|cover|covers) for\b|medical travel|"
    r"(?:open|opens) (?:on )?(?:a )?(?:saturdays?|sundays?|weekends?|public holidays?|late|tonight|tomorrow)\b|"
    r"any good (?:physios?|chiros?|chiropractors?|doctors?|gps?|massage \w+|masseurs?|acupuncturists?|"
    r"osteos?|osteopaths?) (?:in|near|around|round)\b|"
    # what a named medicine does to the stomach, a sentence after naming it
    r"(?:" + _DRUGS + r")\b[^?]{0,60}\b(?:make|makes|made|give|gives|gave)\b[^.?!]{0,15}\b"
    r"(?:stomach|tummy|belly|sick|drowsy|sleepy|dizzy|constipat\w*)|"
    # rain or snow asked about ("does it rain tomorrow"), Dutch "het weer" (the weather)
    r"(?:does|will|is|gonna|going to) it (?:rain|snow|be (?:sunny|windy|cold|hot))\b|het weer|"
    # engines and machines that will not start; a car's tyres, oil and battery
    r"(?:won'?t|wont|doesn'?t|will not|does not) start\b|"
    r"(?:change|changing|put on|rotate|rotating|swap|swapping|pump up)\b[^.?!]{0,20}\b"
    r"(?:tires|tyres|oil|wipers|battery)\b|"
    r"(?:winter|snow|summer) (?:tires|tyres)\b|"
    # the best place for something, a shop or a dish ("where can I get the best bunny chow")
    r"where (?:can|do|could|should) (?:i|we|you) (?:get|buy|find|eat) (?:the )?best\b|"
    r"best [\w ]{1,20}(?:shop|store|restaurant|takeaway|bakery|sweets?|cafe)\b|"
    # cooking, the weather tomorrow, phones and apps
    r"how (?:to |do (?:i|ah|you|we) |i |can i )?(?:cook|bake)\b|recipes?\b|"
    r"rice|dolma|puds|yorkshire pudding|palaw|pilau|pilaf|biryani|mohinga|kiribath|noodles|dough|"
    r"(?:tomorrow|today|tonight) (?:is |will be |gonna be )?(?:rain|raining|snow|snowing|sunny|windy)\b|"
    r"how much (?:salt|sugar|pepper|seasonin\w*|spices?|flour|butter)\b|"
    r"boil\w* [\w ]{0,15}(?:pounds|lbs|kilos?|kg) of\b|"
    # house and garden chores
    r"(?:remove|removing|get rid of|clean|cleaning|scrub\w*) (?:the |my )?"
    r"(?:moss|mould|mold|weeds|rust|algae|limescale|grease|stains?)\b|"
    # a diagnosis asked outright
    r"tell me (?:exactly |just |honestly )?what (?:i have|i got|i'?ve got|it is|is wrong with me)|"
    r"(?:phone|wifi|wi-fi|whatsapp|laptop|computer|internet|router|app|telly|tv)\b[^.?!]{0,50}\b"
    r"(?:fix|connect|not working|broken|password|charging|storage)"
)

NOT_COVERED = re.compile(
    r"\b(" + _PRACTICAL + "|" + _DOSE_AND_DIAGNOSIS + "|" + _OUTSIDE_DRUGS + "|" + _SCAN_REPORT + "|"
    r"(?:" + _ANY_DRUG + r")\s+\d+\s?(?:mg)?\b(?!\s*(?:weeks?|days?|months?|years?|hours?|times|mins?))|"
    r"(?:" + _ANY_DRUG + r")\b[^.?!]{0,30}\b(?:once|twice|thrice|three times|\d+ times?) (?:a |per )?(?:day|daily)\b|"
    r"(?:take|taking|tomar|pran|kunywa)\s+(?:" + _ANY_DRUG + r")\b[^.?!]{0,25}"
    r"\b(?:with|wit|wiv|wid|con|avec|avek) (?:my|mi|mis|el|la|los|las|the|mon|mes)\b|"
    r"(?:" + _ANY_DRUG + r")\s+(?:con|avec|avek) (?:el|la|mi|mis|mon|mes|my)\b|"
    # the visitor's own diagnosis asked outright ("tell me which sickness I have")
    r"(?:which|what|wat) (?:sickness|disease|illness|condition|ailment) (?:i|do i|have i) (?:have|got)\b|"
    r"(?:tell me|can you tell me|say me) (?:qué|que|what) (?:tengo|i have|i got)\b|"
    r"dos(e|es|age|ing)|\d+\s?(mg|ml|milligrams?)\b|how (much|many|often)\b[^?.!]*\b(" + _DRUGS + r")|"
    r"side[- ]?effects?|breast-?feeding|interact\w* with|addictive|"
    r"book(ing)? (an? )?(appointment|consultation)|(can|could) you book|waiting (list|times?)|"
    r"how (much|many) ([\w-]+ )?(mg|milligrams?|shots|injections|jabs|times a (day|week))|"
    r"(" + _DRUGS + r"|naproxen) (and|with) [\w ]*(together|same time)|together in same time|at the same time as|"
    r"(" + _DRUGS + r") together\b|"
    # how many times or tablets, which is cheap and where, one condition or another: Punjabi and Hindi
    r"(kinni|kinniyan|kitni|kitne) (vaari|vari|baar|dafa|goliyan|tablet|tablets)|sasta|sasti|kithe milega|"
    r"kahan milega|ohip|(mainu|mujhe|menu) [\w ]{2,30} (hai|aa) ya|"
    r"(i have|i got|have i) (a )?"
    r"(sciatica|arthritis|slipped dis[ck]|herniated dis[ck]|bursitis|pinched nerve|hernie\w*) or|"
    r"reteta|rețetă|"
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
    # the other part named first, with no knee or back: "neck is in bits from sleeping funny"
    r"^\W*(?![^.?!]*\b(?:knees?|back|spine)\b)("
    + _OTHER_PARTS
    + r")(?:'s| is| are| has| have)?\b[^.?!]{0,30}\b("
    + _PAINFUL
    + r")|"
    r"(where|where'?s) (can i|do i|is) (find|get|buy|grab|rent) (an?|the|some) "
    r"(physio|physiotherapist|chiro|chiropractor|"
    r"masseuse|massage|acupuncturist|yoga|pilates|mat|desk|bike|bicycle)|"
    r"tinnitus|ringing in (my|me|the) ears|"
    r"in my case|(i'?ve got|i have),? reckon|is it (a |an )?[\w ]{2,30} or [\w ]{2,30} (i'?ve got|i have)|"
    r"(stuff|mess|upset|hurt) (up )?(ur|you'?re) stomach|safe to take|(take|taking) (both|them) together|"
    r"book me|appt|set (ya|you|me) back|how much cost|prices?|brands?|on sale|\bsale\b|rent(ing)? an? |"
    r"(cycling|bike|walking|running|hiking) (route|routes|track|tracks|trail|trails|path|paths|club)|"
    r"(route|track|trail)s? (along|round|around|near|in|for bicycle)|"
    r"(spot|place|shop|store) to (buy|grab|get)|the match|result of the|"
    # a sport's matches and results (a visitor who plays it may still ask about the article)
    r"(football|footy|soccer|cricket|rugby|hurling|basketball|baseball|hockey|lakers|arsenal) "
    r"(match|matches|game|games|score|scores|result|results|fixtures?|season|league|champs)|"
    r"(who|which team) (won|win|wins|is winning|will win|you reckon wins)|who'?s playing|"
    # the weather, cooking and meals; booking in other words
    r"(is it|will it|gonna|going to|fixin'? to|fixing to) (rain|snow|storm|hail|chuck it)|"
    r"dinner ideas|what to cook|how (long|to) (cook|bake|boil|fry|roast|can|pickle)\b|"
    r"(green )?beans|chicken|pasta|soup|curry|stew|cake|pizza|steak|high protein|protein (shake|powder|dinner|meal)|"
    r"where'?s the best (?!way|exercise|stretch|position|treatment|thing|time)|"
    r"which (hospital|clinic|doctor) (in|near)|"
    # booking: how or where to get one, or one somewhere ("with a back specialist down at Mayo")
    r"(how (do|can|could|would|should|to) (i |we |you )?(go about )?|(where|can i|could i) (can i |do i |could i )?)"
    + _BOOKING
    + r"|"
    + _BOOKING
    + r" (with|at) [\w ]{0,30}\b(at|in|down at|near)\b|"
    # another person's diagnosis; a sprained or rolled joint
    r"(does|do) (my|his|her|our) (son|daughter|husband|wife|mum|mom|dad|kid|child|boy|girl|partner) "
    r"(have|has) (?!to\b)|osgood|"
    r"(roll\w*|sprain\w*|twist\w*) (my|his|her|their|an?|the) (ankle|wrist|elbow|shoulder|toe|finger)|ankle brace|"
    r"have a got (?!to\b)|(reckon|think|guess) (i'?ve|i|i have) got [\w ]{2,30} or|"
    r"do i have (?!to\b)|have i got (?!to\b)|(can|could) you diagnose|diagnose (me|my)|what'?s my diagnosis|"
    r"which (one|condition) (do )?i have|what condition (is it|do i have)|"
    r"interpret my|read my (x-?ray|scan|mri|report|results)|(x-?ray|scan|mri) (report|results)|"
    r"can you (confirm|tell me) whether (i|my)|is (it|that|this) (a|an) \w+ tear|"
    r"where (can )?i (can )?(buy|order)\b|(consultation )?fees?|deals|discounts?|vouchers?|coupons?|"
    r"parcel|delivery|track (my|the) (order|package)|yoga mats?|"
    r"period (cramps|pains?)|menstrual|pms|television|on (the )?tv|telly|"
    r"blood thinners?|warfarin|anticoagulants?|(mess|upset) (wi|with) (yer|your|my|ur) stomach|"
    # alcohol with a medicine; a medicine's safety for someone with another illness; its harms
    r"(" + _ALCOHOL + r")\b[^.?!]{0,30}\b(" + _DRUGS + r")|(" + _DRUGS + r")\b[^.?!]{0,40}\b(" + _ALCOHOL + r")|"
    r"safe for (someone|somebody|people|a person|patients?|me) with|"
    r"(is|are) causing (me )?(stomach|nausea|dizziness|a rash|rash|heartburn|constipation|drowsiness)|"
    r"stomach (problems?|issues?|upset)|heartburn|nause\w*|"
    r"(make|makes|making|mek|mekking|mek?s) (me|mi|him|her|them) (feel )?(dizzy|drowsy|sleepy|nauseous|itchy|sick)|"
    # what an insurer or a health scheme covers; cheap shops; which product to buy
    r"covers? (the )?(cost|physio\w*|sessions?|treatments?|surgery|acupuncture|massage|chiro\w*|injections?)|"
    r"nhis|insurers?|cheapest|cheaply|(buy|get|shopping|order|find)\b[^.?!]{0,30}\bcheap\b|"
    r"cheap (one|ones|place|shop|store|brand|option|deal|version)s?|argos|ikea|walmart|costco|"
    r"which (bike|bicycle|mattress|shoes?|trainers|pillow|car|brand|model|mat|desk) (is|are|should|would) "
    r"(better|best|good)|"
    # cooking, shopping for groceries, sports results
    r"recipes?|groceries|grocery|shop(ping)? online|online shopping|what'?s the score|score in|scores|fixtures|"
    r"premier league|"
    # a diagnosis asked outright
    r"tell me if i have|based on my (pain|symptoms)|you tell me please|"
    # a diagnosis: "is it X (I have) or Y", "it is X (in Arabic) or Y", Swahili "ni X ama Y"; not
    # "which stretches help sciatica or a slipped disc", which asks about both
    r"(is it|is|it'?s|it is|ni|is this|is that|have i got|i have|i got) (an? |the )?(\w+ )?\(?("
    + _DIAGNOSES
    + r")\)?( i'?ve got| i have| i got)? (or|ama|au)\b|"
    # "how do I know (for sure) if it is arthritis", "I have X or no?", Swahili "niko na X ama?"
    r"how [\w ]{0,12}know (for sure )?(if|whether) [\w ]{0,12}("
    + _DIAGNOSES
    + r")|(do )?i (have|got) [\w ]{2,25},? or (no|not)\b|"
    r"(niko na|nina) [\w ]{2,25} ama\b|"
    # a medicine that may clash with another; insurance in Sheng ("inacover")
    r"(" + _DRUGS + r")\b[^.?!]{0,40}\bclash|(ina|ita|itaweza) ?cover|"
    # cooking a dish: "how to make koshary", "how u make green fig and saltfish"
    r"how (to|do (you|u|i|we)|u|you|i|does one) (make|prepare|cook) (?!(my|me|the|it|this|that|your|ur|a|an|back|knee|"
    r"knees|pain|him|her|them|sure|exercise|exercises|stretch\w*|recovery|posture|walking|sitting|standing)\b)\w+|"
    # ice on a lake; the price of a session
    r"ice fishing|ice (is|be) thick|how much\b[^.?!]{0,20}\b(per|kwa|a|each|for a|for one) session|"
    # neck, shoulders, chest, stomach or head hurting, in Swahili
    r"(shingo|bega|mabega|kifua|tumbo|kichwa)\b[^.?!]{0,25}\b(inauma|zinauma|yanauma|kuuma|maumivu)"
    r")\b",
    re.IGNORECASE,
)


# A message's question: its sentences that ask (a question mark, or a question word first).
_SENTENCE = re.compile(r"(?<=[.?!])\s+|\n+")
_ASKING = re.compile(
    r"^\W*(?:can|could|should|would|will|is|are|do|does|did|what|what's|whats|how|why|when|which|where|"
    r"who|any|anything|tell|explain|kindly|please)\b",
    re.IGNORECASE,
)
# Words of the article's own subject: a question with one of them is about the article, whatever
# the message tells before it.
_ARTICLE_WORDS = (
    r"back|knees?|spine|spinal|lumbar|sciatica|discs?|recover\w*|symptoms?|treatments?|exercises?|"
    r"physio\w*|massage|injections?|surgery|pain"
)
_ARTICLE_SUBJECT = re.compile(rf"\b(?:{_ARTICLE_WORDS})\b", re.IGNORECASE)


# Words of health and of the body, care and everyday strain: a message with none of them is not
# about the article's subject, whatever single word it shares with a passage ("the heat in Dakar",
# "online courses") (eleventh session)
_HEALTH_SUBJECT = re.compile(
    rf"\b(?:{_ARTICLE_WORDS}|"
    r"backs|disks?|heal\w*|treat\w*|exercis\w*|massag\w*|jabs?|shots?|operation|pain\w*|hurt\w*|ach\w*|sore\w*|"
    r"stiff\w*|numb\w*|tingl\w*|swell\w*|swollen|weak\w*|doctors?|gp|clinic\w*|hospital\w*|nurse|therap\w*|"
    r"stretch\w*|yoga|pilates|postur\w*|muscles?|joints?|nerves?|inflam\w*|arthri\w*|injur\w*|fall\w*|fell|"
    r"legs?|hips?|foot|feet|thighs?|calf|calves|body|health\w*|medic\w*|pills?|tablets?|ice|pads?|packs?|"
    r"compress\w*|brace|walk\w*|gait|limp\w*|sit|sitting|sleep\w*|bed|mattress|chair|desk|lift\w*|bend\w*|"
    r"weight|diet|relie\w*|cure\w*|remed\w*|herb\w*|chiropract\w*|acupunct\w*|bath|baths|warm|hot|cold|"
    r"stand\w*|ergonom\w*|spasms?|cramps?|x-?rays?|mri|scan|imaging|fever|bladder|bowel|dr|docs?|"
    r"caus\w*|reasons?|prevent\w*|signs?|get(?:ting|tin'?)? over)\b",
    re.IGNORECASE,
)


def on_subject(text: str) -> bool:
    """Whether the message has any word of health, the body or its care (its English reading)."""
    return bool(_HEALTH_SUBJECT.search(text or ""))


def asked_part(text: str) -> List[str]:
    """The sentences of `text` that ask something (the last sentence when none does)."""
    sentences = [s for s in _SENTENCE.split(text.strip()) if s.strip()]
    asking = [s for s in sentences if s.rstrip().endswith("?") or _ASKING.match(s)]
    return asking or sentences[-1:]


def not_covered(question: str) -> bool:
    """True when the message asks what the article cannot answer. The question itself decides;
    what the writer tells before it (a history of other conditions, medicines and operations)
    counts only when the question is not about the article's subject."""
    text = question or ""
    asked = asked_part(text)
    if any(NOT_COVERED.search(s) for s in asked):
        return True
    if asked and all(_ARTICLE_SUBJECT.search(s) for s in asked):
        return False
    return bool(NOT_COVERED.search(text))
