"""``Navigator``: the stack of screens, addressed by name, with a back history.

Each journey's ``open_ui`` (``kiosk.app.journeys``) registers its screens here
through ``KioskWindow.add_screen`` under unique names; the journey's presenter,
reading its machine's state, decides which one shows. The navigator never
decides that on its own.

A screen the first paint does not need may be registered by name with a builder
(:meth:`Navigator.add_lazy`): it is built the first time it is asked for (``get``,
``show_screen``) or when its owner builds it (after the first paint), and the builder
registers it with :meth:`Navigator.add` like any other. ``names`` lists it from the
start, in registration order.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSizePolicy, QStackedWidget, QWidget

from kiosk.ui.screens.base import Screen


class Navigator(QStackedWidget):
    """Screens by name.

    Signals:
        screenChanged(str): the name of the screen now showing.
    """

    screenChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScreenStack")
        # The window is the screen's size, full stop: a page that needs more room is
        # clipped (and reported by ``overflowing_screens``), it never grows the window.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._screens: dict[str, Screen | None] = {}  # None: registered, not built yet
        self._builders: dict[str, Callable[[], object]] = {}
        self._history: list[str] = []

    def add(self, screen: Screen, name: str | None = None) -> Screen:
        """Register ``screen`` under ``name`` (default ``screen.name``); ValueError if taken."""
        key = name or screen.name
        if self._screens.get(key) is not None:  # None: a lazy screen's slot, its builder adds it
            raise ValueError(f"a screen named {key!r} is already registered")
        self._builders.pop(key, None)
        self._screens[key] = screen
        self.addWidget(screen)
        return screen

    def add_lazy(self, name: str, build: Callable[[], object]) -> None:
        """Register screen ``name``, built by ``build`` on first use; ``build`` must
        :meth:`add` it under ``name``. ValueError if the name is taken."""
        if name in self._screens:
            raise ValueError(f"a screen named {name!r} is already registered")
        self._screens[name] = None
        self._builders[name] = build

    def is_built(self, name: str) -> bool:
        """Whether screen ``name`` exists yet (KeyError if unknown)."""
        return self._known(name) is not None

    def built_screens(self) -> tuple[Screen, ...]:
        """The screens built so far, in registration order."""
        return tuple(screen for screen in self._screens.values() if screen is not None)

    def get(self, name: str) -> Screen:
        """The screen registered as ``name`` (built now if it was not yet); KeyError
        names the known ones."""
        screen = self._known(name)
        if screen is None:
            self._builders[name]()
            screen = self._screens[name]
            if screen is None:
                raise RuntimeError(f"the builder of screen {name!r} did not add it")
        return screen

    def _known(self, name: str) -> Screen | None:
        try:
            return self._screens[name]
        except KeyError:
            raise KeyError(f"no screen {name!r}; known: {sorted(self._screens)}") from None

    def names(self) -> tuple[str, ...]:
        """Registered screen names, in registration order."""
        return tuple(self._screens)

    def show_screen(self, name: str, *, remember: bool = True) -> Screen:
        """Show screen ``name`` (KeyError if unknown) and emit ``screenChanged``."""
        screen = self.get(name)
        current = self.current_name()
        if current == name:
            return screen
        if remember and current is not None:
            self._history.append(current)
        self.setCurrentWidget(screen)
        self.screenChanged.emit(name)
        return screen

    def back(self) -> str | None:
        """Show the previous screen; returns its name, or None when there is none."""
        if not self._history:
            return None
        name = self._history.pop()
        self.show_screen(name, remember=False)
        return name

    def reset(self, name: str) -> None:
        """Show ``name`` and forget the history (a new customer)."""
        self._history.clear()
        self.show_screen(name, remember=False)

    def overflow(self) -> tuple[int, int]:
        """How many pixels (width, height) the current screen's layout lacks; (0, 0) if it fits."""
        screen = self.currentWidget()
        if screen is None:
            return (0, 0)
        need = screen.minimumSizeHint()
        return (max(need.width() - self.width(), 0), max(need.height() - self.height(), 0))

    def current_name(self) -> str | None:
        """The name of the screen showing, or None before the first one."""
        widget = self.currentWidget()
        for name, screen in self._screens.items():
            if screen is widget:
                return name
        return None
