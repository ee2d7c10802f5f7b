"""SesClient against the SES simulator over real HTTP on 127.0.0.1, faults included."""

from __future__ import annotations

import socket

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from ses_factories import ANA, LUIS, PABLO, report

from kiosk.backoffice.ses import SesClient, SesError, SesErrorKind, solicitud_xml
from kiosk.backoffice.ses.sim import LANDLORD, PASSWORD, USER, SesSimulator


def test_a_report_is_accepted_with_a_lote_the_service_files_it_under(
    sim: SesSimulator, client: SesClient
) -> None:
    lote = client.send(solicitud_xml(report()))
    filed = sim.service.accepted[lote]
    assert [(f.establishment, f.reference, f.persons) for f in filed] == [("0000000042", "4701", 2)]
    # what arrived is the XML we sent, unzipped: the names and documents as built
    root = etree.fromstring(filed[0].xml)
    assert [p.findtext("numeroDocumento") for p in root.iter("persona")] == [
        "12345678Z", "PXC765432"
    ]  # fmt: skip


def test_two_reports_get_two_lotes(sim: SesSimulator, client: SesClient) -> None:
    first = client.send(solicitud_xml(report(reference="A1")))
    second = client.send(solicitud_xml(report(ANA, LUIS, PABLO, reference="A2")))
    assert first != second
    assert sim.service.references() == ["A1", "A2"]


def test_a_lote_can_be_asked_after(client: SesClient) -> None:
    lote = client.send(solicitud_xml(report()))
    state = client.lote_state(lote)
    assert (state.lote, state.state_code, len(state.communications)) == (lote, "1", 1)
    unknown = client.lote_state("00000000-0000-0000-0000-000000000000")
    assert unknown.state_code == "5"


def test_a_solicitud_the_service_finds_invalid_is_refused_with_its_reason(
    client: SesClient,
) -> None:
    bad = solicitud_xml(report()).replace(b"<sexo>M</sexo>", b"<sexo>F</sexo>")
    with pytest.raises(SesError) as refused:
        client.send(bad)
    assert refused.value.kind is SesErrorKind.REFUSED
    assert refused.value.code == "10121"
    assert "sexo" in str(refused.value)
    assert not refused.value.retried


def test_a_wrong_landlord_is_refused(sim: SesSimulator) -> None:
    other = SesClient(sim.url, USER, PASSWORD, "0000000999")
    with pytest.raises(SesError, match="codigoArrendador") as refused:
        other.send(solicitud_xml(report()))
    assert refused.value.kind is SesErrorKind.REFUSED
    other.close()


def test_a_wrong_password_is_an_auth_error_that_never_shows_the_password(
    sim: SesSimulator,
) -> None:
    wrong = SesClient(sim.url, USER, "not-the-password", LANDLORD)
    with pytest.raises(SesError) as refused:
        wrong.send(solicitud_xml(report()))
    assert refused.value.kind is SesErrorKind.AUTH
    assert refused.value.retried
    assert "not-the-password" not in str(refused.value)
    wrong.close()


@pytest.mark.parametrize(
    ("arrange", "kind"),
    [
        (lambda s: s.down_next(), SesErrorKind.UNREACHABLE),
        (lambda s: s.down_next(status=429), SesErrorKind.UNREACHABLE),
        (lambda s: s.down_next(status=404), SesErrorKind.BAD_ANSWER),
        (lambda s: s.garbage_next(), SesErrorKind.BAD_ANSWER),
        (lambda s: s.bad_answer_next(), SesErrorKind.BAD_ANSWER),
        (lambda s: s.drop_next(), SesErrorKind.UNREACHABLE),
        (lambda s: s.refuse_next(code="10999", description="error no controlado"),
         SesErrorKind.UNREACHABLE),
        (lambda s: s.refuse_next(code="10107", description="establecimiento no válido"),
         SesErrorKind.REFUSED),
    ],
)  # fmt: skip
def test_each_fault_is_a_clear_error_and_the_next_call_works(
    sim: SesSimulator,
    client: SesClient,
    arrange,
    kind: SesErrorKind,  # type: ignore[no-untyped-def]
) -> None:
    arrange(sim)
    with pytest.raises(SesError) as failed:
        client.send(solicitud_xml(report()))
    assert failed.value.kind is kind
    assert str(failed.value)
    assert client.send(solicitud_xml(report()))  # the fault was for one call only


def test_a_service_that_is_not_there_is_unreachable() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = SesClient(f"http://127.0.0.1:{port}/ws/comunicacion", USER, PASSWORD, LANDLORD, 2)
    with pytest.raises(SesError) as failed:
        client.send(solicitud_xml(report()))
    assert failed.value.kind is SesErrorKind.UNREACHABLE
    assert failed.value.retried
    client.close()


def test_a_request_that_is_not_soap_gets_a_fault(sim: SesSimulator) -> None:
    import httpx

    answer = httpx.post(sim.url, content=b"hello", auth=(USER, PASSWORD))
    assert answer.status_code == 500
    assert b"Fault" in answer.content


@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=st.binary(max_size=300) | st.sampled_from([b"", b"<a/>", b"<Envelope/>"]))
def test_the_simulator_answers_any_request_body_with_soap(sim: SesSimulator, body: bytes) -> None:
    import httpx

    answer = httpx.post(sim.url, content=body, auth=(USER, PASSWORD), timeout=10)
    assert answer.status_code in (200, 500)
    assert b"Envelope" in answer.content
