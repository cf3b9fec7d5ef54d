<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>GraphPanel</name>
    <message>
        <source>No request sent yet.</source>
        <translation>Aucune requête envoyée pour l’instant.</translation>
    </message>
    <message>
        <source>Microsoft Graph</source>
        <translation>Microsoft Graph</translation>
    </message>
    <message>
        <source>Calling %1…</source>
        <translation>Appel de %1…</translation>
    </message>
    <message>
        <source>No answer from %1: check the network connection and try again.</source>
        <translation>Pas de réponse de %1 : vérifiez la connexion réseau et réessayez.</translation>
    </message>
    <message>
        <source>HTTP %1: Graph answered.</source>
        <translation>HTTP %1 : Graph a répondu.</translation>
    </message>
    <message>
        <source>HTTP 401: Graph refused the token (%1). Sign in again.</source>
        <translation>HTTP 401 : Graph a refusé le jeton (%1). Reconnectez-vous.</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1 : %2</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Requête :</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Mail:</source>
        <translation>Courriel :</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>MsalQt QML demo</source>
        <translation>Démo QML de MsalQt</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Se connecter</translation>
    </message>
    <message>
        <source>Sign in with a &amp;code</source>
        <translation>Se connecter avec un &amp;code</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Call &amp;Graph</source>
        <translation>Appeler &amp;Graph</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>Accounts (%1)</source>
        <translation>Comptes (%1)</translation>
    </message>
</context>
<context>
    <name>MsalQtQmlDemo::Options</name>
    <message>
        <source>Signs in with the MsalQt QML module and calls Microsoft Graph (offline on the built-in emulator by default).</source>
        <translation>Se connecte avec le module QML de MsalQt et appelle Microsoft Graph (hors ligne sur l’émulateur intégré par défaut).</translation>
    </message>
    <message>
        <source>Authority URL, e.g. https://login.microsoftonline.com/organizations (default: the built-in emulator).</source>
        <translation>URL de l’autorité, par ex. https://login.microsoftonline.com/organizations (par défaut : l’émulateur intégré).</translation>
    </message>
    <message>
        <source>Application (client) id.</source>
        <translation>ID d’application (client).</translation>
    </message>
    <message>
        <source>Scope to ask for (repeatable; default User.Read).</source>
        <translation>Étendue à demander (répétable ; par défaut User.Read).</translation>
    </message>
</context>
<context>
    <name>TokenPanel</name>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Not signed in. Sign in, or choose an account on the left.</source>
        <translation>Non connecté. Connectez-vous, ou choisissez un compte à gauche.</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Compte :</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
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
        <source>From:</source>
        <translation>Provenance :</translation>
    </message>
    <message>
        <source>the token cache</source>
        <translation>le cache de jetons</translation>
    </message>
    <message>
        <source>the identity platform (a new token)</source>
        <translation>la plateforme d’identité (un nouveau jeton)</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Jeton d’accès :</translation>
    </message>
    <message>
        <source>ID token claims</source>
        <translation>Revendications du jeton d’ID</translation>
    </message>
</context>
</TS>
