"""The NLU pipeline runs in worker threads, not on Rasa's event loop.

Rasa 3.6 parses a message (tokenizer, featurizers, DIET, the red-flag component) synchronously
inside its async `MessageProcessor.parse_message`: while one long message is parsed (about
250 ms at 2,000 characters on 2 cores), every other conversation waits. Here the parse runs in
a small thread pool and the event loop keeps serving the others. The order of one
conversation's turns is unchanged: Rasa's lock store still holds that conversation's lock across
the whole turn. The components are safe to share between threads: Rasa's featurizers and DIET
only read their trained state at inference, and the red-flag detector takes its own lock.

`install()` wraps `MessageProcessor.parse_message` once; it is called when Rasa loads this
package (endpoints.yml names its classes). `PARSE_THREADS` sets the pool's size (0: parse on
the event loop, as stock Rasa does).
"""

import os
from typing import Any, Dict, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.trackers import DialogueStateTracker

from workers import off_the_loop

PARSE_THREADS = int(os.environ.get("PARSE_THREADS", "4"))

_rasa_parse_message = MessageProcessor.parse_message


async def _parse_in_worker(
    self: MessageProcessor,
    message: UserMessage,
    tracker: Optional[DialogueStateTracker] = None,
    only_output_properties: bool = True,
) -> Dict[str, Any]:
    """`MessageProcessor.parse_message`, with the graph run in a worker thread."""
    if self.http_interpreter or PARSE_THREADS <= 0:
        return await _rasa_parse_message(self, message, tracker, only_output_properties)
    if tracker is None:
        tracker = DialogueStateTracker.from_events(message.sender_id, [])
    parse_data = await off_the_loop(
        "nlu-parse", PARSE_THREADS, self._parse_message_with_graph, message, tracker, only_output_properties
    )
    self._update_full_retrieval_intent(parse_data)
    self._check_for_unseen_features(parse_data)
    return parse_data


def install() -> None:
    """Idempotent: Rasa parses messages in worker threads."""
    MessageProcessor.parse_message = _parse_in_worker  # type: ignore[method-assign]
