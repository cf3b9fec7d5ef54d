<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>MsalQtDemo::AccountsPanel</name>
    <message>
        <source>&amp;Accounts:</source>
        <translation>&amp;Comptes :</translation>
    </message>
    <message>
        <source>Sign in &amp;with:</source>
        <translation>Se connecter a&amp;vec :</translation>
    </message>
    <message>
        <source>Embedded browser</source>
        <translation>Navigateur intégré</translation>
    </message>
    <message>
        <source>System browser</source>
        <translation>Navigateur du système</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>Code d’appareil</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Remove account</source>
        <translation>&amp;Supprimer le compte</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Signed-in accounts</source>
        <translation>Comptes connectés</translation>
    </message>
</context>
<context>
    <name>MsalQtDemo::TokenView</name>
    <message>
        <source>Access token</source>
        <translation>Jeton d’accès</translation>
    </message>
    <message>
        <source>ID token</source>
        <translation>Jeton d’ID</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Jeton :</translation>
    </message>
    <message>
        <source>Show &amp;raw token</source>
        <translation>Afficher le jeton &amp;brut</translation>
    </message>
    <message>
        <source>Hide &amp;raw token</source>
        <translation>Masquer le jeton &amp;brut</translation>
    </message>
    <message>
        <source>&amp;Copy token</source>
        <translation>&amp;Copier le jeton</translation>
    </message>
    <message>
        <source>Issued:</source>
        <translation>Émis :</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Expire :</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Étendues :</translation>
    </message>
    <message>
        <source>Audience:</source>
        <translation>Audience :</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Locataire :</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Revendication</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (dans %2)</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (expiré)</translation>
    </message>
</context>
<context>
    <name>MsalQtDemo::GraphPanel</name>
    <message>
        <source>S&amp;end</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>No request sent yet.</source>
        <translation>Aucune requête envoyée.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Getting a token…</source>
        <translation>Obtention d’un jeton…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
</context>
<context>
    <name>MsalQtDemo::MainWindow</name>
    <message>
        <source>MsalQt Demo</source>
        <translation>Démo MsalQt</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Send request</source>
        <translation>&amp;Envoyer la requête</translation>
    </message>
    <message>
        <source>Authority: %1</source>
        <translation>Autorité : %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
</context>
</TS>
