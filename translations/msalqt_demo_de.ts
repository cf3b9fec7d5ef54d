<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MsalQtDemo::AccountsPanel</name>
    <message>
        <source>Embedded browser</source>
        <translation>Eingebetteter Browser</translation>
    </message>
    <message>
        <source>System browser</source>
        <translation>Systembrowser</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>Gerätecode</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Anme&amp;lden</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>A&amp;bmelden</translation>
    </message>
    <message>
        <source>Signed-in accounts</source>
        <translation>Angemeldete Konten</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Tenant %1</source>
        <translation>Mandant %1</translation>
    </message>
    <message>
        <source>&amp;Cancel sign-in</source>
        <translation>Anmeldung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Signing in… Stops waiting for the sign-in.</source>
        <translation>Anmeldung läuft… Bricht das Warten auf die Anmeldung ab.</translation>
    </message>
    <message>
        <source>Accou&amp;nts:</source>
        <translation>K&amp;onten:</translation>
    </message>
    <message>
        <source>Sign in wit&amp;h:</source>
        <translation>Anmelden &amp;mit:</translation>
    </message>
    <message>
        <source>Re&amp;move account</source>
        <translation>Konto ent&amp;fernen</translation>
    </message>
</context>
<context>
    <name>MsalQtDemo::ErrorPanel</name>
    <message>
        <source>Error details</source>
        <translation>Fehlerdetails</translation>
    </message>
    <message>
        <source>Cop&amp;y details</source>
        <translation>Details kop&amp;ieren</translation>
    </message>
    <message>
        <source>Copies the whole error, with its correlation id, to the clipboard</source>
        <translation>Kopiert den ganzen Fehler mit seiner Korrelations-ID in die Zwischenablage</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss the error</source>
        <translation>Fehler ausblenden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Sub-error: %1</source>
        <translation>Unterfehler: %1</translation>
    </message>
    <message>
        <source>Codes: %1</source>
        <translation>Codes: %1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP-Status: %1</translation>
    </message>
    <message>
        <source>Trace ID: %1</source>
        <translation>Ablaufverfolgungs-ID: %1</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>Zeit: %1</translation>
    </message>
</context>
<context>
    <name>MsalQtDemo::GraphPanel</name>
    <message>
        <source>No request sent yet.</source>
        <translation>Noch keine Anfrage gesendet.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Getting a token…</source>
        <translation>Token wird geholt…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>HTTP method</source>
        <translation>HTTP-Methode</translation>
    </message>
    <message>
        <source>Graph endpoint</source>
        <translation>Graph-Endpunkt</translation>
    </message>
    <message>
        <source>Request path under the Graph endpoint</source>
        <translation>Anfragepfad unter dem Graph-Endpunkt</translation>
    </message>
    <message>
        <source>Response as a tree</source>
        <translation>Antwort als Baum</translation>
    </message>
    <message>
        <source>Response as text</source>
        <translation>Antwort als Text</translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <source>Ra&amp;w</source>
        <translation>Ro&amp;h</translation>
    </message>
    <message>
        <source>No token: %1</source>
        <translation>Kein Token: %1</translation>
    </message>
    <message>
        <source>HTTP 401 with a claims challenge: getting a new token…</source>
        <translation>HTTP 401 mit Claims-Challenge: neues Token wird geholt…</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>Netzwerkfehler: %1</translation>
    </message>
    <message>
        <source>HTTP %1 %2 · %3 ms</source>
        <translation>HTTP %1 %2 · %3 ms</translation>
    </message>
    <message>
        <source> · retried with a new token after a claims challenge</source>
        <translation> · mit neuem Token nach einer Claims-Challenge wiederholt</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>Sende&amp;n</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Anfrageinhalt</translation>
    </message>
    <message>
        <source>Request body (JSON) for POST and PATCH</source>
        <translation>Anfrageinhalt (JSON) für POST und PATCH</translation>
    </message>
    <message>
        <source>For example {&quot;displayName&quot;: &quot;Groceries&quot;} to POST to /v1.0/me/todo/lists</source>
        <translation>Zum Beispiel {&quot;displayName&quot;: &quot;Einkauf&quot;} für POST an /v1.0/me/todo/lists</translation>
    </message>
</context>
<context>
    <name>MsalQtDemo::LogPane</name>
    <message>
        <source>Library log</source>
        <translation>Bibliotheksprotokoll</translation>
    </message>
    <message>
        <source>Messages of the msalqt.* logging categories appear here.</source>
        <translation>Meldungen der Protokollkategorien msalqt.* erscheinen hier.</translation>
    </message>
</context>
<context>
    <name>MsalQtDemo::MainWindow</name>
    <message>
        <source>MsalQt Demo</source>
        <translation>MsalQt-Demo</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Send request</source>
        <translation>Anfrage &amp;senden</translation>
    </message>
    <message>
        <source>Authority: %1</source>
        <translation>Autorität: %1</translation>
    </message>
    <message>
        <source>Microsoft Graph</source>
        <translation>Microsoft Graph</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Remove account</source>
        <translation>Konto &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation>&amp;Graph</translation>
    </message>
    <message>
        <source>Graph: %1</source>
        <translation>Graph: %1</translation>
    </message>
    <message>
        <source>S&amp;witch account…</source>
        <translation>Konto &amp;wechseln…</translation>
    </message>
    <message>
        <source>&amp;Emulator</source>
        <translation>&amp;Emulator</translation>
    </message>
    <message>
        <source>Graph requires an authentication &amp;context</source>
        <translation>Graph verlangt einen Authentifizierungs&amp;kontext</translation>
    </message>
    <message>
        <source>Graph answers 401 with a claims challenge until the token carries the context</source>
        <translation>Graph antwortet mit 401 und einer Claims-Challenge, bis das Token den Kontext trägt</translation>
    </message>
    <message>
        <source>Graph now asks for authentication context c1 (a claims challenge).</source>
        <translation>Graph verlangt jetzt den Authentifizierungskontext c1 (eine Claims-Challenge).</translation>
    </message>
    <message>
        <source>Graph accepts any token of the emulator again.</source>
        <translation>Graph nimmt wieder jedes Token des Emulators an.</translation>
    </message>
    <message>
        <source>&amp;Revoke the current account&apos;s refresh tokens</source>
        <translation>Aktualisierungstokens des aktuellen Kontos &amp;widerrufen</translation>
    </message>
    <message>
        <source>Refresh tokens of %1 revoked on the server.</source>
        <translation>Aktualisierungstokens von %1 auf dem Server widerrufen.</translation>
    </message>
    <message>
        <source>&amp;Forget browser sessions</source>
        <translation>Browsersitzungen &amp;vergessen</translation>
    </message>
    <message>
        <source>The emulator forgot every browser session.</source>
        <translation>Der Emulator hat alle Browsersitzungen vergessen.</translation>
    </message>
    <message>
        <source>The token cache could not be read or saved</source>
        <translation>Der Token-Cache konnte nicht gelesen oder gespeichert werden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>End the current account&apos;s &amp;session (Continuous Access Evaluation)</source>
        <translation>&amp;Sitzung des aktuellen Kontos beenden (Continuous Access Evaluation)</translation>
    </message>
    <message>
        <source>The session of %1 ended on the server: Graph answers its earlier tokens with a claims challenge.</source>
        <translation>Die Sitzung von %1 wurde auf dem Server beendet: Graph beantwortet ihre früheren Tokens mit einer Claims-Aufforderung.</translation>
    </message>
</context>
<context>
    <name>MsalQtDemo::Options</name>
    <message>
        <source>Signs in with MsalQt and calls Microsoft Graph (offline on the built-in emulator by default).</source>
        <translation>Meldet sich mit MsalQt an und ruft Microsoft Graph auf (standardmäßig offline am eingebauten Emulator).</translation>
    </message>
    <message>
        <source>Application (client) id.</source>
        <translation>Anwendungs-ID (Client-ID).</translation>
    </message>
    <message>
        <source>Scope to ask for (repeatable; default User.Read).</source>
        <translation>Anzufordernder Bereich (wiederholbar; Standard User.Read).</translation>
    </message>
    <message>
        <source>Use the authority, client id and scopes saved by an earlier run.</source>
        <translation>Autorität, Client-ID und Bereiche eines früheren Laufs verwenden.</translation>
    </message>
    <message>
        <source>Authority URL: a Microsoft tenant or audience (also of a national cloud), External ID, an AD FS farm (https://host/adfs) or an Azure AD B2C user flow (default: the built-in emulator).</source>
        <translation>Autoritäts-URL: ein Microsoft-Mandant oder eine Zielgruppe (auch einer nationalen Cloud), External ID, eine AD-FS-Farm (https://host/adfs) oder ein Azure-AD-B2C-Benutzerflow (Standard: der eingebaute Emulator).</translation>
    </message>
</context>
<context>
    <name>MsalQtDemo::TokenView</name>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>ID token</source>
        <translation>ID-Token</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Show &amp;raw token</source>
        <translation>&amp;Rohes Token zeigen</translation>
    </message>
    <message>
        <source>Hide &amp;raw token</source>
        <translation>&amp;Rohes Token verbergen</translation>
    </message>
    <message>
        <source>&amp;Copy token</source>
        <translation>Token ko&amp;pieren</translation>
    </message>
    <message>
        <source>Issued:</source>
        <translation>Ausgestellt:</translation>
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
        <source>Audience:</source>
        <translation>Zielgruppe:</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Mandant:</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (abgelaufen)</translation>
    </message>
    <message>
        <source>Token to show</source>
        <translation>Anzuzeigendes Token</translation>
    </message>
    <message>
        <source>Copies the raw token to the clipboard</source>
        <translation>Kopiert das Roh-Token in die Zwischenablage</translation>
    </message>
    <message>
        <source>Token claims</source>
        <translation>Claims des Tokens</translation>
    </message>
    <message>
        <source>Raw token</source>
        <translation>Roh-Token</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
</TS>
