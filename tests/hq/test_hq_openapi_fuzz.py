"""Schemathesis against HQ's OpenAPI schema (ASGI, SQLite): no 5xx, every answer matches
the documented status codes and schemas, with valid and with hostile generated data.

The app is built when the module is collected (schemathesis needs the schema then);
its SQLite file lives in a temporary folder removed after the module's tests.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from kiosk.hq.app import create_app
from kiosk.hq.auth import enrol_lane
from kiosk.hq.db import create_engine, upgrade

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
_FOLDER = Path(tempfile.mkdtemp(prefix="kiosk-hq-fuzz-"))
_ENGINE = create_engine(f"sqlite:///{_FOLDER / 'hq.sqlite3'}")
upgrade(_ENGINE)
_TOKEN = enrol_lane(_ENGINE, "store-001", "lane-01")
APP = create_app(_ENGINE, max_body_bytes=256 * 1024)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _cleanup():
    yield
    _ENGINE.dispose()
    shutil.rmtree(_FOLDER, ignore_errors=True)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_api_honours_its_schema(case):
    case.call_and_validate(headers={"Authorization": f"Bearer {_TOKEN}"}, checks=CHECKS)


def test_the_schema_documents_every_endpoint():
    paths = set(APP.openapi()["paths"])
    assert {
        "/api/v1/sales/batch",
        "/api/v1/catalog/changes",
        "/api/v1/lanes/heartbeat",
        "/api/v1/health",
    } <= paths
