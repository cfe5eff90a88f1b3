"""Deterministic safety checks for the back-pain / knee-pain assistant (see safety.red_flags)."""
