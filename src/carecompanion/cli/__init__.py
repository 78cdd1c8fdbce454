"""The command-line interface: the same core as the app, for scripts and power users."""
