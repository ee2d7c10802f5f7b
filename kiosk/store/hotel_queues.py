"""The hotel lane's queued work: deposits to capture or release, e-mails to guests.

Both are written by the visit that asks for them and done later by the lane's
background sender (:mod:`kiosk.app.hotel.background`), so that a card terminal or
a network that is down never keeps a guest waiting and nothing asked is lost
across a crash (each write is its own ``BEGIN IMMEDIATE`` transaction).

Deposits (``deposit_task``): :func:`queue_deposit` records what to do with a
pre-authorisation (``capture`` an amount, or ``release`` it) together with the
payment journal reference its request will carry, and in the same transaction
marks the stay's held deposit (:mod:`kiosk.store.stays`) settled, so that no
other visit captures it again. One task per pre-authorisation (a second one is
refused). :func:`stay_capture` finds a stay's capture queued or done, for a check-out
asked again after a crash (the capture is then posted to the bill by that visit).
:func:`renew_deposit_reference` gives a task a fresh reference after a
request that certainly did not reach the terminal; :func:`finish_deposit` ends it
``done`` or ``failed``. A failed task is the front desk's to settle with the guest
(:func:`failed_deposits` lists those still open, :func:`settle_failed_deposit` closes
one, naming who; migration 0015).

A task whose request's outcome stays unknown (the terminal cannot say) is *in doubt*:
:func:`doubt_round` counts the sender's rounds on that request (with the task's
``attempts``) and, at the round that reaches the lane's limit, marks it raised for the
front desk, once, with the caller's ``also(conn)`` (its service event) in the same
transaction; :func:`raised_doubts` lists those raised and still queued. The count and
the raise are kept in the ``sync_state`` row ``deposit_doubt/<pre-authorisation>`` (the
task's table has no column for them); every end or renewal of the task drops it in its
own transaction. :func:`settle_doubt_at_desk` ends a task in doubt on the front desk's
word, inside the caller's transaction (the payment journal's verdict); a "not taken"
keeps the row as a *watch* (``watch``: who said it), so that the terminal is still
asked: :func:`watched_doubts` lists them, :func:`taken_after_desk` marks one the
terminal took after all (an alert of its own), :func:`end_watch` drops one.

Room-ready notices (``room_notice``): :func:`watch_room` keeps the guest's address
for a stay whose room was not ready; :func:`room_notices` lists those waiting;
:func:`room_notice_done` ends one once its e-mail is queued.

E-mails (``mail_out``): :func:`queue_mail` keeps the whole message;
:func:`mail_sent` empties it once the server accepted it; :func:`mail_failed`
ends one the server refused for good; :func:`mail_attempted` counts a try that
failed for now (the network, a server that is down).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.store.codec import utc_now
from kiosk.store.db import write_transaction
from kiosk.store.errors import StoreError, sqlite_errors

ACTIONS = ("capture", "release")
_ENDS = ("done", "failed")


@dataclass(frozen=True)
class DepositTask:
    """A deposit to capture (``amount_minor``) or release, and where it stands."""

    preauth_ref: str
    action: str
    amount_minor: int
    currency: str
    stay_id: str
    checkin_id: str
    reference: str
    state: str
    attempts: int
    last_error: str


@dataclass(frozen=True)
class QueuedMail:
    """An e-mail waiting for the server (``message``: the RFC 5322 bytes)."""

    mail_id: str
    kind: str
    recipient: str
    message: bytes
    state: str
    attempts: int
    last_error: str


_TASK_COLUMNS = (
    "preauth_ref, action, amount_minor, currency, stay_id, checkin_id, reference, state, "
    "attempts, last_error"
)


def _task(row: Any) -> DepositTask:
    return DepositTask(
        str(row[0]), str(row[1]), int(row[2]), str(row[3]), str(row[4]), str(row[5]),
        str(row[6]), str(row[7]), int(row[8]), str(row[9]),
    )  # fmt: skip


def queue_deposit(
    conn: sqlite3.Connection,
    *,
    preauth_ref: str,
    action: str,
    amount_minor: int,
    currency: str,
    reference: str,
) -> DepositTask:
    """Queue the capture or release of pre-authorisation ``preauth_ref`` and mark the
    stay's held deposit settled, in one transaction.

    Raises:
        StoreError: an unknown action, an empty reference, a negative amount, a task
            for ``preauth_ref`` already queued, or the write failed.
    """
    if action not in ACTIONS:
        raise StoreError(f"deposit {preauth_ref}: action {action!r} is not one of {ACTIONS}")
    if not preauth_ref or not reference:
        raise StoreError("deposit task: the pre-authorisation and request references are needed")
    if amount_minor < 0:
        raise StoreError(f"deposit {preauth_ref}: amount {amount_minor} is negative")
    now = utc_now()
    settled = "captured" if action == "capture" else "released"
    what = f"queueing the {action} of deposit {preauth_ref}"
    with sqlite_errors(what), write_transaction(conn):
        found = conn.execute(
            "SELECT state FROM deposit_task WHERE preauth_ref = ?", (preauth_ref,)
        ).fetchone()
        if found is not None:
            raise StoreError(f"deposit {preauth_ref}: already queued ({found[0]})")
        stay = conn.execute(
            "SELECT stay_id, checkin_id FROM stay_deposit WHERE reference = ?", (preauth_ref,)
        ).fetchone()
        stay_id, checkin_id = (str(stay[0]), str(stay[1])) if stay else ("", "")
        conn.execute(
            f"INSERT INTO deposit_task ({_TASK_COLUMNS}, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, '', ?, ?)",
            (preauth_ref, action, amount_minor, currency, stay_id, checkin_id, reference,
             now, now),
        )  # fmt: skip
        conn.execute(
            "UPDATE stay_deposit SET state = ?, updated_at = ? "
            "WHERE reference = ? AND state = 'held'",
            (settled, now, preauth_ref),
        )
    task = deposit_task(conn, preauth_ref)
    assert task is not None
    return task


def deposit_task(conn: sqlite3.Connection, preauth_ref: str) -> DepositTask | None:
    """The task for pre-authorisation ``preauth_ref``, or None."""
    with sqlite_errors(f"reading the deposit task of {preauth_ref}"):
        row = conn.execute(
            f"SELECT {_TASK_COLUMNS} FROM deposit_task WHERE preauth_ref = ?", (preauth_ref,)
        ).fetchone()
    return None if row is None else _task(row)


def stay_capture(conn: sqlite3.Connection, stay_id: str) -> DepositTask | None:
    """The capture queued or done for stay ``stay_id`` (the newest), or None: a
    check-out asked again after a crash finds the deposit it already settled."""
    if not stay_id:
        return None
    with sqlite_errors(f"reading the deposit capture of stay {stay_id}"):
        row = conn.execute(
            f"SELECT {_TASK_COLUMNS} FROM deposit_task WHERE stay_id = ? AND action = 'capture' "
            "AND state IN ('queued', 'done') ORDER BY created_at DESC, preauth_ref LIMIT 1",
            (stay_id,),
        ).fetchone()
    return None if row is None else _task(row)


def deposit_tasks(conn: sqlite3.Connection, state: str | None = "queued") -> list[DepositTask]:
    """Tasks in ``state`` (None: all), oldest first."""
    where, args = ("WHERE state = ?", (state,)) if state else ("", ())
    with sqlite_errors("reading the deposit tasks"):
        rows = conn.execute(
            f"SELECT {_TASK_COLUMNS} FROM deposit_task {where} ORDER BY created_at, preauth_ref",
            args,
        ).fetchall()
    return [_task(row) for row in rows]


def renew_deposit_reference(
    conn: sqlite3.Connection,
    preauth_ref: str,
    reference: str,
    error: str,
    also: Callable[[sqlite3.Connection], object] | None = None,
) -> None:
    """A request that certainly did not reach the terminal: the next try goes with
    ``reference`` (the old one is used up in the journal); its doubt, if any, ends with
    ``also(conn)`` in the same transaction.

    Raises:
        StoreError: the write failed.
    """
    what = f"renewing the reference of deposit {preauth_ref}"
    with sqlite_errors(what), write_transaction(conn):
        if also is not None:
            also(conn)
        conn.execute(
            "UPDATE deposit_task SET reference = ?, attempts = attempts + 1, "
            "last_error = ?, updated_at = ? WHERE preauth_ref = ? AND state = 'queued'",
            (reference, error[:500], utc_now(), preauth_ref),
        )
        _drop_doubt(conn, preauth_ref)


def deposit_attempted(conn: sqlite3.Connection, preauth_ref: str, error: str) -> None:
    """Count a try that could not finish now (kept queued)."""
    with sqlite_errors(f"noting a try of deposit {preauth_ref}"), write_transaction(conn):
        conn.execute(
            "UPDATE deposit_task SET attempts = attempts + 1, last_error = ?, updated_at = ? "
            "WHERE preauth_ref = ? AND state = 'queued'",
            (error[:500], utc_now(), preauth_ref),
        )


def finish_deposit(
    conn: sqlite3.Connection,
    preauth_ref: str,
    state: str,
    note: str = "",
    also: Callable[[sqlite3.Connection], object] | None = None,
) -> None:
    """End the task ``done`` or ``failed`` (``note``: why it failed); ``also(conn)``
    writes more in the same transaction (the front desk's service event).

    Raises:
        StoreError: an unknown state, or the write failed.
    """
    if state not in _ENDS:
        raise StoreError(f"deposit {preauth_ref}: state {state!r} is not one of {_ENDS}")
    with sqlite_errors(f"finishing deposit task {preauth_ref}"), write_transaction(conn):
        changed = conn.execute(
            "UPDATE deposit_task SET state = ?, last_error = ?, updated_at = ? "
            "WHERE preauth_ref = ? AND state = 'queued'",
            (state, note[:500], utc_now(), preauth_ref),
        ).rowcount
        if changed and also is not None:
            also(conn)
        _drop_doubt(conn, preauth_ref)


def failed_deposits(conn: sqlite3.Connection) -> list[tuple[DepositTask, str]]:
    """Failed tasks the front desk has not settled yet, with when they failed (ISO text),
    oldest first."""
    with sqlite_errors("reading the failed deposit tasks"):
        rows = conn.execute(
            f"SELECT {_TASK_COLUMNS}, updated_at FROM deposit_task "
            "WHERE state = 'failed' AND settled_by = '' ORDER BY updated_at, preauth_ref"
        ).fetchall()
    return [(_task(row), str(row[10])) for row in rows]


def settle_failed_deposit(
    conn: sqlite3.Connection,
    preauth_ref: str,
    staff_id: str,
    also: Callable[[sqlite3.Connection], object] | None = None,
) -> bool:
    """The front desk settled failed task ``preauth_ref`` with the guest (``staff_id``);
    ``also(conn)`` in the same transaction. False if it is not an open failure.

    Raises:
        StoreError: no staff id, or the write failed.
    """
    if not staff_id:
        raise StoreError(f"deposit {preauth_ref}: who settled it is needed")
    now = utc_now()
    with sqlite_errors(f"settling deposit task {preauth_ref}"), write_transaction(conn):
        changed = conn.execute(
            "UPDATE deposit_task SET settled_by = ?, settled_at = ?, updated_at = ? "
            "WHERE preauth_ref = ? AND state = 'failed' AND settled_by = ''",
            (staff_id[:64], now, now, preauth_ref),
        ).rowcount
        if changed and also is not None:
            also(conn)
    return bool(changed)


# -- deposits in doubt ----------------------------------------------------------------------

_DOUBT = "deposit_doubt/"


@dataclass(frozen=True)
class DepositDoubt:
    """A queued task whose request (``reference``) the terminal could not say the end of
    for ``rounds`` of the sender's rounds; ``raised_at`` (ISO text): when the front desk
    was told ("" while not yet)."""

    preauth_ref: str
    reference: str
    rounds: int
    raised_at: str
    watch: str = ""  # who said "not taken": the terminal is still asked (a failed task)
    after_at: str = ""  # when the terminal was found to have taken it after all


def _doubt(conn: sqlite3.Connection, preauth_ref: str) -> DepositDoubt | None:
    row = conn.execute(
        "SELECT value FROM sync_state WHERE key = ?", (_DOUBT + preauth_ref,)
    ).fetchone()
    if row is None:
        return None
    try:
        facts = json.loads(row[0])
        return DepositDoubt(
            preauth_ref,
            str(facts["reference"]),
            int(facts["rounds"]),
            str(facts["raised_at"]),
            str(facts.get("watch", "")),
            str(facts.get("after_at", "")),
        )
    except (ValueError, KeyError, TypeError):  # a damaged row: counted anew, never a crash
        return None


def _keep_doubt(conn: sqlite3.Connection, doubt: DepositDoubt) -> None:
    value = dataclasses.asdict(doubt)
    value.pop("preauth_ref")
    conn.execute(
        "INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) "
        "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        (_DOUBT + doubt.preauth_ref, json.dumps(value, sort_keys=True), utc_now()),
    )


def _drop_doubt(conn: sqlite3.Connection, preauth_ref: str) -> None:
    conn.execute("DELETE FROM sync_state WHERE key = ?", (_DOUBT + preauth_ref,))


def deposit_doubt(conn: sqlite3.Connection, preauth_ref: str) -> DepositDoubt | None:
    """The doubt over task ``preauth_ref``'s request, or None (also for a damaged row).

    Raises:
        StoreError: the store cannot be read.
    """
    with sqlite_errors(f"reading the doubt over deposit {preauth_ref}"):
        return _doubt(conn, preauth_ref)


def doubt_round(
    conn: sqlite3.Connection,
    preauth_ref: str,
    reference: str,
    error: str,
    *,
    raise_after: int,
    also: Callable[[sqlite3.Connection, DepositDoubt], object] | None = None,
) -> DepositDoubt | None:
    """One more round in which the terminal could not say how request ``reference`` of
    queued task ``preauth_ref`` ended: counted (with the task's ``attempts``); at the round
    that reaches ``raise_after`` it is raised for the front desk, with ``also(conn, doubt)``
    in the same transaction (once: a raised doubt is only counted after). Returns the
    doubt, or None if the task is not queued any more.

    Raises:
        StoreError: the write failed.
    """
    with sqlite_errors(f"noting a round of deposit {preauth_ref}"), write_transaction(conn):
        changed = conn.execute(
            "UPDATE deposit_task SET attempts = attempts + 1, last_error = ?, updated_at = ? "
            "WHERE preauth_ref = ? AND state = 'queued'",
            (error[:500], utc_now(), preauth_ref),
        ).rowcount
        if not changed:
            return None
        before = _doubt(conn, preauth_ref)
        if before is None or before.reference != reference:  # a new request: counted anew
            before = DepositDoubt(preauth_ref, reference, 0, "")
        doubt = dataclasses.replace(before, rounds=before.rounds + 1)
        if not doubt.raised_at and doubt.rounds >= raise_after:
            doubt = dataclasses.replace(doubt, raised_at=utc_now())
            if also is not None:
                also(conn, doubt)
        _keep_doubt(conn, doubt)
    return doubt


def raised_doubts(conn: sqlite3.Connection) -> list[tuple[DepositTask, DepositDoubt]]:
    """Queued tasks whose doubt was raised for the front desk, oldest raise first.

    Raises:
        StoreError: the store cannot be read.
    """
    return _doubts(
        conn,
        "the deposits in doubt",
        lambda task, doubt: bool(doubt.raised_at) and task.state == "queued",
        lambda doubt: doubt.raised_at,
    )


def _doubts(
    conn: sqlite3.Connection,
    what: str,
    keep: Callable[[DepositTask, DepositDoubt], bool],
    when: Callable[[DepositDoubt], str],
) -> list[tuple[DepositTask, DepositDoubt]]:
    """(task, doubt) of every kept doubt with its task, by ``when`` then reference."""
    with sqlite_errors(f"reading {what}"):
        found = []
        for preauth_ref in _doubt_keys(conn):
            doubt, task = _doubt(conn, preauth_ref), deposit_task(conn, preauth_ref)
            if doubt and task and keep(task, doubt):
                found.append((task, doubt))
    return sorted(found, key=lambda pair: (when(pair[1]), pair[0].preauth_ref))


def settle_doubt_at_desk(
    conn: sqlite3.Connection, preauth_ref: str, reference: str, captured: bool, staff_id: str
) -> bool:
    """Inside the caller's transaction: end queued task ``preauth_ref`` (request
    ``reference``) on the front desk's word (``staff_id``): ``done`` if the terminal took it
    (``captured``), else ``failed`` and settled (the front desk charged the guest
    otherwise: never sent again, never listed as open). False if the task is not queued
    with that request.

    Raises:
        StoreError: no staff id.
        sqlite3.Error: the write failed (the caller's transaction rolls back).
    """
    if not staff_id:
        raise StoreError(f"deposit {preauth_ref}: who settled it is needed")
    now = utc_now()
    state, note = ("done", "") if captured else ("failed", "not taken: settled at the front desk")
    doubt = _doubt(conn, preauth_ref)
    changed = conn.execute(
        "UPDATE deposit_task SET state = ?, last_error = ?, settled_by = ?, settled_at = ?, "
        "updated_at = ? WHERE preauth_ref = ? AND reference = ? AND state = 'queued'",
        (state, note, staff_id[:64], now, now, preauth_ref, reference),
    ).rowcount
    _drop_doubt(conn, preauth_ref)
    if changed and not captured:  # the terminal is still asked, in case staff were wrong
        doubt = doubt or DepositDoubt(preauth_ref, reference, 0, "")
        _keep_doubt(conn, dataclasses.replace(doubt, reference=reference, watch=staff_id[:64]))
    return bool(changed)


def watched_doubts(conn: sqlite3.Connection) -> list[tuple[DepositTask, DepositDoubt]]:
    """Tasks the front desk said the terminal did not take (their request still asked
    about), with those found taken after all (``after_at``), oldest first.

    Raises:
        StoreError: the store cannot be read.
    """
    return _doubts(
        conn,
        "the watched deposits",
        lambda task, doubt: bool(doubt.watch) and task.state == "failed",
        lambda doubt: doubt.after_at,
    )


def taken_after_desk(
    conn: sqlite3.Connection,
    preauth_ref: str,
    also: Callable[[sqlite3.Connection, DepositDoubt], object] | None = None,
) -> DepositDoubt | None:
    """The terminal took watched task ``preauth_ref``'s request after all: marked (now),
    with ``also(conn, doubt)`` in the same transaction; None if it is not watched (or
    marked already).

    Raises:
        StoreError: the write failed.
    """
    with sqlite_errors(f"marking deposit {preauth_ref} taken"), write_transaction(conn):
        doubt = _doubt(conn, preauth_ref)
        if doubt is None or not doubt.watch or doubt.after_at:
            return None
        doubt = dataclasses.replace(doubt, after_at=utc_now())
        _keep_doubt(conn, doubt)
        if also is not None:
            also(conn, doubt)
    return doubt


def end_watch(
    conn: sqlite3.Connection,
    preauth_ref: str,
    also: Callable[[sqlite3.Connection], object] | None = None,
) -> bool:
    """Stop asking about watched task ``preauth_ref`` (the terminal confirmed staff, or
    the front desk settled what it took after all), ``also(conn)`` in the same
    transaction; False if it was not watched.

    Raises:
        StoreError: the write failed.
    """
    with sqlite_errors(f"ending the watch of deposit {preauth_ref}"), write_transaction(conn):
        doubt = _doubt(conn, preauth_ref)
        if doubt is None or not doubt.watch:
            return False
        _drop_doubt(conn, preauth_ref)
        if also is not None:
            also(conn)
    return True


def _doubt_keys(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT substr(key, ?) FROM sync_state WHERE key >= ? AND key < ? ORDER BY key",
        (len(_DOUBT) + 1, _DOUBT, _DOUBT[:-1] + chr(ord(_DOUBT[-1]) + 1)),
    ).fetchall()
    return [str(row[0]) for row in rows]


# -- e-mail ---------------------------------------------------------------------------------

_MAIL_COLUMNS = "mail_id, kind, recipient, message, state, attempts, last_error"


def _mail(row: Any) -> QueuedMail:
    return QueuedMail(
        str(row[0]), str(row[1]), str(row[2]), bytes(row[3]), str(row[4]),
        int(row[5]), str(row[6]),
    )  # fmt: skip


def queue_mail(
    conn: sqlite3.Connection, mail_id: str, kind: str, recipient: str, message: bytes
) -> None:
    """Keep an e-mail to send (a ``mail_id`` queued before is left as it is).

    Raises:
        StoreError: an empty id, recipient or message, or the write failed.
    """
    if not mail_id or not recipient or not message:
        raise StoreError(f"e-mail {mail_id!r}: the id, the recipient and the message are needed")
    now = utc_now()
    with sqlite_errors(f"queueing e-mail {mail_id}"), write_transaction(conn):
        conn.execute(
            f"INSERT OR IGNORE INTO mail_out ({_MAIL_COLUMNS}, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, 'queued', 0, '', ?, ?)",
            (mail_id, kind, recipient, message, now, now),
        )


def queued_mail(conn: sqlite3.Connection, state: str | None = "queued") -> list[QueuedMail]:
    """E-mails in ``state`` (None: all), oldest first."""
    where, args = ("WHERE state = ?", (state,)) if state else ("", ())
    with sqlite_errors("reading the e-mail queue"):
        rows = conn.execute(
            f"SELECT {_MAIL_COLUMNS} FROM mail_out {where} ORDER BY created_at, mail_id", args
        ).fetchall()
    return [_mail(row) for row in rows]


def _mail_update(
    conn: sqlite3.Connection, mail_id: str, sql: str, args: tuple[object, ...]
) -> None:
    with sqlite_errors(f"updating e-mail {mail_id}"), write_transaction(conn):
        conn.execute(
            f"UPDATE mail_out SET {sql}, updated_at = ? WHERE mail_id = ? AND state = 'queued'",
            (*args, utc_now(), mail_id),
        )


def mail_sent(conn: sqlite3.Connection, mail_id: str) -> None:
    """The server accepted ``mail_id``: its message is emptied, the row kept as proof."""
    _mail_update(conn, mail_id, "state = 'sent', message = x'', attempts = attempts + 1", ())


def mail_failed(conn: sqlite3.Connection, mail_id: str, error: str) -> None:
    """The server refused ``mail_id`` for good (kept, for the front desk)."""
    _mail_update(
        conn, mail_id, "state = 'failed', attempts = attempts + 1, last_error = ?", (error[:500],)
    )


def mail_attempted(conn: sqlite3.Connection, mail_id: str, error: str) -> None:
    """A try of ``mail_id`` failed for now (kept queued)."""
    _mail_update(conn, mail_id, "attempts = attempts + 1, last_error = ?", (error[:500],))


# -- room-ready notices -----------------------------------------------------------------------


@dataclass(frozen=True)
class RoomNotice:
    """A guest to e-mail once the stay's room is ready."""

    stay_id: str
    recipient: str
    language: str
    attempts: int
    last_error: str


def watch_room(conn: sqlite3.Connection, stay_id: str, recipient: str, language: str) -> None:
    """Keep ``recipient`` to tell when the room of ``stay_id`` is ready (a stay watched
    before keeps its first notice).

    Raises:
        StoreError: an empty stay or recipient, or the write failed.
    """
    if not stay_id or not recipient:
        raise StoreError("room notice: the stay and the recipient are needed")
    now = utc_now()
    with sqlite_errors(f"keeping the room notice of stay {stay_id}"), write_transaction(conn):
        conn.execute(
            "INSERT OR IGNORE INTO room_notice (stay_id, recipient, language, state, "
            "created_at, updated_at) VALUES (?, ?, ?, 'waiting', ?, ?)",
            (stay_id, recipient, language, now, now),
        )


def room_notices(conn: sqlite3.Connection, state: str | None = "waiting") -> list[RoomNotice]:
    """Notices in ``state`` (None: all), oldest first."""
    where, args = ("WHERE state = ?", (state,)) if state else ("", ())
    with sqlite_errors("reading the room notices"):
        rows = conn.execute(
            "SELECT stay_id, recipient, language, attempts, last_error FROM room_notice "
            f"{where} ORDER BY created_at, stay_id",
            args,
        ).fetchall()
    return [RoomNotice(str(r[0]), str(r[1]), str(r[2]), int(r[3]), str(r[4])) for r in rows]


def room_notice_done(
    conn: sqlite3.Connection, stay_id: str, state: str = "sent", error: str = ""
) -> None:
    """End the notice ``sent`` (its e-mail queued) or ``failed``; ``waiting`` counts a try
    (``error``: why it is still waiting).

    Raises:
        StoreError: an unknown state, or the write failed.
    """
    if state not in ("waiting", "sent", "failed"):
        raise StoreError(f"room notice {stay_id}: unknown state {state!r}")
    with sqlite_errors(f"updating the room notice of stay {stay_id}"), write_transaction(conn):
        conn.execute(
            "UPDATE room_notice SET state = ?, attempts = attempts + 1, last_error = ?, "
            "updated_at = ? WHERE stay_id = ? AND state = 'waiting'",
            (state, error[:500], utc_now(), stay_id),
        )
