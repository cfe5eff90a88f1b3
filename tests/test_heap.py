"""heap.py: freed memory is given back to the operating system, and the trimming thread runs once
per process and can be turned off."""

import threading

import pytest

import heap


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        return int(status.read().split("VmRSS:")[1].split()[0]) / 1024


@pytest.mark.skipif(heap._malloc_trim() is None, reason="no malloc_trim in this C library")
def test_trim_gives_freed_memory_back():
    blocks = [bytearray(2000) for _ in range(60_000)]  # about 120 MB in malloc's heap, not pymalloc's
    keep = bytearray(2000)  # allocated above them: malloc cannot shrink its heap by itself
    blocks.clear()
    before = _rss_mb()
    assert heap.trim()
    assert before - _rss_mb() > 60
    assert len(keep) == 2000


def test_the_trimming_thread_starts_once_and_not_when_turned_off(monkeypatch):
    trimmed = threading.Event()
    monkeypatch.setattr(heap, "_started", threading.Event())
    monkeypatch.setattr(heap, "trim", trimmed.set)
    assert not heap.start(first=0.01, every=0)  # HEAP_TRIM_SECONDS=0: off
    assert heap.start(first=0.01, every=60)
    assert trimmed.wait(5)
    assert not heap.start(first=0.01, every=60)
    assert [t.name for t in threading.enumerate()].count("heap-trim") >= 1
