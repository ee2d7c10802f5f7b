"""``kiosk sim mail``: an SMTP sink writing each message as a ``.eml`` file to a folder.

``--port`` (default 8025) on ``--host`` 127.0.0.1; ``--dir`` the folder (default
``sim-mail``). The lane's ``[hotel]`` section points at it with
``smtp_host = "127.0.0.1"``, ``smtp_port = 8025`` and ``smtp_starttls = false``. A
recipient at ``refused.invalid`` is refused (550). The logic lives in
:mod:`kiosk.backoffice.mail.sim`.
"""

from __future__ import annotations

import argparse
import threading


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``kiosk sim mail``."""
    parser = subparsers.add_parser("mail", help="SMTP sink writing each e-mail to a folder")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8025, help="port (0 picks a free one)")
    parser.add_argument("--dir", default="sim-mail", help="folder for the .eml files")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from kiosk.backoffice.mail.sim import MailSink
    from kiosk.cli import UserError

    try:
        sink = MailSink(args.dir, args.host, args.port).start()
    except (OSError, RuntimeError) as error:
        raise UserError(f"cannot listen on {args.host}:{args.port}: {error}") from None
    print(f"mail listening on {sink.host}:{sink.port}, writing to {sink.folder}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        sink.stop()
    return 0
