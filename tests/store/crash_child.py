"""Child process of the crash test: sells baskets until killed or done.

Usage: ``python crash_child.py DB SEED TARGET_SALES``. The catalog must be in DB.

Protocol on stdout (one line each, flushed): before every durable change an
intent line, after the call returned ``OK``:

    B <basket_id>            start a basket
    L <json basket state>    journal a changed line; the state after the change
    S <transaction_id>       complete the sale of the open basket
    OK                       the last intent is committed
    END                      TARGET_SALES sales are in the database

On start the child restores the open basket from the journal (if any) and
goes on with it, as the lane does after a crash.
"""

from __future__ import annotations

import json
import random
import sys
import uuid

from kiosk.domain.basket import Basket, BasketError
from kiosk.domain.money import Money
from kiosk.domain.tax import TaxRules
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal
from kiosk.store.sales import build_sale_document, complete_sale

RULES = TaxRules.from_strings({"standard": "21", "reduced": "10", "super_reduced": "4"})
AT = "2026-11-22T10:00:00Z"


def basket_state(basket: Basket | None) -> object:
    """What the parent compares: the basket id and every line's fields."""
    if basket is None:
        return None
    return [
        basket.basket_id,
        [
            [
                ln.line_no,
                ln.item.sku,
                ln.quantity,
                ln.weight_g,
                ln.unit_price.minor,
                ln.voided,
                ln.price_override_reason,
                ln.scanned_code,
            ]
            for ln in basket.lines
        ],
    ]


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main(db: str, seed: int, target: int) -> int:
    conn = connect(db)
    rng = random.Random(seed)
    items = (
        CatalogRepository(conn).by_category("produce")
        + CatalogRepository(conn).by_category("beer_wine")
        + CatalogRepository(conn).by_category("dairy")
    )
    journal = BasketJournal(conn)
    restored = journal.restore()
    basket = restored[0] if restored else None
    while conn.execute("SELECT count(*) FROM sale").fetchone()[0] < target:
        if basket is None:
            basket = Basket(str(uuid.UUID(int=rng.getrandbits(128), version=4)), "EUR")
            say(f"B {basket.basket_id}")
            journal.start(basket.basket_id, "EUR", AT)
            say("OK")
            continue
        active = [ln for ln in basket.lines if not ln.voided]
        roll = rng.random()
        try:
            if len(active) >= 2 and roll < 0.12:
                txid = basket.basket_id
                document = build_sale_document(
                    basket=basket,
                    totals=basket.totals(RULES),
                    transaction_id=txid,
                    store_id="store-001",
                    lane_id="lane-01",
                    started_at=AT,
                    completed_at=AT,
                    payments=[
                        {
                            "reference": f"p-{txid}",
                            "method": "card",
                            "amount": 0,
                            "outcome": "approved",
                        }
                    ],
                )
                say(f"S {txid}")
                complete_sale(conn, document)
                say("OK")
                basket = None
                continue
            if active and roll < 0.30:
                line = rng.choice(active)
                if line.weight_g is None and rng.random() < 0.6:
                    basket, changed = basket.set_quantity(
                        line.line_no, rng.randint(1, 5), over_limit_ok=True
                    )
                elif rng.random() < 0.5:
                    basket, changed = basket.void_line(line.line_no)
                else:
                    basket, changed = basket.override_price(
                        line.line_no, Money(rng.randint(0, 500), "EUR"), "damaged"
                    )
            else:
                item = rng.choice(items)
                weight = rng.randint(50, 3000) if item.sold_by_weight else None
                basket, changed = basket.add_item(
                    item, 1, weight, scanned_code=item.plu or item.gtins[0], over_limit_ok=True
                )
        except BasketError:
            continue
        say("L " + json.dumps(basket_state(basket)))
        journal.record(basket.basket_id, changed)
        say("OK")
    say("END")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
