<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
    <name>MsalQt::Widgets::AccountModel</name>
    <message>
        <source>%1
%2 · tenant %3</source>
        <translation>%1
%2 · Mandant %3</translation>
    </message>
    <message>
        <source>%1, %2, tenant %3</source>
        <translation>%1, %2, Mandant %3</translation>
    </message>
    <message>
        <source>%1
Tenant %2
Signed in at %3</source>
        <translation>%1
Mandant %2
Angemeldet bei %3</translation>
    </message>
</context>
<context>
    <name>MsalQt::Widgets::AccountPicker</name>
    <message>
        <source>Choose an account</source>
        <translation>Konto auswählen</translation>
    </message>
    <message>
        <source>Pick an account to continue:</source>
        <translation>Wählen Sie ein Konto, um fortzufahren:</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>No account has signed in yet.</source>
        <translation>Es hat sich noch kein Konto angemeldet.</translation>
    </message>
    <message>
        <source>&amp;Use account</source>
        <translation>Konto &amp;verwenden</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Sign this account out of the application (Delete)</source>
        <translation>Dieses Konto von der Anwendung abmelden (Entf)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from this application? You will have to sign in again to use it.</source>
        <translation>%1 aus dieser Anwendung entfernen? Um es wieder zu verwenden, müssen Sie sich erneut anmelden.</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Behalten</translation>
    </message>
</context>
<context>
    <name>MsalQt::Widgets::DeviceCodeDialog</name>
    <message>
        <source>Sign in on another device</source>
        <translation>Auf einem anderen Gerät anmelden</translation>
    </message>
    <message>
        <source>Waiting for a code from the server…</source>
        <translation>Warte auf einen Code vom Server…</translation>
    </message>
    <message>
        <source>Code to enter</source>
        <translation>Einzugebender Code</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the code to the clipboard</source>
        <translation>Den Code in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Sign-in page address</source>
        <translation>Adresse der Anmeldeseite</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Verbleibende Zeit</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>To sign in, open the page below on any device and enter the code.</source>
        <translation>Öffnen Sie zum Anmelden die folgende Seite auf einem beliebigen Gerät und geben Sie den Code ein.</translation>
    </message>
    <message>
        <source>Open the sign-in page in your browser</source>
        <translation>Die Anmeldeseite im Browser öffnen</translation>
    </message>
    <message>
        <source>The code has expired.</source>
        <translation>Der Code ist abgelaufen.</translation>
    </message>
    <message>
        <source>The code expires in %1.</source>
        <translation>Der Code läuft in %1 ab.</translation>
    </message>
</context>
<context>
    <name>MsalQt::Widgets::SignInButton</name>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>S&amp;witch account…</source>
        <translation>Konto &amp;wechseln…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <source>&amp;Cancel sign-in</source>
        <translation>Anmeldung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Signing in; the menu cancels it</source>
        <translation>Anmeldung läuft; über das Menü lässt sie sich abbrechen</translation>
    </message>
</context>
<context>
    <name>MsalQt::Widgets::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Page loading progress</source>
        <translation>Ladefortschritt der Seite</translation>
    </message>
    <message>
        <source>Sign-in page</source>
        <translation>Anmeldeseite</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>The sign-in window was closed.</source>
        <translation>Das Anmeldefenster wurde geschlossen.</translation>
    </message>
</context>
</TS>
