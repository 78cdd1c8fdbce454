"""The mood report: a PDF to take to a doctor or counsellor, for a period the person picks.

Summary figures, the mood and stress chart with its figures by week (or month), sleep and
mood as bars with their figures, what goes with a better mood, and the self-check results,
with a plain statement that none of it is a diagnosis. Drawn with QPainter onto a QPdfWriter,
no widgets: the app writes it on a worker thread behind a progress dialog, the command line
offscreen. Written only where the person asked, through a temp file and an atomic rename; a
cancelled or failed report leaves no file behind.
"""

from __future__ import annotations

import bisect
import contextlib
import math
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

from carecompanion.atomic import fsync_dir
from carecompanion.mood import stats
from carecompanion.mood.assessments import SavedAssessment
from carecompanion.mood.defaults import DEFAULT_ACTIVITIES
from carecompanion.mood.instruments import INSTRUMENTS, NOT_A_DIAGNOSIS
from carecompanion.mood.lifts import ActivityLift, activity_lifts
from carecompanion.mood.records import DayStat
from carecompanion.mood.stats import SleepMood
from carecompanion.progress import ProgressCallback, report
from carecompanion.render import paper
from carecompanion.render.application import ensure_application
from carecompanion.render.charts import Bar, Trend, font, paint_bars, paint_trend
from carecompanion.render.formats import decimal, format_when
from carecompanion.session import VaultSession

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")

_DPI = 300
#: A chart's height as a share of the page's width.
_TREND_HEIGHT = 0.5
_BARS_HEIGHT = 0.34
#: Hours of sleep where one band ends and the next begins: under 5, 5 to 6, ... 8 or more.
SLEEP_LIMITS = (5.0, 6.0, 7.0, 8.0)
#: Up to this many days the figures are by week, beyond it by month (and the average line
#: takes 14 days instead of 7).
_WEEKS_UP_TO = 120
#: Draws one chart into the rectangle it is given (see ``_Pages.chart``).
Paint = Callable[[QPainter, QRectF], None]
#: The report's period when none is chosen: this many days.
DEFAULT_DAYS = 90


@dataclass(frozen=True)
class ReportPeriod:
    """The days a report covers. ``moved``: none was chosen and there are no check-ins in
    the ``DEFAULT_DAYS`` to today, so it covers the ``DEFAULT_DAYS`` to the last check-in
    instead (a report of empty weeks helps no one; the CLI and the app say so)."""

    first: date
    last: date
    moved: bool = False


def report_period(
    days_with_checkins: Sequence[date],
    today: date,
    since: date | None = None,
    until: date | None = None,
) -> ReportPeriod:
    """The period of a report: ``since``..``until`` as chosen; a missing end is today, a
    missing start ``DEFAULT_DAYS`` before the end. With neither chosen: the ``DEFAULT_DAYS``
    to today, or, when all the check-ins are older, the ``DEFAULT_DAYS`` to the last one."""
    span = timedelta(days=DEFAULT_DAYS - 1)
    if since is None and until is None:
        newest = max(days_with_checkins, default=None)
        if newest is not None and newest < today - span:
            return ReportPeriod(newest - span, newest, moved=True)
    last = until or today
    return ReportPeriod(since or last - span, last)


def _fmt(value: float | None, suffix: str = "") -> str:
    return "—" if value is None else decimal(value) + suffix


def activity_word(name: str) -> str:
    """A built-in activity in the chosen language (the UI's words, context "MoodWords"); the
    person's own as typed."""
    return translate("MoodWords", name) if name in DEFAULT_ACTIVITIES else name


@dataclass(frozen=True)
class SleepBand:
    """The days whose sleep fell in one band: how many, and their mean mood (None: none)."""

    index: int  # 0: under 5 hours ... len(SLEEP_LIMITS): 8 hours or more
    mood: float | None
    days: int


def sleep_bands(pairs: Sequence[SleepMood]) -> list[SleepBand]:
    """Every band, in order, with the mean mood of its days (a band with none says so)."""
    moods: list[list[float]] = [[] for _ in range(len(SLEEP_LIMITS) + 1)]
    for pair in pairs:
        moods[bisect.bisect_right(SLEEP_LIMITS, pair.sleep_hours)].append(pair.mood)
    return [
        SleepBand(index, math.fsum(values) / len(values) if values else None, len(values))
        for index, values in enumerate(moods)
    ]


def sleep_band_name(index: int) -> str:
    names = (
        translate("MoodReport", "Under 5 hours"),
        translate("MoodReport", "5 to 6 hours"),
        translate("MoodReport", "6 to 7 hours"),
        translate("MoodReport", "7 to 8 hours"),
        translate("MoodReport", "8 hours or more"),
    )
    return names[index]


@dataclass(frozen=True)
class PeriodRow:
    """One week's or month's figures under the trend chart."""

    start: date
    mood: float
    stress: float | None
    days: int


@dataclass(frozen=True)
class ReportFigures:
    """Everything the report shows, read from the vault before a line is drawn."""

    first: date
    last: date
    everything: list[DayStat]
    shown: list[DayStat]
    results: list[SavedAssessment]

    @classmethod
    def read(cls, session: VaultSession, since: date | None, until: date | None) -> ReportFigures:
        mood = session.mood
        everything = mood.days()
        period = report_period([d.day for d in everything], mood.today(), since, until)
        first, last = period.first, period.last
        shown = [d for d in everything if first <= d.day <= last]
        results = [r for r in session.assessments.history() if first <= r.day <= last]
        return cls(first, last, everything, shown, sorted(results, key=lambda r: r.taken_at))

    @property
    def by_week(self) -> bool:
        return (self.last - self.first).days <= _WEEKS_UP_TO

    def trend(self) -> Trend:
        window = 7 if self.by_week else 14
        # The average is computed over everything, so its first days are not cut short.
        average = [
            p
            for p in stats.moving_average(stats.points(self.everything), window)
            if self.first <= p.day <= self.last
        ]
        return Trend(
            stats.points(self.shown),
            average,
            stats.points(self.shown, "stress"),
            self.first,
            self.last,
            window,
        )

    def periods(self) -> list[PeriodRow]:
        period = stats.Period.WEEK if self.by_week else stats.Period.MONTH
        stress = {
            bucket.start: bucket.mean
            for bucket in stats.bucket_means(stats.points(self.shown, "stress"), period)
        }
        return [
            PeriodRow(bucket.start, bucket.mean, stress.get(bucket.start), bucket.days)
            for bucket in stats.bucket_means(stats.points(self.shown), period)
        ]

    def lifts(self) -> list[ActivityLift]:
        lifts = [lift for lift in activity_lifts(self.shown) if lift.enough_data]
        return sorted(lifts, key=lambda item: -(item.difference or 0))


class _Pages:
    """A top-to-bottom page writer: text, charts and tables, breaking pages as they fill."""

    def __init__(self, painter: QPainter, writer: QPdfWriter) -> None:
        self.painter = painter
        self.writer = writer
        self.area = writer.pageLayout().paintRectPixels(_DPI)
        self.y = 0.0

    @property
    def width(self) -> float:
        return float(self.area.width())

    def _room(self, height: float) -> None:
        if self.y + height > self.area.height():
            self.writer.newPage()
            self.y = 0.0

    def text(
        self, text: str, size: float = 11, bold: bool = False, gap: int = 30, keep: float = 0
    ) -> None:
        """A paragraph; ``keep``: the height of what must follow it on the same page."""
        self.painter.setFont(font(size, bold))
        self.painter.setPen(paper.TEXT)
        width = self.area.width() - 24  # a little slack: glyph metrics vary at print DPI
        box = self.painter.boundingRect(
            QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        self._room(box.height() + keep)
        self.painter.drawText(
            QRect(0, round(self.y), width, box.height()), int(Qt.TextFlag.TextWordWrap), text
        )
        self.y += box.height() + gap

    def heading(self, text: str, keep: float = 150) -> None:
        """A section's title, on the same page as the start of its section (``keep`` high)."""
        self.text(text, 13, bold=True, gap=10, keep=keep)

    def chart_height(self, height_share: float) -> float:
        return self.width * height_share

    def chart(self, height_share: float, paint: Paint) -> None:
        height = self.chart_height(height_share)
        self._room(height)
        paint(self.painter, QRectF(0, self.y, self.width, height))
        self.y += height + 30

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """The figures behind a chart, in columns: the first wider (it names the row)."""
        header_font, body_font = font(9, bold=True), font(9)
        line = QFontMetricsF(body_font, self.painter.device()).height() * 1.45
        first = self.width * 0.34
        rest = (self.width - first) / max(1, len(headers) - 1)
        lefts = [0.0, *(first + rest * i for i in range(len(headers) - 1))]
        widths = [first, *([rest] * (len(headers) - 1))]

        def row(cells: Sequence[str], bold: bool) -> None:
            self.painter.setFont(header_font if bold else body_font)
            self.painter.setPen(paper.TEXT)
            for cell, left, width in zip(cells, lefts, widths, strict=True):
                align = Qt.AlignmentFlag.AlignLeft if left == 0 else Qt.AlignmentFlag.AlignRight
                box = QRectF(left, self.y, width - 24, line)
                self.painter.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter), cell)
            self.y += line
            if bold:
                self.painter.setPen(paper.BORDER)
                self.painter.drawLine(QPointF(0, self.y), QPointF(self.width, self.y))

        self._room(line * 2)
        row(headers, bold=True)
        for cells in rows:
            if self.y + line > self.area.height():
                self._room(line * 2)
                row(headers, bold=True)  # a table carried over names its columns again
            row(cells, bold=False)
        self.y += 40


def write_mood_report(
    session: VaultSession,
    out_path: Path,
    since: date | None,
    until: date | None,
    *,
    progress: ProgressCallback | None = None,
) -> Path:
    """Write the report for ``since``..``until`` (default: see ``report_period``) to
    ``out_path``. ``progress(done, total)`` answering False stops it, with ``Cancelled``, and
    nothing is left behind."""
    ensure_application()
    out_path = Path(out_path)
    report(progress, 0, 3)
    figures = ReportFigures.read(session, since, until)
    report(progress, 1, 3)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".tmp", dir=out_path.parent)
    os.close(fd)
    try:
        _draw(tmp, figures)
        report(progress, 2, 3)  # the last moment to stop: next, the file takes its place
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, out_path)
        fsync_dir(out_path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            Path(tmp).unlink()
    report(progress, 3, 3)
    return out_path


def _draw(tmp: str, figures: ReportFigures) -> None:
    writer = QPdfWriter(tmp)
    writer.setResolution(_DPI)
    writer.setTitle(translate("MoodReport", "CareCompanion mood report"))
    writer.setCreator("CareCompanion")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    painter = QPainter(writer)
    try:
        _pages(_Pages(painter, writer), figures)
    finally:
        painter.end()  # the PDF is complete on disk once the painter ends


def _pages(pages: _Pages, figures: ReportFigures) -> None:
    first, last, shown = figures.first, figures.last, figures.shown
    pages.text(translate("MoodReport", "Mood report"), 20, bold=True, gap=10)
    pages.text(
        translate("MoodReport", "{first} to {last}").format(
            first=format_when(first, "long_date"), last=format_when(last, "long_date")
        ),
        12,
        gap=40,
    )
    pages.text(_summary(figures), 11)
    if shown:
        _trend(pages, figures)
        _sleep(pages, stats.sleep_vs_mood(shown))
        _lifts(pages, figures.lifts())
    if figures.results:
        pages.heading(translate("MoodReport", "Caregiver self-checks"))
        for result in figures.results:
            title = INSTRUMENTS[result.instrument_id].title
            # The instrument's title and reading stay as validated (English).
            pages.text(
                f"{format_when(result.day, 'day')} · {title}: "
                f"{result.score}. {result.interpretation}",
                10,
                gap=8,
            )
    pages.text(NOT_A_DIAGNOSIS, 9, gap=10)


def _summary(figures: ReportFigures) -> str:
    summary = stats.summarize(figures.shown)
    streak = stats.streaks((d.day for d in figures.everything), figures.last)
    return translate(
        "MoodReport",
        "Days with a check-in: {days} (of {period}), {checkins} check-ins. Average mood "
        "{mood} of 5 (lowest {low}, highest {high}); stress {stress} of 10; energy "
        "{energy} "
        "of 10; sleep {sleep} a night on average; care given {care} in all. Longest run of "
        "daily check-ins: {longest} days.",
    ).format(
        days=summary.days,
        period=(figures.last - figures.first).days + 1,
        checkins=summary.checkins,
        mood=_fmt(summary.mood_mean),
        low=summary.mood_low or "—",
        high=summary.mood_high or "—",
        stress=_fmt(summary.stress_mean),
        energy=_fmt(summary.energy_mean),
        sleep=_fmt(summary.sleep_mean, " h"),
        care=_fmt(summary.care_hours_total, " h"),
        longest=streak.longest,
    )


def _trend(pages: _Pages, figures: ReportFigures) -> None:
    trend = figures.trend()
    pages.heading(
        translate("MoodReport", "Mood and stress"), keep=pages.chart_height(_TREND_HEIGHT)
    )
    pages.chart(_TREND_HEIGHT, lambda painter, area: paint_trend(painter, area, trend))
    by_week = figures.by_week
    pages.table(
        [
            translate("MoodReport", "Week starting")
            if by_week
            else translate("MoodReport", "Month"),
            translate("MoodCharts", "Mood (1–5)"),
            translate("MoodCharts", "Stress (0–10)"),
            translate("MoodReport", "Days"),
        ],
        [
            [
                format_when(row.start, "date" if by_week else "month"),
                decimal(row.mood),
                _fmt(row.stress),
                str(row.days),
            ]
            for row in figures.periods()
        ],
    )


def _sleep(pages: _Pages, pairs: Sequence[SleepMood]) -> None:
    if not pairs:
        return
    bands = sleep_bands(pairs)
    axis = translate("MoodCharts", "Average mood (1–5)")
    pages.heading(translate("MoodReport", "Sleep and mood"), keep=pages.chart_height(_BARS_HEIGHT))
    bars = [Bar(sleep_band_name(band.index), band.mood) for band in bands]
    pages.chart(_BARS_HEIGHT, lambda painter, area: paint_bars(painter, area, bars, axis))
    pages.table(
        [translate("MoodCharts", "Hours slept"), axis, translate("MoodReport", "Days")],
        [[sleep_band_name(b.index), _fmt(b.mood), str(b.days)] for b in bands],
    )


def _lifts(pages: _Pages, lifts: Sequence[ActivityLift]) -> None:
    if not lifts:
        return
    pages.heading(translate("MoodReport", "What goes with a better mood"))
    for lift in lifts:
        pages.text(
            translate(
                "MoodReport",
                "{activity}: mood {with_it} on {days_with} days with it, "
                "{without_it} on {days_without} days without.",
            ).format(
                activity=activity_word(lift.activity),
                with_it=_fmt(lift.mean_with),
                days_with=lift.days_with,
                without_it=_fmt(lift.mean_without),
                days_without=lift.days_without,
            ),
            10,
            gap=8,
        )
    pages.text(
        translate(
            "MoodReport",
            "These figures show what tends to go together, not what causes what.",
        ),
        9,
        gap=30,
    )
