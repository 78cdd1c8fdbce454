"""Every window and dialog fits the screen it opens on.

One application-wide event filter (:func:`install`, called by ``launch.create_application``)
sees every top-level window and dialog as it is shown and makes it no larger than the
available geometry of its screen, then keeps it fully on that screen. Sizes are in logical
pixels, so this holds at any scale. The filter is the one place the rule lives: a
``showEvent`` in each dialog would be one more thing every new dialog must remember, and it
would miss the windows Qt builds (message boxes, input and progress dialogs) and those other
modules own. It costs one Python call per event, which returns at the first comparison for
everything but a Show.

A dialog whose content can be taller than a small screen puts that content in a
:class:`FitScrollArea` (:func:`scrolling`) and keeps its buttons outside it, so the default
button and Cancel stay in sight; on a screen with room the scroll area is invisible.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMargins,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLayout,
    QScrollArea,
    QWidget,
)

#: The main window's first size on a screen with room to spare: comfortable, not a wall.
#: A smaller screen's room is all used: a laptop's few pixels are not for margins.
COMFORTABLE = QSize(1240, 800)
#: A window manager's frame before it has told us its size (a title bar and thin borders).
FRAME_GUESS = QMargins(4, 32, 4, 4)
#: The least height a scrolling dialog body keeps: a few lines of its content.
SCROLL_MINIMUM_HEIGHT = 120
#: Width a scrolling body asks for beyond its content's: at 150 % a window's size is rounded
#: to whole screen pixels and may come out a logical pixel narrower than asked.
ROUNDING_ROOM = 2

_WINDOW_TYPES = (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet)


def screen_of(window: QWidget) -> QScreen:
    """The screen a window opens on: a dialog's is its parent window's (Qt centres it there)."""
    parent = window.parentWidget()
    if parent is not None:
        return parent.window().screen()
    return window.screen()


def frame_margins(window: QWidget) -> QMargins:
    """The window manager's frame around ``window``: its own once known, else another
    window's (they share one style), else a generous guess."""
    candidates = [window] + [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for candidate in candidates:
        handle = candidate.windowHandle()
        if handle is not None and handle.isExposed() and not handle.frameMargins().isNull():
            return handle.frameMargins()
    return FRAME_GUESS


def room(available: QRect, frame: QMargins) -> QSize:
    """The largest client size whose frame fits ``available``."""
    return QSize(
        available.width() - frame.left() - frame.right(),
        available.height() - frame.top() - frame.bottom(),
    )


def first_size(available: QRect, frame: QMargins = FRAME_GUESS) -> QSize:
    """The main window's first size: a small screen's whole room, COMFORTABLE on a large
    one."""
    return room(available, frame).boundedTo(COMFORTABLE)


def inside(frame: QRect, available: QRect) -> QPoint:
    """Where ``frame`` goes to lie inside ``available`` (its top-left kept in sight when it
    is larger)."""
    x = max(available.left(), min(frame.left(), available.right() + 1 - frame.width()))
    y = max(available.top(), min(frame.top(), available.bottom() + 1 - frame.height()))
    return QPoint(x, y)


def _natural_size(window: QWidget, space: QSize, current: QSize) -> QSize:
    """``current`` grown to what the content asks for (wrapped lines included), within
    ``space``."""
    hint = window.sizeHint()
    width = min(max(current.width(), hint.width()), space.width())
    height = max(current.height(), hint.height())
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        height = max(height, layout.totalHeightForWidth(width))
    return QSize(width, min(height, space.height()))


def fit_to_screen(window: QWidget) -> None:
    """Size ``window`` to at most its screen's available geometry and move it onto it.

    A window Qt sized itself (``adjustSize`` stops at two thirds of the screen) may grow to
    the size its content asks for; one the code sized is only made smaller, except that
    wrapped text gets the height its lines need at the final width when the screen has it.
    """
    available = screen_of(window).availableGeometry()
    frame = frame_margins(window)
    space = room(available, frame)
    if window.testAttribute(Qt.WidgetAttribute.WA_Resized):
        size = window.size().boundedTo(space)
        layout = window.layout()
        if layout is not None and layout.hasHeightForWidth():
            size.setHeight(
                min(space.height(), max(size.height(), layout.totalHeightForWidth(size.width())))
            )
    else:
        size = _natural_size(window, space, window.size())
    if size != window.size():
        window.resize(size)
    outer = QRect(window.pos(), window.size().grownBy(frame))
    if isinstance(window, QDialog) and not window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        # Centred on its parent, as QDialog would, but counting the whole frame: QDialog
        # counts only its top, and leaves the bottom edge below a screen the dialog fills.
        parent = window.parentWidget()
        anchor = (
            parent.window().frameGeometry()
            if parent is not None and parent.window().isVisible()
            else available
        )
        outer.moveCenter(anchor.center())
        window.move(inside(outer, available))
    elif window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        # Placed by the code (a saved geometry, say): kept on this screen. A window nobody
        # placed is placed by the window manager, which keeps it on screen itself.
        _keep_inside(window, outer, available)


def refit(window: QWidget) -> None:
    """After part of an open window was shown or hidden: its content's size (like
    ``adjustSize``, but up to the whole available height rather than two thirds of it), and
    still on its screen. Before the window is first shown, the first show does this."""
    if not window.isVisible():
        return
    # The part just shown has only asked for a new layout (a posted event): ask now.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    available = screen_of(window).availableGeometry()
    frame = frame_margins(window)
    window.resize(_natural_size(window, room(available, frame), QSize(0, 0)))
    _keep_inside(window, QRect(window.pos(), window.size().grownBy(frame)), available)


def _keep_inside(window: QWidget, outer: QRect, available: QRect) -> None:
    target = inside(outer, available)
    if target != outer.topLeft():
        window.move(target)


class _ScreenFit(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Show or event.spontaneous():
            return False
        if (
            isinstance(watched, QWidget)
            and watched.isWindow()
            and watched.windowType() in _WINDOW_TYPES
        ):
            fit_to_screen(watched)
        return False


_filter: _ScreenFit | None = None


def install(app: QGuiApplication) -> None:
    """Fit every window the application shows from now on (once per application)."""
    global _filter
    try:
        if _filter is not None and _filter.parent() is app:
            return
    except RuntimeError:  # the application it was installed in has gone
        pass
    _filter = _ScreenFit(app)
    app.installEventFilter(_filter)


class _FocusFollower(QObject):
    """Scrolls a scroll area to the field that takes the focus, however it came there.

    Qt scrolls only when Tab moves between fields inside the area: focus arriving from
    outside it (Shift+Tab from the buttons below, Tab wrapping round from the last button)
    stayed out of sight, and what was typed went into a field nobody could see."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # The focus moves while a dialog is being deleted (a completer's list closing): the
        # area may be gone already, this follower (its child) not yet.
        if not shiboken6.isValid(self._area):
            return
        content = self._area.widget()
        if new is None or content is None or not content.isAncestorOf(new):
            return
        if old is not None and content.isAncestorOf(old):
            return  # from field to field inside: Qt's own scrolling does it
        self._area.ensureWidgetVisible(new)


def follow_focus(area: QScrollArea) -> None:
    """Keep the focused field of ``area`` in sight (see :class:`_FocusFollower`)."""
    _FocusFollower(area)


class FitScrollArea(QScrollArea):
    """A frameless scroll area that asks for all the room its content wants but can do with
    a few lines of it: invisible on a screen with room, scrolling on one without.

    (QScrollArea's own size hint stops at 24 lines, so a dialog would scroll on any screen.)
    """

    def __init__(
        self,
        content: QWidget,
        parent: QWidget | None = None,
        minimum_height: int = SCROLL_MINIMUM_HEIGHT,
    ) -> None:
        super().__init__(parent)
        self._minimum_height = minimum_height
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop of its own: Tab goes from field to field, each scrolled into view.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(content)
        content.installEventFilter(self)
        follow_focus(self)

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        if content.hasHeightForWidth():
            hint.setHeight(max(hint.height(), content.heightForWidth(hint.width())))
        # Room for the vertical scroll bar a short screen shows: without it the bar took
        # the content's width, and a sideways bar appeared under fields cut on the right.
        hint.setWidth(hint.width() + self.verticalScrollBar().sizeHint().width() + ROUNDING_ROOM)
        margins = self.contentsMargins()
        return hint.grownBy(margins)

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        least = content.minimumSizeHint().expandedTo(content.minimumSize())
        bar = self.verticalScrollBar().sizeHint().width()
        margins = self.contentsMargins()
        return QSize(least.width() + bar, min(least.height(), self._minimum_height)).grownBy(
            margins
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The content grew or shrank (a hidden part shown): the dialog asks again.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)


def scrolling(
    content: QLayout | QWidget, minimum_height: int = SCROLL_MINIMUM_HEIGHT
) -> FitScrollArea:
    """``content`` (a layout, or a widget) in a :class:`FitScrollArea`, for a dialog's body:
    add it with stretch, and the dialog's buttons after it."""
    if isinstance(content, QLayout):
        holder = QWidget()
        content.setContentsMargins(0, 0, 0, 0)
        holder.setLayout(content)
        content = holder
    return FitScrollArea(content, minimum_height=minimum_height)
