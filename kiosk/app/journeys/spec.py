"""What a journey supplies to the lane shell, and what the shell hands it.

A *journey* is one thing a lane lets a person do (buy groceries, check in for a
flight, pick up a hotel key). The *shell* (``kiosk.app.wiring`` for the lane,
``kiosk.app.shell`` for the window) owns everything else: the store, devices,
sync, staff sign-in and the attendant screen, the window with its top bar,
languages, accessibility, help, idle and the order of layers.

Theory of operation: ``build_lane`` opens the shell's parts, then calls the
journey's :attr:`JourneySpec.build` with :class:`ShellServices`; the journey
returns :class:`JourneyParts` (its runner: the pure machine plus the thread that
performs its effects through the ports the journey built). If the journey has an
attendant desk, :attr:`JourneySpec.attendant` builds its service. The window
code calls :attr:`JourneySpec.open_ui` with a :class:`JourneyUiContext` to add
the journey's screens and presenter to the shell's window. Nothing here imports
Qt: ``open_ui`` imports its widgets when it is called.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from kiosk.config import KioskConfig
from kiosk.devices.base import Device

Clock = Callable[[], datetime]
#: What the runner broadcasts after every event: (the journey's state, its effects).
JourneyListener = Callable[[Any, list[Any]], None]


class JourneyRunner(Protocol):
    """What the shell drives in every journey: the machine on its own thread.

    Thread-safe: devices call :meth:`scan` and :meth:`weight` from their workers.
    ``accepting`` is False while staff have closed or paused the lane.
    """

    accepting: bool
    listeners: list[JourneyListener]

    def start(self) -> None:
        """Start the runner's thread (idempotent)."""

    def stop(self, timeout: float = 5.0) -> None:
        """Finish queued work and stop."""

    def scan(self, raw: str, aim: str | None = None) -> None:
        """A code read by a scanner (never a staff badge: the shell takes those)."""

    def weight(self, grams: int | None, stable: bool) -> None:
        """A scale reading."""

    def device_faulted(self, device: str, detail: str) -> None:
        """A required device failed: the journey calls the attendant."""

    def state_name(self) -> str:
        """A short name of the state (HQ's heartbeat shows it)."""

    def busy(self) -> bool:
        """True while a person is part-way through the journey."""


@dataclass(frozen=True)
class ShellServices:
    """What the shell opened before the journey is built.

    Attributes:
        config: the lane's whole configuration.
        conn: the lane store's connection (migrated, checked); the runner's thread owns it.
        devices: the enabled devices by name (not started yet).
        clock: the lane's one clock (aware UTC datetimes).
        connect: opens another connection on the lane store (for another thread).
        wake_sync: asks sync to upload now (a document was stored).
        service_events: the lane's ``ServiceEventRecorder`` (or None): a journey that
            commits a document stores its events in the same transaction
            (``service_events.store_with_sale(document)``).
    """

    config: KioskConfig
    conn: sqlite3.Connection
    devices: dict[str, Device]
    clock: Clock
    connect: Callable[[], sqlite3.Connection]
    wake_sync: Callable[[], None]
    service_events: Any = None


@dataclass
class JourneyParts:
    """What a journey's ``build`` returns.

    Attributes:
        runner: the journey's machine and the runner of its effects.
        catalog_view: a catalog on its own connection for the screens (or None).
        payment_flow: the card payment flow, when the journey takes payments.
        give_back_orphans: gives back card approvals whose transaction is gone; one
            line per one it still cannot (the attendant's "fault fixed").
        offers_changed: called (on the sync thread) after sync stored new offers from
            HQ; the journey re-reads them for its next basket (or None).
    """

    runner: JourneyRunner
    catalog_view: Any = None
    payment_flow: Any = None
    give_back_orphans: Callable[[], list[str]] = field(default=list)
    offers_changed: Callable[[], None] | None = None
    #: the journey's background helpers (``start()`` / ``stop()``), started with the lane
    extras: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class JourneyUiContext:
    """What the window code hands a journey's ``open_ui``.

    Attributes:
        lane: the built lane (``lane.controller`` is the journey's runner).
        window: the shell's ``KioskWindow`` (add screens with ``add_screen``).
        bridge: the window's one ``Bridge`` (worker threads -> UI thread).
        languages: the languages the lane offers (with a translation).
        options: journey-specific options a caller passes through (tests).
    """

    lane: Any
    window: Any
    bridge: Any
    languages: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)


class JourneyPresenter(Protocol):
    """What the shell asks of a journey's presenter (a ``QObject``).

    ``staffRequested`` is a Qt signal: the person asked for staff (the shell opens
    the attendant sign-in). ``set_lane_flags`` shows the lane closed / paused.
    """

    staffRequested: Any

    def set_lane_flags(self, closed: bool, paused: bool) -> None:
        """Staff closed, paused or reopened the lane."""

    def refresh(self) -> None:
        """Draw the journey again (the attendant screen closed)."""

    def detach(self) -> None:
        """Stop listening to the runner (the window is closing)."""


@dataclass(frozen=True)
class JourneyUi:
    """What ``open_ui`` returns: the presenter, the screens and the optional hooks.

    Attributes:
        presenter: the journey's presenter (see :class:`JourneyPresenter`).
        screens: the journey's screens (tests read them).
        scale_reading: where the shell sends scale readings on the UI side (or None).
        beeped: a Qt signal ``(bool)`` the shell turns into the platform beep (or None).
    """

    presenter: Any
    screens: Any = None
    scale_reading: Callable[[int, bool], None] | None = None
    beeped: Any = None


@dataclass(frozen=True)
class DeskContext:
    """What the shell hands a journey's ``desk_ui`` (its agent desk on the staff layer).

    Attributes:
        lane: the built lane (``lane.controller`` is the journey's runner).
        service: the journey's attendant service (``lane.attendant``), which signs staff
            in (``kiosk.attendant_api.StaffSignIn``) and takes the desk's actions.
        window: the shell's ``KioskWindow``.
        bridge: the window's one ``Bridge``.
        staff: the shell's staff layer (``kiosk.ui.desk.StaffLayer``): the desk calls
            ``staff.close()`` to sign out and ``staff.action_failed(error)`` when a call
            failed (a session that timed out goes back to the sign-in).
    """

    lane: Any
    service: Any
    window: Any
    bridge: Any
    staff: Any


@dataclass(frozen=True)
class DeskUi:
    """What ``desk_ui`` returns: the desk screen the shell puts on its staff layer.

    Attributes:
        screen: a ``Screen`` (its ``name`` unique on the staff layer).
        refresh: draws the desk from the service's state (UI thread, no I/O); the shell
            calls it when a staff member signed in and whenever the journey changed.
        presenter: the desk's presenter (tests read it), or None.
    """

    screen: Any
    refresh: Callable[[], None]
    presenter: Any = None


@dataclass(frozen=True)
class JourneySpec:
    """One journey, as the registry knows it.

    Attributes:
        mode: the ``lane.mode`` value that picks it (an identifier).
        summary: one line for people (``kiosk`` lists the journeys with it).
        build: makes the machine, its runner and the ports it needs.
        open_ui: adds its screens and presenter to the shell's window (imports Qt).
        attendant: builds the attendant desk's service for a built lane
            ``(lane, staff_repository, audit_log, clock)``; None: no attendant actions.
        document_kinds: the outbox kinds it sends to HQ (each a key of
            ``kiosk.sync.client.UPLOADS``).
        desk_ui: opens the journey's own agent desk behind the shell's staff sign-in
            (imports Qt); None: the self-checkout's attendant dashboard.
    """

    mode: str
    summary: str
    build: Callable[[ShellServices], JourneyParts]
    open_ui: Callable[[JourneyUiContext], JourneyUi]
    attendant: Callable[[Any, Any, Any, Clock], Any] | None = None
    document_kinds: tuple[str, ...] = ()
    desk_ui: Callable[[DeskContext], DeskUi] | None = None
