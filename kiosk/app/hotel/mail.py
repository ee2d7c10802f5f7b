"""Guests' e-mails (registration card, invoice, room ready): composed, queued in the lane
store, sent in the background through the configured SMTP server.

Theory of operation. The runner hands :meth:`MailQueue.send` an
``EmailRegistrationCard`` or ``EmailInvoice`` effect on its thread. The address is
checked first (:func:`kiosk.backoffice.mail.smtp.check_address`: a
:class:`MailAddressError` naming what is wrong, nothing queued); the message is
composed whole (RFC 5322, ``Message-ID`` set) and committed to ``mail_out``
(:mod:`kiosk.store.hotel_queues`) before the background sender is woken, so a
network that is down or a crash loses nothing. :meth:`MailQueue.run_once` (the
sender's round, :mod:`kiosk.app.hotel.background`) sends what is queued in one SMTP
session: accepted -> ``sent`` (the message emptied), refused for good (5xx) ->
``failed`` for the front desk, anything else -> tried again next round. A message
the server accepted but whose acceptance the lane did not hear (a crash, a dropped
connection after ``DATA``) is sent again: at least once, the same ``Message-ID``.

The registration card goes as a PNG of exactly what the receipt printer prints
(:func:`kiosk.app.hotel.ports.registration_card_bytes` drawn by the printer
simulator's renderer) with the guest's signature image; the invoice as text and
HTML. Addresses are never logged.
"""

from __future__ import annotations

import html
import logging
import secrets
import threading
from collections.abc import Callable
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid, parseaddr
from typing import Any

from kiosk.app.hotel.ports import registration_card_bytes
from kiosk.backoffice.mail.smtp import MailError, SmtpSender, SmtpSettings, check_address
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel.pms import Folio, FolioLineKind
from kiosk.domain.money import Money
from kiosk.store import hotel_queues as q

log = logging.getLogger(__name__)


class MailAddressError(ValueError):
    """The guest's address cannot take an e-mail (the message says why)."""


def card_png(
    card: fx.RegistrationCard, hotel: str, terms: str, signature: bytes | None = None
) -> bytes:
    """The registration card as the receipt printer would print it, as a PNG, with the
    guest's ``signature`` (PNG) drawn under it when it is a readable image."""
    from kiosk.devices.printer.interpreter import EscposInterpreter
    from kiosk.devices.printer.png import ReceiptCanvas, to_png

    canvas = ReceiptCanvas(42)
    pages = canvas.apply(EscposInterpreter().feed(registration_card_bytes(card, hotel, terms)))
    page = pages[0] if pages else canvas.finish()
    if signature:
        page = _with_signature(page, signature)
    return to_png(page)


def _with_signature(page: Any, signature: bytes) -> Any:
    """``page`` with the signature image pasted at its foot (unchanged if unreadable)."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        drawn = Image.open(io.BytesIO(signature)).convert("L")
    except (UnidentifiedImageError, OSError, ValueError):
        log.warning("signature image not readable: the card goes without it")
        return page
    width = page.width - 32
    scale = min(1.0, width / max(drawn.width, 1))
    drawn = drawn.resize((max(int(drawn.width * scale), 1), max(int(drawn.height * scale), 1)))
    whole = Image.new("L", (page.width, page.height + drawn.height + 16), 255)
    whole.paste(page, (0, 0))
    whole.paste(drawn, (16, page.height))
    return whole


def _amount(money: Money) -> str:
    sign = "-" if money.minor < 0 else ""
    units, cents = divmod(abs(money.minor), 100)
    return f"{sign}{units}.{cents:02d} {money.currency}"


def invoice_rows(folio: Folio) -> list[tuple[str, str]]:
    """(description, amount) per folio line, then the totals."""
    rows = []
    for line in folio.lines:
        amount = line.amount if line.kind is not FolioLineKind.PAYMENT else -line.amount
        rows.append((line.description, _amount(amount)))
    rows += [
        ("TOTAL", _amount(folio.charges)),
        ("PAID", _amount(folio.payments)),
        ("BALANCE", _amount(folio.balance)),
    ]
    return rows


class MailQueue:
    """Composes, queues and sends guests' e-mails (see the module docstring).

    Args:
        connect: opens a store connection (the queue takes one for the runner's thread
            and one for the sender's).
        smtp: the server (``[hotel] smtp_*``); an empty host keeps everything queued.
        hotel: the hotel's name (the sender's display name, the subject).
        terms: the registration card's terms in a language.
        signature: the stored signature image (PNG) by its reference, or None.
    """

    def __init__(
        self,
        connect: Callable[[], Any],
        smtp: SmtpSettings,
        *,
        hotel: str,
        terms: Callable[[str], str],
        signature: Callable[[str], bytes | None] | None = None,
    ) -> None:
        self.front, self.back = connect(), connect()
        self.smtp, self.hotel, self.terms, self.signature = smtp, hotel, terms, signature
        self.sender = SmtpSender(smtp)
        self.wake: Callable[[], None] = lambda: None
        self._front_lock = threading.Lock()
        self._round = threading.Lock()  # one round at a time, whoever calls it

    # -- the runner's side ---------------------------------------------------------------
    def send(self, effect: fx.EmailRegistrationCard | fx.EmailInvoice) -> str:
        """Queue the e-mail ``effect`` asks for and wake the sender; returns its id.

        Raises:
            MailAddressError: the address cannot take an e-mail (nothing queued).
            StoreError: it could not be queued.
        """
        problem = check_address(effect.email)
        if problem is not None:
            raise MailAddressError(problem)
        recipient = effect.email.strip()
        if isinstance(effect, fx.EmailRegistrationCard):
            kind, stay, message = "registration_card", effect.card.stay_id, self._card(effect)
        else:
            kind, stay, message = "invoice", effect.folio.stay_id, self._invoice(effect)
        message["To"] = recipient
        mail_id = f"{kind}:{stay}:{secrets.token_hex(6)}"
        with self._front_lock:
            q.queue_mail(self.front, mail_id, kind, recipient, message.as_bytes(policy=SMTP))
        log.info("e-mail %s queued", mail_id)
        self.wake()
        return mail_id

    def send_room_ready(self, stay_id: str, recipient: str, room: str) -> str:
        """Queue "your room is ready" for ``stay_id`` and wake the sender; its id is the
        stay's, so asking twice (a round repeated after a crash) queues it once.

        Raises:
            MailAddressError: the address cannot take an e-mail (nothing queued).
            StoreError: it could not be queued.
        """
        problem = check_address(recipient)
        if problem is not None:
            raise MailAddressError(problem)
        message = self._message(f"{self.hotel}: your room is ready")
        where = f"Room {room} is" if room else "Your room is"
        message.set_content(
            f"{where} ready: your luggage is waiting for you at the front desk.\n\n"
            f"Welcome to {self.hotel}."
        )
        message["To"] = recipient.strip()
        mail_id = f"room_ready:{stay_id}"
        with self._front_lock:
            q.queue_mail(self.front, mail_id, "room_ready", recipient.strip(),
                         message.as_bytes(policy=SMTP))  # fmt: skip
        log.info("e-mail %s queued", mail_id)
        self.wake()
        return mail_id

    def queued(self, state: str | None = "queued") -> list[q.QueuedMail]:
        with self._front_lock:
            return q.queued_mail(self.front, state)

    def _message(self, subject: str) -> EmailMessage:
        message = EmailMessage()
        sender = self.smtp.sender or f"{self.hotel} <kiosk@localhost>"
        domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
        message["From"] = sender
        message["Subject"] = subject
        message["Date"] = formatdate(localtime=False, usegmt=True)
        message["Message-ID"] = make_msgid("kiosk", domain=domain)
        return message

    def _card(self, effect: fx.EmailRegistrationCard) -> EmailMessage:
        card = effect.card
        message = self._message(f"{self.hotel}: your registration card {card.confirmation_number}")
        lines = [
            f"Thank you for staying at {self.hotel}.",
            "",
            f"Confirmation: {card.confirmation_number}",
            f"Arrival: {card.arrival.isoformat()}",
            f"Departure: {card.departure.isoformat()}",
            f"Room type: {card.room_type}",
            "Guests: " + ", ".join(card.guest_names),
            "",
            "Your signed registration card is attached.",
        ]
        message.set_content("\n".join(lines))
        terms = self.terms(card.language)
        png = card_png(card, self.hotel, terms)
        message.add_attachment(
            png, maintype="image", subtype="png", filename="registration-card.png"
        )
        image = (
            self.signature(card.signature_ref) if self.signature and card.signature_ref else None
        )
        if image:
            message.add_attachment(image, maintype="image", subtype="png", filename="signature.png")
        return message

    def _invoice(self, effect: fx.EmailInvoice) -> EmailMessage:
        folio = effect.folio
        message = self._message(f"{self.hotel}: your invoice")
        rows = invoice_rows(folio)
        width = max(len(d) for d, _ in rows) + 2
        text = [f"{self.hotel}", "INVOICE", f"Stay {folio.stay_id}", ""]
        text += [f"{d:<{width}}{a:>16}" for d, a in rows]
        message.set_content("\n".join(text))
        cells = "".join(
            f"<tr><td>{html.escape(d)}</td><td style='text-align:right'>{html.escape(a)}</td></tr>"
            for d, a in rows
        )
        message.add_alternative(
            f"<html><body><h1>{html.escape(self.hotel)}</h1><h2>Invoice</h2>"
            f"<p>Stay {html.escape(folio.stay_id)}</p><table>{cells}</table></body></html>",
            subtype="html",
        )
        return message

    # -- the sender's side ---------------------------------------------------------------
    def run_once(self) -> int:
        """Send every queued e-mail once (the sender's round); returns how many are left."""
        with self._round:  # two rounds at once would send the same rows twice
            return self._run_once()

    def _run_once(self) -> int:
        waiting = q.queued_mail(self.back)
        if not waiting:
            return 0
        if not self.smtp.host:
            return len(waiting)  # kept until a server is configured
        try:
            answers = self.sender.send([(m.recipient, m.message) for m in waiting])
        except MailError as error:
            log.warning("e-mails not sent (%d queued): %s", len(waiting), error)
            for mail in waiting:
                q.mail_attempted(self.back, mail.mail_id, str(error))
            return len(waiting)
        for mail, answer in zip(waiting, answers, strict=True):
            if answer is None:
                q.mail_sent(self.back, mail.mail_id)
                log.info("e-mail %s sent", mail.mail_id)
            elif answer.permanent:
                q.mail_failed(self.back, mail.mail_id, str(answer))
                log.error("e-mail %s refused for good: %s", mail.mail_id, answer)
            else:
                q.mail_attempted(self.back, mail.mail_id, str(answer))
        return len(q.queued_mail(self.back))


def smtp_settings(hotel: Any) -> SmtpSettings:
    """The SMTP settings of a ``[hotel]`` section."""
    return SmtpSettings(
        hotel.smtp_host,
        hotel.smtp_port,
        hotel.smtp_from,
        hotel.smtp_user,
        hotel.smtp_password,
        hotel.smtp_starttls,
    )
