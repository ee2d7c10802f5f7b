"""The whole lane configuration: one frozen dataclass per TOML section."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config.airport import AirportConfig
from kiosk.config.attendant import AttendantConfig
from kiosk.config.bagging import BaggingConfig
from kiosk.config.barcodes import BarcodeConfig
from kiosk.config.devices import DeviceConfig
from kiosk.config.feedback import FeedbackConfig
from kiosk.config.hotel import HotelConfig
from kiosk.config.hq import HqConfig
from kiosk.config.lane import LaneConfig, LoggingConfig, StoreConfig, TaxConfig
from kiosk.config.loader import setting
from kiosk.config.payment import PaymentConfig
from kiosk.config.sale_rules import SaleHoursConfig
from kiosk.config.station import StationConfig
from kiosk.config.sync import SyncConfig
from kiosk.config.ui import UiConfig


def _unique_device_names(devices: tuple[DeviceConfig, ...]) -> str | None:
    names = [d.name for d in devices]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    return f"unique device names (repeated: {', '.join(duplicates)})" if duplicates else None


@dataclass(frozen=True)
class KioskConfig:
    lane: LaneConfig = setting(doc="who this lane is", example={})
    tax: TaxConfig = setting(default_factory=TaxConfig, doc="VAT / sales tax")
    store: StoreConfig = setting(default_factory=StoreConfig, doc="the lane's SQLite store")
    barcodes: BarcodeConfig = setting(default_factory=BarcodeConfig, doc="barcode rules")
    devices: tuple[DeviceConfig, ...] = setting(
        (), doc="the lane's devices", check=_unique_device_names
    )
    sale_hours: tuple[SaleHoursConfig, ...] = setting(
        (), doc="when items of a catalog category may be sold (none: any time)"
    )
    payment: PaymentConfig = setting(default_factory=PaymentConfig, doc="card terminal")
    sync: SyncConfig = setting(default_factory=SyncConfig, doc="HQ sync")
    hq: HqConfig = setting(default_factory=HqConfig, doc="the HQ service")
    ui: UiConfig = setting(default_factory=UiConfig, doc="touchscreen")
    attendant: AttendantConfig = setting(
        default_factory=AttendantConfig, doc="the attendant screen at the lane"
    )
    feedback: FeedbackConfig = setting(
        default_factory=FeedbackConfig, doc="what shoppers are asked after a sale"
    )
    station: StationConfig = setting(
        default_factory=StationConfig, doc="the store's attendant station"
    )
    airport: AirportConfig = setting(
        default_factory=AirportConfig, doc="the airport check-in journey (airport lanes)"
    )
    hotel: HotelConfig = setting(
        default_factory=HotelConfig, doc="the hotel check-in journey (hotel lanes)"
    )
    logging: LoggingConfig = setting(default_factory=LoggingConfig, doc="logs")
    bagging: BaggingConfig = setting(
        default_factory=BaggingConfig, doc="the bagging-area scale (loss prevention)"
    )
