"""``kiosk sim camera make|play``: barcode pictures and videos for the ``file`` camera driver.

``make DIR CODE[:FORMAT]...`` writes one 1280x720 PNG per code (or ``--video
FILE.avi``); ``play PATH`` runs the real camera pipeline on an image, a
directory or a video and prints each scan, as a lane would see it.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("camera", help="virtual camera: make and play barcode images")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    make = actions.add_parser("make", help="write barcode images (or a video)")
    make.add_argument("directory", help="where to write the PNG files")
    make.add_argument(
        "codes",
        nargs="+",
        help="CODE or CODE:FORMAT (ean13, ean8, upca, upce, code128, qrcode, datamatrix, "
        "pdf417, aztec, gs1-128, gs1datamatrix, gs1qrcode; GS1 codes in HRI form)",
    )
    make.add_argument("--video", default="", help="also write this MJPG .avi file")
    make.set_defaults(func=_make)
    play = actions.add_parser("play", help="decode an image, a directory or a video")
    play.add_argument("path")
    play.add_argument("--fps", type=float, default=10.0)
    play.add_argument("--seconds", type=float, default=5.0, help="how long to play")
    play.add_argument("--backend", choices=("zxing", "pyzbar"), default="zxing")
    play.set_defaults(func=_play)


def _make(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kiosk.cli import UserError
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.sim.camera import parse_codes, write_images, write_video

    try:
        codes = parse_codes(args.codes)
        for path in write_images(codes, Path(args.directory)):
            print(path)
        if args.video:
            print(write_video(codes, Path(args.video)))
    except DeviceError as error:
        raise UserError(str(error)) from error
    return 0


def _play(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kiosk.cli import UserError
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.sim.camera import describe, play

    try:
        play(
            Path(args.path),
            lambda event: print(describe(event), flush=True),
            args.seconds,
            args.fps,
            {"backend": args.backend},
        )
    except DeviceError as error:
        raise UserError(str(error)) from error
    return 0
