"""Caregiver circles: chosen entries shared through an end-to-end encrypted file (Qt-free)."""
