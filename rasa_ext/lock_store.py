"""Rasa's RedisLockStore, safe when several Rasa servers take messages of one conversation.

Rasa 3.6's ticket lock is a read-modify-write of one Redis key: two servers that issue a ticket
for the same conversation at the same moment both read "no lock", both write ticket 0, and both
go ahead. Each then stores its turn on a tracker that lacks the other's, and the SQL tracker
store keeps only one of the two messages (seen in `make test-scale`: one of twenty conversations
lost a message; Rasa's maintainers call the issuance "far from atomic", RasaHQ/rasa#3933, and
fixed it only in Rasa Pro's ConcurrentRedisLockStore). Here every change to a conversation's
ticket lock happens under a short Redis mutex (redis-py's Lock: SET NX with an expiry, released
by a script only by its owner), so tickets are issued and returned one at a time. Configured in
endpoints.prod.yml:

    lock_store:
      type: rasa_ext.lock_store.SerialisedRedisLockStore
      url: ${REDIS_HOST}
      ...
"""

from typing import Any, Optional

from rasa.core.lock_store import LOCK_LIFETIME, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

MUTEX_SECONDS = 10  # the longest a crashed server can hold a conversation's mutex
MUTEX_WAIT_SECONDS = 10


class SerialisedRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        if endpoint_config is not None:  # Rasa builds a custom lock store from its endpoint entry
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)

    def _mutex(self, conversation_id: str) -> Any:
        # "<prefix>:lock:<id>" holds the ticket lock; the mutex lives beside it, never on it
        return self.red.lock(
            f"{self.key_prefix}mutex:{conversation_id}",
            timeout=MUTEX_SECONDS,
            blocking_timeout=MUTEX_WAIT_SECONDS,
        )

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._mutex(conversation_id):
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: str) -> None:
        with self._mutex(conversation_id):
            super().update_lock(conversation_id)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        with self._mutex(conversation_id):
            super().cleanup(conversation_id, ticket_number)
