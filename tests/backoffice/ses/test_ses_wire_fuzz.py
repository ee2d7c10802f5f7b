"""The SES answers: garbage of any kind is a clear SesError, never another exception."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.backoffice.ses import SesError, SesErrorKind, wire

KINDS = {SesErrorKind.BAD_ANSWER, SesErrorKind.REFUSED, SesErrorKind.UNREACHABLE}
ENVELOPE = wire.comunicacion_answer("0", "Ok", "11111111-2222-3333-4444-555555555555")


def test_an_accepted_answer_gives_its_lote() -> None:
    assert wire.read_comunicacion(ENVELOPE) == "11111111-2222-3333-4444-555555555555"


def test_a_refusal_names_its_code_and_description() -> None:
    with pytest.raises(SesError, match="10121: persona 1: apellido2") as refused:
        wire.read_comunicacion(wire.comunicacion_answer("10121", "persona 1: apellido2"))
    assert (refused.value.kind, refused.value.code) == (SesErrorKind.REFUSED, "10121")


def test_a_soap_fault_is_a_refusal_with_its_faultstring() -> None:
    with pytest.raises(SesError, match="no such operation") as refused:
        wire.read_comunicacion(wire.fault("no such operation"))
    assert refused.value.kind is SesErrorKind.REFUSED


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"", "not XML"),
        (b"<html>mantenimiento</html>", "not a SOAP envelope"),
        (ENVELOPE.replace(b"comunicacionResponse", b"otraResponse"), "expected comunicacion"),
        (ENVELOPE.replace(b"<codigo>0</codigo>", b""), "respuesta/codigo"),
        (wire.comunicacion_answer("0", "Ok"), "without a usable lote"),
        (wire.comunicacion_answer("0", "Ok", "lote with spaces"), "without a usable lote"),
        (ENVELOPE.replace(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                          b'<?xml version="1.0"?><!DOCTYPE e [<!ENTITY x "y">]>'), "DOCTYPE"),
    ],
)  # fmt: skip
def test_answers_not_of_the_published_shape_say_what_is_wrong(body: bytes, says: str) -> None:
    with pytest.raises(SesError, match=says) as failed:
        wire.read_comunicacion(body)
    assert failed.value.kind is SesErrorKind.BAD_ANSWER


def _mutations() -> st.SearchStrategy[bytes]:
    def mutate(data: bytes, at: int, cut: int, junk: bytes) -> bytes:
        at %= len(data)
        return data[:at] + junk + data[at + cut :]

    return st.builds(
        mutate,
        st.just(ENVELOPE),
        st.integers(0, 10_000),
        st.integers(0, 40),
        st.binary(max_size=20),
    )


@given(st.binary(max_size=400) | _mutations())
def test_garbage_answers_are_a_clear_error_or_a_lote(data: bytes) -> None:
    failure: SesError | None = None
    try:
        lote = wire.read_comunicacion(data)
    except SesError as error:
        failure, lote = error, ""
    if failure is not None:
        assert failure.kind in KINDS
        assert str(failure)
        return
    assert lote
    assert len(lote) <= 64


@given(st.binary(max_size=400) | st.text(max_size=200).map(str.encode))
def test_garbage_lote_queries_are_a_clear_error(data: bytes) -> None:
    with pytest.raises(SesError) as failed:
        wire.read_consulta(data)
    assert failed.value.kind in KINDS


@given(st.binary(max_size=300) | st.text(max_size=300))
def test_garbage_solicitudes_do_not_unzip(data: bytes | str) -> None:
    text = data.decode("latin-1") if isinstance(data, bytes) else data
    with pytest.raises(SesError) as failed:
        wire.unzip_solicitud(text)
    assert failed.value.kind is SesErrorKind.INVALID


def test_a_zip_round_trips() -> None:
    assert wire.unzip_solicitud(wire.zip_solicitud(b"<a/>")) == b"<a/>"
