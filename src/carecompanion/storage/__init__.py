"""Encrypted storage: the SQLCipher database, its schema, migrations and backups."""
