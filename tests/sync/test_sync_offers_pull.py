"""Offers and loyalty cards go from HQ (``kiosk hq offers import``) to the lane with its
catalog pull, each page with its cursor in one transaction (invariant 5); a lane prices a
basket with what it pulled. Real HQ server over HTTP on SQLite (and PostgreSQL when
KIOSK_TEST_PG_URL is set)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from lane_helpers import lane_db

from kiosk.cli import main
from kiosk.domain.basket import Basket
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.gtin import check_digit
from kiosk.domain.money import Money
from kiosk.hq import offers as hq_offers
from kiosk.store.offers import OfferRepository
from kiosk.sync.catalog_pull import pull
from kiosk.sync.client import HqClient
from kiosk.sync.errors import SyncError

CARD = "290000001234" + str(check_digit("290000001234"))
OFFERS = {
    "offers": [
        {"offer_id": "3for2-cola", "name": "Cola 3 for 2", "kind": "multi_buy",
         "skus": ["cola"], "quantity": 3, "pay_units": 2},
        {"offer_id": "member-wine", "name": "Member price wine", "kind": "unit_price",
         "skus": ["wine"], "price": 799, "members_only": True,
         "starts_at": "2026-12-01T00:00:00+00:00", "ends_at": "2027-01-01T00:00:00+00:00"},
        {"offer_id": "spend20", "name": "Spend 20 save 2", "kind": "threshold",
         "spend": 2000, "amount": 200},
    ],
    "cards": [{"number": CARD, "blocked": False}],
}  # fmt: skip
CSV_OFFERS = (
    "offer_id,name,kind,skus,quantity,pay_units,price,percent,components\n"
    "deal,Meal deal,set_price,,,,350,,sandwich|cola;water\n"
    "crisps10,Crisps 10% off,percent_off,crisps salted,,,,10,\n"
)
COLA = CatalogItem("cola", (("en", "Cola"),), Money(150, "EUR"), "reduced")


@pytest.fixture
def lane(tmp_path):
    conn = lane_db(tmp_path / "lane.sqlite3")
    yield conn
    conn.close()


@pytest.fixture
def client(hq_server, lane_token):
    client = HqClient(hq_server.url, lane_token, timeout_s=5)
    yield client
    client.close()


def _import(hq_url: str, path, *extra: str) -> None:
    assert main(["hq", "--database-url", hq_url, "offers", "import", str(path), *extra]) == 0


def test_offers_and_cards_reach_the_lane_and_price_a_basket(lane, client, hq_url, tmp_path, capsys):
    (tmp_path / "offers.json").write_text(json.dumps(OFFERS), encoding="utf-8")
    _import(hq_url, tmp_path / "offers.json")
    assert "3 offers written, 0 withdrawn, 1 loyalty cards written" in capsys.readouterr().out
    report = pull(lane, client, page_size=2)
    repo = OfferRepository(lane)
    assert (report.offers, report.cards) == (3, 1)
    assert repo.count() == (3, 1)
    assert repo.card_status(CARD) == "active"
    assert repo.cursor() > 0
    catalog = repo.catalog()
    book = catalog.book_for(datetime(2026, 12, 5, tzinfo=UTC))
    basket, _ = Basket("b", "EUR").with_offers(book).add_item(COLA, 3)
    assert basket.totals(_rules()).savings.minor == 150

    assert pull(lane, client, page_size=2).offers == 0  # nothing new


def test_a_csv_import_with_replace_withdraws_the_rest(lane, client, hq_url, tmp_path):
    (tmp_path / "offers.json").write_text(json.dumps(OFFERS), encoding="utf-8")
    _import(hq_url, tmp_path / "offers.json")
    pull(lane, client, page_size=100)
    (tmp_path / "offers.csv").write_text(CSV_OFFERS, encoding="utf-8")
    _import(hq_url, tmp_path / "offers.csv", "--replace")
    (tmp_path / "cards.csv").write_text(f"card_number,blocked\n{CARD},true\n", encoding="utf-8")
    _import(hq_url, tmp_path / "cards.csv")
    report = pull(lane, client, page_size=100)
    repo = OfferRepository(lane)
    assert {o.offer_id for o in repo.catalog().offers} == {"deal", "crisps10"}
    assert report.offers == 2 + 3  # two new, three withdrawn
    assert repo.card_status(CARD) == "blocked"
    [deal] = [o for o in repo.catalog().offers if o.offer_id == "deal"]
    assert deal.components == (frozenset({"sandwich"}), frozenset({"cola", "water"}))


@pytest.mark.parametrize(
    ("name", "text", "names"),
    [
        ("bad.json", '{"offers": [{"offer_id": "x", "name": "X", "kind": "nope"}]}',
         "offers\\[0\\].*kind"),
        ("bad.csv", "offer_id,name,kind,skus,percent\np,P,percent_off,a,lots\n", "row 2.*percent"),
        ("cards.csv", "card_number\n4111111111111111\n", "row 2.*payment card"),
        ("bad.json", "[1, 2", "not JSON"),
    ],
)  # fmt: skip
def test_a_bad_file_is_refused_naming_the_row_and_field(tmp_path, name, text, names):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Exception, match=names) as caught:
        hq_offers.read_file(path)
    assert "4111111111111111" not in str(caught.value)


def test_a_malformed_offers_page_is_a_sync_error_and_nothing_moves(lane, hq_server, lane_token):
    class Garbled(HqClient):
        def _call(self, method, path, **kwargs):
            if path == "/offers/changes":
                return {"offers": "nope", "cursor": 9, "more": False}
            return super()._call(method, path, **kwargs)

    client = Garbled(hq_server.url, lane_token, timeout_s=5)
    try:
        with pytest.raises(SyncError, match="not an offers page"):
            pull(lane, client, page_size=10)
    finally:
        client.close()
    assert OfferRepository(lane).cursor() == 0


def test_a_bad_offer_from_hq_is_skipped_and_the_rest_applied(lane, hq_server, lane_token):
    page = {
        "offers": [
            {"offer_id": "bad", "version": 1, "deleted": False, "record": {"kind": "x"}},
            {"offer_id": "ok", "version": 2, "deleted": False,
             "record": OFFERS["offers"][0] | {"offer_id": "ok"}},
        ],
        "cards": [{"number": "123", "version": 3, "blocked": False}],
        "cursor": 3,
        "more": False,
    }  # fmt: skip

    class OnePage(HqClient):
        def _call(self, method, path, **kwargs):
            if path == "/offers/changes":
                return (
                    page if kwargs["params"]["cursor"] == 0 else {**page, "offers": [], "cards": []}
                )
            return super()._call(method, path, **kwargs)

    client = OnePage(hq_server.url, lane_token, timeout_s=5)
    try:
        report = pull(lane, client, page_size=10)
    finally:
        client.close()
    assert report.skipped == 2
    assert [o.offer_id for o in OfferRepository(lane).catalog().offers] == ["ok"]
    assert OfferRepository(lane).cursor() == 3


def _rules():
    from kiosk.domain.tax import TaxRules

    return TaxRules.from_strings({"reduced": "10", "standard": "21"})
