"""Rasa NLU component: every message is checked for red flags by the deterministic detector.

Affirmed red flags become `red_flag` entities (value: the category id), ordered least to most
severe, so that the `red_flag` slot (Rasa fills a text slot from the last entity) holds the most
severe one. The intent becomes `red_flag`, so that the escalation rule fires whatever else was
asked; the model's own ranking stays in `intent_ranking`, and the escalation action answers the
original question from it. If the model itself guessed `red_flag` but the detector finds nothing,
the safety question is asked instead (intent `safety_check`), unless the detector found red-flag
words there and set them aside by their context (negated, someone else's, hypothetical):
escalation never depends on the model's guess, and the model can add a question but never
remove an escalation.

When the detector is unsure (a red-flag area is touched but not clearly affirmed) the intent
becomes `safety_check` with a `red_flag_suspect` entity naming the category asked about; a rule
then asks the yes/no safety question (`utter_safety_question`).
"""

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu_components import model_load  # noqa: F401  (DIET loads without tracing its training step)
from safety.assessment import PARSE_DATA_KEY
from safety.red_flags import LEVELS, get_detector

RED_FLAG_INTENT = "red_flag"
RED_FLAG_ENTITY = "red_flag"
SAFETY_CHECK_INTENT = "safety_check"
SUSPECT_ENTITY = "red_flag_suspect"
# The model's own red_flag guess asks the safety question only when it is this sure.
MODEL_SUSPECT_CONFIDENCE = 0.8
MODEL_SUSPECT_CATEGORY = "bladder_bowel"  # the question asks about the emergency signs


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER],
    is_trainable=False,
)
class RedFlagExtractor(GraphComponent, EntityExtractorMixin):
    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "RedFlagExtractor":
        return cls(config)

    def __init__(self, config: Dict[str, Any]) -> None:
        self.component_config = config
        self.detector = get_detector()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process(message)
        return messages

    def _process(self, message: Message) -> None:
        assessment = self.detector.assess(message.get(TEXT) or "")
        # kept with the message in the tracker: the actions read it instead of assessing again
        message.set(PARSE_DATA_KEY, assessment.as_dict(), add_to_output=True)
        if assessment.escalate:
            least_severe_first = sorted(assessment.mentions, key=lambda m: (-LEVELS.index(m.level), m.start))
            entities = [
                {
                    "entity": RED_FLAG_ENTITY,
                    "value": mention.category,
                    "start": mention.start,
                    "end": mention.end,
                    "confidence_entity": 1.0,
                    "extractor": self.__class__.__name__,
                }
                for mention in least_severe_first
            ]
            kept = [e for e in message.get(ENTITIES, []) if e.get("entity") != RED_FLAG_ENTITY]
            message.set(ENTITIES, kept + entities, add_to_output=True)
            message.set(INTENT, {"name": RED_FLAG_INTENT, "confidence": 1.0}, add_to_output=True)
            return
        intent = message.get(INTENT) or {}
        suspected = list(assessment.suspected)
        if not suspected and intent.get("name") == RED_FLAG_INTENT:
            # the model reads words, not context: where the detector found the words but set them
            # aside (negated, someone else, hypothetical or general), the model's guess asks nothing
            if (intent.get("confidence") or 0.0) >= MODEL_SUSPECT_CONFIDENCE and not assessment.ignored:
                suspected = [MODEL_SUSPECT_CATEGORY]
            else:
                message.set(INTENT, self._next_best(message), add_to_output=True)
        if suspected:
            kept = [e for e in message.get(ENTITIES, []) if e.get("entity") != SUSPECT_ENTITY]
            suspect = {
                "entity": SUSPECT_ENTITY,
                "value": suspected[0],
                "confidence_entity": 1.0,
                "extractor": self.__class__.__name__,
            }
            message.set(ENTITIES, kept + [suspect], add_to_output=True)
            message.set(INTENT, {"name": SAFETY_CHECK_INTENT, "confidence": 1.0}, add_to_output=True)

    @staticmethod
    def _next_best(message: Message) -> Dict[str, Any]:
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != RED_FLAG_INTENT]
        return ranking[0] if ranking else {"name": "nlu_fallback", "confidence": 1.0}
