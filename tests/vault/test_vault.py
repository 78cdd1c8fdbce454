"""Creating, locking, unlocking and re-keying a vault, and refusing damaged or tampered ones."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from carecompanion.clock import FixedClock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.vault.errors import (
    DatabaseDamaged,
    HeaderDamaged,
    NewerVaultVersion,
    VaultAlreadyExists,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from carecompanion.vault.header import SLOT_PASSPHRASE, SLOT_RECOVERY, VERSION
from carecompanion.vault.kdf import DEFAULT_KDF, MINIMUM_KDF, KdfParams
from carecompanion.vault.recovery import format_recovery_key
from carecompanion.vault.vault import UnlockedVault, Vault
from tests.conftest import TEST_KDF
from tests.helpers import GOOD_PASSPHRASE, OTHER_PASSPHRASE, hash_tree

Lock = Callable[[UnlockedVault], UnlockedVault]


def read_header_json(paths: AppPaths) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(paths.header_file.read_bytes())
    return document


def write_header_json(paths: AppPaths, document: dict[str, Any]) -> None:
    paths.header_file.write_text(json.dumps(document, indent=2))


# -- create / lock / unlock ----------------------------------------------------------------------
def test_create_lock_unlock_round_trip(
    vault_factory: Any, paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    unlocked, recovery_key = vault_factory()
    assert not unlocked.is_locked
    entry = JournalService(unlocked.database, clock).add("First day", "We went to the clinic.")
    vault_id = unlocked.vault_id
    unlocked.lock()
    assert unlocked.is_locked
    with pytest.raises(RuntimeError, match="locked"):
        unlocked.database  # noqa: B018
    with pytest.raises(RuntimeError, match="locked"):
        unlocked.subkey("anything")

    assert paths.vault_exists()
    again = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    assert again.vault_id == vault_id
    assert JournalService(again.database, clock).get(entry.id).body == "We went to the clinic."
    assert len(recovery_key) == 44 and recovery_key.count("-") == 8


def test_create_writes_owner_only_files(vault_factory: Any, paths: AppPaths) -> None:
    unlocked, _ = vault_factory()
    unlocked.lock()
    if os.name == "posix":
        assert paths.data_dir.stat().st_mode & 0o777 == 0o700
        assert paths.header_file.stat().st_mode & 0o777 == 0o600


def test_header_records_the_kdf_it_was_created_with(vault_factory: Any, paths: AppPaths) -> None:
    unlocked, _ = vault_factory(kdf=KdfParams(96 * 1024, 3, 4))
    unlocked.lock()
    kdf, salt = Vault(paths).read_header().passphrase_kdf()
    assert kdf == KdfParams(96 * 1024, 3, 4)
    assert len(salt) == 16


def test_each_vault_has_its_own_keys(vault_factory: Any, tmp_path: Path, clock: FixedClock) -> None:
    first, key1 = vault_factory(paths=AppPaths(tmp_path / "one"))
    second, key2 = vault_factory(paths=AppPaths(tmp_path / "two"))
    assert first.vault_id != second.vault_id
    assert key1 != key2
    assert first.subkey("sqlcipher") != second.subkey("sqlcipher")
    assert first.subkey("sqlcipher") != first.subkey("header mac")


def test_create_refuses_an_existing_vault(vault_factory: Any, paths: AppPaths) -> None:
    unlocked, _ = vault_factory()
    unlocked.lock()
    before = hash_tree(paths.data_dir)
    with pytest.raises(VaultAlreadyExists):
        vault_factory()
    assert hash_tree(paths.data_dir) == before


def test_create_refuses_a_stray_database(vault_factory: Any, paths: AppPaths) -> None:
    paths.ensure()
    paths.database_file.write_bytes(b"something precious")
    with pytest.raises(VaultAlreadyExists):
        vault_factory()
    assert paths.database_file.read_bytes() == b"something precious"


@pytest.mark.parametrize("weak", ["password", "short", "aaaaaaaaaaaaaaaaaaaa", "Password123!"])
def test_weak_passphrase_is_refused_and_nothing_is_written(
    vault_factory: Any, paths: AppPaths, weak: str
) -> None:
    with pytest.raises(WeakPassphrase, match="too easy to guess"):
        vault_factory(weak)
    assert not paths.data_dir.exists()


@pytest.mark.real_kdf
def test_kdf_below_the_minimum_is_never_used(vault_factory: Any, paths: AppPaths) -> None:
    with pytest.raises(ValueError, match="minimum"):
        vault_factory(kdf=KdfParams(32 * 1024, 3, 4))
    assert not paths.data_dir.exists()


def test_unlocking_a_missing_vault(paths: AppPaths) -> None:
    with pytest.raises(VaultNotFound, match="carecompanion init"):
        Vault(paths).unlock(GOOD_PASSPHRASE)
    assert not paths.data_dir.exists()


# -- wrong secrets ---------------------------------------------------------------------------------
def test_wrong_passphrase_changes_no_byte_on_disk(
    vault_factory: Any, paths: AppPaths, clock: FixedClock
) -> None:
    unlocked, _ = vault_factory()
    JournalService(unlocked.database, clock).add("t", "b")
    unlocked.lock()
    clock.advance(3 * 86400)  # a backup would be due if the database were opened
    before = hash_tree(paths.data_dir)
    assert "vault.db" in before
    assert "vault.header" in before
    for wrong in ["a quiet evening walk by the Sea", "", GOOD_PASSPHRASE + " "]:
        with pytest.raises(WrongPassphrase, match="Caps Lock"):
            Vault(paths, clock).unlock(wrong)
    assert hash_tree(paths.data_dir) == before
    assert sorted(p.name for p in paths.data_dir.iterdir()) == [
        "backups",
        "vault.db",
        "vault.header",
        "vault.lock",  # empty: OS locks are held on them (vault/writer_lock.py)
        "vault.lock.app",
    ]


def test_recovery_key_unlocks(
    vault_with_key: tuple[UnlockedVault, str], paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    unlocked, recovery_key = vault_with_key
    JournalService(unlocked.database, clock).add("kept", "safe")
    unlocked.lock()
    opened = autolock(Vault(paths, clock).unlock_with_recovery_key(recovery_key))
    assert [s.title for s in JournalService(opened.database, clock).list_summaries()] == ["kept"]


def test_recovery_key_as_typed_by_a_person(
    vault_with_key: tuple[UnlockedVault, str], paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    unlocked, recovery_key = vault_with_key
    unlocked.lock()
    sloppy = recovery_key.lower().replace("-", " ").replace("0", "O").replace("1", "l")
    autolock(Vault(paths, clock).unlock_with_recovery_key(sloppy)).lock()
    shouty = recovery_key.replace("-", "").replace("0", "o").replace("1", "I")
    autolock(Vault(paths, clock).unlock_with_recovery_key(f"  {shouty}  ")).lock()


def test_recovery_key_typo_is_reported_as_a_typo(
    vault_with_key: tuple[UnlockedVault, str], paths: AppPaths, clock: FixedClock
) -> None:
    unlocked, recovery_key = vault_with_key
    unlocked.lock()
    before = hash_tree(paths.data_dir)
    position = 5  # the first symbol of the second group
    replacement = "X" if recovery_key[position] != "X" else "Y"
    typo = recovery_key[:position] + replacement + recovery_key[position + 1 :]
    with pytest.raises(WrongRecoveryKey, match="typo"):
        Vault(paths, clock).unlock_with_recovery_key(typo)
    with pytest.raises(WrongRecoveryKey, match="groups of four"):
        Vault(paths, clock).unlock_with_recovery_key(recovery_key[:-4])
    assert hash_tree(paths.data_dir) == before


def test_valid_recovery_key_of_another_vault_is_wrong_not_a_typo(
    vault_with_key: tuple[UnlockedVault, str], paths: AppPaths, clock: FixedClock
) -> None:
    unlocked, _ = vault_with_key
    unlocked.lock()
    before = hash_tree(paths.data_dir)
    other_key = format_recovery_key(os.urandom(20))
    with pytest.raises(WrongRecoveryKey) as raised:
        Vault(paths, clock).unlock_with_recovery_key(other_key)
    assert "typo" not in str(raised.value)
    assert str(raised.value) == "That recovery key does not open this vault."
    assert hash_tree(paths.data_dir) == before


def test_vault_without_a_recovery_slot(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock
) -> None:
    unlocked_vault.save_header(unlocked_vault.header.without_slot(SLOT_RECOVERY))
    unlocked_vault.lock()
    with pytest.raises(WrongRecoveryKey, match="no recovery key"):
        Vault(paths, clock).unlock_with_recovery_key(format_recovery_key(os.urandom(20)))


# -- passphrase change -----------------------------------------------------------------------------
def test_passphrase_change(
    vault_with_key: tuple[UnlockedVault, str], paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    unlocked, recovery_key = vault_with_key
    JournalService(unlocked.database, clock).add("before the change", "")
    unlocked.lock()
    opened = autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))
    database_before = paths.database_file.read_bytes()
    backups_before = hash_tree(paths.backups_dir)
    opened.change_passphrase(OTHER_PASSPHRASE)
    # Instant: only the header is rewritten; the database is not re-encrypted.
    assert paths.database_file.read_bytes() == database_before
    assert hash_tree(paths.backups_dir) == backups_before
    opened.lock()

    with pytest.raises(WrongPassphrase):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    with_new = autolock(Vault(paths, clock).unlock(OTHER_PASSPHRASE))
    assert JournalService(with_new.database, clock).count() == 1
    with_new.lock()
    with_recovery = autolock(Vault(paths, clock).unlock_with_recovery_key(recovery_key))
    assert JournalService(with_recovery.database, clock).count() == 1


@pytest.mark.real_kdf
def test_passphrase_change_refuses_weak_and_keeps_the_old(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    header_before = paths.header_file.read_bytes()
    with pytest.raises(WeakPassphrase):
        unlocked_vault.change_passphrase("password1")
    with pytest.raises(ValueError, match="minimum"):
        unlocked_vault.change_passphrase(OTHER_PASSPHRASE, KdfParams(64 * 1024, 2, 4))
    assert paths.header_file.read_bytes() == header_before
    unlocked_vault.lock()
    autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))


def test_passphrase_change_can_raise_the_kdf_cost(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    stronger = KdfParams(96 * 1024, 4, 4)
    unlocked_vault.change_passphrase(OTHER_PASSPHRASE, stronger)
    unlocked_vault.lock()
    assert Vault(paths).read_header().passphrase_kdf()[0] == stronger
    autolock(Vault(paths, clock).unlock(OTHER_PASSPHRASE))


@pytest.mark.real_kdf
def test_a_passphrase_change_raises_an_old_vault_to_today_s_default(
    vault_factory: Any, paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    """A vault made at RFC 9106's 64 MiB floor is brought up to the 256 MiB default the next
    time its passphrase changes (the only moment the passphrase is at hand to re-derive)."""
    unlocked, _recovery_key = vault_factory(kdf=MINIMUM_KDF)
    unlocked.change_passphrase(OTHER_PASSPHRASE)
    unlocked.lock()
    assert Vault(paths).read_header().passphrase_kdf()[0] == DEFAULT_KDF
    autolock(Vault(paths, clock).unlock(OTHER_PASSPHRASE)).lock()


def test_a_passphrase_change_never_lowers_the_cost(
    vault_factory: Any, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carecompanion.vault import kdf

    target = KdfParams(2048, 2, 2)
    monkeypatch.setattr(kdf, "_target", target)  # today's default, at the tests' scale
    unlocked, _ = vault_factory(kdf=KdfParams(1024, 3, 1))
    unlocked.change_passphrase(OTHER_PASSPHRASE)
    # Each parameter is raised to the default, none lowered below what the vault had.
    assert unlocked.header.passphrase_kdf()[0] == KdfParams(2048, 3, 2)
    assert Vault(paths).read_header().passphrase_kdf()[0] == KdfParams(2048, 3, 2)


def test_recovery_raises_the_cost_too(
    vault_with_key: tuple[UnlockedVault, str],
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    autolock: Lock,
) -> None:
    from carecompanion.vault import kdf

    monkeypatch.setattr(kdf, "_target", KdfParams(2048, 1, 1))
    unlocked, recovery_key = vault_with_key
    unlocked.lock()
    recovered = autolock(Vault(paths, clock).unlock_with_recovery_key(recovery_key))
    recovered.change_passphrase(OTHER_PASSPHRASE)
    assert Vault(paths).read_header().passphrase_kdf()[0] == KdfParams(2048, 1, 1)


def test_recovery_then_new_passphrase(
    vault_with_key: tuple[UnlockedVault, str], paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    unlocked, recovery_key = vault_with_key
    unlocked.lock()
    recovered = autolock(Vault(paths, clock).unlock_with_recovery_key(recovery_key))
    recovered.change_passphrase(OTHER_PASSPHRASE)
    recovered.lock()
    autolock(Vault(paths, clock).unlock(OTHER_PASSPHRASE)).lock()
    autolock(Vault(paths, clock).unlock_with_recovery_key(recovery_key)).lock()


# -- weakened or tampered headers ------------------------------------------------------------------
@pytest.mark.real_kdf
def test_kdf_lowered_below_the_minimum_is_refused(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock
) -> None:
    unlocked_vault.lock()
    document = read_header_json(paths)
    document["slots"][SLOT_PASSPHRASE]["memory_kib"] = 32 * 1024
    write_header_json(paths, document)
    before = hash_tree(paths.data_dir)
    with pytest.raises(HeaderDamaged, match="weaker passphrase protection"):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    assert hash_tree(paths.data_dir) == before
    document["slots"][SLOT_PASSPHRASE]["memory_kib"] = 64 * 1024
    document["slots"][SLOT_PASSPHRASE]["iterations"] = 1
    write_header_json(paths, document)
    before = hash_tree(paths.data_dir)
    with pytest.raises(HeaderDamaged, match="weaker passphrase protection"):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    assert hash_tree(paths.data_dir) == before


def test_kdf_lowered_but_above_the_minimum_does_not_open(
    vault_factory: Any, paths: AppPaths, clock: FixedClock
) -> None:
    unlocked, recovery_key = vault_factory(kdf=KdfParams(128 * 1024, 3, 4))
    unlocked.lock()
    document = read_header_json(paths)
    document["slots"][SLOT_PASSPHRASE]["memory_kib"] = 64 * 1024
    write_header_json(paths, document)
    before = hash_tree(paths.data_dir)
    # The parameters are bound into the slot: the right passphrase no longer opens it, so an
    # attacker gains nothing by making guesses cheaper.
    with pytest.raises(WrongPassphrase):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    # The recovery slot is intact, but the header MAC notices the edit once the key is known.
    with pytest.raises(HeaderDamaged, match="changed by something other"):
        Vault(paths, clock).unlock_with_recovery_key(recovery_key)
    assert hash_tree(paths.data_dir) == before


def _edit_vault_id(document: dict[str, Any]) -> None:
    document["vault_id"] = "f" * 32


def _edit_created(document: dict[str, Any]) -> None:
    document["created"] = "2020-01-01T00:00:00+00:00"


def _edit_mac(document: dict[str, Any]) -> None:
    mac = document["mac"]
    document["mac"] = ("A" if mac[0] != "A" else "B") + mac[1:]


def _drop_mac(document: dict[str, Any]) -> None:
    document["mac"] = ""


def _drop_recovery_slot(document: dict[str, Any]) -> None:
    del document["slots"][SLOT_RECOVERY]


def _edit_recovery_salt(document: dict[str, Any]) -> None:
    document["slots"][SLOT_RECOVERY]["salt"] = "AAAAAAAAAAAAAAAAAAAAAA=="


def _edit_passphrase_salt(document: dict[str, Any]) -> None:
    document["slots"][SLOT_PASSPHRASE]["salt"] = "AAAAAAAAAAAAAAAAAAAAAA=="


def _edit_passphrase_wrapped(document: dict[str, Any]) -> None:
    wrapped = document["slots"][SLOT_PASSPHRASE]["wrapped"]
    flipped = ("A" if wrapped[0] != "A" else "B") + wrapped[1:]
    document["slots"][SLOT_PASSPHRASE]["wrapped"] = flipped


def _add_slot_field(document: dict[str, Any]) -> None:
    document["slots"][SLOT_PASSPHRASE]["hint"] = "the sea"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        # Fields bound into the passphrase slot: the slot itself no longer opens.
        (_edit_vault_id, WrongPassphrase),
        (_edit_passphrase_salt, WrongPassphrase),
        (_edit_passphrase_wrapped, WrongPassphrase),
        (_add_slot_field, WrongPassphrase),
        # Everything else: the slot opens, and the whole-header MAC catches the edit.
        (_edit_created, HeaderDamaged),
        (_edit_mac, HeaderDamaged),
        (_drop_mac, HeaderDamaged),
        (_drop_recovery_slot, HeaderDamaged),
        (_edit_recovery_salt, HeaderDamaged),
    ],
)
def test_header_tampering_is_detected(
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    edit: Callable[[dict[str, Any]], None],
    expected: type[Exception],
) -> None:
    unlocked_vault.lock()
    document = read_header_json(paths)
    edit(document)
    write_header_json(paths, document)
    before = hash_tree(paths.data_dir)
    with pytest.raises(expected):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    assert hash_tree(paths.data_dir) == before  # the database was never opened


def test_untampered_rewrite_still_opens(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock, autolock: Lock
) -> None:
    """Control for the tampering test: re-serialising the same JSON is not tampering."""
    unlocked_vault.lock()
    write_header_json(paths, read_header_json(paths))
    autolock(Vault(paths, clock).unlock(GOOD_PASSPHRASE))


def test_newer_header_version_is_refused_untouched(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock
) -> None:
    unlocked_vault.lock()
    document = read_header_json(paths)
    document["version"] = VERSION + 1
    write_header_json(paths, document)
    before = hash_tree(paths.data_dir)
    with pytest.raises(NewerVaultVersion, match="newer version"):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    assert hash_tree(paths.data_dir) == before


def test_unreadable_header(unlocked_vault: UnlockedVault, paths: AppPaths) -> None:
    unlocked_vault.lock()
    paths.header_file.write_bytes(b"\x00\x01 not json")
    with pytest.raises(HeaderDamaged):
        Vault(paths).unlock(GOOD_PASSPHRASE)
    assert not Vault(paths).is_remembered()


# -- a damaged database ----------------------------------------------------------------------------
def _flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_tampered_database_page_is_detected(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock
) -> None:
    service = JournalService(unlocked_vault.database, clock)
    for i in range(40):  # several pages' worth, so the middle is a data page
        service.add(f"entry {i}", "words " * 200)
    unlocked_vault.lock()
    assert not paths.database_file.with_name("vault.db-wal").exists()
    size = paths.database_file.stat().st_size
    assert size >= 8 * 4096
    _flip_byte(paths.database_file, size // 2)
    clock.advance(86400)
    with pytest.raises(DatabaseDamaged):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    # No backup of a damaged database is taken over the good ones.
    assert [p.name for p in paths.backups_dir.iterdir()] == []


@pytest.mark.parametrize("offset", [0, 100, 4096 + 50])
def test_tampered_first_pages_are_detected(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock, offset: int
) -> None:
    service = JournalService(unlocked_vault.database, clock)
    for i in range(5):
        service.add(f"entry {i}", "words " * 100)
    unlocked_vault.lock()
    _flip_byte(paths.database_file, offset)
    with pytest.raises(DatabaseDamaged):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)


def test_truncated_database_is_detected(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock
) -> None:
    service = JournalService(unlocked_vault.database, clock)
    for i in range(20):
        service.add(f"entry {i}", "words " * 200)
    unlocked_vault.lock()
    data = paths.database_file.read_bytes()
    paths.database_file.write_bytes(data[: len(data) // 2 + 100])
    with pytest.raises(DatabaseDamaged):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)


def test_database_of_another_vault_is_refused(
    vault_factory: Any, tmp_path: Path, clock: FixedClock
) -> None:
    first_paths, second_paths = AppPaths(tmp_path / "one"), AppPaths(tmp_path / "two")
    first, _ = vault_factory(paths=first_paths)
    second, _ = vault_factory(paths=second_paths)
    first.lock()
    second.lock()
    os.replace(second_paths.database_file, first_paths.database_file)
    with pytest.raises(DatabaseDamaged):
        Vault(first_paths, clock).unlock(GOOD_PASSPHRASE)


def test_vaults_in_tests_use_the_fast_test_profile(fast_kdf: KdfParams) -> None:
    assert fast_kdf == TEST_KDF


@pytest.mark.real_kdf
def test_real_kdf_tests_use_the_apps_floor(fast_kdf: KdfParams) -> None:
    assert fast_kdf == MINIMUM_KDF


@pytest.mark.parametrize("damage", ["delete", "empty"])
def test_missing_database_is_not_replaced_by_an_empty_journal(
    unlocked_vault: UnlockedVault, paths: AppPaths, clock: FixedClock, damage: str
) -> None:
    JournalService(unlocked_vault.database, clock).add("precious", "")
    unlocked_vault.lock()
    if damage == "delete":
        paths.database_file.unlink()
    else:
        paths.database_file.write_bytes(b"")
    before = hash_tree(paths.data_dir)
    clock.advance(86400)  # a daily backup would be due: it must not copy an empty journal
    with pytest.raises(DatabaseDamaged, match="missing or empty"):
        Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    assert hash_tree(paths.data_dir) == before
