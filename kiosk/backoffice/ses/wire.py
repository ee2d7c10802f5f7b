"""The SES.HOSPEDAJES web service's messages: SOAP envelopes out, answers in.

Theory of operation. The service is one SOAP 1.1 endpoint
(``.../hospedajes-web/ws/v1/comunicacion``, HTTP Basic authentication over TLS, an
empty SOAP header) with operations in the namespace :data:`SOAP_NS`:

* ``comunicacionRequest``: ``peticion`` = ``cabecera`` (``codigoArrendador``,
  ``aplicacion``, ``tipoOperacion`` ``A`` = alta, ``tipoComunicacion`` ``PV`` =
  parte de viajeros) + ``solicitud``, the request XML zipped (a ZIP archive
  holding one ``solicitud.xml``; not gzip) and Base64-encoded. The answer's
  ``respuesta`` holds ``codigo`` (``0``: accepted), ``descripcion`` and, when
  accepted, ``lote``: the batch number the Ministry files the communication under.
* ``consultaLoteRequest``: ``codigosLote`` / ``lote`` ...; the answer's
  ``resultado`` per lote says its ``codigoEstado`` / ``descEstado`` and, per
  communication, ``codigoComunicacion`` or ``error``.

:func:`comunicacion_envelope` / :func:`consulta_envelope` write requests;
:func:`read_comunicacion` / :func:`read_consulta` read answers and raise
:class:`SesError` for anything else (``REFUSED`` with the service's code and
description; ``BAD_ANSWER`` for a body that is not the published shape). The
simulator uses :func:`unzip_solicitud` and the ``*_answer`` writers, so both sides
speak the same bytes. ``docs/ses-hospedajes.md`` gives the sources and the
decisions where they are silent (the answer's element order, the lote query).
"""

from __future__ import annotations

import base64
import binascii
import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

from lxml import etree

from kiosk.backoffice.ses.errors import SesError, SesErrorKind

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP_NS = "http://www.soap.servicios.hospedajes.mir.es/comunicacion"
#: The service's "error no controlado": its own failure, worth trying again.
UNCONTROLLED = "10999"
#: The most a zipped solicitud may expand to (a bomb is refused, not unpacked).
MAX_SOLICITUD = 5_000_000
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True, slots=True)
class Cabecera:
    landlord: str  # codigoArrendador
    application: str  # aplicacion
    operation: str = "A"  # tipoOperacion: A alta
    communication: str = "PV"  # tipoComunicacion: PV parte de viajeros


@dataclass(frozen=True, slots=True)
class LoteState:
    """What ``consultaLote`` says of one lote."""

    lote: str
    state_code: str  # codigoEstado
    state: str  # descEstado
    communications: tuple[str, ...]  # codigoComunicacion per communication accepted
    errors: tuple[str, ...]  # error per communication refused


def zip_solicitud(xml: bytes) -> str:
    """``xml`` as the service wants it: a ZIP holding ``solicitud.xml``, in Base64."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("solicitud.xml", xml)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def unzip_solicitud(text: str) -> bytes:
    """The XML inside a Base64 ZIP ``solicitud`` (its one file).

    Raises:
        SesError: (``INVALID``) not Base64, not a ZIP, not one file, or too big.
    """
    try:
        raw = base64.b64decode(text.strip(), validate=True)
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = archive.infolist()
            if len(names) != 1:
                raise SesError(SesErrorKind.INVALID, f"the zip holds {len(names)} files, not 1")
            if names[0].file_size > MAX_SOLICITUD:
                raise SesError(SesErrorKind.INVALID, "the zipped solicitud is too big")
            return archive.read(names[0])
    except (binascii.Error, ValueError, zipfile.BadZipFile, EOFError) as error:
        raise SesError(
            SesErrorKind.INVALID, f"solicitud: not a Base64 ZIP archive ({error})"
        ) from None


def _envelope(body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<soapenv:Envelope xmlns:soapenv="{SOAP_ENV}" xmlns:com="{SOAP_NS}">'
        f"<soapenv:Header/><soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>"
    ).encode()


def comunicacion_envelope(cabecera: Cabecera, solicitud_xml: bytes) -> bytes:
    """The SOAP request sending ``solicitud_xml`` (zipped and encoded here)."""
    head = "".join(
        f"<{tag}>{escape(value)}</{tag}>"
        for tag, value in (
            ("codigoArrendador", cabecera.landlord),
            ("aplicacion", cabecera.application),
            ("tipoOperacion", cabecera.operation),
            ("tipoComunicacion", cabecera.communication),
        )
    )
    return _envelope(
        "<com:comunicacionRequest><peticion>"
        f"<cabecera>{head}</cabecera><solicitud>{zip_solicitud(solicitud_xml)}</solicitud>"
        "</peticion></com:comunicacionRequest>"
    )


def consulta_envelope(lotes: tuple[str, ...]) -> bytes:
    """The SOAP request asking the state of ``lotes``."""
    codes = "".join(f"<lote>{escape(lote)}</lote>" for lote in lotes)
    return _envelope(f"<com:consultaLoteRequest><codigosLote>{codes}</codigosLote>"
                     "</com:consultaLoteRequest>")  # fmt: skip


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in el if _local(c) == name), None)


def _text(el: etree._Element | None, name: str) -> str:
    found = None if el is None else _child(el, name)
    return "" if found is None or found.text is None else found.text.strip()


def operation_of(data: bytes) -> tuple[str, etree._Element]:
    """The name and element of the operation in a SOAP envelope's Body.

    Raises:
        SesError: ``BAD_ANSWER`` (not XML, not SOAP, an empty Body) or ``REFUSED``
            (a SOAP Fault, with its faultstring).
    """
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        raise SesError(SesErrorKind.BAD_ANSWER, "the answer is not XML") from None
    if root.getroottree().docinfo.doctype:
        raise SesError(SesErrorKind.BAD_ANSWER, "the answer has a DOCTYPE (not allowed)")
    if root.tag != f"{{{SOAP_ENV}}}Envelope":
        raise SesError(
            SesErrorKind.BAD_ANSWER, f"the answer is not a SOAP envelope ({_local(root)[:40]})"
        )
    body = _child(root, "Body")
    first = None if body is None else next((c for c in body if _local(c)), None)
    if first is None:
        raise SesError(SesErrorKind.BAD_ANSWER, "the SOAP envelope has no Body")
    if _local(first) == "Fault":
        why = _text(first, "faultstring") or "no faultstring"
        raise SesError(SesErrorKind.REFUSED, f"SOAP Fault: {why}"[:300], "fault")
    return _local(first), first


def body_of(data: bytes, operation: str) -> etree._Element:
    """The ``operation`` element (e.g. ``comunicacionResponse``) in a SOAP envelope.

    Raises:
        SesError: as :func:`operation_of`, and ``BAD_ANSWER`` for another operation.
    """
    name, element = operation_of(data)
    if name != operation:
        raise SesError(SesErrorKind.BAD_ANSWER, f"expected {operation}, the answer is {name[:40]}")
    return element


def _verdict(operation: etree._Element) -> etree._Element:
    respuesta = _child(operation, "respuesta")
    code = _text(respuesta, "codigo")
    if respuesta is None or not code:
        raise SesError(SesErrorKind.BAD_ANSWER, "the answer has no respuesta/codigo")
    if code != "0":
        why = _text(respuesta, "descripcion") or "no descripcion"
        kind = SesErrorKind.UNREACHABLE if code == UNCONTROLLED else SesErrorKind.REFUSED
        raise SesError(kind, f"SES refused it: codigo {code}: {why}"[:500], code[:20])
    return respuesta


def read_comunicacion(data: bytes) -> str:
    """The lote of an accepted ``comunicacionResponse``.

    Raises:
        SesError: REFUSED (a codigo other than 0, naming it and its description),
            UNREACHABLE (codigo 10999, the service's own failure) or BAD_ANSWER.
    """
    respuesta = _verdict(body_of(data, "comunicacionResponse"))
    lote = _text(respuesta, "lote")
    if not lote or len(lote) > 64 or not lote.replace("-", "").isalnum():
        raise SesError(SesErrorKind.BAD_ANSWER, f"accepted without a usable lote ({lote[:64]!r})")
    return lote


def read_consulta(data: bytes) -> tuple[LoteState, ...]:
    """The lotes' states of a ``consultaLoteResponse``.

    Raises:
        SesError: as :func:`read_comunicacion`.
    """
    operation = body_of(data, "consultaLoteResponse")
    _verdict(operation)
    out = []
    for resultado in (c for c in operation if _local(c) == "resultado"):
        lote = _text(resultado, "lote")
        if not lote:
            raise SesError(SesErrorKind.BAD_ANSWER, "a resultado has no lote")
        found = _child(resultado, "resultadoComunicaciones")
        items = [] if found is None else [c for c in found if _local(c) == "resultadoComunicacion"]
        out.append(
            LoteState(
                lote,
                _text(resultado, "codigoEstado"),
                _text(resultado, "descEstado"),
                tuple(t for c in items if (t := _text(c, "codigoComunicacion"))),
                tuple(t for c in items if (t := _text(c, "error"))),
            )
        )
    return tuple(out)


def _answer(operation: str, inner: str) -> bytes:
    return _envelope(f'<ns2:{operation} xmlns:ns2="{SOAP_NS}">{inner}</ns2:{operation}>').replace(
        b' xmlns:com="' + SOAP_NS.encode() + b'"', b""
    )


def comunicacion_answer(code: str, description: str, lote: str = "") -> bytes:
    """A ``comunicacionResponse`` (the simulator's; ``lote`` only when accepted)."""
    lote_el = f"<lote>{escape(lote)}</lote>" if lote else ""
    return _answer(
        "comunicacionResponse",
        f"<respuesta>{lote_el}<codigo>{escape(code)}</codigo>"
        f"<descripcion>{escape(description)}</descripcion></respuesta>",
    )


def consulta_answer(
    states: tuple[LoteState, ...], code: str = "0", description: str = "Ok"
) -> bytes:
    """A ``consultaLoteResponse`` (the simulator's)."""
    parts = [f"<respuesta><codigo>{escape(code)}</codigo>"
             f"<descripcion>{escape(description)}</descripcion></respuesta>"]  # fmt: skip
    for s in states:
        items = "".join(
            f"<resultadoComunicacion><orden>{i}</orden>"
            f"<codigoComunicacion>{escape(c)}</codigoComunicacion></resultadoComunicacion>"
            for i, c in enumerate(s.communications, 1)
        ) + "".join(
            f"<resultadoComunicacion><orden>{i}</orden><tipoError>E</tipoError>"
            f"<error>{escape(e)}</error></resultadoComunicacion>"
            for i, e in enumerate(s.errors, len(s.communications) + 1)
        )
        parts.append(
            f"<resultado><lote>{escape(s.lote)}</lote><codigoEstado>{escape(s.state_code)}"
            f"</codigoEstado><descEstado>{escape(s.state)}</descEstado>"
            f"<resultadoComunicaciones>{items}</resultadoComunicaciones></resultado>"
        )
    return _answer("consultaLoteResponse", "".join(parts))


def fault(message: str) -> bytes:
    """A SOAP 1.1 Fault (the simulator's answer to a request it cannot read)."""
    return _envelope(
        f"<soapenv:Fault><faultcode>soapenv:Client</faultcode>"
        f"<faultstring>{escape(message)}</faultstring></soapenv:Fault>"
    )
