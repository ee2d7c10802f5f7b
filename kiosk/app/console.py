"""A text front-end for a lane: the same controller as the touchscreen, driven by lines.

Used by ``kiosk demo --console`` on a machine without a screen, by the terminal that
started the GUI demo, and by the end-to-end tests (``kiosk demo --script FILE``). The
commands are :data:`COMMANDS` (``help`` prints them); a line that is no command is
scanned as a code.

Every command takes the path a person takes: a shopper's command submits the event the
shopper's touch submits, and the staff commands (``staff``, ``approve``, ``deny``,
``signout`` and the staff actions from ``close`` to ``totals``) go through the lane's
:class:`~kiosk.app.attendant.AttendantService`, so roles are checked, the audit is written
and an unknown payment is asked about again. In the demo ``approve`` / ``deny`` sign the
demo attendant in for that one verdict when nobody is signed in. A command that is
refused prints one line saying why; the lane keeps running. The staff commands live in
:mod:`kiosk.app.console_staff`.
"""

from __future__ import annotations

import textwrap
import threading
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from kiosk import clock as kiosk_clock
from kiosk.app.attendant import AttendantError, NotSignedIn, SignInFailed
from kiosk.app.console_staff import ConsoleError, StaffCommands
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout.events import (
    Cancelled,
    Event,
    HelpRequested,
    ItemScanned,
    PayRequested,
    QuantityChanged,
    RequestWithdrawn,
    VoidRequested,
)
from kiosk.domain.checkout.interventions import withdrawable
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.checkout.states import Phase
from kiosk.domain.feedback import (
    FACE_RATINGS,
    NPS_REASONS,
    FeedbackRefused,
    nps_reasons,
    nps_score,
)
from kiosk.store.errors import StoreError

Out = Callable[[str], None]
MAX_BAGS = 9  # of each bag, as the bag question's + button allows

#: (command, what it does), in the order ``help`` lists them.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("CODE", "scan CODE at the item scanner (a staff badge signs its owner in)"),
    ("weigh GRAMS [moving]", "put GRAMS on the scale"),
    ("bag GRAMS [moving]", "the bagging area's scale shows GRAMS in all ([bagging] enabled)"),
    ("skip-bagging", "touch 'Skip bagging' for the heavy or large item waiting"),
    ("bags N [M...]", "answer 'Do you need bags?' ([lane] bag_prompt): N of the first of "
     "[lane] bag_skus, M of the second... (at most 9 each); `bags none`: 'No bags, thanks'"),
    ("pay", "press Pay"),
    ("call", "press Help: the shopper calls the attendant"),
    ("void LINE", "the shopper asks to remove line LINE (staff approve)"),
    ("quantity LINE N", "the shopper sets line LINE to N (fewer: staff approve)"),
    ("cancel", "the shopper's Cancel: of the weighing, of the card payment, of their own "
     "call or remove-item request; while shopping, abandon the basket"),
    ("receipt", "print the last receipt"),
    ("rate N", "on the thank-you screen, touch face N: 1 not good, 2 OK, 3 great (sent to HQ "
     "as 1, 3, 5)"),
    ("nps N [REASON...]", "answer 'How likely are you to recommend us?' with 0-10 and "
     "reasons (" + ", ".join(NPS_REASONS) + "); '-- TEXT' after them adds a short comment"),
    ("next", "thank-you done: back to idle for the next customer"),
    ("staff BADGE", "sign in at the attendant screen with a staff badge"),
    ("staff ID PIN", "sign in with a staff id and PIN"),
    ("staff", "who is signed in"),
    ("approve [YYYY-MM-DD|CODE]", "staff approve what is pending: an age check (ID seen, or "
     "the date of birth), an unknown item (its code), a payment (it was paid), a device "
     "fault (cleared)..."),
    ("deny", "staff refuse what is pending (payment: it was not paid)"),
    ("signout", "end the staff session"),
    ("close [REASON]", "staff close the lane (it takes no new shopper); open opens it"),
    ("open", "staff open the lane again"),
    ("suspend [REASON]", "staff pause the lane, keeping the open basket; resume lifts it"),
    ("resume", "staff lift the pause: the kept basket is the lane's again"),
    ("cancel-basket [REASON]", "staff cancel the open basket (stored as a cancelled sale)"),
    ("reprint", "staff print the last receipt again"),
    ("devices", "staff see every device's status"),
    ("totals", "staff see today's sales of this lane"),
    ("status", "show the basket and who is signed in"),
    ("wait PHASE [SECONDS]", "wait until the checkout is in PHASE (idle, shopping, ...; "
     "bagged: every item sold is in the bagging area)"),
    ("expect KEY [SECONDS]", "wait until the screen shows message KEY"),
    ("items N [SECONDS]", "wait until the basket holds N items (a '2 x' line counts 2): scans "
     "reach the lane through the scanner, and an item put aside or with its age check due "
     "at Pay does not stop the lane, so a script waits for them before it goes on"),
    ("synced [SECONDS]", "wait until every sale and audit row has reached HQ"),
    ("help", "this list"),
    ("quit", "stop reading commands (without a window, the lane stops too)"),
)  # fmt: skip


def help_text(indent: str = "  ", columns: int = 100) -> str:
    """The command list: each command and what it does (wrapped at ``columns``)."""
    width = max(len(command) for command, _ in COMMANDS)
    hang = " " * (len(indent) + width + 2)
    return "\n".join(
        textwrap.fill(
            what,
            columns,
            initial_indent=f"{indent}{command:<{width}}  ",
            subsequent_indent=hang,
        )
        for command, what in COMMANDS
    )


class LaneConsole:
    """Feeds text commands to a lane and prints what happens.

    Args:
        lane: a :class:`kiosk.app.wiring.Lane` (its ``attendant`` serves the staff commands).
        out: where lines go.
        scan: how a code reaches the lane (default: straight to the controller; the demo
            passes its simulated scanner).
        weigh: how a weight reaches the lane (default: straight to the controller).
        bag: how a bagging-area weight reaches the lane (default: straight to the controller).
        demo_staff: (staff id, PIN) that ``approve`` / ``deny`` sign in for one verdict
            when nobody is signed in.
        badges: sign in staff badges scanned at the item scanner (when no attendant
            screen does).
    """

    def __init__(
        self,
        lane: Any,
        out: Out = print,
        *,
        scan: Callable[[str], None] | None = None,
        weigh: Callable[[int, bool], None] | None = None,
        bag: Callable[[int, bool], None] | None = None,
        demo_staff: tuple[str, str] | None = None,
        badges: bool = False,
    ) -> None:
        self.lane = lane
        self.controller = lane.controller
        self.out = out
        self.scan = scan or self.controller.scan
        self.weigh = weigh or (lambda grams, moving: self.controller.weight(grams, not moving))
        self.bag = bag or (lambda grams, moving: self.controller.bag_weight(grams, not moving))
        self.staff = StaffCommands(
            getattr(lane, "attendant", None), lambda: self.controller.checkout, out, demo_staff
        )
        self._changed = threading.Condition()
        # Message keys shown since the last ``expect`` consumed them (in order).
        self._shown: list[str] = []
        self.controller.listeners.append(self._on_change)
        if badges:
            lane.badge_listeners.append(self.staff.badge_scanned)
        self._commands: dict[str, Callable[[list[str]], bool | None]] = {
            "pay": lambda rest: self.controller.submit(PayRequested),
            "weigh": self._weigh,
            "bag": self._bag,
            "skip-bagging": lambda rest: self.controller.skip_bagging(),
            "bags": self._bags,
            "call": lambda rest: self.controller.submit(HelpRequested),
            "void": self._void,
            "quantity": self._quantity,
            "cancel": self._cancel,
            "receipt": lambda rest: self.controller.print_receipt(),
            "rate": self._rate,
            "nps": self._nps,
            "next": lambda rest: self.controller.reset(),
            "status": lambda rest: self.out(self._status()),
            "wait": self._wait,
            "expect": self._expect,
            "items": self._items,
            "synced": self._synced,
            "help": lambda rest: self.out(help_text()),
            **self.staff.handlers(),
        }

    @property
    def words(self) -> frozenset[str]:
        """The command words this console knows (``help`` lists them in :data:`COMMANDS`)."""
        return frozenset(self._commands) | {"quit"}

    # -- what the lane shows ---------------------------------------------------------

    def _on_change(self, checkout: Checkout, effects: list[Any]) -> None:
        for effect in effects:
            text = describe(effect)
            if text:
                self.out(text)
        with self._changed:
            self._shown.extend(e.key for e in effects if isinstance(e, fx.ShowMessage))
            self._changed.notify_all()

    def wait_for(self, phase: str, timeout: float = 30.0) -> bool:
        """Block until the checkout's phase is ``phase`` (by name)."""

        def reached() -> bool:
            checkout = self.controller.checkout
            if phase.lower() == "bagged":  # nothing waits to be placed and no alarm is open
                return checkout.bagging is None or checkout.bagging.settled
            return bool(checkout.phase.value == phase.lower())

        with self._changed:
            return self._changed.wait_for(reached, timeout)

    def expect(self, key: str, timeout: float = 30.0) -> bool:
        """Block until message ``key`` is shown; it and the messages before it are consumed.

        Scans reach the lane through a device, so a script cannot tell when one was
        handled; this lets it wait for the answer before it goes on.
        """

        def shown() -> bool:
            return key in self._shown

        with self._changed:
            if not self._changed.wait_for(shown, timeout):
                return False
            del self._shown[: self._shown.index(key) + 1]
            return True

    def wait_synced(self, timeout: float) -> bool:
        """Block until the outbox has nothing left to send (polling the lane's own file).

        Raises:
            ConsoleError: HQ refused some rows (dead letters): they will never arrive.
        """
        from kiosk.store.db import connect
        from kiosk.store.sync_state import dead_letter_count, pending_count

        conn = connect(self.lane.config.store.path, migrate=False)
        deadline = kiosk_clock.monotonic() + timeout
        try:
            while kiosk_clock.monotonic() < deadline:
                if pending_count(conn) == 0:
                    dead = dead_letter_count(conn)
                    if dead:
                        raise ConsoleError(f"HQ refused {dead} record(s): see `kiosk sync status`")
                    return True
                if self.lane.sync is not None:
                    self.lane.sync.wake()
                time.sleep(0.1)
            return False
        finally:
            conn.close()

    # -- running commands ------------------------------------------------------------

    def run(self, lines: Iterable[str]) -> int:
        """Execute commands until ``quit`` or the end of input; return an exit status
        (1 if a ``wait``, ``expect`` or ``synced`` timed out)."""
        for raw in lines:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line == "quit":
                break
            if not self.command(line):
                return 1
        return 0

    def command(self, line: str) -> bool:
        """Run one command (a line that is no command is scanned); False if a wait timed
        out. A refused or mistyped command prints one line and returns True."""
        word, *rest = line.split()
        handler = self._commands.get(word)
        if handler is None:
            self.scan(line)
            return True
        try:
            return handler(rest) is not False
        except ConsoleError as error:
            self.out(f"  {error}")
        except SignInFailed as error:
            self.out(f"  sign-in failed: {error}")
        except NotSignedIn as error:
            self.out(f"  {error}: sign in with `staff BADGE` or `staff ID PIN`")
        except AttendantError as error:
            self.out(f"  refused: {error}")
        except StoreError as error:
            self.out(f"  the lane store failed: {error}")
        return True

    # -- the shopper -----------------------------------------------------------------

    def _weigh(self, rest: list[str]) -> None:
        grams = _number(rest, 0, "weigh GRAMS [moving]")
        self.weigh(grams, "moving" in rest[1:])

    def _bag(self, rest: list[str]) -> None:
        grams = _number(rest, 0, "bag GRAMS [moving]")
        self.bag(grams, "moving" in rest[1:])

    def _bags(self, rest: list[str]) -> None:
        """The bag question's answer, as the touchscreen gives it: each bag type chosen is
        one ``ItemScanned`` with its count (a basket line "N x Paper bag")."""
        usage = "bags none | bags N [M...]"
        config = getattr(self.lane, "config", None)
        skus = tuple(config.lane.bag_skus) if config and config.lane.bag_prompt else ()
        if not skus:
            raise ConsoleError("this lane asks no bag question ([lane] bag_prompt, bag_skus)")
        if rest == ["none"]:
            self.out("  no bags, thanks")
            return
        counts = [_number(rest, n, usage) for n in range(max(1, len(rest)))]
        if len(counts) > len(skus) or not all(0 <= c <= MAX_BAGS for c in counts):
            raise ConsoleError(f"usage: {usage} (0-{MAX_BAGS} of each of {', '.join(skus)})")
        controller = self.controller

        def job() -> None:
            if controller.checkout.phase not in (Phase.IDLE, Phase.SHOPPING):
                self.out(f"  not done: the lane is {controller.checkout.phase.value} now")
                return
            for sku, count in zip(skus, counts, strict=False):
                try:
                    item = controller.catalog.get(sku) if count else None
                except StoreError as error:
                    self.out(f"  the lane store failed: {error}")
                    return
                if item is None:
                    if count:
                        self.out(f"  bag {sku} is not in the catalog")
                    continue
                code = item.gtins[0] if item.gtins else item.plu or item.sku
                controller.handle(ItemScanned(item, code, controller.clock(), quantity=count))

        controller.call(job)

    def _void(self, rest: list[str]) -> None:
        line_no = _number(rest, 0, "void LINE")
        self.controller.submit(lambda at: VoidRequested(line_no, at))

    def _quantity(self, rest: list[str]) -> None:
        line_no = _number(rest, 0, "quantity LINE N")
        quantity = _number(rest, 1, "quantity LINE N")
        self.controller.submit(lambda at: QuantityChanged(line_no, quantity, at))

    def _cancel(self, rest: list[str]) -> None:
        """The shopper's Cancel: of the weighing, of the payment (the pay screen's
        button), of their own help call or remove-item request, or of the whole basket
        while shopping."""
        checkout = self.controller.checkout
        phase = checkout.phase.value
        if phase == "shopping" and not checkout.basket.active_lines:
            raise ConsoleError("the basket is empty: nothing to cancel")
        if phase == "intervention" and withdrawable(checkout.pending):
            self._submit_in(phase, RequestWithdrawn)  # the shopper takes their request back
            return
        if phase == "intervention" and checkout.pending is not None:
            raise ConsoleError(
                f"the lane waits for staff ({checkout.pending.kind.value}): "
                "`approve` or `deny` first"
            )
        if phase not in ("shopping", "weighing", "paying"):
            raise ConsoleError(f"nothing to cancel while {phase}")
        self._submit_in(phase, Cancelled)

    def _feedback(self) -> Any:
        """The lane's service-event recorder, once the thank-you screen is up."""
        recorder = getattr(self.lane, "service_events", None)
        if recorder is None:
            raise ConsoleError("this lane records no feedback")
        phase = self.controller.checkout.phase.value
        if phase != "finished":
            raise ConsoleError(f"feedback is given on the thank-you screen, not while {phase}")
        return recorder

    def _rate(self, rest: list[str]) -> None:
        """The thank-you screen's faces: 1 (not good), 2 (OK), 3 (great)."""
        face = _number(rest, 0, "rate N (1-3)")
        if face not in FACE_RATINGS:
            raise ConsoleError(f"usage: rate N (1-3): there is no face {face}")
        self._feedback().rating(face)
        self.out(f"  rated {face} of 3")

    def _nps(self, rest: list[str]) -> None:
        """The sampled "would you recommend us" question: a score, reasons, a comment."""
        score, reasons, comment = parse_nps(rest)
        try:
            self._feedback().nps(score, reasons, comment)
        except FeedbackRefused as error:
            raise ConsoleError(f"not taken: {error}") from None
        self.out(f"  answered {score} of 10" + (f" ({', '.join(reasons)})" if reasons else ""))

    def _submit_in(self, phase: str, make_event: Callable[[datetime], Event]) -> None:
        """Submit only if the lane is still in ``phase`` when the event is handled (as the
        touchscreen does): a Cancelled meant for a payment must never cancel the basket."""
        controller = self.controller

        def job() -> None:
            if controller.checkout.phase.value == phase:
                controller.handle(make_event(controller.clock()))
            else:
                self.out(f"  not done: the lane is {controller.checkout.phase.value} now")

        controller.call(job)

    # -- waiting ---------------------------------------------------------------------

    def _wait(self, rest: list[str]) -> bool:
        phase = _word(rest, 0, "wait PHASE [SECONDS]")
        if self.wait_for(phase, _seconds(rest, 1)):
            return True
        now = self.controller.checkout.phase.value
        self.out(f"timed out waiting for {phase} (now {now})")
        return False

    def _expect(self, rest: list[str]) -> bool:
        key = _word(rest, 0, "expect KEY [SECONDS]")
        if self.expect(key, _seconds(rest, 1)):
            return True
        self.out(f"timed out waiting for message {key}")
        return False

    def _items(self, rest: list[str]) -> bool:
        count = _number(rest, 0, "items N [SECONDS]")

        def counted() -> bool:
            lines = self.controller.checkout.basket.lines
            return bool(sum(ln.quantity for ln in lines if not ln.voided) == count)

        with self._changed:
            if self._changed.wait_for(counted, _seconds(rest, 1)):
                return True
        self.out(
            f"timed out waiting for {count} items (now {basket_text(self.controller.checkout)})"
        )
        return False

    def _synced(self, rest: list[str]) -> bool:
        try:
            synced = self.wait_synced(_seconds(rest, 0))
        except ConsoleError as error:
            self.out(f"  {error}")
            return False
        if not synced:
            self.out("timed out waiting for HQ to receive every sale")
            return False
        self.out("  every sale has reached HQ")
        return True

    def _status(self) -> str:
        return f"{basket_text(self.controller.checkout)}\n  {self.staff.status_line()}"


def parse_nps(rest: list[str]) -> tuple[int, list[str], str]:
    """The words after ``nps``: (score 0-10, reasons, comment after ``--``).

    Raises:
        ConsoleError: no whole number 0-10 first, or a word that names no reason (the
            message lists them).
    """
    usage = "nps N [REASON...] [-- COMMENT]"
    score = _number(rest, 0, usage)
    words = rest[1:]
    cut = words.index("--") if "--" in words else len(words)
    reasons, comment = words[:cut], " ".join(words[cut + 1 :])
    try:
        return nps_score(score), nps_reasons(reasons), comment
    except FeedbackRefused as error:
        raise ConsoleError(f"usage: {usage}: {error}") from None


def _word(rest: list[str], index: int, usage: str) -> str:
    if len(rest) <= index:
        raise ConsoleError(f"usage: {usage}")
    return rest[index]


def _number(rest: list[str], index: int, usage: str) -> int:
    text = _word(rest, index, usage)
    try:
        return int(text)
    except ValueError:
        raise ConsoleError(f"usage: {usage} ({text!r} is not a whole number)") from None


def _seconds(rest: list[str], index: int, default: float = 30.0) -> float:
    if len(rest) <= index:
        return default
    try:
        return float(rest[index])
    except ValueError:
        raise ConsoleError(f"{rest[index]!r} is not a number of seconds") from None


def describe(effect: Any) -> str:
    """One line for the console about an effect, or "" for the quiet ones."""
    if isinstance(effect, fx.JournalLine):
        line = effect.line
        state = "voided" if line.voided else f"{line.quantity} x"
        return f"  line {line.line_no}: {state} {line.item.name('en')}  {line.amount}"
    if isinstance(effect, fx.CallAttendant):
        return f"  ATTENDANT: {effect.kind.value} {effect.detail}".rstrip()
    if isinstance(effect, fx.ShowMessage):
        params = ", ".join(f"{k}={v}" for k, v in effect.params)
        return f"  screen: {effect.key} {params}".rstrip()
    if isinstance(effect, fx.StartPayment):
        return f"  card terminal: pay {effect.amount}"
    if isinstance(effect, fx.CommitSale):
        return f"  sale committed: {effect.sale.totals.total} ({effect.sale.status})"
    return ""


def basket_text(checkout: Checkout) -> str:
    lines = [f"phase {checkout.phase.value}, basket {checkout.basket.basket_id}"]
    for line in checkout.basket.lines:
        mark = "  (void)" if line.voided else ""
        lines.append(f"  {line.line_no:>3} {line.item.name('en'):<32} {line.amount}{mark}")
    lines.append(f"  total {checkout.totals().total}")
    return "\n".join(lines)
