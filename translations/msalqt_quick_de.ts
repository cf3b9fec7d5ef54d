<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountPicker</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Use another account</source>
        <translation>Anderes Konto verwenden</translation>
    </message>
</context>
<context>
    <name>DeviceCodeView</name>
    <message>
        <source>The code expires in %1:%2.</source>
        <translation>Der Code läuft in %1:%2 ab.</translation>
    </message>
    <message>
        <source>Sign in on another device</source>
        <translation>Auf einem anderen Gerät anmelden</translation>
    </message>
    <message>
        <source>On a phone or computer, open %1 and enter this code:</source>
        <translation>Öffnen Sie auf einem Telefon oder Computer %1 und geben Sie diesen Code ein:</translation>
    </message>
    <message>
        <source>Code to enter: %1</source>
        <translation>Einzugebender Code: %1</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>Code &amp;kopieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>MsalQt::Quick::PublicClientApplication</name>
    <message>
        <source>Set the application&apos;s client id (clientId) to sign in.</source>
        <translation>Legen Sie die Client-ID der Anwendung (clientId) fest, um sich anzumelden.</translation>
    </message>
    <message>
        <source>The sign-in page needs a SignInView or a SignInAgent; %1 is neither.</source>
        <translation>Die Anmeldeseite braucht eine SignInView oder einen SignInAgent; %1 ist keines von beiden.</translation>
    </message>
    <message>
        <source>The option &quot;account&quot; must be an account of the application.</source>
        <translation>Die Option „account“ muss ein Konto der Anwendung sein.</translation>
    </message>
    <message>
        <source>The prompt &quot;%1&quot; is not one of select_account, login, consent, none and create.</source>
        <translation>Die Aufforderung „%1“ ist keine von select_account, login, consent, none und create.</translation>
    </message>
    <message>
        <source>The option &quot;maxAge&quot; must be a number of seconds from 0 to a century.</source>
        <translation>Die Option „maxAge“ muss eine Anzahl Sekunden von 0 bis zu einem Jahrhundert sein.</translation>
    </message>
    <message>
        <source>The sign-in has no option &quot;%1&quot;.</source>
        <translation>Die Anmeldung hat keine Option „%1“.</translation>
    </message>
</context>
<context>
    <name>MsalQt::Quick::QmlTokenRequest</name>
    <message>
        <source>The request was stopped before it finished.</source>
        <translation>Die Anfrage wurde beendet, bevor sie fertig war.</translation>
    </message>
</context>
<context>
    <name>MsalQt::Quick::SignInViewAgent</name>
    <message>
        <source>The sign-in page was closed.</source>
        <translation>Die Anmeldeseite wurde geschlossen.</translation>
    </message>
    <message>
        <source>The sign-in page has no web view to show it in.</source>
        <translation>Die Anmeldeseite hat keine Webansicht, in der sie angezeigt werden kann.</translation>
    </message>
</context>
<context>
    <name>MsalQt::WebEngine::SignInGuard</name>
    <message>
        <source>The certificate of %1 is not trusted (%2), so the sign-in was stopped. If this network intercepts secure connections (a company proxy, a hotel or public Wi-Fi), sign in on another network or ask its administrator.</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut (%2), daher wurde die Anmeldung beendet. Wenn dieses Netzwerk sichere Verbindungen abfängt (ein Firmen-Proxy, ein Hotel- oder öffentliches WLAN), melden Sie sich in einem anderen Netzwerk an oder fragen Sie dessen Administrator.</translation>
    </message>
    <message>
        <source>The page of %1 could not be loaded: %2</source>
        <translation>Die Seite von %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>The sign-in page stopped unexpectedly.</source>
        <translation>Die Anmeldeseite wurde unerwartet beendet.</translation>
    </message>
    <message>
        <source>The sign-in page tried to open %1 without encryption, so the sign-in was stopped to protect your password. Try again; if this keeps happening, tell the administrator of the sign-in service.</source>
        <translation>Die Anmeldeseite wollte %1 ohne Verschlüsselung öffnen, daher wurde die Anmeldung zum Schutz Ihres Passworts beendet. Versuchen Sie es erneut; wenn das wieder geschieht, wenden Sie sich an den Administrator des Anmeldedienstes.</translation>
    </message>
    <message>
        <source>The sign-in page tried to open another application (a &quot;%1:&quot; link), which a sign-in in this window cannot do, so the sign-in was stopped. Try again, or sign in with the system browser.</source>
        <translation>Die Anmeldeseite wollte eine andere Anwendung öffnen (einen „%1:“-Link), was eine Anmeldung in diesem Fenster nicht kann, daher wurde die Anmeldung beendet. Versuchen Sie es erneut, oder melden Sie sich mit dem Systembrowser an.</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Sign-in page</source>
        <translation>Anmeldeseite</translation>
    </message>
    <message>
        <source>Page loading progress</source>
        <translation>Ladefortschritt der Seite</translation>
    </message>
</context>
</TS>
