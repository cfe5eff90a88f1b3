"""Operators' tools that run beside the assistant: data retention (`make purge`)."""
