"""HQ over HTTPS with mutual TLS (the production settings): the lane verifies HQ with the
configured CA and presents its client certificate; without one it is refused.

Certificates are made with the ``openssl`` command in tmp_path (skipped if missing).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hq_fixtures import hq_sales
from lane_helpers import add_sales, lane_db

from kiosk.hq.server import ServerThread
from kiosk.sync.client import HqClient
from kiosk.sync.errors import HqUnreachable
from kiosk.sync.uploader import drain

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="no openssl command")
EC = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]


def _openssl(folder: Path, *args: str) -> None:
    subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)


def _issue(folder: Path, name: str, extension: str) -> None:
    _openssl(
        folder, "req", *EC, "-keyout", f"{name}.key", "-out", f"{name}.csr", "-subj", f"/CN={name}"
    )
    (folder / f"{name}.ext").write_text(extension + "\n", encoding="ascii")
    _openssl(
        folder,
        "x509",
        "-req",
        "-in",
        f"{name}.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        f"{name}.pem",
        "-days",
        "1",
        "-extfile",
        f"{name}.ext",
    )


@pytest.fixture
def certs(tmp_path: Path) -> Path:
    _openssl(
        tmp_path,
        "req",
        "-x509",
        *EC,
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "1",
        "-subj",
        "/CN=kiosk test CA",
    )
    _issue(tmp_path, "hq", "subjectAltName=IP:127.0.0.1")
    _issue(tmp_path, "lane", "extendedKeyUsage=clientAuth")
    return tmp_path


def test_sales_reach_hq_over_mutual_tls(certs, hq_engine, lane_token, tmp_path):
    tls = {
        "certfile": str(certs / "hq.pem"),
        "keyfile": str(certs / "hq.key"),
        "ca_certs": str(certs / "ca.pem"),
    }
    lane = lane_db(tmp_path / "lane.sqlite3")
    add_sales(lane, 4)
    with ServerThread(hq_engine, tls=tls) as server:
        assert server.url.startswith("https://")
        stranger = HqClient(server.url, lane_token, ca_file=certs / "ca.pem")
        with pytest.raises(HqUnreachable):  # no client certificate: the handshake fails
            drain(lane, stranger, batch_size=10)
        stranger.close()
        client = HqClient(
            server.url,
            lane_token,
            ca_file=certs / "ca.pem",
            client_cert=(certs / "lane.pem", certs / "lane.key"),
        )
        assert drain(lane, client, batch_size=10).sent == 4
        client.close()
    assert len(hq_sales(hq_engine)) == 4
    lane.close()


def test_a_lane_refuses_an_hq_it_cannot_verify(certs, hq_engine, lane_token, tmp_path):
    tls = {"certfile": str(certs / "hq.pem"), "keyfile": str(certs / "hq.key")}
    lane = lane_db(tmp_path / "lane.sqlite3")
    add_sales(lane, 1)
    with ServerThread(hq_engine, tls=tls) as server:
        client = HqClient(server.url, lane_token)  # the system CAs do not know this HQ
        with pytest.raises(HqUnreachable, match=r"CERTIFICATE_VERIFY_FAILED|certificate"):
            drain(lane, client, batch_size=10)
        client.close()
    assert hq_sales(hq_engine) == []
    lane.close()
