# ruff: noqa: E501 - the page's script and style are kept as written for a browser
"""The station's web page: sign-in form and the live board (one file, no build step).

The board page opens ``/events`` (server-sent events) and redraws on each message;
ages tick every second in the browser. A new alert, or one escalated to this
person's level, beeps (Web Audio), vibrates (``navigator.vibrate``) and shows a
notification when the browser allows it. Alert colours follow their age: green
under half the escalation time, amber until escalation, red after.
"""

from __future__ import annotations

_STYLE = """
:root { color-scheme: light dark; --ok: #1b7f3b; --warn: #b26a00; --bad: #b3261e; }
body { font: 18px/1.4 system-ui, sans-serif; margin: 0; padding: 12px; }
header { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
h1 { font-size: 22px; margin: 0; }
button { font: inherit; min-height: 48px; padding: 8px 16px; border-radius: 8px; }
.alerts, .lanes { display: grid; gap: 10px; margin-top: 12px;
  grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); }
.alert, .lane { border: 2px solid #8885; border-radius: 10px; padding: 10px; }
.alert.age0 { border-color: var(--ok); } .alert.age1 { border-color: var(--warn); }
.alert.age2 { border-color: var(--bad); background: #b3261e22; }
.age { font-weight: bold; } .level { color: var(--bad); font-weight: bold; }
.lane.closed, .lane.paused { opacity: .7; } .lane.out_of_service { border-color: var(--bad); }
.error { color: var(--bad); font-weight: bold; }
form.signin { max-width: 360px; margin: 10vh auto; display: grid; gap: 12px; }
input { font: inherit; min-height: 44px; padding: 6px; }
"""

SIGN_IN = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Station - sign in</title><style>{_STYLE}</style></head>
<body><form class="signin" method="post" action="/signin">
<h1>Attendant station</h1>{{message}}
<label>Staff ID <input name="staff_id" id="staff_id" autocomplete="username" required></label>
<label>PIN <input name="pin" id="pin" type="password" inputmode="numeric"
 autocomplete="current-password" required></label>
<button type="submit" id="signin">Sign in</button>
</form></body></html>
"""

_SCRIPT = """
const me = document.body.dataset.role;
const supervisor = me === "supervisor" || me === "manager";
let board = null, offset = 0, known = new Map();
const esc = s => String(s).replace(/[&<>"]/g, c => ({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}[c]));
function fmt(s) { s = Math.max(0, Math.round(s)); return s < 60 ? s + " s" : Math.floor(s/60) + " min " + (s%60) + " s"; }
function alarm(text) {
  try { const ctx = new AudioContext(), o = ctx.createOscillator(); o.frequency.value = 880;
        o.connect(ctx.destination); o.start(); o.stop(ctx.currentTime + 0.3); } catch (e) {}
  if (navigator.vibrate) navigator.vibrate([200, 100, 200]);
  if (window.Notification && Notification.permission === "granted") new Notification(text);
}
function ageClass(a) { const half = board.escalate_after_s / 2;
  return a.level > 0 ? 2 : (a.age_s >= half ? 1 : 0); }
function draw() {
  if (!board) return;
  const now = Date.now() / 1000 - offset;
  for (const a of board.alerts) a.age_s = now - Date.parse(a.raised_at) / 1000;
  document.getElementById("alerts").innerHTML = board.alerts.length ? board.alerts.map(a => `
    <div class="alert age${ageClass(a)}" id="alert-${a.id}" data-kind="${esc(a.kind)}">
      <div><b>${esc(a.lane_id)}</b> - ${esc(a.kind.replaceAll("_", " "))}
      <span class="age">${fmt(a.age_s)}</span>
      ${a.level ? `<span class="level">${a.level > 1 ? "supervisor" : "escalated"}</span>` : ""}</div>
      <div>${esc(a.detail)}</div>
      ${a.acked_by ? `<div class="coming">${esc(a.acked_by)} is on the way</div>`
        : `<button class="ack" data-id="${a.id}">I'm on my way</button>`}
    </div>`).join("") : "<p id='quiet'>No alerts.</p>";
  document.getElementById("lanes").innerHTML = board.lanes.map(l => `
    <div class="lane ${esc(l.state)}" id="lane-${esc(l.lane_id)}">
      <div><b>${esc(l.lane_id)}</b> ${esc(l.state.replaceAll("_", " "))} - ${esc(l.journey.replaceAll("_", " "))} / ${esc(l.step.replaceAll("_", " "))}</div>
      <div>${l.items} items, ${esc(l.total)} ${esc(l.currency)}; last touch ${fmt(l.last_touch_s + l.seen_s)} ago</div>
      <div>${l.devices.filter(d => !d.ok).map(d => `<span class="error">${esc(d.name)}: ${esc(d.status)}</span>`).join(" ")}
      ${Object.entries(l.consumables).map(([k, v]) => `${esc(k)} ${esc(v)}`).join(", ")}</div>
    </div>`).join("");
  for (const b of document.querySelectorAll("button.ack")) b.onclick = () => ack(b.dataset.id, b);
}
async function ack(id, button) {
  button.disabled = true;
  const answer = await fetch(`/api/alerts/${id}/ack`, {method: "POST"});
  if (!answer.ok) { button.disabled = false; button.textContent = (await answer.json()).error; }
}
function take(next) {
  offset = Date.now() / 1000 - Date.parse(next.now) / 1000;
  for (const a of next.alerts) {
    const before = known.get(a.id);
    if (before === undefined) alarm(`${a.lane_id}: ${a.kind.replaceAll("_", " ")}`);
    else if (a.level > before && (a.level < 2 || supervisor)) alarm(`Still waiting: ${a.lane_id}`);
  }
  known = new Map(next.alerts.map(a => [a.id, a.level]));
  board = next; draw();
}
const source = new EventSource("/events");
source.onmessage = e => take(JSON.parse(e.data));
source.onerror = () => { document.getElementById("link").textContent = "reconnecting..."; };
source.onopen = () => { document.getElementById("link").textContent = "live"; };
setInterval(draw, 1000);
document.getElementById("notify").onclick = () => window.Notification && Notification.requestPermission();
"""

PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Attendant station</title><style>{_STYLE}</style></head>
<body data-role="{{role}}">
<header><h1>Lanes</h1><span id="link">connecting...</span>
<span>{{name}}</span><button id="notify">Alerts on</button>
<form method="post" action="/signout"><button id="signout">Sign out</button></form></header>
<section class="alerts" id="alerts"></section>
<section class="lanes" id="lanes"></section>
<script>{_SCRIPT}</script></body></html>
"""
