"""Fixtures of the store tests: a real SQLite file per test, the sample catalog."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.domain.catalog import CatalogItem
from kiosk.store.catalog import CatalogRepository
from kiosk.store.db import connect
from kiosk.store.sample_catalog import sample_items, write_catalog_csv


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "lane.sqlite3"


@pytest.fixture
def conn(db_path: Path) -> Iterator[sqlite3.Connection]:
    connection = connect(db_path)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def items() -> list[CatalogItem]:
    return sample_items()


@pytest.fixture(scope="session")
def sample_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("catalog") / "sample.csv"
    write_catalog_csv(path)
    return path


@pytest.fixture
def catalog(conn: sqlite3.Connection, items: list[CatalogItem]) -> CatalogRepository:
    repository = CatalogRepository(conn)
    repository.upsert(items)
    return repository
