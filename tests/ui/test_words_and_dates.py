"""Built-in words shown in the person's language (stored unchanged), and one date style:
the same moment reads the same on every screen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QStandardItemModel
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.demo import create_demo_vault
from carecompanion.mood.records import CheckInDraft
from carecompanion.paths import AppPaths
from carecompanion.people.meetings import Schedule
from carecompanion.session import VaultSession
from carecompanion.ui.common import core_words, i18n
from carecompanion.ui.mood.checkin_dialog import NAME_ROLE, CheckInDialog
from tests.conftest import VaultFactory
from tests.ui.conftest import ControllerFactory

UI = Path(__file__).resolve().parents[2] / "src" / "carecompanion" / "ui"


@pytest.fixture
def spanish(qapp: QCoreApplication) -> Iterator[None]:
    installed = i18n.install("es", qapp, QLocale("es_ES"))
    yield
    installed.uninstall()


def _session(vault_factory: VaultFactory, clock: FixedClock) -> VaultSession:
    unlocked, _ = vault_factory()
    return VaultSession(unlocked, clock)


# -- built-in words ---------------------------------------------------------------------------


def test_default_activities_show_in_spanish_and_are_stored_in_english(
    qtbot: QtBot,
    vault_factory: VaultFactory,
    clock: FixedClock,
    spanish: None,
) -> None:
    session = _session(vault_factory, clock)
    session.mood.activities.add("Jardinería")  # the person's own: shown as typed
    dialog = CheckInDialog(session.mood, now=clock.now())
    qtbot.addWidget(dialog)
    model = dialog.activities.model()
    assert isinstance(model, QStandardItemModel)
    shown = {
        model.item(row).text(): model.item(row).data(NAME_ROLE) for row in range(model.rowCount())
    }
    assert shown["Un paseo"] == "A walk"
    assert shown["Tiempo en familia"] == "Time with family"
    assert shown["Jardinería"] == "Jardinería"
    assert not any(text == stored for text, stored in shown.items() if stored != "Jardinería")
    walk = next(row for row in range(model.rowCount()) if model.item(row).text() == "Un paseo")
    model.item(walk).setCheckState(Qt.CheckState.Checked)
    dialog.mood_group.button(4).click()
    dialog.sleep.setValue(7.5)
    dialog.save()
    saved = session.mood.list()[0]
    assert saved.activities == ("A walk",), "stored as the vault has it, for charts and CSV"
    from carecompanion.ui.mood.checkin_list import CheckInListModel

    history = CheckInListModel()
    history.set_rows(session.mood.list())
    row = str(history.index(0, 0).data())
    assert "Un paseo" in row and "dormí 7,5 h" in row, row


def test_a_built_in_template_is_shown_and_used_in_spanish(
    qtbot: QtBot,
    vault_factory: VaultFactory,
    clock: FixedClock,
    spanish: None,
) -> None:
    from carecompanion.ui.journal.templates_dialog import TemplatesDialog

    session = _session(vault_factory, clock)
    dialog = TemplatesDialog(session.templates)
    qtbot.addWidget(dialog)
    names = [dialog.model.index(row, 0).data() for row in range(dialog.model.rowCount())]
    assert names[0] == "Registro de cuidados de hoy (incluida)"
    assert dialog.text.currentWidget() is dialog.preview, "shown as an entry, not as Markdown"
    assert "##" not in dialog.preview.toPlainText()
    assert dialog.preview.toPlainText().startswith("Cómo ha estado hoy")
    # A copy is the person's own, in the words they saw.
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    own = [t for t in session.templates.list_templates() if not t.built_in]
    assert [t.title for t in own] == ["Registro de cuidados"]
    assert own[0].body.startswith("## Cómo ha estado hoy")
    assert own[0].tags == ("registro de cuidados",)
    assert dialog.text.currentWidget() is dialog.body, "one's own is edited as written"


def test_contact_labels_are_shown_translated_and_stored_by_code(
    qtbot: QtBot,
    spanish: None,
) -> None:
    from carecompanion.people.records import ContactDraft, Phone
    from carecompanion.ui.people.contact_dialog import ContactDialog

    dialog = ContactDialog(ContactDraft(name="Rosa", phones=(Phone("600 111 222", "mobile"),)))
    qtbot.addWidget(dialog)
    assert dialog.phones.toPlainText() == "móvil: 600 111 222"
    dialog.phones.clear()
    qtbot.keyClicks(dialog.phones, "Trabajo: 910 000 000")
    dialog.phones.appendPlainText("Portería: 910 000 001")
    assert [(p.kind, p.number) for p in dialog.draft().phones] == [
        ("work", "910 000 000"),
        ("Portería", "910 000 001"),
    ]


def test_schedules_and_time_zones_in_words(spanish: None) -> None:
    weekly = Schedule.weekly(date(2026, 3, 5), time(18, 30), "Europe/London")
    assert core_words.schedule_words(weekly) == "Cada jueves a las 18:30, hora de London"
    monthly = Schedule.monthly(3, -1, date(2026, 3, 1), time(9, 0), "Etc/UTC")
    assert core_words.schedule_words(monthly) == (
        "El último jueves de cada mes a las 9:00, UTC (tiempo universal)"
    )
    assert core_words.zone_label("Etc/GMT+5") == "Etc/GMT+5"


# -- one date style -----------------------------------------------------------------------------


def test_the_same_moment_reads_the_same_on_every_screen(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    paths: AppPaths,
    clock: FixedClock,
    spanish: None,
) -> None:
    from carecompanion.ui.journal.delegate import friendly_date

    controller = make_controller()
    controller.start_unlocked(create_demo_vault(paths, clock))
    shell, session = controller.shell, controller.session
    assert shell is not None and session is not None
    # A journal entry and a check-in at the same moment.
    moment = (clock.now() - timedelta(hours=3)).replace(second=0, microsecond=0)
    entry = session.journal.add("Same time", "x", entry_at=moment)
    session.mood.add(CheckInDraft(mood=3, at=moment))
    shell.show_section(1)
    page = shell.mood_page
    page.refresh()
    rows = [
        str(page.history_model.index(row, 0).data()) for row in range(page.history_model.rowCount())
    ]
    when = friendly_date(session.journal.get(entry.id).entry_at)
    assert re.match(r"^[a-zé]{3} \d{1,2} [a-z]{3} \d{4}, \d{1,2}:\d{2}$", when), when
    assert any(row.startswith(when + " ") for row in rows), (when, rows[:3])
    # The mood table's day is the same day as the history says it.
    day = i18n.format_when(moment.date(), "day")
    assert when.startswith(day + ", ")
    page.period.setCurrentIndex(1)  # last month
    table = page.trend.table_model
    assert day in [table.index(row, 0).data() for row in range(table.rowCount())]
    # The next meeting in the sidebar and in the People page's list.
    shell.show_section(2)
    people = shell.people_page
    people.refresh()
    first = str(people.meetings_model.index(0, 0).data())
    sidebar = shell.next_meeting.text().split("\n")[1]
    assert first.startswith(sidebar + " "), (sidebar, first)


def test_dates_are_written_only_through_format_when() -> None:
    """No strftime, isoformat or hand-made Qt pattern for what the person reads: the named
    styles in i18n.format_when are the one way (settings.py stores times, not shows them)."""
    pattern = re.compile(
        r"\.strftime\(|\.isoformat\(\)|setDisplayFormat\(\"|"
        r"f\"\{[^}]*:%[A-Za-z]|QLocale\(\)\.toString\("
    )
    stored = {"settings.py", "i18n.py"}
    wrong = [
        f"{path.relative_to(UI)}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        if path.name not in stored
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en_GB", "Thu 5 Mar 2026, 14:30"),
        ("en_US", "Thu Mar 5, 2026, 2:30\u202fPM"),
        ("es_ES", "jue 5 mar 2026, 14:30"),
    ],
)
def test_each_locale_has_its_own_order_and_clock(locale: str, expected: str) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        assert i18n.format_when(datetime(2026, 3, 5, 14, 30), "day_time") == expected
    finally:
        QLocale.setDefault(previous)


def test_why_the_keyring_cannot_be_used_is_said_in_spanish(
    qtbot: QtBot,
    spanish: None,
) -> None:
    from PySide6.QtWidgets import QLabel

    from carecompanion.ui.app.settings_dialog import SettingsDialog
    from carecompanion.vault.device_keys import DeviceKeyStore

    class NoKeyring:
        pass

    reason = DeviceKeyStore(NoKeyring(), is_trusted=lambda _b: False).unavailable_reason()
    assert reason is not None and reason.startswith("The keyring in use (NoKeyring)")
    dialog = SettingsDialog("system", 10, False, reason)
    qtbot.addWidget(dialog)
    texts = [widget.text() for widget in dialog.findChildren(QLabel)]
    assert (
        "El llavero en uso (NoKeyring) no es el llavero protegido de tu sistema, así que "
        "CareCompanion no guardará ninguna clave en él."
    ) in texts


def test_the_recovery_link_fits_the_unlock_card_in_spanish(
    qtbot: QtBot,
    spanish: None,
) -> None:
    from carecompanion.ui.app.unlock_view import UnlockView

    view = UnlockView()
    qtbot.addWidget(view)
    view.resize(1024, 600)
    view.show()
    qtbot.waitExposed(view)
    link = view.forgot
    assert link.text() == "Usa tu clave de recuperación"
    assert link.width() >= link.sizeHint().width(), "the link's words are not cut"
    assert link.geometry().left() >= 0 and link.geometry().right() <= view.card.width()


def test_the_member_card_asks_for_a_name_rather_than_show_the_stand_in(
    qtbot: QtBot,
    vault_factory: VaultFactory,
    clock: FixedClock,
    spanish: None,
) -> None:
    from carecompanion.circle.identity_service import DEFAULT_MEMBER_NAME
    from carecompanion.ui.circle.dialogs import MemberCardDialog
    from carecompanion.ui.circle.work import CircleWork

    session = _session(vault_factory, clock)
    assert session.circles.identity().name == DEFAULT_MEMBER_NAME  # English, for no one
    work = CircleWork()
    dialog = MemberCardDialog(session.circles, work, clock)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == ""
    assert dialog.name.placeholderText() == "Tu nombre de pila, por ejemplo"
    assert not dialog.save_name_button.isEnabled()
    qtbot.keyClicks(dialog.name, "Lucia")
    qtbot.mouseClick(dialog.save_name_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.circles.identity().name == "Lucia")
    assert dialog.fingerprint.text().startswith("Código de la tarjeta: ")
    assert "huella" in dialog.fingerprint.toolTip()
