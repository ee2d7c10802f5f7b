<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccessibilityPanel</name>
    <message>
        <location filename="../widgets/dialogs.py" line="123"/>
        <source>Accessibility</source>
        <translation>Accessibilité</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="124"/>
        <source>On</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="124"/>
        <source>Off</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="127"/>
        <source>Large text: %1</source>
        <translation>Texte agrandi&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="130"/>
        <source>High contrast: %1</source>
        <translation>Contraste élevé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="132"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>AttendantDashboard</name>
    <message>
        <location filename="../attendant/dashboard.py" line="239"/>
        <source>Attendant: %1 (%2)</source>
        <extracomment>The role grant the approving key of a decision needs (others: checked by the service).</extracomment>
        <translation>Personnel&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="243"/>
        <source>Lane closed</source>
        <translation>Caisse fermée</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="243"/>
        <source>Lane open</source>
        <translation>Caisse ouverte</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="245"/>
        <source>Lane paused, basket kept</source>
        <translation>Caisse en pause, panier conservé</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="247"/>
        <source>Done.</source>
        <translation>Fait.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="248"/>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="250"/>
        <location filename="../attendant/dashboard.py" line="304"/>
        <source>Cancel sale</source>
        <translation>Annuler la vente</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="251"/>
        <source>Suspend</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="252"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="253"/>
        <source>Reprint receipt</source>
        <translation>Réimprimer</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="255"/>
        <source>Open lane</source>
        <translation>Ouvrir la caisse</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="255"/>
        <source>Close lane</source>
        <translation>Fermer la caisse</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="257"/>
        <source>Clear device fault</source>
        <translation>Lever l&apos;incident</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="258"/>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="259"/>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="260"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="273"/>
        <source>Age check</source>
        <translation>Contrôle de l&apos;âge</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="274"/>
        <source>Unknown item</source>
        <translation>Article inconnu</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="275"/>
        <source>Quantity limit</source>
        <translation>Limite de quantité</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="276"/>
        <source>Remove an item</source>
        <translation>Retirer un article</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="277"/>
        <source>Price change</source>
        <translation>Changement de prix</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="278"/>
        <source>Shopper asked for help</source>
        <translation>Le client demande de l&apos;aide</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="279"/>
        <location filename="../attendant/dashboard.py" line="407"/>
        <source>Payment problem</source>
        <translation>Problème de paiement</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="280"/>
        <source>Payment outcome unknown</source>
        <translation>Résultat du paiement inconnu</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="281"/>
        <source>Device fault</source>
        <translation>Incident matériel</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="284"/>
        <source>Nothing is waiting for you.</source>
        <translation>Rien n&apos;est en attente.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="298"/>
        <source>Needs age %1 or over.</source>
        <translation>Âge minimum&#xa0;: %1 ans.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="302"/>
        <source>Key in the item</source>
        <translation>Saisir l&apos;article</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="302"/>
        <source>Set aside</source>
        <translation>Mettre de côté</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="303"/>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="303"/>
        <source>Not paid</source>
        <translation>Non payé</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="304"/>
        <source>Resume basket</source>
        <translation>Reprendre le panier</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="305"/>
        <source>Fault fixed</source>
        <translation>Incident résolu</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="306"/>
        <source>Help given</source>
        <translation>Aide apportée</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="307"/>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="309"/>
        <source>ID seen</source>
        <translation>Pièce vue</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="310"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="307"/>
        <source>Deny</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="289"/>
        <source>Basket on hold</source>
        <translation>Panier en attente</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="294"/>
        <source>Nobody answered “Are you still there?”. Resume the basket for the shopper, or cancel the sale.</source>
        <translation>Personne n&apos;a répondu à «&#xa0;Êtes-vous toujours là&#xa0;?&#xa0;». Reprenez le panier pour le client ou annulez la vente.</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="315"/>
        <source>attendant</source>
        <translation>agent</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="316"/>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="317"/>
        <source>manager</source>
        <translation>responsable</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="318"/>
        <source>technician</source>
        <translation>technicien</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="328"/>
        <source>%1 sales, %2</source>
        <translation>Ventes&#xa0;: %1, %2</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="331"/>
        <source>%1 cancelled</source>
        <translation>Annulées&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="368"/>
        <source>New quantity for line %1</source>
        <translation>Nouvelle quantité pour la ligne %1</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="373"/>
        <source>Damaged</source>
        <translation>Abîmé</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="374"/>
        <source>Shelf price</source>
        <translation>Prix en rayon</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="375"/>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="376"/>
        <source>Manager discount</source>
        <translation>Remise du responsable</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="379"/>
        <source>New unit price for line %1</source>
        <translation>Nouveau prix unitaire pour la ligne %1</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="387"/>
        <source>Barcode or PLU of the item</source>
        <translation>Code-barres ou PLU de l&apos;article</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="402"/>
        <source>Date of birth (DD MM YYYY)</source>
        <translation>Date de naissance (JJ MM AAAA)</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="406"/>
        <source>Shopper left</source>
        <translation>Le client est parti</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="408"/>
        <source>Wrong items</source>
        <translation>Mauvais articles</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="409"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../attendant/dashboard.py" line="413"/>
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
    <name>BasketPanel</name>
    <message>
        <location filename="../attendant/basket.py" line="193"/>
        <source>Basket: %1 items</source>
        <translation>Panier (articles&#xa0;: %1)</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="196"/>
        <source>The basket is empty.</source>
        <translation>Le panier est vide.</translation>
    </message>
</context>
<context>
    <name>CartRow</name>
    <message>
        <location filename="../widgets/cart.py" line="59"/>
        <source>Removed</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="61"/>
        <source>price changed by staff</source>
        <translation>prix modifié par le personnel</translation>
    </message>
    <message>
        <location filename="../widgets/cart.py" line="69"/>
        <source>Deposit</source>
        <translation>Consigne</translation>
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
        <location filename="device_terms.py" line="41"/>
        <source>scanner</source>
        <translation>lecteur</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="42"/>
        <source>printer</source>
        <translation>imprimante</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="43"/>
        <source>scale</source>
        <translation>balance</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="44"/>
        <source>camera</source>
        <translation>caméra</translation>
    </message>
    <message>
        <location filename="device_terms.py" line="45"/>
        <source>card terminal</source>
        <translation>terminal de paiement</translation>
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
    <name>HelpBanner</name>
    <message>
        <location filename="../widgets/dialogs.py" line="171"/>
        <source>Help is on the way. A member of staff has been called and will be with you in a moment; the light above your till is flashing.</source>
        <translation>L&apos;aide arrive. Un employé a été appelé et sera là dans un instant&#xa0;; le voyant au-dessus de votre caisse clignote.</translation>
    </message>
    <message>
        <location filename="../widgets/dialogs.py" line="176"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
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
        <location filename="../screens/intervention.py" line="184"/>
        <source>Selling is paused. Please wait; help is on the way.</source>
        <translation>La vente est en pause. Patientez, l&apos;aide arrive.</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="185"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="186"/>
        <source>Cancel my request</source>
        <translation>Annuler ma demande</translation>
    </message>
    <message>
        <location filename="../screens/intervention.py" line="192"/>
        <source>this item</source>
        <translation>cet article</translation>
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
        <location filename="../messages.py" line="34"/>
        <source>This lane is closed. Please use another till.</source>
        <extracomment>key -&gt; (source text, error). Every key the checkout can emit must be here (tests/ui/test_lane_messages.py reads the domain&apos;s source to check).</extracomment>
        <translation>Cette caisse est fermée. Veuillez utiliser une autre caisse.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="39"/>
        <source>Please pay by card on the card terminal, not at the scanner.</source>
        <translation>Veuillez payer par carte sur le terminal de paiement, pas au lecteur de codes.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="46"/>
        <source>Sorry, that did not work. Help is on the way.</source>
        <translation>Désolé, cela n&apos;a pas fonctionné. L&apos;aide arrive.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="51"/>
        <source>That barcode could not be read. Please scan it again.</source>
        <translation>Ce code-barres n&apos;a pas pu être lu. Veuillez le scanner à nouveau.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="59"/>
        <source>This lane does not take coupons or vouchers. Please ask a member of staff.</source>
        <translation>Cette caisse n&apos;accepte ni les coupons ni les bons d&apos;achat. Demandez de l&apos;aide à un employé.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="68"/>
        <source>That code is not a product barcode. Please scan the item&apos;s barcode.</source>
        <translation>Ce code n&apos;est pas le code-barres d&apos;un article. Veuillez scanner le code-barres de l&apos;article.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="77"/>
        <source>Identity documents cannot be read here. Please scan your items.</source>
        <translation>Les pièces d&apos;identité ne peuvent pas être lues ici. Veuillez scanner vos articles.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="85"/>
        <source>This item cannot be sold here. Please put it aside.</source>
        <translation>Cet article ne peut pas être vendu ici. Veuillez le mettre de côté.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="90"/>
        <source>Please finish this step before scanning.</source>
        <translation>Veuillez terminer cette étape avant de scanner.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="94"/>
        <source>There is nothing to weigh.</source>
        <translation>Il n&apos;y a rien à peser.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="97"/>
        <source>That item cannot be changed.</source>
        <translation>Cet article ne peut pas être modifié.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="100"/>
        <source>The item was not added.</source>
        <translation>L&apos;article n&apos;a pas été ajouté.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="103"/>
        <source>The age-restricted item was not added.</source>
        <translation>L&apos;article soumis à une limite d&apos;âge n&apos;a pas été ajouté.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="106"/>
        <source>The item was not added. Please put it aside.</source>
        <translation>L&apos;article n&apos;a pas été ajouté. Veuillez le mettre de côté.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="109"/>
        <source>Your request was not approved.</source>
        <translation>Votre demande n&apos;a pas été acceptée.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="112"/>
        <source>That change could not be made.</source>
        <translation>Cette modification n&apos;a pas pu être faite.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="114"/>
        <source>You can continue.</source>
        <translation>Vous pouvez continuer.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="116"/>
        <source>The payment was not taken. Please pay again.</source>
        <translation>Le paiement n&apos;a pas été encaissé. Veuillez payer à nouveau.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="119"/>
        <source>%1 was paid by card. Please pay the remaining %2.</source>
        <translation>Payé par carte&#xa0;: %1. Veuillez payer le reste, soit %2.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="122"/>
        <source>Payment cancelled. Your card was not charged.</source>
        <translation>Paiement annulé. Votre carte n&apos;a pas été débitée.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="125"/>
        <source>Your request was cancelled. You can continue.</source>
        <translation>Votre demande a été annulée. Vous pouvez continuer.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="129"/>
        <source>Only a member of staff can end this. Help is on the way.</source>
        <translation>Seul un employé peut y mettre fin. L&apos;aide arrive.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="136"/>
        <source>Scan an item before paying.</source>
        <translation>Scannez un article avant de payer.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="139"/>
        <source>Your purchase was cancelled. Nothing was charged.</source>
        <translation>Votre achat a été annulé. Rien n&apos;a été débité.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="143"/>
        <source>The receipt could not be printed. A member of staff is coming.</source>
        <translation>Le ticket n&apos;a pas pu être imprimé. Un employé arrive.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="150"/>
        <source>No item has the code %1. Please check it.</source>
        <translation>Aucun article n&apos;a le code %1. Veuillez le vérifier.</translation>
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
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../widgets/keyboard.py" line="58"/>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
</context>
<context>
    <name>PayScreen</name>
    <message>
        <location filename="../screens/pay.py" line="122"/>
        <source>Amount to pay</source>
        <extracomment>Stages after a payment that took no money: say why, offer &quot;Try again&quot;.</extracomment>
        <translation>Montant à payer</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="123"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="169"/>
        <source>Tap, insert or swipe your card</source>
        <translation>Approchez, insérez ou glissez votre carte</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="170"/>
        <source>Use the card terminal below the screen. Follow its instructions.</source>
        <translation>Utilisez le terminal de paiement sous l&apos;écran. Suivez ses instructions.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="173"/>
        <source>Processing payment…</source>
        <translation>Paiement en cours…</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="174"/>
        <source>Please do not remove your card.</source>
        <translation>Ne retirez pas votre carte.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="177"/>
        <source>Payment declined</source>
        <translation>Paiement refusé</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="178"/>
        <source>Your card was not charged. Try again or use another card.</source>
        <translation>Votre carte n&apos;a pas été débitée. Réessayez ou utilisez une autre carte.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="181"/>
        <source>Payment cancelled on the card terminal</source>
        <translation>Paiement annulé sur le terminal de paiement</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="182"/>
        <source>Your card was not charged. Try again when you are ready.</source>
        <translation>Votre carte n&apos;a pas été débitée. Réessayez quand vous êtes prêt.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="185"/>
        <source>The card terminal did not respond in time</source>
        <translation>Le terminal de paiement n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="186"/>
        <source>Your card was not charged. Please try again.</source>
        <translation>Votre carte n&apos;a pas été débitée. Veuillez réessayer.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="188"/>
        <source>Payment approved</source>
        <translation>Paiement accepté</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="188"/>
        <source>Please remove your card.</source>
        <translation>Retirez votre carte.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="190"/>
        <source>Cancelling payment…</source>
        <translation>Annulation du paiement…</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="191"/>
        <source>Please wait for the terminal.</source>
        <translation>Veuillez patienter&#xa0;: le terminal termine l&apos;opération.</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="222"/>
        <source>Cancel payment</source>
        <translation>Annuler le paiement</translation>
    </message>
    <message>
        <location filename="../screens/pay.py" line="222"/>
        <source>Back to items</source>
        <translation>Retour aux articles</translation>
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
    <name>ProduceScreen</name>
    <message>
        <location filename="../screens/produce.py" line="194"/>
        <location filename="../screens/produce.py" line="211"/>
        <source>Look up item</source>
        <translation>Chercher un article</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="195"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="196"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="197"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="200"/>
        <source>Type the code on the sticker (4 or 5 digits), then touch OK.</source>
        <translation>Saisissez le code de l&apos;étiquette (4 ou 5 chiffres), puis touchez OK.</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="202"/>
        <source>Nothing found. Try another name or ask for help.</source>
        <translation>Aucun résultat. Essayez un autre nom ou demandez de l&apos;aide.</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="203"/>
        <source>per kg</source>
        <translation>/kg</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="211"/>
        <source>Touch a picture, or search by name or code.</source>
        <translation>Touchez une image, ou cherchez par nom ou par code.</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="259"/>
        <source>Type a name…</source>
        <translation>Saisissez un nom…</translation>
    </message>
    <message>
        <location filename="../screens/produce.py" line="262"/>
        <source>Type a code…</source>
        <translation>Saisissez un code…</translation>
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
    <name>ScanningScreen</name>
    <message>
        <location filename="../screens/scanning.py" line="159"/>
        <source>Your items</source>
        <translation>Vos articles</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="160"/>
        <source>Scan your first item</source>
        <translation>Scannez votre premier article</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="161"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="162"/>
        <source>Look up item</source>
        <translation>Chercher un article</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="163"/>
        <source>Pay</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="169"/>
        <source>Scan your items. When you are done, touch Pay.</source>
        <translation>Scannez vos articles. Quand vous avez fini, touchez Payer.</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="198"/>
        <source>Items: %1</source>
        <translation>Articles&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="202"/>
        <source>Includes deposit %1</source>
        <translation>Dont consigne %1</translation>
    </message>
    <message>
        <location filename="../screens/scanning.py" line="209"/>
        <source>Added: %1</source>
        <translation>Ajouté&#xa0;: %1</translation>
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
    <name>_LineRow</name>
    <message>
        <location filename="../attendant/basket.py" line="74"/>
        <source>Qty</source>
        <extracomment>Below this width the line keys go under the line instead of beside it (or below the width the keys and the line&apos;s texts need side by side, if that is more).</extracomment>
        <translation>Qté</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="75"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="76"/>
        <source>Void</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../attendant/basket.py" line="82"/>
        <source>voided</source>
        <translation>annulée</translation>
    </message>
</context>
</TS>
