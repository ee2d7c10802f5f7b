"""The store's attendant station: every lane live, alerts that reach a person.

A small service on the store's own network (``kiosk station serve``), so alerts
reach the attendant when the store's link to HQ is down:

- lanes report their state to it (``POST /api/lanes/LANE/report``, the store's
  station key) on every change: open/closed/paused/out of service, journey and
  step, items and total (never card data), time since the last touch, devices,
  consumables and open alerts;
- staff open its page on a phone, a tablet or a desktop, sign in with the same
  accounts, PINs (argon2id) and lockout as at a lane, and see every lane and every
  alert with its age, updated by server-sent events within a second of the lane's
  report; a new alert sounds and vibrates (browser notifications where allowed);
- "I'm on my way" from the phone reaches the lane as a command (the lane shows
  "Help is on the way"); an alert nobody acknowledges is escalated to every
  attendant, then to supervisors;
- everything a person does is audited (who, from where, how long after the alert).

Modules: :mod:`.board` (state, persistence, escalation), :mod:`.app` (HTTP),
:mod:`.page` (the web page), :mod:`.sessions` (staff sign-in).
"""
