<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AccessibilityPanel</name>
    <message>
        <location filename="../widgets/dialogs.py" line="123"/>
        <source>Accessibility</source>
        <translation>Accesibilidad</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="124"/>
        <source>On</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="124"/>
        <source>Off</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="127"/>
        <source>Large text: %1</source>
        <translation>Texto grande: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="130"/>
        <source>High contrast: %1</source>
        <translation>Alto contraste: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="132"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>AttendantDashboard</name>
    <message>
        <location filename="../attendant/dashboard.py" line="239"/>
        <source>Attendant: %1 (%2)</source>
        <extracomment>The role grant the approving key of a decision needs (others: checked by the service).</extracomment>
        <translation>Personal: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="243"/>
        <source>Lane closed</source>
        <translation>Caja cerrada</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="243"/>
        <source>Lane open</source>
        <translation>Caja abierta</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="245"/>
        <source>Lane paused, basket kept</source>
        <translation>Caja en pausa, cesta guardada</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="247"/>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="248"/>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="250"/>
        <location filename="../attendant/dashboard.py" line="304"/>
        <source>Cancel sale</source>
        <translation>Anular venta</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="251"/>
        <source>Suspend</source>
        <translation>Suspender</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="252"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="253"/>
        <source>Reprint receipt</source>
        <translation>Reimprimir tique</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="255"/>
        <source>Open lane</source>
        <translation>Abrir caja</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="255"/>
        <source>Close lane</source>
        <translation>Cerrar caja</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="257"/>
        <source>Clear device fault</source>
        <translation>Resolver fallo</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="258"/>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="259"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="260"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="273"/>
        <source>Age check</source>
        <translation>Control de edad</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="274"/>
        <source>Unknown item</source>
        <translation>Artículo desconocido</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="275"/>
        <source>Quantity limit</source>
        <translation>Límite de cantidad</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="276"/>
        <source>Remove an item</source>
        <translation>Quitar un artículo</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="277"/>
        <source>Price change</source>
        <translation>Cambio de precio</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="278"/>
        <source>Shopper asked for help</source>
        <translation>El cliente pide ayuda</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="279"/>
        <location filename="../attendant/dashboard.py" line="407"/>
        <source>Payment problem</source>
        <translation>Problema con el pago</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="280"/>
        <source>Payment outcome unknown</source>
        <translation>Resultado del pago desconocido</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="281"/>
        <source>Device fault</source>
        <translation>Fallo de dispositivo</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="284"/>
        <source>Nothing is waiting for you.</source>
        <translation>No hay nada pendiente.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="298"/>
        <source>Needs age %1 or over.</source>
        <translation>Edad mínima: %1 años.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="302"/>
        <source>Key in the item</source>
        <translation>Introducir el artículo</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="302"/>
        <source>Set aside</source>
        <translation>Apartar</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="303"/>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="303"/>
        <source>Not paid</source>
        <translation>No pagado</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="304"/>
        <source>Resume basket</source>
        <translation>Reanudar la cesta</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="305"/>
        <source>Fault fixed</source>
        <translation>Fallo resuelto</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="306"/>
        <source>Help given</source>
        <translation>Ayuda prestada</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="307"/>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="309"/>
        <source>ID seen</source>
        <translation>DNI visto</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="310"/>
        <source>Date of birth</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="307"/>
        <source>Deny</source>
        <translation>Denegar</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="289"/>
        <source>Basket on hold</source>
        <translation>Cesta en espera</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="294"/>
        <source>Nobody answered “Are you still there?”. Resume the basket for the shopper, or cancel the sale.</source>
        <translation>Nadie respondió a «¿Sigue ahí?». Reanude la cesta para el cliente o anule la venta.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="315"/>
        <source>attendant</source>
        <translation>asistente</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="316"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="317"/>
        <source>manager</source>
        <translation>gerente</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="318"/>
        <source>technician</source>
        <translation>técnico</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="328"/>
        <source>%1 sales, %2</source>
        <translation>Ventas: %1, %2</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="331"/>
        <source>%1 cancelled</source>
        <translation>Anuladas: %1</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="368"/>
        <source>New quantity for line %1</source>
        <translation>Nueva cantidad para la línea %1</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="373"/>
        <source>Damaged</source>
        <translation>Dañado</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="374"/>
        <source>Shelf price</source>
        <translation>Precio del lineal</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="375"/>
        <source>Promotion</source>
        <translation>Promoción</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="376"/>
        <source>Manager discount</source>
        <translation>Descuento del gerente</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="379"/>
        <source>New unit price for line %1</source>
        <translation>Nuevo precio unitario para la línea %1</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="387"/>
        <source>Barcode or PLU of the item</source>
        <translation>Código de barras o PLU del artículo</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="402"/>
        <source>Date of birth (DD MM YYYY)</source>
        <translation>Fecha de nacimiento (DD MM AAAA)</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="406"/>
        <source>Shopper left</source>
        <translation>El cliente se ha ido</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="408"/>
        <source>Wrong items</source>
        <translation>Artículos equivocados</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="409"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="413"/>
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
    <name>BasketPanel</name>
    <message>
        <location filename="../attendant/basket.py" line="193"/>
        <source>Basket: %1 items</source>
        <translation>Cesta (artículos: %1)</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="196"/>
        <source>The basket is empty.</source>
        <translation>La cesta está vacía.</translation>
    </message>
</context>
<context>
    <name>CartRow</name>
    <message>
        <location filename="../widgets/cart.py" line="59"/>
        <source>Removed</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="61"/>
        <source>price changed by staff</source>
        <translation>precio cambiado por el personal</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="69"/>
        <source>Deposit</source>
        <translation>Depósito</translation>
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
        <location filename="device_terms.py" line="41"/>
        <source>scanner</source>
        <translation>lector</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="42"/>
        <source>printer</source>
        <translation>impresora</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="43"/>
        <source>scale</source>
        <translation>báscula</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="44"/>
        <source>camera</source>
        <translation>cámara</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="45"/>
        <source>card terminal</source>
        <translation>terminal de pago</translation>
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
    <name>HelpBanner</name>
    <message>
        <location filename="../widgets/dialogs.py" line="171"/>
        <source>Help is on the way. A member of staff has been called and will be with you in a moment; the light above your till is flashing.</source>
        <translation>La ayuda está en camino. Hemos avisado a un empleado, que vendrá enseguida; la luz sobre su caja está parpadeando.</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="176"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
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
        <location filename="../screens/intervention.py" line="184"/>
        <source>Selling is paused. Please wait; help is on the way.</source>
        <translation>La venta está en pausa. Espere, por favor; la ayuda está en camino.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="185"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="186"/>
        <source>Cancel my request</source>
        <translation>Cancelar mi solicitud</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="192"/>
        <source>this item</source>
        <translation>este artículo</translation>
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
        <location filename="../messages.py" line="34"/>
        <source>This lane is closed. Please use another till.</source>
        <extracomment>key -&gt; (source text, error). Every key the checkout can emit must be here (tests/ui/test_lane_messages.py reads the domain&apos;s source to check).</extracomment>
        <translation>Esta caja está cerrada. Utilice otra caja, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="39"/>
        <source>Please pay by card on the card terminal, not at the scanner.</source>
        <translation>Pague con tarjeta en el terminal de pago, no en el lector de códigos.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="46"/>
        <source>Sorry, that did not work. Help is on the way.</source>
        <translation>Lo sentimos, no ha funcionado. La ayuda está en camino.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="51"/>
        <source>That barcode could not be read. Please scan it again.</source>
        <translation>No se ha podido leer el código de barras. Vuelva a escanearlo.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="59"/>
        <source>This lane does not take coupons or vouchers. Please ask a member of staff.</source>
        <translation>Esta caja no acepta cupones ni vales. Pida ayuda a un empleado.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="68"/>
        <source>That code is not a product barcode. Please scan the item&apos;s barcode.</source>
        <translation>Ese código no es el código de barras de un producto. Escanee el código de barras del artículo.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="77"/>
        <source>Identity documents cannot be read here. Please scan your items.</source>
        <translation>Aquí no se pueden leer documentos de identidad. Escanee sus artículos.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="85"/>
        <source>This item cannot be sold here. Please put it aside.</source>
        <translation>Este artículo no se puede vender aquí. Déjelo aparte, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="90"/>
        <source>Please finish this step before scanning.</source>
        <translation>Termine este paso antes de escanear.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="94"/>
        <source>There is nothing to weigh.</source>
        <translation>No hay nada que pesar.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="97"/>
        <source>That item cannot be changed.</source>
        <translation>Ese artículo no se puede cambiar.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="100"/>
        <source>The item was not added.</source>
        <translation>El artículo no se ha añadido.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="103"/>
        <source>The age-restricted item was not added.</source>
        <translation>El artículo con restricción de edad no se ha añadido.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="106"/>
        <source>The item was not added. Please put it aside.</source>
        <translation>El artículo no se ha añadido. Déjelo aparte, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="109"/>
        <source>Your request was not approved.</source>
        <translation>Su solicitud no ha sido aprobada.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="112"/>
        <source>That change could not be made.</source>
        <translation>No se ha podido hacer ese cambio.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="114"/>
        <source>You can continue.</source>
        <translation>Puede continuar.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="116"/>
        <source>The payment was not taken. Please pay again.</source>
        <translation>No se ha realizado el cobro. Vuelva a pagar, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="119"/>
        <source>%1 was paid by card. Please pay the remaining %2.</source>
        <translation>Pagado con tarjeta: %1. Pague el resto, %2, por favor.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="122"/>
        <source>Payment cancelled. Your card was not charged.</source>
        <translation>Pago cancelado. No se ha cobrado nada en su tarjeta.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="125"/>
        <source>Your request was cancelled. You can continue.</source>
        <translation>Su solicitud se ha cancelado. Puede continuar.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="129"/>
        <source>Only a member of staff can end this. Help is on the way.</source>
        <translation>Solo un empleado puede terminar esto. La ayuda está en camino.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="136"/>
        <source>Scan an item before paying.</source>
        <translation>Escanee un artículo antes de pagar.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="139"/>
        <source>Your purchase was cancelled. Nothing was charged.</source>
        <translation>Su compra se ha cancelado. No se le ha cobrado nada.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="143"/>
        <source>The receipt could not be printed. A member of staff is coming.</source>
        <translation>No se ha podido imprimir el tique. Un empleado viene a ayudarle.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="150"/>
        <source>No item has the code %1. Please check it.</source>
        <translation>Ningún artículo tiene el código %1. Compruébelo, por favor.</translation>
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
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../widgets/keyboard.py" line="58"/>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
</context>
<context>
    <name>PayScreen</name>
    <message>
        <location filename="../screens/pay.py" line="122"/>
        <source>Amount to pay</source>
        <extracomment>Stages after a payment that took no money: say why, offer &quot;Try again&quot;.</extracomment>
        <translation>Importe a pagar</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="123"/>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="169"/>
        <source>Tap, insert or swipe your card</source>
        <translation>Acerque, inserte o deslice su tarjeta</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="170"/>
        <source>Use the card terminal below the screen. Follow its instructions.</source>
        <translation>Use el terminal de tarjetas bajo la pantalla. Siga sus instrucciones.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="173"/>
        <source>Processing payment…</source>
        <translation>Procesando el pago…</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="174"/>
        <source>Please do not remove your card.</source>
        <translation>No retire la tarjeta, por favor.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="177"/>
        <source>Payment declined</source>
        <translation>Pago rechazado</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="178"/>
        <source>Your card was not charged. Try again or use another card.</source>
        <translation>No se ha cobrado nada en su tarjeta. Inténtelo de nuevo o use otra tarjeta.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="181"/>
        <source>Payment cancelled on the card terminal</source>
        <translation>Pago cancelado en el terminal de pago</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="182"/>
        <source>Your card was not charged. Try again when you are ready.</source>
        <translation>No se ha cobrado nada en su tarjeta. Vuelva a intentarlo cuando quiera.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="185"/>
        <source>The card terminal did not respond in time</source>
        <translation>El terminal de pago no ha respondido a tiempo</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="186"/>
        <source>Your card was not charged. Please try again.</source>
        <translation>No se ha cobrado nada en su tarjeta. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="188"/>
        <source>Payment approved</source>
        <translation>Pago aceptado</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="188"/>
        <source>Please remove your card.</source>
        <translation>Retire la tarjeta, por favor.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="190"/>
        <source>Cancelling payment…</source>
        <translation>Cancelando el pago…</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="191"/>
        <source>Please wait for the terminal.</source>
        <translation>Espere al terminal, por favor.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="222"/>
        <source>Cancel payment</source>
        <translation>Cancelar el pago</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="222"/>
        <source>Back to items</source>
        <translation>Volver a la compra</translation>
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
    <name>ProduceScreen</name>
    <message>
        <location filename="../screens/produce.py" line="194"/>
        <location filename="../screens/produce.py" line="211"/>
        <source>Look up item</source>
        <translation>Buscar artículo</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="195"/>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="196"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="197"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="200"/>
        <source>Type the code on the sticker (4 or 5 digits), then touch OK.</source>
        <translation>Escriba el código de la etiqueta (4 o 5 cifras) y toque OK.</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="202"/>
        <source>Nothing found. Try another name or ask for help.</source>
        <translation>No se ha encontrado nada. Pruebe otro nombre o pida ayuda.</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="203"/>
        <source>per kg</source>
        <translation>/kg</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="211"/>
        <source>Touch a picture, or search by name or code.</source>
        <translation>Toque una imagen, o busque por nombre o código.</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="259"/>
        <source>Type a name…</source>
        <translation>Escriba un nombre…</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="262"/>
        <source>Type a code…</source>
        <translation>Escriba un código…</translation>
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
    <name>ScanningScreen</name>
    <message>
        <location filename="../screens/scanning.py" line="159"/>
        <source>Your items</source>
        <translation>Sus artículos</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="160"/>
        <source>Scan your first item</source>
        <translation>Escanee su primer artículo</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="161"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="162"/>
        <source>Look up item</source>
        <translation>Buscar artículo</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="163"/>
        <source>Pay</source>
        <translation>Pagar</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="169"/>
        <source>Scan your items. When you are done, touch Pay.</source>
        <translation>Escanee sus artículos. Cuando termine, toque Pagar.</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="198"/>
        <source>Items: %1</source>
        <translation>Artículos: %1</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="202"/>
        <source>Includes deposit %1</source>
        <translation>Incluye depósito %1</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="209"/>
        <source>Added: %1</source>
        <translation>Añadido: %1</translation>
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
    <name>_LineRow</name>
    <message>
        <location filename="../attendant/basket.py" line="74"/>
        <source>Qty</source>
        <extracomment>Below this width the line keys go under the line instead of beside it (or below the width the keys and the line&apos;s texts need side by side, if that is more).</extracomment>
        <translation>Cant.</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="75"/>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="76"/>
        <source>Void</source>
        <translation>Anular</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="82"/>
        <source>voided</source>
        <translation>anulada</translation>
    </message>
</context>
</TS>
