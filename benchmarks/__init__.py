"""Scripts that print figures; a package so that gui_stall.py can reuse circle.py's builder
and mypy names each file once (benchmarks.circle, not also circle)."""
