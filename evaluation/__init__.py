"""Accuracy measured on the blind sets under tests/blind (never tuned into the rules)."""
