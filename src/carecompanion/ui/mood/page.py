"""The Mood page: check in, see the slope, notice what helps. Figures come from the core."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carecompanion.mood import stats
from carecompanion.mood.lifts import MIN_DAYS_EACH_SIDE, activity_lifts
from carecompanion.mood.records import DayStat
from carecompanion.session import VaultSession
from carecompanion.ui.common.core_words import activity_word, nudge_words
from carecompanion.ui.common.i18n import decimal, format_when
from carecompanion.ui.common.page_layout import PAGE_MARGINS, PageHeader, wrap_rows
from carecompanion.ui.common.screen_fit import scrolling
from carecompanion.ui.common.tab_strip import TabStrip
from carecompanion.ui.common.widgets import EmptyState, button, label
from carecompanion.ui.mood import charts
from carecompanion.ui.mood.checkin_flow import CheckInFlow
from carecompanion.ui.mood.checkin_list import CheckInListModel
from carecompanion.ui.mood.colours import mood_word
from carecompanion.ui.mood.heatmap import YearHeatmap
from carecompanion.ui.mood.table_model import FiguresTableModel

PERIODS = (("week", 7, 3), ("month", 31, 7), ("year", 366, 14), ("all", 0, 30))
CHART_HEIGHT = 200  # a chart still, in a window 512 px high


def _fmt(value: float | None, digits: int = 1, suffix: str = "") -> str:
    return "—" if value is None else decimal(value, digits) + suffix


class _LeastChartView(QChartView):
    """A chart view that asks for no more height than its minimum: in a scroll area it takes
    the room there is, and scrolls only when that is less (QGraphicsView asks for far more)."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class ChartPanel(QWidget):
    """A chart, with the same figures as a table one click away (and for screen readers).
    ``in_scroll_area``: the panel is in one, and its chart asks for its minimum height."""

    def __init__(
        self, name: str, parent: QWidget | None = None, in_scroll_area: bool = False
    ) -> None:
        super().__init__(parent)
        self.view = _LeastChartView() if in_scroll_area else QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(name)
        self.view.setMinimumHeight(CHART_HEIGHT)
        self.table_model = FiguresTableModel()
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAccessibleName(self.tr("{name}, as a table").format(name=name))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.stack, 1)

    def show_table(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.table if on else self.view)

    def set_chart(
        self, chart: QChart, headers: list[str], rows: list[list[object]], description: str
    ) -> None:
        old = self.view.chart()
        self.view.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.view.setAccessibleDescription(description)
        self.table_model.set_rows(headers, rows)

    def clear(self) -> None:
        self.table_model.clear()
        self.view.chart().removeAllSeries()


class MoodPage(QWidget):
    def __init__(
        self,
        session: VaultSession,
        parent: QWidget | None = None,
        checkin: CheckInFlow | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._newest: date | None = None  # the last day with a check-in, as last refreshed
        # The shell's flow (one check-in at a time, Ctrl+K on every page), or the page's own.
        self.checkin = checkin if checkin is not None else CheckInFlow(session, self)
        self.checkin.saved.connect(lambda _checkin, _corrected: self.refresh())
        header = self._build_header()
        self.nudge = self._build_nudge()
        controls = self._build_controls()
        lifts_tab = self._build_charts()
        self.year_stack = self._build_year()
        history_tab = self._build_history()
        self.tabs = self._build_tabs(lifts_tab, history_tab)
        self.content = self._build_content(controls)
        self.empty = self._build_empty()
        self.body = QStackedWidget()
        self.body.addWidget(self.empty)
        self.body.addWidget(self.content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGINS)
        layout.setSpacing(14)
        layout.addWidget(header)
        layout.addWidget(self.nudge)
        layout.addWidget(self.body, 1)
        self.refresh()

    # -- building -----------------------------------------------------------------------------
    def _build_header(self) -> PageHeader:
        self.checkin_button = button(self.tr("Check in"), self.tr("Check in now"), primary=True)
        self.checkin_button.setToolTip(self.tr("Check in (Ctrl+K)"))
        self.checkin_button.clicked.connect(self.check_in)
        self.selfcheck_button = button(
            self.tr("Caregiver self-check…"), self.tr("Take a caregiver self-check")
        )
        self.selfcheck_button.clicked.connect(self.open_self_check)
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("Reports and files"))
        self.more_button.setAccessibleName(self.tr("Reports and files"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setMinimumHeight(44)
        more = QMenu(self)
        more.addAction(self.tr("Mood report for an appointment (PDF)…"), self._report)
        more.addAction(self.tr("Export check-ins as CSV…"), self._export_csv)
        more.addAction(self.tr("Import from Daylio…"), self._import_daylio)
        self.more_button.setMenu(more)
        return PageHeader(
            self.tr("Mood"), [self.more_button, self.selfcheck_button, self.checkin_button]
        )

    def _build_nudge(self) -> QFrame:
        """A gentle note when the check-ins suggest a hard stretch (hidden until then)."""
        nudge = QFrame()
        nudge.setObjectName("nudge")
        nudge_layout = QVBoxLayout(nudge)
        self.nudge_text = label("", "")
        self.nudge_contacts = label("", "hint")
        nudge_buttons = QHBoxLayout()
        later = button(self.tr("Thank you, not now"), self.tr("Hide this note for a while"))
        later.clicked.connect(self._dismiss_nudge)
        nudge_buttons.addStretch(1)
        nudge_buttons.addWidget(later)
        nudge_layout.addWidget(self.nudge_text)
        nudge_layout.addWidget(self.nudge_contacts)
        nudge_layout.addLayout(nudge_buttons)
        nudge.hide()
        return nudge

    def _build_controls(self) -> QHBoxLayout:
        """The summary sentence, the period shown and the tables switch."""
        self.summary = label("", "summary")
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period shown"))
        for key, text in (
            ("week", self.tr("Last week")),
            ("month", self.tr("Last month")),
            ("year", self.tr("Last year")),
            ("all", self.tr("Everything")),
        ):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(1)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.as_table = QPushButton(self.tr("Show as a table"))
        self.as_table.setCheckable(True)
        self.as_table.setAccessibleName(self.tr("Show the figures as tables"))
        self.as_table.setMinimumHeight(40)
        self.as_table.toggled.connect(self._toggle_tables)
        controls = QHBoxLayout()
        controls.addWidget(self.summary, 1)
        controls.addWidget(self.period)
        controls.addWidget(self.as_table)
        return controls

    def _build_charts(self) -> QWidget:
        """The trend, sleep and lifts charts; returns the lifts tab (its note above it)."""
        self.trend = ChartPanel(self.tr("Mood and stress over time"))
        self.sleep = ChartPanel(self.tr("Sleep and mood"))
        self.lifts = ChartPanel(self.tr("What lifts your mood"), in_scroll_area=True)
        self.lifts_note = label("", "hint")
        lifts_layout = QVBoxLayout()
        lifts_layout.addWidget(self.lifts_note)
        lifts_layout.addWidget(self.lifts, 1)
        # The chart grows to name every activity (see _lifts): the tab scrolls in a short window.
        return scrolling(lifts_layout)

    def _build_year(self) -> QStackedWidget:
        """The year in colour with its streaks, or the same days as a table."""
        self.heatmap = YearHeatmap()
        self.year_table = FiguresTableModel()
        self.year_table_view = QTableView()
        self.year_table_view.setModel(self.year_table)
        self.year_table_view.setAccessibleName(self.tr("Year in colour, as a table"))
        self.year_table_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.year_table_view.verticalHeader().hide()
        year_stack = QStackedWidget()
        heat_holder = QScrollArea()
        heat_holder.setWidgetResizable(True)
        heat_holder.setFrameShape(QFrame.Shape.NoFrame)
        heat_inner = QWidget()
        heat_layout = QVBoxLayout(heat_inner)
        self.streak_text = label("", "")
        heat_layout.addWidget(self.heatmap)
        heat_layout.addWidget(self.streak_text)
        heat_layout.addStretch(1)
        heat_holder.setWidget(heat_inner)
        year_stack.addWidget(heat_holder)
        year_stack.addWidget(self.year_table_view)
        return year_stack

    def _build_history(self) -> QWidget:
        """Past check-ins, newest first; Enter or a double-click corrects one."""
        self.history_model = CheckInListModel()
        self.history = QListView()
        self.history.setObjectName("entries")
        self.history.setModel(self.history_model)
        self.history.setIconSize(QSize(28, 28))  # each check-in's face
        self.history.setAccessibleName(self.tr("Your check-ins"))
        wrap_rows(self.history)
        self.history.activated.connect(self._edit_checkin)
        self.history.doubleClicked.connect(self._edit_checkin)
        history_tab = QWidget()
        history_layout = QVBoxLayout(history_tab)
        history_layout.setContentsMargins(0, 8, 0, 0)
        history_layout.addWidget(
            label(self.tr("Double-click or press Enter on a check-in to correct it."), "hint")
        )
        history_layout.addWidget(self.history, 1)
        return history_tab

    def _build_tabs(self, lifts_tab: QWidget, history_tab: QWidget) -> QTabWidget:
        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("Mood charts"))
        tabs.addTab(self.trend, self.tr("Mood and stress"))
        tabs.addTab(self.year_stack, self.tr("Year in colour"))
        tabs.addTab(lifts_tab, self.tr("What lifts your mood"))
        tabs.addTab(self.sleep, self.tr("Sleep and mood"))
        tabs.addTab(history_tab, self.tr("Check-ins"))
        return tabs

    def _build_content(self, controls: QHBoxLayout) -> QWidget:
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(controls)
        self.tab_strip = TabStrip(self.tabs)  # wraps in a narrow window: no tab cut or hidden
        content_layout.addWidget(self.tab_strip)
        content_layout.addWidget(self.tabs, 1)
        return content

    def _build_empty(self) -> QWidget:
        """What a first visit shows: why check in, and one button to start."""
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addWidget(
            EmptyState(
                "mood",
                self.tr("How are you, really?"),
                self.tr(
                    "A check-in takes ten seconds: how you feel, how you slept, what you did "
                    "for yourself. Over weeks, gentle charts show the slope before you feel "
                    "it."
                ),
            ),
            1,
        )
        first = button(
            self.tr("Check in for the first time"),
            self.tr("Check in for the first time"),
            primary=True,
        )
        first.clicked.connect(self.check_in)
        empty_layout.addWidget(first, alignment=Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)
        return empty

    # -- figures ----------------------------------------------------------------------------
    def _range(self) -> tuple[date | None, int]:
        key = self.period.currentData()
        for name, days, window in PERIODS:
            if name == key:
                today = self._session.mood.today()
                return (today - timedelta(days=days - 1) if days else None), window
        return None, 7

    def refresh(self) -> None:
        mood = self._session.mood
        everything = mood.days()
        self._newest = everything[-1].day if everything else None
        self.body.setCurrentWidget(self.content if everything else self.empty)
        self._refresh_nudge()
        if not everything:
            return
        since, window = self._range()
        shown = [d for d in everything if since is None or d.day >= since]
        self._summary(shown, everything)
        self._trend(everything, shown, since, window)
        self._sleep(shown)
        self._lifts(shown)
        self._year(everything)
        self.history_model.set_rows(
            sorted(mood.list(since=since), key=lambda c: c.at, reverse=True)
        )

    def _summary(self, shown: list[DayStat], everything: list[DayStat]) -> None:
        """A sentence or two a tired person takes in at a glance: only the figures there
        are, and every count in words that agree with it (the singular has its own string:
        English installs no translator, so Qt's "%n day(s)" would show its brackets)."""
        summary = stats.summarize(shown)
        streak = stats.streaks((d.day for d in everything), self._session.mood.today())
        figures = []
        if summary.mood_mean is not None:
            figures.append(
                self.tr("mood {value} out of 5").format(value=decimal(summary.mood_mean))
            )
        if summary.stress_mean is not None:
            figures.append(
                self.tr("stress {value} out of 10").format(value=decimal(summary.stress_mean))
            )
        if summary.sleep_mean is not None:
            figures.append(
                self.tr("{value} hours of sleep").format(value=decimal(summary.sleep_mean))
            )
        sentences = []
        if figures:
            sentences.append(self.tr("On average: {figures}.").format(figures=", ".join(figures)))
        sentences.append(
            self.tr("You checked in on one day.")
            if summary.days == 1
            else self.tr("You checked in on %n days.", "", summary.days)
        )
        if streak.current > 1:
            sentences.append(self.tr("%n days in a row so far.", "", streak.current))
        self.summary.setText(" ".join(sentences))

    def _trend(
        self, everything: list[DayStat], shown: list[DayStat], since: date | None, window: int
    ) -> None:
        first = since or everything[0].day
        last = self._session.mood.today()
        # The average is computed over everything, so its first days are not cut short.
        average = [
            p for p in stats.moving_average(stats.points(everything), window) if p.day >= first
        ]
        daily = stats.points(shown)
        stress = stats.points(shown, "stress")
        chart = charts.mood_trend_chart(daily, average, stress, first, last, window)
        by_day = {p.day: p.value for p in average}
        rows: list[list[object]] = [
            [
                format_when(d.day, "day"),
                _fmt(d.mood),
                _fmt(by_day.get(d.day)),
                _fmt(d.stress, 0),
                _fmt(d.sleep_hours),
                d.checkins,
            ]
            for d in reversed(shown)
        ]
        self.trend.set_chart(
            chart,
            [
                self.tr("Day"),
                self.tr("Mood"),
                self.tr("{days}-day average").format(days=window),
                self.tr("Stress"),
                self.tr("Sleep (h)"),
                self.tr("Check-ins"),
            ],
            rows,
            self.tr("Mood and stress from {first} to {last}").format(
                first=format_when(first, "day"), last=format_when(last, "day")
            ),
        )

    def _sleep(self, shown: list[DayStat]) -> None:
        pairs = stats.sleep_vs_mood(shown)
        rows: list[list[object]] = [
            [format_when(p.day, "day"), _fmt(p.sleep_hours), _fmt(p.mood)] for p in reversed(pairs)
        ]
        self.sleep.set_chart(
            charts.sleep_mood_chart(pairs),
            [self.tr("Day"), self.tr("Hours slept"), self.tr("Mood")],
            rows,
            self.tr("{n} days with both sleep and mood").format(n=len(pairs)),
        )

    def _lifts(self, shown: list[DayStat]) -> None:
        lifts = sorted(activity_lifts(shown), key=lambda lift: -(lift.difference or -99))
        rows: list[list[object]] = [
            [
                activity_word(lift.activity),
                _fmt(lift.mean_with),
                lift.days_with,
                _fmt(lift.mean_without),
                lift.days_without,
                _fmt(lift.difference, 2) if lift.enough_data else self.tr("not enough days yet"),
            ]
            for lift in lifts
        ]
        chart = charts.lifts_chart(lifts)
        self.lifts.view.setMinimumHeight(max(CHART_HEIGHT, charts.category_rows_height(chart)))
        self.lifts.set_chart(
            chart,
            [
                self.tr("Activity"),
                self.tr("Mood with"),
                self.tr("Days with"),
                self.tr("Mood without"),
                self.tr("Days without"),
                self.tr("Difference"),
            ],
            rows,
            self.tr("Average mood on days with and without each activity"),
        )
        enough = sum(1 for lift in lifts if lift.enough_data)
        self.lifts_note.setText(
            self.tr(
                "Average mood on days with and without each activity, with the number of days "
                "behind each figure (with/without). An activity appears once it has at least "
                "{n} days on each side; {shown} of {total} do so far. This shows what tends to go "
                "together, not what causes what."
            ).format(n=MIN_DAYS_EACH_SIDE, shown=enough, total=len(lifts))
        )

    def _year(self, everything: list[DayStat]) -> None:
        year = self._session.mood.today().year
        values = stats.year_heatmap(everything, year)
        self.heatmap.set_year(year, values)
        self.year_table.set_rows(
            [self.tr("Day"), self.tr("Mood"), self.tr("In words")],
            [
                [format_when(day, "day"), _fmt(value), mood_word(round(value))]
                for day, value in sorted(values.items())
                if value is not None
            ],
        )
        streak = stats.streaks((d.day for d in everything), self._session.mood.today())
        sentences = []
        if streak.current == 1:
            sentences.append(self.tr("Current streak: one day."))
        elif streak.current > 1:
            sentences.append(self.tr("Current streak: %n days in a row.", "", streak.current))
        sentences.append(
            self.tr("Longest: one day.")
            if streak.longest == 1
            else self.tr("Longest: %n days in a row.", "", streak.longest)
        )
        self.streak_text.setText(" ".join(sentences))

    def _toggle_tables(self, on: bool) -> None:
        for panel in (self.trend, self.sleep, self.lifts):
            panel.show_table(on)
        self.year_stack.setCurrentIndex(1 if on else 0)

    # -- nudge --------------------------------------------------------------------------------
    def _refresh_nudge(self) -> None:
        nudge = self._session.mood.nudge()
        if nudge is None:
            self.nudge.hide()
            return
        noticed, invitation, emergency_note = nudge_words(
            [reason.value for reason in nudge.check.reasons]
        )
        self.nudge_text.setText(f"{noticed} {invitation}")
        people = [f"{c.name}{' · ' + c.reach if c.reach else ''}" for c in nudge.contacts]
        lines = [self.tr("People you chose: ") + "; ".join(people)] if people else []
        lines.append(emergency_note)
        self.nudge_contacts.setText("\n".join(lines))
        self.nudge.show()

    def _dismiss_nudge(self) -> None:
        self._session.mood.dismiss_nudge()
        self.nudge.hide()

    # -- actions ------------------------------------------------------------------------------
    def check_in(self) -> None:
        self.checkin.open()

    def _edit_checkin(self, index: QModelIndex) -> None:
        checkin = self.history_model.value_at(index)
        if checkin is not None:
            self.checkin.open(checkin)

    def _report(self) -> None:
        from carecompanion.ui.mood.mood_files import save_report

        def saved(path: Path | None) -> None:  # drawn in the background
            if path is not None:
                QMessageBox.information(
                    self,
                    self.tr("Report saved"),
                    self.tr("The report was saved to {path}. It is not encrypted.").format(
                        path=path
                    ),
                )

        save_report(self._session, self, saved, self._newest)

    def _export_csv(self) -> None:
        from carecompanion.ui.mood.mood_files import save_csv

        def saved(path: Path | None) -> None:  # written in the background
            if path is not None:
                QMessageBox.information(
                    self,
                    self.tr("Check-ins exported"),
                    self.tr("Saved to {path}. It is not encrypted.").format(path=path),
                )

        save_csv(self._session, self, saved)

    def _import_daylio(self) -> None:
        from carecompanion.ui.mood.mood_files import import_daylio

        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a Daylio CSV export"), "", self.tr("CSV files (*.csv)")
        )
        if not chosen:
            return

        def imported(summary: str | None) -> None:  # read and imported in the background
            if summary is not None:
                self.refresh()
                QMessageBox.information(self, self.tr("Import from Daylio"), summary)

        import_daylio(self._session, Path(chosen), self, imported)

    def open_self_check(self) -> None:
        from carecompanion.ui.mood.selfcheck_dialog import SelfCheckDialog

        SelfCheckDialog(self._session, self).exec()
        self.refresh()

    def clear(self) -> None:
        if self.checkin.parent() is self:  # the page's own flow; the shell closes its own
            self.checkin.close_for_lock()
        for panel in (self.trend, self.sleep, self.lifts):
            panel.clear()
        self.year_table.clear()
        self.heatmap.clear()
        self.history_model.clear()
        self.summary.clear()
        self.nudge_text.clear()
        self.nudge_contacts.clear()
