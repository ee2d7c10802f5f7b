"""The Alembic migrations build exactly the schema in tables.py; the ``kiosk hq`` commands."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from kiosk.cli import main
from kiosk.hq.db import (
    _alembic_config,
    check_schema,
    create_engine,
    head_revision,
    upgrade,
    write_transaction,
)
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


def test_migration_0003_widens_the_columns_and_keeps_every_row(hq_url):
    """A database at 0002 with data: after the upgrade the rows are still there and the
    widened columns take 64 characters (PostgreSQL refused 33 before)."""
    engine = create_engine(hq_url, pool_size=2)
    with write_transaction(engine) as conn:
        command.upgrade(_alembic_config(conn), "0002")
    rows = {
        "lane_status": "INSERT INTO lane_status VALUES ('s', 'l', 'selling', '1.0', 0, '[]', "
        "'2026-11-22T10:00:00Z', '2026-11-22T10:00:00Z')",
        "catalog_item": "INSERT INTO catalog_item (sku, version, deleted, names, price, "
        "currency, tax_class, unit, gtins, category, updated_at) VALUES ('1', 1, false, "
        "'{}', 89, 'EUR', 'standard', 'each', '[]', '', '2026-11-22T10:00:00Z')",
        "sale_line": "INSERT INTO sale_line VALUES (1, 1, 'sku', NULL, 1, NULL, 89, 89, "
        "'standard', 8, false)",
    }
    with write_transaction(engine) as conn:
        for statement in rows.values():
            conn.execute(sa.text(statement))
    assert upgrade(engine) == head_revision()
    with write_transaction(engine) as conn:
        for table in rows:
            assert conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one() == 1
        assert conn.execute(sa.text("SELECT tax_class FROM sale_line")).scalar_one() == "standard"
        conn.execute(sa.text(f"UPDATE sale_line SET tax_class = '{'t' * 64}'"))
        conn.execute(sa.text(f"UPDATE catalog_item SET tax_class = '{'t' * 64}'"))
        conn.execute(sa.text(f"UPDATE lane_status SET state = '{'s' * 64}'"))
    engine.dispose()


def test_migration_0005_fills_the_monthly_and_fleet_rollups_from_the_daily_ones(hq_url):
    engine = create_engine(hq_url, pool_size=2)
    with write_transaction(engine) as conn:
        command.upgrade(_alembic_config(conn), "0004")
    dims = "'self_checkout', 'en', 'completed', '', {}, 0)"
    day = "INSERT INTO kpi_day VALUES ('{}', 's', '{}', " + dims
    hour = "INSERT INTO kpi_hour VALUES ('{}', 10, 's', 'l1', " + dims
    with write_transaction(engine) as conn:
        for when, lane, n in (
            ("2026-01-05", "l1", 2),
            ("2026-01-20", "l1", 3),
            ("2026-02-01", "l2", 4),
        ):
            conn.execute(sa.text(day.format(when, lane, n)))
            conn.execute(sa.text(hour.format(when, n)))
    upgrade(engine)
    with engine.connect() as conn:
        month = conn.execute(sa.text("SELECT month, lane_id, n FROM kpi_month ORDER BY 1, 2")).all()
        fleet = conn.execute(sa.text("SELECT day, n FROM kpi_day_fleet ORDER BY 1")).all()
        hours = conn.execute(sa.text("SELECT month, n FROM kpi_month_hour ORDER BY 1")).all()
    assert [tuple(r) for r in month] == [("2026-01", "l1", 5), ("2026-02", "l2", 4)]
    assert [tuple(r) for r in fleet] == [("2026-01-05", 2), ("2026-01-20", 3), ("2026-02-01", 4)]
    assert [tuple(r) for r in hours] == [("2026-01", 5), ("2026-02", 4)]
    engine.dispose()
