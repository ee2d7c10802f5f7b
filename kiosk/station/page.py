# ruff: noqa: E501 - the page's script and style are kept as written for a browser
"""The station's web page: sign-in form and the live board (one file, no build step).

The board page opens ``/events`` (server-sent events) and redraws on each message;
ages tick every second in the browser (a lane not heard of for the board's
``offline_after_s`` shows as offline). A new alert, or one escalated to this person's
level, beeps (Web Audio), vibrates (``navigator.vibrate``) and shows a notification
when the browser allows it. Alert colours follow their age: green under half the
escalation time, amber until escalation, red after.

Each lane shows its state, journey and step, what it is about (items and total; for
a travel journey its ``summary``: booking, passengers, bags, fees, room...), the devices
that cannot work and each printer's paper (low in amber, out or jammed in red).

Remote help: an alert of a kind its lane takes remotely (the lane's report lists them)
has its buttons (answer, approve, refuse, pick the item or key a price); the others say
that a person is needed at the lane. A lane that takes remote help (a self-checkout)
shows its basket's lines (void, quantity, price) and suspend/resume and open/close; the
others only their alerts and "I'm on my way". A tap posts ``/api/lanes/LANE/commands``;
"Recent actions" shows each command waiting, done, or refused with the lane's reason.
Typed values survive the redraws. Texts: :mod:`kiosk.station.texts`, injected as ``T``.
"""

from __future__ import annotations

import html
import json

from kiosk.station.texts import TEXTS

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
.error, .refused { color: var(--bad); font-weight: bold; } .done { color: var(--ok); }
.media-out, .media-jammed { color: var(--bad); font-weight: bold; } .media-low { color: var(--warn); font-weight: bold; }
.lane.offline { border-style: dashed; opacity: .6; } .offline-tag { color: var(--bad); font-weight: bold; }
.remote, .line, .lane-actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 6px; }
.remote input, .line input { width: 6em; } .at-lane { font-style: italic; }
#recent li { margin: 4px 0; } .langs { display: flex; gap: 12px; }
.langs a { padding: 10px 4px; }
form.signin { max-width: 360px; margin: 10vh auto; display: grid; gap: 12px; }
input { font: inherit; min-height: 44px; padding: 6px; }
"""

# each language named in itself; the choice is kept in a cookie (kiosk.station.texts)
_LANGUAGES = (
    '<nav class="langs"><a href="/?lang=en" lang="en">English</a> '
    '<a href="/?lang=es" lang="es">Español</a> <a href="/?lang=fr" lang="fr">Français</a></nav>'
)

_SIGN_IN = f"""<!doctype html>
<html lang="{{lang}}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{sign_in_title}}</title><style>{_STYLE}</style></head>
<body><form class="signin" method="post" action="/signin">
<h1>{{title}}</h1>{{message}}
<label>{{staff_id}} <input name="staff_id" id="staff_id" autocomplete="username" required></label>
<label>{{pin}} <input name="pin" id="pin" type="password" inputmode="numeric"
 autocomplete="current-password" required></label>
<button type="submit" id="signin">{{sign_in}}</button>
{_LANGUAGES}
</form></body></html>
"""

_SCRIPT = """
const me = document.body.dataset.role;
const supervisor = me === "supervisor" || me === "manager";
const T = JSON.parse(document.getElementById("texts").textContent);
const t = (key, params) => T[key].replace(/\\{(\\w+)\\}/g, (_, k) => params[k]);
let board = null, offset = 0, known = new Map();
const esc = s => String(s).replace(/[&<>"']/g, c => ({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"}[c]));
function fmt(s) { s = Math.max(0, Math.round(s)); return s < 60 ? s + " s" : Math.floor(s/60) + " min " + (s%60) + " s"; }
function alarm(text) {
  try { const ctx = new AudioContext(), o = ctx.createOscillator(); o.frequency.value = 880;
        o.connect(ctx.destination); o.start(); o.stop(ctx.currentTime + 0.3); } catch (e) {}
  if (navigator.vibrate) navigator.vibrate([200, 100, 200]);
  if (window.Notification && Notification.permission === "granted") new Notification(text);
}
const kindText = kind => T["kind_" + kind] || kind.replaceAll("_", " ");
function ageClass(a) { const half = board.escalate_after_s / 2;
  return a.level > 0 ? 2 : (a.age_s >= half ? 1 : 0); }
function places(lane) { const m = /\\.(\\d+)$/.exec(lane.total); return m ? m[1].length : 0; }
function minor(text, lane) { const v = parseFloat(String(text).replace(",", "."));
  return isFinite(v) && v >= 0 ? Math.round(v * 10 ** places(lane)) : null; }
const APPROVE = ["quantity_limit", "void_request", "price_override", "age_restricted"];
const PACKS = ["expired_item", "recalled_item"];  // refused packs: staff take them away
function remoteButtons(a, lane) {
  if (!lane || !lane.remote.includes(a.kind)) return `<div class="at-lane">${esc(T.at_the_lane)}</div>`;
  const id = a.id, act = (cls, text, extra) => `<button class="${cls}" data-alert="${id}" data-lane="${esc(a.lane_id)}" ${extra || ""}>${esc(text)}</button>`;
  if (a.kind === "unknown_barcode") return `<div class="remote">
      <input id="code-${id}" data-keep placeholder="${esc(T.item_code)}" aria-label="${esc(T.item_code)}">
      <input id="price-${id}" data-keep inputmode="decimal" placeholder="${esc(T.price)}" aria-label="${esc(T.price)}">
      ${act("add-item", T.add_item)} ${act("refuse", T.refuse)}</div>`;
  if (APPROVE.includes(a.kind)) return `<div class="remote">${act("approve", T.approve)} ${act("refuse", T.refuse)}</div>`;
  if (PACKS.includes(a.kind)) return `<div class="remote">${act("answer", T.taken_away)}</div>`;
  return `<div class="remote">${act("answer", T.answer)}</div>`;
}
function laneCard(l, now) {
  const seen = now - l.seen_at, offline = seen > board.offline_after_s;
  const lines = l.lines.map(n => `<div class="line" id="line-${esc(l.lane_id)}-${n.no}">
      <span>${n.no}. ${esc(n.name)} x${n.quantity} @ ${esc(n.price)}</span>
      <button class="void" data-lane="${esc(l.lane_id)}" data-line="${n.no}">${esc(T.void)}</button>
      <input id="qty-${esc(l.lane_id)}-${n.no}" data-keep inputmode="numeric" placeholder="${esc(T.quantity)}" aria-label="${esc(T.quantity)}">
      <button class="qty" data-lane="${esc(l.lane_id)}" data-line="${n.no}">${esc(T.set_quantity)}</button>
      <input id="newprice-${esc(l.lane_id)}-${n.no}" data-keep inputmode="decimal" placeholder="${esc(T.price)}" aria-label="${esc(T.price)}">
      <button class="price" data-lane="${esc(l.lane_id)}" data-line="${n.no}">${esc(T.set_price)}</button></div>`).join("");
  const coupons = (l.coupons || []).map((c, i) => `<div class="coupon" id="coupon-${esc(l.lane_id)}-${i}">
      ${esc(T.coupon)}: ${esc(c.name)} -${esc(c.saving)} ${esc(l.currency)}${c.met ? "" : " (" + esc(T.coupon_not_met) + ")"}</div>`).join("");
  const paused = l.state === "paused", closed = l.state === "closed";
  const summary = Object.entries(l.summary || {});
  const about = summary.length ? summary.map(([k, v]) => esc(T["sum_" + k] ? t("sum_" + k, {v: T[k + "_" + v] || v}) : k + " " + v)).join(", ")
    : `${esc(t("items", {n: l.items}))}, ${esc(l.total)} ${esc(l.currency)}`;
  const media = Object.entries(l.consumables).map(([k, v]) =>
    `<span class="media media-${esc(v)}" data-device="${esc(k)}">${esc(k)}: ${esc(T["media_" + v] || v)}</span>`).join(" ");
  return `<div class="lane ${esc(l.state)}${offline ? " offline" : ""}" id="lane-${esc(l.lane_id)}" data-journey="${esc(l.journey)}" data-step="${esc(l.step)}">
      <div><b>${esc(l.lane_id)}</b> ${offline ? `<span class="offline-tag">${esc(T.offline)}</span>` : ""}
      ${esc(T["state_" + l.state] || l.state)} - <span class="journey">${esc(T["journey_" + l.journey] || l.journey.replaceAll("_", " "))}</span> / <span class="step">${esc(l.step.replaceAll("_", " "))}</span></div>
      <div class="summary">${about}; ${esc(t("last_touch", {age: fmt(l.last_touch_s + seen)}))}</div>
      <div>${l.devices.filter(d => !d.ok).map(d => `<span class="error">${esc(d.name)}: ${esc(d.status)}</span>`).join(" ")}
      ${media}</div>${coupons}
      ${l.remote.length ? lines + `<div class="lane-actions">
      <button class="${paused ? "resume" : "suspend"}" data-lane="${esc(l.lane_id)}">${esc(paused ? T.resume : T.suspend)}</button>
      <button class="${closed ? "open-lane" : "close-lane"}" data-lane="${esc(l.lane_id)}">${esc(closed ? T.open_lane : T.close_lane)}</button>
      <input id="reason-${esc(l.lane_id)}" data-keep placeholder="${esc(T.reason)}" aria-label="${esc(T.reason)}"></div>` : ""}
    </div>`;
}
function recent(c) {
  const state = c.result ? (c.result.ok ? "done" : "refused") : "pending";
  const why = c.result && c.result.message ? ": " + c.result.message : "";
  return `<li class="${state}" id="command-${c.id}" data-kind="${esc(c.kind)}">${esc(c.lane_id)} - ${esc(T["cmd_" + c.kind] || c.kind)}
    (${esc(c.staff)}): ${esc(T[state])}${esc(why)}</li>`;
}
function draw() {
  if (!board) return;
  const kept = new Map([...document.querySelectorAll("input[data-keep]")].map(i => [i.id, i.value]));
  const focused = document.activeElement && document.activeElement.id;
  const now = Date.now() / 1000 - offset;
  for (const a of board.alerts) a.age_s = now - Date.parse(a.raised_at) / 1000;
  const lanes = new Map(board.lanes.map(l => [l.lane_id, l]));
  document.getElementById("alerts").innerHTML = board.alerts.length ? board.alerts.map(a => `
    <div class="alert age${ageClass(a)}" id="alert-${a.id}" data-kind="${esc(a.kind)}">
      <div><b>${esc(a.lane_id)}</b> - ${esc(kindText(a.kind))}
      <span class="age">${fmt(a.age_s)}</span>
      ${a.level ? `<span class="level">${esc(a.level > 1 ? T.supervisor : T.escalated)}</span>` : ""}</div>
      <div>${esc(a.detail)}</div>
      ${a.acked_by ? `<div class="coming">${esc(t("is_on_the_way", {name: a.acked_by}))}</div>`
        : `<button class="ack" data-id="${a.id}">${esc(T.on_my_way)}</button>`}
      ${remoteButtons(a, lanes.get(a.lane_id))}
    </div>`).join("") : `<p id='quiet'>${esc(T.no_alerts)}</p>`;
  document.getElementById("lanes").innerHTML = board.lanes.map(l => laneCard(l, now)).join("");
  document.getElementById("recent").innerHTML = board.commands.map(recent).join("");
  for (const [id, value] of kept) { const i = document.getElementById(id); if (i) i.value = value; }
  if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  wire();
}
const val = id => (document.getElementById(id) || {}).value || "";
function wire() {
  const on = (selector, make) => { for (const b of document.querySelectorAll(selector)) b.onclick = () => make(b); };
  on("button.ack", b => ack(b.dataset.id, b));
  const lane = b => board.lanes.find(l => l.lane_id === b.dataset.lane);
  const reason = b => val("reason-" + b.dataset.lane);
  on("button.answer", b => send(b, {kind: "resolve", alert_id: +b.dataset.alert, approved: true}));
  on("button.approve", b => send(b, {kind: "resolve", alert_id: +b.dataset.alert, approved: true}));
  on("button.refuse", b => send(b, {kind: "resolve", alert_id: +b.dataset.alert, approved: false}));
  on("button.add-item", b => { const body = {kind: "resolve", alert_id: +b.dataset.alert, approved: true,
      item_code: val("code-" + b.dataset.alert).trim()};
    const price = val("price-" + b.dataset.alert).trim();
    if (price) body.price_minor = minor(price, lane(b));
    send(b, body); });
  on("button.void", b => send(b, {kind: "void_line", line_no: +b.dataset.line, reason: reason(b)}));
  on("button.qty", b => send(b, {kind: "set_quantity", line_no: +b.dataset.line,
      quantity: parseInt(val(`qty-${b.dataset.lane}-${b.dataset.line}`), 10), reason: reason(b)}));
  on("button.price", b => send(b, {kind: "override_price", line_no: +b.dataset.line,
      price_minor: minor(val(`newprice-${b.dataset.lane}-${b.dataset.line}`), lane(b)), reason: reason(b) || "station"}));
  on("button.suspend", b => send(b, {kind: "suspend", reason: reason(b)}));
  on("button.resume", b => send(b, {kind: "resume"}));
  on("button.close-lane", b => send(b, {kind: "close_lane", reason: reason(b)}));
  on("button.open-lane", b => send(b, {kind: "open_lane", reason: reason(b)}));
}
function say(text) { document.getElementById("notice").textContent = text; }
async function send(button, body) {
  button.disabled = true;
  const answer = await fetch(`/api/lanes/${encodeURIComponent(button.dataset.lane)}/commands`,
    {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
  const reply = await answer.json().catch(() => ({}));
  if (!answer.ok) { button.disabled = false;
    say(reply.error || (reply.problems || []).map(p => p.field + ": " + p.problem).join("; ") || answer.statusText); }
  else say("");
}
async function ack(id, button) {
  button.disabled = true;
  const answer = await fetch(`/api/alerts/${id}/ack`, {method: "POST"});
  if (!answer.ok) { button.disabled = false; button.textContent = (await answer.json()).error; }
}
function take(next) {
  offset = Date.now() / 1000 - Date.parse(next.now) / 1000;
  const now = Date.parse(next.now) / 1000;
  for (const l of next.lanes) l.seen_at = now - l.seen_s;
  for (const a of next.alerts) {
    const before = known.get(a.id);
    if (before === undefined) alarm(`${a.lane_id}: ${kindText(a.kind)}`);
    else if (a.level > before && (a.level < 2 || supervisor)) alarm(t("still_waiting", {lane: a.lane_id}));
  }
  known = new Map(next.alerts.map(a => [a.id, a.level]));
  board = next; draw();
}
const source = new EventSource("/events");
source.onmessage = e => take(JSON.parse(e.data));
source.addEventListener("signedout", () => { source.close(); location.reload(); });
source.onerror = () => { document.getElementById("link").textContent = T.reconnecting; };
source.onopen = () => { document.getElementById("link").textContent = T.live; };
setInterval(draw, 1000);
document.getElementById("notify").onclick = () => window.Notification && Notification.requestPermission();
"""

_PAGE = f"""<!doctype html>
<html lang="{{lang}}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title><style>{_STYLE}</style></head>
<body data-role="{{role}}">
<header><h1>{{lanes}}</h1><span id="link">{{connecting}}</span>
<span>{{name}}</span><button id="notify">{{alerts_on}}</button>
<form method="post" action="/signout"><button id="signout">{{sign_out}}</button></form>
{_LANGUAGES}</header>
<p id="notice" class="error" role="status"></p>
<section class="alerts" id="alerts"></section>
<section class="lanes" id="lanes"></section>
<h2>{{recent}}</h2><ul id="recent"></ul>
<script type="application/json" id="texts">{{texts}}</script>
<script>{_SCRIPT}</script></body></html>
"""


def _fill(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def sign_in_page(lang: str, message: str = "") -> str:
    """The sign-in form in ``lang``; ``message`` (plain text) shown as an error."""
    texts = {k: html.escape(v) for k, v in TEXTS[lang].items()}
    shown = f'<p class="error">{html.escape(message)}</p>' if message else ""
    return _fill(_SIGN_IN, {**texts, "lang": lang, "message": shown})


def board_page(lang: str, name: str, role: str) -> str:
    """The live board in ``lang`` for the signed-in ``name`` with ``role``."""
    texts = {k: html.escape(v) for k, v in TEXTS[lang].items()}
    # JSON inside <script>: "</" may not appear, so "<" is escaped
    data = json.dumps(TEXTS[lang], ensure_ascii=False).replace("<", "\\u003c")
    values = {k: v for k, v in texts.items() if k not in ("name", "role", "texts")}
    return _fill(
        _PAGE,
        {
            **values,
            "lang": lang,
            "name": html.escape(name),
            "role": html.escape(role),
            "texts": data,
        },
    )
