"""The registration card's and the invoice's e-mail choice is offered only for a booking
address that can take an e-mail (kiosk.backoffice.mail.smtp.check_address): a PMS
address such as "ana@example" would be refused when the e-mail is queued."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "domain" / "hotel"))
from hotel_domain_factories import OWNER, SETTINGS, STAY

from kiosk.domain.hotel.states import HotelState
from kiosk.ui.hotel.state_views import registration_view


@pytest.mark.parametrize(
    ("address", "offered"),
    [
        ("ana@example.com", "ana@example.com"),
        ("ana@example", ""),
        ("Ana <ana@example.com>", ""),
        ("", ""),
    ],
)
def test_the_e_mail_choice_needs_an_address_that_takes_mail(address: str, offered: str) -> None:
    owner = dataclasses.replace(OWNER, email=address)
    stay = dataclasses.replace(STAY, guests=(owner, *STAY.guests[1:]))
    state = dataclasses.replace(HotelState.start(SETTINGS, "v1"), stay=stay)
    assert registration_view(state).email == offered
