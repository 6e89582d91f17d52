"""Helpers shared by appealkit's tests and benchmarks (not part of the installed package)."""
