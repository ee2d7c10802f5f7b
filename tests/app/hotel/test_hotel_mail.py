"""Guests' e-mails (kiosk.app.hotel.mail) over real SMTP to the mail sink
(kiosk.backoffice.mail.sim, aiosmtpd on 127.0.0.1), queued in a real lane store.

GIVEN a registration card and an invoice to e-mail, WHEN the server is up, THEN each
arrives whole (the card's PNG and the signature attached, the invoice as text and
HTML); WHEN it is down, THEN they stay queued, nothing is lost, and they go once it is
back; a bad address is refused with a clear reason and nothing queued; a recipient the
server refuses for good is kept as failed.
"""

from __future__ import annotations

import email
import email.policy
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.app.hotel.background import HotelSender
from kiosk.app.hotel.mail import MailAddressError, MailQueue
from kiosk.backoffice.mail.sim import REFUSED_DOMAIN, MailSink, free_port
from kiosk.backoffice.mail.smtp import SmtpSettings, check_address
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel.pms import Folio, FolioLine, FolioLineKind
from kiosk.domain.money import Money
from kiosk.store.db import connect

PNG = b"\x89PNG\r\n\x1a\n" + b"signature pixels"
CARD = fx.RegistrationCard(
    stay_id="S1",
    confirmation_number="4701",
    guest_names=("MUSTERMANN ERIKA", "MUSTERMANN HANS"),
    arrival=date(2026, 12, 5),
    departure=date(2026, 12, 7),
    room_type="Double",
    rate="Flexible",
    language="es",
    signature_ref="sig-1",
)
FOLIO = Folio(
    "S1",
    (
        FolioLine("1", FolioLineKind.CHARGE, "Night 5 Dec <Double>", Money(12000, "EUR")),
        FolioLine("2", FolioLineKind.PAYMENT, "Card", Money(5000, "EUR")),
    ),
    "EUR",
)


def queue_for(tmp_path: Path, port: int) -> MailQueue:
    db = tmp_path / "lane.db"
    connect(db).close()
    settings = SmtpSettings("127.0.0.1", port, "Hotel Sol <desk@hotel.example>", starttls=False)
    return MailQueue(
        lambda: connect(db, migrate=False),
        settings,
        hotel="Hotel Sol",
        terms=lambda language: f"Terms in {language}.",
        signature=lambda ref: PNG if ref == "sig-1" else None,
    )


@pytest.fixture
def sink(tmp_path: Path) -> Iterator[MailSink]:
    running = MailSink(tmp_path / "mail", port=0, show=lambda s: None).start()
    yield running
    running.stop()


def read(path: Path) -> email.message.EmailMessage:
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(parsed, email.message.EmailMessage)
    return parsed


def test_card_and_invoice_arrive_whole_over_smtp(tmp_path: Path, sink: MailSink) -> None:
    mail = queue_for(tmp_path, sink.port)
    sender = HotelSender([mail.run_once])
    mail.wake = sender.wake
    sender.start()
    try:
        mail.send(fx.EmailRegistrationCard(CARD, " erika@example.com "))
        mail.send(fx.EmailInvoice(FOLIO, "erika@example.com"))
        deadline = time.monotonic() + 20
        while len(sink.messages()) < 2:
            assert time.monotonic() < deadline, "the e-mails never arrived"
            threading.Event().wait(0.02)
    finally:
        sender.stop()
    card, invoice = (read(p) for p in sink.messages())
    assert card["To"] == "erika@example.com"
    assert card["X-Sim-Mail-From"] == "desk@hotel.example"
    assert "4701" in card["Subject"]
    files = {part.get_filename(): part.get_content() for part in card.iter_attachments()}
    assert files["signature.png"] == PNG
    assert files["registration-card.png"].startswith(b"\x89PNG")
    assert len(files["registration-card.png"]) > 1000  # a drawn card, not a stub
    body = invoice.get_body(("plain",))
    html = invoice.get_body(("html",))
    assert body is not None
    assert html is not None
    assert "BALANCE" in body.get_content()
    assert "70.00 EUR" in body.get_content()
    assert "&lt;Double&gt;" in html.get_content()  # the PMS's text is escaped
    sent = mail.queued("sent")
    assert [m.kind for m in sent] == ["registration_card", "invoice"]
    assert all(m.message == b"" for m in sent)  # not kept twice once sent
    assert mail.queued() == []


def test_with_the_server_down_nothing_is_lost(tmp_path: Path) -> None:
    port = free_port()
    mail = queue_for(tmp_path, port)
    mail.send(fx.EmailInvoice(FOLIO, "erika@example.com"))
    assert mail.run_once() == 1  # nobody listening: kept
    assert mail.run_once() == 1
    (waiting,) = mail.queued()
    assert waiting.attempts == 2
    assert "not reached" in waiting.last_error
    sink = MailSink(tmp_path / "mail", port=port, show=lambda s: None).start()
    try:
        assert mail.run_once() == 0
        assert mail.run_once() == 0  # sent once
    finally:
        sink.stop()
    (arrived,) = sink.messages()
    assert "Stay S1" in read(arrived).get_body(("plain",)).get_content()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("", "no e-mail address"),
        ("erika", "exactly one @"),
        ("erika@@example.com", "exactly one @"),
        ("erika@example", "domain"),
        ("Erika <erika@example.com>", "without spaces or brackets"),
        ("erika@example.com\r\nBcc: x@y.z", "without spaces or brackets"),
        (".erika@example.com", "before the @"),
    ],
)
def test_a_bad_address_is_refused_with_a_clear_reason(
    tmp_path: Path, address: str, reason: str
) -> None:
    mail = queue_for(tmp_path, free_port())
    with pytest.raises(MailAddressError, match=reason):
        mail.send(fx.EmailInvoice(FOLIO, address))
    assert mail.queued(None) == []


def test_a_recipient_refused_for_good_is_kept_as_failed(tmp_path: Path, sink: MailSink) -> None:
    mail = queue_for(tmp_path, sink.port)
    mail.send(fx.EmailInvoice(FOLIO, f"nobody@{REFUSED_DOMAIN}"))
    mail.send(fx.EmailInvoice(FOLIO, "erika@example.com"))
    assert mail.run_once() == 0
    (failed,) = mail.queued("failed")
    assert "550" in failed.last_error
    assert failed.message  # kept for the front desk
    assert len(sink.messages()) == 1  # the good one still went


@given(st.text(max_size=300))
def test_check_address_never_raises_and_what_it_accepts_is_plain(text: str) -> None:
    reason = check_address(text)
    if reason is None:
        plain = text.strip()
        assert plain.count("@") == 1
        assert not any(c.isspace() or c in "<>,;" for c in plain)
    else:
        assert isinstance(reason, str)
        assert reason


def test_the_card_image_carries_the_signature_when_it_is_readable() -> None:
    import io

    from PIL import Image, ImageDraw

    from kiosk.app.hotel.mail import card_png

    drawn = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(drawn).line([(20, 150), (300, 40), (580, 150)], fill=0, width=6)
    buffer = io.BytesIO()
    drawn.save(buffer, "PNG")
    plain = Image.open(io.BytesIO(card_png(CARD, "Hotel Sol", "Terms.")))
    signed = Image.open(io.BytesIO(card_png(CARD, "Hotel Sol", "Terms.", buffer.getvalue())))
    unreadable = Image.open(io.BytesIO(card_png(CARD, "Hotel Sol", "Terms.", PNG)))
    assert signed.height > plain.height + 100
    assert signed.crop((0, plain.height, signed.width, signed.height)).getextrema()[0] == 0
    assert unreadable.size == plain.size
