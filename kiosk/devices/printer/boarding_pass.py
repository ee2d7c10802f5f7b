"""A boarding pass on receipt paper: the ESC/POS fallback when the lane has no ATB printer.

:func:`boarding_pass_receipt` writes the readable pass (flight, name, from/to,
date, boarding time, gate, seat, group, sequence number) and the BCBP as a
PDF417 symbol with ``GS ( k`` function 080/081 (cn 48), after setting the
module width (067), row height (068) and error correction level (069). The
bytes go to :meth:`ReceiptPrinter.submit_bytes`; the receipt printer
simulator draws the PDF417 back (zxing-cpp), so a gate scanner, or a test,
can read it.
"""

from __future__ import annotations

from kiosk.domain.airport.dcs import BoardingPassData

ESC, GS = b"\x1b", b"\x1d"
INIT = ESC + b"@"
CUT = GS + b"VB\x00"
_ALIGN = {"left": 0, "center": 1}


def _pdf417_function(fn: int, params: bytes) -> bytes:
    body = b"\x30" + bytes((fn,)) + params
    return GS + b"(k" + len(body).to_bytes(2, "little") + body


def pdf417_bytes(data: str, module: int = 3, row_height: int = 3, ec_level: int = 2) -> bytes:
    """``GS ( k`` commands that store and print ``data`` as PDF417.

    Raises:
        ValueError: data that is not Latin-1, or longer than a PDF417 symbol holds.
    """
    payload = data.encode("latin-1")
    if len(payload) > 1800:
        raise ValueError(f"PDF417 data of {len(payload)} bytes: at most 1800")
    return (
        _pdf417_function(65, b"\x00")  # columns: automatic
        + _pdf417_function(67, bytes((module,)))
        + _pdf417_function(68, bytes((row_height,)))
        + _pdf417_function(69, bytes((48, 48 + ec_level)))
        + _pdf417_function(80, b"\x30" + payload)
        + _pdf417_function(81, b"\x30")
    )


def _text(text: str, *, size: int = 0, bold: bool = False, align: str = "left") -> bytes:
    """One line: ``ESC a`` alignment, ``ESC !`` size/bold, the text (ASCII), LF."""
    mode = (0x30 if size else 0) | (0x08 if bold else 0)
    line = text.encode("ascii", errors="replace")
    return ESC + b"a" + bytes((_ALIGN[align],)) + ESC + b"!" + bytes((mode,)) + line + b"\n"


def _pair(left: str, right: str, columns: int) -> str:
    return left + " " * max(1, columns - len(left) - len(right)) + right


def boarding_pass_receipt(data: BoardingPassData, columns: int = 42) -> bytes:
    """ESC/POS bytes of ``data``'s boarding pass on ``columns``-wide receipt paper.

    Raises:
        ValueError: a BCBP that cannot be printed as PDF417 (not Latin-1, too long).
    """
    boarding = data.boarding_time.strftime("%H:%M") if data.boarding_time else "-"
    sequence = f"{data.sequence_number:04d}" if data.sequence_number else "-"
    half = columns // 2
    out = [
        INIT,
        _text("BOARDING PASS", size=2, align="center"),
        _text(data.flight[:2], bold=True, align="center"),
        b"\n",
        _text("NAME OF PASSENGER"),
        _text(data.name[:columns], bold=True),
        b"\n",
        _text(_pair("FROM", "TO", columns)),
        _text(_pair(data.origin, data.destination, half), size=2),
        _text(_pair("FLIGHT", "DATE", columns)),
        _text(_pair(data.flight, data.departure.strftime("%d%b").upper(), columns), bold=True),
        _text(_pair("BOARDING TIME", "GATE", columns)),
        _text(_pair(boarding, data.gate or "-", half), size=2),
        _text(_pair("SEAT", "GROUP", columns)),
        _text(_pair(data.seat or "-", data.group or "-", half), size=2),
        _text(_pair("SEQ", "CLASS", columns)),
        _text(_pair(sequence, data.compartment or "-", columns), bold=True),
    ]
    if data.extras:
        out.append(_text("  ".join(data.extras)[:columns], bold=True, align="center"))
    out += [
        b"\n",
        ESC + b"a\x01",
        pdf417_bytes(data.bcbp),
        b"\n",
        ESC + b"d\x03",
        CUT,
    ]
    return b"".join(out)
