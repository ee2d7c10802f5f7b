"""The Alembic migrations build exactly the schema in tables.py; the ``kiosk hq`` commands."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from kiosk.cli import main
from kiosk.hq.db import check_schema, create_engine, head_revision, upgrade
from kiosk.hq.errors import HqError
from kiosk.hq.tables import metadata


def test_the_migrated_database_matches_the_table_definitions(hq_engine):
    with hq_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_upgrade_is_idempotent_and_check_schema_refuses_an_empty_database(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'hq.sqlite3'}")
    with pytest.raises(HqError, match="kiosk hq init"):
        check_schema(engine)
    assert upgrade(engine) == head_revision()
    assert upgrade(engine) == head_revision()
    check_schema(engine)


def test_an_unknown_database_url_is_a_clear_error():
    with pytest.raises(HqError, match="expected sqlite"):
        create_engine("mysql://somewhere/db")


def test_cli_init_enrol_and_import(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    csv = tmp_path / "items.csv"
    csv.write_text(
        "sku,gtins,plu,name_en,price,tax_class\n1,,,Water,0.89,standard\n", encoding="utf-8"
    )
    assert main(["hq", "--database-url", url, "init"]) == 0
    assert main(["hq", "--database-url", url, "enrol-lane", "--store", "s1", "--lane", "l1"]) == 0
    token = capsys.readouterr().out.splitlines()[1]
    assert token.startswith("s1:l1:")
    assert main(["hq", "--database-url", url, "catalog", "import", str(csv)]) == 0
    assert "1 rows read, 1 items changed" in capsys.readouterr().out
    assert main(["hq", "--database-url", url, "enrol-lane", "--store", "s 1", "--lane", "l1"]) == 2
    assert "store id" in capsys.readouterr().err
    with create_engine(url).connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM lane")).scalar_one() == 1
