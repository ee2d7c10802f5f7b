"""kiosk.store.hotel_queues on a real SQLite file: one deposit task per
pre-authorisation, queued together with the stay's deposit settled, a fresh reference
only while queued, ends that stick; e-mails kept until sent (then emptied), failures
kept; bad input refused with a StoreError naming it."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.store import hotel_queues as q
from kiosk.store.errors import StoreError
from kiosk.store.stays import held_deposit, note_deposit


def test_a_deposit_task_settles_the_stays_deposit_in_the_same_transaction(
    conn: sqlite3.Connection,
) -> None:
    note_deposit(conn, stay_id="S1", checkin_id="in-1", reference="pre-1", amount_minor=15000,
                 currency="EUR")  # fmt: skip
    task = q.queue_deposit(conn, preauth_ref="pre-1", action="capture", amount_minor=1250,
                           currency="EUR", reference="ref-a")  # fmt: skip
    assert (task.stay_id, task.checkin_id, task.state, task.attempts) == ("S1", "in-1", "queued", 0)
    assert held_deposit(conn, "S1") is None  # no other visit finds it held
    with pytest.raises(StoreError, match="already queued"):
        q.queue_deposit(conn, preauth_ref="pre-1", action="release", amount_minor=0,
                        currency="EUR", reference="ref-b")  # fmt: skip
    q.renew_deposit_reference(conn, "pre-1", "ref-c", "Unreachable")
    q.deposit_attempted(conn, "pre-1", "waiting")
    task = q.deposit_task(conn, "pre-1")
    assert task is not None
    assert (task.reference, task.attempts, task.last_error) == ("ref-c", 2, "waiting")
    q.finish_deposit(conn, "pre-1", "done")
    q.renew_deposit_reference(conn, "pre-1", "ref-d", "late")  # ended: left as it is
    q.finish_deposit(conn, "pre-1", "failed", "too late")
    ended = q.deposit_task(conn, "pre-1")
    assert ended is not None
    assert (ended.state, ended.reference) == ("done", "ref-c")
    assert q.deposit_tasks(conn) == []
    assert [t.preauth_ref for t in q.deposit_tasks(conn, None)] == ["pre-1"]


@pytest.mark.parametrize(
    ("changes", "match"),
    [
        ({"action": "refund"}, "action"),
        ({"reference": ""}, "references"),
        ({"amount_minor": -1}, "negative"),
    ],
)
def test_a_bad_deposit_task_is_refused(
    conn: sqlite3.Connection, changes: dict[str, object], match: str
) -> None:
    args: dict[str, object] = {"preauth_ref": "pre-9", "action": "release", "amount_minor": 0,
                               "currency": "EUR", "reference": "ref-9"}  # fmt: skip
    with pytest.raises(StoreError, match=match):
        q.queue_deposit(conn, **{**args, **changes})  # type: ignore[arg-type]
    assert q.deposit_tasks(conn, None) == []


def test_mail_is_kept_until_sent_and_a_failure_is_kept(conn: sqlite3.Connection) -> None:
    q.queue_mail(conn, "m1", "invoice", "a@example.com", b"Subject: 1\r\n\r\nbody\r\n")
    q.queue_mail(conn, "m1", "invoice", "a@example.com", b"again")  # the same id: ignored
    q.queue_mail(conn, "m2", "registration_card", "b@example.com", b"Subject: 2\r\n\r\n")
    q.mail_attempted(conn, "m1", "server down")
    assert [(m.mail_id, m.attempts) for m in q.queued_mail(conn)] == [("m1", 1), ("m2", 0)]
    assert q.queued_mail(conn)[0].message.startswith(b"Subject: 1")
    q.mail_sent(conn, "m1")
    q.mail_failed(conn, "m2", "550 no such mailbox")
    q.mail_attempted(conn, "m1", "late")  # sent: left as it is
    (sent,) = q.queued_mail(conn, "sent")
    (failed,) = q.queued_mail(conn, "failed")
    assert (sent.message, sent.attempts) == (b"", 2)
    assert failed.message
    assert failed.last_error.startswith("550")
    with pytest.raises(StoreError, match="needed"):
        q.queue_mail(conn, "m3", "invoice", "", b"x")
