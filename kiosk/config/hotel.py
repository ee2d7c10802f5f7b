"""The [hotel] section: the hotel check-in journey (``lane.mode = "hotel_checkin"``).

Every key has a default so that other lanes need no section; a hotel lane needs
``hotel``, ``country`` and ``base_url`` (:meth:`HotelConfig.require` says which is
missing, as a :class:`~kiosk.config.ConfigError` naming the key). The PMS tokens
(``client_token``, ``access_token``) are secrets: their names keep them out of the
configuration's version hash and of remote configuration (``kiosk.config.remote``);
give them through the environment (``KIOSK__HOTEL__ACCESS_TOKEN``); so is
``ses_password`` (Spain's SES.HOSPEDAJES, ``KIOSK__HOTEL__SES_PASSWORD``).

``deposit_minor`` is the deposit pre-authorised at check-in when the stay names
none (0: no deposit then). ``terms`` maps a language to the file holding the
registration card's terms in that language (UTF-8 text); a language without a
file prints ``terms["en"]``'s, or the kiosk's short built-in text.

``wifi_network``, ``wifi_password`` and ``breakfast`` are shown on the check-in's
done screen. Guests' e-mails (registration card, invoice) go through the SMTP
server ``smtp_host`` (``smtp_password`` is a secret like the tokens), queued in the
lane store and sent in the background (:mod:`kiosk.app.hotel.mail`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.config import checks
from kiosk.config.errors import ConfigError
from kiosk.config.loader import setting


def _url(value: Any) -> str | None:
    if value and not str(value).startswith(("http://", "https://")):
        return "an http:// or https:// URL (or empty)"
    return None


def _country(value: Any) -> str | None:
    if value and not re.fullmatch(r"[A-Z]{2}", str(value)):
        return "an ISO 3166-1 alpha-2 country code in capitals, e.g. 'ES' (or empty)"
    return None


def _zone(value: Any) -> str | None:
    try:
        ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError):
        return "an IANA time zone name, e.g. 'Europe/Madrid'"
    return None


def _terms(value: Any) -> str | None:
    for language, path in value.items():
        if not re.fullmatch(r"[a-z]{2}", str(language)):
            return "a table of 2-letter language codes to file paths, e.g. {es = 'terms-es.txt'}"
        if not isinstance(path, str) or not path:
            return "a table of language codes to non-empty file paths"
    return None


def _address(value: Any) -> str | None:
    from email.utils import parseaddr

    text = str(value)
    if text and not re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", parseaddr(text)[1]):
        return "an e-mail address, e.g. 'Hotel <frontdesk@hotel.example>' (or empty)"
    return None


def _ses_code(value: Any) -> str | None:
    if not re.fullmatch(r"[A-Za-z0-9]{0,10}", str(value)):
        return "SES's code: up to 10 letters or digits (or empty)"
    return None


@dataclass(frozen=True)
class HotelConfig:
    hotel: str = setting("", doc="this kiosk's hotel (the PMS's property name or code)")
    country: str = setting(
        "", doc="the hotel's country (ISO alpha-2, e.g. 'ES'): picks the guest register rule",
        check=_country,
    )  # fmt: skip
    pms: str = setting("mews", doc="the PMS driver", check=checks.one_of("mews"))
    base_url: str = setting(
        "",
        doc="the Mews platform address, e.g. https://api.mews-demo.com (kiosk sim pms: "
        "http://127.0.0.1:8791); required on a hotel lane",
        check=_url,
    )
    client_token: str = setting("", doc="the Mews ClientToken (a secret)")
    access_token: str = setting("", doc="the property's Mews AccessToken (a secret)")
    client_name: str = setting("Kiosk 1.0", doc="sent to Mews as Client (name and version)")
    timeout_s: float = setting(
        10.0, doc="seconds the kiosk waits for the PMS before calling staff",
        check=checks.between(0.5, 120),
    )  # fmt: skip
    property_timezone: str = setting(
        "UTC", doc="the hotel's IANA time zone (dates, key validity)", check=_zone
    )
    max_keys: int = setting(
        4, doc="the most key cards a guest may take", check=checks.between(1, 4)
    )
    deposit_minor: int = setting(
        0, doc="deposit pre-authorised when the stay names none, in minor units (0: none)",
        check=checks.between(0, 10_000_000),
    )  # fmt: skip
    document_retries: int = setting(
        2, doc="unreadable document reads tried again before staff are called",
        check=checks.between(0, 5),
    )  # fmt: skip
    max_declines: int = setting(
        3, doc="card declines in a row before staff are called", check=checks.between(1, 9)
    )
    max_find_misses: int = setting(
        3, doc="searches that found nothing before staff are called", check=checks.between(1, 9)
    )
    adult_age: int = setting(
        18, doc="from this age a guest shows an ID", check=checks.between(1, 21)
    )
    abandon_after_s: float = setting(
        180.0,
        doc="seconds without a touch after which a visit under way is abandoned, unless it "
        "waits for staff; 0: only the screen's idle prompt",
        check=checks.between(0, 3600),
    )
    terms: dict[str, str] = setting(
        default_factory=dict,
        doc="language -> file with the registration card's terms in it (UTF-8 text)",
        check=_terms,
    )
    # Spain's SES.HOSPEDAJES traveller report (kiosk.app.hotel.police; docs/ses-hospedajes.md)
    ses_url: str = setting(
        "", doc="the SES.HOSPEDAJES comunicacion endpoint (kiosk sim ses: "
        "http://127.0.0.1:8795/hospedajes-web/ws/v1/comunicacion); empty: reports wait queued",
        check=_url,
    )  # fmt: skip
    ses_user: str = setting("", doc="the SES.HOSPEDAJES web-service user")
    ses_password: str = setting("", doc="the SES.HOSPEDAJES web-service password (a secret)")
    ses_landlord: str = setting(
        "", doc="SES's codigoArrendador of the hotel's owner", check=_ses_code
    )
    ses_establishment: str = setting(
        "", doc="SES's codigo de establecimiento of this hotel", check=_ses_code
    )
    ses_keep_days: int = setting(
        1095, doc="days a sent traveller report is kept at the lane (the law: 3 years)",
        check=checks.between(1, 3650),
    )  # fmt: skip

    wifi_network: str = setting(
        "", doc="the guests' Wi-Fi network, shown on the check-in's done screen (empty: not shown)"
    )
    wifi_password: str = setting(
        "",
        doc="the guests' Wi-Fi password, shown to every guest on the done screen (not a "
        "secret; its name keeps HQ's remote configuration from setting it)",
    )
    breakfast: str = setting(
        "", doc="breakfast times shown on the done screen, e.g. '07:00-10:30' (empty: not shown)"
    )
    deposit_wait_s: float = setting(
        5.0,
        doc="seconds a check-out waits for the deposit's capture or release before it goes on "
        "with it queued (sent when the card terminal answers again)",
        check=checks.between(0, 60),
    )
    deposit_doubt_rounds: int = setting(
        5,
        doc="the sender's rounds a queued deposit capture or release may stay unknown (the "
        "terminal cannot say how it ended) before it is an alert for the front desk; the "
        "terminal is still asked every round after it",
        check=checks.between(1, 1000),
    )
    smtp_host: str = setting(
        "", doc="the SMTP server for guests' e-mails (empty: e-mails are kept queued)"
    )
    smtp_port: int = setting(
        587, doc="the SMTP server's port (kiosk sim mail: 8025)", check=checks.between(1, 65535)
    )
    smtp_from: str = setting(
        "", doc="the sender of guests' e-mails, e.g. 'Hotel Sol <frontdesk@hotel.example>'",
        check=_address,
    )  # fmt: skip
    smtp_user: str = setting("", doc="the SMTP login (empty: no login)")
    smtp_password: str = setting(
        "", doc="the SMTP password (a secret; KIOSK__HOTEL__SMTP_PASSWORD)"
    )
    smtp_starttls: bool = setting(True, doc="STARTTLS before logging in and sending")
    mail_every_s: float = setting(
        60.0, doc="seconds between tries of queued e-mails and deposits while some are left",
        check=checks.between(1, 3600),
    )  # fmt: skip

    def require(self) -> None:
        """Check what a hotel lane needs.

        Raises:
            ConfigError: ``hotel.hotel``, ``hotel.country`` or ``hotel.base_url`` is empty.
        """
        for key, value, expected in (
            ("hotel", self.hotel, "the hotel's name or code"),
            ("country", self.country, "the hotel's country, e.g. 'ES'"),
            ("base_url", self.base_url, "the PMS API address for a hotel lane"),
        ):
            if not value:
                raise ConfigError("configuration", f"hotel.{key}", "", expected)
