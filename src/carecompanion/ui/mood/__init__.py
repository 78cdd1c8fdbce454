"""The mood views: check-in, charts, year in colour, self-checks and the report."""
