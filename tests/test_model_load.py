"""The trained model loads with DIET's weights built eagerly (nlu_components/model_load.py) and
predicts exactly what Rasa's own load predicts: the same intents, confidences and entities."""

from rasa.core.agent import Agent
from rasa.utils.tensorflow import models

import nlu_components.model_load as model_load
from tests.servers import run_async

MESSAGES = [
    "what causes knee pain from a bad back?",
    "does massage or a chiropractor help the knees?",
    "how long until I can garden again",
    "since this morning I can't control my bladder",
    "hello",
    "thanks, bye",
    "is the weather nice today",
    "my lower back aches and the pain goes down to my knee when I climb stairs",
]


def parsed(model: str) -> list:
    agent = Agent.load(model)

    async def parse_all():
        return [await agent.parse_message(text) for text in MESSAGES]

    # on a thread of its own: the browser tests leave an event loop running on this one
    return run_async(parse_all())


def test_the_eager_build_predicts_what_rasas_load_predicts(model):
    assert models.RasaModel.load.__func__ is model_load.eager_build_load, "installed on import"
    eager = parsed(model)
    model_load.uninstall()
    try:
        rasa_own = parsed(model)
    finally:
        model_load.install()
    for ours, theirs in zip(eager, rasa_own):
        assert ours["intent"] == theirs["intent"], ours["text"]
        assert ours["intent_ranking"] == theirs["intent_ranking"], ours["text"]
        assert ours["entities"] == theirs["entities"], ours["text"]
