"""The records the assistant keeps and the operators' tools for them: escalations and their
handoff webhook (`escalations.py`), the safety-review list (`review_log.py`), the unanswered
messages for the content team (`unanswered.py`), and data retention (`retention.py`, `make purge`).
Reads `safety` and `database`; nothing here is imported by `safety` or `article`."""
