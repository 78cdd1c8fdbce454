"""The Qt user interface. It shows and collects; the rules live in the core."""
