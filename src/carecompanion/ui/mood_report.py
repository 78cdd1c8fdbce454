"""The mood report: a PDF to take to a doctor or counsellor, for a period the person picks.

Summary figures, the mood and stress chart, sleep against mood, what lifts their mood, and
their self-check results, with a plain statement that none of it is a diagnosis. Written only
where the person asked, through a temp file and an atomic rename.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCharts import QChart
from PySide6.QtCore import QCoreApplication, QMarginsF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QGraphicsScene

from carecompanion.atomic import fsync_dir
from carecompanion.mood import stats
from carecompanion.mood.instruments import INSTRUMENTS, NOT_A_DIAGNOSIS
from carecompanion.mood.lifts import activity_lifts
from carecompanion.session import VaultSession
from carecompanion.ui import theme
from carecompanion.ui.core_words import activity_word
from carecompanion.ui.i18n import decimal, format_when
from carecompanion.ui.mood import charts
from carecompanion.ui.offscreen import ensure_application

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")

_DPI = 300
_CHART_SIZE = QSize(900, 440)


def _fmt(value: float | None, suffix: str = "") -> str:
    return "—" if value is None else decimal(value) + suffix


class _Pages:
    """A top-to-bottom page writer: text and charts, breaking pages as they fill."""

    def __init__(self, painter: QPainter, writer: QPdfWriter) -> None:
        self.painter = painter
        self.writer = writer
        self.area = writer.pageLayout().paintRectPixels(_DPI)
        self.y = 0

    def _room(self, height: int) -> None:
        if self.y + height > self.area.height():
            self.writer.newPage()
            self.y = 0

    def text(self, text: str, size: float = 11, bold: bool = False, gap: int = 30) -> None:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        self.painter.setFont(font)
        width = self.area.width() - 24  # a little slack: glyph metrics vary at print DPI
        box = self.painter.boundingRect(
            QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        self._room(box.height())
        self.painter.drawText(
            QRect(0, self.y, width, box.height()), int(Qt.TextFlag.TextWordWrap), text
        )
        self.y += box.height() + gap

    def chart(self, chart: QChart) -> None:
        """Lay the chart out at screen size, then scale it onto the page (crisp: vectors)."""
        scene = QGraphicsScene()
        scene.addItem(chart)
        source = QRectF(0, 0, _CHART_SIZE.width(), _CHART_SIZE.height())
        chart.setGeometry(source)
        scene.setSceneRect(source)
        width = self.area.width()
        height = int(width * _CHART_SIZE.height() / _CHART_SIZE.width())
        self._room(height)
        scene.render(self.painter, QRectF(0, self.y, width, height), source)
        self.y += height + 40
        scene.removeItem(chart)
        chart.deleteLater()


def write_mood_report(
    session: VaultSession, out_path: Path, since: date | None, until: date | None
) -> Path:
    ensure_application()
    previous = theme.current()
    theme.use(theme.load_theme("light"))  # paper is white, whatever the screen theme
    try:
        return _write(session, Path(out_path), since, until)
    finally:
        theme.use(previous)


def _write(session: VaultSession, out_path: Path, since: date | None, until: date | None) -> Path:
    mood = session.mood
    last = until or mood.today()
    first = since or last - timedelta(days=89)
    everything = mood.days()
    shown = [d for d in everything if first <= d.day <= last]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".tmp", dir=out_path.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setResolution(_DPI)
        writer.setTitle(translate("MoodReport", "CareCompanion mood report"))
        writer.setCreator("CareCompanion")
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
        painter = QPainter(writer)
        pages = _Pages(painter, writer)
        pages.text(translate("MoodReport", "Mood report"), 20, bold=True, gap=10)
        pages.text(
            translate("MoodReport", "{first} to {last}").format(
                first=format_when(first, "long_date"), last=format_when(last, "long_date")
            ),
            12,
            gap=40,
        )
        summary = stats.summarize(shown)
        streak = stats.streaks((d.day for d in everything), last)
        pages.text(
            translate(
                "MoodReport",
                "Days with a check-in: {days} (of {period}), {checkins} check-ins. Average mood "
                "{mood} of 5 (lowest {low}, highest {high}); stress {stress} of 10; energy "
                "{energy} "
                "of 10; sleep {sleep} a night on average; care given {care} in all. Longest run of "
                "daily check-ins: {longest} days.",
            ).format(
                days=summary.days,
                period=(last - first).days + 1,
                checkins=summary.checkins,
                mood=_fmt(summary.mood_mean),
                low=summary.mood_low or "—",
                high=summary.mood_high or "—",
                stress=_fmt(summary.stress_mean),
                energy=_fmt(summary.energy_mean),
                sleep=_fmt(summary.sleep_mean, " h"),
                care=_fmt(summary.care_hours_total, " h"),
                longest=streak.longest,
            ),
            11,
        )
        if shown:
            window = 7 if (last - first).days <= 120 else 14
            average = [
                p
                for p in stats.moving_average(stats.points(everything), window)
                if first <= p.day <= last
            ]
            pages.text(translate("MoodReport", "Mood and stress"), 13, bold=True, gap=10)
            pages.chart(
                charts.mood_trend_chart(
                    stats.points(shown), average, stats.points(shown, "stress"), first, last, window
                )
            )
            pages.text(translate("MoodReport", "Sleep and mood"), 13, bold=True, gap=10)
            pages.chart(charts.sleep_mood_chart(stats.sleep_vs_mood(shown)))
            lifts = [lift for lift in activity_lifts(shown) if lift.enough_data]
            if lifts:
                pages.text(
                    translate("MoodReport", "What goes with a better mood"), 13, bold=True, gap=10
                )
                for lift in sorted(lifts, key=lambda item: -(item.difference or 0)):
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
        results = [r for r in session.assessments.history() if first <= r.day <= last]
        if results:
            pages.text(translate("MoodReport", "Caregiver self-checks"), 13, bold=True, gap=10)
            for result in sorted(results, key=lambda r: r.taken_at):
                title = INSTRUMENTS[result.instrument_id].title
                # The instrument's title and reading stay as validated (English).
                pages.text(
                    f"{format_when(result.day, 'day')} · {title}: "
                    f"{result.score}. {result.interpretation}",
                    10,
                    gap=8,
                )
        pages.text(NOT_A_DIAGNOSIS, 9, gap=10)
        painter.end()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, out_path)
        fsync_dir(out_path.parent)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return out_path
