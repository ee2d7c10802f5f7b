<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AccessibilityPanel</name>
    <message>
        <location filename="../widgets/dialogs.py" line="158"/>
        <source>Accessibility</source>
        <translation>Accesibilidad</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="159"/>
        <source>On</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="159"/>
        <source>Off</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="161"/>
        <source>unavailable</source>
        <translation>no disponible</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="164"/>
        <source>Spoken guidance: %1</source>
        <translation>Guía por voz: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="165"/>
        <source>Repeat what was said</source>
        <translation>Repetir lo dicho</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="168"/>
        <source>Large text: %1</source>
        <translation>Texto grande: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="171"/>
        <source>High contrast: %1</source>
        <translation>Alto contraste: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="173"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>AgentScreen</name>
    <message>
        <location filename="../airport/finish.py" line="414"/>
        <source>Please wait for an agent</source>
        <translation>Espere a un agente, por favor</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="415"/>
        <source>An agent has been called and is on the way.</source>
        <translation>Hemos llamado a un agente y ya viene.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="418"/>
        <source>We could not read %1&apos;s passport.</source>
        <translation>No hemos podido leer el pasaporte de %1.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="419"/>
        <source>The name in the passport does not match %1&apos;s booking.</source>
        <translation>El nombre del pasaporte no coincide con la reserva de %1.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="420"/>
        <source>%1&apos;s passport is not valid for this trip.</source>
        <translation>El pasaporte de %1 no es válido para este viaje.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="422"/>
        <source>%1&apos;s trip needs a check by an agent (for example a visa or travel permit).</source>
        <translation>El viaje de %1 necesita la revisión de un agente (por ejemplo, un visado o permiso de viaje).</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="424"/>
        <source>%1 needs to be checked in by an agent.</source>
        <translation>Un agente debe facturar a %1.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="425"/>
        <source>A bag is heavier than the airline allows.</source>
        <translation>Una maleta pesa más de lo que permite la aerolínea.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="426"/>
        <source>We cannot reach the airline&apos;s system just now.</source>
        <translation>Ahora mismo no podemos conectar con el sistema de la aerolínea.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="427"/>
        <source>The printer needs paper or has a problem.</source>
        <translation>La impresora necesita papel o tiene un problema.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="428"/>
        <source>The payment did not go through.</source>
        <translation>El pago no se ha completado.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="429"/>
        <source>An agent needs to talk to you about your answer.</source>
        <translation>Un agente tiene que hablar con usted sobre su respuesta.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="430"/>
        <source>The passport reader is not working just now.</source>
        <translation>El lector de pasaportes no funciona en este momento.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="433"/>
        <source>We could not read the passport.</source>
        <translation>No hemos podido leer el pasaporte.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="434"/>
        <source>The name in the passport does not match the booking.</source>
        <translation>El nombre del pasaporte no coincide con la reserva.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="435"/>
        <source>The passport is not valid for this trip.</source>
        <translation>El pasaporte no es válido para este viaje.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="437"/>
        <source>This trip needs a check by an agent (for example a visa or travel permit).</source>
        <translation>Este viaje necesita la revisión de un agente (por ejemplo, un visado o permiso de viaje).</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="439"/>
        <source>This booking needs to be checked in by an agent.</source>
        <translation>Un agente debe facturar esta reserva.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="442"/>
        <source>An agent needs to help with your check-in.</source>
        <translation>Un agente tiene que ayudarle con la facturación.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="447"/>
        <source>Please stay at the kiosk. Your check-in is kept.</source>
        <translation>Quédese en el quiosco, por favor. Su facturación se conserva.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="448"/>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
</context>
<context>
    <name>AirportDesk</name>
    <message>
        <location filename="../desk/airport_terms.py" line="15"/>
        <source>Agent: %1 (%2)</source>
        <translation>Agente: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="16"/>
        <source>Passenger: %1</source>
        <translation>Pasajero: %1</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="21"/>
        <source>Document could not be read</source>
        <extracomment>Intervention kind -&gt; its title on the desk.</extracomment>
        <translation>No se ha podido leer el documento</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="22"/>
        <source>Name does not match the booking</source>
        <translation>El nombre no coincide con la reserva</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="23"/>
        <source>Document expired</source>
        <translation>Documento caducado</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="24"/>
        <source>Visa or entry check needed</source>
        <translation>Hay que comprobar el visado o la entrada</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="26"/>
        <source>Passenger inhibited by the airline</source>
        <translation>Pasajero bloqueado por la aerolínea</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="28"/>
        <source>Bag over the maximum weight</source>
        <translation>Maleta por encima del peso máximo</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="29"/>
        <source>Airline system not answering</source>
        <translation>El sistema de la aerolínea no responde</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="30"/>
        <source>Printer out of order</source>
        <translation>Impresora averiada</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="31"/>
        <source>Payment problem</source>
        <translation>Problema con el pago</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="32"/>
        <source>Safety question answered “yes”</source>
        <translation>Pregunta de seguridad respondida con «sí»</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="35"/>
        <source>Refuse passenger</source>
        <translation>Rechazar al pasajero</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="36"/>
        <source>Read another document</source>
        <translation>Leer otro documento</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="37"/>
        <source>Accept document</source>
        <translation>Aceptar el documento</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="41"/>
        <source>Read the document again</source>
        <extracomment>(kind, verdict) -&gt; the words on the verdict&apos;s button.</extracomment>
        <translation>Volver a leer el documento</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="50"/>
        <source>Documents checked: may travel</source>
        <translation>Documentos comprobados: puede viajar</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="53"/>
        <source>Passenger cleared</source>
        <translation>Pasajero autorizado</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="55"/>
        <source>Take the bag</source>
        <translation>Aceptar la maleta</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="56"/>
        <source>Weigh the bag again</source>
        <translation>Volver a pesar la maleta</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="57"/>
        <source>Do not take the bag</source>
        <translation>No aceptar la maleta</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="59"/>
        <source>Ask the airline system again</source>
        <translation>Volver a consultar el sistema de la aerolínea</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="62"/>
        <source>Printer fixed: print the rest</source>
        <translation>Impresora arreglada: imprimir lo que falta</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="64"/>
        <source>Finish without printing</source>
        <translation>Terminar sin imprimir</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="65"/>
        <source>Fee paid</source>
        <translation>Importe pagado</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="66"/>
        <source>Not paid</source>
        <translation>No pagado</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="67"/>
        <source>Dealt with: go on</source>
        <translation>Resuelto: continuar</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="68"/>
        <source>Cancel the check-in</source>
        <translation>Anular la facturación</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="73"/>
        <source>The document could not be read.</source>
        <extracomment>What the check-in wrote as an intervention&apos;s detail -&gt; what the agent reads.</extracomment>
        <translation>No se ha podido leer el documento.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="75"/>
        <source>The airline system refused the document data.</source>
        <translation>El sistema de la aerolínea ha rechazado los datos del documento.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="78"/>
        <source>The name on the document differs from the booking.</source>
        <translation>El nombre del documento no coincide con el de la reserva.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="80"/>
        <source>The document has no expiry date.</source>
        <translation>El documento no tiene fecha de caducidad.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="82"/>
        <source>The document expires before the last flight.</source>
        <translation>El documento caduca antes del último vuelo.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="84"/>
        <source>A visa is needed for the destination.</source>
        <translation>Se necesita un visado para el destino.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="86"/>
        <source>An ESTA is needed for the destination.</source>
        <translation>Se necesita una ESTA para el destino.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="89"/>
        <location filename="../desk/airport_terms.py" line="92"/>
        <source>The airline will not check this passenger in at a kiosk.</source>
        <translation>La aerolínea no permite facturar a este pasajero en un quiosco.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="94"/>
        <source>The card was declined too many times.</source>
        <translation>La tarjeta se ha rechazado demasiadas veces.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="96"/>
        <source>The airline system gave no boarding pass.</source>
        <translation>El sistema de la aerolínea no ha emitido la tarjeta de embarque.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="99"/>
        <source>No answer from the airline system (%1).</source>
        <translation>El sistema de la aerolínea no responde (%1).</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="103"/>
        <source>Accept</source>
        <extracomment>A verdict&apos;s words when its kind has none of its own.</extracomment>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="105"/>
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="106"/>
        <source>Fixed</source>
        <translation>Arreglado</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="111"/>
        <source>Passport</source>
        <extracomment>ICAO 9303 document codes (the first letter of the MRZ) -&gt; words.</extracomment>
        <translation>Pasaporte</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="112"/>
        <location filename="../desk/airport_terms.py" line="113"/>
        <location filename="../desk/airport_terms.py" line="114"/>
        <source>Identity card</source>
        <translation>Documento de identidad</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="115"/>
        <source>Visa</source>
        <translation>Visado</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="120"/>
        <source>agent</source>
        <extracomment>Staff roles (``kiosk.domain.staff.Role`` values) as the airport calls them.</extracomment>
        <translation>agente</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="121"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="122"/>
        <source>manager</source>
        <translation>gerente</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="123"/>
        <source>technician</source>
        <translation>técnico</translation>
    </message>
</context>
<context>
    <name>AirportScreen</name>
    <message>
        <location filename="../airport/base.py" line="132"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../airport/base.py" line="133"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../airport/base.py" line="134"/>
        <source>One moment…</source>
        <translation>Un momento…</translation>
    </message>
    <message>
        <location filename="../airport/base.py" line="137"/>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
</context>
<context>
    <name>AttendantDashboard</name>
    <message>
        <location filename="../attendant/dashboard.py" line="244"/>
        <source>Attendant: %1 (%2)</source>
        <extracomment>The role grant the approving key of a decision needs (others: checked by the service).</extracomment>
        <translation>Personal: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="248"/>
        <source>Lane closed</source>
        <translation>Caja cerrada</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="248"/>
        <source>Lane open</source>
        <translation>Caja abierta</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="250"/>
        <source>Lane paused, basket kept</source>
        <translation>Caja en pausa, cesta guardada</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="252"/>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="253"/>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="255"/>
        <location filename="../attendant/dashboard.py" line="317"/>
        <source>Cancel sale</source>
        <translation>Anular venta</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="256"/>
        <source>Suspend</source>
        <translation>Suspender</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="257"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="258"/>
        <source>Reprint receipt</source>
        <translation>Reimprimir tique</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="260"/>
        <source>Open lane</source>
        <translation>Abrir caja</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="260"/>
        <source>Close lane</source>
        <translation>Cerrar caja</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="262"/>
        <source>Clear device fault</source>
        <translation>Resolver fallo</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="263"/>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="264"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="265"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="278"/>
        <source>Age check</source>
        <translation>Control de edad</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="279"/>
        <source>Unknown item</source>
        <translation>Artículo desconocido</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="280"/>
        <source>Quantity limit</source>
        <translation>Límite de cantidad</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="281"/>
        <source>Remove an item</source>
        <translation>Quitar un artículo</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="282"/>
        <source>Price change</source>
        <translation>Cambio de precio</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="283"/>
        <source>Shopper asked for help</source>
        <translation>El cliente pide ayuda</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="284"/>
        <location filename="../attendant/dashboard.py" line="427"/>
        <source>Payment problem</source>
        <translation>Problema con el pago</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="285"/>
        <source>Payment outcome unknown</source>
        <translation>Resultado del pago desconocido</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="286"/>
        <source>Device fault</source>
        <translation>Fallo de dispositivo</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="287"/>
        <source>Expired item refused: take it away</source>
        <translation>Artículo caducado rechazado: retírelo</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="288"/>
        <source>Recalled item refused: take it away</source>
        <translation>Artículo de un lote retirado rechazado: retírelo</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="291"/>
        <source>Nothing is waiting for you.</source>
        <translation>No hay nada pendiente.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="298"/>
        <source>Put aside by the shopper: %1</source>
        <translation>Apartados por el cliente: %1</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="311"/>
        <source>Needs age %1 or over.</source>
        <translation>Edad mínima: %1 años.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="315"/>
        <source>Key in the item</source>
        <translation>Introducir el artículo</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="315"/>
        <source>Set aside</source>
        <translation>Apartar</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="316"/>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="316"/>
        <source>Not paid</source>
        <translation>No pagado</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="317"/>
        <source>Resume basket</source>
        <translation>Reanudar la cesta</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="318"/>
        <source>Fault fixed</source>
        <translation>Fallo resuelto</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="319"/>
        <source>Help given</source>
        <translation>Ayuda prestada</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="320"/>
        <source>Taken away</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="321"/>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="323"/>
        <source>Do not add</source>
        <translation>No añadir</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="325"/>
        <source>ID seen</source>
        <translation>DNI visto</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="326"/>
        <source>Date of birth</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="321"/>
        <source>Deny</source>
        <translation>Denegar</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="296"/>
        <source>Basket on hold</source>
        <translation>Cesta en espera</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="307"/>
        <source>Nobody answered “Are you still there?”. Resume the basket for the shopper, or cancel the sale.</source>
        <translation>Nadie respondió a «¿Sigue ahí?». Reanude la cesta para el cliente o anule la venta.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="331"/>
        <source>attendant</source>
        <translation>asistente</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="332"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="333"/>
        <source>manager</source>
        <translation>gerente</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="334"/>
        <source>technician</source>
        <translation>técnico</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="344"/>
        <source>%1 sales, %2</source>
        <translation>Ventas: %1, %2</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="347"/>
        <source>%1 cancelled</source>
        <translation>Anuladas: %1</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="384"/>
        <source>New quantity for line %1</source>
        <translation>Nueva cantidad para la línea %1</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="389"/>
        <source>Damaged</source>
        <translation>Dañado</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="390"/>
        <source>Shelf price</source>
        <translation>Precio del lineal</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="391"/>
        <source>Promotion</source>
        <translation>Promoción</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="392"/>
        <source>Manager discount</source>
        <translation>Descuento del gerente</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="395"/>
        <source>New unit price for line %1</source>
        <translation>Nuevo precio unitario para la línea %1</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="403"/>
        <source>Barcode or PLU of the item</source>
        <translation>Código de barras o PLU del artículo</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="422"/>
        <source>Date of birth (DD MM YYYY)</source>
        <translation>Fecha de nacimiento (DD MM AAAA)</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="426"/>
        <source>Shopper left</source>
        <translation>El cliente se ha ido</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="428"/>
        <source>Wrong items</source>
        <translation>Artículos equivocados</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="429"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="433"/>
        <source>Cancel this sale? Choose a reason.</source>
        <translation>¿Anular esta venta? Elija un motivo.</translation>
    </message>
</context>
<context>
    <name>AttendantSignInScreen</name>
    <message>
        <location filename="../attendant/signin.py" line="158"/>
        <source>Attendant sign-in</source>
        <extracomment>The spacing of the texts when the screen is too short for the roomy one.</extracomment>
        <translation>Acceso del personal</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="160"/>
        <source>Scan your staff badge, or type your staff ID.</source>
        <translation>Escanee su tarjeta de empleado o escriba su ID de empleado.</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="162"/>
        <source>Type your PIN and press OK.</source>
        <translation>Escriba su PIN y pulse OK.</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="163"/>
        <source>Staff ID</source>
        <translation>ID de empleado</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="164"/>
        <source>Change staff ID</source>
        <translation>Cambiar ID de empleado</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="165"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="173"/>
        <source>Too many attempts. Try again in %1 s.</source>
        <translation>Demasiados intentos. Vuelva a intentarlo en %1 s.</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="175"/>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="177"/>
        <source>Wrong staff ID, badge or PIN.</source>
        <translation>ID de empleado, tarjeta o PIN incorrectos.</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="178"/>
        <source>This staff member is disabled.</source>
        <translation>Este empleado está desactivado.</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="179"/>
        <source>Signed out after inactivity.</source>
        <translation>Sesión cerrada por inactividad.</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../screens/attract.py" line="140"/>
        <source>Scan your first item to start, or touch Start.</source>
        <translation>Escanee su primer artículo para empezar, o toque Empezar.</translation>
    </message>
    <message>
        <location filename="../screens/attract.py" line="141"/>
        <source>Fruit, vegetables and bread: use Look up item.</source>
        <translation>Fruta, verdura y pan: use Buscar artículo.</translation>
    </message>
    <message>
        <location filename="../screens/attract.py" line="142"/>
        <source>Need help? Touch Help at any time.</source>
        <translation>¿Necesita ayuda? Toque Ayuda en cualquier momento.</translation>
    </message>
    <message>
        <location filename="../screens/attract.py" line="146"/>
        <source>Welcome</source>
        <translation>Bienvenido</translation>
    </message>
    <message>
        <location filename="../screens/attract.py" line="147"/>
        <source>Scan, bag and pay by card in a few touches.</source>
        <translation>Escanee, embolse y pague con tarjeta en pocos toques.</translation>
    </message>
    <message>
        <location filename="../screens/attract.py" line="149"/>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <location filename="../screens/attract.py" line="150"/>
        <source>Scan to start</source>
        <translation>Escanee para empezar</translation>
    </message>
    <message>
        <location filename="../screens/attract.py" line="151"/>
        <source>Hold the barcode under the red light.</source>
        <translation>Coloque el código de barras bajo la luz roja.</translation>
    </message>
</context>
<context>
    <name>BagCountScreen</name>
    <message>
        <location filename="../airport/bags.py" line="130"/>
        <source>How many bags are you checking in?</source>
        <translation>¿Cuántas maletas va a facturar?</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="131"/>
        <source>Cabin bags do not count. Touch − or + for each person.</source>
        <translation>El equipaje de mano no cuenta. Toque − o + para cada persona.</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="137"/>
        <source>%1 bag included, up to %2 each</source>
        <translation>%1 maleta incluida, hasta %2 cada una</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="139"/>
        <source>%1 bags included, up to %2 each</source>
        <translation>%1 maletas incluidas, hasta %2 cada una</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="145"/>
        <source>extra bag %1</source>
        <translation>maleta adicional %1</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="149"/>
        <source>One bag less</source>
        <translation>Una maleta menos</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="150"/>
        <source>One bag more</source>
        <translation>Una maleta más</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="152"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="152"/>
        <source>No bags, continue</source>
        <translation>Sin maletas, continuar</translation>
    </message>
</context>
<context>
    <name>BagWeighScreen</name>
    <message>
        <location filename="../airport/bags.py" line="217"/>
        <source>All bags weighed</source>
        <translation>Todas las maletas pesadas</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="220"/>
        <source>Put bag %1 of %2 on the belt</source>
        <translation>Ponga la maleta %1 de %2 en la cinta</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="225"/>
        <source>Bag for %1. Lay it flat, handle up.</source>
        <translation>Maleta de %1. Túmbela con el asa hacia arriba.</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="231"/>
        <source>Touch Continue to go on.</source>
        <translation>Toque Continuar para seguir.</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="234"/>
        <source>This bag is over %1. Please take something out, or an agent will help.</source>
        <translation>Esta maleta pesa más de %1. Saque algo, o un agente le ayudará.</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="237"/>
        <source>Waiting for the bag…</source>
        <translation>Esperando la maleta…</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="239"/>
        <source>Weight OK</source>
        <translation>Peso correcto</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="241"/>
        <source>Weighing… please do not touch the bag</source>
        <translation>Pesando… no toque la maleta</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="244"/>
        <source>Included: up to %1 per bag</source>
        <translation>Incluido: hasta %1 por maleta</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="250"/>
        <source>Fee for this bag: %1</source>
        <translation>Cargo por esta maleta: %1</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="253"/>
        <source>No fee for this bag</source>
        <translation>Esta maleta no tiene cargo</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="256"/>
        <source>Bags accepted: %1</source>
        <translation>Maletas aceptadas: %1</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="259"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
</context>
<context>
    <name>BagsOverlay</name>
    <message>
        <location filename="../widgets/bags.py" line="120"/>
        <source>Do you need bags?</source>
        <translation>¿Necesita bolsas?</translation>
    </message>
    <message>
        <location filename="../widgets/bags.py" line="121"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../widgets/bags.py" line="122"/>
        <source>No bags, thanks</source>
        <translation>Sin bolsas, gracias</translation>
    </message>
    <message>
        <location filename="../widgets/bags.py" line="123"/>
        <source>Add bags</source>
        <translation>Añadir bolsas</translation>
    </message>
</context>
<context>
    <name>BasketPanel</name>
    <message>
        <location filename="../attendant/basket.py" line="198"/>
        <source>Coupon: %1, saves %2</source>
        <translation>Cupón: %1, ahorra %2</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="202"/>
        <source>Coupon: %1, needs a purchase first</source>
        <translation>Cupón: %1, falta la compra requerida</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="218"/>
        <source>Basket: %1 items</source>
        <translation>Cesta (artículos: %1)</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="221"/>
        <source>The basket is empty.</source>
        <translation>La cesta está vacía.</translation>
    </message>
</context>
<context>
    <name>BookingChoiceScreen</name>
    <message>
        <location filename="../airport/steps.py" line="75"/>
        <source>Which trip are you checking in for?</source>
        <translation>¿Para qué viaje quiere facturar?</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="76"/>
        <source>We found more than one booking for this passport.</source>
        <translation>Hemos encontrado más de una reserva con este pasaporte.</translation>
    </message>
</context>
<context>
    <name>CartRow</name>
    <message>
        <location filename="../widgets/cart.py" line="55"/>
        <source>No longer applies: items removed</source>
        <translation>Ya no se aplica: artículos retirados</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="56"/>
        <location filename="../widgets/cart.py" line="58"/>
        <source>Coupon</source>
        <translation>Cupón</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="57"/>
        <source>Saving</source>
        <translation>Ahorro</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="66"/>
        <source>Removed</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="68"/>
        <source>price changed by staff</source>
        <translation>precio cambiado por el personal</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="70"/>
        <source>%1% off: close to its date</source>
        <translation>%1 % de descuento: cerca de su fecha</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="73"/>
        <source>age check needed</source>
        <translation>falta comprobar la edad</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="84"/>
        <source>Deposit</source>
        <translation>Depósito</translation>
    </message>
</context>
<context>
    <name>CategoryBar</name>
    <message>
        <location filename="../widgets/produce_grid.py" line="383"/>
        <source>All</source>
        <extracomment>The category button that shows every item. Groups in the order their buttons show; any other category follows, A-Z. Lines a tile keeps for the item&apos;s name (the longest sample names take three).</extracomment>
        <translation>Todo</translation>
    </message>
    <message>
        <location filename="../widgets/produce_grid.py" line="384"/>
        <source>Fruit</source>
        <translation>Fruta</translation>
    </message>
    <message>
        <location filename="../widgets/produce_grid.py" line="385"/>
        <source>Vegetables</source>
        <translation>Verdura</translation>
    </message>
    <message>
        <location filename="../widgets/produce_grid.py" line="386"/>
        <source>Fruit and vegetables</source>
        <translation>Frutas y verduras</translation>
    </message>
    <message>
        <location filename="../widgets/produce_grid.py" line="387"/>
        <source>Bakery</source>
        <translation>Panadería</translation>
    </message>
</context>
<context>
    <name>CheckinTitle</name>
    <message>
        <location filename="../airport/screens.py" line="34"/>
        <source>Check-in</source>
        <translation>Facturación</translation>
    </message>
</context>
<context>
    <name>ChildScreen</name>
    <message>
        <location filename="../hotel/child.py" line="184"/>
        <source>A child travelling with you</source>
        <translation>Un niño que viaja con usted</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="185"/>
        <source>Children are registered with the adult they are with.</source>
        <translation>Los niños se registran con el adulto que los acompaña.</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="186"/>
        <source>Child&apos;s first names</source>
        <translation>Nombre del niño</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="187"/>
        <source>Child&apos;s surname</source>
        <translation>Apellidos del niño</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="188"/>
        <source>Date of birth (DD MM YYYY)</source>
        <translation>Fecha de nacimiento (DD MM AAAA)</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="190"/>
        <source>How is the child related to %1?</source>
        <translation>¿Qué relación tiene el niño con %1?</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="193"/>
        <source>Parent</source>
        <translation>Padre o madre</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="194"/>
        <source>Grandparent</source>
        <translation>Abuelo o abuela</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="195"/>
        <source>Brother or sister</source>
        <translation>Hermano o hermana</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="196"/>
        <source>Uncle or aunt</source>
        <translation>Tío o tía</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="197"/>
        <source>Legal guardian</source>
        <translation>Tutor legal</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="198"/>
        <source>Other</source>
        <translation>Otra</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="202"/>
        <source>The child is a</source>
        <translation>El menor es</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="203"/>
        <source>Girl</source>
        <translation>Niña</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="204"/>
        <source>Boy</source>
        <translation>Niño</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="206"/>
        <source>Please check the date of birth: this is for children.</source>
        <translation>Compruebe la fecha de nacimiento: esto es para niños.</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="207"/>
        <source>Please type the child&apos;s names.</source>
        <translation>Escriba el nombre del niño.</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="208"/>
        <source>Please ask at the front desk.</source>
        <translation>Pregunte en recepción.</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="209"/>
        <source>The booking has no more children.</source>
        <translation>La reserva no tiene más niños.</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="212"/>
        <source>Please try again.</source>
        <translation>Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="214"/>
        <source>Please check the date of birth.</source>
        <translation>Compruebe la fecha de nacimiento.</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="217"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="218"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <location filename="../desk/screen.py" line="202"/>
        <source>Sign out</source>
        <extracomment>The most verdicts one case offers (the airport&apos;s kinds offer at most three). The lock on a key the role does not grant: a grey seen on light and high-contrast keys. A verdict&apos;s icon (others: a tick).</extracomment>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="204"/>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="212"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="220"/>
        <source>Nothing is waiting for you.</source>
        <translation>No hay nada pendiente.</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="223"/>
        <source>the whole booking</source>
        <translation>toda la reserva</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="226"/>
        <source>What failed: %1</source>
        <translation>Qué ha fallado: %1</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="236"/>
        <source>Keys with a lock are for: %1.</source>
        <translation>Las teclas con candado son para: %1.</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="242"/>
        <source>Name on the document: %1</source>
        <translation>Nombre en el documento: %1</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="245"/>
        <source>Document: %1, issued by %2</source>
        <translation>Documento: %1, expedido por %2</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="248"/>
        <source>Expires: %1</source>
        <translation>Caduca: %1</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="251"/>
        <source>Number ends in: %1</source>
        <translation>El número termina en: %1</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="260"/>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="263"/>
        <source>Your role may not give this verdict. Who may: %1.</source>
        <translation>Su función no permite tomar esta decisión. Pueden hacerlo: %1.</translation>
    </message>
</context>
<context>
    <name>DetailsScreen</name>
    <message>
        <location filename="../hotel/guests.py" line="230"/>
        <source>A few details for %1</source>
        <translation>Algunos datos de %1</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="231"/>
        <source>The law asks hotels to record these for every guest.</source>
        <translation>La ley pide a los hoteles que registren estos datos de cada huésped.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="233"/>
        <source>Street and number</source>
        <translation>Calle y número</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="234"/>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="235"/>
        <source>Town or city</source>
        <translation>Localidad</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="236"/>
        <source>E-mail or phone number</source>
        <translation>Correo o teléfono</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="237"/>
        <source>Place of birth</source>
        <translation>Lugar de nacimiento</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="238"/>
        <source>Support number of your ID card</source>
        <translation>Número de soporte de su DNI</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="242"/>
        <source>Please fill in every field.</source>
        <translation>Rellene todos los campos.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="244"/>
        <source>Please check the postal code (5 digits). Not in Spain? Touch Continue again.</source>
        <translation>Compruebe el código postal (5 cifras). ¿No es en España? Toque Continuar otra vez.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="247"/>
        <source>Please touch your town in the list. Not there? Touch Continue again.</source>
        <translation>Toque su municipio en la lista. ¿No está? Toque Continuar otra vez.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="254"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
</context>
<context>
    <name>DeviceStatus</name>
    <message>
        <location filename="device_terms.py" line="23"/>
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="24"/>
        <source>busy</source>
        <translation>ocupado</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="25"/>
        <source>offline</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="26"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="30"/>
        <source>paper low</source>
        <translation>queda poco papel</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="31"/>
        <source>paper out</source>
        <translation>sin papel</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="32"/>
        <source>cover open</source>
        <translation>tapa abierta</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="33"/>
        <source>drawer open</source>
        <translation>cajón abierto</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="34"/>
        <source>in motion</source>
        <translation>en movimiento</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="35"/>
        <source>overload</source>
        <translation>sobrecarga</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="36"/>
        <source>under zero</source>
        <translation>bajo cero</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="37"/>
        <source>not claimed</source>
        <translation>no reservado</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="38"/>
        <source>media low</source>
        <translation>poco papel</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="39"/>
        <source>media empty</source>
        <translation>sin papel</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="40"/>
        <source>media jammed</source>
        <translation>atasco de papel</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="44"/>
        <source>scanner</source>
        <translation>lector</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="45"/>
        <source>printer</source>
        <translation>impresora</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="46"/>
        <source>scale</source>
        <translation>báscula</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="47"/>
        <source>camera</source>
        <translation>cámara</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="48"/>
        <source>card terminal</source>
        <translation>terminal de pago</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="49"/>
        <source>document reader</source>
        <translation>lector de documentos</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="50"/>
        <source>boarding pass printer</source>
        <translation>impresora de tarjetas de embarque</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="51"/>
        <source>bag tag printer</source>
        <translation>impresora de etiquetas de equipaje</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="52"/>
        <source>key card encoder</source>
        <translation>codificador de tarjetas llave</translation>
    </message>
</context>
<context>
    <name>DocumentsScreen</name>
    <message>
        <location filename="../airport/documents.py" line="105"/>
        <source>Place %1&apos;s passport on the reader</source>
        <translation>Ponga el pasaporte de %1 en el lector</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="107"/>
        <source>All documents checked</source>
        <translation>Todos los documentos revisados</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="109"/>
        <source>Checking your documents</source>
        <translation>Revisando sus documentos</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="110"/>
        <source>Open it at the photo page and lay it face down.</source>
        <translation>Ábralo por la página de la foto y póngalo boca abajo.</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="113"/>
        <source>%1 of %2 documents checked</source>
        <translation>%1 de %2 documentos revisados</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="118"/>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="119"/>
        <source>checking…</source>
        <translation>revisando…</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="120"/>
        <source>accepted</source>
        <translation>aceptado</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="121"/>
        <source>not accepted</source>
        <translation>no aceptado</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="128"/>
        <source>The passport could not be read. Lay it flat, photo page down, and keep it still.</source>
        <translation>No se ha podido leer el pasaporte. Póngalo plano, con la foto hacia abajo, sin moverlo.</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="131"/>
        <source>This passport is not %1&apos;s. Please place %1&apos;s passport on the reader.</source>
        <translation>Este pasaporte no es de %1. Ponga el pasaporte de %1 en el lector.</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="133"/>
        <source>This passport has expired. An agent will help you.</source>
        <translation>Este pasaporte está caducado. Un agente le ayudará.</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="134"/>
        <source>Please use a passport for this trip.</source>
        <translation>Use un pasaporte para este viaje, por favor.</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="136"/>
        <source>That did not work. Please try again.</source>
        <translation>No ha funcionado. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="140"/>
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="141"/>
        <source>Photo page down, top edge against the back.</source>
        <translation>Página de la foto hacia abajo, borde superior contra el fondo.</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../airport/finish.py" line="325"/>
        <source>You are checked in</source>
        <translation>Ya ha facturado</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="329"/>
        <source>Please take your boarding passes and bag tags.</source>
        <translation>Recoja sus tarjetas de embarque y etiquetas de equipaje.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="332"/>
        <source>Put a tag on each bag, then leave your bags at the bag drop. Keep the small stub.</source>
        <translation>Ponga una etiqueta en cada maleta y déjelas en el mostrador de equipajes. Guarde el resguardo.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="337"/>
        <source>Please take your boarding passes.</source>
        <translation>Recoja sus tarjetas de embarque.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="344"/>
        <source>Gate %1</source>
        <translation>Puerta %1</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="346"/>
        <source>Boarding %1</source>
        <translation>Embarque %1</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="349"/>
        <source>Thanks for your feedback!</source>
        <translation>¡Gracias por su opinión!</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="351"/>
        <source>How was your check-in?</source>
        <translation>¿Qué tal ha ido la facturación?</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="353"/>
        <source>Not good</source>
        <translation>Mal</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="353"/>
        <source>OK</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="353"/>
        <source>Great</source>
        <translation>Muy bien</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="356"/>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
</context>
<context>
    <name>DropKeysScreen</name>
    <message>
        <location filename="../hotel/checkout.py" line="252"/>
        <source>Your key cards</source>
        <translation>Sus tarjetas llave</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="253"/>
        <source>Please leave your key cards with us.</source>
        <translation>Déjenos sus tarjetas llave.</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="254"/>
        <source>Drop your key cards in the box below the screen.</source>
        <translation>Deje sus tarjetas llave en el buzón bajo la pantalla.</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="255"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
</context>
<context>
    <name>EntryPanel</name>
    <message>
        <location filename="../attendant/widgets.py" line="258"/>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <location filename="../attendant/widgets.py" line="259"/>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <location filename="../attendant/widgets.py" line="297"/>
        <source>Not a date: type day, month and year (DDMMYYYY).</source>
        <translation>No es una fecha: escriba día, mes y año (DDMMAAAA).</translation>
    </message>
    <message>
        <location filename="../attendant/widgets.py" line="301"/>
        <source>That price is too high.</source>
        <translation>Ese precio es demasiado alto.</translation>
    </message>
    <message>
        <location filename="../attendant/widgets.py" line="304"/>
        <source>The quantity must be 1 to 9999.</source>
        <translation>La cantidad debe estar entre 1 y 9999.</translation>
    </message>
</context>
<context>
    <name>FeedbackScreen</name>
    <message>
        <location filename="../screens/feedback.py" line="311"/>
        <source>How likely are you to recommend us to a friend?</source>
        <extracomment>The chips shown (the contract&apos;s reasons but &quot;other&quot;, which a comment says better).</extracomment>
        <translation>¿Qué probabilidad hay de que nos recomiende a un amigo?</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="312"/>
        <source>0 = not at all likely</source>
        <translation>0 = nada probable</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="313"/>
        <source>10 = extremely likely</source>
        <translation>10 = muy probable</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="314"/>
        <source>What could we do better? (optional)</source>
        <translation>¿Qué podríamos mejorar? (opcional)</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="316"/>
        <source>Your score: %1 of 10</source>
        <translation>Su puntuación: %1 de 10</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="318"/>
        <source>Had to wait for help</source>
        <translation>Tuve que esperar ayuda</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="319"/>
        <source>Item not found</source>
        <translation>No encontré un artículo</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="320"/>
        <source>Too slow</source>
        <translation>Demasiado lento</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="321"/>
        <source>Prices</source>
        <translation>Precios</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="322"/>
        <source>Hard to use</source>
        <translation>Difícil de usar</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="323"/>
        <source>A machine did not work</source>
        <translation>Una máquina no funcionó</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="329"/>
        <source>Score %1 of 10</source>
        <translation>Puntuación %1 de 10</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="330"/>
        <source>Add a short comment</source>
        <translation>Añadir un comentario breve</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="331"/>
        <source>Your comment</source>
        <translation>Su comentario</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="332"/>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="333"/>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="335"/>
        <source>Please leave out card numbers: we never keep them.</source>
        <translation>No escriba números de tarjeta: nunca los guardamos.</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="337"/>
        <source>Please leave out text from a passport or ID card: we never keep it.</source>
        <translation>No escriba datos de un pasaporte o documento de identidad: nunca los guardamos.</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="339"/>
        <source>This comment cannot be kept. Please write it differently.</source>
        <translation>No podemos guardar este comentario. Escríbalo de otra forma.</translation>
    </message>
</context>
<context>
    <name>FindBookingScreen</name>
    <message>
        <location filename="../hotel/find.py" line="221"/>
        <source>Find your booking</source>
        <translation>Busque su reserva</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="223"/>
        <source>Type your confirmation number, or your surname and the day you arrive.</source>
        <translation>Escriba su número de confirmación, o su apellido y el día de llegada.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="225"/>
        <source>Confirmation number</source>
        <translation>Número de confirmación</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="226"/>
        <source>Surname</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="227"/>
        <source>Confirmation number (in your e-mail)</source>
        <translation>Número de confirmación (en su correo)</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="228"/>
        <source>Surname on the booking</source>
        <translation>Apellido de la reserva</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="229"/>
        <source>Arrival date</source>
        <translation>Fecha de llegada</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="231"/>
        <source>Find my booking</source>
        <translation>Buscar mi reserva</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="234"/>
        <source>We could not find that booking. Please check and try again.</source>
        <translation>No hemos encontrado esa reserva. Compruébela e inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="236"/>
        <source>Please check the confirmation number.</source>
        <translation>Compruebe el número de confirmación.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="237"/>
        <source>Please type your surname.</source>
        <translation>Escriba su apellido.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="238"/>
        <source>This booking is already checked in.</source>
        <translation>Esta reserva ya está registrada.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="240"/>
        <source>This booking cannot be checked in here. Please see the front desk.</source>
        <translation>Esta reserva no se puede registrar aquí. Diríjase a recepción.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="242"/>
        <source>Your booking starts on a later day. Please see the front desk.</source>
        <translation>Su reserva empieza otro día. Diríjase a recepción.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="243"/>
        <source>The ID could not be read. Please try again.</source>
        <translation>No se ha podido leer el documento. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="246"/>
        <source>Please try again.</source>
        <translation>Inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>FindRoomScreen</name>
    <message>
        <location filename="../hotel/find.py" line="350"/>
        <source>A new key card</source>
        <translation>Una tarjeta llave nueva</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="350"/>
        <source>Check out</source>
        <translation>Hacer el check-out</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="351"/>
        <source>First, let us find your room.</source>
        <translation>Primero, busquemos su habitación.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="352"/>
        <source>Put your key card on the card reader</source>
        <translation>Ponga su tarjeta llave en el lector</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="353"/>
        <source>My card is on the reader</source>
        <translation>Mi tarjeta está en el lector</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="354"/>
        <source>No card with you?</source>
        <translation>¿No tiene la tarjeta?</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="355"/>
        <source>Type your room number</source>
        <translation>Escribir el número de habitación</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="356"/>
        <source>Room number</source>
        <translation>Número de habitación</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="357"/>
        <source>Surname</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="358"/>
        <source>Find my room</source>
        <translation>Buscar mi habitación</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="359"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="362"/>
        <source>The card could not be read. Please try again or type your room number.</source>
        <translation>No se ha podido leer la tarjeta. Inténtelo de nuevo o escriba su número de habitación.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="364"/>
        <source>Please type your room number.</source>
        <translation>Escriba el número de su habitación.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="365"/>
        <source>Please type your surname.</source>
        <translation>Escriba su apellido.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="366"/>
        <location filename="../hotel/find.py" line="367"/>
        <location filename="../hotel/find.py" line="368"/>
        <source>We found no stay in this room with that surname.</source>
        <translation>No hay ninguna estancia en esta habitación con ese apellido.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="371"/>
        <source>Please try again.</source>
        <translation>Inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>FolioScreen</name>
    <message>
        <location filename="../hotel/checkout.py" line="115"/>
        <source>Your bill</source>
        <translation>Su factura</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="116"/>
        <source>Please check your bill.</source>
        <translation>Revise su factura.</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="117"/>
        <source>Left to pay</source>
        <translation>Pendiente de pago</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="124"/>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="130"/>
        <source>It is taken from the deposit of %1 held on your card.</source>
        <translation>Se toma del depósito de %1 retenido en su tarjeta.</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="138"/>
        <source>Pay %1</source>
        <translation>Pagar %1</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="140"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
</context>
<context>
    <name>GuestIdsScreen</name>
    <message>
        <location filename="../hotel/guests.py" line="105"/>
        <source>Place your ID on the reader</source>
        <extracomment>A register field -&gt; the fields typed for it (key, longest text). (the country of residence is the address&apos;s: the guest&apos;s nationality)</extracomment>
        <translation>Ponga su documento en el lector</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="107"/>
        <source>Place %1&apos;s ID on the reader</source>
        <translation>Ponga el documento de %1 en el lector</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="109"/>
        <source>Your IDs</source>
        <translation>Sus documentos</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="111"/>
        <source>For a new key card we check the ID of a guest of the room.</source>
        <translation>Para una tarjeta nueva comprobamos el documento de un huésped de la habitación.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="113"/>
        <source>We need an ID (passport or identity card) of every adult guest.</source>
        <translation>Necesitamos un documento (pasaporte o DNI) de cada huésped adulto.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="121"/>
        <source>IDs read: %1 of %2</source>
        <translation>Documentos leídos: %1 de %2</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="124"/>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="125"/>
        <source>checking…</source>
        <translation>revisando…</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="126"/>
        <source>a few details to add</source>
        <translation>faltan algunos datos</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="127"/>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="132"/>
        <source>Then we add the children travelling with you.</source>
        <translation>Después añadimos a los niños que viajan con usted.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="139"/>
        <source>The ID could not be read. Lay it flat on the reader and keep it still.</source>
        <translation>No se ha podido leer el documento. Póngalo plano en el lector y no lo mueva.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="141"/>
        <source>We already have this ID. Please place the next one.</source>
        <translation>Ya tenemos este documento. Ponga el siguiente.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="147"/>
        <source>Passport: photo page down. Identity card: either side down.</source>
        <translation>Pasaporte: página de la foto hacia abajo. DNI: por cualquier cara.</translation>
    </message>
</context>
<context>
    <name>HelpBanner</name>
    <message>
        <location filename="../widgets/dialogs.py" line="212"/>
        <source>Help is on the way. A member of staff has been called and will be with you in a moment; the light above your till is flashing.</source>
        <translation>La ayuda está en camino. Hemos avisado a un empleado, que vendrá enseguida; la luz sobre su caja está parpadeando.</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="217"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>HotelAgentScreen</name>
    <message>
        <location filename="../hotel/pay.py" line="121"/>
        <source>Please wait a moment</source>
        <translation>Espere un momento, por favor</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="122"/>
        <source>A member of staff has been called and is coming.</source>
        <translation>Hemos avisado a un empleado y ya viene.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="124"/>
        <source>We could not find your booking.</source>
        <translation>No hemos encontrado su reserva.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="125"/>
        <source>We could not read %1&apos;s ID.</source>
        <translation>No hemos podido leer el documento de %1.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="126"/>
        <source>The name on the ID is not on the booking.</source>
        <translation>El nombre del documento no está en la reserva.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="127"/>
        <source>%1&apos;s ID has expired.</source>
        <translation>El documento de %1 ha caducado.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="128"/>
        <source>We need a few more details for %1&apos;s registration.</source>
        <translation>Necesitamos algunos datos más para el registro de %1.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="129"/>
        <source>The payment did not go through.</source>
        <translation>El pago no se ha completado.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="130"/>
        <source>A key card could not be made.</source>
        <translation>No se ha podido hacer una tarjeta llave.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="132"/>
        <source>Your room is not ready yet. You can leave your luggage with us, and we will let you know when the room is ready.</source>
        <translation>Su habitación aún no está lista. Puede dejarnos su equipaje y le avisaremos cuando esté lista.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="135"/>
        <source>We cannot reach the hotel&apos;s system just now.</source>
        <translation>Ahora mismo no podemos conectar con el sistema del hotel.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="136"/>
        <source>The hotel&apos;s system could not complete this step.</source>
        <translation>El sistema del hotel no ha podido completar este paso.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="137"/>
        <source>The printer needs paper or has a problem.</source>
        <translation>La impresora necesita papel o tiene un problema.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="139"/>
        <source>A member of staff needs to help you.</source>
        <translation>Un empleado tiene que ayudarle.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="142"/>
        <source>We could not read the ID.</source>
        <translation>No hemos podido leer el documento.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="143"/>
        <source>This ID has expired.</source>
        <translation>Este documento ha caducado.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="144"/>
        <source>We need a few more details for the registration.</source>
        <translation>Necesitamos algunos datos más para el registro.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="147"/>
        <source>Please stay at the kiosk. Nothing is lost.</source>
        <translation>Quédese en el quiosco. No se pierde nada.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="148"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
</context>
<context>
    <name>HotelDesk</name>
    <message>
        <location filename="../desk/hotel_terms.py" line="21"/>
        <source>Staff: %1 (%2)</source>
        <translation>Personal: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="22"/>
        <source>Guest: %1</source>
        <translation>Huésped: %1</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="26"/>
        <source>Booking not found</source>
        <extracomment>Intervention kind -&gt; its title on the desk.</extracomment>
        <translation>Reserva no encontrada</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="27"/>
        <source>ID could not be read</source>
        <translation>No se pudo leer el documento</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="28"/>
        <source>Name on the ID does not match</source>
        <translation>El nombre del documento no coincide</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="29"/>
        <source>ID expired</source>
        <translation>Documento caducado</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="30"/>
        <source>Guest register incomplete</source>
        <translation>Registro de viajeros incompleto</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="31"/>
        <source>Payment problem</source>
        <translation>Problema con el pago</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="32"/>
        <source>Key card not encoded</source>
        <translation>Tarjeta llave no codificada</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="33"/>
        <source>Room not ready</source>
        <translation>Habitación no lista</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="34"/>
        <source>Hotel system not answering</source>
        <translation>El sistema del hotel no responde</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="35"/>
        <source>Hotel system refused</source>
        <translation>El sistema del hotel lo ha rechazado</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="36"/>
        <source>Printer out of order</source>
        <translation>Impresora averiada</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="39"/>
        <source>Serve at the front desk</source>
        <translation>Atender en recepción</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="40"/>
        <source>Read another ID</source>
        <translation>Leer otro documento</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="41"/>
        <source>Accept the ID</source>
        <translation>Aceptar el documento</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="45"/>
        <source>Search again</source>
        <extracomment>(kind, verdict) -&gt; the words on the verdict&apos;s button.</extracomment>
        <translation>Buscar de nuevo</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="47"/>
        <source>Read the ID again</source>
        <translation>Leer el documento de nuevo</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="56"/>
        <source>Register completed at the desk</source>
        <translation>Registro completado en recepción</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="60"/>
        <source>Paid or settled</source>
        <translation>Pagado o liquidado</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="61"/>
        <source>Not paid: pay again</source>
        <translation>No pagado: pagar de nuevo</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="62"/>
        <source>Encode the key again</source>
        <translation>Codificar la llave de nuevo</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="63"/>
        <source>Finish with the keys made</source>
        <translation>Terminar con las llaves hechas</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="64"/>
        <source>Room ready: ask again</source>
        <translation>Habitación lista: consultar de nuevo</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="66"/>
        <source>Keep the luggage: room later</source>
        <translation>Guardar el equipaje: habitación más tarde</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="69"/>
        <source>Ask the hotel system again</source>
        <translation>Consultar de nuevo el sistema del hotel</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="71"/>
        <source>Fixed in the system: ask again</source>
        <translation>Corregido en el sistema: consultar de nuevo</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="73"/>
        <source>Printer fixed: print again</source>
        <translation>Impresora reparada: imprimir de nuevo</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="74"/>
        <source>Go on without printing</source>
        <translation>Continuar sin imprimir</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="79"/>
        <source>The ID could not be read.</source>
        <extracomment>What the visit wrote as an intervention&apos;s detail -&gt; what staff read.</extracomment>
        <translation>No se pudo leer el documento.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="81"/>
        <source>The name on the ID is not a guest&apos;s of the booking.</source>
        <translation>El nombre del documento no es de ningún huésped de la reserva.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="83"/>
        <source>The ID has no expiry date.</source>
        <translation>El documento no tiene fecha de caducidad.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="85"/>
        <source>The ID is not valid on the day of arrival.</source>
        <translation>El documento no es válido el día de llegada.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="87"/>
        <source>The ID has expired.</source>
        <translation>El documento ha caducado.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="88"/>
        <location filename="../desk/hotel_terms.py" line="89"/>
        <location filename="../desk/hotel_terms.py" line="90"/>
        <source>No room is assigned yet.</source>
        <translation>Aún no hay habitación asignada.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="91"/>
        <source>The room is not ready yet.</source>
        <translation>La habitación aún no está lista.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="95"/>
        <source>Deposit declined</source>
        <extracomment>A deposit alert&apos;s kind -&gt; its title on the desk.</extracomment>
        <translation>Depósito rechazado</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="96"/>
        <source>Deposit in doubt</source>
        <translation>Depósito en duda</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="97"/>
        <source>Deposit taken after all</source>
        <translation>Depósito cobrado al final</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="102"/>
        <source>Charged at the front desk</source>
        <extracomment>(deposit kind, verdict) -&gt; the words on its key.</extracomment>
        <translation>Cobrado en recepción</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="105"/>
        <source>Done: the terminal&apos;s records show it</source>
        <translation>Hecho: lo muestran los registros del terminal</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="108"/>
        <source>Not in the terminal&apos;s records</source>
        <translation>No está en los registros del terminal</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="111"/>
        <source>Given back to the guest</source>
        <translation>Devuelto al huésped</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="116"/>
        <source>Capture</source>
        <extracomment>A deposit alert&apos;s action -&gt; its word.</extracomment>
        <translation>Cobro</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="117"/>
        <source>Release</source>
        <translation>Liberación</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="122"/>
        <source>%1 of %2, stay %3: the terminal declined it (%4). Charge the guest.</source>
        <extracomment>A deposit kind -&gt; what failed (%1 action, %2 amount, %3 stay, %4 the terminal&apos;s reason).</extracomment>
        <translation>%1 de %2, estancia %3: el terminal lo rechazó (%4). Cobre al huésped.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="127"/>
        <source>%1 of %2, stay %3: the terminal cannot say if it was done (asked again).</source>
        <translation>%1 de %2, estancia %3: el terminal no puede decir si se hizo (se le vuelve a preguntar).</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="132"/>
        <source>%1 of %2, stay %3: the terminal took it after all. Give back the desk&apos;s.</source>
        <translation>%1 de %2, estancia %3: el terminal lo cobró al final. Devuelva lo cobrado en recepción.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="139"/>
        <location filename="../desk/hotel_terms.py" line="140"/>
        <source>Settled.</source>
        <extracomment>What settling a deposit alert came to -&gt; what the desk says after the touch.</extracomment>
        <translation>Resuelto.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="141"/>
        <source>Settled: counted as done on the terminal.</source>
        <translation>Resuelto: contado como hecho en el terminal.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="143"/>
        <source>Settled: not done. Charge the guest at the front desk.</source>
        <translation>Resuelto: no hecho. Cobre al huésped en recepción.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="146"/>
        <source>The terminal answered: it was done. Nothing to charge.</source>
        <translation>El terminal respondió: se hizo. No hay nada que cobrar.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="149"/>
        <source>The terminal answered: declined. Charge the guest at the front desk.</source>
        <translation>El terminal respondió: rechazado. Cobre al huésped en recepción.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="154"/>
        <source>The terminal answered: it never ran. The kiosk sends it again.</source>
        <translation>El terminal respondió: nunca se ejecutó. El quiosco lo envía de nuevo.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="159"/>
        <source>No answer from the hotel system (%1).</source>
        <translation>Sin respuesta del sistema del hotel (%1).</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="160"/>
        <source>The register still needs: %1.</source>
        <translation>Al registro aún le falta: %1.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="163"/>
        <source>receptionist</source>
        <extracomment>What a hotel calls its attendant (the other roles: as the airport desk names them).</extracomment>
        <translation>recepcionista</translation>
    </message>
</context>
<context>
    <name>HotelDoneScreen</name>
    <message>
        <location filename="../hotel/keys.py" line="243"/>
        <source>Your room</source>
        <translation>Su habitación</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="245"/>
        <source>Floor %1</source>
        <translation>Planta %1</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="247"/>
        <source>Thank you for staying with us</source>
        <translation>Gracias por alojarse con nosotros</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="248"/>
        <source>You are checked out. Have a good journey!</source>
        <translation>Ya ha hecho el check-out. ¡Buen viaje!</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="251"/>
        <source>Deposit release queued: the hold on your card ends as soon as the card terminal is back.</source>
        <translation>Liberación del depósito en cola: la retención en su tarjeta termina en cuanto el terminal de pago vuelva a funcionar.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="256"/>
        <source>Deposit capture queued: your bill is paid from the deposit held on your card as soon as the card terminal is back.</source>
        <translation>Cobro del depósito en cola: su factura se paga con el depósito retenido en su tarjeta en cuanto el terminal de pago vuelva a funcionar.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="261"/>
        <source>Your new key cards are ready</source>
        <translation>Sus tarjetas llave nuevas están listas</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="263"/>
        <source>Please take your key cards. Your other cards still work.</source>
        <translation>Recoja sus tarjetas llave. Sus otras tarjetas siguen funcionando.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="266"/>
        <source>You are checked in</source>
        <translation>Ya ha facturado</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="269"/>
        <source>Your room is not ready yet. Please leave your luggage at the front desk: we will let you know as soon as your room is ready.</source>
        <translation>Su habitación aún no está lista. Deje su equipaje en recepción: le avisaremos en cuanto esté lista.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="274"/>
        <source>Welcome! You are checked in</source>
        <translation>¡Bienvenido! Ya está registrado</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="275"/>
        <source>Please take your key cards.</source>
        <translation>Recoja sus tarjetas llave.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="280"/>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="282"/>
        <source>Wi-Fi password</source>
        <translation>Contraseña Wi-Fi</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="284"/>
        <source>Breakfast</source>
        <translation>Desayuno</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="295"/>
        <source>How was it today?</source>
        <translation>¿Qué tal ha ido hoy?</translation>
    </message>
</context>
<context>
    <name>HotelPaymentScreen</name>
    <message>
        <location filename="../hotel/pay.py" line="55"/>
        <source>Deposit</source>
        <translation>Depósito</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="56"/>
        <source>We hold a deposit on your card for extras.</source>
        <translation>Retenemos un depósito en su tarjeta para extras.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="57"/>
        <source>Deposit held on your card</source>
        <translation>Depósito retenido en su tarjeta</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="59"/>
        <source>Nothing is charged now. It is released or charged at check-out.</source>
        <translation>Ahora no se cobra nada. Se libera o se cobra a la salida.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="61"/>
        <source>Hold %1</source>
        <translation>Retener %1</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="63"/>
        <source>Pay your bill</source>
        <translation>Pague su factura</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="64"/>
        <source>Pay what is left of your bill by card.</source>
        <translation>Pague con tarjeta lo que queda de su factura.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="65"/>
        <source>To pay</source>
        <translation>A pagar</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="67"/>
        <location filename="../hotel/pay.py" line="80"/>
        <source>Pay %1</source>
        <translation>Pagar %1</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="69"/>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="70"/>
        <source>Pay what is left of your stay by card.</source>
        <translation>Pague con tarjeta lo que queda de su estancia.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="71"/>
        <source>To pay now</source>
        <translation>A pagar ahora</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="74"/>
        <source>Then a deposit of %1 is held on your card.</source>
        <translation>Después se retiene un depósito de %1 en su tarjeta.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="86"/>
        <source>Follow the instructions on the card terminal</source>
        <translation>Siga las instrucciones del terminal de tarjetas</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="88"/>
        <source>Try again, or use another card</source>
        <translation>Inténtelo de nuevo o use otra tarjeta</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="90"/>
        <source>Touch the button, then use the card terminal</source>
        <translation>Toque el botón y use el terminal de tarjetas</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="92"/>
        <source>The card was declined. No money was taken.</source>
        <translation>La tarjeta ha sido rechazada. No se ha cobrado nada.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="95"/>
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
</context>
<context>
    <name>HotelScreen</name>
    <message>
        <location filename="../hotel/base.py" line="64"/>
        <source>Step %1 of %2</source>
        <extracomment>The check-in&apos;s steps as the header counts them: screen name -&gt; step number.</extracomment>
        <translation>Paso %1 de %2</translation>
    </message>
</context>
<context>
    <name>HotelTitle</name>
    <message>
        <location filename="../hotel/screens.py" line="25"/>
        <source>Reception</source>
        <translation>Recepción</translation>
    </message>
</context>
<context>
    <name>HowManyOverlay</name>
    <message>
        <location filename="../widgets/how_many.py" line="76"/>
        <source>How many?</source>
        <translation>¿Cuántos?</translation>
    </message>
    <message>
        <location filename="../widgets/how_many.py" line="78"/>
        <source>Type how many you have (1 to 99), then touch OK.</source>
        <translation>Escriba cuántos lleva (de 1 a 99) y toque OK.</translation>
    </message>
    <message>
        <location filename="../widgets/how_many.py" line="79"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../airport/identify.py" line="238"/>
        <source>Welcome! Let&apos;s check you in</source>
        <translation>¡Bienvenido! Vamos a facturar</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="240"/>
        <source>Type your booking reference and your surname.</source>
        <translation>Escriba su código de reserva y su apellido.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="242"/>
        <source>Scan your boarding pass or your passport to start.</source>
        <translation>Escanee su tarjeta de embarque o su pasaporte para empezar.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="244"/>
        <source>Hold your boarding pass barcode under the scanner</source>
        <translation>Ponga el código de su tarjeta de embarque bajo el lector</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="246"/>
        <source>Or lay your passport photo page face down on the reader</source>
        <translation>O ponga su pasaporte abierto por la foto boca abajo en el lector</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="248"/>
        <source>No boarding pass or passport to hand?</source>
        <translation>¿No tiene a mano la tarjeta de embarque ni el pasaporte?</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="249"/>
        <source>Type your booking reference</source>
        <translation>Escribir el código de reserva</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="250"/>
        <source>Booking reference (6 letters or digits)</source>
        <translation>Código de reserva (6 letras o cifras)</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="251"/>
        <source>Surname</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="252"/>
        <source>Find my booking</source>
        <translation>Buscar mi reserva</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="253"/>
        <source>Scan instead</source>
        <translation>Escanear</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="256"/>
        <source>We could not find that booking. Please check the reference and surname.</source>
        <translation>No hemos encontrado esa reserva. Revise el código y el apellido.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="259"/>
        <source>We cannot reach the airline just now. Please try again or ask an agent.</source>
        <translation>Ahora mismo no podemos conectar con la aerolínea. Inténtelo de nuevo o pregunte a un agente.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="261"/>
        <source>That could not be read. Please try again.</source>
        <translation>No se ha podido leer. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="262"/>
        <source>We found no flight today for this passport.</source>
        <translation>No hay ningún vuelo hoy para este pasaporte.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="263"/>
        <source>Check-in for this flight is closed. Please see an agent.</source>
        <translation>La facturación de este vuelo está cerrada. Acuda a un agente.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="265"/>
        <source>The passport reader is not working just now. Please scan your boarding pass or type your booking reference.</source>
        <translation>El lector de pasaportes no funciona en este momento. Escanee su tarjeta de embarque o escriba su código de reserva.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="269"/>
        <source>Something went wrong. Please try again.</source>
        <translation>Algo ha fallado. Inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>InterventionOverlay</name>
    <message>
        <location filename="../screens/intervention.py" line="27"/>
        <source>Age check needed</source>
        <extracomment>kind -&gt; (icon, title, message). %1 = subject, %2 = age or quantity limit.</extracomment>
        <translation>Comprobación de edad</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="28"/>
        <source>%1 can only be sold to people aged %2 or over. A member of staff will check your ID.</source>
        <translation>%1: venta reservada a personas de %2 años o más. Un empleado comprobará su documento de identidad.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="35"/>
        <source>Item not found</source>
        <translation>Artículo no encontrado</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="36"/>
        <source>We could not find this item. Please put it aside; a member of staff will help you.</source>
        <translation>No hemos encontrado este artículo. Déjelo a un lado; un empleado le ayudará.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="43"/>
        <source>Quantity limit</source>
        <translation>Límite de cantidad</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="44"/>
        <source>%1 is limited to %2 per customer. A member of staff will help you.</source>
        <translation>%1: máximo %2 por cliente. Un empleado le ayudará.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="51"/>
        <source>Removing an item</source>
        <translation>Eliminar un artículo</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="52"/>
        <source>A member of staff will remove %1 from your basket.</source>
        <translation>Un empleado quitará %1 de su cesta.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="59"/>
        <source>Price check</source>
        <translation>Comprobación de precio</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="60"/>
        <source>A member of staff will check the price of %1.</source>
        <translation>Un empleado comprobará el precio de %1.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="64"/>
        <source>Till needs attention</source>
        <translation>La caja necesita atención</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="65"/>
        <source>Something is wrong with the %1. Your items are safe; a member of staff is coming.</source>
        <translation>Hay un problema con: %1. Sus artículos están a salvo; viene un empleado.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="72"/>
        <source>Help is on the way</source>
        <translation>La ayuda está en camino</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="73"/>
        <source>A member of staff has been called and will be with you in a moment.</source>
        <translation>Hemos avisado a un empleado, que vendrá enseguida.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="80"/>
        <location filename="../screens/intervention.py" line="88"/>
        <source>Payment problem</source>
        <translation>Problema con el pago</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="81"/>
        <source>The payment did not go through. A member of staff will help you.</source>
        <translation>El pago no se ha completado. Un empleado le ayudará.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="89"/>
        <source>We could not confirm your payment. You have not been charged twice. A member of staff will help you.</source>
        <translation>No hemos podido confirmar su pago. No se le ha cobrado dos veces. Un empleado le ayudará.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="97"/>
        <source>Basket on hold</source>
        <translation>Cesta en espera</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="98"/>
        <source>Your basket has been kept for you. A member of staff will help you continue.</source>
        <translation>Hemos guardado su cesta. Un empleado le ayudará a continuar.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="105"/>
        <source>Unexpected item in the bagging area</source>
        <translation>Artículo inesperado en la zona de embolsado</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="106"/>
        <source>Please take out the last thing you put in the bag, or wait for a member of staff.</source>
        <translation>Retire lo último que puso en la bolsa o espere a un empleado.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="113"/>
        <source>Please put the item back</source>
        <translation>Vuelva a colocar el artículo</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="114"/>
        <source>An item was taken out of the bagging area. Please put it back to continue.</source>
        <translation>Se ha retirado un artículo de la zona de embolsado. Vuelva a colocarlo para continuar.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="121"/>
        <source>Please check the bagging area</source>
        <translation>Compruebe la zona de embolsado</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="122"/>
        <source>The weight in the bag does not match the item you scanned. Please take it out and place only that item, or wait for a member of staff.</source>
        <translation>El peso de la bolsa no coincide con el artículo escaneado. Retírelo y coloque solo ese artículo, o espere a un empleado.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="130"/>
        <source>Place the item in the bagging area</source>
        <translation>Coloque el artículo en la zona de embolsado</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="131"/>
        <source>Please put the item you scanned in the bagging area. A member of staff will help you.</source>
        <translation>Coloque el artículo escaneado en la zona de embolsado. Un empleado le ayudará.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="140"/>
        <source>Item past its date</source>
        <translation>Artículo caducado</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="141"/>
        <source>%1 is past its expiry date and cannot be sold. A member of staff is coming.</source>
        <translation>%1 ha superado su fecha de caducidad y no se puede vender. Un empleado viene a ayudarle.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="148"/>
        <source>Item withdrawn from sale</source>
        <translation>Artículo retirado de la venta</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="149"/>
        <source>%1 has been recalled and cannot be sold. Please hand it to staff.</source>
        <translation>%1 ha sido retirado y no se puede vender. Entrégueselo a un empleado.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="235"/>
        <source>Selling is paused. Please wait; help is on the way.</source>
        <translation>La venta está en pausa. Espere, por favor; la ayuda está en camino.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="236"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="237"/>
        <source>Cancel my request</source>
        <translation>Cancelar mi solicitud</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="243"/>
        <source>this item</source>
        <translation>este artículo</translation>
    </message>
</context>
<context>
    <name>InvoiceScreen</name>
    <message>
        <location filename="../hotel/checkout.py" line="204"/>
        <source>Your invoice</source>
        <translation>Su factura</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="205"/>
        <source>Your bill is settled.</source>
        <translation>Su factura está pagada.</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="206"/>
        <source>Would you like your invoice?</source>
        <translation>¿Quiere su factura?</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="207"/>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="208"/>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="209"/>
        <source>No, thanks</source>
        <translation>No, gracias</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="212"/>
        <source>We have no e-mail address for you. Please choose print.</source>
        <translation>No tenemos su correo electrónico. Elija imprimir.</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="214"/>
        <source>We cannot send an e-mail to the address on your booking. You can have it printed instead.</source>
        <translation>No podemos enviar un correo electrónico a la dirección de su reserva. Puede imprimirlo en su lugar.</translation>
    </message>
</context>
<context>
    <name>KeysScreen</name>
    <message>
        <location filename="../hotel/keys.py" line="130"/>
        <source>Your room: %1</source>
        <translation>Su habitación: %1</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="134"/>
        <source>Getting your room</source>
        <translation>Preparando su habitación</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="135"/>
        <source>The hotel&apos;s system is checking you in.</source>
        <translation>El sistema del hotel está registrando su llegada.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="137"/>
        <source>Your key cards</source>
        <translation>Sus tarjetas llave</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="138"/>
        <source>Each card opens your room.</source>
        <translation>Cada tarjeta abre su habitación.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="141"/>
        <source>Key %1 of %2</source>
        <translation>Llave %1 de %2</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="145"/>
        <source>Please wait until the key card is ready.</source>
        <translation>Espere hasta que la tarjeta esté lista.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="147"/>
        <source>Your key cards are ready</source>
        <translation>Sus tarjetas llave están listas</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="148"/>
        <source>Please take your key cards.</source>
        <translation>Recoja sus tarjetas llave.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="149"/>
        <source>How many key cards would you like?</source>
        <translation>¿Cuántas tarjetas llave quiere?</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="150"/>
        <source>One for each adult is usual.</source>
        <translation>Lo normal es una por adulto.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="152"/>
        <source>Put a blank card on the encoder</source>
        <translation>Ponga una tarjeta en blanco en el codificador</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="155"/>
        <source>%1 key cards</source>
        <translation>%1 tarjetas llave</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="156"/>
        <source>1 key card</source>
        <translation>1 tarjeta llave</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="161"/>
        <source>ready</source>
        <translation>lista</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="163"/>
        <source>being made…</source>
        <translation>haciéndose…</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="165"/>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="168"/>
        <source>Key %1: %2</source>
        <translation>Llave %1: %2</translation>
    </message>
</context>
<context>
    <name>LaneClosedScreen</name>
    <message>
        <location filename="../screens/closed.py" line="74"/>
        <source>This lane is closed</source>
        <translation>Esta caja está cerrada</translation>
    </message>
    <message>
        <location filename="../screens/closed.py" line="75"/>
        <source>Please use another till. Thank you.</source>
        <translation>Utilice otra caja, por favor. Gracias.</translation>
    </message>
    <message>
        <location filename="../screens/closed.py" line="77"/>
        <source>This lane is paused</source>
        <translation>Esta caja está en pausa</translation>
    </message>
    <message>
        <location filename="../screens/closed.py" line="79"/>
        <source>Your basket is kept. A member of staff will be with you shortly.</source>
        <translation>Hemos guardado su cesta. Un empleado le atenderá enseguida.</translation>
    </message>
    <message>
        <location filename="../screens/closed.py" line="81"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
</context>
<context>
    <name>LaneMessages</name>
    <message>
        <location filename="../messages.py" line="35"/>
        <source>This lane is closed. Please use another till.</source>
        <extracomment>key -&gt; (source text, error). Every key the checkout can emit must be here (tests/ui/test_lane_messages.py reads the domain&apos;s source to check).</extracomment>
        <translation>Esta caja está cerrada. Utilice otra caja, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="40"/>
        <source>Please pay by card on the card terminal, not at the scanner.</source>
        <translation>Pague con tarjeta en el terminal de pago, no en el lector de códigos.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="47"/>
        <source>Sorry, that did not work. Help is on the way.</source>
        <translation>Lo sentimos, no ha funcionado. La ayuda está en camino.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="52"/>
        <source>That barcode could not be read. Please scan it again.</source>
        <translation>No se ha podido leer el código de barras. Vuelva a escanearlo.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="60"/>
        <source>This lane does not take coupons or vouchers. Please ask a member of staff.</source>
        <translation>Esta caja no acepta cupones ni vales. Pida ayuda a un empleado.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="69"/>
        <source>That code is not a product barcode. Please scan the item&apos;s barcode.</source>
        <translation>Ese código no es el código de barras de un producto. Escanee el código de barras del artículo.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="78"/>
        <source>Identity documents cannot be read here. Please scan your items.</source>
        <translation>Aquí no se pueden leer documentos de identidad. Escanee sus artículos.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="86"/>
        <source>This item cannot be sold here. Please put it aside.</source>
        <translation>Este artículo no se puede vender aquí. Déjelo aparte, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="91"/>
        <source>Please finish this step before scanning.</source>
        <translation>Termine este paso antes de escanear.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="95"/>
        <source>There is nothing to weigh.</source>
        <translation>No hay nada que pesar.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="98"/>
        <source>That item cannot be changed.</source>
        <translation>Ese artículo no se puede cambiar.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="101"/>
        <source>The item was not added.</source>
        <translation>El artículo no se ha añadido.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="104"/>
        <source>The age-restricted item was not added.</source>
        <translation>El artículo con restricción de edad no se ha añadido.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="107"/>
        <source>The item was not added. Please put it aside.</source>
        <translation>El artículo no se ha añadido. Déjelo aparte, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="112"/>
        <source>Put this item aside and keep scanning. An attendant will come.</source>
        <translation>Deje este artículo aparte y siga escaneando. Un empleado vendrá a ayudarle.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="119"/>
        <source>The item put aside was not added.</source>
        <translation>El artículo apartado no se ha añadido.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="123"/>
        <source>The age-restricted items were removed from your basket.</source>
        <translation>Los artículos con restricción de edad se han quitado de su cesta.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="129"/>
        <source>Loyalty card accepted: member prices apply.</source>
        <translation>Tarjeta de fidelidad aceptada: se aplican los precios para socios.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="132"/>
        <source>Your request was not approved.</source>
        <translation>Su solicitud no ha sido aprobada.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="135"/>
        <source>That change could not be made.</source>
        <translation>No se ha podido hacer ese cambio.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="137"/>
        <source>You can continue.</source>
        <translation>Puede continuar.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="139"/>
        <source>The payment was not taken. Please pay again.</source>
        <translation>No se ha realizado el cobro. Vuelva a pagar, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="142"/>
        <source>%1 was paid by card. Please pay the remaining %2.</source>
        <translation>Pagado con tarjeta: %1. Pague el resto, %2, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="145"/>
        <source>Payment cancelled. Your card was not charged.</source>
        <translation>Pago cancelado. No se ha cobrado nada en su tarjeta.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="148"/>
        <source>Your request was cancelled. You can continue.</source>
        <translation>Su solicitud se ha cancelado. Puede continuar.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="152"/>
        <source>Only a member of staff can end this. Help is on the way.</source>
        <translation>Solo un empleado puede terminar esto. La ayuda está en camino.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="159"/>
        <source>Scan an item before paying.</source>
        <translation>Escanee un artículo antes de pagar.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="162"/>
        <source>Your purchase was cancelled. Nothing was charged.</source>
        <translation>Su compra se ha cancelado. No se le ha cobrado nada.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="166"/>
        <source>The receipt could not be printed. A member of staff is coming.</source>
        <translation>No se ha podido imprimir el tique. Un empleado viene a ayudarle.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="173"/>
        <source>No item has the code %1. Please check it.</source>
        <translation>Ningún artículo tiene el código %1. Compruébelo, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="179"/>
        <source>This item cannot be sold. Please hand it to staff.</source>
        <translation>Este artículo no se puede vender. Entrégueselo a un empleado.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="185"/>
        <source>This item expired on %1 and cannot be sold. A member of staff is coming.</source>
        <translation>Este artículo caducó el %1 y no se puede vender. Un empleado viene a ayudarle.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="194"/>
        <source>This item can only be sold on %1, %2. Please put it aside.</source>
        <translation>Este artículo solo se puede vender %1, %2. Déjelo aparte, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="201"/>
        <source>Already scanned: this pack counts once.</source>
        <translation>Ya escaneado: este paquete cuenta una sola vez.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="205"/>
        <source>Already scanned: this pack counts once, at its reduced price (close to its date).</source>
        <translation>Ya escaneado: este paquete cuenta una sola vez, a su precio rebajado (cerca de su fecha).</translation>
    </message>
    <message>
        <location filename="../messages.py" line="214"/>
        <source>Please place your items in the bagging area first.</source>
        <translation>Coloque primero sus artículos en la zona de embolsado.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="219"/>
        <source>Please check the bagging area first.</source>
        <translation>Compruebe primero la zona de embolsado.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="223"/>
        <source>Please put the bagging area right to continue.</source>
        <translation>Corrija la zona de embolsado para continuar.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="226"/>
        <source>This item needs to go in the bagging area.</source>
        <translation>Este artículo debe ir en la zona de embolsado.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="230"/>
        <source>OK, keep this item out of the bag.</source>
        <translation>De acuerdo, deje este artículo fuera de la bolsa.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="232"/>
        <source>Thank you. Carry on.</source>
        <translation>Gracias. Puede continuar.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="235"/>
        <source>Coupon accepted: you save %1.</source>
        <translation>Cupón aceptado: ahorra %1.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="238"/>
        <source>This coupon has expired.</source>
        <translation>Este cupón ha caducado.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="241"/>
        <source>This coupon is not valid yet.</source>
        <translation>Este cupón aún no es válido.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="244"/>
        <source>This coupon is already on your bill.</source>
        <translation>Este cupón ya está en su cuenta.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="248"/>
        <source>This coupon has already been used.</source>
        <translation>Este cupón ya se ha utilizado.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="253"/>
        <source>This coupon needs items that are not on your bill. Scan them first.</source>
        <translation>Este cupón necesita artículos que no están en su cuenta. Escanéelos primero.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="262"/>
        <source>This coupon is not known here. Please ask a member of staff.</source>
        <translation>Este cupón no se reconoce aquí. Pida ayuda al personal.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="269"/>
        <source>This coupon needs a member of staff.</source>
        <translation>Este cupón necesita a un miembro del personal.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="274"/>
        <source>A coupon no longer applies: the items it needs were removed.</source>
        <translation>Un cupón ya no se aplica: se retiraron los artículos que necesita.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="282"/>
        <source>A coupon on your bill has expired (valid until %1) and was taken off.</source>
        <translation>Un cupón de su cuenta ha caducado (válido hasta el %1) y se ha quitado.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="290"/>
        <source>Please scan your items first, then the coupon.</source>
        <translation>Escanee primero sus artículos y después el cupón.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="321"/>
        <source>Mon</source>
        <extracomment>Keys whose params the shopper must see, in the order of ``%1``, ``%2``... (amounts). Keys a screen or overlay already shows; no toast for them. Day names of the sale-hours rules (&quot;mon-sat&quot;, kiosk.domain.checkout.sale_rules).</extracomment>
        <translation>lun</translation>
    </message>
    <message>
        <location filename="../messages.py" line="322"/>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <location filename="../messages.py" line="323"/>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <location filename="../messages.py" line="324"/>
        <source>Thu</source>
        <translation>jue</translation>
    </message>
    <message>
        <location filename="../messages.py" line="325"/>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <location filename="../messages.py" line="326"/>
        <source>Sat</source>
        <translation>sáb</translation>
    </message>
    <message>
        <location filename="../messages.py" line="327"/>
        <source>Sun</source>
        <translation>dom</translation>
    </message>
    <message>
        <location filename="../messages.py" line="329"/>
        <source>every day</source>
        <translation>todos los días</translation>
    </message>
</context>
<context>
    <name>LineDialog</name>
    <message>
        <location filename="../widgets/line_dialog.py" line="83"/>
        <source>Remove item</source>
        <translation>Quitar artículo</translation>
    </message>
    <message>
        <location filename="../widgets/line_dialog.py" line="84"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../widgets/line_dialog.py" line="85"/>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location filename="../widgets/line_dialog.py" line="87"/>
        <source>Removing items or lowering a quantity needs a member of staff.</source>
        <translation>Para quitar artículos o reducir una cantidad hace falta un empleado.</translation>
    </message>
</context>
<context>
    <name>LoyaltyCardOverlay</name>
    <message>
        <location filename="../widgets/loyalty_card.py" line="90"/>
        <source>Loyalty card</source>
        <translation>Tarjeta de cliente</translation>
    </message>
    <message>
        <location filename="../widgets/loyalty_card.py" line="92"/>
        <source>Type the 13 digits under the barcode of your card, then touch OK.</source>
        <translation>Escriba los 13 dígitos que hay bajo el código de barras de su tarjeta y toque OK.</translation>
    </message>
    <message>
        <location filename="../widgets/loyalty_card.py" line="94"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../widgets/loyalty_card.py" line="117"/>
        <source>A loyalty card number has 13 digits.</source>
        <translation>El número de la tarjeta de cliente tiene 13 dígitos.</translation>
    </message>
    <message>
        <location filename="../widgets/loyalty_card.py" line="118"/>
        <source>This is not a loyalty card number. Please check the digits.</source>
        <translation>No es un número de tarjeta de cliente. Compruebe los dígitos.</translation>
    </message>
    <message>
        <location filename="../widgets/loyalty_card.py" line="120"/>
        <source>That looks like a payment card. Please pay with it at the card terminal.</source>
        <translation>Parece una tarjeta de pago. Pague con ella en el terminal de tarjetas.</translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <location filename="../widgets/keypad.py" line="55"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../widgets/keypad.py" line="56"/>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
</context>
<context>
    <name>OffersScreen</name>
    <message>
        <location filename="../airport/steps.py" line="316"/>
        <source>Anything else for your trip?</source>
        <translation>¿Algo más para su viaje?</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="317"/>
        <source>Touch an offer to add it. You pay at the end.</source>
        <translation>Toque una oferta para añadirla. Se paga al final.</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="327"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="327"/>
        <source>No, thanks</source>
        <translation>No, gracias</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../widgets/keyboard.py" line="58"/>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
</context>
<context>
    <name>PassengersScreen</name>
    <message>
        <location filename="../airport/steps.py" line="144"/>
        <source>Who is travelling today?</source>
        <translation>¿Quién viaja hoy?</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="145"/>
        <source>Touch a name to include or leave out that passenger.</source>
        <translation>Toque un nombre para incluir o quitar a ese pasajero.</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="149"/>
        <source>child</source>
        <translation>niño</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="150"/>
        <source>infant</source>
        <translation>bebé</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="156"/>
        <source>Already checked in</source>
        <translation>Ya facturado</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="158"/>
        <source>Travelling</source>
        <translation>Viaja</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="160"/>
        <source>Not travelling today</source>
        <translation>No viaja hoy</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="163"/>
        <source>with infant %1</source>
        <translation>con el bebé %1</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="166"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
</context>
<context>
    <name>PayScreen</name>
    <message>
        <location filename="../screens/pay.py" line="128"/>
        <source>Amount to pay</source>
        <extracomment>Stages after a payment that took no money: say why, offer &quot;Try again&quot;.</extracomment>
        <translation>Importe a pagar</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="129"/>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="175"/>
        <source>Tap, insert or swipe your card</source>
        <translation>Acerque, inserte o deslice su tarjeta</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="176"/>
        <source>Use the card terminal below the screen. Follow its instructions.</source>
        <translation>Use el terminal de tarjetas bajo la pantalla. Siga sus instrucciones.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="179"/>
        <source>Processing payment…</source>
        <translation>Procesando el pago…</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="180"/>
        <source>Please do not remove your card.</source>
        <translation>No retire la tarjeta, por favor.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="183"/>
        <source>Payment declined</source>
        <translation>Pago rechazado</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="184"/>
        <source>Your card was not charged. Try again or use another card.</source>
        <translation>No se ha cobrado nada en su tarjeta. Inténtelo de nuevo o use otra tarjeta.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="187"/>
        <source>Payment cancelled on the card terminal</source>
        <translation>Pago cancelado en el terminal de pago</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="188"/>
        <source>Your card was not charged. Try again when you are ready.</source>
        <translation>No se ha cobrado nada en su tarjeta. Vuelva a intentarlo cuando quiera.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="191"/>
        <source>The card terminal did not respond in time</source>
        <translation>El terminal de pago no ha respondido a tiempo</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="192"/>
        <source>Your card was not charged. Please try again.</source>
        <translation>No se ha cobrado nada en su tarjeta. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="194"/>
        <source>Payment approved</source>
        <translation>Pago aceptado</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="194"/>
        <source>Please remove your card.</source>
        <translation>Retire la tarjeta, por favor.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="196"/>
        <source>Cancelling payment…</source>
        <translation>Cancelando el pago…</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="197"/>
        <source>Please wait for the terminal.</source>
        <translation>Espere al terminal, por favor.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="207"/>
        <source>You save %1</source>
        <translation>Ahorra %1</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="214"/>
        <source>VAT %1</source>
        <translation>IVA %1</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="240"/>
        <source>Cancel payment</source>
        <translation>Cancelar el pago</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="240"/>
        <source>Back to items</source>
        <translation>Volver a la compra</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <location filename="../airport/finish.py" line="100"/>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="101"/>
        <source>Pay the fees for your bags and extras by card.</source>
        <translation>Pague con tarjeta los cargos de equipaje y extras.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="102"/>
        <source>Amount due</source>
        <translation>Importe a pagar</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="105"/>
        <source>Extra bag</source>
        <translation>Maleta adicional</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="106"/>
        <source>Overweight bag</source>
        <translation>Exceso de peso</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="107"/>
        <source>Seat</source>
        <translation>Asiento</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="108"/>
        <source>Extra</source>
        <translation>Extra</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="118"/>
        <source>Touch Pay, then use the card terminal</source>
        <translation>Toque Pagar y use el terminal de tarjetas</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="120"/>
        <source>Processing… please wait</source>
        <translation>Procesando… espere, por favor</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="122"/>
        <source>Follow the instructions on the card terminal</source>
        <translation>Siga las instrucciones del terminal de tarjetas</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="125"/>
        <source>The payment was declined. No money was taken.</source>
        <translation>El pago ha sido rechazado. No se ha cobrado nada.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="129"/>
        <source>Try again, or use another card</source>
        <translation>Inténtelo de nuevo o use otra tarjeta</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="131"/>
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="134"/>
        <source>Pay %1</source>
        <translation>Pagar %1</translation>
    </message>
</context>
<context>
    <name>PickStayScreen</name>
    <message>
        <location filename="../hotel/stay.py" line="54"/>
        <source>Which stay is yours?</source>
        <translation>¿Cuál es su estancia?</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="55"/>
        <source>We found more than one booking. Touch yours.</source>
        <translation>Hemos encontrado varias reservas. Toque la suya.</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../screens/pin.py" line="82"/>
        <source>Staff sign-in</source>
        <translation>Acceso del personal</translation>
    </message>
    <message>
        <location filename="../screens/pin.py" line="83"/>
        <source>Scan your badge or type your PIN.</source>
        <translation>Escanee su tarjeta o escriba su PIN.</translation>
    </message>
    <message>
        <location filename="../screens/pin.py" line="84"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../screens/pin.py" line="87"/>
        <source>Too many attempts. Try again in %1 s.</source>
        <translation>Demasiados intentos. Vuelva a intentarlo en %1 s.</translation>
    </message>
</context>
<context>
    <name>PrintingScreen</name>
    <message>
        <location filename="../airport/finish.py" line="214"/>
        <source>Printing your documents</source>
        <translation>Imprimiendo sus documentos</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="216"/>
        <source>%1 of %2 printed</source>
        <translation>%1 de %2 impresos</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="219"/>
        <source>Boarding pass</source>
        <translation>Tarjeta de embarque</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="220"/>
        <source>Bag tag</source>
        <translation>Etiqueta de equipaje</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="223"/>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="224"/>
        <source>printing…</source>
        <translation>imprimiendo…</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="225"/>
        <source>printed</source>
        <translation>impreso</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="226"/>
        <source>not printed</source>
        <translation>no impreso</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="234"/>
        <source>The printer has run out of paper. An agent is coming to help you.</source>
        <translation>La impresora se ha quedado sin papel. Un agente viene a ayudarle.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="240"/>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
</context>
<context>
    <name>ProduceScreen</name>
    <message>
        <location filename="../screens/produce.py" line="223"/>
        <location filename="../screens/produce.py" line="240"/>
        <source>Look up item</source>
        <translation>Buscar artículo</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="224"/>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="225"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="226"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="229"/>
        <source>Type the code on the sticker (4 or 5 digits), then touch OK.</source>
        <translation>Escriba el código de la etiqueta (4 o 5 cifras) y toque OK.</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="231"/>
        <source>Nothing found. Try another name or ask for help.</source>
        <translation>No se ha encontrado nada. Pruebe otro nombre o pida ayuda.</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="232"/>
        <source>per kg</source>
        <translation>/kg</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="240"/>
        <source>Touch a picture, or search by name or code.</source>
        <translation>Toque una imagen, o busque por nombre o código.</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="295"/>
        <source>Type a name…</source>
        <translation>Escriba un nombre…</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="298"/>
        <source>Type a code…</source>
        <translation>Escriba un código…</translation>
    </message>
</context>
<context>
    <name>QuestionsScreen</name>
    <message>
        <location filename="../airport/steps.py" line="242"/>
        <source>Safety questions</source>
        <extracomment>The airline&apos;s safety questions this kiosk knows the words of (key -&gt; text).</extracomment>
        <translation>Preguntas de seguridad</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="244"/>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="250"/>
        <source>Are you carrying any dangerous goods?</source>
        <translation>¿Lleva mercancías peligrosas?</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="252"/>
        <source>For example: fireworks, gas canisters, flammable liquids, or spare lithium batteries in your checked bags.</source>
        <translation>Por ejemplo: fuegos artificiales, bombonas de gas, líquidos inflamables o baterías de litio de repuesto en el equipaje facturado.</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="257"/>
        <source>Did you pack your bags yourself?</source>
        <translation>¿Ha hecho usted mismo su equipaje?</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="258"/>
        <source>And have they been with you since you packed them?</source>
        <translation>¿Y lo ha tenido con usted desde entonces?</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="262"/>
        <source>Please answer the airline&apos;s question</source>
        <translation>Responda a la pregunta de la aerolínea</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="266"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="267"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../screens/receipt.py" line="135"/>
        <source>Would you like a receipt?</source>
        <translation>¿Desea un tique?</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="138"/>
        <source>Paid: %1</source>
        <translation>Pagado: %1</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="142"/>
        <source>Print receipt</source>
        <translation>Imprimir tique</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="143"/>
        <source>E-receipt</source>
        <translation>Tique digital</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="144"/>
        <source>No receipt</source>
        <translation>Sin tique</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="146"/>
        <source>Scan this code with your phone to get your receipt.</source>
        <translation>Escanee este código con su móvil para obtener el tique.</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="147"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>RegistrationScreen</name>
    <message>
        <location filename="../hotel/registration.py" line="146"/>
        <source>Registration card</source>
        <translation>Ficha de registro</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="147"/>
        <source>Please read the terms of your stay and sign.</source>
        <translation>Lea las condiciones de su estancia y firme.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="152"/>
        <source>The room is yours from 15:00 on the day of arrival until 11:00 on the day of departure.</source>
        <translation>La habitación es suya desde las 15:00 del día de llegada hasta las 11:00 del día de salida.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="156"/>
        <source>The guests named on this card stay in the room. Any other person staying the night must be registered at the front desk.</source>
        <translation>Los huéspedes de esta ficha ocupan la habitación. Cualquier otra persona que pase la noche debe registrarse en recepción.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="160"/>
        <source>A deposit is held on your card for extras and damage. It is released or charged at check-out.</source>
        <translation>Se retiene un depósito en su tarjeta para extras y daños. Se libera o se cobra a la salida.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="164"/>
        <source>Smoking is not allowed in the rooms. A cleaning fee is charged if this rule is broken.</source>
        <translation>No se permite fumar en las habitaciones. Si no se respeta, se cobra una tarifa de limpieza.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="168"/>
        <source>The hotel keeps your registration data as the law requires and shares it only with the authorities who ask for it by law.</source>
        <translation>El hotel guarda sus datos de registro como exige la ley y solo los comparte con las autoridades que los piden por ley.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="171"/>
        <source>By signing you accept these terms.</source>
        <translation>Al firmar acepta estas condiciones.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="175"/>
        <source>Sign here with your finger</source>
        <translation>Firme aquí con el dedo</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="176"/>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="177"/>
        <source>Sign</source>
        <translation>Firmar</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="178"/>
        <source>Thank you for signing.</source>
        <translation>Gracias por firmar.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="179"/>
        <source>Would you like a copy?</source>
        <translation>¿Quiere una copia?</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="180"/>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="181"/>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="182"/>
        <source>No, thanks</source>
        <translation>No, gracias</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="184"/>
        <location filename="../hotel/registration.py" line="185"/>
        <source>Please sign in the box.</source>
        <translation>Firme en el recuadro.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="186"/>
        <source>We have no e-mail address for you. Please choose print.</source>
        <translation>No tenemos su correo electrónico. Elija imprimir.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="188"/>
        <source>We cannot send an e-mail to the address on your booking. You can have it printed instead.</source>
        <translation>No podemos enviar un correo electrónico a la dirección de su reserva. Puede imprimirlo en su lugar.</translation>
    </message>
</context>
<context>
    <name>ScanningScreen</name>
    <message>
        <location filename="../screens/scanning.py" line="184"/>
        <source>Please take the removed item out of the bag</source>
        <translation>Saque de la bolsa el artículo eliminado</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="186"/>
        <source>Place the item in the bagging area</source>
        <translation>Coloque el artículo en la zona de embolsado</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="223"/>
        <source>Your items</source>
        <translation>Sus artículos</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="224"/>
        <source>Scan your first item</source>
        <translation>Escanee su primer artículo</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="225"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="226"/>
        <source>Look up item</source>
        <translation>Buscar artículo</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="227"/>
        <source>Loyalty card</source>
        <translation>Tarjeta de cliente</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="228"/>
        <source>Pay</source>
        <translation>Pagar</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="229"/>
        <source>Skip bagging</source>
        <translation>Omitir embolsado</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="230"/>
        <source>Totals and VAT</source>
        <translation>Totales e IVA</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="237"/>
        <source>Scan your items. When you are done, touch Pay.</source>
        <translation>Escanee sus artículos. Cuando termine, toque Pagar.</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="269"/>
        <source>Items: %1</source>
        <translation>Artículos: %1</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="273"/>
        <source>Includes deposit %1</source>
        <translation>Incluye depósito %1</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="281"/>
        <source>Added: %1</source>
        <translation>Añadido: %1</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="293"/>
        <source>Subtotal %1</source>
        <translation>Subtotal %1</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="295"/>
        <source>Savings -%1</source>
        <translation>Ahorro -%1</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="300"/>
        <source>VAT %1</source>
        <translation>IVA %1</translation>
    </message>
</context>
<context>
    <name>ScrollButtons</name>
    <message>
        <location filename="../widgets/kinetic.py" line="105"/>
        <source>Scroll up</source>
        <extracomment>Seconds a press waits before reaching the widget under it (a drag in that time scrolls). Share of the visible height one scroll button press moves the list. Width of the scroll buttons (px): a thumb&apos;s width and more.</extracomment>
        <translation>Desplazar hacia arriba</translation>
    </message>
    <message>
        <location filename="../widgets/kinetic.py" line="106"/>
        <source>Scroll down</source>
        <translation>Desplazar hacia abajo</translation>
    </message>
</context>
<context>
    <name>SeatsScreen</name>
    <message>
        <location filename="../airport/seats.py" line="299"/>
        <source>Your seats</source>
        <translation>Sus asientos</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="300"/>
        <source>Keep these seats, or touch a free seat to change.</source>
        <translation>Mantenga estos asientos o toque uno libre para cambiar.</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="301"/>
        <source>EXIT</source>
        <translation>SALIDA</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="305"/>
        <source>Changing the seat of: %1</source>
        <translation>Cambiando el asiento de: %1</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="309"/>
        <source>no seat yet</source>
        <translation>sin asiento aún</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="317"/>
        <source>Seat %1 costs %2.</source>
        <translation>El asiento %1 cuesta %2.</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="324"/>
        <source>Sorry, someone has just taken that seat.</source>
        <translation>Lo sentimos, alguien acaba de ocupar ese asiento.</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="329"/>
        <source>Seat %1 is in an exit row.</source>
        <translation>El asiento %1 está en una fila de salida.</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="333"/>
        <source>In an emergency you would help open the exit. Are you able and willing to help, over 15 and not travelling with an infant?</source>
        <translation>En una emergencia ayudaría a abrir la salida. ¿Puede y quiere ayudar, tiene más de 15 años y no viaja con un bebé?</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="337"/>
        <source>Yes, I am able and willing</source>
        <translation>Sí, puedo y quiero</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="338"/>
        <source>No, another seat</source>
        <translation>No, otro asiento</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="340"/>
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="341"/>
        <source>Taken</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="342"/>
        <source>Extra legroom</source>
        <translation>Más espacio para las piernas</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="343"/>
        <source>Exit row</source>
        <translation>Fila de salida</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="344"/>
        <source>Your party&apos;s seats</source>
        <translation>Asientos de su grupo</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="348"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
</context>
<context>
    <name>StaffIdKeyboard</name>
    <message>
        <location filename="../attendant/widgets.py" line="87"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../attendant/widgets.py" line="88"/>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
</context>
<context>
    <name>StationNotice</name>
    <message>
        <location filename="../station_notice.py" line="30"/>
        <source>%1 is on the way.</source>
        <translation>%1 ya viene a ayudarle.</translation>
    </message>
    <message>
        <location filename="../station_notice.py" line="33"/>
        <source>Help is on the way.</source>
        <translation>La ayuda está en camino.</translation>
    </message>
</context>
<context>
    <name>StayScreen</name>
    <message>
        <location filename="../hotel/stay.py" line="122"/>
        <source>Your stay</source>
        <translation>Su estancia</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="123"/>
        <source>Please check that this is your booking.</source>
        <translation>Compruebe que esta es su reserva.</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="125"/>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="126"/>
        <source>Room</source>
        <translation>Habitación</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="127"/>
        <source>Guests</source>
        <translation>Huéspedes</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="128"/>
        <source>Rate</source>
        <translation>Tarifa</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="129"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="130"/>
        <source>Already paid</source>
        <translation>Ya pagado</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="131"/>
        <source>To pay now</source>
        <translation>A pagar ahora</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="137"/>
        <source>%1 nights</source>
        <translation>%1 noches</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="139"/>
        <source>1 night</source>
        <translation>1 noche</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="143"/>
        <source>%1 adults</source>
        <translation>%1 adultos</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="145"/>
        <source>%1 children</source>
        <translation>%1 niños</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="152"/>
        <source>and a deposit of %1 held on your card</source>
        <translation>y un depósito de %1 retenido en su tarjeta</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="159"/>
        <source>This is my booking</source>
        <translation>Es mi reserva</translation>
    </message>
</context>
<context>
    <name>StillThereDialog</name>
    <message>
        <location filename="../widgets/dialogs.py" line="57"/>
        <source>Are you still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="60"/>
        <source>Touch the screen to keep shopping. Otherwise your basket is kept for our staff.</source>
        <translation>Toque la pantalla para seguir comprando. Si no, guardaremos su cesta para el personal.</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="64"/>
        <source>Yes, I&apos;m still here</source>
        <translation>Sí, sigo aquí</translation>
    </message>
</context>
<context>
    <name>ThanksScreen</name>
    <message>
        <location filename="../screens/thanks.py" line="95"/>
        <source>Thank you!</source>
        <translation>¡Gracias!</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="99"/>
        <source>You paid %1.</source>
        <translation>Ha pagado %1.</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="102"/>
        <source>Please take your receipt.</source>
        <translation>Recoja su tique.</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="103"/>
        <source>Don&apos;t forget your bags.</source>
        <translation>No olvide sus bolsas.</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="106"/>
        <source>Thanks for your feedback!</source>
        <translation>¡Gracias por su opinión!</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="108"/>
        <source>How was your visit today?</source>
        <translation>¿Qué tal su visita hoy?</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="110"/>
        <source>Not good</source>
        <translation>Mal</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="110"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="110"/>
        <source>Great</source>
        <translation>Muy bien</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="113"/>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../widgets/topbar.py" line="101"/>
        <source>Self-checkout</source>
        <translation>Caja de autoservicio</translation>
    </message>
    <message>
        <location filename="../widgets/topbar.py" line="102"/>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <location filename="../widgets/topbar.py" line="103"/>
        <source>Accessibility</source>
        <translation>Accesibilidad</translation>
    </message>
</context>
<context>
    <name>TotalsOverlay</name>
    <message>
        <location filename="../widgets/totals_panel.py" line="76"/>
        <source>Your totals</source>
        <translation>Sus totales</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="77"/>
        <source>Back to items</source>
        <translation>Volver a la compra</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="78"/>
        <source>Pay</source>
        <translation>Pagar</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="101"/>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="103"/>
        <source>Savings</source>
        <translation>Ahorro</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="105"/>
        <source>Deposit</source>
        <translation>Depósito</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="106"/>
        <source>VAT %1</source>
        <translation>IVA %1</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="106"/>
        <source>Tax %1</source>
        <translation>Impuesto %1</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="110"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>TownPicker</name>
    <message>
        <location filename="../hotel/towns.py" line="157"/>
        <source>Touch your town:</source>
        <extracomment>Towns offered at once (one row of buttons under the fields). A town&apos;s name longer than this shares the row with one other only. The fields the picker reads.</extracomment>
        <translation>Toque su municipio:</translation>
    </message>
    <message>
        <location filename="../hotel/towns.py" line="160"/>
        <source>No town of this postal code&apos;s province starts like that.</source>
        <translation>Ningún municipio de la provincia de este código postal empieza así.</translation>
    </message>
</context>
<context>
    <name>WeighScreen</name>
    <message>
        <location filename="../screens/weigh.py" line="103"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../screens/weigh.py" line="125"/>
        <location filename="../screens/weigh.py" line="132"/>
        <source>Place the item on the scale</source>
        <translation>Ponga el artículo en la báscula</translation>
    </message>
    <message>
        <location filename="../screens/weigh.py" line="134"/>
        <source>Weight OK</source>
        <translation>Peso correcto</translation>
    </message>
    <message>
        <location filename="../screens/weigh.py" line="136"/>
        <source>Weighing… keep the item still</source>
        <translation>Pesando… no mueva el artículo</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../hotel/find.py" line="88"/>
        <source>Welcome</source>
        <translation>Bienvenido</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="89"/>
        <source>What would you like to do?</source>
        <translation>¿Qué desea hacer?</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="90"/>
        <source>Check in</source>
        <translation>Hacer el check-in</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="91"/>
        <source>Check out</source>
        <translation>Hacer el check-out</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="92"/>
        <source>My key does not work</source>
        <translation>Mi llave no funciona</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="94"/>
        <source>Arriving? Put your ID on the reader, or scan the QR code of your booking.</source>
        <translation>¿Llega hoy? Ponga su documento en el lector o escanee el código QR de su reserva.</translation>
    </message>
</context>
<context>
    <name>_LineRow</name>
    <message>
        <location filename="../attendant/basket.py" line="75"/>
        <source>Qty</source>
        <extracomment>Below this width the line keys go under the line instead of beside it (or below the width the keys and the line&apos;s texts need side by side, if that is more).</extracomment>
        <translation>Cant.</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="76"/>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="77"/>
        <source>Void</source>
        <translation>Anular</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="83"/>
        <source>voided</source>
        <translation>anulada</translation>
    </message>
</context>
</TS>
