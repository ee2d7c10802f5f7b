"""``kiosk parse gs1|scan|bcbp DATA``, ``kiosk parse mrz LINE...``: show how the lane reads
a barcode or a travel document, as JSON on stdout.

``bcbp`` reads an IATA bar-coded boarding pass (quote DATA: it holds blanks);
``mrz`` reads the 2 or 3 lines of a passport, ID card or visa MRZ (ICAO 9303),
correcting the usual OCR confusions only where the check digits then hold. The
dates are resolved against ``--today``. A bad pass or MRZ prints one line naming
the field (a failing check digit names its field) and exits with 2.

``gs1`` insists on GS1 data (a GTIN, an in-store code, an element string or a
digital link) and fails with exit status 2 otherwise; ``scan`` accepts anything
the lane accepts (staff badges are kind "other"; their data is shown).

A GS separator (FNC1, ASCII 29) is hard to type, so DATA may write it as
``<GS>``, ``{GS}``, ``\\x1d``, ``\\u001d`` or ``^`` (none of these is valid
inside GS1 data except ``<``/``>`` in ``<GS>``, which is read as a separator).
DATA ``-`` reads the data from stdin (one code, trailing newline dropped).
Invalid data prints one line naming what is wrong on stderr and exits with 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from kiosk import clock as kiosk_clock

GS_SPELLINGS = ("<GS>", "{GS}", "\\x1d", "\\x1D", "\\u001d", "\\u001D", "^")
_HELP_DATA = (
    "the scanned text, with or without AIM id such as ]C1; write GS as <GS>, {GS}, "
    "\\x1d or ^; '-' reads stdin"
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from kiosk.domain.gs1.variable_measure import PROFILES

    parser = subparsers.add_parser("parse", help="parse barcode data and print it as JSON")
    kinds = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    for name, help_text in (
        ("gs1", "GS1 data only: GTIN, in-store code, element string, digital link"),
        ("scan", "anything a scanner may send (badges give kind 'other')"),
    ):
        sub = kinds.add_parser(
            name,
            help=help_text,
            description=__doc__,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument("data", metavar="DATA", help=_HELP_DATA)
        sub.add_argument(
            "--country",
            choices=sorted(PROFILES),
            help="variable-measure profile (default: from --config, else the [barcodes] default)",
        )
        sub.add_argument("--currency", help="lane currency for embedded prices (default EUR)")
        sub.add_argument("--config", help="read [barcodes] and the lane currency from this file")
        sub.add_argument(
            "--today", help="date for the GS1 century rule, YYYY-MM-DD (default: today, UTC)"
        )
        sub.set_defaults(func=_parse, gs1_only=name == "gs1")
    _register_travel(kinds)


def _register_travel(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    today_help = "reference date for the dates, YYYY-MM-DD (default: today, UTC)"
    bcbp = kinds.add_parser(
        "bcbp",
        help="an IATA bar-coded boarding pass (Resolution 792)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    bcbp.add_argument("data", metavar="DATA", help="the BCBP text, quoted; '-' reads stdin")
    bcbp.add_argument("--today", help=today_help)
    bcbp.set_defaults(func=_parse_bcbp)
    mrz = kinds.add_parser(
        "mrz",
        help="a passport, ID card or visa MRZ (ICAO 9303: TD1, TD2, TD3, MRV-A, MRV-B)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    mrz.add_argument("lines", nargs="+", metavar="LINE", help="the MRZ lines; '-' reads stdin")
    mrz.add_argument("--today", help=today_help)
    mrz.set_defaults(func=_parse_mrz)


def unescape(data: str) -> str:
    """Replace the typed spellings of GS in ``data`` with the GS character."""
    for spelling in GS_SPELLINGS:
        data = data.replace(spelling, "\x1d")
    return data


def _parse(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.config.barcodes import BarcodeConfig
    from kiosk.domain.gs1 import BarcodeError, ScanKind, parse_scan, scan_to_dict

    barcodes, currency = BarcodeConfig(), "EUR"
    if args.config:
        from kiosk.config import load_config

        config = load_config(args.config)
        barcodes, currency = config.barcodes, config.lane.currency
    if args.country:
        barcodes = BarcodeConfig(country=args.country, variable_measure=barcodes.variable_measure)
    try:
        rules = barcodes.scan_rules(args.currency or currency)
        today = date.fromisoformat(args.today) if args.today else kiosk_clock.utc_now().date()
    except ValueError as error:
        raise UserError(f"bad option: {error}") from None
    raw = sys.stdin.read().rstrip("\r\n") if args.data == "-" else unescape(args.data)
    result = parse_scan(raw, rules, today=today)
    if args.gs1_only and result.kind is ScanKind.OTHER:
        raise BarcodeError(
            f"not GS1 data: no GTIN, GS1 element string or digital link "
            f"({len(result.data)} characters, symbology {result.symbology.value})"
        )
    print(json.dumps(scan_to_dict(result, include_other_data=True), indent=2, ensure_ascii=False))
    return 0


def _reference(args: argparse.Namespace) -> date:
    from kiosk.cli import UserError

    try:
        return date.fromisoformat(args.today) if args.today else kiosk_clock.utc_now().date()
    except ValueError as error:
        raise UserError(f"bad option --today: {error}") from None


def _parse_bcbp(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.domain.travel import BcbpError, bcbp_to_dict, parse_bcbp

    reference = _reference(args)
    data = sys.stdin.read().rstrip("\r\n") if args.data == "-" else args.data
    try:
        parsed = parse_bcbp(data, reference)
    except BcbpError as error:
        raise UserError(f"bcbp: {error}") from None
    print(json.dumps(bcbp_to_dict(parsed), indent=2, ensure_ascii=False))
    return 0


def _parse_mrz(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.domain.travel import MrzError, mrz_to_dict, parse_mrz

    reference = _reference(args)
    lines = sys.stdin.read().splitlines() if args.lines == ["-"] else args.lines
    try:
        parsed = parse_mrz(lines, reference)
    except MrzError as error:
        raise UserError(f"mrz: {error}") from None
    print(json.dumps(mrz_to_dict(parsed), indent=2, ensure_ascii=False))
    return 0
