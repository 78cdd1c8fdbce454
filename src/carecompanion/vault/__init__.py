"""The vault: key hierarchy, unlocking and the encrypted database it guards.

Import the submodules directly (``carecompanion.vault.vault``): this package stays empty so
that light modules such as ``strength`` load without pulling in the cryptography stack.
"""
