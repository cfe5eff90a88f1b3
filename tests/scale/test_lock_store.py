"""The lock store of the distributed layout against the Redis of `make test-scale`: tickets for
one conversation, asked for by several servers at the same moment, are never issued twice."""

from concurrent.futures import ThreadPoolExecutor

from evaluation.scale import read_settings
from rasa_ext.lock_store import SerialisedRedisLockStore


def store() -> SerialisedRedisLockStore:
    settings = read_settings()
    return SerialisedRedisLockStore(
        host=settings["REDIS_HOST"],
        port=settings["REDIS_PORT"],
        password=settings["REDIS_PASSWORD"],
        db=settings["REDIS_DB"],
        key_prefix="locktest",
    )


def test_simultaneous_tickets_from_several_servers_are_all_different():
    servers = [store() for _ in range(4)]  # one connection each, as four Rasa servers have
    conversation = "lock-test-conversation"
    servers[0].delete_lock(conversation)

    def issue(index: int) -> int:
        return servers[index % len(servers)].issue_ticket(conversation)

    with ThreadPoolExecutor(8) as pool:
        tickets = list(pool.map(issue, range(200)))
    assert sorted(tickets) == list(range(200))
    lock = servers[0].get_lock(conversation)
    assert len(lock.tickets) == 200
    for ticket in tickets:
        servers[ticket % len(servers)].cleanup(conversation, ticket)
    assert servers[0].get_lock(conversation) is None
