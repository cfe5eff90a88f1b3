"""Every escalation is recorded in SQL and, when HANDOFF_WEBHOOK_URL is set, POSTed there.

Both happen on a background thread: a slow or failing webhook or database never delays the reply.
A record that cannot be written is appended to a spool file (var/escalations-pending.jsonl) and
written as soon as the database takes it again (retried every SPOOL_RETRY seconds). The
visitor's text is stored only when ESCALATION_STORE_TEXT=1.

    python -m operations.escalations [--limit N]     (`make escalations`) lists recent escalations
"""

import argparse
import json
import logging
import os
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import List, Optional, Sequence

import requests
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text, insert, select
from sqlalchemy.engine import Engine

from database import VAR_DIR, TableOwner

logger = logging.getLogger(__name__)

metadata = MetaData()
escalations = Table(
    "escalations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", String(255), nullable=False, index=True),
    Column("created_at", DateTime, nullable=False, index=True),
    Column("level", String(16), nullable=False),
    Column("flags", Text, nullable=False),  # comma-separated category ids
    Column("channel", String(64)),
    Column("text", Text),  # only with ESCALATION_STORE_TEXT=1
)

WEBHOOK_TRIES = 3
WEBHOOK_TIMEOUT = 5.0  # seconds per try
SPOOL_RETRY = 5.0  # seconds between tries to write spooled records


@dataclass
class Escalation:
    conversation_id: str
    level: str
    flags: Sequence[str]
    channel: Optional[str] = None
    text: Optional[str] = None
    created_at: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat())

    def row(self) -> dict:
        return {
            "conversation_id": self.conversation_id,
            "created_at": datetime.fromisoformat(self.created_at).replace(tzinfo=None),
            "level": self.level,
            "flags": ",".join(self.flags),
            "channel": self.channel,
            "text": self.text,
        }


class EscalationLog(TableOwner):
    metadata = metadata

    def __init__(
        self,
        engine: Optional[Engine] = None,
        spool: Path = VAR_DIR / "escalations-pending.jsonl",
        webhook_url: Optional[str] = None,
        store_text: Optional[bool] = None,
        retry_delay: float = 1.0,
        spool_retry: float = SPOOL_RETRY,
    ) -> None:
        super().__init__(engine)
        self.spool = spool
        self.webhook_url = webhook_url if webhook_url is not None else os.environ.get("HANDOFF_WEBHOOK_URL")
        self.store_text = store_text if store_text is not None else os.environ.get("ESCALATION_STORE_TEXT") == "1"
        self.retry_delay = retry_delay
        self.spool_retry = spool_retry
        self._executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="escalation")
        self._spool_lock = threading.Lock()
        self._retry_pending = False

    def record(self, escalation: Escalation) -> List[Future]:
        """Queue the record and the webhook call; returns at once."""
        if not self.store_text:
            escalation.text = None
        futures = [self._executor.submit(self._write, escalation)]
        if self.webhook_url:
            futures.append(self._executor.submit(self._post, escalation))
        return futures

    def _write(self, escalation: Optional[Escalation] = None) -> bool:
        """Write `escalation` with any spooled ones; None only retries the spool."""
        try:
            with self._spool_lock:
                pending = self._read_spool() + ([escalation] if escalation else [])
                if pending:
                    with self.engine.begin() as conn:
                        conn.execute(insert(escalations), [e.row() for e in pending])
                if self.spool.exists():
                    self.spool.unlink()
            return True
        except Exception:
            logger.exception("escalation could not be written; kept in %s", self.spool)
            with self._spool_lock:
                if escalation:
                    self.spool.parent.mkdir(parents=True, exist_ok=True)
                    with open(self.spool, "a", encoding="utf-8") as handle:
                        handle.write(json.dumps(asdict(escalation)) + "\n")
            self._retry_later()
            return False

    def _retry_later(self) -> None:
        """Try the spool again in SPOOL_RETRY seconds, until the database takes it: one retry
        pending at a time, however many records failed meanwhile."""
        with self._spool_lock:
            if self._retry_pending:
                return
            self._retry_pending = True

        def retry() -> None:
            self._retry_pending = False
            self._executor.submit(self._write, None)

        timer = threading.Timer(self.spool_retry, retry)
        timer.daemon = True
        timer.start()

    def _read_spool(self) -> List[Escalation]:
        if not self.spool.exists():
            return []
        with open(self.spool, encoding="utf-8") as handle:
            return [Escalation(**json.loads(line)) for line in handle if line.strip()]

    def _post(self, escalation: Escalation) -> bool:
        body = {k: v for k, v in asdict(escalation).items() if k != "text" or self.store_text}
        body["flags"] = list(escalation.flags)
        for attempt in range(WEBHOOK_TRIES):
            try:
                response = requests.post(self.webhook_url, json=body, timeout=WEBHOOK_TIMEOUT)
                if response.status_code < 300:
                    return True
                logger.warning("handoff webhook answered %s", response.status_code)
            except requests.RequestException as error:
                logger.warning("handoff webhook failed: %s", error.__class__.__name__)
            time.sleep(self.retry_delay * 2**attempt)
        logger.error("handoff webhook gave up after %d tries", WEBHOOK_TRIES)
        return False

    def recent(self, limit: int = 20) -> List[dict]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(escalations).order_by(escalations.c.created_at.desc()).limit(limit))
            return [dict(r._mapping) for r in rows]


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description="List recent escalations.")
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args(argv)
    rows = EscalationLog().recent(args.limit)
    if not rows:
        print("No escalations recorded.")
    for row in rows:
        print(
            f"{row['created_at']:%Y-%m-%d %H:%M:%S}  {row['level']:<9}  {row['flags']:<40}  "
            f"{row['channel'] or '-':<10}  {row['conversation_id']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
