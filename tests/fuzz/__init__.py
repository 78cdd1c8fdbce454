"""Fuzzing every parser of outside input: a few thousand inputs each in the suite, many more
with ``--fuzz-long``; the reproducers found by reviewers live in ``tests/fuzz/reproducers/``."""
