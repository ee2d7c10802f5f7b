"""Sample view-models for screenshots, demos and tests (plain data, no Qt)."""

from __future__ import annotations

from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.domain.money import Money
from kiosk.ui.viewmodels import (
    CartLineView,
    InterventionView,
    Names,
    PayStage,
    PayView,
    ProduceItemView,
    ProduceView,
    ReceiptView,
    ScanningView,
    ThanksView,
    WeighView,
)

CURRENCY = "EUR"


def _eur(minor: int) -> Money:
    return Money(minor, CURRENCY)


def _names(en: str, es: str, fr: str) -> Names:
    return (("en", en), ("es", es), ("fr", fr))


_CART = (
    (_names("Whole milk 1 L", "Leche entera 1 L", "Lait entier 1 L"), 2, 119, None, None),
    (_names("Bananas", "Plátanos", "Bananes"), 1, 199, 1234, None),
    (_names("Sparkling water 1.5 L", "Agua con gas 1,5 L", "Eau gazeuse 1,5 L"), 6, 45, None, 25),
    (_names("Sourdough loaf", "Pan de masa madre", "Pain au levain"), 1, 349, None, None),
    (
        _names("Free-range eggs x12", "Huevos camperos x12", "Œufs plein air x12"),
        1,
        389,
        None,
        None,
    ),
    (_names("Tomatoes on the vine", "Tomates en rama", "Tomates en grappe"), 1, 329, 642, None),
    (_names("Greek yoghurt 500 g", "Yogur griego 500 g", "Yaourt grec 500 g"), 3, 215, None, None),
    (_names("Orange juice 1 L", "Zumo de naranja 1 L", "Jus d'orange 1 L"), 1, 279, None, None),
)


def sample_cart(lines: int = 8) -> ScanningView:
    """A basket of ``lines`` rows with weighed items, deposits and the last one highlighted."""
    rows = []
    total = deposit_total = count = 0
    for index in range(lines):
        names, quantity, price, weight, deposit = _CART[index % len(_CART)]
        amount = price * weight // 1000 if weight else price * quantity
        deposit_minor = deposit * quantity if deposit else None
        rows.append(
            CartLineView(
                line_no=index + 1,
                names=names,
                quantity=quantity,
                unit_price=_eur(price),
                amount=_eur(amount),
                weight_g=weight,
                deposit=_eur(deposit_minor) if deposit_minor else None,
                markdown_percent=30 if index == 4 else None,  # eggs close to their date
            )
        )
        total += amount + (deposit_minor or 0)
        deposit_total += deposit_minor or 0
        count += 1 if weight else quantity
    return ScanningView(
        lines=tuple(rows),
        total=_eur(total),
        item_count=count,
        last_line_no=lines or None,
        deposit_total=_eur(deposit_total) if deposit_total else None,
    )


_PRODUCE = (
    ("apple", "4131", _names("Apples", "Manzanas", "Pommes"), 249, True),
    ("banana", "4011", _names("Bananas", "Plátanos", "Bananes"), 199, True),
    ("carrot", "4562", _names("Carrots", "Zanahorias", "Carottes"), 129, True),
    ("tomato", "4664", _names("Tomatoes", "Tomates", "Tomates"), 329, True),
    ("lemon", "4053", _names("Lemons", "Limones", "Citrons"), 59, False),
    ("grapes", "4022", _names("Green grapes", "Uvas blancas", "Raisin blanc"), 449, True),
    ("avocado", "4046", _names("Avocado", "Aguacate", "Avocat"), 119, False),
    ("potato", "4072", _names("Potatoes", "Patatas", "Pommes de terre"), 99, True),
    ("onion", "4093", _names("Onions", "Cebollas", "Oignons"), 149, True),
    ("bread", "8001", _names("Country loaf", "Pan de pueblo", "Pain de campagne"), 289, False),
    ("croissant", "8002", _names("Croissant", "Cruasán", "Croissant"), 95, False),
    ("baguette", "8003", _names("Baguette", "Barra de pan", "Baguette"), 119, False),
)


def sample_produce() -> ProduceView:
    """Twelve produce and bakery tiles with pictures."""
    return ProduceView(
        items=tuple(
            ProduceItemView(
                sku=f"sku-{plu}",
                names=names,
                price=_eur(price),
                per_kg=per_kg,
                plu=plu,
                category="bakery" if plu.startswith("8") else "produce",
                image=f"produce-{picture}",
            )
            for picture, plu, names, price, per_kg in _PRODUCE
        )
    )


def sample_weigh(weight_g: int | None = 1234, stable: bool = True) -> WeighView:
    """Bananas on the scale."""
    price = 199
    amount = _eur(price * weight_g // 1000) if weight_g else None
    return WeighView(
        names=_PRODUCE[1][2],
        price_per_kg=_eur(price),
        weight_g=weight_g,
        stable=stable,
        amount=amount,
        image="produce-banana",
    )


def sample_pay(stage: PayStage = PayStage.PRESENT_CARD) -> PayView:
    """The sample cart's total at ``stage``."""
    return PayView(
        amount=sample_cart().total,
        stage=stage,
        progress=60 if stage is PayStage.PROCESSING else None,
    )


def sample_receipt() -> ReceiptView:
    """All three receipt choices."""
    return ReceiptView(
        total=sample_cart().total, qr_payload="https://receipts.example.com/r/lane-01/3f2a9c1e"
    )


def sample_thanks() -> ThanksView:
    """Paid, receipt printed."""
    return ThanksView(paid=sample_cart().total, receipt_printed=True)


_PILLS = _names("Paracetamol 500 mg", "Paracetamol 500 mg", "Paracétamol 500 mg")
_PRINTER = _names("receipt printer", "impresora de tickets", "imprimante de tickets")
_WINE = _names("Rioja red wine 75 cl", "Vino tinto Rioja 75 cl", "Vin rouge Rioja 75 cl")


def sample_interventions() -> dict[str, InterventionView]:
    """One intervention of every kind, keyed by the kind's value."""
    kind = InterventionKind
    views = (
        InterventionView(kind.AGE_RESTRICTED, _WINE, age_limit=18),
        InterventionView(kind.UNKNOWN_BARCODE),
        InterventionView(kind.QUANTITY_LIMIT, _PILLS, limit=2),
        InterventionView(kind.VOID_REQUEST, _CART[3][0]),
        InterventionView(kind.PRICE_OVERRIDE, _CART[4][0]),
        InterventionView(kind.HELP_REQUESTED),
        InterventionView(kind.PAYMENT_FAILURE),
        InterventionView(kind.PAYMENT_UNKNOWN),
        InterventionView(kind.DEVICE_FAULT, _PRINTER),
        InterventionView(kind.IDLE_SUSPENDED),
        InterventionView(kind.BAGGING_UNEXPECTED_ITEM),
        InterventionView(kind.BAGGING_ITEM_REMOVED),
        InterventionView(kind.BAGGING_WEIGHT_MISMATCH),
        InterventionView(kind.BAGGING_NO_ITEM_PLACED),
        InterventionView(kind.EXPIRED_ITEM, _CART[0][0]),
        InterventionView(kind.RECALLED_ITEM, _CART[0][0]),
    )
    return {view.kind.value: view for view in views}
