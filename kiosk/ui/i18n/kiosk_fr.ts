<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccessibilityPanel</name>
    <message>
        <location filename="../widgets/dialogs.py" line="158"/>
        <source>Accessibility</source>
        <translation>Accessibilité</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="159"/>
        <source>On</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="159"/>
        <source>Off</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="161"/>
        <source>unavailable</source>
        <translation>indisponible</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="164"/>
        <source>Spoken guidance: %1</source>
        <translation>Guidage vocal : %1</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="165"/>
        <source>Repeat what was said</source>
        <translation>Répéter le message</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="168"/>
        <source>Large text: %1</source>
        <translation>Texte agrandi&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="171"/>
        <source>High contrast: %1</source>
        <translation>Contraste élevé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="173"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>AgentScreen</name>
    <message>
        <location filename="../airport/finish.py" line="414"/>
        <source>Please wait for an agent</source>
        <translation>Veuillez attendre un agent</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="415"/>
        <source>An agent has been called and is on the way.</source>
        <translation>Un agent a été appelé et arrive.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="418"/>
        <source>We could not read %1&apos;s passport.</source>
        <translation>Nous n&apos;avons pas pu lire le passeport de %1.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="419"/>
        <source>The name in the passport does not match %1&apos;s booking.</source>
        <translation>Le nom du passeport ne correspond pas à la réservation de %1.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="420"/>
        <source>%1&apos;s passport is not valid for this trip.</source>
        <translation>Le passeport de %1 n&apos;est pas valable pour ce voyage.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="422"/>
        <source>%1&apos;s trip needs a check by an agent (for example a visa or travel permit).</source>
        <translation>Le voyage de %1 doit être vérifié par un agent (par exemple un visa ou une autorisation de voyage).</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="424"/>
        <source>%1 needs to be checked in by an agent.</source>
        <translation>L&apos;enregistrement de %1 doit être fait par un agent.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="425"/>
        <source>A bag is heavier than the airline allows.</source>
        <translation>Un bagage est plus lourd que ce que la compagnie accepte.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="426"/>
        <source>We cannot reach the airline&apos;s system just now.</source>
        <translation>Le système de la compagnie est injoignable pour le moment.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="427"/>
        <source>The printer needs paper or has a problem.</source>
        <translation>L&apos;imprimante manque de papier ou a un problème.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="428"/>
        <source>The payment did not go through.</source>
        <translation>Le paiement n&apos;a pas abouti.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="429"/>
        <source>An agent needs to talk to you about your answer.</source>
        <translation>Un agent doit vous parler de votre réponse.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="430"/>
        <source>The passport reader is not working just now.</source>
        <translation>Le lecteur de passeports ne fonctionne pas pour le moment.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="433"/>
        <source>We could not read the passport.</source>
        <translation>Nous n&apos;avons pas pu lire le passeport.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="434"/>
        <source>The name in the passport does not match the booking.</source>
        <translation>Le nom du passeport ne correspond pas à la réservation.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="435"/>
        <source>The passport is not valid for this trip.</source>
        <translation>Le passeport n&apos;est pas valable pour ce voyage.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="437"/>
        <source>This trip needs a check by an agent (for example a visa or travel permit).</source>
        <translation>Ce voyage doit être vérifié par un agent (par exemple un visa ou une autorisation de voyage).</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="439"/>
        <source>This booking needs to be checked in by an agent.</source>
        <translation>L&apos;enregistrement de cette réservation doit être fait par un agent.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="442"/>
        <source>An agent needs to help with your check-in.</source>
        <translation>Un agent doit vous aider pour l&apos;enregistrement.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="447"/>
        <source>Please stay at the kiosk. Your check-in is kept.</source>
        <translation>Restez à la borne, s&apos;il vous plaît. Votre enregistrement est conservé.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="448"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
</context>
<context>
    <name>AirportDesk</name>
    <message>
        <location filename="../desk/airport_terms.py" line="15"/>
        <source>Agent: %1 (%2)</source>
        <translation>Agent : %1 (%2)</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="16"/>
        <source>Passenger: %1</source>
        <translation>Passager : %1</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="21"/>
        <source>Document could not be read</source>
        <extracomment>Intervention kind -&gt; its title on the desk.</extracomment>
        <translation>Le document n&apos;a pas pu être lu</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="22"/>
        <source>Name does not match the booking</source>
        <translation>Le nom ne correspond pas à la réservation</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="23"/>
        <source>Document expired</source>
        <translation>Document expiré</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="24"/>
        <source>Visa or entry check needed</source>
        <translation>Contrôle du visa ou de l&apos;entrée nécessaire</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="26"/>
        <source>Passenger inhibited by the airline</source>
        <translation>Passager bloqué par la compagnie</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="28"/>
        <source>Bag over the maximum weight</source>
        <translation>Bagage au-delà du poids maximal</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="29"/>
        <source>Airline system not answering</source>
        <translation>Le système de la compagnie ne répond pas</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="30"/>
        <source>Printer out of order</source>
        <translation>Imprimante hors service</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="31"/>
        <source>Payment problem</source>
        <translation>Problème de paiement</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="32"/>
        <source>Safety question answered “yes”</source>
        <translation>Question de sécurité : réponse « oui »</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="35"/>
        <source>Refuse passenger</source>
        <translation>Refuser le passager</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="36"/>
        <source>Read another document</source>
        <translation>Lire un autre document</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="37"/>
        <source>Accept document</source>
        <translation>Accepter le document</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="41"/>
        <source>Read the document again</source>
        <extracomment>(kind, verdict) -&gt; the words on the verdict&apos;s button.</extracomment>
        <translation>Relire le document</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="50"/>
        <source>Documents checked: may travel</source>
        <translation>Documents vérifiés : peut voyager</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="53"/>
        <source>Passenger cleared</source>
        <translation>Passager autorisé</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="55"/>
        <source>Take the bag</source>
        <translation>Accepter le bagage</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="56"/>
        <source>Weigh the bag again</source>
        <translation>Repeser le bagage</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="57"/>
        <source>Do not take the bag</source>
        <translation>Ne pas accepter le bagage</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="59"/>
        <source>Ask the airline system again</source>
        <translation>Interroger de nouveau le système de la compagnie</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="62"/>
        <source>Printer fixed: print the rest</source>
        <translation>Imprimante réparée : imprimer le reste</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="64"/>
        <source>Finish without printing</source>
        <translation>Terminer sans imprimer</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="65"/>
        <source>Fee paid</source>
        <translation>Frais payés</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="66"/>
        <source>Not paid</source>
        <translation>Non payé</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="67"/>
        <source>Dealt with: go on</source>
        <translation>Réglé : continuer</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="68"/>
        <source>Cancel the check-in</source>
        <translation>Annuler l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="73"/>
        <source>The document could not be read.</source>
        <extracomment>What the check-in wrote as an intervention&apos;s detail -&gt; what the agent reads.</extracomment>
        <translation>Le document n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="75"/>
        <source>The airline system refused the document data.</source>
        <translation>Le système de la compagnie a refusé les données du document.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="78"/>
        <source>The name on the document differs from the booking.</source>
        <translation>Le nom du document diffère de celui de la réservation.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="80"/>
        <source>The document has no expiry date.</source>
        <translation>Le document n&apos;a pas de date d&apos;expiration.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="82"/>
        <source>The document expires before the last flight.</source>
        <translation>Le document expire avant le dernier vol.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="84"/>
        <source>A visa is needed for the destination.</source>
        <translation>Un visa est nécessaire pour la destination.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="86"/>
        <source>An ESTA is needed for the destination.</source>
        <translation>Une ESTA est nécessaire pour la destination.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="89"/>
        <location filename="../desk/airport_terms.py" line="92"/>
        <source>The airline will not check this passenger in at a kiosk.</source>
        <translation>La compagnie n&apos;enregistre pas ce passager sur une borne.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="94"/>
        <source>The card was declined too many times.</source>
        <translation>La carte a été refusée trop de fois.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="96"/>
        <source>The airline system gave no boarding pass.</source>
        <translation>Le système de la compagnie n&apos;a pas fourni de carte d&apos;embarquement.</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="99"/>
        <source>No answer from the airline system (%1).</source>
        <translation>Pas de réponse du système de la compagnie (%1).</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="103"/>
        <source>Accept</source>
        <extracomment>A verdict&apos;s words when its kind has none of its own.</extracomment>
        <translation>Accepter</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="105"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="106"/>
        <source>Fixed</source>
        <translation>Réparé</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="111"/>
        <source>Passport</source>
        <extracomment>ICAO 9303 document codes (the first letter of the MRZ) -&gt; words.</extracomment>
        <translation>Passeport</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="112"/>
        <location filename="../desk/airport_terms.py" line="113"/>
        <location filename="../desk/airport_terms.py" line="114"/>
        <source>Identity card</source>
        <translation>Carte d&apos;identité</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="115"/>
        <source>Visa</source>
        <translation>Visa</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="120"/>
        <source>agent</source>
        <extracomment>Staff roles (``kiosk.domain.staff.Role`` values) as the airport calls them.</extracomment>
        <translation>agent</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="121"/>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="122"/>
        <source>manager</source>
        <translation>responsable</translation>
    </message>
    <message>
        <location filename="../desk/airport_terms.py" line="123"/>
        <source>technician</source>
        <translation>technicien</translation>
    </message>
</context>
<context>
    <name>AirportScreen</name>
    <message>
        <location filename="../airport/base.py" line="132"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../airport/base.py" line="133"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../airport/base.py" line="134"/>
        <source>One moment…</source>
        <translation>Un instant…</translation>
    </message>
    <message>
        <location filename="../airport/base.py" line="137"/>
        <source>Step %1 of %2</source>
        <translation>Étape %1 sur %2</translation>
    </message>
</context>
<context>
    <name>AttendantDashboard</name>
    <message>
        <location filename="../attendant/dashboard.py" line="244"/>
        <source>Attendant: %1 (%2)</source>
        <extracomment>The role grant the approving key of a decision needs (others: checked by the service).</extracomment>
        <translation>Personnel&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="248"/>
        <source>Lane closed</source>
        <translation>Caisse fermée</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="248"/>
        <source>Lane open</source>
        <translation>Caisse ouverte</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="250"/>
        <source>Lane paused, basket kept</source>
        <translation>Caisse en pause, panier conservé</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="252"/>
        <source>Done.</source>
        <translation>Fait.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="253"/>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="255"/>
        <location filename="../attendant/dashboard.py" line="317"/>
        <source>Cancel sale</source>
        <translation>Annuler la vente</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="256"/>
        <source>Suspend</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="257"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="258"/>
        <source>Reprint receipt</source>
        <translation>Réimprimer</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="260"/>
        <source>Open lane</source>
        <translation>Ouvrir la caisse</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="260"/>
        <source>Close lane</source>
        <translation>Fermer la caisse</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="262"/>
        <source>Clear device fault</source>
        <translation>Lever l&apos;incident</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="263"/>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="264"/>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="265"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="278"/>
        <source>Age check</source>
        <translation>Contrôle de l&apos;âge</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="279"/>
        <source>Unknown item</source>
        <translation>Article inconnu</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="280"/>
        <source>Quantity limit</source>
        <translation>Limite de quantité</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="281"/>
        <source>Remove an item</source>
        <translation>Retirer un article</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="282"/>
        <source>Price change</source>
        <translation>Changement de prix</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="283"/>
        <source>Shopper asked for help</source>
        <translation>Le client demande de l&apos;aide</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="284"/>
        <location filename="../attendant/dashboard.py" line="427"/>
        <source>Payment problem</source>
        <translation>Problème de paiement</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="285"/>
        <source>Payment outcome unknown</source>
        <translation>Résultat du paiement inconnu</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="286"/>
        <source>Device fault</source>
        <translation>Incident matériel</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="287"/>
        <source>Expired item refused: take it away</source>
        <translation>Article périmé refusé : retirez-le</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="288"/>
        <source>Recalled item refused: take it away</source>
        <translation>Article d&apos;un lot rappelé refusé : retirez-le</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="291"/>
        <source>Nothing is waiting for you.</source>
        <translation>Rien n&apos;est en attente.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="298"/>
        <source>Put aside by the shopper: %1</source>
        <translation>Mis de côté par le client : %1</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="311"/>
        <source>Needs age %1 or over.</source>
        <translation>Âge minimum&#xa0;: %1 ans.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="315"/>
        <source>Key in the item</source>
        <translation>Saisir l&apos;article</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="315"/>
        <source>Set aside</source>
        <translation>Mettre de côté</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="316"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="316"/>
        <source>Not paid</source>
        <translation>Non payé</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="317"/>
        <source>Resume basket</source>
        <translation>Reprendre le panier</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="318"/>
        <source>Fault fixed</source>
        <translation>Incident résolu</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="319"/>
        <source>Help given</source>
        <translation>Aide apportée</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="320"/>
        <source>Taken away</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="321"/>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="323"/>
        <source>Do not add</source>
        <translation>Ne pas ajouter</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="325"/>
        <source>ID seen</source>
        <translation>Pièce vue</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="326"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="321"/>
        <source>Deny</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="296"/>
        <source>Basket on hold</source>
        <translation>Panier en attente</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="307"/>
        <source>Nobody answered “Are you still there?”. Resume the basket for the shopper, or cancel the sale.</source>
        <translation>Personne n&apos;a répondu à «&#xa0;Êtes-vous toujours là&#xa0;?&#xa0;». Reprenez le panier pour le client ou annulez la vente.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="331"/>
        <source>attendant</source>
        <translation>agent</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="332"/>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="333"/>
        <source>manager</source>
        <translation>responsable</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="334"/>
        <source>technician</source>
        <translation>technicien</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="344"/>
        <source>%1 sales, %2</source>
        <translation>Ventes&#xa0;: %1, %2</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="347"/>
        <source>%1 cancelled</source>
        <translation>Annulées&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="384"/>
        <source>New quantity for line %1</source>
        <translation>Nouvelle quantité pour la ligne %1</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="389"/>
        <source>Damaged</source>
        <translation>Abîmé</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="390"/>
        <source>Shelf price</source>
        <translation>Prix en rayon</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="391"/>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="392"/>
        <source>Manager discount</source>
        <translation>Remise du responsable</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="395"/>
        <source>New unit price for line %1</source>
        <translation>Nouveau prix unitaire pour la ligne %1</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="403"/>
        <source>Barcode or PLU of the item</source>
        <translation>Code-barres ou PLU de l&apos;article</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="422"/>
        <source>Date of birth (DD MM YYYY)</source>
        <translation>Date de naissance (JJ MM AAAA)</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="426"/>
        <source>Shopper left</source>
        <translation>Le client est parti</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="428"/>
        <source>Wrong items</source>
        <translation>Mauvais articles</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="429"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="433"/>
        <source>Cancel this sale? Choose a reason.</source>
        <translation>Annuler cette vente&#xa0;? Choisissez un motif.</translation>
    </message>
</context>
<context>
    <name>AttendantSignInScreen</name>
    <message>
        <location filename="../attendant/signin.py" line="158"/>
        <source>Attendant sign-in</source>
        <extracomment>The spacing of the texts when the screen is too short for the roomy one.</extracomment>
        <translation>Connexion du personnel</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="160"/>
        <source>Scan your staff badge, or type your staff ID.</source>
        <translation>Scannez votre badge ou saisissez votre identifiant.</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="162"/>
        <source>Type your PIN and press OK.</source>
        <translation>Saisissez votre code PIN et appuyez sur OK.</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="163"/>
        <source>Staff ID</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="164"/>
        <source>Change staff ID</source>
        <translation>Changer d&apos;identifiant</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="165"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="173"/>
        <source>Too many attempts. Try again in %1 s.</source>
        <translation>Trop de tentatives. Réessayez dans %1 s.</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="175"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="177"/>
        <source>Wrong staff ID, badge or PIN.</source>
        <translation>Identifiant, badge ou code PIN incorrect.</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="178"/>
        <source>This staff member is disabled.</source>
        <translation>Ce membre du personnel est désactivé.</translation>
    </message>
    <message>
        <location filename="../attendant/signin.py" line="179"/>
        <source>Signed out after inactivity.</source>
        <translation>Déconnecté après inactivité.</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../screens/attract.py" line="140"/>
        <source>Scan your first item to start, or touch Start.</source>
        <translation>Scannez votre premier article pour commencer, ou touchez Commencer.</translation>
    </message>
    <message>
        <location filename="../screens/attract.py" line="141"/>
        <source>Fruit, vegetables and bread: use Look up item.</source>
        <translation>Fruits, légumes et pain&#xa0;: utilisez Chercher un article.</translation>
    </message>
    <message>
        <location filename="../screens/attract.py" line="142"/>
        <source>Need help? Touch Help at any time.</source>
        <translation>Besoin d&apos;aide&#xa0;? Touchez Aide à tout moment.</translation>
    </message>
    <message>
        <location filename="../screens/attract.py" line="146"/>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location filename="../screens/attract.py" line="147"/>
        <source>Scan, bag and pay by card in a few touches.</source>
        <translation>Scannez, emballez et payez par carte en quelques gestes.</translation>
    </message>
    <message>
        <location filename="../screens/attract.py" line="149"/>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <location filename="../screens/attract.py" line="150"/>
        <source>Scan to start</source>
        <translation>Scannez pour commencer</translation>
    </message>
    <message>
        <location filename="../screens/attract.py" line="151"/>
        <source>Hold the barcode under the red light.</source>
        <translation>Présentez le code-barres sous la lumière rouge.</translation>
    </message>
</context>
<context>
    <name>BagCountScreen</name>
    <message>
        <location filename="../airport/bags.py" line="130"/>
        <source>How many bags are you checking in?</source>
        <translation>Combien de bagages enregistrez-vous ?</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="131"/>
        <source>Cabin bags do not count. Touch − or + for each person.</source>
        <translation>Les bagages cabine ne comptent pas. Touchez − ou + pour chaque personne.</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="137"/>
        <source>%1 bag included, up to %2 each</source>
        <translation>%1 bagage inclus, jusqu&apos;à %2 chacun</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="139"/>
        <source>%1 bags included, up to %2 each</source>
        <translation>%1 bagages inclus, jusqu&apos;à %2 chacun</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="145"/>
        <source>extra bag %1</source>
        <translation>bagage supplémentaire %1</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="149"/>
        <source>One bag less</source>
        <translation>Un bagage de moins</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="150"/>
        <source>One bag more</source>
        <translation>Un bagage de plus</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="152"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="152"/>
        <source>No bags, continue</source>
        <translation>Sans bagage, continuer</translation>
    </message>
</context>
<context>
    <name>BagWeighScreen</name>
    <message>
        <location filename="../airport/bags.py" line="217"/>
        <source>All bags weighed</source>
        <translation>Tous les bagages sont pesés</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="220"/>
        <source>Put bag %1 of %2 on the belt</source>
        <translation>Posez le bagage %1 sur %2 sur le tapis</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="225"/>
        <source>Bag for %1. Lay it flat, handle up.</source>
        <translation>Bagage de %1. Posez-le à plat, poignée vers le haut.</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="231"/>
        <source>Touch Continue to go on.</source>
        <translation>Touchez Continuer pour poursuivre.</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="234"/>
        <source>This bag is over %1. Please take something out, or an agent will help.</source>
        <translation>Ce bagage dépasse %1. Retirez quelque chose, ou un agent vous aidera.</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="237"/>
        <source>Waiting for the bag…</source>
        <translation>En attente du bagage…</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="239"/>
        <source>Weight OK</source>
        <translation>Poids correct</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="241"/>
        <source>Weighing… please do not touch the bag</source>
        <translation>Pesée en cours… ne touchez pas le bagage</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="244"/>
        <source>Included: up to %1 per bag</source>
        <translation>Inclus : jusqu&apos;à %1 par bagage</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="250"/>
        <source>Fee for this bag: %1</source>
        <translation>Frais pour ce bagage : %1</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="253"/>
        <source>No fee for this bag</source>
        <translation>Aucun frais pour ce bagage</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="256"/>
        <source>Bags accepted: %1</source>
        <translation>Bagages acceptés : %1</translation>
    </message>
    <message>
        <location filename="../airport/bags.py" line="259"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>BagsOverlay</name>
    <message>
        <location filename="../widgets/bags.py" line="120"/>
        <source>Do you need bags?</source>
        <translation>Avez-vous besoin de sacs ?</translation>
    </message>
    <message>
        <location filename="../widgets/bags.py" line="121"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../widgets/bags.py" line="122"/>
        <source>No bags, thanks</source>
        <translation>Pas de sac, merci</translation>
    </message>
    <message>
        <location filename="../widgets/bags.py" line="123"/>
        <source>Add bags</source>
        <translation>Ajouter les sacs</translation>
    </message>
</context>
<context>
    <name>BasketPanel</name>
    <message>
        <location filename="../attendant/basket.py" line="198"/>
        <source>Coupon: %1, saves %2</source>
        <translation>Bon de réduction : %1, économise %2</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="202"/>
        <source>Coupon: %1, needs a purchase first</source>
        <translation>Bon de réduction : %1, achat requis d&apos;abord</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="218"/>
        <source>Basket: %1 items</source>
        <translation>Panier (articles&#xa0;: %1)</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="221"/>
        <source>The basket is empty.</source>
        <translation>Le panier est vide.</translation>
    </message>
</context>
<context>
    <name>BookingChoiceScreen</name>
    <message>
        <location filename="../airport/steps.py" line="75"/>
        <source>Which trip are you checking in for?</source>
        <translation>Pour quel voyage vous enregistrez-vous ?</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="76"/>
        <source>We found more than one booking for this passport.</source>
        <translation>Nous avons trouvé plusieurs réservations pour ce passeport.</translation>
    </message>
</context>
<context>
    <name>CartRow</name>
    <message>
        <location filename="../widgets/cart.py" line="55"/>
        <source>No longer applies: items removed</source>
        <translation>Ne s&apos;applique plus : articles retirés</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="56"/>
        <location filename="../widgets/cart.py" line="58"/>
        <source>Coupon</source>
        <translation>Bon de réduction</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="57"/>
        <source>Saving</source>
        <translation>Économie</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="66"/>
        <source>Removed</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="68"/>
        <source>price changed by staff</source>
        <translation>prix modifié par le personnel</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="70"/>
        <source>%1% off: close to its date</source>
        <translation>%1 % de remise : proche de sa date</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="73"/>
        <source>age check needed</source>
        <translation>vérification de l&apos;âge requise</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="84"/>
        <source>Deposit</source>
        <translation>Consigne</translation>
    </message>
</context>
<context>
    <name>CategoryBar</name>
    <message>
        <location filename="../widgets/produce_grid.py" line="383"/>
        <source>All</source>
        <extracomment>The category button that shows every item. Groups in the order their buttons show; any other category follows, A-Z. Lines a tile keeps for the item&apos;s name (the longest sample names take three).</extracomment>
        <translation>Tout</translation>
    </message>
    <message>
        <location filename="../widgets/produce_grid.py" line="384"/>
        <source>Fruit</source>
        <translation>Fruits</translation>
    </message>
    <message>
        <location filename="../widgets/produce_grid.py" line="385"/>
        <source>Vegetables</source>
        <translation>Légumes</translation>
    </message>
    <message>
        <location filename="../widgets/produce_grid.py" line="386"/>
        <source>Fruit and vegetables</source>
        <translation>Fruits et légumes</translation>
    </message>
    <message>
        <location filename="../widgets/produce_grid.py" line="387"/>
        <source>Bakery</source>
        <translation>Boulangerie</translation>
    </message>
</context>
<context>
    <name>CheckinTitle</name>
    <message>
        <location filename="../airport/screens.py" line="34"/>
        <source>Check-in</source>
        <translation>Enregistrement</translation>
    </message>
</context>
<context>
    <name>ChildScreen</name>
    <message>
        <location filename="../hotel/child.py" line="184"/>
        <source>A child travelling with you</source>
        <translation>Un enfant qui voyage avec vous</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="185"/>
        <source>Children are registered with the adult they are with.</source>
        <translation>Les enfants sont enregistrés avec l&apos;adulte qui les accompagne.</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="186"/>
        <source>Child&apos;s first names</source>
        <translation>Prénoms de l&apos;enfant</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="187"/>
        <source>Child&apos;s surname</source>
        <translation>Nom de l&apos;enfant</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="188"/>
        <source>Date of birth (DD MM YYYY)</source>
        <translation>Date de naissance (JJ MM AAAA)</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="190"/>
        <source>How is the child related to %1?</source>
        <translation>Quel est le lien de l&apos;enfant avec %1 ?</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="193"/>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="194"/>
        <source>Grandparent</source>
        <translation>Grand-parent</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="195"/>
        <source>Brother or sister</source>
        <translation>Frère ou sœur</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="196"/>
        <source>Uncle or aunt</source>
        <translation>Oncle ou tante</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="197"/>
        <source>Legal guardian</source>
        <translation>Tuteur légal</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="198"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="202"/>
        <source>The child is a</source>
        <translation>L&apos;enfant est</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="203"/>
        <source>Girl</source>
        <translation>Une fille</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="204"/>
        <source>Boy</source>
        <translation>Un garçon</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="206"/>
        <source>Please check the date of birth: this is for children.</source>
        <translation>Vérifiez la date de naissance : ceci est pour les enfants.</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="207"/>
        <source>Please type the child&apos;s names.</source>
        <translation>Tapez les noms de l&apos;enfant.</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="208"/>
        <source>Please ask at the front desk.</source>
        <translation>Adressez-vous à la réception.</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="209"/>
        <source>The booking has no more children.</source>
        <translation>La réservation ne compte pas d&apos;autres enfants.</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="212"/>
        <source>Please try again.</source>
        <translation>Veuillez réessayer.</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="214"/>
        <source>Please check the date of birth.</source>
        <translation>Vérifiez la date de naissance.</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="217"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../hotel/child.py" line="218"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <location filename="../desk/screen.py" line="202"/>
        <source>Sign out</source>
        <extracomment>The most verdicts one case offers (the airport&apos;s kinds offer at most three). The lock on a key the role does not grant: a grey seen on light and high-contrast keys. A verdict&apos;s icon (others: a tick).</extracomment>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="204"/>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="212"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="220"/>
        <source>Nothing is waiting for you.</source>
        <translation>Rien n&apos;est en attente.</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="223"/>
        <source>the whole booking</source>
        <translation>toute la réservation</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="226"/>
        <source>What failed: %1</source>
        <translation>Ce qui a échoué : %1</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="236"/>
        <source>Keys with a lock are for: %1.</source>
        <translation>Les touches avec un cadenas sont pour : %1.</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="242"/>
        <source>Name on the document: %1</source>
        <translation>Nom sur le document : %1</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="245"/>
        <source>Document: %1, issued by %2</source>
        <translation>Document : %1, délivré par %2</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="248"/>
        <source>Expires: %1</source>
        <translation>Expire le : %1</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="251"/>
        <source>Number ends in: %1</source>
        <translation>Le numéro se termine par : %1</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="260"/>
        <source>Done.</source>
        <translation>Fait.</translation>
    </message>
    <message>
        <location filename="../desk/screen.py" line="263"/>
        <source>Your role may not give this verdict. Who may: %1.</source>
        <translation>Votre rôle ne permet pas cette décision. Peuvent la prendre : %1.</translation>
    </message>
</context>
<context>
    <name>DetailsScreen</name>
    <message>
        <location filename="../hotel/guests.py" line="230"/>
        <source>A few details for %1</source>
        <translation>Quelques informations pour %1</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="231"/>
        <source>The law asks hotels to record these for every guest.</source>
        <translation>La loi demande aux hôtels de noter ces informations pour chaque client.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="233"/>
        <source>Street and number</source>
        <translation>Rue et numéro</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="234"/>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="235"/>
        <source>Town or city</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="236"/>
        <source>E-mail or phone number</source>
        <translation>E-mail ou téléphone</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="237"/>
        <source>Place of birth</source>
        <translation>Lieu de naissance</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="238"/>
        <source>Support number of your ID card</source>
        <translation>Numéro de support de votre carte</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="242"/>
        <source>Please fill in every field.</source>
        <translation>Remplissez tous les champs.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="244"/>
        <source>Please check the postal code (5 digits). Not in Spain? Touch Continue again.</source>
        <translation>Vérifiez le code postal (5 chiffres). Pas en Espagne ? Touchez Continuer à nouveau.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="247"/>
        <source>Please touch your town in the list. Not there? Touch Continue again.</source>
        <translation>Touchez votre commune dans la liste. Elle n&apos;y est pas ? Touchez Continuer à nouveau.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="254"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>DeviceStatus</name>
    <message>
        <location filename="device_terms.py" line="23"/>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="24"/>
        <source>busy</source>
        <translation>occupé</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="25"/>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="26"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="30"/>
        <source>paper low</source>
        <translation>papier bientôt épuisé</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="31"/>
        <source>paper out</source>
        <translation>plus de papier</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="32"/>
        <source>cover open</source>
        <translation>capot ouvert</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="33"/>
        <source>drawer open</source>
        <translation>tiroir ouvert</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="34"/>
        <source>in motion</source>
        <translation>en mouvement</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="35"/>
        <source>overload</source>
        <translation>surcharge</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="36"/>
        <source>under zero</source>
        <translation>sous zéro</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="37"/>
        <source>not claimed</source>
        <translation>non réservé</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="38"/>
        <source>media low</source>
        <translation>papier bientôt épuisé</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="39"/>
        <source>media empty</source>
        <translation>plus de papier</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="40"/>
        <source>media jammed</source>
        <translation>bourrage papier</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="44"/>
        <source>scanner</source>
        <translation>lecteur</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="45"/>
        <source>printer</source>
        <translation>imprimante</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="46"/>
        <source>scale</source>
        <translation>balance</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="47"/>
        <source>camera</source>
        <translation>caméra</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="48"/>
        <source>card terminal</source>
        <translation>terminal de paiement</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="49"/>
        <source>document reader</source>
        <translation>lecteur de documents</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="50"/>
        <source>boarding pass printer</source>
        <translation>imprimante de cartes d&apos;embarquement</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="51"/>
        <source>bag tag printer</source>
        <translation>imprimante d&apos;étiquettes bagages</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="52"/>
        <source>key card encoder</source>
        <translation>encodeur de cartes-clés</translation>
    </message>
</context>
<context>
    <name>DocumentsScreen</name>
    <message>
        <location filename="../airport/documents.py" line="105"/>
        <source>Place %1&apos;s passport on the reader</source>
        <translation>Posez le passeport de %1 sur le lecteur</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="107"/>
        <source>All documents checked</source>
        <translation>Tous les documents sont vérifiés</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="109"/>
        <source>Checking your documents</source>
        <translation>Vérification de vos documents</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="110"/>
        <source>Open it at the photo page and lay it face down.</source>
        <translation>Ouvrez-le à la page de la photo et posez-le face vers le bas.</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="113"/>
        <source>%1 of %2 documents checked</source>
        <translation>%1 document(s) vérifié(s) sur %2</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="118"/>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="119"/>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="120"/>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="121"/>
        <source>not accepted</source>
        <translation>non accepté</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="128"/>
        <source>The passport could not be read. Lay it flat, photo page down, and keep it still.</source>
        <translation>Le passeport n&apos;a pas pu être lu. Posez-le à plat, photo vers le bas, sans le bouger.</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="131"/>
        <source>This passport is not %1&apos;s. Please place %1&apos;s passport on the reader.</source>
        <translation>Ce passeport n&apos;est pas celui de %1. Posez le passeport de %1 sur le lecteur.</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="133"/>
        <source>This passport has expired. An agent will help you.</source>
        <translation>Ce passeport a expiré. Un agent va vous aider.</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="134"/>
        <source>Please use a passport for this trip.</source>
        <translation>Veuillez utiliser un passeport pour ce voyage.</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="136"/>
        <source>That did not work. Please try again.</source>
        <translation>Cela n&apos;a pas fonctionné. Veuillez réessayer.</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="140"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../airport/documents.py" line="141"/>
        <source>Photo page down, top edge against the back.</source>
        <translation>Page photo vers le bas, bord supérieur contre le fond.</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../airport/finish.py" line="325"/>
        <source>You are checked in</source>
        <translation>Vous êtes enregistré</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="329"/>
        <source>Please take your boarding passes and bag tags.</source>
        <translation>Prenez vos cartes d&apos;embarquement et vos étiquettes bagages.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="332"/>
        <source>Put a tag on each bag, then leave your bags at the bag drop. Keep the small stub.</source>
        <translation>Mettez une étiquette sur chaque bagage, puis déposez-les au dépôt bagages. Gardez le petit talon.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="337"/>
        <source>Please take your boarding passes.</source>
        <translation>Prenez vos cartes d&apos;embarquement.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="344"/>
        <source>Gate %1</source>
        <translation>Porte %1</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="346"/>
        <source>Boarding %1</source>
        <translation>Embarquement %1</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="349"/>
        <source>Thanks for your feedback!</source>
        <translation>Merci pour votre avis !</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="351"/>
        <source>How was your check-in?</source>
        <translation>Comment s&apos;est passé votre enregistrement ?</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="353"/>
        <source>Not good</source>
        <translation>Pas bien</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="353"/>
        <source>OK</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="353"/>
        <source>Great</source>
        <translation>Très bien</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="356"/>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
</context>
<context>
    <name>DropKeysScreen</name>
    <message>
        <location filename="../hotel/checkout.py" line="252"/>
        <source>Your key cards</source>
        <translation>Vos cartes-clés</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="253"/>
        <source>Please leave your key cards with us.</source>
        <translation>Laissez-nous vos cartes-clés.</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="254"/>
        <source>Drop your key cards in the box below the screen.</source>
        <translation>Déposez vos cartes-clés dans la boîte sous l&apos;écran.</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="255"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>EntryPanel</name>
    <message>
        <location filename="../attendant/widgets.py" line="258"/>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <location filename="../attendant/widgets.py" line="259"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../attendant/widgets.py" line="297"/>
        <source>Not a date: type day, month and year (DDMMYYYY).</source>
        <translation>Ce n&apos;est pas une date&#xa0;: saisissez jour, mois et année (JJMMAAAA).</translation>
    </message>
    <message>
        <location filename="../attendant/widgets.py" line="301"/>
        <source>That price is too high.</source>
        <translation>Ce prix est trop élevé.</translation>
    </message>
    <message>
        <location filename="../attendant/widgets.py" line="304"/>
        <source>The quantity must be 1 to 9999.</source>
        <translation>La quantité doit être comprise entre 1 et 9999.</translation>
    </message>
</context>
<context>
    <name>FeedbackScreen</name>
    <message>
        <location filename="../screens/feedback.py" line="311"/>
        <source>How likely are you to recommend us to a friend?</source>
        <extracomment>The chips shown (the contract&apos;s reasons but &quot;other&quot;, which a comment says better).</extracomment>
        <translation>Quelle est la probabilité que vous nous recommandiez à un ami ?</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="312"/>
        <source>0 = not at all likely</source>
        <translation>0 = pas du tout probable</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="313"/>
        <source>10 = extremely likely</source>
        <translation>10 = très probable</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="314"/>
        <source>What could we do better? (optional)</source>
        <translation>Que pourrions-nous améliorer ? (facultatif)</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="316"/>
        <source>Your score: %1 of 10</source>
        <translation>Votre note : %1 sur 10</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="318"/>
        <source>Had to wait for help</source>
        <translation>J&apos;ai dû attendre de l&apos;aide</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="319"/>
        <source>Item not found</source>
        <translation>Article introuvable</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="320"/>
        <source>Too slow</source>
        <translation>Trop lent</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="321"/>
        <source>Prices</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="322"/>
        <source>Hard to use</source>
        <translation>Difficile à utiliser</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="323"/>
        <source>A machine did not work</source>
        <translation>Un appareil n&apos;a pas fonctionné</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="329"/>
        <source>Score %1 of 10</source>
        <translation>Note %1 sur 10</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="330"/>
        <source>Add a short comment</source>
        <translation>Ajouter un court commentaire</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="331"/>
        <source>Your comment</source>
        <translation>Votre commentaire</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="332"/>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="333"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="335"/>
        <source>Please leave out card numbers: we never keep them.</source>
        <translation>N&apos;indiquez pas de numéro de carte : nous ne les conservons jamais.</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="337"/>
        <source>Please leave out text from a passport or ID card: we never keep it.</source>
        <translation>N&apos;indiquez pas de texte d&apos;un passeport ou d&apos;une carte d&apos;identité : nous ne le conservons jamais.</translation>
    </message>
    <message>
        <location filename="../screens/feedback.py" line="339"/>
        <source>This comment cannot be kept. Please write it differently.</source>
        <translation>Nous ne pouvons pas conserver ce commentaire. Merci de le formuler autrement.</translation>
    </message>
</context>
<context>
    <name>FindBookingScreen</name>
    <message>
        <location filename="../hotel/find.py" line="221"/>
        <source>Find your booking</source>
        <translation>Trouvez votre réservation</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="223"/>
        <source>Type your confirmation number, or your surname and the day you arrive.</source>
        <translation>Tapez votre numéro de confirmation, ou votre nom et le jour d&apos;arrivée.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="225"/>
        <source>Confirmation number</source>
        <translation>Numéro de confirmation</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="226"/>
        <source>Surname</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="227"/>
        <source>Confirmation number (in your e-mail)</source>
        <translation>Numéro de confirmation (dans votre e-mail)</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="228"/>
        <source>Surname on the booking</source>
        <translation>Nom sur la réservation</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="229"/>
        <source>Arrival date</source>
        <translation>Date d&apos;arrivée</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="231"/>
        <source>Find my booking</source>
        <translation>Trouver ma réservation</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="234"/>
        <source>We could not find that booking. Please check and try again.</source>
        <translation>Nous n&apos;avons pas trouvé cette réservation. Vérifiez et réessayez.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="236"/>
        <source>Please check the confirmation number.</source>
        <translation>Vérifiez le numéro de confirmation.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="237"/>
        <source>Please type your surname.</source>
        <translation>Tapez votre nom.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="238"/>
        <source>This booking is already checked in.</source>
        <translation>Cette réservation est déjà enregistrée.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="240"/>
        <source>This booking cannot be checked in here. Please see the front desk.</source>
        <translation>Cette réservation ne peut pas être enregistrée ici. Adressez-vous à la réception.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="242"/>
        <source>Your booking starts on a later day. Please see the front desk.</source>
        <translation>Votre réservation commence un autre jour. Adressez-vous à la réception.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="243"/>
        <source>The ID could not be read. Please try again.</source>
        <translation>La pièce d&apos;identité n&apos;a pas pu être lue. Veuillez réessayer.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="246"/>
        <source>Please try again.</source>
        <translation>Veuillez réessayer.</translation>
    </message>
</context>
<context>
    <name>FindRoomScreen</name>
    <message>
        <location filename="../hotel/find.py" line="350"/>
        <source>A new key card</source>
        <translation>Une nouvelle carte-clé</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="350"/>
        <source>Check out</source>
        <translation>Départ</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="351"/>
        <source>First, let us find your room.</source>
        <translation>D&apos;abord, trouvons votre chambre.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="352"/>
        <source>Put your key card on the card reader</source>
        <translation>Posez votre carte-clé sur le lecteur</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="353"/>
        <source>My card is on the reader</source>
        <translation>Ma carte est sur le lecteur</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="354"/>
        <source>No card with you?</source>
        <translation>Vous n&apos;avez pas votre carte ?</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="355"/>
        <source>Type your room number</source>
        <translation>Taper le numéro de chambre</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="356"/>
        <source>Room number</source>
        <translation>Numéro de chambre</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="357"/>
        <source>Surname</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="358"/>
        <source>Find my room</source>
        <translation>Trouver ma chambre</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="359"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="362"/>
        <source>The card could not be read. Please try again or type your room number.</source>
        <translation>La carte n&apos;a pas pu être lue. Réessayez ou tapez votre numéro de chambre.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="364"/>
        <source>Please type your room number.</source>
        <translation>Tapez votre numéro de chambre.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="365"/>
        <source>Please type your surname.</source>
        <translation>Tapez votre nom.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="366"/>
        <location filename="../hotel/find.py" line="367"/>
        <location filename="../hotel/find.py" line="368"/>
        <source>We found no stay in this room with that surname.</source>
        <translation>Aucun séjour dans cette chambre à ce nom.</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="371"/>
        <source>Please try again.</source>
        <translation>Veuillez réessayer.</translation>
    </message>
</context>
<context>
    <name>FolioScreen</name>
    <message>
        <location filename="../hotel/checkout.py" line="115"/>
        <source>Your bill</source>
        <translation>Votre note</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="116"/>
        <source>Please check your bill.</source>
        <translation>Vérifiez votre note.</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="117"/>
        <source>Left to pay</source>
        <translation>Reste à payer</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="124"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="130"/>
        <source>It is taken from the deposit of %1 held on your card.</source>
        <translation>Il est pris sur la caution de %1 bloquée sur votre carte.</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="138"/>
        <source>Pay %1</source>
        <translation>Payer %1</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="140"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>GuestIdsScreen</name>
    <message>
        <location filename="../hotel/guests.py" line="105"/>
        <source>Place your ID on the reader</source>
        <extracomment>A register field -&gt; the fields typed for it (key, longest text). (the country of residence is the address&apos;s: the guest&apos;s nationality)</extracomment>
        <translation>Posez votre pièce d&apos;identité sur le lecteur</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="107"/>
        <source>Place %1&apos;s ID on the reader</source>
        <translation>Posez la pièce d&apos;identité de %1 sur le lecteur</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="109"/>
        <source>Your IDs</source>
        <translation>Vos pièces d&apos;identité</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="111"/>
        <source>For a new key card we check the ID of a guest of the room.</source>
        <translation>Pour une nouvelle carte, nous vérifions la pièce d&apos;identité d&apos;un client de la chambre.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="113"/>
        <source>We need an ID (passport or identity card) of every adult guest.</source>
        <translation>Il nous faut une pièce d&apos;identité (passeport ou carte) de chaque client adulte.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="121"/>
        <source>IDs read: %1 of %2</source>
        <translation>Pièces d&apos;identité lues : %1 sur %2</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="124"/>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="125"/>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="126"/>
        <source>a few details to add</source>
        <translation>quelques informations à ajouter</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="127"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="132"/>
        <source>Then we add the children travelling with you.</source>
        <translation>Ensuite, nous ajoutons les enfants qui voyagent avec vous.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="139"/>
        <source>The ID could not be read. Lay it flat on the reader and keep it still.</source>
        <translation>La pièce d&apos;identité n&apos;a pas pu être lue. Posez-la à plat sur le lecteur sans la bouger.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="141"/>
        <source>We already have this ID. Please place the next one.</source>
        <translation>Nous avons déjà cette pièce. Posez la suivante.</translation>
    </message>
    <message>
        <location filename="../hotel/guests.py" line="147"/>
        <source>Passport: photo page down. Identity card: either side down.</source>
        <translation>Passeport : page photo vers le bas. Carte d&apos;identité : l&apos;une ou l&apos;autre face.</translation>
    </message>
</context>
<context>
    <name>HelpBanner</name>
    <message>
        <location filename="../widgets/dialogs.py" line="212"/>
        <source>Help is on the way. A member of staff has been called and will be with you in a moment; the light above your till is flashing.</source>
        <translation>L&apos;aide arrive. Un employé a été appelé et sera là dans un instant&#xa0;; le voyant au-dessus de votre caisse clignote.</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="217"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>HotelAgentScreen</name>
    <message>
        <location filename="../hotel/pay.py" line="121"/>
        <source>Please wait a moment</source>
        <translation>Un instant, s&apos;il vous plaît</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="122"/>
        <source>A member of staff has been called and is coming.</source>
        <translation>Un membre du personnel a été appelé et arrive.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="124"/>
        <source>We could not find your booking.</source>
        <translation>Nous n&apos;avons pas trouvé votre réservation.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="125"/>
        <source>We could not read %1&apos;s ID.</source>
        <translation>Nous n&apos;avons pas pu lire la pièce d&apos;identité de %1.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="126"/>
        <source>The name on the ID is not on the booking.</source>
        <translation>Le nom de la pièce d&apos;identité ne figure pas sur la réservation.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="127"/>
        <source>%1&apos;s ID has expired.</source>
        <translation>La pièce d&apos;identité de %1 a expiré.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="128"/>
        <source>We need a few more details for %1&apos;s registration.</source>
        <translation>Il nous faut quelques informations de plus pour l&apos;enregistrement de %1.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="129"/>
        <source>The payment did not go through.</source>
        <translation>Le paiement n&apos;a pas abouti.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="130"/>
        <source>A key card could not be made.</source>
        <translation>Une carte-clé n&apos;a pas pu être faite.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="132"/>
        <source>Your room is not ready yet. You can leave your luggage with us, and we will let you know when the room is ready.</source>
        <translation>Votre chambre n&apos;est pas encore prête. Vous pouvez nous laisser vos bagages, nous vous préviendrons quand elle sera prête.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="135"/>
        <source>We cannot reach the hotel&apos;s system just now.</source>
        <translation>Le système de l&apos;hôtel est injoignable pour l&apos;instant.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="136"/>
        <source>The hotel&apos;s system could not complete this step.</source>
        <translation>Le système de l&apos;hôtel n&apos;a pas pu terminer cette étape.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="137"/>
        <source>The printer needs paper or has a problem.</source>
        <translation>L&apos;imprimante manque de papier ou a un problème.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="139"/>
        <source>A member of staff needs to help you.</source>
        <translation>Un membre du personnel doit vous aider.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="142"/>
        <source>We could not read the ID.</source>
        <translation>Nous n&apos;avons pas pu lire la pièce d&apos;identité.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="143"/>
        <source>This ID has expired.</source>
        <translation>Cette pièce d&apos;identité a expiré.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="144"/>
        <source>We need a few more details for the registration.</source>
        <translation>Il nous faut quelques informations de plus pour l&apos;enregistrement.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="147"/>
        <source>Please stay at the kiosk. Nothing is lost.</source>
        <translation>Restez à la borne. Rien n&apos;est perdu.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="148"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
</context>
<context>
    <name>HotelDesk</name>
    <message>
        <location filename="../desk/hotel_terms.py" line="21"/>
        <source>Staff: %1 (%2)</source>
        <translation>Personnel : %1 (%2)</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="22"/>
        <source>Guest: %1</source>
        <translation>Client : %1</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="26"/>
        <source>Booking not found</source>
        <extracomment>Intervention kind -&gt; its title on the desk.</extracomment>
        <translation>Réservation introuvable</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="27"/>
        <source>ID could not be read</source>
        <translation>Pièce d&apos;identité illisible</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="28"/>
        <source>Name on the ID does not match</source>
        <translation>Le nom sur la pièce d&apos;identité ne correspond pas</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="29"/>
        <source>ID expired</source>
        <translation>Pièce d&apos;identité expirée</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="30"/>
        <source>Guest register incomplete</source>
        <translation>Fiche de police incomplète</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="31"/>
        <source>Payment problem</source>
        <translation>Problème de paiement</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="32"/>
        <source>Key card not encoded</source>
        <translation>Carte-clé non encodée</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="33"/>
        <source>Room not ready</source>
        <translation>Chambre pas prête</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="34"/>
        <source>Hotel system not answering</source>
        <translation>Le système de l&apos;hôtel ne répond pas</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="35"/>
        <source>Hotel system refused</source>
        <translation>Refus du système de l&apos;hôtel</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="36"/>
        <source>Printer out of order</source>
        <translation>Imprimante hors service</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="39"/>
        <source>Serve at the front desk</source>
        <translation>Prendre en charge à la réception</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="40"/>
        <source>Read another ID</source>
        <translation>Lire une autre pièce d&apos;identité</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="41"/>
        <source>Accept the ID</source>
        <translation>Accepter la pièce d&apos;identité</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="45"/>
        <source>Search again</source>
        <extracomment>(kind, verdict) -&gt; the words on the verdict&apos;s button.</extracomment>
        <translation>Chercher à nouveau</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="47"/>
        <source>Read the ID again</source>
        <translation>Relire la pièce d&apos;identité</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="56"/>
        <source>Register completed at the desk</source>
        <translation>Fiche complétée à la réception</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="60"/>
        <source>Paid or settled</source>
        <translation>Payé ou réglé</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="61"/>
        <source>Not paid: pay again</source>
        <translation>Non payé : payer à nouveau</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="62"/>
        <source>Encode the key again</source>
        <translation>Encoder à nouveau la clé</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="63"/>
        <source>Finish with the keys made</source>
        <translation>Terminer avec les clés faites</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="64"/>
        <source>Room ready: ask again</source>
        <translation>Chambre prête : interroger à nouveau</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="66"/>
        <source>Keep the luggage: room later</source>
        <translation>Garder les bagages : chambre plus tard</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="69"/>
        <source>Ask the hotel system again</source>
        <translation>Interroger à nouveau le système de l&apos;hôtel</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="71"/>
        <source>Fixed in the system: ask again</source>
        <translation>Corrigé dans le système : interroger à nouveau</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="73"/>
        <source>Printer fixed: print again</source>
        <translation>Imprimante réparée : imprimer à nouveau</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="74"/>
        <source>Go on without printing</source>
        <translation>Continuer sans imprimer</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="79"/>
        <source>The ID could not be read.</source>
        <extracomment>What the visit wrote as an intervention&apos;s detail -&gt; what staff read.</extracomment>
        <translation>La pièce d&apos;identité n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="81"/>
        <source>The name on the ID is not a guest&apos;s of the booking.</source>
        <translation>Le nom sur la pièce d&apos;identité n&apos;est celui d&apos;aucun client de la réservation.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="83"/>
        <source>The ID has no expiry date.</source>
        <translation>La pièce d&apos;identité n&apos;a pas de date d&apos;expiration.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="85"/>
        <source>The ID is not valid on the day of arrival.</source>
        <translation>La pièce d&apos;identité n&apos;est pas valide le jour de l&apos;arrivée.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="87"/>
        <source>The ID has expired.</source>
        <translation>La pièce d&apos;identité a expiré.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="88"/>
        <location filename="../desk/hotel_terms.py" line="89"/>
        <location filename="../desk/hotel_terms.py" line="90"/>
        <source>No room is assigned yet.</source>
        <translation>Aucune chambre n&apos;est encore attribuée.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="91"/>
        <source>The room is not ready yet.</source>
        <translation>La chambre n&apos;est pas encore prête.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="95"/>
        <source>Deposit declined</source>
        <extracomment>A deposit alert&apos;s kind -&gt; its title on the desk.</extracomment>
        <translation>Dépôt de garantie refusé</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="96"/>
        <source>Deposit in doubt</source>
        <translation>Dépôt de garantie incertain</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="97"/>
        <source>Deposit taken after all</source>
        <translation>Dépôt encaissé finalement</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="102"/>
        <source>Charged at the front desk</source>
        <extracomment>(deposit kind, verdict) -&gt; the words on its key.</extracomment>
        <translation>Encaissé à la réception</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="105"/>
        <source>Done: the terminal&apos;s records show it</source>
        <translation>Fait : le journal du terminal l&apos;indique</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="108"/>
        <source>Not in the terminal&apos;s records</source>
        <translation>Absent du journal du terminal</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="111"/>
        <source>Given back to the guest</source>
        <translation>Rendu au client</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="116"/>
        <source>Capture</source>
        <extracomment>A deposit alert&apos;s action -&gt; its word.</extracomment>
        <translation>Encaissement</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="117"/>
        <source>Release</source>
        <translation>Libération</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="122"/>
        <source>%1 of %2, stay %3: the terminal declined it (%4). Charge the guest.</source>
        <extracomment>A deposit kind -&gt; what failed (%1 action, %2 amount, %3 stay, %4 the terminal&apos;s reason).</extracomment>
        <translation>%1 de %2, séjour %3 : le terminal l&apos;a refusé (%4). Encaissez le client.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="127"/>
        <source>%1 of %2, stay %3: the terminal cannot say if it was done (asked again).</source>
        <translation>%1 de %2, séjour %3 : le terminal ne peut pas dire si c&apos;est fait (il est interrogé à nouveau).</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="132"/>
        <source>%1 of %2, stay %3: the terminal took it after all. Give back the desk&apos;s.</source>
        <translation>%1 de %2, séjour %3 : le terminal l&apos;a encaissé finalement. Rendez ce que la réception a encaissé.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="139"/>
        <location filename="../desk/hotel_terms.py" line="140"/>
        <source>Settled.</source>
        <extracomment>What settling a deposit alert came to -&gt; what the desk says after the touch.</extracomment>
        <translation>Réglé.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="141"/>
        <source>Settled: counted as done on the terminal.</source>
        <translation>Réglé : compté comme fait sur le terminal.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="143"/>
        <source>Settled: not done. Charge the guest at the front desk.</source>
        <translation>Réglé : pas fait. Encaissez le client à la réception.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="146"/>
        <source>The terminal answered: it was done. Nothing to charge.</source>
        <translation>Le terminal a répondu : c&apos;est fait. Rien à encaisser.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="149"/>
        <source>The terminal answered: declined. Charge the guest at the front desk.</source>
        <translation>Le terminal a répondu : refusé. Encaissez le client à la réception.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="154"/>
        <source>The terminal answered: it never ran. The kiosk sends it again.</source>
        <translation>Le terminal a répondu : jamais exécuté. La borne le renvoie.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="159"/>
        <source>No answer from the hotel system (%1).</source>
        <translation>Pas de réponse du système de l&apos;hôtel (%1).</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="160"/>
        <source>The register still needs: %1.</source>
        <translation>Il manque encore à la fiche : %1.</translation>
    </message>
    <message>
        <location filename="../desk/hotel_terms.py" line="163"/>
        <source>receptionist</source>
        <extracomment>What a hotel calls its attendant (the other roles: as the airport desk names them).</extracomment>
        <translation>réceptionniste</translation>
    </message>
</context>
<context>
    <name>HotelDoneScreen</name>
    <message>
        <location filename="../hotel/keys.py" line="243"/>
        <source>Your room</source>
        <translation>Votre chambre</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="245"/>
        <source>Floor %1</source>
        <translation>Étage %1</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="247"/>
        <source>Thank you for staying with us</source>
        <translation>Merci d&apos;avoir séjourné chez nous</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="248"/>
        <source>You are checked out. Have a good journey!</source>
        <translation>Votre départ est enregistré. Bon voyage !</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="251"/>
        <source>Deposit release queued: the hold on your card ends as soon as the card terminal is back.</source>
        <translation>Libération de la caution en attente : le blocage sur votre carte prend fin dès que le terminal de paiement est de retour.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="256"/>
        <source>Deposit capture queued: your bill is paid from the deposit held on your card as soon as the card terminal is back.</source>
        <translation>Encaissement de la caution en attente : votre facture est réglée avec la caution bloquée sur votre carte dès que le terminal de paiement est de retour.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="261"/>
        <source>Your new key cards are ready</source>
        <translation>Vos nouvelles cartes-clés sont prêtes</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="263"/>
        <source>Please take your key cards. Your other cards still work.</source>
        <translation>Prenez vos cartes-clés. Vos autres cartes marchent toujours.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="266"/>
        <source>You are checked in</source>
        <translation>Vous êtes enregistré</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="269"/>
        <source>Your room is not ready yet. Please leave your luggage at the front desk: we will let you know as soon as your room is ready.</source>
        <translation>Votre chambre n&apos;est pas encore prête. Laissez vos bagages à la réception : nous vous préviendrons dès qu&apos;elle sera prête.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="274"/>
        <source>Welcome! You are checked in</source>
        <translation>Bienvenue ! Votre arrivée est enregistrée</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="275"/>
        <source>Please take your key cards.</source>
        <translation>Prenez vos cartes-clés.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="280"/>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="282"/>
        <source>Wi-Fi password</source>
        <translation>Mot de passe Wi-Fi</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="284"/>
        <source>Breakfast</source>
        <translation>Petit-déjeuner</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="295"/>
        <source>How was it today?</source>
        <translation>Comment cela s&apos;est-il passé ?</translation>
    </message>
</context>
<context>
    <name>HotelPaymentScreen</name>
    <message>
        <location filename="../hotel/pay.py" line="55"/>
        <source>Deposit</source>
        <translation>Caution</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="56"/>
        <source>We hold a deposit on your card for extras.</source>
        <translation>Nous bloquons une caution sur votre carte pour les extras.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="57"/>
        <source>Deposit held on your card</source>
        <translation>Caution bloquée sur votre carte</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="59"/>
        <source>Nothing is charged now. It is released or charged at check-out.</source>
        <translation>Rien n&apos;est débité maintenant. Elle est libérée ou débitée au départ.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="61"/>
        <source>Hold %1</source>
        <translation>Bloquer %1</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="63"/>
        <source>Pay your bill</source>
        <translation>Réglez votre note</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="64"/>
        <source>Pay what is left of your bill by card.</source>
        <translation>Payez par carte le reste de votre note.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="65"/>
        <source>To pay</source>
        <translation>À payer</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="67"/>
        <location filename="../hotel/pay.py" line="80"/>
        <source>Pay %1</source>
        <translation>Payer %1</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="69"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="70"/>
        <source>Pay what is left of your stay by card.</source>
        <translation>Payez par carte le reste de votre séjour.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="71"/>
        <source>To pay now</source>
        <translation>À payer maintenant</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="74"/>
        <source>Then a deposit of %1 is held on your card.</source>
        <translation>Ensuite, une caution de %1 est bloquée sur votre carte.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="86"/>
        <source>Follow the instructions on the card terminal</source>
        <translation>Suivez les instructions du terminal de paiement</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="88"/>
        <source>Try again, or use another card</source>
        <translation>Réessayez ou utilisez une autre carte</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="90"/>
        <source>Touch the button, then use the card terminal</source>
        <translation>Touchez le bouton, puis utilisez le terminal de paiement</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="92"/>
        <source>The card was declined. No money was taken.</source>
        <translation>La carte a été refusée. Rien n&apos;a été débité.</translation>
    </message>
    <message>
        <location filename="../hotel/pay.py" line="95"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
</context>
<context>
    <name>HotelScreen</name>
    <message>
        <location filename="../hotel/base.py" line="64"/>
        <source>Step %1 of %2</source>
        <extracomment>The check-in&apos;s steps as the header counts them: screen name -&gt; step number.</extracomment>
        <translation>Étape %1 sur %2</translation>
    </message>
</context>
<context>
    <name>HotelTitle</name>
    <message>
        <location filename="../hotel/screens.py" line="25"/>
        <source>Reception</source>
        <translation>Réception</translation>
    </message>
</context>
<context>
    <name>HowManyOverlay</name>
    <message>
        <location filename="../widgets/how_many.py" line="76"/>
        <source>How many?</source>
        <translation>Combien ?</translation>
    </message>
    <message>
        <location filename="../widgets/how_many.py" line="78"/>
        <source>Type how many you have (1 to 99), then touch OK.</source>
        <translation>Tapez combien vous en avez (de 1 à 99), puis touchez OK.</translation>
    </message>
    <message>
        <location filename="../widgets/how_many.py" line="79"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../airport/identify.py" line="238"/>
        <source>Welcome! Let&apos;s check you in</source>
        <translation>Bienvenue ! Enregistrons-vous</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="240"/>
        <source>Type your booking reference and your surname.</source>
        <translation>Saisissez votre référence de réservation et votre nom.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="242"/>
        <source>Scan your boarding pass or your passport to start.</source>
        <translation>Scannez votre carte d&apos;embarquement ou votre passeport pour commencer.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="244"/>
        <source>Hold your boarding pass barcode under the scanner</source>
        <translation>Placez le code-barres de votre carte d&apos;embarquement sous le lecteur</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="246"/>
        <source>Or lay your passport photo page face down on the reader</source>
        <translation>Ou posez votre passeport ouvert à la page photo, face vers le bas, sur le lecteur</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="248"/>
        <source>No boarding pass or passport to hand?</source>
        <translation>Pas de carte d&apos;embarquement ni de passeport sous la main ?</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="249"/>
        <source>Type your booking reference</source>
        <translation>Saisir la référence de réservation</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="250"/>
        <source>Booking reference (6 letters or digits)</source>
        <translation>Référence de réservation (6 lettres ou chiffres)</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="251"/>
        <source>Surname</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="252"/>
        <source>Find my booking</source>
        <translation>Trouver ma réservation</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="253"/>
        <source>Scan instead</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="256"/>
        <source>We could not find that booking. Please check the reference and surname.</source>
        <translation>Réservation introuvable. Vérifiez la référence et le nom.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="259"/>
        <source>We cannot reach the airline just now. Please try again or ask an agent.</source>
        <translation>La compagnie est injoignable pour le moment. Réessayez ou demandez à un agent.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="261"/>
        <source>That could not be read. Please try again.</source>
        <translation>La lecture a échoué. Veuillez réessayer.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="262"/>
        <source>We found no flight today for this passport.</source>
        <translation>Aucun vol aujourd&apos;hui pour ce passeport.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="263"/>
        <source>Check-in for this flight is closed. Please see an agent.</source>
        <translation>L&apos;enregistrement de ce vol est fermé. Adressez-vous à un agent.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="265"/>
        <source>The passport reader is not working just now. Please scan your boarding pass or type your booking reference.</source>
        <translation>Le lecteur de passeports ne fonctionne pas pour le moment. Scannez votre carte d&apos;embarquement ou saisissez votre référence de réservation.</translation>
    </message>
    <message>
        <location filename="../airport/identify.py" line="269"/>
        <source>Something went wrong. Please try again.</source>
        <translation>Un problème est survenu. Veuillez réessayer.</translation>
    </message>
</context>
<context>
    <name>InterventionOverlay</name>
    <message>
        <location filename="../screens/intervention.py" line="27"/>
        <source>Age check needed</source>
        <extracomment>kind -&gt; (icon, title, message). %1 = subject, %2 = age or quantity limit.</extracomment>
        <translation>Vérification de l&apos;âge</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="28"/>
        <source>%1 can only be sold to people aged %2 or over. A member of staff will check your ID.</source>
        <translation>%1&#xa0;: vente réservée aux personnes de %2 ans ou plus. Un employé va vérifier votre pièce d&apos;identité.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="35"/>
        <source>Item not found</source>
        <translation>Article introuvable</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="36"/>
        <source>We could not find this item. Please put it aside; a member of staff will help you.</source>
        <translation>Nous n&apos;avons pas trouvé cet article. Mettez-le de côté&#xa0;; un employé va vous aider.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="43"/>
        <source>Quantity limit</source>
        <translation>Quantité limitée</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="44"/>
        <source>%1 is limited to %2 per customer. A member of staff will help you.</source>
        <translation>%1&#xa0;: %2 maximum par client. Un employé va vous aider.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="51"/>
        <source>Removing an item</source>
        <translation>Retrait d&apos;un article</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="52"/>
        <source>A member of staff will remove %1 from your basket.</source>
        <translation>Un employé va retirer %1 de votre panier.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="59"/>
        <source>Price check</source>
        <translation>Vérification du prix</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="60"/>
        <source>A member of staff will check the price of %1.</source>
        <translation>Un employé va vérifier le prix de %1.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="64"/>
        <source>Till needs attention</source>
        <translation>La caisse nécessite une intervention</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="65"/>
        <source>Something is wrong with the %1. Your items are safe; a member of staff is coming.</source>
        <translation>Problème avec&#xa0;: %1. Vos articles sont conservés&#xa0;; un employé arrive.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="72"/>
        <source>Help is on the way</source>
        <translation>L&apos;aide arrive</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="73"/>
        <source>A member of staff has been called and will be with you in a moment.</source>
        <translation>Un employé a été appelé et sera là dans un instant.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="80"/>
        <location filename="../screens/intervention.py" line="88"/>
        <source>Payment problem</source>
        <translation>Problème de paiement</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="81"/>
        <source>The payment did not go through. A member of staff will help you.</source>
        <translation>Le paiement n&apos;a pas abouti. Un employé va vous aider.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="89"/>
        <source>We could not confirm your payment. You have not been charged twice. A member of staff will help you.</source>
        <translation>Nous n&apos;avons pas pu confirmer votre paiement. Vous n&apos;avez pas été débité deux fois. Un employé va vous aider.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="97"/>
        <source>Basket on hold</source>
        <translation>Panier en attente</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="98"/>
        <source>Your basket has been kept for you. A member of staff will help you continue.</source>
        <translation>Votre panier a été conservé. Un employé va vous aider à continuer.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="105"/>
        <source>Unexpected item in the bagging area</source>
        <translation>Article inattendu dans la zone d&apos;ensachage</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="106"/>
        <source>Please take out the last thing you put in the bag, or wait for a member of staff.</source>
        <translation>Veuillez retirer le dernier article mis dans le sac, ou attendre un membre du personnel.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="113"/>
        <source>Please put the item back</source>
        <translation>Veuillez remettre l&apos;article</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="114"/>
        <source>An item was taken out of the bagging area. Please put it back to continue.</source>
        <translation>Un article a été retiré de la zone d&apos;ensachage. Veuillez le remettre pour continuer.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="121"/>
        <source>Please check the bagging area</source>
        <translation>Veuillez vérifier la zone d&apos;ensachage</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="122"/>
        <source>The weight in the bag does not match the item you scanned. Please take it out and place only that item, or wait for a member of staff.</source>
        <translation>Le poids du sac ne correspond pas à l&apos;article scanné. Veuillez le retirer et ne placer que cet article, ou attendre un membre du personnel.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="130"/>
        <source>Place the item in the bagging area</source>
        <translation>Placez l&apos;article dans la zone d&apos;ensachage</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="131"/>
        <source>Please put the item you scanned in the bagging area. A member of staff will help you.</source>
        <translation>Veuillez placer l&apos;article scanné dans la zone d&apos;ensachage. Un membre du personnel va vous aider.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="140"/>
        <source>Item past its date</source>
        <translation>Article périmé</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="141"/>
        <source>%1 is past its expiry date and cannot be sold. A member of staff is coming.</source>
        <translation>%1 a dépassé sa date limite et ne peut pas être vendu. Un employé arrive.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="148"/>
        <source>Item withdrawn from sale</source>
        <translation>Article retiré de la vente</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="149"/>
        <source>%1 has been recalled and cannot be sold. Please hand it to staff.</source>
        <translation>%1 a été rappelé et ne peut pas être vendu. Veuillez le remettre à un employé.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="235"/>
        <source>Selling is paused. Please wait; help is on the way.</source>
        <translation>La vente est en pause. Patientez, l&apos;aide arrive.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="236"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="237"/>
        <source>Cancel my request</source>
        <translation>Annuler ma demande</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="243"/>
        <source>this item</source>
        <translation>cet article</translation>
    </message>
</context>
<context>
    <name>InvoiceScreen</name>
    <message>
        <location filename="../hotel/checkout.py" line="204"/>
        <source>Your invoice</source>
        <translation>Votre facture</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="205"/>
        <source>Your bill is settled.</source>
        <translation>Votre note est réglée.</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="206"/>
        <source>Would you like your invoice?</source>
        <translation>Voulez-vous votre facture ?</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="207"/>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="208"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="209"/>
        <source>No, thanks</source>
        <translation>Non, merci</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="212"/>
        <source>We have no e-mail address for you. Please choose print.</source>
        <translation>Nous n&apos;avons pas votre e-mail. Choisissez l&apos;impression.</translation>
    </message>
    <message>
        <location filename="../hotel/checkout.py" line="214"/>
        <source>We cannot send an e-mail to the address on your booking. You can have it printed instead.</source>
        <translation>Nous ne pouvons pas envoyer d&apos;e-mail à l&apos;adresse de votre réservation. Vous pouvez l&apos;imprimer à la place.</translation>
    </message>
</context>
<context>
    <name>KeysScreen</name>
    <message>
        <location filename="../hotel/keys.py" line="130"/>
        <source>Your room: %1</source>
        <translation>Votre chambre : %1</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="134"/>
        <source>Getting your room</source>
        <translation>Préparation de votre chambre</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="135"/>
        <source>The hotel&apos;s system is checking you in.</source>
        <translation>Le système de l&apos;hôtel enregistre votre arrivée.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="137"/>
        <source>Your key cards</source>
        <translation>Vos cartes-clés</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="138"/>
        <source>Each card opens your room.</source>
        <translation>Chaque carte ouvre votre chambre.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="141"/>
        <source>Key %1 of %2</source>
        <translation>Clé %1 sur %2</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="145"/>
        <source>Please wait until the key card is ready.</source>
        <translation>Attendez que la carte soit prête.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="147"/>
        <source>Your key cards are ready</source>
        <translation>Vos cartes-clés sont prêtes</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="148"/>
        <source>Please take your key cards.</source>
        <translation>Prenez vos cartes-clés.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="149"/>
        <source>How many key cards would you like?</source>
        <translation>Combien de cartes-clés voulez-vous ?</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="150"/>
        <source>One for each adult is usual.</source>
        <translation>En général, une par adulte.</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="152"/>
        <source>Put a blank card on the encoder</source>
        <translation>Posez une carte vierge sur l&apos;encodeur</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="155"/>
        <source>%1 key cards</source>
        <translation>%1 cartes-clés</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="156"/>
        <source>1 key card</source>
        <translation>1 carte-clé</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="161"/>
        <source>ready</source>
        <translation>prête</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="163"/>
        <source>being made…</source>
        <translation>en cours…</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="165"/>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../hotel/keys.py" line="168"/>
        <source>Key %1: %2</source>
        <translation>Clé %1 : %2</translation>
    </message>
</context>
<context>
    <name>LaneClosedScreen</name>
    <message>
        <location filename="../screens/closed.py" line="74"/>
        <source>This lane is closed</source>
        <translation>Cette caisse est fermée</translation>
    </message>
    <message>
        <location filename="../screens/closed.py" line="75"/>
        <source>Please use another till. Thank you.</source>
        <translation>Veuillez utiliser une autre caisse. Merci.</translation>
    </message>
    <message>
        <location filename="../screens/closed.py" line="77"/>
        <source>This lane is paused</source>
        <translation>Cette caisse est en pause</translation>
    </message>
    <message>
        <location filename="../screens/closed.py" line="79"/>
        <source>Your basket is kept. A member of staff will be with you shortly.</source>
        <translation>Votre panier est conservé. Un employé va s&apos;occuper de vous dans un instant.</translation>
    </message>
    <message>
        <location filename="../screens/closed.py" line="81"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
</context>
<context>
    <name>LaneMessages</name>
    <message>
        <location filename="../messages.py" line="35"/>
        <source>This lane is closed. Please use another till.</source>
        <extracomment>key -&gt; (source text, error). Every key the checkout can emit must be here (tests/ui/test_lane_messages.py reads the domain&apos;s source to check).</extracomment>
        <translation>Cette caisse est fermée. Veuillez utiliser une autre caisse.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="40"/>
        <source>Please pay by card on the card terminal, not at the scanner.</source>
        <translation>Veuillez payer par carte sur le terminal de paiement, pas au lecteur de codes.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="47"/>
        <source>Sorry, that did not work. Help is on the way.</source>
        <translation>Désolé, cela n&apos;a pas fonctionné. L&apos;aide arrive.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="52"/>
        <source>That barcode could not be read. Please scan it again.</source>
        <translation>Ce code-barres n&apos;a pas pu être lu. Veuillez le scanner à nouveau.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="60"/>
        <source>This lane does not take coupons or vouchers. Please ask a member of staff.</source>
        <translation>Cette caisse n&apos;accepte ni les coupons ni les bons d&apos;achat. Demandez de l&apos;aide à un employé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="69"/>
        <source>That code is not a product barcode. Please scan the item&apos;s barcode.</source>
        <translation>Ce code n&apos;est pas le code-barres d&apos;un article. Veuillez scanner le code-barres de l&apos;article.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="78"/>
        <source>Identity documents cannot be read here. Please scan your items.</source>
        <translation>Les pièces d&apos;identité ne peuvent pas être lues ici. Veuillez scanner vos articles.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="86"/>
        <source>This item cannot be sold here. Please put it aside.</source>
        <translation>Cet article ne peut pas être vendu ici. Veuillez le mettre de côté.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="91"/>
        <source>Please finish this step before scanning.</source>
        <translation>Veuillez terminer cette étape avant de scanner.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="95"/>
        <source>There is nothing to weigh.</source>
        <translation>Il n&apos;y a rien à peser.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="98"/>
        <source>That item cannot be changed.</source>
        <translation>Cet article ne peut pas être modifié.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="101"/>
        <source>The item was not added.</source>
        <translation>L&apos;article n&apos;a pas été ajouté.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="104"/>
        <source>The age-restricted item was not added.</source>
        <translation>L&apos;article soumis à une limite d&apos;âge n&apos;a pas été ajouté.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="107"/>
        <source>The item was not added. Please put it aside.</source>
        <translation>L&apos;article n&apos;a pas été ajouté. Veuillez le mettre de côté.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="112"/>
        <source>Put this item aside and keep scanning. An attendant will come.</source>
        <translation>Mettez cet article de côté et continuez à scanner. Un employé va venir.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="119"/>
        <source>The item put aside was not added.</source>
        <translation>L&apos;article mis de côté n&apos;a pas été ajouté.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="123"/>
        <source>The age-restricted items were removed from your basket.</source>
        <translation>Les articles soumis à une limite d&apos;âge ont été retirés de votre panier.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="129"/>
        <source>Loyalty card accepted: member prices apply.</source>
        <translation>Carte de fidélité acceptée : les prix adhérents s&apos;appliquent.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="132"/>
        <source>Your request was not approved.</source>
        <translation>Votre demande n&apos;a pas été acceptée.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="135"/>
        <source>That change could not be made.</source>
        <translation>Cette modification n&apos;a pas pu être faite.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="137"/>
        <source>You can continue.</source>
        <translation>Vous pouvez continuer.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="139"/>
        <source>The payment was not taken. Please pay again.</source>
        <translation>Le paiement n&apos;a pas été encaissé. Veuillez payer à nouveau.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="142"/>
        <source>%1 was paid by card. Please pay the remaining %2.</source>
        <translation>Payé par carte&#xa0;: %1. Veuillez payer le reste, soit %2.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="145"/>
        <source>Payment cancelled. Your card was not charged.</source>
        <translation>Paiement annulé. Votre carte n&apos;a pas été débitée.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="148"/>
        <source>Your request was cancelled. You can continue.</source>
        <translation>Votre demande a été annulée. Vous pouvez continuer.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="152"/>
        <source>Only a member of staff can end this. Help is on the way.</source>
        <translation>Seul un employé peut y mettre fin. L&apos;aide arrive.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="159"/>
        <source>Scan an item before paying.</source>
        <translation>Scannez un article avant de payer.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="162"/>
        <source>Your purchase was cancelled. Nothing was charged.</source>
        <translation>Votre achat a été annulé. Rien n&apos;a été débité.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="166"/>
        <source>The receipt could not be printed. A member of staff is coming.</source>
        <translation>Le ticket n&apos;a pas pu être imprimé. Un employé arrive.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="173"/>
        <source>No item has the code %1. Please check it.</source>
        <translation>Aucun article n&apos;a le code %1. Veuillez le vérifier.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="179"/>
        <source>This item cannot be sold. Please hand it to staff.</source>
        <translation>Cet article ne peut pas être vendu. Veuillez le remettre à un employé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="185"/>
        <source>This item expired on %1 and cannot be sold. A member of staff is coming.</source>
        <translation>Cet article a expiré le %1 et ne peut pas être vendu. Un employé arrive.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="194"/>
        <source>This item can only be sold on %1, %2. Please put it aside.</source>
        <translation>Cet article ne peut être vendu que %1, %2. Veuillez le mettre de côté.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="201"/>
        <source>Already scanned: this pack counts once.</source>
        <translation>Déjà scanné : ce paquet ne compte qu&apos;une fois.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="205"/>
        <source>Already scanned: this pack counts once, at its reduced price (close to its date).</source>
        <translation>Déjà scanné : ce paquet ne compte qu&apos;une fois, à son prix réduit (proche de sa date).</translation>
    </message>
    <message>
        <location filename="../messages.py" line="214"/>
        <source>Please place your items in the bagging area first.</source>
        <translation>Veuillez d&apos;abord placer vos articles dans la zone d&apos;ensachage.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="219"/>
        <source>Please check the bagging area first.</source>
        <translation>Veuillez d&apos;abord vérifier la zone d&apos;ensachage.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="223"/>
        <source>Please put the bagging area right to continue.</source>
        <translation>Veuillez remettre la zone d&apos;ensachage en ordre pour continuer.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="226"/>
        <source>This item needs to go in the bagging area.</source>
        <translation>Cet article doit aller dans la zone d&apos;ensachage.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="230"/>
        <source>OK, keep this item out of the bag.</source>
        <translation>D&apos;accord, gardez cet article hors du sac.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="232"/>
        <source>Thank you. Carry on.</source>
        <translation>Merci. Vous pouvez continuer.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="235"/>
        <source>Coupon accepted: you save %1.</source>
        <translation>Bon accepté : vous économisez %1.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="238"/>
        <source>This coupon has expired.</source>
        <translation>Ce bon a expiré.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="241"/>
        <source>This coupon is not valid yet.</source>
        <translation>Ce bon n&apos;est pas encore valable.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="244"/>
        <source>This coupon is already on your bill.</source>
        <translation>Ce bon figure déjà sur votre ticket.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="248"/>
        <source>This coupon has already been used.</source>
        <translation>Ce bon a déjà été utilisé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="253"/>
        <source>This coupon needs items that are not on your bill. Scan them first.</source>
        <translation>Ce bon demande des articles qui ne sont pas sur votre ticket. Scannez-les d&apos;abord.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="262"/>
        <source>This coupon is not known here. Please ask a member of staff.</source>
        <translation>Ce bon n&apos;est pas reconnu ici. Demandez à un membre du personnel.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="269"/>
        <source>This coupon needs a member of staff.</source>
        <translation>Ce bon nécessite un membre du personnel.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="274"/>
        <source>A coupon no longer applies: the items it needs were removed.</source>
        <translation>Un bon ne s&apos;applique plus : les articles qu&apos;il demande ont été retirés.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="282"/>
        <source>A coupon on your bill has expired (valid until %1) and was taken off.</source>
        <translation>Un bon de votre ticket a expiré (valable jusqu&apos;au %1) et a été retiré.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="290"/>
        <source>Please scan your items first, then the coupon.</source>
        <translation>Scannez d&apos;abord vos articles, puis le bon.</translation>
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
        <translation>mer</translation>
    </message>
    <message>
        <location filename="../messages.py" line="324"/>
        <source>Thu</source>
        <translation>jeu</translation>
    </message>
    <message>
        <location filename="../messages.py" line="325"/>
        <source>Fri</source>
        <translation>ven</translation>
    </message>
    <message>
        <location filename="../messages.py" line="326"/>
        <source>Sat</source>
        <translation>sam</translation>
    </message>
    <message>
        <location filename="../messages.py" line="327"/>
        <source>Sun</source>
        <translation>dim</translation>
    </message>
    <message>
        <location filename="../messages.py" line="329"/>
        <source>every day</source>
        <translation>tous les jours</translation>
    </message>
</context>
<context>
    <name>LineDialog</name>
    <message>
        <location filename="../widgets/line_dialog.py" line="83"/>
        <source>Remove item</source>
        <translation>Retirer l&apos;article</translation>
    </message>
    <message>
        <location filename="../widgets/line_dialog.py" line="84"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../widgets/line_dialog.py" line="85"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../widgets/line_dialog.py" line="87"/>
        <source>Removing items or lowering a quantity needs a member of staff.</source>
        <translation>Retirer un article ou réduire une quantité nécessite un employé.</translation>
    </message>
</context>
<context>
    <name>LoyaltyCardOverlay</name>
    <message>
        <location filename="../widgets/loyalty_card.py" line="90"/>
        <source>Loyalty card</source>
        <translation>Carte de fidélité</translation>
    </message>
    <message>
        <location filename="../widgets/loyalty_card.py" line="92"/>
        <source>Type the 13 digits under the barcode of your card, then touch OK.</source>
        <translation>Saisissez les 13 chiffres sous le code-barres de votre carte, puis touchez OK.</translation>
    </message>
    <message>
        <location filename="../widgets/loyalty_card.py" line="94"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../widgets/loyalty_card.py" line="117"/>
        <source>A loyalty card number has 13 digits.</source>
        <translation>Le numéro de la carte de fidélité a 13 chiffres.</translation>
    </message>
    <message>
        <location filename="../widgets/loyalty_card.py" line="118"/>
        <source>This is not a loyalty card number. Please check the digits.</source>
        <translation>Ce n&apos;est pas un numéro de carte de fidélité. Vérifiez les chiffres.</translation>
    </message>
    <message>
        <location filename="../widgets/loyalty_card.py" line="120"/>
        <source>That looks like a payment card. Please pay with it at the card terminal.</source>
        <translation>Cela ressemble à une carte de paiement. Payez avec elle sur le terminal de paiement.</translation>
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
        <translation>Effacer</translation>
    </message>
</context>
<context>
    <name>OffersScreen</name>
    <message>
        <location filename="../airport/steps.py" line="316"/>
        <source>Anything else for your trip?</source>
        <translation>Autre chose pour votre voyage ?</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="317"/>
        <source>Touch an offer to add it. You pay at the end.</source>
        <translation>Touchez une offre pour l&apos;ajouter. Vous payez à la fin.</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="327"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="327"/>
        <source>No, thanks</source>
        <translation>Non, merci</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../widgets/keyboard.py" line="58"/>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
</context>
<context>
    <name>PassengersScreen</name>
    <message>
        <location filename="../airport/steps.py" line="144"/>
        <source>Who is travelling today?</source>
        <translation>Qui voyage aujourd&apos;hui ?</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="145"/>
        <source>Touch a name to include or leave out that passenger.</source>
        <translation>Touchez un nom pour inclure ou retirer ce passager.</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="149"/>
        <source>child</source>
        <translation>enfant</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="150"/>
        <source>infant</source>
        <translation>bébé</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="156"/>
        <source>Already checked in</source>
        <translation>Déjà enregistré</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="158"/>
        <source>Travelling</source>
        <translation>Voyage</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="160"/>
        <source>Not travelling today</source>
        <translation>Ne voyage pas aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="163"/>
        <source>with infant %1</source>
        <translation>avec le bébé %1</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="166"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>PayScreen</name>
    <message>
        <location filename="../screens/pay.py" line="128"/>
        <source>Amount to pay</source>
        <extracomment>Stages after a payment that took no money: say why, offer &quot;Try again&quot;.</extracomment>
        <translation>Montant à payer</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="129"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="175"/>
        <source>Tap, insert or swipe your card</source>
        <translation>Approchez, insérez ou glissez votre carte</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="176"/>
        <source>Use the card terminal below the screen. Follow its instructions.</source>
        <translation>Utilisez le terminal de paiement sous l&apos;écran. Suivez ses instructions.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="179"/>
        <source>Processing payment…</source>
        <translation>Paiement en cours…</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="180"/>
        <source>Please do not remove your card.</source>
        <translation>Ne retirez pas votre carte.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="183"/>
        <source>Payment declined</source>
        <translation>Paiement refusé</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="184"/>
        <source>Your card was not charged. Try again or use another card.</source>
        <translation>Votre carte n&apos;a pas été débitée. Réessayez ou utilisez une autre carte.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="187"/>
        <source>Payment cancelled on the card terminal</source>
        <translation>Paiement annulé sur le terminal de paiement</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="188"/>
        <source>Your card was not charged. Try again when you are ready.</source>
        <translation>Votre carte n&apos;a pas été débitée. Réessayez quand vous êtes prêt.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="191"/>
        <source>The card terminal did not respond in time</source>
        <translation>Le terminal de paiement n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="192"/>
        <source>Your card was not charged. Please try again.</source>
        <translation>Votre carte n&apos;a pas été débitée. Veuillez réessayer.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="194"/>
        <source>Payment approved</source>
        <translation>Paiement accepté</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="194"/>
        <source>Please remove your card.</source>
        <translation>Retirez votre carte.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="196"/>
        <source>Cancelling payment…</source>
        <translation>Annulation du paiement…</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="197"/>
        <source>Please wait for the terminal.</source>
        <translation>Veuillez patienter&#xa0;: le terminal termine l&apos;opération.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="207"/>
        <source>You save %1</source>
        <translation>Vous économisez %1</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="214"/>
        <source>VAT %1</source>
        <translation>TVA %1</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="240"/>
        <source>Cancel payment</source>
        <translation>Annuler le paiement</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="240"/>
        <source>Back to items</source>
        <translation>Retour aux articles</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <location filename="../airport/finish.py" line="100"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="101"/>
        <source>Pay the fees for your bags and extras by card.</source>
        <translation>Payez par carte les frais de bagages et d&apos;options.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="102"/>
        <source>Amount due</source>
        <translation>Montant dû</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="105"/>
        <source>Extra bag</source>
        <translation>Bagage supplémentaire</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="106"/>
        <source>Overweight bag</source>
        <translation>Excédent de poids</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="107"/>
        <source>Seat</source>
        <translation>Siège</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="108"/>
        <source>Extra</source>
        <translation>Option</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="118"/>
        <source>Touch Pay, then use the card terminal</source>
        <translation>Touchez Payer, puis utilisez le terminal de paiement</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="120"/>
        <source>Processing… please wait</source>
        <translation>Traitement… veuillez patienter</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="122"/>
        <source>Follow the instructions on the card terminal</source>
        <translation>Suivez les instructions du terminal de paiement</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="125"/>
        <source>The payment was declined. No money was taken.</source>
        <translation>Le paiement a été refusé. Aucun montant n&apos;a été débité.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="129"/>
        <source>Try again, or use another card</source>
        <translation>Réessayez ou utilisez une autre carte</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="131"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="134"/>
        <source>Pay %1</source>
        <translation>Payer %1</translation>
    </message>
</context>
<context>
    <name>PickStayScreen</name>
    <message>
        <location filename="../hotel/stay.py" line="54"/>
        <source>Which stay is yours?</source>
        <translation>Quel séjour est le vôtre ?</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="55"/>
        <source>We found more than one booking. Touch yours.</source>
        <translation>Nous avons trouvé plusieurs réservations. Touchez la vôtre.</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../screens/pin.py" line="82"/>
        <source>Staff sign-in</source>
        <translation>Connexion du personnel</translation>
    </message>
    <message>
        <location filename="../screens/pin.py" line="83"/>
        <source>Scan your badge or type your PIN.</source>
        <translation>Scannez votre badge ou saisissez votre code PIN.</translation>
    </message>
    <message>
        <location filename="../screens/pin.py" line="84"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../screens/pin.py" line="87"/>
        <source>Too many attempts. Try again in %1 s.</source>
        <translation>Trop de tentatives. Réessayez dans %1 s.</translation>
    </message>
</context>
<context>
    <name>PrintingScreen</name>
    <message>
        <location filename="../airport/finish.py" line="214"/>
        <source>Printing your documents</source>
        <translation>Impression de vos documents</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="216"/>
        <source>%1 of %2 printed</source>
        <translation>%1 sur %2 imprimé(s)</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="219"/>
        <source>Boarding pass</source>
        <translation>Carte d&apos;embarquement</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="220"/>
        <source>Bag tag</source>
        <translation>Étiquette bagage</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="223"/>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="224"/>
        <source>printing…</source>
        <translation>impression…</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="225"/>
        <source>printed</source>
        <translation>imprimé</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="226"/>
        <source>not printed</source>
        <translation>non imprimé</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="234"/>
        <source>The printer has run out of paper. An agent is coming to help you.</source>
        <translation>L&apos;imprimante n&apos;a plus de papier. Un agent arrive pour vous aider.</translation>
    </message>
    <message>
        <location filename="../airport/finish.py" line="240"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
</context>
<context>
    <name>ProduceScreen</name>
    <message>
        <location filename="../screens/produce.py" line="223"/>
        <location filename="../screens/produce.py" line="240"/>
        <source>Look up item</source>
        <translation>Chercher un article</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="224"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="225"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="226"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="229"/>
        <source>Type the code on the sticker (4 or 5 digits), then touch OK.</source>
        <translation>Saisissez le code de l&apos;étiquette (4 ou 5 chiffres), puis touchez OK.</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="231"/>
        <source>Nothing found. Try another name or ask for help.</source>
        <translation>Aucun résultat. Essayez un autre nom ou demandez de l&apos;aide.</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="232"/>
        <source>per kg</source>
        <translation>/kg</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="240"/>
        <source>Touch a picture, or search by name or code.</source>
        <translation>Touchez une image, ou cherchez par nom ou par code.</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="295"/>
        <source>Type a name…</source>
        <translation>Saisissez un nom…</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="298"/>
        <source>Type a code…</source>
        <translation>Saisissez un code…</translation>
    </message>
</context>
<context>
    <name>QuestionsScreen</name>
    <message>
        <location filename="../airport/steps.py" line="242"/>
        <source>Safety questions</source>
        <extracomment>The airline&apos;s safety questions this kiosk knows the words of (key -&gt; text).</extracomment>
        <translation>Questions de sécurité</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="244"/>
        <source>Question %1 of %2</source>
        <translation>Question %1 sur %2</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="250"/>
        <source>Are you carrying any dangerous goods?</source>
        <translation>Transportez-vous des marchandises dangereuses ?</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="252"/>
        <source>For example: fireworks, gas canisters, flammable liquids, or spare lithium batteries in your checked bags.</source>
        <translation>Par exemple : feux d&apos;artifice, cartouches de gaz, liquides inflammables ou batteries au lithium de rechange dans vos bagages en soute.</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="257"/>
        <source>Did you pack your bags yourself?</source>
        <translation>Avez-vous fait vos bagages vous-même ?</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="258"/>
        <source>And have they been with you since you packed them?</source>
        <translation>Et sont-ils restés avec vous depuis ?</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="262"/>
        <source>Please answer the airline&apos;s question</source>
        <translation>Répondez à la question de la compagnie</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="266"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../airport/steps.py" line="267"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../screens/receipt.py" line="135"/>
        <source>Would you like a receipt?</source>
        <translation>Souhaitez-vous un ticket&#xa0;?</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="138"/>
        <source>Paid: %1</source>
        <translation>Payé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="142"/>
        <source>Print receipt</source>
        <translation>Imprimer le ticket</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="143"/>
        <source>E-receipt</source>
        <translation>Ticket numérique</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="144"/>
        <source>No receipt</source>
        <translation>Pas de ticket</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="146"/>
        <source>Scan this code with your phone to get your receipt.</source>
        <translation>Scannez ce code avec votre téléphone pour obtenir votre ticket.</translation>
    </message>
    <message>
        <location filename="../screens/receipt.py" line="147"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>RegistrationScreen</name>
    <message>
        <location filename="../hotel/registration.py" line="146"/>
        <source>Registration card</source>
        <translation>Fiche d&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="147"/>
        <source>Please read the terms of your stay and sign.</source>
        <translation>Lisez les conditions de votre séjour et signez.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="152"/>
        <source>The room is yours from 15:00 on the day of arrival until 11:00 on the day of departure.</source>
        <translation>La chambre est à vous de 15 h le jour d&apos;arrivée jusqu&apos;à 11 h le jour du départ.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="156"/>
        <source>The guests named on this card stay in the room. Any other person staying the night must be registered at the front desk.</source>
        <translation>Les clients nommés sur cette fiche occupent la chambre. Toute autre personne qui y passe la nuit doit être enregistrée à la réception.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="160"/>
        <source>A deposit is held on your card for extras and damage. It is released or charged at check-out.</source>
        <translation>Une caution est bloquée sur votre carte pour les extras et les dégâts. Elle est libérée ou débitée au départ.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="164"/>
        <source>Smoking is not allowed in the rooms. A cleaning fee is charged if this rule is broken.</source>
        <translation>Il est interdit de fumer dans les chambres. Des frais de nettoyage sont facturés en cas d&apos;infraction.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="168"/>
        <source>The hotel keeps your registration data as the law requires and shares it only with the authorities who ask for it by law.</source>
        <translation>L&apos;hôtel conserve vos données d&apos;enregistrement comme la loi l&apos;exige et ne les transmet qu&apos;aux autorités qui les demandent légalement.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="171"/>
        <source>By signing you accept these terms.</source>
        <translation>En signant, vous acceptez ces conditions.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="175"/>
        <source>Sign here with your finger</source>
        <translation>Signez ici avec le doigt</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="176"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="177"/>
        <source>Sign</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="178"/>
        <source>Thank you for signing.</source>
        <translation>Merci d&apos;avoir signé.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="179"/>
        <source>Would you like a copy?</source>
        <translation>Voulez-vous une copie ?</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="180"/>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="181"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="182"/>
        <source>No, thanks</source>
        <translation>Non, merci</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="184"/>
        <location filename="../hotel/registration.py" line="185"/>
        <source>Please sign in the box.</source>
        <translation>Signez dans le cadre.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="186"/>
        <source>We have no e-mail address for you. Please choose print.</source>
        <translation>Nous n&apos;avons pas votre e-mail. Choisissez l&apos;impression.</translation>
    </message>
    <message>
        <location filename="../hotel/registration.py" line="188"/>
        <source>We cannot send an e-mail to the address on your booking. You can have it printed instead.</source>
        <translation>Nous ne pouvons pas envoyer d&apos;e-mail à l&apos;adresse de votre réservation. Vous pouvez l&apos;imprimer à la place.</translation>
    </message>
</context>
<context>
    <name>ScanningScreen</name>
    <message>
        <location filename="../screens/scanning.py" line="184"/>
        <source>Please take the removed item out of the bag</source>
        <translation>Veuillez retirer du sac l&apos;article supprimé</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="186"/>
        <source>Place the item in the bagging area</source>
        <translation>Placez l&apos;article dans la zone d&apos;ensachage</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="223"/>
        <source>Your items</source>
        <translation>Vos articles</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="224"/>
        <source>Scan your first item</source>
        <translation>Scannez votre premier article</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="225"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="226"/>
        <source>Look up item</source>
        <translation>Chercher un article</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="227"/>
        <source>Loyalty card</source>
        <translation>Carte de fidélité</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="228"/>
        <source>Pay</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="229"/>
        <source>Skip bagging</source>
        <translation>Ne pas ensacher</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="230"/>
        <source>Totals and VAT</source>
        <translation>Totaux et TVA</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="237"/>
        <source>Scan your items. When you are done, touch Pay.</source>
        <translation>Scannez vos articles. Quand vous avez fini, touchez Payer.</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="269"/>
        <source>Items: %1</source>
        <translation>Articles&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="273"/>
        <source>Includes deposit %1</source>
        <translation>Dont consigne %1</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="281"/>
        <source>Added: %1</source>
        <translation>Ajouté&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="293"/>
        <source>Subtotal %1</source>
        <translation>Sous-total %1</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="295"/>
        <source>Savings -%1</source>
        <translation>Économies -%1</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="300"/>
        <source>VAT %1</source>
        <translation>TVA %1</translation>
    </message>
</context>
<context>
    <name>ScrollButtons</name>
    <message>
        <location filename="../widgets/kinetic.py" line="105"/>
        <source>Scroll up</source>
        <extracomment>Seconds a press waits before reaching the widget under it (a drag in that time scrolls). Share of the visible height one scroll button press moves the list. Width of the scroll buttons (px): a thumb&apos;s width and more.</extracomment>
        <translation>Défiler vers le haut</translation>
    </message>
    <message>
        <location filename="../widgets/kinetic.py" line="106"/>
        <source>Scroll down</source>
        <translation>Défiler vers le bas</translation>
    </message>
</context>
<context>
    <name>SeatsScreen</name>
    <message>
        <location filename="../airport/seats.py" line="299"/>
        <source>Your seats</source>
        <translation>Vos sièges</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="300"/>
        <source>Keep these seats, or touch a free seat to change.</source>
        <translation>Gardez ces sièges ou touchez un siège libre pour changer.</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="301"/>
        <source>EXIT</source>
        <translation>SORTIE</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="305"/>
        <source>Changing the seat of: %1</source>
        <translation>Changement du siège de : %1</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="309"/>
        <source>no seat yet</source>
        <translation>pas encore de siège</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="317"/>
        <source>Seat %1 costs %2.</source>
        <translation>Le siège %1 coûte %2.</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="324"/>
        <source>Sorry, someone has just taken that seat.</source>
        <translation>Désolé, quelqu&apos;un vient de prendre ce siège.</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="329"/>
        <source>Seat %1 is in an exit row.</source>
        <translation>Le siège %1 est dans une rangée d&apos;issue de secours.</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="333"/>
        <source>In an emergency you would help open the exit. Are you able and willing to help, over 15 and not travelling with an infant?</source>
        <translation>En cas d&apos;urgence, vous aideriez à ouvrir l&apos;issue. Êtes-vous apte et disposé à aider, âgé de plus de 15 ans et sans bébé ?</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="337"/>
        <source>Yes, I am able and willing</source>
        <translation>Oui, je suis apte et disposé</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="338"/>
        <source>No, another seat</source>
        <translation>Non, un autre siège</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="340"/>
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="341"/>
        <source>Taken</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="342"/>
        <source>Extra legroom</source>
        <translation>Espace supplémentaire pour les jambes</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="343"/>
        <source>Exit row</source>
        <translation>Rangée d&apos;issue de secours</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="344"/>
        <source>Your party&apos;s seats</source>
        <translation>Sièges de votre groupe</translation>
    </message>
    <message>
        <location filename="../airport/seats.py" line="348"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>StaffIdKeyboard</name>
    <message>
        <location filename="../attendant/widgets.py" line="87"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location filename="../attendant/widgets.py" line="88"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
</context>
<context>
    <name>StationNotice</name>
    <message>
        <location filename="../station_notice.py" line="30"/>
        <source>%1 is on the way.</source>
        <translation>%1 arrive pour vous aider.</translation>
    </message>
    <message>
        <location filename="../station_notice.py" line="33"/>
        <source>Help is on the way.</source>
        <translation>De l&apos;aide arrive.</translation>
    </message>
</context>
<context>
    <name>StayScreen</name>
    <message>
        <location filename="../hotel/stay.py" line="122"/>
        <source>Your stay</source>
        <translation>Votre séjour</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="123"/>
        <source>Please check that this is your booking.</source>
        <translation>Vérifiez qu&apos;il s&apos;agit bien de votre réservation.</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="125"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="126"/>
        <source>Room</source>
        <translation>Chambre</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="127"/>
        <source>Guests</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="128"/>
        <source>Rate</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="129"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="130"/>
        <source>Already paid</source>
        <translation>Déjà payé</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="131"/>
        <source>To pay now</source>
        <translation>À payer maintenant</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="137"/>
        <source>%1 nights</source>
        <translation>%1 nuits</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="139"/>
        <source>1 night</source>
        <translation>1 nuit</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="143"/>
        <source>%1 adults</source>
        <translation>%1 adultes</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="145"/>
        <source>%1 children</source>
        <translation>%1 enfants</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="152"/>
        <source>and a deposit of %1 held on your card</source>
        <translation>et une caution de %1 bloquée sur votre carte</translation>
    </message>
    <message>
        <location filename="../hotel/stay.py" line="159"/>
        <source>This is my booking</source>
        <translation>C&apos;est ma réservation</translation>
    </message>
</context>
<context>
    <name>StillThereDialog</name>
    <message>
        <location filename="../widgets/dialogs.py" line="57"/>
        <source>Are you still there?</source>
        <translation>Êtes-vous toujours là&#xa0;?</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="60"/>
        <source>Touch the screen to keep shopping. Otherwise your basket is kept for our staff.</source>
        <translation>Touchez l&apos;écran pour continuer vos achats. Sinon, votre panier sera conservé pour le personnel.</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="64"/>
        <source>Yes, I&apos;m still here</source>
        <translation>Oui, je suis là</translation>
    </message>
</context>
<context>
    <name>ThanksScreen</name>
    <message>
        <location filename="../screens/thanks.py" line="95"/>
        <source>Thank you!</source>
        <translation>Merci&#xa0;!</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="99"/>
        <source>You paid %1.</source>
        <translation>Vous avez payé %1.</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="102"/>
        <source>Please take your receipt.</source>
        <translation>N&apos;oubliez pas votre ticket.</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="103"/>
        <source>Don&apos;t forget your bags.</source>
        <translation>N&apos;oubliez pas vos sacs.</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="106"/>
        <source>Thanks for your feedback!</source>
        <translation>Merci pour votre avis&#xa0;!</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="108"/>
        <source>How was your visit today?</source>
        <translation>Comment s&apos;est passée votre visite&#xa0;?</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="110"/>
        <source>Not good</source>
        <translation>Pas bien</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="110"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="110"/>
        <source>Great</source>
        <translation>Très bien</translation>
    </message>
    <message>
        <location filename="../screens/thanks.py" line="113"/>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../widgets/topbar.py" line="101"/>
        <source>Self-checkout</source>
        <translation>Caisse libre-service</translation>
    </message>
    <message>
        <location filename="../widgets/topbar.py" line="102"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../widgets/topbar.py" line="103"/>
        <source>Accessibility</source>
        <translation>Accessibilité</translation>
    </message>
</context>
<context>
    <name>TotalsOverlay</name>
    <message>
        <location filename="../widgets/totals_panel.py" line="76"/>
        <source>Your totals</source>
        <translation>Vos totaux</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="77"/>
        <source>Back to items</source>
        <translation>Retour aux articles</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="78"/>
        <source>Pay</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="101"/>
        <source>Subtotal</source>
        <translation>Sous-total</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="103"/>
        <source>Savings</source>
        <translation>Économies</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="105"/>
        <source>Deposit</source>
        <translation>Caution</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="106"/>
        <source>VAT %1</source>
        <translation>TVA %1</translation>
    </message>
    <message>
        <location filename="../widgets/totals_panel.py" line="106"/>
        <source>Tax %1</source>
        <translation>Taxe %1</translation>
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
        <translation>Touchez votre commune :</translation>
    </message>
    <message>
        <location filename="../hotel/towns.py" line="160"/>
        <source>No town of this postal code&apos;s province starts like that.</source>
        <translation>Aucune commune de la province de ce code postal ne commence ainsi.</translation>
    </message>
</context>
<context>
    <name>WeighScreen</name>
    <message>
        <location filename="../screens/weigh.py" line="103"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../screens/weigh.py" line="125"/>
        <location filename="../screens/weigh.py" line="132"/>
        <source>Place the item on the scale</source>
        <translation>Posez l&apos;article sur la balance</translation>
    </message>
    <message>
        <location filename="../screens/weigh.py" line="134"/>
        <source>Weight OK</source>
        <translation>Poids correct</translation>
    </message>
    <message>
        <location filename="../screens/weigh.py" line="136"/>
        <source>Weighing… keep the item still</source>
        <translation>Pesée en cours… ne bougez pas l&apos;article</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../hotel/find.py" line="88"/>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="89"/>
        <source>What would you like to do?</source>
        <translation>Que souhaitez-vous faire ?</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="90"/>
        <source>Check in</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="91"/>
        <source>Check out</source>
        <translation>Départ</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="92"/>
        <source>My key does not work</source>
        <translation>Ma clé ne marche pas</translation>
    </message>
    <message>
        <location filename="../hotel/find.py" line="94"/>
        <source>Arriving? Put your ID on the reader, or scan the QR code of your booking.</source>
        <translation>Vous arrivez ? Posez votre pièce d&apos;identité sur le lecteur ou scannez le code QR de votre réservation.</translation>
    </message>
</context>
<context>
    <name>_LineRow</name>
    <message>
        <location filename="../attendant/basket.py" line="75"/>
        <source>Qty</source>
        <extracomment>Below this width the line keys go under the line instead of beside it (or below the width the keys and the line&apos;s texts need side by side, if that is more).</extracomment>
        <translation>Qté</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="76"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="77"/>
        <source>Void</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="83"/>
        <source>voided</source>
        <translation>annulée</translation>
    </message>
</context>
</TS>
