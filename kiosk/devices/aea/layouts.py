"""The kiosk's two pectabs: the boarding pass coupon (ATB) and the bag tag (BTP).

The ATB coupon is the 72 x 18 grid of an ATB card (rows A-R); columns 56-72
are the stub the gate tears off. The bag tag is a 24 x 26 grid (rows A-Z) of a
strip 54 mm wide. Labels ("GATE", "SEAT"...) are data fields like the values,
as in the public ``CP`` example, so a pectab holds no language of its own.
:mod:`.encoder` fills these elements from the DCS's data.
"""

from __future__ import annotations

from kiosk.devices.aea.pectab import ATB, BTP, BarcodeElement, Pectab, Position, TextElement


def _t(number: str, length: int, font: str, *positions: str) -> TextElement:
    return TextElement(number, length, tuple(Position(p[0], int(p[1:])) for p in positions), font)


def _b(number: str, symbology: str, position: str, module: int, height: int) -> BarcodeElement:
    return BarcodeElement(
        number, symbology, Position(position[0], int(position[1:])), module, height
    )


BOARDING_PASS = Pectab(
    ATB,
    "K1",
    "A",
    (
        _t("02", 13, "C", "A02"),  # BOARDING PASS
        _t("03", 8, "C", "A36"),  # airline designator
        _t("04", 17, "A", "D02"),  # label: NAME OF PASSENGER
        _t("05", 30, "B", "E02"),  # name
        _t("06", 6, "A", "G02"),  # label: FROM
        _t("07", 6, "A", "G14"),  # label: TO
        _t("08", 3, "D", "H02"),  # origin
        _t("09", 3, "D", "H14"),  # destination
        _t("0A", 6, "A", "D36"),  # label: FLIGHT
        _t("0B", 7, "B", "E36"),  # flight
        _t("0C", 4, "A", "D45"),  # label: DATE
        _t("0D", 5, "B", "E45"),  # date 05DEC
        _t("0E", 5, "A", "L02"),  # label: GATE
        _t("0F", 4, "C", "M02"),  # gate
        _t("10", 13, "A", "L12"),  # label: BOARDING TIME
        _t("11", 5, "C", "M12"),  # boarding time
        _t("12", 4, "A", "L28"),  # label: SEAT
        _t("13", 4, "C", "M28"),  # seat
        _t("14", 5, "A", "O02"),  # label: GROUP
        _t("15", 2, "C", "P02"),  # group
        _t("16", 4, "A", "O12"),  # label: SEQ
        _t("17", 4, "C", "P12"),  # sequence number
        _t("18", 5, "A", "O28"),  # label: CLASS
        _t("19", 1, "C", "P28"),  # compartment
        _t("1A", 20, "B", "P34"),  # extras: FAST TRACK, PRIORITY
        _b("1B", "P", "G32", 3, 5),  # PDF417 of the BCBP
        _t("1C", 13, "B", "A56"),  # stub: BOARDING PASS
        _t("1D", 16, "A", "C56"),  # stub: name
        _t("1E", 16, "B", "F56"),  # stub: flight + date
        _t("1F", 16, "C", "H56"),  # stub: route LIS-CDG
        _t("20", 16, "B", "K56"),  # stub: SEAT 12A
        _t("21", 16, "A", "M56"),  # stub: GATE 12 10:35
        _t("22", 16, "A", "O56"),  # stub: SEQ 0012 GRP 2
    ),
    titles=("TICKT", "CHKIN", "BOARD"),
    columns=72,
    rows=18,
)

BAG_TAG = Pectab(
    BTP,
    "K1",
    "01",
    (
        _t("02", 3, "E", "B02"),  # destination, big
        _t("03", 22, "B", "G02"),  # routing: LIS > FRA > JFK
        _t("04", 7, "C", "I02"),  # flight
        _t("05", 22, "A", "L02"),  # passenger name
        _b("06", "I", "N02", 3, 3),  # ITF of the licence plate
        _t("07", 10, "C", "R02"),  # licence plate digits, big
        _t("08", 22, "A", "U02"),  # stub: plate KX 123456 + destination
        _b("09", "I", "V02", 2, 2),  # stub ITF
        _t("0A", 22, "A", "Y02"),  # stub: name
        _t("0B", 24, "A", "T01"),  # the perforation above the stub (a row of dashes)
    ),
    titles=("", "", ""),
    columns=24,
    rows=26,
)
