"""What every page shares: widgets, layout, theme, words, workers and screen fitting."""
