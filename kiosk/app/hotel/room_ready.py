"""Telling a guest who left the luggage that the room is ready.

Theory of operation. A guest whose room was not ready may leave the luggage (the
machine's ``NotifyWhenRoomReady``, with the address of the stay's first guest who gave
one). :meth:`RoomReadyNotices.watch` (on the runner's thread) checks the address and
commits a ``room_notice`` row for the stay (:mod:`kiosk.store.hotel_queues`), then
wakes the background sender (:mod:`kiosk.app.hotel.background`). Each of the sender's
rounds, :meth:`RoomReadyNotices.run_once` asks the PMS for every stay still waiting
(``stay(stay_id)``: the room assigned and its housekeeping state, Mews
``resources/getAll``); a room clean or inspected queues "your room is ready" through
the guests' mail queue (:meth:`kiosk.app.hotel.mail.MailQueue.send_room_ready`, sent in
the same round) and ends the notice. The e-mail's id is the stay's, so a round repeated
after a crash queues it once. A PMS that cannot be asked is asked again next round
(``[hotel] mail_every_s``); a stay the PMS no longer knows, or an address the mail
queue refuses, ends the notice ``failed`` (logged for the front desk, never the
address). No address: nothing to watch (logged).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from kiosk.app.hotel.mail import MailAddressError
from kiosk.backoffice.mail.smtp import check_address
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel.pms import PmsError, PmsErrorKind
from kiosk.store import hotel_queues as q
from kiosk.store.errors import StoreError

log = logging.getLogger(__name__)


class RoomReadyNotices:
    """Room-ready e-mails (see the module docstring).

    Args:
        connect: opens a store connection (one for the runner's thread, one for the
            sender's).
        pms: the property management system (``stay(stay_id)``), used on the sender's
            thread only: give it a client of its own.
        mail: the guests' mail queue (``send_room_ready``).
    """

    def __init__(self, connect: Callable[[], Any], pms: Any, mail: Any) -> None:
        self.front, self.back = connect(), connect()
        self.pms, self.mail = pms, mail
        self.wake: Callable[[], None] = lambda: None
        self._front_lock = threading.Lock()
        self._round = threading.Lock()  # one round at a time, whoever calls it

    def watch(self, effect: fx.NotifyWhenRoomReady, language: str = "") -> bool:
        """Keep the notice of ``effect`` and wake the sender; False (logged) when there is
        no usable address or it could not be kept."""
        problem = check_address(effect.email) if effect.email else "no e-mail address"
        if problem is not None:
            log.warning("stay %s: room-ready notice not kept: %s", effect.stay_id, problem)
            return False
        try:
            with self._front_lock:
                q.watch_room(self.front, effect.stay_id, effect.email.strip(), language)
        except StoreError as error:
            log.error("stay %s: room-ready notice not kept: %s", effect.stay_id, error)
            return False
        log.info("stay %s: the guest is e-mailed when the room is ready", effect.stay_id)
        self.wake()
        return True

    def waiting(self) -> list[q.RoomNotice]:
        with self._front_lock:
            return q.room_notices(self.front)

    def run_once(self) -> int:
        """Ask the PMS about every stay waiting (the sender's round); how many still wait."""
        with self._round:  # two rounds at once would send the same rows twice
            return self._run_once()

    def _run_once(self) -> int:
        for notice in q.room_notices(self.back):
            try:
                self._check(notice)
            except Exception:  # one bad notice never stops the others
                log.exception("stay %s: room-ready notice failed", notice.stay_id)
        return len(q.room_notices(self.back))

    def _check(self, notice: q.RoomNotice) -> None:
        try:
            stay = self.pms.stay(notice.stay_id)
        except PmsError as error:
            if error.kind is PmsErrorKind.NOT_FOUND:
                q.room_notice_done(self.back, notice.stay_id, "failed", str(error))
                log.error("stay %s: room-ready notice dropped: %s", notice.stay_id, error)
            else:
                q.room_notice_done(self.back, notice.stay_id, "waiting", str(error))
            return
        room = stay.room
        if room is None or not room.ready:  # asked again next round
            state = "no room" if room is None else f"room {room.number} {room.state.value}"
            q.room_notice_done(self.back, notice.stay_id, "waiting", state)
            return
        try:
            self.mail.send_room_ready(notice.stay_id, notice.recipient, room.number)
        except MailAddressError as error:
            q.room_notice_done(self.back, notice.stay_id, "failed", str(error))
            log.error("stay %s: room-ready e-mail refused: %s", notice.stay_id, error)
            return
        q.room_notice_done(self.back, notice.stay_id, "sent")
        log.info("stay %s: room %s ready, the guest is e-mailed", notice.stay_id, room.number)
