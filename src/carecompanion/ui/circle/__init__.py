"""The Circle page's parts: list models, the post delegate, dialogs, the file watcher."""
