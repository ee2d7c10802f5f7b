"""Send e-mails with smtplib; its exceptions stop here as :class:`MailError`.

:class:`SmtpSender` opens one connection per batch (``EHLO``, ``STARTTLS`` when
configured, ``AUTH`` when a user is set) and sends each message to its one
recipient. A failure is :class:`MailError` with ``permanent`` telling whether
trying again can help: a 5xx answer about the message or its recipient is
permanent (the message is kept as failed for the front desk), while a server that
cannot be reached, a 4xx answer, a dropped connection or a refused login are not
(the message stays queued). :func:`check_address` is the one check of a guest's
address: a clear reason, or None.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from dataclasses import dataclass
from email.utils import parseaddr

_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")


class MailError(Exception):
    """A message was not sent; ``permanent``: sending it again cannot help."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


def check_address(address: str) -> str | None:
    """Why ``address`` cannot take an e-mail, or None (a plain ``name@domain.tld``)."""
    text = address.strip()
    if not text:
        return "no e-mail address"
    if len(text) > 254 or any(c in text for c in '\r\n\t <>,;"()'):
        return "an e-mail address is one name@domain, without spaces or brackets"
    if text.count("@") != 1:
        return "an e-mail address has exactly one @"
    local, domain = text.split("@")
    if not local or len(local) > 64 or local.startswith(".") or ".." in text:
        return "the part before the @ is not valid"
    if "." not in domain or domain.endswith(".") or not _ADDRESS.fullmatch(text):
        return "the part after the @ is not a domain such as example.com"
    if parseaddr(text)[1] != text:
        return "not a valid e-mail address"
    return None


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    sender: str = ""
    user: str = ""
    password: str = ""
    starttls: bool = True
    timeout_s: float = 15.0


class SmtpSender:
    """Sends messages through the server in ``settings``."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def send(self, messages: list[tuple[str, bytes]]) -> list[MailError | None]:
        """Send each (recipient, RFC 5322 bytes); one answer per message (None: sent).

        Raises:
            MailError: the server could not be reached or refused the session (nothing sent).
        """
        s = self.settings
        if not s.host:
            raise MailError("no SMTP server configured ([hotel] smtp_host)")
        envelope_from = parseaddr(s.sender)[1]
        try:
            smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout_s)
        except (OSError, smtplib.SMTPException) as error:
            raise MailError(f"SMTP server {s.host}:{s.port} not reached: {error}") from None
        try:
            self._open(smtp)
            return [self._one(smtp, envelope_from, rcpt, data) for rcpt, data in messages]
        finally:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()

    def _open(self, smtp: smtplib.SMTP) -> None:
        s = self.settings
        try:
            smtp.ehlo()
            if s.starttls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if s.user:
                smtp.login(s.user, s.password)
        except smtplib.SMTPAuthenticationError as error:
            raise MailError(f"SMTP login as {s.user} refused ({error.smtp_code})") from None
        except (OSError, smtplib.SMTPException, ssl.SSLError) as error:
            raise MailError(f"SMTP session with {s.host}:{s.port} failed: {error}") from None

    def _one(
        self, smtp: smtplib.SMTP, sender: str, recipient: str, data: bytes
    ) -> MailError | None:
        try:
            smtp.sendmail(sender, [recipient], data)
        except smtplib.SMTPRecipientsRefused as error:
            code = next(iter(error.recipients.values()))[0]
            return MailError(f"recipient refused ({code})", permanent=500 <= code < 600)
        except smtplib.SMTPResponseException as error:
            code = error.smtp_code
            return MailError(f"message refused ({code})", permanent=500 <= code < 600)
        except (OSError, smtplib.SMTPException) as error:
            return MailError(f"sending failed: {error}")
        return None
