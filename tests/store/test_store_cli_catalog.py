"""``kiosk catalog generate|import|lookup`` through the real argument parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main


def test_generate_import_lookup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["catalog", "generate", "--count", "400", "c.csv"]) == 0
    assert main(["catalog", "import", "c.csv", "--no-progress"]) == 0
    assert (tmp_path / "var" / "lane.sqlite3").exists()  # the default database
    out = capsys.readouterr().out
    assert "wrote 400 items" in out
    assert "imported 400 items" in out
    assert main(["catalog", "lookup", "4011"]) == 0
    out = capsys.readouterr().out
    assert "P0001  Bananas  1.99 EUR/kg" in out
    assert "name[es]: Plátanos" in out
    assert main(["catalog", "lookup", "sku:P0001"]) == 0
    assert main(["catalog", "lookup", "8499000000011"]) == 0  # synthetic item 1
    assert "G00000001" in capsys.readouterr().out
    assert main(["catalog", "lookup", "4010"]) == 1
    assert "not in the catalog" in capsys.readouterr().out


def test_errors_are_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    db = str(tmp_path / "x.sqlite3")
    assert main(["catalog", "lookup", "4011", "--db", db]) == 2
    assert "no lane database here" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("sku,name_en,price,tax_class\nA,Apple,one euro,reduced\n", encoding="utf-8")
    assert main(["catalog", "import", str(bad), "--db", db, "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "row 2 column price" in err
    assert "nothing imported" in err
    assert main(["catalog", "lookup", "8410148001136", "--db", db]) == 2
    assert "check digit" in capsys.readouterr().err


def test_database_and_currency_from_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "from-config.sqlite3"
    config = tmp_path / "lane.toml"
    config.write_text(
        f'[lane]\nstore_id = "store-001"\nlane_id = "lane-01"\n'
        f'currency = "USD"\n[store]\npath = "{db}"\n',
        encoding="utf-8",
    )
    csv_path = tmp_path / "c.csv"
    csv_path.write_text("sku,name_en,price,tax_class\nA,Apple,0.50,reduced\n", encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    assert main(["catalog", "import", str(csv_path), "--no-progress"]) == 0
    assert db.exists()
    from kiosk.store.catalog import CatalogRepository
    from kiosk.store.db import connect

    conn = connect(db)
    item = CatalogRepository(conn).get("A")
    conn.close()
    assert item is not None
    assert str(item.price) == "0.50 USD"
