"""Public specimens: IATA Resolution 792 (BCBP Implementation Guide) and ICAO Doc 9303.

Imported by the travel tests (rootdir import mode puts this folder on sys.path).
"""

from __future__ import annotations

from datetime import date

# The reference date the tests resolve dates against.
TODAY = date(2026, 12, 5)

SIGNATURE = (
    "GIWVC5EH7JNT684FVNJ91W2QA4DVN5J8K4F0L0GEQ3DF5TGBN8709HKT5D3DW3"
    "GBHFCVHMY7J5T6HFR41W2QA4DVN5J8K4F0L0GE"
)

# Implementation Guide, Attachment B: example 1 (mandatory items + security).
BCBP_MANDATORY = "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100^164" + SIGNATURE
# Example 2: two legs with every conditional item and security.
BCBP_TWO_LEGS = (
    "M2DESMARAIS/LUC       EABC123 YULFRAAC 0834 226F001A0025 14D>6181WW6225BAC "
    "00141234560032A0141234567890 1AC AC 1234567890123    20KYLX58ZDEF456 FRAGVALH 3664 "
    "227C012C0002 12E2A0140987654321 1AC AC 1234567890123    2PCNWQ^164" + SIGNATURE
)
# Appendix B: home-printed and kiosk passes of real airlines (versions 2, 3 and 5).
BCBP_LH_HOME = (
    "M1TEST/HIDDEN         E8OQ6FU FRARLGLH 4010 012C004D0001 35C>2180WW6012BLH              "
    "2922023642241060 LH                        *30600000K09         "
)
BCBP_KL_HOME = "M1TEST/PETER          E24Z5RN AMSBRUKL 1733 019M008A0001 316>503  W0D0742497067621"
BCBP_UA_KIOSK = (
    "M1ASKREN/TEST         EA272SL ORDNRTUA 0881 007F002K0303 15C>3180 K6007BUA              "
    "2901624760758980 UA UA EY975897            *30600    09  UAG    "
)
BCBP_SPECIMENS = (BCBP_MANDATORY, BCBP_TWO_LEGS, BCBP_LH_HOME, BCBP_KL_HOME, BCBP_UA_KIOSK)

# ICAO Doc 9303 specimens (state Utopia, UTO).
TD3 = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]
TD1 = [
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
]
TD2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]
MRV_A = [
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
]
MRV_B = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"]
# Doc 9303 Part 11, Appendix D.2: document numbers longer than 9 characters.
TD1_LONG = [
    "I<UTOD23145890<7349<<<<<<<<<<<",
    "3407127M9507122UTO<<<<<<<<<<<2",
    "STEVENSON<<PETER<JOHN<<<<<<<<<",
]
TD2_LONG = ["I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<", "D23145890<UTO3407127M95071227349<<<8"]
MRZ_SPECIMENS = {
    "TD1": TD1,
    "TD2": TD2,
    "TD3": TD3,
    "MRV-A": MRV_A,
    "MRV-B": MRV_B,
    "TD1 long": TD1_LONG,
    "TD2 long": TD2_LONG,
}


def with_char(lines: list[str], line: int, column: int, char: str) -> list[str]:
    """``lines`` with the character at 1-based ``line``/``column`` replaced by ``char``."""
    out = list(lines)
    text = out[line - 1]
    out[line - 1] = text[: column - 1] + char + text[column:]
    return out
