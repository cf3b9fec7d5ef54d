<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccountPicker</name>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Use another account</source>
        <translation>Utiliser un autre compte</translation>
    </message>
</context>
<context>
    <name>DeviceCodeView</name>
    <message>
        <source>The code expires in %1:%2.</source>
        <translation>Le code expire dans %1:%2.</translation>
    </message>
    <message>
        <source>Sign in on another device</source>
        <translation>Se connecter sur un autre appareil</translation>
    </message>
    <message>
        <source>On a phone or computer, open %1 and enter this code:</source>
        <translation>Sur un téléphone ou un ordinateur, ouvrez %1 et saisissez ce code :</translation>
    </message>
    <message>
        <source>Code to enter: %1</source>
        <translation>Code à saisir : %1</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>&amp;Copier le code</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>MsalQt::Quick::PublicClientApplication</name>
    <message>
        <source>Set the application&apos;s client id (clientId) to sign in.</source>
        <translation>Indiquez l&apos;identifiant client de l&apos;application (clientId) pour vous connecter.</translation>
    </message>
    <message>
        <source>The sign-in page needs a SignInView or a SignInAgent; %1 is neither.</source>
        <translation>La page de connexion a besoin d&apos;une SignInView ou d&apos;un SignInAgent ; %1 n&apos;est ni l&apos;un ni l&apos;autre.</translation>
    </message>
    <message>
        <source>The option &quot;account&quot; must be an account of the application.</source>
        <translation>L&apos;option « account » doit être un compte de l&apos;application.</translation>
    </message>
    <message>
        <source>The prompt &quot;%1&quot; is not one of select_account, login, consent, none and create.</source>
        <translation>L&apos;invite « %1 » n&apos;est pas l&apos;une de select_account, login, consent, none et create.</translation>
    </message>
    <message>
        <source>The option &quot;maxAge&quot; must be a number of seconds from 0 to a century.</source>
        <translation>L&apos;option « maxAge » doit être un nombre de secondes entre 0 et un siècle.</translation>
    </message>
    <message>
        <source>The sign-in has no option &quot;%1&quot;.</source>
        <translation>La connexion n&apos;a pas d&apos;option « %1 ».</translation>
    </message>
</context>
<context>
    <name>MsalQt::Quick::QmlTokenRequest</name>
    <message>
        <source>The request was stopped before it finished.</source>
        <translation>La demande a été arrêtée avant d&apos;aboutir.</translation>
    </message>
</context>
<context>
    <name>MsalQt::Quick::SignInViewAgent</name>
    <message>
        <source>The sign-in page was closed.</source>
        <translation>La page de connexion a été fermée.</translation>
    </message>
    <message>
        <source>The sign-in page has no web view to show it in.</source>
        <translation>La page de connexion n&apos;a pas de vue web où s&apos;afficher.</translation>
    </message>
</context>
<context>
    <name>MsalQt::WebEngine::SignInGuard</name>
    <message>
        <source>The certificate of %1 is not trusted (%2), so the sign-in was stopped. If this network intercepts secure connections (a company proxy, a hotel or public Wi-Fi), sign in on another network or ask its administrator.</source>
        <translation>Le certificat de %1 n’est pas reconnu (%2) ; la connexion a donc été arrêtée. Si ce réseau intercepte les connexions sécurisées (proxy d’entreprise, Wi-Fi d’hôtel ou public), connectez-vous sur un autre réseau ou demandez à son administrateur.</translation>
    </message>
    <message>
        <source>The page of %1 could not be loaded: %2</source>
        <translation>La page de %1 n’a pas pu être chargée : %2</translation>
    </message>
    <message>
        <source>The sign-in page stopped unexpectedly.</source>
        <translation>La page de connexion s’est arrêtée de façon inattendue.</translation>
    </message>
    <message>
        <source>The sign-in page tried to open %1 without encryption, so the sign-in was stopped to protect your password. Try again; if this keeps happening, tell the administrator of the sign-in service.</source>
        <translation>La page de connexion a voulu ouvrir %1 sans chiffrement ; la connexion a donc été arrêtée pour protéger votre mot de passe. Réessayez ; si cela se reproduit, prévenez l’administrateur du service de connexion.</translation>
    </message>
    <message>
        <source>The sign-in page tried to open another application (a &quot;%1:&quot; link), which a sign-in in this window cannot do, so the sign-in was stopped. Try again, or sign in with the system browser.</source>
        <translation>La page de connexion a voulu ouvrir une autre application (un lien « %1: »), ce qu’une connexion dans cette fenêtre ne peut pas faire ; la connexion a donc été arrêtée. Réessayez, ou connectez-vous avec le navigateur du système.</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Sign-in page</source>
        <translation>Page de connexion</translation>
    </message>
    <message>
        <source>Page loading progress</source>
        <translation>Progression du chargement de la page</translation>
    </message>
</context>
</TS>
