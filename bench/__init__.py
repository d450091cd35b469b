"""Benchmarks: print figures (speed, payload, memory); not timed tests."""
