"""DIETClassifier loads without tracing its training step.

Rasa's ``RasaModel.load`` builds a model's weights by fitting it on one example, compiled as for
training: TensorFlow traces the whole training step (the losses and their gradients), which took
about a minute of every Rasa server's start here. Building the same weights takes a second when
that one step runs eagerly; the trained weights are then loaded over them and the prediction
function is traced as before, so what the model predicts does not change
(tests/test_model_load.py compares both loads). Fine-tuning (``rasa train --finetune``) keeps
Rasa's own load.

Installed on import: Rasa imports this package when it reads the model's graph, before it builds
the DIETClassifier (config.yml names nlu_components.red_flag_extractor, which imports this)."""

from typing import Any, Optional

import tensorflow as tf
from rasa.utils.tensorflow import models
from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import RasaModelData

RASA_LOAD = models.RasaModel.load.__func__


def eager_build_load(
    cls,
    model_file_name: str,
    model_data_example: RasaModelData,
    predict_data_example: Optional[RasaModelData] = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> "models.RasaModel":
    """Rasa's ``RasaModel.load``, with the one step that builds the weights run eagerly."""
    if finetune_mode:
        return RASA_LOAD(cls, model_file_name, model_data_example, predict_data_example, finetune_mode, *args, **kwargs)
    config = kwargs.get("config", {})
    model = cls(*args, **kwargs)
    model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)), run_eagerly=True)
    model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)
    # compile() set Keras's run_eagerly, which RasaModel.run_inference reads too: predictions are
    # traced (or eager) as the config says, as with Rasa's load
    model.run_eagerly = config.get(RUN_EAGERLY)
    model.load_weights(model_file_name)
    if predict_data_example:  # traces the prediction step once, as Rasa's load does
        model.run_inference(predict_data_example)
    return model


def install() -> None:
    models.RasaModel.load = classmethod(eager_build_load)


def uninstall() -> None:
    models.RasaModel.load = classmethod(RASA_LOAD)


install()
