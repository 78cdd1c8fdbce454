"""Encrypted storage: the SQLCipher database, the tables' shared base and the migrations.

The lowest layer above the base modules: it imports no vault and no domain code (the vault
hands it a key; each domain owns its tables; backups are the vault's).
"""
