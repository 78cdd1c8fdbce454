"""The app's frame: start-up, unlock, the main window and its shell, tray, idle lock, settings."""
