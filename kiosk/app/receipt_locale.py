"""How a receipt writes words, money, percentages and dates in each language.

The receipt is printed from the lane thread, not from a widget, so it cannot use the
screen's Qt translator (which is global and follows the screen's language, not the
receipt's). It has this small catalogue of its own instead: the fixed words
(:class:`~kiosk.devices.printer.receipt.Labels`), the decimal and thousands
separators, the currency symbols the receipt code page holds (CP858: "€", "£"), how a
rate is written ("21%", "21 %", "5,5 %") and the date and time of the sale, in the
lane's time zone. A language without an entry is printed as English.

The default receipt footer (``[lane] receipt_footer = ["Thank you!"]``) is translated
too; any other footer a store configures is printed as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.devices.printer.receipt import FRENCH, SPANISH, Labels

CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$"}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class ReceiptLocale:
    """One language's way of writing a receipt."""

    language: str
    labels: Labels = field(default_factory=Labels)
    decimal_separator: str = "."
    thousands_separator: str = ","
    percent: str = "{rate}%"
    footer: dict[str, str] = field(default_factory=dict)

    def rate(self, rate_text: str) -> str:
        """A rate of the sale document ("21", "5.5") as this language writes it."""
        return self.percent.format(rate=rate_text.replace(".", self.decimal_separator))

    def moment(self, iso_utc: str, timezone: str = "UTC") -> str:
        """The sale's completion time (ISO 8601 UTC) in ``timezone``, as this language
        writes a date and time: "05 Dec 2026 16:32" (en), "05/12/2026 16:32" (es, fr).
        An unreadable time is printed as it came; an unknown zone counts as UTC."""
        try:
            at = datetime.fromisoformat(iso_utc.replace("Z", "+00:00"))
        except ValueError:
            return iso_utc.replace("T", " ")[:16]
        if at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
        try:
            at = at.astimezone(ZoneInfo(timezone))
        except (ZoneInfoNotFoundError, ValueError):
            at = at.astimezone(UTC)
        if self.language == "en":
            return f"{at:%d} {_MONTHS_EN[at.month - 1]} {at:%Y %H:%M}"
        return f"{at:%d/%m/%Y %H:%M}"

    def footer_line(self, text: str) -> str:
        """``text`` of the configured footer, translated if it is the default one."""
        return self.footer.get(text, text)


LOCALES = {
    "en": ReceiptLocale("en"),
    "es": ReceiptLocale(
        "es",
        SPANISH,
        decimal_separator=",",
        thousands_separator=".",
        percent="{rate} %",
        footer={"Thank you!": "¡Gracias por su compra!"},
    ),
    "fr": ReceiptLocale(
        "fr",
        FRENCH,
        decimal_separator=",",
        # a space: the narrow no-break space of French typography is not in CP858
        thousands_separator=" ",
        percent="{rate} %",
        footer={"Thank you!": "Merci de votre visite !"},
    ),
}


def receipt_locale(language: str | None) -> ReceiptLocale:
    """The locale of ``language`` ("es", "fr_CA" -> French), English if there is none."""
    code = (language or "en").replace("-", "_").split("_")[0].lower()
    return LOCALES.get(code, LOCALES["en"])
