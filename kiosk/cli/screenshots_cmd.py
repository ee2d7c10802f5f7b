"""``kiosk screenshots OUTDIR``: render every lane screen offscreen into PNG files.

Each rendering is checked (layout fits, no clipped or elided text, nothing over the
attendant's buttons); problems are listed one per line on stderr and the exit status is
2, after every file was written.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "screenshots", help="render every screen and intervention into PNG files, checked"
    )
    parser.add_argument("outdir", type=Path, help="folder for <lang>/<WxH>[/<theme>]/<shot>.png")
    parser.add_argument(
        "--language",
        action="append",
        dest="languages",
        metavar="CODE",
        help="only this language (repeatable; default: en, es, fr)",
    )
    parser.add_argument(
        "--size",
        action="append",
        dest="sizes",
        metavar="WxH",
        type=_size,
        help="only this window size (repeatable; default: 1920x1080, 1080x1920, 1366x768)",
    )
    parser.add_argument(
        "--theme",
        action="append",
        dest="themes",
        metavar="NAME",
        help="only this theme (repeatable; default: normal, large-text, high-contrast)",
    )
    parser.add_argument(
        "--journey",
        default="self_checkout",
        choices=("self_checkout", "airport", "hotel"),
        help="whose screens (default: self_checkout)",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="SHOT",
        help="only this shot, e.g. scanning or intervention-age_restricted",
    )
    parser.set_defaults(func=_run)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size {text!r} is not WIDTHxHEIGHT") from None
    if not (320 <= width <= 7680 and 320 <= height <= 7680):
        raise argparse.ArgumentTypeError(f"size {text!r} out of range 320-7680")
    return width, height


def _run(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.ui import screenshots
    from kiosk.ui.i18n import TranslationError

    options: dict[str, object] = {}
    if args.languages:
        options["languages"] = tuple(args.languages)
    if args.sizes:
        options["sizes"] = tuple(args.sizes)
    if args.themes:
        options["themes"] = tuple(args.themes)
    if args.only:
        options["only"] = tuple(args.only)
    options["journey"] = args.journey
    try:
        written = screenshots.render(args.outdir, **options)  # type: ignore[arg-type]
    except screenshots.LayoutOverflowError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        raise UserError(
            f"wrote {len(error.written)} screenshots into {args.outdir}, with "
            f"{len(error.problems)} problems (listed above)"
        ) from None
    except (KeyError, TranslationError, OSError) as error:
        raise UserError(str(error).strip("'\"")) from None
    print(f"wrote {len(written)} screenshots into {args.outdir}")
    return 0
