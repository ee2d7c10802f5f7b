"""The station page's own texts in English, Spanish and French, and how it picks one.

The page is not a Qt screen (no ``tr()``): its texts are this table, the same keys in
each language (a test checks). The language is, in order: ``?lang=xx`` on the page's
address (kept in a cookie, so a phone stays in the language its owner chose), the
cookie, the browser's ``Accept-Language``, English.
"""

from __future__ import annotations

LANGUAGES = ("en", "es", "fr")
COOKIE = "kiosk_station_lang"

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Attendant station",
        "sign_in_title": "Station - sign in",
        "staff_id": "Staff ID",
        "pin": "PIN",
        "sign_in": "Sign in",
        "sign_out": "Sign out",
        "lanes": "Lanes",
        "alerts_on": "Alerts on",
        "connecting": "connecting...",
        "live": "live",
        "reconnecting": "reconnecting...",
        "no_alerts": "No alerts.",
        "on_my_way": "I'm on my way",
        "is_on_the_way": "{name} is on the way",
        "escalated": "escalated",
        "supervisor": "supervisor",
        "still_waiting": "Still waiting: {lane}",
        "items": "{n} items",
        "last_touch": "last touch {age} ago",
        "offline": "offline",
        "answer": "Answer",
        "approve": "Approve",
        "refuse": "Refuse",
        "add_item": "Add item",
        "item_code": "Item code or PLU",
        "price": "Price",
        "quantity": "Qty",
        "reason": "Reason",
        "void": "Void",
        "set_quantity": "Set qty",
        "set_price": "Set price",
        "suspend": "Suspend basket",
        "resume": "Resume basket",
        "close_lane": "Close lane",
        "open_lane": "Open lane",
        "at_the_lane": "Needs a person at the lane",
        "recent": "Recent actions",
        "pending": "waiting for the lane",
        "done": "done",
        "refused": "refused",
        "state_open": "open",
        "state_closed": "closed",
        "state_paused": "paused",
        "state_out_of_service": "out of service",
        "wrong_pin": "Wrong staff ID or PIN.",
        "disabled": "This account is disabled.",
        "locked": "Too many wrong PINs: try again at {when}.",
    },
    "es": {
        "title": "Puesto de asistencia",
        "sign_in_title": "Puesto - identificarse",
        "staff_id": "ID de empleado",
        "pin": "PIN",
        "sign_in": "Entrar",
        "sign_out": "Salir",
        "lanes": "Cajas",
        "alerts_on": "Activar avisos",
        "connecting": "conectando...",
        "live": "en directo",
        "reconnecting": "reconectando...",
        "no_alerts": "Sin avisos.",
        "on_my_way": "Voy para allá",
        "is_on_the_way": "{name} va para allá",
        "escalated": "escalado",
        "supervisor": "supervisor",
        "still_waiting": "Sigue esperando: {lane}",
        "items": "{n} artículos",
        "last_touch": "último toque hace {age}",
        "offline": "sin conexión",
        "answer": "Atender",
        "approve": "Aprobar",
        "refuse": "Rechazar",
        "add_item": "Añadir artículo",
        "item_code": "Código o PLU",
        "price": "Precio",
        "quantity": "Cant.",
        "reason": "Motivo",
        "void": "Anular",
        "set_quantity": "Cambiar cant.",
        "set_price": "Cambiar precio",
        "suspend": "Suspender cesta",
        "resume": "Reanudar cesta",
        "close_lane": "Cerrar caja",
        "open_lane": "Abrir caja",
        "at_the_lane": "Necesita a alguien en la caja",
        "recent": "Acciones recientes",
        "pending": "esperando a la caja",
        "done": "hecho",
        "refused": "rechazado",
        "state_open": "abierta",
        "state_closed": "cerrada",
        "state_paused": "en pausa",
        "state_out_of_service": "fuera de servicio",
        "wrong_pin": "ID de empleado o PIN incorrecto.",
        "disabled": "Esta cuenta está desactivada.",
        "locked": "Demasiados PIN incorrectos: inténtelo de nuevo a las {when}.",
    },
    "fr": {
        "title": "Poste d'assistance",
        "sign_in_title": "Poste - connexion",
        "staff_id": "Identifiant",
        "pin": "Code PIN",
        "sign_in": "Se connecter",
        "sign_out": "Se déconnecter",
        "lanes": "Caisses",
        "alerts_on": "Activer les alertes",
        "connecting": "connexion...",
        "live": "en direct",
        "reconnecting": "reconnexion...",
        "no_alerts": "Aucune alerte.",
        "on_my_way": "J'arrive",
        "is_on_the_way": "{name} arrive",
        "escalated": "relancé",
        "supervisor": "superviseur",
        "still_waiting": "Attend toujours : {lane}",
        "items": "{n} articles",
        "last_touch": "dernière touche il y a {age}",
        "offline": "hors ligne",
        "answer": "Répondre",
        "approve": "Approuver",
        "refuse": "Refuser",
        "add_item": "Ajouter l'article",
        "item_code": "Code ou PLU",
        "price": "Prix",
        "quantity": "Qté",
        "reason": "Motif",
        "void": "Annuler",
        "set_quantity": "Changer la qté",
        "set_price": "Changer le prix",
        "suspend": "Suspendre le panier",
        "resume": "Reprendre le panier",
        "close_lane": "Fermer la caisse",
        "open_lane": "Ouvrir la caisse",
        "at_the_lane": "Une personne doit venir à la caisse",
        "recent": "Actions récentes",
        "pending": "en attente de la caisse",
        "done": "fait",
        "refused": "refusé",
        "state_open": "ouverte",
        "state_closed": "fermée",
        "state_paused": "en pause",
        "state_out_of_service": "hors service",
        "wrong_pin": "Identifiant ou code PIN incorrect.",
        "disabled": "Ce compte est désactivé.",
        "locked": "Trop de codes erronés : réessayez à {when}.",
    },
}


def pick_language(query: str | None, cookie: str | None, accept: str | None) -> str:
    """The page's language: ``?lang=``, then the cookie, then ``Accept-Language``, then en."""
    for choice in (query, cookie):
        if choice in LANGUAGES:
            return str(choice)
    ranked: list[tuple[float, int, str]] = []
    for n, part in enumerate((accept or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and weight > 0:
            ranked.append((-weight, n, primary))
    return sorted(ranked)[0][2] if ranked else "en"
