"""Casebook's benchmarks: `python -m tests.benchmarks` (see run.py and the README)."""
