"""Rasa's SQLTrackerStore, recording every escalation the conversation sends.

The escalation reply (`utter_red_flag`) is a domain response sent by a rule, so it reaches the
visitor with the action server down; recording it here, from the events as they are stored,
keeps the record too. Each event is stored once, so each escalation is recorded once.
Configured in endpoints.yml:

    tracker_store:
      type: rasa_ext.tracker_store.RecordingSQLTrackerStore
      url: ${TRACKER_STORE_URL}

A turn reads the conversation back holding only its last `EVENT_WINDOW` events (Rasa's own
`max_event_history`): slots and the rest of the state are replayed from every event of the
session, but the policies, the action server's request and Rasa's turn handling then work on a
window of fixed size, so a turn late in a long conversation costs about what an early one does
(docs/performance.md). No rule, story or action looks further back than a few turns. Every event
is still stored, once: what is new is what follows the last event read back or stored.
`retrieve_full_tracker` (the HTTP API's tracker) reads the whole conversation.
"""

import json
import logging
from typing import Any, Iterable, Iterator, List, Optional

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from operations.escalations import Escalation, EscalationLog
from safety.categories import CATEGORY_LEVELS, CATEGORY_RANK, LEVEL_RANK

logger = logging.getLogger(__name__)

ESCALATION_RESPONSE = "utter_red_flag"
# events a turn holds: some fifteen turns, far more than a turn adds (Rasa stops after ten
# predictions) and than any rule, story or action reads back
EVENT_WINDOW = 100
_STORED_THROUGH = "_stored_through"  # on a tracker read back: its last event that is in the database
_UNSET = object()
RED_FLAG_ENTITY = "red_flag"


def escalations_in(events: List[Event], new_from: int, conversation_id: str) -> List[Escalation]:
    """The escalations among ``events[new_from:]``: one per `utter_red_flag` executed, with the
    flags of the user message it answered (or the `red_flag` slot for a "yes" to the safety
    question)."""
    found = []
    for index in range(new_from, len(events)):
        event = events[index]
        if not (isinstance(event, ActionExecuted) and event.action_name == ESCALATION_RESPONSE):
            continue
        user = next((e for e in reversed(events[:index]) if isinstance(e, UserUttered)), None)
        flags = _flags(user, events[:index])
        if not flags:
            continue
        level = min((CATEGORY_LEVELS[f] for f in flags), key=LEVEL_RANK.__getitem__)
        found.append(
            Escalation(
                conversation_id=conversation_id,
                level=level,
                flags=flags,
                channel=user.input_channel if user else None,
                text=user.text if user else None,
            )
        )
    return found


def _flags(user: Optional[UserUttered], history: Iterable[Event]) -> List[str]:
    entities = (user.entities if user else None) or []
    flags = {e.get("value") for e in entities if e.get("entity") == RED_FLAG_ENTITY}
    if not flags:  # "yes" to the safety question: the category it asked about
        slot = next(
            (
                e.value
                for e in reversed(list(history))
                if getattr(e, "type_name", None) == "slot" and e.key == RED_FLAG_ENTITY
            ),
            None,
        )
        flags = {slot}
    return sorted((f for f in flags if f in CATEGORY_RANK), key=CATEGORY_RANK.__getitem__)


class RecordingSQLTrackerStore(SQLTrackerStore):
    def __init__(
        self,
        *args: Any,
        escalation_log: Optional[EscalationLog] = None,
        event_window: Optional[int] = EVENT_WINDOW,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.escalation_log = escalation_log or EscalationLog()
        self.event_window = event_window

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        """The latest session, replayed whole, holding its last `event_window` events."""
        if not self.event_window:
            return await super().retrieve(sender_id)
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
            events = [json.loads(row.data) for row in rows]
        if not (self.domain and events):
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots, self.event_window)
        setattr(tracker, _STORED_THROUGH, tracker.events[-1])
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        await super().save(tracker)
        if getattr(tracker, _STORED_THROUGH, _UNSET) is not _UNSET and tracker.events:
            setattr(tracker, _STORED_THROUGH, tracker.events[-1])  # a second save adds only what follows

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        """The new events to the event broker, found as they are stored (no second read)."""
        stored_through = getattr(tracker, _STORED_THROUGH, _UNSET)
        if self.event_broker is None or stored_through is _UNSET:
            await super().stream_events(tracker)
            return
        await self._stream_new_events(
            self.event_broker, _after(list(tracker.events), stored_through), tracker.sender_id
        )

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        """The events to store (Rasa's selection, or what follows the last event read back for a
        windowed tracker): each escalation among them is recorded once, as they are stored."""
        events = list(tracker.events)
        stored_through = getattr(tracker, _STORED_THROUGH, _UNSET)
        if stored_through is _UNSET:
            new = list(super()._additional_events(session, tracker))
        else:
            new = _after(events, stored_through)
        try:
            for escalation in escalations_in(events, len(events) - len(new), tracker.sender_id):
                self.escalation_log.record(escalation)
        except Exception:  # recording must never cost the visitor the reply
            logger.exception("could not queue the escalation record")
        return iter(new)


def _after(events: List[Event], stored_through: Event) -> List[Event]:
    """The events after ``stored_through`` (the same object), or all of them if it has left the
    window (more events were added at once than the window holds: logged)."""
    for index in range(len(events) - 1, -1, -1):
        if events[index] is stored_through:
            return events[index + 1 :]
    logger.error(
        "more events were added to a conversation at once than its window of %d holds; only the window's are stored",
        len(events),
    )
    return events
