"""Benchmarks for testimony-tui: ``python -m benchmarks`` (see README, "Performance")."""
