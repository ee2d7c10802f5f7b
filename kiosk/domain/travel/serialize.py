"""Boarding passes and MRZ documents as plain dicts, for JSON (the CLI, the DCS adapter).

Dates become ISO strings. The MRZ dict holds the parsed fields only; the lines
themselves are never part of it (DESIGN.md invariant 6).
"""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date
from typing import Any

from kiosk.domain.travel.bcbp import BoardingPass, licence_plates
from kiosk.domain.travel.mrz import MrzDocument


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def bcbp_to_dict(boarding_pass: BoardingPass) -> dict[str, Any]:
    """``boarding_pass`` as a JSON-ready dict, with the bag tag numbers spelled out."""
    data: dict[str, Any] = _plain(asdict(boarding_pass))
    data["surname"] = boarding_pass.surname
    data["given_names"] = boarding_pass.given_names
    data["bag_tag_numbers"] = [
        plate for tag in boarding_pass.bag_tags for plate in licence_plates(tag)
    ]
    return data


def mrz_to_dict(document: MrzDocument) -> dict[str, Any]:
    """``document`` as a JSON-ready dict (fields, corrections, warnings; no MRZ lines)."""
    data: dict[str, Any] = {
        field.name: _plain(getattr(document, field.name)) for field in fields(document)
    }
    data["corrections"] = [asdict(correction) for correction in document.corrections]
    data["is_specimen"] = document.is_specimen
    return data
