"""Performance benchmarks (run as modules, e.g. ``python -m benchmarks.red_flags``)."""
