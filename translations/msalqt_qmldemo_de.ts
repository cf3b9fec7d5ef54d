<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>GraphPanel</name>
    <message>
        <source>No request sent yet.</source>
        <translation>Noch keine Anfrage gesendet.</translation>
    </message>
    <message>
        <source>Microsoft Graph</source>
        <translation>Microsoft Graph</translation>
    </message>
    <message>
        <source>Calling %1…</source>
        <translation>%1 wird aufgerufen …</translation>
    </message>
    <message>
        <source>No answer from %1: check the network connection and try again.</source>
        <translation>Keine Antwort von %1: Prüfen Sie die Netzwerkverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>HTTP %1: Graph answered.</source>
        <translation>HTTP %1: Graph hat geantwortet.</translation>
    </message>
    <message>
        <source>HTTP 401: Graph refused the token (%1). Sign in again.</source>
        <translation>HTTP 401: Graph hat das Token abgelehnt (%1). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Anfrage:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Mail:</source>
        <translation>E-Mail:</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>MsalQt QML demo</source>
        <translation>MsalQt-QML-Demo</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign in with a &amp;code</source>
        <translation>Mit einem &amp;Code anmelden</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Call &amp;Graph</source>
        <translation>&amp;Graph aufrufen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Accounts (%1)</source>
        <translation>Konten (%1)</translation>
    </message>
</context>
<context>
    <name>MsalQtQmlDemo::Options</name>
    <message>
        <source>Signs in with the MsalQt QML module and calls Microsoft Graph (offline on the built-in emulator by default).</source>
        <translation>Meldet sich mit dem QML-Modul von MsalQt an und ruft Microsoft Graph auf (standardmäßig offline mit dem eingebauten Emulator).</translation>
    </message>
    <message>
        <source>Authority URL, e.g. https://login.microsoftonline.com/organizations (default: the built-in emulator).</source>
        <translation>URL der Autorität, z. B. https://login.microsoftonline.com/organizations (Standard: der eingebaute Emulator).</translation>
    </message>
    <message>
        <source>Application (client) id.</source>
        <translation>Anwendungs-ID (Client-ID).</translation>
    </message>
    <message>
        <source>Scope to ask for (repeatable; default User.Read).</source>
        <translation>Anzufordernder Bereich (wiederholbar; Standard: User.Read).</translation>
    </message>
</context>
<context>
    <name>TokenPanel</name>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Not signed in. Sign in, or choose an account on the left.</source>
        <translation>Nicht angemeldet. Melden Sie sich an, oder wählen Sie links ein Konto.</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Bereiche:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Herkunft:</translation>
    </message>
    <message>
        <source>the token cache</source>
        <translation>der Token-Cache</translation>
    </message>
    <message>
        <source>the identity platform (a new token)</source>
        <translation>die Identitätsplattform (ein neues Token)</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message>
        <source>ID token claims</source>
        <translation>Angaben des ID-Tokens</translation>
    </message>
</context>
</TS>
