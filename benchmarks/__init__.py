"""Benchmark scenarios (make bench): each prints a table of measured figures."""
