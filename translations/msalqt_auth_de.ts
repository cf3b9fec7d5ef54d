<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MsalQt::AuthError</name>
    <message>
        <source>No error.</source>
        <translation>Kein Fehler.</translation>
    </message>
    <message>
        <source>The application is not set up for this sign-in.</source>
        <translation>Die Anwendung ist für diese Anmeldung nicht eingerichtet.</translation>
    </message>
    <message>
        <source>This kind of sign-in is not available for this authority.</source>
        <translation>Diese Art der Anmeldung ist für diese Autorität nicht verfügbar.</translation>
    </message>
    <message>
        <source>The sign-in service could not be reached.</source>
        <translation>Der Anmeldedienst ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The sign-in took too long.</source>
        <translation>Die Anmeldung hat zu lange gedauert.</translation>
    </message>
    <message>
        <source>The sign-in service asked to wait before trying again.</source>
        <translation>Der Anmeldedienst bittet darum, vor einem neuen Versuch zu warten.</translation>
    </message>
    <message>
        <source>The sign-in service refused the request.</source>
        <translation>Der Anmeldedienst hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>The sign-in service sent a token that failed validation.</source>
        <translation>Der Anmeldedienst hat ein Token gesendet, das die Prüfung nicht bestanden hat.</translation>
    </message>
    <message>
        <source>You need to sign in interactively to continue.</source>
        <translation>Um fortzufahren, müssen Sie sich interaktiv anmelden.</translation>
    </message>
    <message>
        <source>The sign-in was declined.</source>
        <translation>Die Anmeldung wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The system keychain, which holds the token cache&apos;s key, is not available.</source>
        <translation>Der Schlüsselbund des Systems, der den Schlüssel des Token-Caches enthält, ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The token cache could not be read or written.</source>
        <translation>Der Token-Cache konnte nicht gelesen oder geschrieben werden.</translation>
    </message>
    <message>
        <source>The sign-in service sent an answer larger than allowed.</source>
        <translation>Der Anmeldedienst hat eine Antwort gesendet, die größer ist als erlaubt.</translation>
    </message>
    <message>
        <source>The sign-in service answered for another account than the one signed in; the answer was refused.</source>
        <translation>Der Anmeldedienst hat für ein anderes als das angemeldete Konto geantwortet; die Antwort wurde zurückgewiesen.</translation>
    </message>
    <message>
        <source>Your saved sign-ins were reset: the stored token cache could not be read, and was kept aside. Sign in again.</source>
        <translation>Ihre gespeicherten Anmeldungen wurden zurückgesetzt: Der gespeicherte Token-Cache war nicht lesbar und wurde beiseitegelegt. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Try again after %1.</source>
        <translation>Versuchen Sie es nach %1 erneut.</translation>
    </message>
    <message>
        <source>Server error: %1.</source>
        <translation>Serverfehler: %1.</translation>
    </message>
    <message>
        <source>Correlation ID: %1</source>
        <translation>Korrelations-ID: %1</translation>
    </message>
    <message>
        <source>The sign-in service sent an answer that could not be accepted.</source>
        <translation>Der Anmeldedienst hat eine Antwort gesendet, die nicht angenommen werden konnte.</translation>
    </message>
    <message>
        <source>You asked to reset your password. The application starts the password reset; after it, sign in again.</source>
        <translation>Sie haben angefordert, Ihr Passwort zurückzusetzen. Die Anwendung startet das Zurücksetzen des Passworts; melden Sie sich danach erneut an.</translation>
    </message>
</context>
<context>
    <name>MsalQt::AuthenticatedNetworkAccess</name>
    <message>
        <source>“%1” is not a URL a request can be sent to.</source>
        <translation>„%1“ ist keine URL, an die eine Anfrage gesendet werden kann.</translation>
    </message>
    <message>
        <source>A token is only sent over https: %1 is not encrypted, so nothing was sent.</source>
        <translation>Ein Token wird nur über https gesendet: %1 ist nicht verschlüsselt, daher wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>A token for %1 may not be sent to %2, so nothing was sent. Name that address in AuthenticatedNetworkAccess::setAllowedUrls() if it is meant to receive it.</source>
        <translation>Ein Token für %1 darf nicht an %2 gesendet werden, daher wurde nichts gesendet. Nennen Sie diese Adresse in AuthenticatedNetworkAccess::setAllowedUrls(), wenn sie es erhalten soll.</translation>
    </message>
</context>
<context>
    <name>MsalQt::AuthenticatedReply</name>
    <message>
        <source>The application was deleted before the request was sent.</source>
        <translation>Die Anwendung wurde gelöscht, bevor die Anfrage gesendet wurde.</translation>
    </message>
    <message>
        <source>No account is signed in to call %1 for: sign in first.</source>
        <translation>Kein Konto ist angemeldet, um %1 aufzurufen: Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>The sign-in was for %1, not for %2 whose request this is, so the request was not sent.</source>
        <translation>Die Anmeldung galt %1, nicht %2, dessen Anfrage dies ist; die Anfrage wurde daher nicht gesendet.</translation>
    </message>
    <message>
        <source>The network access manager was deleted before the request was sent.</source>
        <translation>Der Netzwerkzugriffsmanager wurde gelöscht, bevor die Anfrage gesendet wurde.</translation>
    </message>
    <message>
        <source>The body of the request to %1 can no longer be read.</source>
        <translation>Der Inhalt der Anfrage an %1 kann nicht mehr gelesen werden.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s; the request was stopped.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet; die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>MsalQt::AuthenticationChallenge</name>
    <message>
        <source>The authentication challenge could not be read: %1 (at offset %2).</source>
        <translation>Die Authentifizierungsaufforderung konnte nicht gelesen werden: %1 (an Position %2).</translation>
    </message>
    <message>
        <source>a control character in a quoted string</source>
        <translation>ein Steuerzeichen in einer Zeichenkette in Anführungszeichen</translation>
    </message>
    <message>
        <source>a quoted string without its closing quote</source>
        <translation>eine Zeichenkette ohne schließendes Anführungszeichen</translation>
    </message>
    <message>
        <source>a parameter name was expected</source>
        <translation>ein Parametername wurde erwartet</translation>
    </message>
    <message>
        <source>the parameter &quot;%1&quot; has no &quot;=&quot;</source>
        <translation>der Parameter „%1“ hat kein „=“</translation>
    </message>
    <message>
        <source>the parameter &quot;%1&quot; has no value</source>
        <translation>der Parameter „%1“ hat keinen Wert</translation>
    </message>
    <message>
        <source>the parameter &quot;%1&quot; appears twice</source>
        <translation>der Parameter „%1“ kommt zweimal vor</translation>
    </message>
    <message>
        <source>more than %1 parameters in one challenge</source>
        <translation>mehr als %1 Parameter in einer Aufforderung</translation>
    </message>
    <message>
        <source>a comma was expected after the parameter &quot;%1&quot;</source>
        <translation>nach dem Parameter „%1“ wurde ein Komma erwartet</translation>
    </message>
    <message>
        <source>the header is larger than %1 bytes</source>
        <translation>der Header ist größer als %1 Byte</translation>
    </message>
    <message>
        <source>an authentication scheme was expected</source>
        <translation>ein Authentifizierungsschema wurde erwartet</translation>
    </message>
    <message>
        <source>more than %1 challenges</source>
        <translation>mehr als %1 Aufforderungen</translation>
    </message>
    <message>
        <source>a comma was expected after the challenge &quot;%1&quot;</source>
        <translation>nach der Aufforderung „%1“ wurde ein Komma erwartet</translation>
    </message>
</context>
<context>
    <name>MsalQt::Authority</name>
    <message>
        <source>The authority is not a valid URL.</source>
        <translation>Die Autorität ist keine gültige URL.</translation>
    </message>
    <message>
        <source>The authority must use https (plain http is only allowed on loopback hosts).</source>
        <translation>Die Autorität muss https verwenden (einfaches http ist nur auf Loopback-Hosts erlaubt).</translation>
    </message>
    <message>
        <source>The authority URL must not carry a query, a fragment or user information.</source>
        <translation>Die URL der Autorität darf weder eine Abfrage noch ein Fragment oder Benutzerinformationen enthalten.</translation>
    </message>
    <message>
        <source>The authority has no tenant: use https://host/{tenant}, where the tenant is a tenant id, a domain, &quot;organizations&quot;, &quot;common&quot; or &quot;consumers&quot;.</source>
        <translation>Die Autorität nennt keinen Mandanten: Verwenden Sie https://host/{tenant}, wobei der Mandant eine Mandanten-ID, eine Domäne, „organizations“, „common“ oder „consumers“ ist.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenant id, a domain name or an audience keyword.</source>
        <translation>„%1“ ist weder eine Mandanten-ID noch ein Domänenname noch ein Zielgruppen-Schlüsselwort.</translation>
    </message>
    <message>
        <source>This is an Azure AD B2C authority: create it with Authority::b2c(), which takes https://{host}/{tenant}/{policy}.</source>
        <translation>Dies ist eine Autorität von Azure AD B2C: Erstellen Sie sie mit Authority::b2c(), das https://{host}/{tenant}/{policy} erwartet.</translation>
    </message>
    <message>
        <source>This is an AD FS authority: use Authority::adfs() for https://host/adfs.</source>
        <translation>Dies ist eine Autorität von AD FS: Verwenden Sie Authority::adfs() für https://host/adfs.</translation>
    </message>
    <message>
        <source>The authority must be a host followed by exactly one tenant segment (for an Azure AD B2C authority with a policy, use Authority::b2c()).</source>
        <translation>Die Autorität muss aus einem Host und genau einem Mandantensegment bestehen (für eine Autorität von Azure AD B2C mit einer Richtlinie verwenden Sie Authority::b2c()).</translation>
    </message>
    <message>
        <source>An AD FS authority is a host followed by /adfs, such as https://sts.contoso.com/adfs.</source>
        <translation>Eine Autorität von AD FS besteht aus einem Host, gefolgt von /adfs, etwa https://sts.contoso.com/adfs.</translation>
    </message>
    <message>
        <source>The Azure AD B2C authority has no policy: use https://{host}/{tenant}/{policy}, where the policy is the user flow, such as B2C_1_signupsignin.</source>
        <translation>Die Autorität von Azure AD B2C nennt keine Richtlinie: Verwenden Sie https://{host}/{tenant}/{policy}, wobei die Richtlinie der Benutzerflow ist, etwa B2C_1_signupsignin.</translation>
    </message>
    <message>
        <source>The Azure AD B2C authority must be a host followed by a tenant and a policy: https://{host}/{tenant}/{policy}.</source>
        <translation>Die Autorität von Azure AD B2C muss aus einem Host, einem Mandanten und einer Richtlinie bestehen: https://{host}/{tenant}/{policy}.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenant id or a domain name.</source>
        <translation>„%1“ ist weder eine Mandanten-ID noch ein Domänenname.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a B2C policy name.</source>
        <translation>„%1“ ist kein B2C-Richtlinienname.</translation>
    </message>
    <message>
        <source>The External ID authority has no tenant: use https://{tenant}.ciamlogin.com/, or add the tenant id or domain to a custom URL domain (https://login.contoso.com/{tenant id}).</source>
        <translation>Die External-ID-Autorität nennt keinen Mandanten: Verwenden Sie https://{tenant}.ciamlogin.com/ oder hängen Sie die Mandanten-ID oder Domäne an eine benutzerdefinierte URL-Domäne an (https://login.contoso.com/{tenant id}).</translation>
    </message>
    <message>
        <source>The External ID authority must be a host followed by exactly one tenant segment (a tenant id or domain).</source>
        <translation>Die External-ID-Autorität muss aus einem Host und genau einem Mandantensegment bestehen (einer Mandanten-ID oder Domäne).</translation>
    </message>
    <message>
        <source>An External ID authority names its own tenant; &quot;%1&quot; is a workforce audience: use Authority::microsoft() for it.</source>
        <translation>Eine External-ID-Autorität nennt ihren eigenen Mandanten; &quot;%1&quot; ist eine Zielgruppe für Mitarbeiterkonten: Verwenden Sie dafür Authority::microsoft().</translation>
    </message>
</context>
<context>
    <name>MsalQt::AuthorizationCodeFlow</name>
    <message>
        <source>Interactive sign-in is for public clients; a web app redeems the code it receives with acquireTokenByAuthorizationCode().</source>
        <translation>Die interaktive Anmeldung ist für öffentliche Clients gedacht; eine Web-App löst den erhaltenen Code mit acquireTokenByAuthorizationCode() ein.</translation>
    </message>
    <message>
        <source>The redirect URI &quot;%1&quot; is not valid.</source>
        <translation>Die Umleitungs-URI „%1“ ist ungültig.</translation>
    </message>
    <message>
        <source>This sign-in&apos;s authorization code was already used; sign in again.</source>
        <translation>Der Autorisierungscode dieser Anmeldung wurde bereits verwendet; melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>MsalQt::AuthorizationRequest</name>
    <message>
        <source>The extra query parameter &quot;%1&quot; would override a protocol parameter.</source>
        <translation>Der zusätzliche Abfrageparameter „%1“ würde einen Protokollparameter überschreiben.</translation>
    </message>
    <message>
        <source>The sign-in answer carries neither a code nor an error.</source>
        <translation>Die Anmeldeantwort enthält weder einen Code noch einen Fehler.</translation>
    </message>
    <message>
        <source>The answer that reached the application does not belong to the sign-in that was started (state mismatch), so the sign-in was stopped. Start the sign-in again.</source>
        <translation>Die Antwort, die bei der Anwendung ankam, gehört nicht zur begonnenen Anmeldung (state stimmt nicht überein), daher wurde die Anmeldung beendet. Beginnen Sie die Anmeldung erneut.</translation>
    </message>
    <message>
        <source>The sign-in answer comes from the issuer &quot;%1&quot;, not from &quot;%2&quot;, so the sign-in was stopped. Start the sign-in again; if this keeps happening, tell the application&apos;s administrator.</source>
        <translation>Die Anmeldeantwort stammt vom Aussteller „%1“, nicht von „%2“, daher wurde die Anmeldung beendet. Beginnen Sie die Anmeldung erneut; wenn das wieder geschieht, wenden Sie sich an den Administrator der Anwendung.</translation>
    </message>
</context>
<context>
    <name>MsalQt::BrowserFlow</name>
    <message>
        <source>Nobody finished the sign-in in time.</source>
        <translation>Niemand hat die Anmeldung rechtzeitig abgeschlossen.</translation>
    </message>
    <message>
        <source>The authority has no authorization endpoint.</source>
        <translation>Die Autorität hat keinen Autorisierungsendpunkt.</translation>
    </message>
    <message>
        <source>The sign-in window was deleted before the sign-in started.</source>
        <translation>Das Anmeldefenster wurde gelöscht, bevor die Anmeldung begann.</translation>
    </message>
    <message>
        <source>The sign-in window was closed by deleting it.</source>
        <translation>Das Anmeldefenster wurde geschlossen, indem es gelöscht wurde.</translation>
    </message>
    <message>
        <source>This sign-in window cannot return to the redirect URI &quot;%1&quot;.</source>
        <translation>Dieses Anmeldefenster kann nicht zur Umleitungs-URI „%1“ zurückkehren.</translation>
    </message>
    <message>
        <source>The sign-in ended on an address other than the redirect URI.</source>
        <translation>Die Anmeldung endete an einer anderen Adresse als der Umleitungs-URI.</translation>
    </message>
    <message>
        <source>The sign-in asked for max_age, but the answer has no ID token to tell when the person last signed in (OpenID Connect Core §3.1.3.7).</source>
        <translation>Die Anmeldung hat max_age angefordert, aber die Antwort enthält kein ID-Token, aus dem hervorgeht, wann sich die Person zuletzt angemeldet hat (OpenID Connect Core §3.1.3.7).</translation>
    </message>
</context>
<context>
    <name>MsalQt::CacheFile</name>
    <message>
        <source>the file system is read-only</source>
        <translation>das Dateisystem ist schreibgeschützt</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>the disk quota is exhausted</source>
        <translation>das Speicherkontingent ist ausgeschöpft</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>%1 is a symbolic link. The token cache is never read or written through a link, since a link there could point at any file of yours; it was left as it is. Put the file itself there (a link among its directories is fine).</source>
        <translation>%1 ist eine symbolische Verknüpfung. Der Token-Cache wird nie über eine Verknüpfung gelesen oder geschrieben, da eine Verknüpfung an dieser Stelle auf jede beliebige Ihrer Dateien zeigen könnte; die Verknüpfung wurde unverändert gelassen. Legen Sie die Datei selbst dort ab (eine Verknüpfung unter ihren übergeordneten Verzeichnissen ist unproblematisch).</translation>
    </message>
    <message>
        <source>Could not open %1: %2.</source>
        <translation>%1 konnte nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>%1 is a directory, not a token cache file; it was left as it is.</source>
        <translation>%1 ist ein Verzeichnis, keine Token-Cache-Datei, und wurde unverändert gelassen.</translation>
    </message>
    <message>
        <source>%1 is not a regular file; it was left as it is.</source>
        <translation>%1 ist keine reguläre Datei und wurde unverändert gelassen.</translation>
    </message>
    <message>
        <source>Could not read %1: %2.</source>
        <translation>%1 konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Could not create the directory %1.</source>
        <translation>Das Verzeichnis %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not create a temporary file beside %1: %2.</source>
        <translation>Neben %1 konnte keine temporäre Datei angelegt werden: %2.</translation>
    </message>
    <message>
        <source>Could not restrict the permissions of the temporary file for %1: %2.</source>
        <translation>Die Zugriffsrechte der temporären Datei für %1 konnten nicht eingeschränkt werden: %2.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1 konnte nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Could not flush %1 to disk: %2.</source>
        <translation>%1 konnte nicht dauerhaft auf den Datenträger geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Could not replace %1: %2.</source>
        <translation>%1 konnte nicht ersetzt werden: %2.</translation>
    </message>
    <message>
        <source>Could not keep a copy of %1 at %2: %3.</source>
        <translation>Unter %2 konnte keine Kopie von %1 aufbewahrt werden: %3.</translation>
    </message>
    <message>
        <source>Could not keep a copy of %1: too many copies are there already.</source>
        <translation>Es konnte keine Kopie von %1 aufbewahrt werden: Es gibt bereits zu viele Kopien.</translation>
    </message>
    <message>
        <source>Could not move the unreadable cache file %1 aside.</source>
        <translation>Die unlesbare Cache-Datei %1 konnte nicht beiseitegelegt werden.</translation>
    </message>
    <message>
        <source>Could not remove %1: %2.</source>
        <translation>%1 konnte nicht entfernt werden: %2.</translation>
    </message>
</context>
<context>
    <name>MsalQt::CacheStorage</name>
    <message>
        <source>No merge function was given to save().</source>
        <translation>save() wurde keine Zusammenführungsfunktion übergeben.</translation>
    </message>
</context>
<context>
    <name>MsalQt::ClientApplication</name>
    <message>
        <source>The cache storage was deleted while saving.</source>
        <translation>Der Cache-Speicher wurde während des Speicherns gelöscht.</translation>
    </message>
    <message>
        <source>No client id is set: register the application and pass its application (client) id.</source>
        <translation>Es ist keine Client-ID festgelegt: Registrieren Sie die Anwendung und übergeben Sie ihre Anwendungs-ID (Client-ID).</translation>
    </message>
    <message>
        <source>The authority is not valid: %1</source>
        <translation>Die Autorität ist ungültig: %1</translation>
    </message>
    <message>
        <source>The cache storage was deleted while loading.</source>
        <translation>Der Cache-Speicher wurde während des Ladens gelöscht.</translation>
    </message>
    <message>
        <source>The claims of the request are not a JSON object, so the client capabilities cannot be added to them.</source>
        <translation>Die Claims der Anfrage sind kein JSON-Objekt, daher können die Client-Fähigkeiten nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>A tenant cannot be named for an OpenID Connect authority, which has no tenants: request the token without a tenant.</source>
        <translation>Für eine OpenID-Connect-Autorität, die keine Mandanten hat, kann kein Mandant angegeben werden: Fordern Sie das Token ohne Mandanten an.</translation>
    </message>
    <message>
        <source>Personal Microsoft accounts (the consumers authority) have no other tenants: request the token without a tenant.</source>
        <translation>Persönliche Microsoft-Konten (die Autorität consumers) haben keine anderen Mandanten: Fordern Sie das Token ohne Mandanten an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenant: %2</source>
        <translation>„%1“ ist kein Mandant: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no single tenant: give a tenant id or a verified domain name.</source>
        <translation>„%1“ nennt keinen einzelnen Mandanten: Geben Sie eine Mandanten-ID oder einen verifizierten Domänennamen an.</translation>
    </message>
    <message>
        <source>Azure AD B2C and AD FS authorities have no other tenants: request the token without a tenant.</source>
        <translation>Autoritäten von Azure AD B2C und AD FS haben keine anderen Mandanten: Fordern Sie das Token ohne Mandanten an.</translation>
    </message>
</context>
<context>
    <name>MsalQt::ClientCredentialsFlow</name>
    <message>
        <source>Client credentials need a confidential client: a public client has no secret to prove who it is.</source>
        <translation>Clientanmeldeinformationen erfordern einen vertraulichen Client: Ein öffentlicher Client hat kein Geheimnis, mit dem er seine Identität nachweisen kann.</translation>
    </message>
    <message>
        <source>Client credentials need a tenant-specific authority such as https://login.microsoftonline.com/{tenant-id}; &quot;%1&quot; names no single tenant.</source>
        <translation>Clientanmeldeinformationen erfordern eine mandantenspezifische Autorität wie https://login.microsoftonline.com/{tenant-id}; „%1“ nennt keinen einzelnen Mandanten.</translation>
    </message>
    <message>
        <source>Client credentials need a scope, such as https://graph.microsoft.com/.default.</source>
        <translation>Clientanmeldeinformationen erfordern einen Bereich wie https://graph.microsoft.com/.default.</translation>
    </message>
    <message>
        <source>Client credentials take the scope &quot;{resource}/.default&quot; (for example https://graph.microsoft.com/.default), not &quot;%1&quot;.</source>
        <translation>Clientanmeldeinformationen verwenden den Bereich „{resource}/.default“ (zum Beispiel https://graph.microsoft.com/.default), nicht „%1“.</translation>
    </message>
</context>
<context>
    <name>MsalQt::CodeRedemptionFlow</name>
    <message>
        <source>Redeeming an authorization code here needs a confidential client; a public client signs in with acquireTokenInteractive().</source>
        <translation>Das Einlösen eines Autorisierungscodes erfordert hier einen vertraulichen Client; ein öffentlicher Client meldet sich mit acquireTokenInteractive() an.</translation>
    </message>
    <message>
        <source>No authorization code was given: pass the &quot;code&quot; parameter of the redirect.</source>
        <translation>Es wurde kein Autorisierungscode übergeben: Übergeben Sie den Parameter „code“ der Umleitung.</translation>
    </message>
    <message>
        <source>The redirect URI must be the absolute URI the authorization request named, as RFC 6749 §4.1.3 requires it to match.</source>
        <translation>Die Umleitungs-URI muss die absolute URI sein, die die Autorisierungsanfrage genannt hat, da RFC 6749 §4.1.3 verlangt, dass beide übereinstimmen.</translation>
    </message>
</context>
<context>
    <name>MsalQt::ConfidentialClientApplication</name>
    <message>
        <source>The client assertion could not be signed with the certificate&apos;s key: %1</source>
        <translation>Die Clientassertion konnte nicht mit dem Schlüssel des Zertifikats signiert werden: %1</translation>
    </message>
    <message>
        <source>The application&apos;s assertion callback returned no client assertion.</source>
        <translation>Der Assertion-Callback der Anwendung hat keine Clientassertion geliefert.</translation>
    </message>
    <message>
        <source>A confidential client needs a credential, such as a client secret.</source>
        <translation>Ein vertraulicher Client benötigt Anmeldeinformationen, etwa ein Clientgeheimnis.</translation>
    </message>
</context>
<context>
    <name>MsalQt::DeviceCodeFlow</name>
    <message>
        <source>The device code expired before anyone signed in with it.</source>
        <translation>Der Gerätecode ist abgelaufen, bevor sich jemand damit angemeldet hat.</translation>
    </message>
    <message>
        <source>Device code sign-in is for public clients; a confidential client signs in as itself.</source>
        <translation>Die Anmeldung per Gerätecode ist für öffentliche Clients gedacht; ein vertraulicher Client meldet sich als er selbst an.</translation>
    </message>
    <message>
        <source>This identity provider does not offer device code sign-in (its metadata has no device_authorization_endpoint).</source>
        <translation>Dieser Identitätsanbieter bietet keine Anmeldung per Gerätecode an (seine Metadaten enthalten keinen device_authorization_endpoint).</translation>
    </message>
    <message>
        <source>To sign in, use a web browser to open the page %1 and enter the code %2 to authenticate.</source>
        <translation>Um sich anzumelden, öffnen Sie die Seite %1 in einem Webbrowser und geben Sie den Code %2 ein, um sich zu authentifizieren.</translation>
    </message>
    <message>
        <source>The device authorization answer lacks device_code, user_code, verification_uri or a valid expires_in/interval.</source>
        <translation>In der Antwort der Geräteautorisierung fehlt device_code, user_code, verification_uri oder ein gültiges expires_in/interval.</translation>
    </message>
    <message>
        <source>Azure AD B2C does not offer device code sign-in: sign in interactively (in a browser) instead.</source>
        <translation>Azure AD B2C bietet keine Anmeldung per Gerätecode an: Melden Sie sich stattdessen interaktiv (in einem Browser) an.</translation>
    </message>
</context>
<context>
    <name>MsalQt::FederatedFlow</name>
    <message>
        <source>The user&apos;s federation server speaks &quot;%1&quot;; only WS-Trust is supported for this flow.</source>
        <translation>Der Verbundserver des Benutzers spricht „%1“; für diesen Ablauf wird nur WS-Trust unterstützt.</translation>
    </message>
    <message>
        <source>The user realm names federation metadata at %1, which is not an https URL; refused.</source>
        <translation>Der User Realm verweist auf Verbundmetadaten unter %1, aber das ist keine https-URL; abgelehnt.</translation>
    </message>
    <message>
        <source>The federation metadata could not be fetched (HTTP %1).</source>
        <translation>Die Verbundmetadaten konnten nicht abgerufen werden (HTTP %1).</translation>
    </message>
    <message>
        <source>The federation server refused the Kerberos authentication (HTTP 401). Check that its service principal and keytab match the realm.</source>
        <translation>Der Verbundserver hat die Kerberos-Authentifizierung abgelehnt (HTTP 401). Prüfen Sie, ob sein Dienstprinzipal und seine Keytab zum Realm passen.</translation>
    </message>
</context>
<context>
    <name>MsalQt::HttpClient</name>
    <message>
        <source>The server&apos;s answer is larger than %1 bytes; it was not read further.</source>
        <translation>Die Antwort des Servers ist größer als %1 Bytes; sie wurde nicht weiter gelesen.</translation>
    </message>
    <message>
        <source>The server redirected the request to %1; it was not followed (a request that carries credentials follows no redirect, and none follows one to plain http).</source>
        <translation>Der Server hat die Anfrage nach %1 umgeleitet; der Umleitung wurde nicht gefolgt (eine Anfrage mit Anmeldeinformationen folgt keiner Umleitung, und keine Anfrage folgt einer Umleitung auf einfaches http).</translation>
    </message>
    <message>
        <source>The server stopped sending its answer.</source>
        <translation>Der Server hat das Senden seiner Antwort abgebrochen.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The network access manager was destroyed while the request was under way.</source>
        <translation>Der Network Access Manager wurde zerstört, während die Anfrage lief.</translation>
    </message>
</context>
<context>
    <name>MsalQt::ImplicitFlow</name>
    <message>
        <source>The implicit answer lacks an access token, an ID token or a valid expires_in.</source>
        <translation>In der impliziten Antwort fehlt ein Zugriffstoken, ein ID-Token oder ein gültiges expires_in.</translation>
    </message>
    <message>
        <source>The implicit grant is off. It is deprecated; use acquireTokenInteractive() (code with PKCE), or switch it on with setImplicitGrantEnabled(true).</source>
        <translation>Die implizite Gewährung ist ausgeschaltet. Sie ist veraltet; verwenden Sie acquireTokenInteractive() (Code mit PKCE), oder schalten Sie sie mit setImplicitGrantEnabled(true) ein.</translation>
    </message>
    <message>
        <source>The implicit grant needs an agent that sees the redirect&apos;s fragment, such as the embedded sign-in dialog.</source>
        <translation>Die implizite Gewährung benötigt einen Agenten, der das Fragment der Umleitung sieht, etwa den eingebetteten Anmeldedialog.</translation>
    </message>
</context>
<context>
    <name>MsalQt::IntegratedWindowsAuthFlow</name>
    <message>
        <source>Integrated Windows authentication is for public clients only.</source>
        <translation>Die integrierte Windows-Authentifizierung ist nur für öffentliche Clients gedacht.</translation>
    </message>
    <message>
        <source>Integrated Windows authentication needs a Microsoft identity platform authority.</source>
        <translation>Die integrierte Windows-Authentifizierung benötigt eine Autorität der Microsoft Identity Platform.</translation>
    </message>
    <message>
        <source>Integrated Windows authentication needs a tenant or /organizations authority, not /common: use https://login.microsoftonline.com/{tenant} or /organizations.</source>
        <translation>Die integrierte Windows-Authentifizierung benötigt eine Mandanten- oder /organizations-Autorität, nicht /common: Verwenden Sie https://login.microsoftonline.com/{tenant} oder /organizations.</translation>
    </message>
    <message>
        <source>Integrated Windows authentication is for work and school accounts; personal Microsoft accounts (/consumers) cannot use it.</source>
        <translation>Die integrierte Windows-Authentifizierung ist für Geschäfts- oder Schulkonten gedacht; persönliche Microsoft-Konten (/consumers) können sie nicht verwenden.</translation>
    </message>
    <message>
        <source>Integrated Windows authentication needs the full username, such as user@contoso.com.</source>
        <translation>Die integrierte Windows-Authentifizierung benötigt den vollständigen Benutzernamen, etwa user@contoso.com.</translation>
    </message>
    <message>
        <source>%1 is a personal Microsoft account; integrated Windows authentication is for work and school accounts.</source>
        <translation>%1 ist ein persönliches Microsoft-Konto; die integrierte Windows-Authentifizierung ist für Geschäfts- oder Schulkonten gedacht.</translation>
    </message>
    <message>
        <source>%1 is a managed (cloud-only) user: integrated Windows authentication needs a federated domain. Use interactive sign-in or the device code flow.</source>
        <translation>%1 ist ein verwalteter Benutzer (nur in der Cloud): Die integrierte Windows-Authentifizierung benötigt eine Verbunddomäne. Verwenden Sie die interaktive Anmeldung oder die Anmeldung per Gerätecode.</translation>
    </message>
    <message>
        <source>Integrated Windows authentication is not available with an AD FS authority; use interactive sign-in, the device code flow, or a Microsoft Entra authority of a tenant federated with this AD FS.</source>
        <translation>Die integrierte Windows-Authentifizierung ist mit einer Autorität von AD FS nicht verfügbar; verwenden Sie die interaktive Anmeldung, die Anmeldung per Gerätecode oder eine Autorität von Microsoft Entra für einen Mandanten, der mit diesem AD FS im Verbund steht.</translation>
    </message>
    <message>
        <source>Azure AD B2C does not offer integrated Windows authentication: sign in interactively (in a browser) instead.</source>
        <translation>Azure AD B2C bietet keine integrierte Windows-Authentifizierung an: Melden Sie sich stattdessen interaktiv (in einem Browser) an.</translation>
    </message>
    <message>
        <source>Integrated Windows authentication is not available with an External ID (customer) tenant: use interactive sign-in or the device code flow.</source>
        <translation>Die integrierte Windows-Authentifizierung ist mit einem External-ID-Mandanten (für Kunden) nicht verfügbar: Verwenden Sie die interaktive Anmeldung oder den Gerätecode-Flow.</translation>
    </message>
</context>
<context>
    <name>MsalQt::Internal::AuthorityResolver</name>
    <message>
        <source>The authority %1 is not a known Microsoft identity platform instance.</source>
        <translation>Die Autorität %1 ist keine bekannte Instanz der Microsoft Identity Platform.</translation>
    </message>
    <message>
        <source>The authority&apos;s OpenID Connect metadata could not be read from %1.</source>
        <translation>Die OpenID-Connect-Metadaten der Autorität konnten nicht von %1 gelesen werden.</translation>
    </message>
    <message>
        <source>The discovery document is not JSON.</source>
        <translation>Das Discovery-Dokument ist kein JSON.</translation>
    </message>
    <message>
        <source>The discovery document has no issuer.</source>
        <translation>Das Discovery-Dokument hat keinen Aussteller (issuer).</translation>
    </message>
    <message>
        <source>The discovery document&apos;s %1 is missing or not an https URL.</source>
        <translation>%1 fehlt im Discovery-Dokument oder ist keine https-URL.</translation>
    </message>
    <message>
        <source>The discovery document&apos;s issuer %1 does not match the authority %2.</source>
        <translation>Der Aussteller %1 des Discovery-Dokuments passt nicht zur Autorität %2.</translation>
    </message>
    <message>
        <source>The discovery document&apos;s issuer %1 does not belong to the authority %2.</source>
        <translation>Der Aussteller %1 des Discovery-Dokuments gehört nicht zur Autorität %2.</translation>
    </message>
    <message>
        <source>The authority&apos;s signing keys could not be read: %1</source>
        <translation>Die Signaturschlüssel der Autorität konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The discovery document&apos;s issuer %1 is not an Azure AD B2C tenant&apos;s issuer (https://{host}/{tenant id}/v2.0/).</source>
        <translation>Der Aussteller %1 des Discovery-Dokuments ist nicht der Aussteller eines Mandanten von Azure AD B2C (https://{host}/{tenant id}/v2.0/).</translation>
    </message>
</context>
<context>
    <name>MsalQt::Internal::CacheFileLock</name>
    <message>
        <source>Took over the token cache lock %1, held for %2 s by %3, which does not release it.</source>
        <translation>Die Sperre %1 des Token-Caches wurde übernommen: %3 hielt sie seit %2 s, ohne sie freizugeben.</translation>
    </message>
    <message>
        <source>process %1 (%2)</source>
        <translation>Prozess %1 (%2)</translation>
    </message>
    <message>
        <source>an unknown process</source>
        <translation>ein unbekannter Prozess</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Could not create the lock file %1.</source>
        <translation>Die Sperrdatei %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not create the lock file %1: %2.</source>
        <translation>Die Sperrdatei %1 konnte nicht angelegt werden: %2.</translation>
    </message>
    <message>
        <source>The token cache is locked by process %1 (%2 on %3); it did not release %4 in time.</source>
        <translation>Der Token-Cache ist von Prozess %1 (%2 auf %3) gesperrt; er hat %4 nicht rechtzeitig freigegeben.</translation>
    </message>
    <message>
        <source>unknown program</source>
        <translation>unbekanntes Programm</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>diesem Rechner</translation>
    </message>
    <message>
        <source>The token cache is locked by another process; it did not release %1 in time.</source>
        <translation>Der Token-Cache ist von einem anderen Prozess gesperrt; er hat %1 nicht rechtzeitig freigegeben.</translation>
    </message>
</context>
<context>
    <name>MsalQt::Internal::CacheFileOperation</name>
    <message>
        <source>it is JSON, but not an object</source>
        <translation>sie ist JSON, aber kein Objekt</translation>
    </message>
    <message>
        <source>it is not JSON (%1)</source>
        <translation>sie ist kein JSON (%1)</translation>
    </message>
    <message>
        <source>No merge function was given to save().</source>
        <translation>save() wurde keine Zusammenführungsfunktion übergeben.</translation>
    </message>
    <message>
        <source>The token cache file %1 is encrypted; it can only be opened with KeychainCacheStorage. It was left as it is.</source>
        <translation>Die Token-Cache-Datei %1 ist verschlüsselt; sie lässt sich nur mit KeychainCacheStorage öffnen. Die Datei wurde unverändert gelassen.</translation>
    </message>
    <message>
        <source>The token cache file %1 is damaged (%2); what could be read of it was used. The next save keeps a copy of it aside.</source>
        <translation>Die Token-Cache-Datei %1 ist beschädigt (%2); was sich davon lesen ließ, wurde verwendet. Beim nächsten Speichern wird eine Kopie davon beiseitegelegt.</translation>
    </message>
    <message>
        <source>The token cache file %1 is damaged (%2), and no copy of it could be kept (%3). It was left as it is.</source>
        <translation>Die Token-Cache-Datei %1 ist beschädigt (%2), und es konnte keine Kopie davon aufbewahrt werden (%3). Die Datei wurde unverändert gelassen.</translation>
    </message>
    <message>
        <source>The token cache file %1 was damaged (%2); a copy was kept at %3.</source>
        <translation>Die Token-Cache-Datei %1 war beschädigt (%2); eine Kopie wurde unter %3 aufbewahrt.</translation>
    </message>
    <message>
        <source>The token cache file %1 could not be read (%2). It was left in place, since its lock could not be taken; an empty cache was used instead.</source>
        <translation>Die Token-Cache-Datei %1 konnte nicht gelesen werden (%2). Die Datei blieb an ihrem Platz, da ihre Sperre nicht zu erlangen war; stattdessen wurde ein leerer Cache verwendet.</translation>
    </message>
    <message>
        <source>The token cache file %1 is unreadable (%2), and could not be moved aside. It was left as it is.</source>
        <translation>Die Token-Cache-Datei %1 ist unlesbar (%2) und konnte nicht beiseitegelegt werden. Die Datei wurde unverändert gelassen.</translation>
    </message>
    <message>
        <source>The token cache file %1 could not be read (%2). It was moved to %3 and an empty cache was used instead.</source>
        <translation>Die Token-Cache-Datei %1 konnte nicht gelesen werden (%2). Die Datei wurde nach %3 verschoben, und stattdessen wurde ein leerer Cache verwendet.</translation>
    </message>
    <message>
        <source>The token cache file %1 was refused (%2). It was left as it is; nothing in it was used.</source>
        <translation>Die Token-Cache-Datei %1 wurde zurückgewiesen (%2). Die Datei wurde unverändert gelassen; nichts daraus wurde verwendet.</translation>
    </message>
    <message>
        <source>The token cache file %1 was refused (%2), and could not be moved aside. It was left as it is; nothing in it was used.</source>
        <translation>Die Token-Cache-Datei %1 wurde zurückgewiesen (%2) und konnte nicht beiseitegelegt werden. Die Datei wurde unverändert gelassen; nichts daraus wurde verwendet.</translation>
    </message>
    <message>
        <source>The token cache file %1 was refused (%2). It was moved to %3; nothing in it was used.</source>
        <translation>Die Token-Cache-Datei %1 wurde zurückgewiesen (%2). Die Datei wurde nach %3 verschoben; nichts daraus wurde verwendet.</translation>
    </message>
    <message>
        <source>The lock of the token cache %1 was taken over by another process while this one held it for too long; nothing was written.</source>
        <translation>Die Sperre des Token-Caches %1 wurde von einem anderen Prozess übernommen, weil dieser Prozess sie zu lange hielt; es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>MsalQt::Internal::KeychainCacheOperation</name>
    <message>
        <source>Access to the keychain was refused (%1), so the token cache %2 cannot be decrypted or saved. Allow access when the keychain asks.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert (%1), daher kann der Token-Cache %2 weder entschlüsselt noch gespeichert werden. Erlauben Sie den Zugriff, wenn der Schlüsselbund danach fragt.</translation>
    </message>
    <message>
        <source>The keyring that holds the key of the token cache %1 is locked, so the cache cannot be decrypted or saved; the file was left as it is. Unlock the keyring (signing in to the desktop unlocks the login keyring; a keyring manager such as Seahorse unlocks others) and try again.</source>
        <translation>Der Schlüsselbund, der den Schlüssel des Token-Caches %1 enthält, ist gesperrt, daher kann der Cache weder entschlüsselt noch gespeichert werden; die Datei wurde unverändert gelassen. Entsperren Sie den Schlüsselbund (die Anmeldung am Desktop entsperrt den Anmelde-Schlüsselbund; eine Schlüsselbundverwaltung wie Seahorse entsperrt andere) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain entry &quot;%1&quot; of service &quot;%2&quot; does not hold a token cache key. Remove it, or give the storage another keychain key name.</source>
        <translation>Der Schlüsselbundeintrag „%1“ des Dienstes „%2“ enthält keinen Token-Cache-Schlüssel. Entfernen Sie ihn, oder geben Sie dem Speicher einen anderen Schlüsselnamen im Schlüsselbund.</translation>
    </message>
    <message>
        <source>The keychain could not be used (%1), so the token cache %2 cannot be encrypted; the file was left as it is. On Linux, a Secret Service provider such as GNOME Keyring or KWallet must run, unlocked, in the session (on its D-Bus session bus). Otherwise the application can allow an unencrypted cache (KeychainCacheStorage::setAllowUnencryptedFallback).</source>
        <translation>Der Schlüsselbund konnte nicht verwendet werden (%1), daher kann der Token-Cache %2 nicht verschlüsselt werden; die Datei wurde unverändert gelassen. Unter Linux muss ein Secret-Service-Anbieter wie GNOME Keyring oder KWallet entsperrt in der Sitzung laufen (auf ihrem D-Bus-Sitzungsbus). Andernfalls kann die Anwendung einen unverschlüsselten Cache erlauben (KeychainCacheStorage::setAllowUnencryptedFallback).</translation>
    </message>
    <message>
        <source>The keychain could not be used (%1): the token cache %2 is stored unencrypted, as the application allows. Anyone who can read the file can use the tokens in it.</source>
        <translation>Der Schlüsselbund konnte nicht verwendet werden (%1): Der Token-Cache %2 wird unverschlüsselt gespeichert, wie es die Anwendung erlaubt. Wer die Datei lesen kann, kann die darin enthaltenen Tokens verwenden.</translation>
    </message>
    <message>
        <source>Could not generate a random key for the token cache.</source>
        <translation>Für den Token-Cache konnte kein Zufallsschlüssel erzeugt werden.</translation>
    </message>
    <message>
        <source>it is a plain, unencrypted cache where an encrypted one is expected; an application moving from FileCacheStorage can allow the unencrypted fallback to read it once</source>
        <translation>sie ist ein einfacher, unverschlüsselter Cache, wo ein verschlüsselter erwartet wird; eine Anwendung, die von FileCacheStorage umsteigt, kann den unverschlüsselten Fallback erlauben, um ihn einmal zu lesen</translation>
    </message>
    <message>
        <source>The token cache %1 is encrypted, and the keychain holding its key does not answer. The file was left as it is; it can be read again once the keychain is back.</source>
        <translation>Der Token-Cache %1 ist verschlüsselt, und der Schlüsselbund mit seinem Schlüssel antwortet nicht. Die Datei wurde unverändert gelassen; sie kann wieder gelesen werden, sobald der Schlüsselbund wieder verfügbar ist.</translation>
    </message>
    <message>
        <source>it decrypts, but %1</source>
        <translation>sie lässt sich entschlüsseln, aber %1</translation>
    </message>
    <message>
        <source>The token cache %1 was written by a newer version of MsalQt. It was left as it is.</source>
        <translation>Der Token-Cache %1 wurde von einer neueren Version von MsalQt geschrieben. Er wurde unverändert gelassen.</translation>
    </message>
    <message>
        <source>its encryption header is damaged or it is truncated</source>
        <translation>ihr Verschlüsselungskopf ist beschädigt, oder sie ist abgeschnitten</translation>
    </message>
    <message>
        <source>Decrypting the token cache %1 failed.</source>
        <translation>Das Entschlüsseln des Token-Caches %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The token cache %1 is encrypted with a key the keychain does not hold; an empty cache was used instead. The file was left in place; the next save moves it aside.</source>
        <translation>Der Token-Cache %1 ist mit einem Schlüssel verschlüsselt, den der Schlüsselbund nicht enthält; stattdessen wurde ein leerer Cache verwendet. Die Datei blieb an ihrem Platz; beim nächsten Speichern wird sie beiseitegelegt.</translation>
    </message>
    <message>
        <source>it is encrypted with a key the keychain no longer holds</source>
        <translation>sie ist mit einem Schlüssel verschlüsselt, den der Schlüsselbund nicht mehr enthält</translation>
    </message>
    <message>
        <source>it does not decrypt with the keychain&apos;s key: it was damaged or changed</source>
        <translation>sie lässt sich mit dem Schlüssel aus dem Schlüsselbund nicht entschlüsseln: sie wurde beschädigt oder verändert</translation>
    </message>
    <message>
        <source>Encrypting the token cache %1 failed.</source>
        <translation>Das Verschlüsseln des Token-Caches %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The token cache file %1 was removed, but its key could not be removed from the keychain: %2</source>
        <translation>Die Token-Cache-Datei %1 wurde entfernt, aber ihr Schlüssel konnte nicht aus dem Schlüsselbund entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>MsalQt::Negotiate</name>
    <message>
        <source>No Kerberos ticket: sign in to the domain first (run kinit, or log in with your domain account), then try again. %1</source>
        <translation>Kein Kerberos-Ticket: Melden Sie sich zuerst an der Domäne an (führen Sie kinit aus, oder melden Sie sich mit Ihrem Domänenkonto an) und versuchen Sie es dann erneut. %1</translation>
    </message>
    <message>
        <source>Your Kerberos ticket has expired: renew it (run kinit) and try again. %1</source>
        <translation>Ihr Kerberos-Ticket ist abgelaufen: Erneuern Sie es (führen Sie kinit aus), und versuchen Sie es erneut. %1</translation>
    </message>
    <message>
        <source>The Kerberos realm does not know the federation server&apos;s service principal %1: ask the administrator to register it (setspn / kadmin addprinc) or use the server&apos;s canonical host name. %2</source>
        <translation>Der Kerberos-Realm kennt den Dienstprinzipal %1 des Verbundservers nicht: Bitten Sie die Administration, ihn zu registrieren (setspn / kadmin addprinc), oder verwenden Sie den kanonischen Hostnamen des Servers. %2</translation>
    </message>
    <message>
        <source>Kerberos authentication to %1 failed: %2</source>
        <translation>Die Kerberos-Authentifizierung bei %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Kerberos cannot name the service %1: %2</source>
        <translation>Kerberos kann den Dienst %1 nicht benennen: %2</translation>
    </message>
</context>
<context>
    <name>MsalQt::OnBehalfOfFlow</name>
    <message>
        <source>On-behalf-of needs a confidential client: only a service that can prove who it is may exchange a user&apos;s token.</source>
        <translation>On-Behalf-Of erfordert einen vertraulichen Client: Nur ein Dienst, der seine Identität nachweisen kann, darf das Token eines Benutzers eintauschen.</translation>
    </message>
    <message>
        <source>On-behalf-of needs the user&apos;s token that this API received (the bearer token of the incoming request).</source>
        <translation>On-Behalf-Of benötigt das Token des Benutzers, das diese API erhalten hat (das Bearer-Token der eingehenden Anfrage).</translation>
    </message>
    <message>
        <source>On-behalf-of needs the downstream API&apos;s scopes, such as https://graph.microsoft.com/User.Read.</source>
        <translation>On-Behalf-Of benötigt die Bereiche der nachgelagerten API, etwa https://graph.microsoft.com/User.Read.</translation>
    </message>
    <message>
        <source>Azure AD B2C does not offer the on-behalf-of flow.</source>
        <translation>Azure AD B2C bietet den On-Behalf-Of-Ablauf nicht an.</translation>
    </message>
</context>
<context>
    <name>MsalQt::RefreshTokenFlow</name>
    <message>
        <source>The refresh token to import is empty.</source>
        <translation>Das zu importierende Aktualisierungstoken ist leer.</translation>
    </message>
    <message>
        <source>The refresh token to import contains characters a refresh token cannot have (line breaks, control or non-ASCII characters).</source>
        <translation>Das zu importierende Aktualisierungstoken enthält Zeichen, die ein Aktualisierungstoken nicht enthalten kann (Zeilenumbrüche, Steuerzeichen oder Nicht-ASCII-Zeichen).</translation>
    </message>
    <message>
        <source>Importing a refresh token needs the scopes it was issued for.</source>
        <translation>Der Import eines Aktualisierungstokens benötigt die Bereiche, für die es ausgestellt wurde.</translation>
    </message>
    <message>
        <source>The refresh token could not be used (%1): sign in interactively.</source>
        <translation>Das Aktualisierungstoken konnte nicht verwendet werden (%1): Melden Sie sich interaktiv an.</translation>
    </message>
    <message>
        <source>The server redeemed the refresh token but did not say whose it is (no ID token): nothing was imported. Ask for the openid scope, or sign in interactively.</source>
        <translation>Der Server hat das Aktualisierungstoken eingelöst, aber nicht angegeben, wem es gehört (kein ID-Token): Es wurde nichts importiert. Fordern Sie den Bereich openid an, oder melden Sie sich interaktiv an.</translation>
    </message>
</context>
<context>
    <name>MsalQt::SilentFlow</name>
    <message>
        <source>No account was given: sign in interactively first.</source>
        <translation>Es wurde kein Konto übergeben: Melden Sie sich zuerst interaktiv an.</translation>
    </message>
    <message>
        <source>There is no refresh token for %1 in the cache: sign in interactively.</source>
        <translation>Im Cache gibt es kein Aktualisierungstoken für %1: Melden Sie sich interaktiv an.</translation>
    </message>
</context>
<context>
    <name>MsalQt::SystemBrowserAgent</name>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Continue to the sign-in page</source>
        <translation>Weiter zur Anmeldeseite</translation>
    </message>
    <message>
        <source>No private directory for the sign-in page: %1.</source>
        <translation>Kein privates Verzeichnis für die Anmeldeseite: %1.</translation>
    </message>
    <message>
        <source>The sign-in page could not be written: %1.</source>
        <translation>Die Anmeldeseite konnte nicht geschrieben werden: %1.</translation>
    </message>
    <message>
        <source>The sign-in page could not be written.</source>
        <translation>Die Anmeldeseite konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>neither the desktop portal nor xdg-open could open the sign-in page.</source>
        <translation>weder das Desktop-Portal noch xdg-open konnte die Anmeldeseite öffnen.</translation>
    </message>
    <message>
        <source>The system browser can only return to a loopback redirect URI such as http://localhost.</source>
        <translation>Der Systembrowser kann nur zu einer Loopback-Umleitungs-URI wie http://localhost zurückkehren.</translation>
    </message>
    <message>
        <source>No browser could be opened. Install one, or sign in with the device code flow.</source>
        <translation>Es konnte kein Browser geöffnet werden. Installieren Sie einen, oder melden Sie sich per Gerätecode an.</translation>
    </message>
    <message>
        <source>No browser could be opened: %1 Install one, or sign in with the device code flow.</source>
        <translation>Es konnte kein Browser geöffnet werden: %1 Installieren Sie einen, oder melden Sie sich per Gerätecode an.</translation>
    </message>
    <message>
        <source>No application was chosen to open the sign-in page.</source>
        <translation>Es wurde keine Anwendung zum Öffnen der Anmeldeseite ausgewählt.</translation>
    </message>
    <message>
        <source>Request ignored</source>
        <translation>Anfrage ignoriert</translation>
    </message>
    <message>
        <source>This request does not belong to the sign-in in progress, so it was ignored. If you are signing in, finish in the browser tab where you started.</source>
        <translation>Diese Anfrage gehört nicht zur laufenden Anmeldung und wurde daher ignoriert. Wenn Sie sich gerade anmelden, schließen Sie die Anmeldung in dem Browser-Tab ab, in dem Sie sie begonnen haben.</translation>
    </message>
    <message>
        <source>Sign-in complete</source>
        <translation>Anmeldung abgeschlossen</translation>
    </message>
    <message>
        <source>You can close this browser tab and return to the application.</source>
        <translation>Sie können diesen Browser-Tab schließen und zur Anwendung zurückkehren.</translation>
    </message>
    <message numerus="yes">
        <source>No browser could be opened: no browser loaded the sign-in page within %n seconds. Install one, or sign in with the device code flow.</source>
        <translation>
            <numerusform>Es konnte kein Browser geöffnet werden: Kein Browser hat die Anmeldeseite innerhalb von %n Sekunde geladen. Installieren Sie einen, oder melden Sie sich per Gerätecode an.</numerusform>
            <numerusform>Es konnte kein Browser geöffnet werden: Kein Browser hat die Anmeldeseite innerhalb von %n Sekunden geladen. Installieren Sie einen, oder melden Sie sich per Gerätecode an.</numerusform>
        </translation>
    </message>
    <message>
        <source>Return to the application</source>
        <translation>Zurück zur Anwendung</translation>
    </message>
    <message>
        <source>The sign-in goes on in the application. You can close this browser tab.</source>
        <translation>Die Anmeldung wird in der Anwendung fortgesetzt. Sie können diesen Browser-Tab schließen.</translation>
    </message>
    <message>
        <source>The application stopped waiting for this sign-in. You can close this browser tab.</source>
        <translation>Die Anwendung wartet nicht mehr auf diese Anmeldung. Sie können diesen Browser-Tab schließen.</translation>
    </message>
    <message>
        <source>No browser could be opened: xdg-open found none for the sign-in page. Install one, or sign in with the device code flow.</source>
        <translation>Es konnte kein Browser geöffnet werden: xdg-open hat keinen für die Anmeldeseite gefunden. Installieren Sie einen, oder melden Sie sich per Gerätecode an.</translation>
    </message>
    <message>
        <source>The browser was closed before the sign-in finished.</source>
        <translation>Der Browser wurde geschlossen, bevor die Anmeldung abgeschlossen war.</translation>
    </message>
    <message>
        <source>Sign-in declined</source>
        <translation>Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>The sign-in was declined, so the application was not signed in. You can close this browser tab.</source>
        <translation>Die Anmeldung wurde abgelehnt, daher ist die Anwendung nicht angemeldet. Sie können diesen Browser-Tab schließen.</translation>
    </message>
    <message>
        <source>Sign-in cancelled</source>
        <translation>Anmeldung abgebrochen</translation>
    </message>
    <message>
        <source>The sign-in was cancelled in the application. You can close this browser tab.</source>
        <translation>Die Anmeldung wurde in der Anwendung abgebrochen. Sie können diesen Browser-Tab schließen.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The application was not signed in: %1 Return to the application to try again.</source>
        <translation>Die Anwendung ist nicht angemeldet: %1 Kehren Sie zur Anwendung zurück, um es erneut zu versuchen.</translation>
    </message>
</context>
<context>
    <name>MsalQt::TokenCache</name>
    <message>
        <source>the cache is not JSON: %1</source>
        <translation>der Cache ist kein JSON: %1</translation>
    </message>
    <message>
        <source>the cache is not a JSON object</source>
        <translation>der Cache ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the %1 section is not an object</source>
        <translation>der Abschnitt %1 ist kein Objekt</translation>
    </message>
    <message>
        <source>an entry of %1 is not an object</source>
        <translation>ein Eintrag von %1 ist kein Objekt</translation>
    </message>
    <message numerus="yes">
        <source>%n entries of %1 are not objects</source>
        <translation>
            <numerusform>%n Eintrag von %1 ist kein Objekt</numerusform>
            <numerusform>%n Einträge von %1 sind keine Objekte</numerusform>
        </translation>
    </message>
    <message>
        <source>The cache is not a JSON object: %1</source>
        <translation>Der Cache ist kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <source>The cache section %1 is not an object.</source>
        <translation>Der Cache-Abschnitt %1 ist kein Objekt.</translation>
    </message>
</context>
<context>
    <name>MsalQt::TokenRequest</name>
    <message>
        <source>The refreshed tokens are for another account: their %1 is not the signed-in account&apos;s.</source>
        <translation>Die erneuerten Tokens gehören zu einem anderen Konto: %1 stimmt nicht mit dem des angemeldeten Kontos überein.</translation>
    </message>
    <message>
        <source>The application was deleted before the request finished.</source>
        <translation>Die Anwendung wurde gelöscht, bevor die Anfrage abgeschlossen war.</translation>
    </message>
    <message>
        <source>The ID token was rejected (%1): %2</source>
        <translation>Das ID-Token wurde zurückgewiesen (%1): %2</translation>
    </message>
    <message>
        <source>The request was deleted before it finished.</source>
        <translation>Die Anfrage wurde gelöscht, bevor sie abgeschlossen war.</translation>
    </message>
</context>
<context>
    <name>MsalQt::TokenResponse</name>
    <message>
        <source>The answer was empty.</source>
        <translation>Die Antwort war leer.</translation>
    </message>
    <message>
        <source>The answer is not a JSON object (%1 at offset %2).</source>
        <translation>Die Antwort ist kein JSON-Objekt (%1 an Position %2).</translation>
    </message>
    <message>
        <source>The token response has no access token.</source>
        <translation>Die Token-Antwort enthält kein Zugriffstoken.</translation>
    </message>
    <message>
        <source>The token response has a field of the wrong type.</source>
        <translation>Die Token-Antwort enthält ein Feld mit falschem Typ.</translation>
    </message>
    <message>
        <source>The token type &quot;%1&quot; is not supported (expected Bearer).</source>
        <translation>Der Tokentyp „%1“ wird nicht unterstützt (erwartet: Bearer).</translation>
    </message>
    <message>
        <source>The token response has an invalid expires_in.</source>
        <translation>Die Token-Antwort enthält ein ungültiges expires_in.</translation>
    </message>
    <message>
        <source>The token response has an invalid ext_expires_in.</source>
        <translation>Die Token-Antwort enthält ein ungültiges ext_expires_in.</translation>
    </message>
    <message>
        <source>The token response has an invalid refresh_in.</source>
        <translation>Die Token-Antwort enthält ein ungültiges refresh_in.</translation>
    </message>
    <message>
        <source>The server failed (HTTP %1) and asked to wait before the request is sent again.</source>
        <translation>Beim Server ist ein Fehler aufgetreten (HTTP %1); er bittet darum, vor dem erneuten Senden der Anfrage zu warten.</translation>
    </message>
    <message>
        <source>The server throttled this request; it was not sent again before the wait was over.</source>
        <translation>Der Server hat diese Anfrage gedrosselt; sie wurde vor Ablauf der Wartezeit nicht erneut gesendet.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The server failed (HTTP %1).</source>
        <translation>Beim Server ist ein Fehler aufgetreten (HTTP %1).</translation>
    </message>
    <message>
        <source>HTTP %1 without a protocol error.</source>
        <translation>HTTP %1 ohne Protokollfehler.</translation>
    </message>
</context>
<context>
    <name>MsalQt::UserRealm</name>
    <message>
        <source>The user realm answer has an unknown account type &quot;%1&quot;.</source>
        <translation>Die User-Realm-Antwort enthält einen unbekannten Kontotyp „%1“.</translation>
    </message>
    <message>
        <source>The user realm answer names a federated user but no federation metadata URL.</source>
        <translation>Die User-Realm-Antwort nennt einen Verbundbenutzer, aber keine URL für Verbundmetadaten.</translation>
    </message>
</context>
<context>
    <name>MsalQt::UsernamePasswordFlow</name>
    <message>
        <source>Username and password sign-in is for public clients only.</source>
        <translation>Die Anmeldung mit Benutzername und Passwort ist nur für öffentliche Clients gedacht.</translation>
    </message>
    <message>
        <source>Username and password sign-in needs a Microsoft identity platform authority.</source>
        <translation>Die Anmeldung mit Benutzername und Passwort benötigt eine Autorität der Microsoft Identity Platform.</translation>
    </message>
    <message>
        <source>Personal Microsoft accounts (the /consumers authority) cannot sign in with a username and password from an application; use interactive sign-in or the device code flow.</source>
        <translation>Persönliche Microsoft-Konten (die Autorität /consumers) können sich in einer Anwendung nicht mit Benutzername und Passwort anmelden; verwenden Sie die interaktive Anmeldung oder die Anmeldung per Gerätecode.</translation>
    </message>
    <message>
        <source>Username and password sign-in needs the full username, such as user@contoso.com.</source>
        <translation>Die Anmeldung mit Benutzername und Passwort benötigt den vollständigen Benutzernamen, etwa user@contoso.com.</translation>
    </message>
    <message>
        <source>The password is empty.</source>
        <translation>Das Passwort ist leer.</translation>
    </message>
    <message>
        <source>%1 is a personal Microsoft account, which cannot sign in with a username and password from an application; use interactive sign-in or the device code flow.</source>
        <translation>%1 ist ein persönliches Microsoft-Konto, das sich in einer Anwendung nicht mit Benutzername und Passwort anmelden kann; verwenden Sie die interaktive Anmeldung oder die Anmeldung per Gerätecode.</translation>
    </message>
</context>
<context>
    <name>MsalQt::WsTrust</name>
    <message>
        <source>The federation metadata document is too large.</source>
        <translation>Das Verbundmetadaten-Dokument ist zu groß.</translation>
    </message>
    <message>
        <source>The federation metadata document carries a DTD; refused.</source>
        <translation>Das Verbundmetadaten-Dokument enthält eine DTD; abgelehnt.</translation>
    </message>
    <message>
        <source>The federation metadata document uses an undeclared entity.</source>
        <translation>Das Verbundmetadaten-Dokument verwendet eine nicht deklarierte Entität.</translation>
    </message>
    <message>
        <source>The federation metadata document is not well-formed XML: %1</source>
        <translation>Das Verbundmetadaten-Dokument ist kein wohlgeformtes XML: %1</translation>
    </message>
    <message>
        <source>The federation metadata from %1 names its WS-Trust endpoint at %2, which is not https on the same host; refused.</source>
        <translation>Die Verbundmetadaten von %1 nennen ihren WS-Trust-Endpunkt unter %2, der nicht https auf demselben Host verwendet; abgelehnt.</translation>
    </message>
    <message>
        <source>The federation server publishes no WS-Trust windowstransport endpoint: integrated Windows authentication is not enabled there.</source>
        <translation>Der Verbundserver veröffentlicht keinen WS-Trust-Endpunkt windowstransport: Die integrierte Windows-Authentifizierung ist dort nicht aktiviert.</translation>
    </message>
    <message>
        <source>The federation server publishes no WS-Trust usernamemixed endpoint: it does not accept passwords from applications.</source>
        <translation>Der Verbundserver veröffentlicht keinen WS-Trust-Endpunkt usernamemixed: Er nimmt keine Passwörter von Anwendungen an.</translation>
    </message>
    <message>
        <source>The federation server&apos;s answer holds more than one security token; refused.</source>
        <translation>Die Antwort des Verbundservers enthält mehr als ein Sicherheitstoken; abgelehnt.</translation>
    </message>
    <message>
        <source>The federation server&apos;s answer is too large.</source>
        <translation>Die Antwort des Verbundservers ist zu groß.</translation>
    </message>
    <message>
        <source>The federation server&apos;s answer carries a DTD or an entity; refused.</source>
        <translation>Die Antwort des Verbundservers enthält eine DTD oder eine Entität; abgelehnt.</translation>
    </message>
    <message>
        <source>The federation server&apos;s answer is not well-formed XML: %1</source>
        <translation>Die Antwort des Verbundservers ist kein wohlgeformtes XML: %1</translation>
    </message>
    <message>
        <source>The federation server refused the request.</source>
        <translation>Der Verbundserver hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>The federation server&apos;s answer holds no SAML assertion.</source>
        <translation>Die Antwort des Verbundservers enthält keine SAML-Assertion.</translation>
    </message>
    <message>
        <source>The federation server issued a token of unknown type &quot;%1&quot;.</source>
        <translation>Der Verbundserver hat ein Token unbekannten Typs „%1“ ausgestellt.</translation>
    </message>
    <message>
        <source>The federation server refused the request (%1).</source>
        <translation>Der Verbundserver hat die Anfrage abgelehnt (%1).</translation>
    </message>
</context>
</TS>
