"""The simulated airline's rules: entry requirements (APIS verdicts) and bag fees.

Entry rules are a small, plausible table, not legal advice: a traveller entering
the Schengen area, the UK or Japan needs a visa unless their nationality is on
the visa-free list; the USA wants an ESTA from visa-waiver nationals (the kiosk
cannot see one: an agent checks) and a visa from everyone else; Nigeria wants a
visa from all but ECOWAS citizens. ``UTO`` (the ICAO specimen state) and ``D``
(Germany in an MRZ) count as visa-free where Europeans are.

:class:`Refusal` is how every rule says no: an HTTP status, a machine code and a
message for the agent; the server turns it into the API's error JSON.
"""

from __future__ import annotations

from datetime import date

from kiosk.domain.airport.dcs import BagAllowance, DocumentStatus, DocumentVerdict
from kiosk.domain.money import Money


class Refusal(Exception):
    """The simulator answers ``status`` with ``{"error": {"code", "message"}}``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


SCHENGEN = frozenset(
    [
        "AUT",
        "BEL",
        "CZE",
        "DNK",
        "EST",
        "FIN",
        "FRA",
        "DEU",
        "D",
        "GRC",
        "HUN",
        "ISL",
        "ITA",
        "LVA",
        "LIE",
        "LTU",
        "LUX",
        "MLT",
        "NLD",
        "NOR",
        "POL",
        "PRT",
        "SVK",
        "SVN",
        "ESP",
        "SWE",
        "CHE",
        "HRV",
        "BGR",
        "ROU",
    ]
)
EUROPE = SCHENGEN | {"IRL", "CYP", "GBR", "UTO"}
VISA_FREE_SCHENGEN = EUROPE | {"USA", "CAN", "JPN", "AUS", "NZL", "BRA", "KOR", "SGP", "MEX"}
VISA_FREE = {
    "SCHENGEN": VISA_FREE_SCHENGEN,
    "GBR": VISA_FREE_SCHENGEN,
    "JPN": VISA_FREE_SCHENGEN - {"BRA"},
    "NGA": frozenset(
        [
            "NGA",
            "BEN",
            "BFA",
            "CPV",
            "CIV",
            "GMB",
            "GHA",
            "GIN",
            "GNB",
            "LBR",
            "MLI",
            "NER",
            "SEN",
            "SLE",
            "TGO",
        ]
    ),
}
VISA_WAIVER_USA = (EUROPE - {"BGR", "ROU", "CYP"}) | {"JPN", "AUS", "NZL", "KOR", "SGP"}


def entry_verdict(
    nationality: str, destination_country: str, expiry: date | None, travel: date
) -> DocumentVerdict:
    """What the airline says about a traveller of ``nationality`` flying to that country."""
    if expiry is not None and expiry < travel:
        return DocumentVerdict(DocumentStatus.AGENT_NEEDED, "document_expired")
    if not destination_country or nationality == destination_country:
        return DocumentVerdict(DocumentStatus.ACCEPTED)
    if destination_country == "USA":
        if nationality in VISA_WAIVER_USA:
            return DocumentVerdict(DocumentStatus.AGENT_NEEDED, "esta_required")
        return DocumentVerdict(DocumentStatus.AGENT_NEEDED, "visa_required")
    area = "SCHENGEN" if destination_country in SCHENGEN else destination_country
    free = VISA_FREE.get(area)
    if free is None or nationality in free:
        return DocumentVerdict(DocumentStatus.ACCEPTED)
    return DocumentVerdict(DocumentStatus.AGENT_NEEDED, "visa_required")


def bag_fee(allowance: BagAllowance | None, bags_before: int, weight_g: int) -> Money | None:
    """The fee of one more bag of ``weight_g`` after ``bags_before`` bags (None: free).

    Raises:
        Refusal: over the heavy limit (``bag_too_heavy``), or no more bags may be
            bought at the kiosk (``bag_limit``).
    """
    if allowance is None:
        raise Refusal(409, "bag_limit", "this passenger has no bag allowance")
    if weight_g > allowance.heavy_limit_g:
        raise Refusal(
            409,
            "bag_too_heavy",
            f"bag of {weight_g} g is over the heavy limit of {allowance.heavy_limit_g} g",
        )
    fees: list[Money] = []
    if bags_before >= allowance.pieces:
        if allowance.extra_piece_fee is None:
            raise Refusal(409, "bag_limit", f"no more than {allowance.pieces} bag(s) here")
        fees.append(allowance.extra_piece_fee)
    if weight_g > allowance.max_weight_g and allowance.overweight_fee is not None:
        fees.append(allowance.overweight_fee)
    if not fees:
        return None
    total = fees[0]
    for fee in fees[1:]:
        total = total + fee
    return total
