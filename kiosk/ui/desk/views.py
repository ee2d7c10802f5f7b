"""Plain data the desk screen draws (no Qt), and its builder from the desk service's state.

The presenter builds a :class:`DeskView` from the signed-in session, the open case
(``kiosk.attendant_api.DeskCase``: kind, passenger, what failed, the document summary
and the verdicts with the role's grants) and the last device query, then hands it to
``DeskScreen.set_model``. Words are the screen's job.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.attendant_api import DeskCase, DeviceLine, StaffSession
from kiosk.ui.attendant.views import DeviceView


@dataclass(frozen=True, slots=True)
class DeskMessage:
    """What the last action came to: ``done``, ``refused`` (the role does not grant the
    verdict; ``needs`` the roles that do) or ``error`` (``text`` says why)."""

    outcome: str
    text: str = ""
    needs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DeskView:
    """Everything the desk shows."""

    staff_name: str = ""
    role: str = ""
    case: DeskCase | None = None
    devices: tuple[DeviceView, ...] = ()
    message: DeskMessage | None = None
    busy: bool = False  # a verdict is on its way: its keys wait


def desk_view(
    session: StaffSession | None,
    case: DeskCase | None,
    devices: list[DeviceLine] | None = None,
    *,
    message: DeskMessage | None = None,
    busy: bool = False,
) -> DeskView:
    """The desk's view now."""
    return DeskView(
        staff_name=session.staff.name if session is not None else "",
        role=session.staff.role.value if session is not None else "",
        case=case,
        devices=tuple(DeviceView(d.name, d.status) for d in devices or ()),
        message=message,
        busy=busy,
    )
