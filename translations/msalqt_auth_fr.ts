<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>MsalQt::AuthError</name>
    <message>
        <source>No error.</source>
        <translation>Aucune erreur.</translation>
    </message>
    <message>
        <source>The application is not set up for this sign-in.</source>
        <translation>L’application n’est pas configurée pour cette connexion.</translation>
    </message>
    <message>
        <source>This kind of sign-in is not available for this authority.</source>
        <translation>Ce type de connexion n’est pas disponible pour cette autorité.</translation>
    </message>
    <message>
        <source>The sign-in service could not be reached.</source>
        <translation>Le service de connexion est injoignable.</translation>
    </message>
    <message>
        <source>The sign-in took too long.</source>
        <translation>La connexion a pris trop de temps.</translation>
    </message>
    <message>
        <source>The sign-in service asked to wait before trying again.</source>
        <translation>Le service de connexion demande d’attendre avant de réessayer.</translation>
    </message>
    <message>
        <source>The sign-in service refused the request.</source>
        <translation>Le service de connexion a refusé la demande.</translation>
    </message>
    <message>
        <source>The sign-in service sent a token that failed validation.</source>
        <translation>Le service de connexion a envoyé un jeton qui n’a pas passé la validation.</translation>
    </message>
    <message>
        <source>You need to sign in interactively to continue.</source>
        <translation>Vous devez vous connecter de manière interactive pour continuer.</translation>
    </message>
    <message>
        <source>The sign-in was declined.</source>
        <translation>La connexion a été refusée.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
    </message>
    <message>
        <source>The system keychain, which holds the token cache&apos;s key, is not available.</source>
        <translation>Le trousseau du système, qui contient la clé du cache de jetons, n’est pas disponible.</translation>
    </message>
    <message>
        <source>The token cache could not be read or written.</source>
        <translation>Le cache de jetons n’a pas pu être lu ou écrit.</translation>
    </message>
    <message>
        <source>The sign-in service sent an answer larger than allowed.</source>
        <translation>Le service de connexion a envoyé une réponse plus volumineuse que ce qui est autorisé.</translation>
    </message>
    <message>
        <source>The sign-in service answered for another account than the one signed in; the answer was refused.</source>
        <translation>Le service de connexion a répondu pour un autre compte que celui qui est connecté&#xa0;; la réponse a été rejetée.</translation>
    </message>
    <message>
        <source>Your saved sign-ins were reset: the stored token cache could not be read, and was kept aside. Sign in again.</source>
        <translation>Vos connexions enregistrées ont été réinitialisées&#xa0;: le cache de jetons enregistré n’a pas pu être lu et a été mis de côté. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Try again after %1.</source>
        <translation>Réessayez après %1.</translation>
    </message>
    <message>
        <source>Server error: %1.</source>
        <translation>Erreur du serveur&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Correlation ID: %1</source>
        <translation>ID de corrélation&#xa0;: %1</translation>
    </message>
    <message>
        <source>The sign-in service sent an answer that could not be accepted.</source>
        <translation>Le service de connexion a envoyé une réponse qui n’a pas pu être acceptée.</translation>
    </message>
    <message>
        <source>You asked to reset your password. The application starts the password reset; after it, sign in again.</source>
        <translation>Vous avez demandé à réinitialiser votre mot de passe. L’application lance la réinitialisation du mot de passe&#xa0;; ensuite, reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>MsalQt::AuthenticatedNetworkAccess</name>
    <message>
        <source>“%1” is not a URL a request can be sent to.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une URL à laquelle une requête peut être envoyée.</translation>
    </message>
    <message>
        <source>A token is only sent over https: %1 is not encrypted, so nothing was sent.</source>
        <translation>Un jeton n’est envoyé que par https&#xa0;: %1 n’est pas chiffré, rien n’a donc été envoyé.</translation>
    </message>
    <message>
        <source>A token for %1 may not be sent to %2, so nothing was sent. Name that address in AuthenticatedNetworkAccess::setAllowedUrls() if it is meant to receive it.</source>
        <translation>Un jeton pour %1 ne peut pas être envoyé à %2, rien n’a donc été envoyé. Indiquez cette adresse dans AuthenticatedNetworkAccess::setAllowedUrls() si elle doit le recevoir.</translation>
    </message>
</context>
<context>
    <name>MsalQt::AuthenticatedReply</name>
    <message>
        <source>The application was deleted before the request was sent.</source>
        <translation>L’application a été supprimée avant l’envoi de la requête.</translation>
    </message>
    <message>
        <source>No account is signed in to call %1 for: sign in first.</source>
        <translation>Aucun compte n’est connecté pour appeler %1&#xa0;: connectez-vous d’abord.</translation>
    </message>
    <message>
        <source>The sign-in was for %1, not for %2 whose request this is, so the request was not sent.</source>
        <translation>La connexion concernait %1, et non %2 à qui appartient cette requête&#xa0;; la requête n’a donc pas été envoyée.</translation>
    </message>
    <message>
        <source>The network access manager was deleted before the request was sent.</source>
        <translation>Le gestionnaire d’accès réseau a été supprimé avant l’envoi de la requête.</translation>
    </message>
    <message>
        <source>The body of the request to %1 can no longer be read.</source>
        <translation>Le corps de la requête vers %1 ne peut plus être lu.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s; the request was stopped.</source>
        <translation>%1 n’a pas répondu dans les %2 s&#xa0;; la requête a été arrêtée.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>La requête a été annulée.</translation>
    </message>
</context>
<context>
    <name>MsalQt::AuthenticationChallenge</name>
    <message>
        <source>The authentication challenge could not be read: %1 (at offset %2).</source>
        <translation>Le défi d’authentification n’a pas pu être lu&#xa0;: %1 (à la position %2).</translation>
    </message>
    <message>
        <source>a control character in a quoted string</source>
        <translation>un caractère de contrôle dans une chaîne entre guillemets</translation>
    </message>
    <message>
        <source>a quoted string without its closing quote</source>
        <translation>une chaîne sans guillemet fermant</translation>
    </message>
    <message>
        <source>a parameter name was expected</source>
        <translation>un nom de paramètre était attendu</translation>
    </message>
    <message>
        <source>the parameter &quot;%1&quot; has no &quot;=&quot;</source>
        <translation>le paramètre «&#xa0;%1&#xa0;» n’a pas de «&#xa0;=&#xa0;»</translation>
    </message>
    <message>
        <source>the parameter &quot;%1&quot; has no value</source>
        <translation>le paramètre «&#xa0;%1&#xa0;» n’a pas de valeur</translation>
    </message>
    <message>
        <source>the parameter &quot;%1&quot; appears twice</source>
        <translation>le paramètre «&#xa0;%1&#xa0;» apparaît deux fois</translation>
    </message>
    <message>
        <source>more than %1 parameters in one challenge</source>
        <translation>plus de %1 paramètres dans un défi</translation>
    </message>
    <message>
        <source>a comma was expected after the parameter &quot;%1&quot;</source>
        <translation>une virgule était attendue après le paramètre «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>the header is larger than %1 bytes</source>
        <translation>l’en-tête dépasse %1 octets</translation>
    </message>
    <message>
        <source>an authentication scheme was expected</source>
        <translation>un schéma d’authentification était attendu</translation>
    </message>
    <message>
        <source>more than %1 challenges</source>
        <translation>plus de %1 défis</translation>
    </message>
    <message>
        <source>a comma was expected after the challenge &quot;%1&quot;</source>
        <translation>une virgule était attendue après le défi «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>MsalQt::Authority</name>
    <message>
        <source>The authority is not a valid URL.</source>
        <translation>L’autorité n’est pas une URL valide.</translation>
    </message>
    <message>
        <source>The authority must use https (plain http is only allowed on loopback hosts).</source>
        <translation>L’autorité doit utiliser https (le http simple n’est permis que sur les hôtes de bouclage).</translation>
    </message>
    <message>
        <source>The authority URL must not carry a query, a fragment or user information.</source>
        <translation>L’URL de l’autorité ne doit contenir ni requête, ni fragment, ni informations d’utilisateur.</translation>
    </message>
    <message>
        <source>The authority has no tenant: use https://host/{tenant}, where the tenant is a tenant id, a domain, &quot;organizations&quot;, &quot;common&quot; or &quot;consumers&quot;.</source>
        <translation>L’autorité n’indique aucun locataire&#xa0;: utilisez https://host/{tenant}, où le locataire est un ID de locataire, un domaine, «&#xa0;organizations&#xa0;», «&#xa0;common&#xa0;» ou «&#xa0;consumers&#xa0;».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenant id, a domain name or an audience keyword.</source>
        <translation>«&#xa0;%1&#xa0;» n’est ni un ID de locataire, ni un nom de domaine, ni un mot-clé d’audience.</translation>
    </message>
    <message>
        <source>This is an Azure AD B2C authority: create it with Authority::b2c(), which takes https://{host}/{tenant}/{policy}.</source>
        <translation>C’est une autorité Azure AD B2C&#xa0;: créez-la avec Authority::b2c(), qui attend https://{host}/{tenant}/{policy}.</translation>
    </message>
    <message>
        <source>This is an AD FS authority: use Authority::adfs() for https://host/adfs.</source>
        <translation>C’est une autorité AD FS&#xa0;: utilisez Authority::adfs() pour https://host/adfs.</translation>
    </message>
    <message>
        <source>The authority must be a host followed by exactly one tenant segment (for an Azure AD B2C authority with a policy, use Authority::b2c()).</source>
        <translation>L’autorité doit être un hôte suivi d’un seul segment de locataire (pour une autorité Azure AD B2C avec une stratégie, utilisez Authority::b2c()).</translation>
    </message>
    <message>
        <source>An AD FS authority is a host followed by /adfs, such as https://sts.contoso.com/adfs.</source>
        <translation>Une autorité AD FS est un hôte suivi de /adfs, comme https://sts.contoso.com/adfs.</translation>
    </message>
    <message>
        <source>The Azure AD B2C authority has no policy: use https://{host}/{tenant}/{policy}, where the policy is the user flow, such as B2C_1_signupsignin.</source>
        <translation>L’autorité Azure AD B2C n’indique aucune stratégie&#xa0;: utilisez https://{host}/{tenant}/{policy}, où la stratégie est le flux d’utilisateur, comme B2C_1_signupsignin.</translation>
    </message>
    <message>
        <source>The Azure AD B2C authority must be a host followed by a tenant and a policy: https://{host}/{tenant}/{policy}.</source>
        <translation>L’autorité Azure AD B2C doit être un hôte suivi d’un locataire et d’une stratégie&#xa0;: https://{host}/{tenant}/{policy}.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenant id or a domain name.</source>
        <translation>«&#xa0;%1&#xa0;» n’est ni un ID de locataire ni un nom de domaine.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a B2C policy name.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de stratégie B2C.</translation>
    </message>
    <message>
        <source>The External ID authority has no tenant: use https://{tenant}.ciamlogin.com/, or add the tenant id or domain to a custom URL domain (https://login.contoso.com/{tenant id}).</source>
        <translation>L’autorité External ID ne nomme aucun locataire&#xa0;: utilisez https://{tenant}.ciamlogin.com/, ou ajoutez l’identifiant ou le domaine du locataire à un domaine d’URL personnalisé (https://login.contoso.com/{tenant id}).</translation>
    </message>
    <message>
        <source>The External ID authority must be a host followed by exactly one tenant segment (a tenant id or domain).</source>
        <translation>L’autorité External ID doit être un hôte suivi d’exactement un segment de locataire (un identifiant ou un domaine de locataire).</translation>
    </message>
    <message>
        <source>An External ID authority names its own tenant; &quot;%1&quot; is a workforce audience: use Authority::microsoft() for it.</source>
        <translation>Une autorité External ID nomme son propre locataire&#xa0;; «&#xa0;%1&#xa0;» est une audience de comptes professionnels&#xa0;: utilisez Authority::microsoft() pour celle-ci.</translation>
    </message>
</context>
<context>
    <name>MsalQt::AuthorizationCodeFlow</name>
    <message>
        <source>Interactive sign-in is for public clients; a web app redeems the code it receives with acquireTokenByAuthorizationCode().</source>
        <translation>La connexion interactive est réservée aux clients publics&#xa0;; une application web échange le code qu’elle reçoit avec acquireTokenByAuthorizationCode().</translation>
    </message>
    <message>
        <source>The redirect URI &quot;%1&quot; is not valid.</source>
        <translation>L’URI de redirection «&#xa0;%1&#xa0;» n’est pas valide.</translation>
    </message>
    <message>
        <source>This sign-in&apos;s authorization code was already used; sign in again.</source>
        <translation>Le code d’autorisation de cette connexion a déjà été utilisé&#xa0;; reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>MsalQt::AuthorizationRequest</name>
    <message>
        <source>The extra query parameter &quot;%1&quot; would override a protocol parameter.</source>
        <translation>Le paramètre de requête supplémentaire «&#xa0;%1&#xa0;» remplacerait un paramètre du protocole.</translation>
    </message>
    <message>
        <source>The sign-in answer carries neither a code nor an error.</source>
        <translation>La réponse de connexion ne contient ni code ni erreur.</translation>
    </message>
    <message>
        <source>The answer that reached the application does not belong to the sign-in that was started (state mismatch), so the sign-in was stopped. Start the sign-in again.</source>
        <translation>La réponse reçue par l’application n’appartient pas à la connexion commencée (state différent)&#xa0;; la connexion a donc été arrêtée. Recommencez la connexion.</translation>
    </message>
    <message>
        <source>The sign-in answer comes from the issuer &quot;%1&quot;, not from &quot;%2&quot;, so the sign-in was stopped. Start the sign-in again; if this keeps happening, tell the application&apos;s administrator.</source>
        <translation>La réponse de connexion vient de l’émetteur «&#xa0;%1&#xa0;» et non de «&#xa0;%2&#xa0;»&#xa0;; la connexion a donc été arrêtée. Recommencez la connexion&#xa0;; si cela se reproduit, prévenez l’administrateur de l’application.</translation>
    </message>
</context>
<context>
    <name>MsalQt::BrowserFlow</name>
    <message>
        <source>Nobody finished the sign-in in time.</source>
        <translation>Personne n’a terminé la connexion à temps.</translation>
    </message>
    <message>
        <source>The authority has no authorization endpoint.</source>
        <translation>L’autorité n’a pas de point de terminaison d’autorisation.</translation>
    </message>
    <message>
        <source>The sign-in window was deleted before the sign-in started.</source>
        <translation>La fenêtre de connexion a été supprimée avant le début de la connexion.</translation>
    </message>
    <message>
        <source>The sign-in window was closed by deleting it.</source>
        <translation>La fenêtre de connexion a été fermée par sa suppression.</translation>
    </message>
    <message>
        <source>This sign-in window cannot return to the redirect URI &quot;%1&quot;.</source>
        <translation>Cette fenêtre de connexion ne peut pas revenir à l’URI de redirection «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The sign-in ended on an address other than the redirect URI.</source>
        <translation>La connexion s’est terminée sur une adresse autre que l’URI de redirection.</translation>
    </message>
    <message>
        <source>The sign-in asked for max_age, but the answer has no ID token to tell when the person last signed in (OpenID Connect Core §3.1.3.7).</source>
        <translation>La connexion a demandé max_age, mais la réponse ne contient pas de jeton d’ID indiquant quand la personne s’est connectée pour la dernière fois (OpenID Connect Core §3.1.3.7).</translation>
    </message>
</context>
<context>
    <name>MsalQt::CacheFile</name>
    <message>
        <source>the file system is read-only</source>
        <translation>le système de fichiers est en lecture seule</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>the disk quota is exhausted</source>
        <translation>le quota de disque est épuisé</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>%1 is a symbolic link. The token cache is never read or written through a link, since a link there could point at any file of yours; it was left as it is. Put the file itself there (a link among its directories is fine).</source>
        <translation>%1 est un lien symbolique. Le cache de jetons n’est jamais lu ni écrit à travers un lien, car un lien à cet endroit pourrait pointer vers n’importe lequel de vos fichiers&#xa0;; il a été laissé tel quel. Placez-y le fichier lui-même (un lien parmi ses répertoires parents ne pose pas de problème).</translation>
    </message>
    <message>
        <source>Could not open %1: %2.</source>
        <translation>Impossible d’ouvrir %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 is a directory, not a token cache file; it was left as it is.</source>
        <translation>%1 est un répertoire, pas un fichier de cache de jetons&#xa0;; il a été laissé tel quel.</translation>
    </message>
    <message>
        <source>%1 is not a regular file; it was left as it is.</source>
        <translation>%1 n’est pas un fichier ordinaire&#xa0;; il a été laissé tel quel.</translation>
    </message>
    <message>
        <source>Could not read %1: %2.</source>
        <translation>Impossible de lire %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Could not create the directory %1.</source>
        <translation>Impossible de créer le répertoire %1.</translation>
    </message>
    <message>
        <source>Could not create a temporary file beside %1: %2.</source>
        <translation>Impossible de créer un fichier temporaire à côté de %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Could not restrict the permissions of the temporary file for %1: %2.</source>
        <translation>Impossible de restreindre les permissions du fichier temporaire pour %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>Impossible d’écrire %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Could not flush %1 to disk: %2.</source>
        <translation>Impossible d’écrire durablement %1 sur le disque&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Could not replace %1: %2.</source>
        <translation>Impossible de remplacer %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Could not keep a copy of %1 at %2: %3.</source>
        <translation>Impossible de conserver une copie de %1 dans %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>Could not keep a copy of %1: too many copies are there already.</source>
        <translation>Impossible de conserver une copie de %1&#xa0;: il y en a déjà trop.</translation>
    </message>
    <message>
        <source>Could not move the unreadable cache file %1 aside.</source>
        <translation>Impossible de mettre de côté le fichier de cache illisible %1.</translation>
    </message>
    <message>
        <source>Could not remove %1: %2.</source>
        <translation>Impossible de supprimer %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>MsalQt::CacheStorage</name>
    <message>
        <source>No merge function was given to save().</source>
        <translation>Aucune fonction de fusion n’a été passée à save().</translation>
    </message>
</context>
<context>
    <name>MsalQt::ClientApplication</name>
    <message>
        <source>The cache storage was deleted while saving.</source>
        <translation>Le stockage du cache a été supprimé pendant l’enregistrement.</translation>
    </message>
    <message>
        <source>No client id is set: register the application and pass its application (client) id.</source>
        <translation>Aucun ID client n’est défini&#xa0;: inscrivez l’application et transmettez son ID d’application (client).</translation>
    </message>
    <message>
        <source>The authority is not valid: %1</source>
        <translation>L’autorité n’est pas valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>The cache storage was deleted while loading.</source>
        <translation>Le stockage du cache a été supprimé pendant le chargement.</translation>
    </message>
    <message>
        <source>The claims of the request are not a JSON object, so the client capabilities cannot be added to them.</source>
        <translation>Les revendications de la demande ne sont pas un objet JSON&#xa0;; les capacités du client ne peuvent donc pas y être ajoutées.</translation>
    </message>
    <message>
        <source>A tenant cannot be named for an OpenID Connect authority, which has no tenants: request the token without a tenant.</source>
        <translation>Impossible d’indiquer un locataire pour une autorité OpenID Connect, qui n’a pas de locataires&#xa0;: demandez le jeton sans locataire.</translation>
    </message>
    <message>
        <source>Personal Microsoft accounts (the consumers authority) have no other tenants: request the token without a tenant.</source>
        <translation>Les comptes Microsoft personnels (l’autorité consumers) n’ont pas d’autres locataires&#xa0;: demandez le jeton sans locataire.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenant: %2</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un locataire&#xa0;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no single tenant: give a tenant id or a verified domain name.</source>
        <translation>«&#xa0;%1&#xa0;» ne désigne pas un locataire unique&#xa0;: indiquez un ID de locataire ou un nom de domaine vérifié.</translation>
    </message>
    <message>
        <source>Azure AD B2C and AD FS authorities have no other tenants: request the token without a tenant.</source>
        <translation>Les autorités Azure AD B2C et AD FS n’ont pas d’autres locataires&#xa0;: demandez le jeton sans locataire.</translation>
    </message>
</context>
<context>
    <name>MsalQt::ClientCredentialsFlow</name>
    <message>
        <source>Client credentials need a confidential client: a public client has no secret to prove who it is.</source>
        <translation>Les informations d’identification du client nécessitent un client confidentiel&#xa0;: un client public n’a pas de secret pour prouver son identité.</translation>
    </message>
    <message>
        <source>Client credentials need a tenant-specific authority such as https://login.microsoftonline.com/{tenant-id}; &quot;%1&quot; names no single tenant.</source>
        <translation>Les informations d’identification du client nécessitent une autorité propre à un locataire, comme https://login.microsoftonline.com/{tenant-id}&#xa0;; «&#xa0;%1&#xa0;» ne désigne pas un locataire unique.</translation>
    </message>
    <message>
        <source>Client credentials need a scope, such as https://graph.microsoft.com/.default.</source>
        <translation>Les informations d’identification du client nécessitent une étendue, comme https://graph.microsoft.com/.default.</translation>
    </message>
    <message>
        <source>Client credentials take the scope &quot;{resource}/.default&quot; (for example https://graph.microsoft.com/.default), not &quot;%1&quot;.</source>
        <translation>Les informations d’identification du client utilisent l’étendue «&#xa0;{resource}/.default&#xa0;» (par exemple https://graph.microsoft.com/.default), et non «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>MsalQt::CodeRedemptionFlow</name>
    <message>
        <source>Redeeming an authorization code here needs a confidential client; a public client signs in with acquireTokenInteractive().</source>
        <translation>L’échange d’un code d’autorisation nécessite ici un client confidentiel&#xa0;; un client public se connecte avec acquireTokenInteractive().</translation>
    </message>
    <message>
        <source>No authorization code was given: pass the &quot;code&quot; parameter of the redirect.</source>
        <translation>Aucun code d’autorisation n’a été fourni&#xa0;: transmettez le paramètre «&#xa0;code&#xa0;» de la redirection.</translation>
    </message>
    <message>
        <source>The redirect URI must be the absolute URI the authorization request named, as RFC 6749 §4.1.3 requires it to match.</source>
        <translation>L’URI de redirection doit être l’URI absolue indiquée dans la demande d’autorisation, car la RFC 6749 §4.1.3 exige qu’elles correspondent.</translation>
    </message>
</context>
<context>
    <name>MsalQt::ConfidentialClientApplication</name>
    <message>
        <source>The client assertion could not be signed with the certificate&apos;s key: %1</source>
        <translation>L’assertion client n’a pas pu être signée avec la clé du certificat&#xa0;: %1</translation>
    </message>
    <message>
        <source>The application&apos;s assertion callback returned no client assertion.</source>
        <translation>La fonction de rappel d’assertion de l’application n’a renvoyé aucune assertion client.</translation>
    </message>
    <message>
        <source>A confidential client needs a credential, such as a client secret.</source>
        <translation>Un client confidentiel a besoin d’informations d’identification, comme un secret client.</translation>
    </message>
</context>
<context>
    <name>MsalQt::DeviceCodeFlow</name>
    <message>
        <source>The device code expired before anyone signed in with it.</source>
        <translation>Le code d’appareil a expiré avant que quiconque ne s’en serve pour se connecter.</translation>
    </message>
    <message>
        <source>Device code sign-in is for public clients; a confidential client signs in as itself.</source>
        <translation>La connexion par code d’appareil est réservée aux clients publics&#xa0;; un client confidentiel se connecte en son propre nom.</translation>
    </message>
    <message>
        <source>This identity provider does not offer device code sign-in (its metadata has no device_authorization_endpoint).</source>
        <translation>Ce fournisseur d’identité ne propose pas la connexion par code d’appareil (ses métadonnées n’ont pas de device_authorization_endpoint).</translation>
    </message>
    <message>
        <source>To sign in, use a web browser to open the page %1 and enter the code %2 to authenticate.</source>
        <translation>Pour vous connecter, ouvrez la page %1 dans un navigateur web et entrez le code %2 pour vous authentifier.</translation>
    </message>
    <message>
        <source>The device authorization answer lacks device_code, user_code, verification_uri or a valid expires_in/interval.</source>
        <translation>La réponse d’autorisation d’appareil ne contient pas device_code, user_code, verification_uri ou un expires_in/interval valide.</translation>
    </message>
    <message>
        <source>Azure AD B2C does not offer device code sign-in: sign in interactively (in a browser) instead.</source>
        <translation>Azure AD B2C ne propose pas la connexion par code d’appareil&#xa0;: connectez-vous plutôt de manière interactive (dans un navigateur).</translation>
    </message>
</context>
<context>
    <name>MsalQt::FederatedFlow</name>
    <message>
        <source>The user&apos;s federation server speaks &quot;%1&quot;; only WS-Trust is supported for this flow.</source>
        <translation>Le serveur de fédération de l’utilisateur parle «&#xa0;%1&#xa0;»&#xa0;; seul WS-Trust est pris en charge pour ce flux.</translation>
    </message>
    <message>
        <source>The user realm names federation metadata at %1, which is not an https URL; refused.</source>
        <translation>Le user realm indique des métadonnées de fédération à l’adresse %1, qui n’est pas une URL https&#xa0;; refusé.</translation>
    </message>
    <message>
        <source>The federation metadata could not be fetched (HTTP %1).</source>
        <translation>Les métadonnées de fédération n’ont pas pu être récupérées (HTTP %1).</translation>
    </message>
    <message>
        <source>The federation server refused the Kerberos authentication (HTTP 401). Check that its service principal and keytab match the realm.</source>
        <translation>Le serveur de fédération a refusé l’authentification Kerberos (HTTP 401). Vérifiez que son principal de service et son keytab correspondent au royaume.</translation>
    </message>
</context>
<context>
    <name>MsalQt::HttpClient</name>
    <message>
        <source>The server&apos;s answer is larger than %1 bytes; it was not read further.</source>
        <translation>La réponse du serveur dépasse %1 octets&#xa0;; elle n’a pas été lue plus loin.</translation>
    </message>
    <message>
        <source>The server redirected the request to %1; it was not followed (a request that carries credentials follows no redirect, and none follows one to plain http).</source>
        <translation>Le serveur a redirigé la demande vers %1&#xa0;; la redirection n’a pas été suivie (une demande qui porte des informations d’identification ne suit aucune redirection, et aucune demande ne suit une redirection vers du http simple).</translation>
    </message>
    <message>
        <source>The server stopped sending its answer.</source>
        <translation>Le serveur a cessé d’envoyer sa réponse.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The network access manager was destroyed while the request was under way.</source>
        <translation>Le gestionnaire d’accès réseau a été détruit pendant que la demande était en cours.</translation>
    </message>
</context>
<context>
    <name>MsalQt::ImplicitFlow</name>
    <message>
        <source>The implicit answer lacks an access token, an ID token or a valid expires_in.</source>
        <translation>La réponse implicite ne contient pas de jeton d’accès, de jeton d’ID ou d’expires_in valide.</translation>
    </message>
    <message>
        <source>The implicit grant is off. It is deprecated; use acquireTokenInteractive() (code with PKCE), or switch it on with setImplicitGrantEnabled(true).</source>
        <translation>L’octroi implicite est désactivé. Il est obsolète&#xa0;; utilisez acquireTokenInteractive() (code avec PKCE) ou activez-le avec setImplicitGrantEnabled(true).</translation>
    </message>
    <message>
        <source>The implicit grant needs an agent that sees the redirect&apos;s fragment, such as the embedded sign-in dialog.</source>
        <translation>L’octroi implicite nécessite un agent qui voit le fragment de la redirection, comme la boîte de dialogue de connexion intégrée.</translation>
    </message>
</context>
<context>
    <name>MsalQt::IntegratedWindowsAuthFlow</name>
    <message>
        <source>Integrated Windows authentication is for public clients only.</source>
        <translation>L’authentification Windows intégrée est réservée aux clients publics.</translation>
    </message>
    <message>
        <source>Integrated Windows authentication needs a Microsoft identity platform authority.</source>
        <translation>L’authentification Windows intégrée nécessite une autorité de la plateforme d’identités Microsoft.</translation>
    </message>
    <message>
        <source>Integrated Windows authentication needs a tenant or /organizations authority, not /common: use https://login.microsoftonline.com/{tenant} or /organizations.</source>
        <translation>L’authentification Windows intégrée nécessite une autorité de locataire ou /organizations, et non /common&#xa0;: utilisez https://login.microsoftonline.com/{tenant} ou /organizations.</translation>
    </message>
    <message>
        <source>Integrated Windows authentication is for work and school accounts; personal Microsoft accounts (/consumers) cannot use it.</source>
        <translation>L’authentification Windows intégrée est destinée aux comptes professionnels ou scolaires&#xa0;; les comptes Microsoft personnels (/consumers) ne peuvent pas l’utiliser.</translation>
    </message>
    <message>
        <source>Integrated Windows authentication needs the full username, such as user@contoso.com.</source>
        <translation>L’authentification Windows intégrée nécessite le nom d’utilisateur complet, comme user@contoso.com.</translation>
    </message>
    <message>
        <source>%1 is a personal Microsoft account; integrated Windows authentication is for work and school accounts.</source>
        <translation>%1 est un compte Microsoft personnel&#xa0;; l’authentification Windows intégrée est destinée aux comptes professionnels ou scolaires.</translation>
    </message>
    <message>
        <source>%1 is a managed (cloud-only) user: integrated Windows authentication needs a federated domain. Use interactive sign-in or the device code flow.</source>
        <translation>%1 est un utilisateur géré (cloud uniquement)&#xa0;: l’authentification Windows intégrée nécessite un domaine fédéré. Utilisez la connexion interactive ou le flux de code d’appareil.</translation>
    </message>
    <message>
        <source>Integrated Windows authentication is not available with an AD FS authority; use interactive sign-in, the device code flow, or a Microsoft Entra authority of a tenant federated with this AD FS.</source>
        <translation>L’authentification Windows intégrée n’est pas disponible avec une autorité AD FS&#xa0;; utilisez la connexion interactive, le flux de code d’appareil ou une autorité Microsoft Entra d’un locataire fédéré avec cet AD FS.</translation>
    </message>
    <message>
        <source>Azure AD B2C does not offer integrated Windows authentication: sign in interactively (in a browser) instead.</source>
        <translation>Azure AD B2C ne propose pas l’authentification Windows intégrée&#xa0;: connectez-vous plutôt de manière interactive (dans un navigateur).</translation>
    </message>
    <message>
        <source>Integrated Windows authentication is not available with an External ID (customer) tenant: use interactive sign-in or the device code flow.</source>
        <translation>L’authentification Windows intégrée n’est pas disponible avec un locataire External ID (clients)&#xa0;: utilisez la connexion interactive ou le flux de code d’appareil.</translation>
    </message>
</context>
<context>
    <name>MsalQt::Internal::AuthorityResolver</name>
    <message>
        <source>The authority %1 is not a known Microsoft identity platform instance.</source>
        <translation>L’autorité %1 n’est pas une instance connue de la plateforme d’identités Microsoft.</translation>
    </message>
    <message>
        <source>The authority&apos;s OpenID Connect metadata could not be read from %1.</source>
        <translation>Les métadonnées OpenID Connect de l’autorité n’ont pas pu être lues depuis %1.</translation>
    </message>
    <message>
        <source>The discovery document is not JSON.</source>
        <translation>Le document de découverte n’est pas du JSON.</translation>
    </message>
    <message>
        <source>The discovery document has no issuer.</source>
        <translation>Le document de découverte n’a pas d’émetteur (issuer).</translation>
    </message>
    <message>
        <source>The discovery document&apos;s %1 is missing or not an https URL.</source>
        <translation>Le champ %1 du document de découverte est absent ou n’est pas une URL https.</translation>
    </message>
    <message>
        <source>The discovery document&apos;s issuer %1 does not match the authority %2.</source>
        <translation>L’émetteur %1 du document de découverte ne correspond pas à l’autorité %2.</translation>
    </message>
    <message>
        <source>The discovery document&apos;s issuer %1 does not belong to the authority %2.</source>
        <translation>L’émetteur %1 du document de découverte n’appartient pas à l’autorité %2.</translation>
    </message>
    <message>
        <source>The authority&apos;s signing keys could not be read: %1</source>
        <translation>Les clés de signature de l’autorité n’ont pas pu être lues&#xa0;: %1</translation>
    </message>
    <message>
        <source>The discovery document&apos;s issuer %1 is not an Azure AD B2C tenant&apos;s issuer (https://{host}/{tenant id}/v2.0/).</source>
        <translation>L’émetteur %1 du document de découverte n’est pas celui d’un locataire Azure AD B2C (https://{host}/{tenant id}/v2.0/).</translation>
    </message>
</context>
<context>
    <name>MsalQt::Internal::CacheFileLock</name>
    <message>
        <source>Took over the token cache lock %1, held for %2 s by %3, which does not release it.</source>
        <translation>Le verrou %1 du cache de jetons a été repris&#xa0;: %3 le détenait depuis %2&#xa0;s sans le libérer.</translation>
    </message>
    <message>
        <source>process %1 (%2)</source>
        <translation>le processus %1 (%2)</translation>
    </message>
    <message>
        <source>an unknown process</source>
        <translation>un processus inconnu</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>Could not create the lock file %1.</source>
        <translation>Impossible de créer le fichier de verrou %1.</translation>
    </message>
    <message>
        <source>Could not create the lock file %1: %2.</source>
        <translation>Impossible de créer le fichier de verrou %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The token cache is locked by process %1 (%2 on %3); it did not release %4 in time.</source>
        <translation>Le cache de jetons est verrouillé par le processus %1 (%2 sur %3)&#xa0;; il n’a pas libéré %4 à temps.</translation>
    </message>
    <message>
        <source>unknown program</source>
        <translation>programme inconnu</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>cette machine</translation>
    </message>
    <message>
        <source>The token cache is locked by another process; it did not release %1 in time.</source>
        <translation>Le cache de jetons est verrouillé par un autre processus&#xa0;; il n’a pas libéré %1 à temps.</translation>
    </message>
</context>
<context>
    <name>MsalQt::Internal::CacheFileOperation</name>
    <message>
        <source>it is JSON, but not an object</source>
        <translation>c’est du JSON, mais pas un objet</translation>
    </message>
    <message>
        <source>it is not JSON (%1)</source>
        <translation>ce n’est pas du JSON (%1)</translation>
    </message>
    <message>
        <source>No merge function was given to save().</source>
        <translation>Aucune fonction de fusion n’a été passée à save().</translation>
    </message>
    <message>
        <source>The token cache file %1 is encrypted; it can only be opened with KeychainCacheStorage. It was left as it is.</source>
        <translation>Le fichier de cache de jetons %1 est chiffré&#xa0;; il ne peut être ouvert qu’avec KeychainCacheStorage. Il a été laissé tel quel.</translation>
    </message>
    <message>
        <source>The token cache file %1 is damaged (%2); what could be read of it was used. The next save keeps a copy of it aside.</source>
        <translation>Le fichier de cache de jetons %1 est endommagé (%2)&#xa0;; ce qui a pu en être lu a été utilisé. Le prochain enregistrement en conservera une copie à part.</translation>
    </message>
    <message>
        <source>The token cache file %1 is damaged (%2), and no copy of it could be kept (%3). It was left as it is.</source>
        <translation>Le fichier de cache de jetons %1 est endommagé (%2) et aucune copie n’a pu en être conservée (%3). Il a été laissé tel quel.</translation>
    </message>
    <message>
        <source>The token cache file %1 was damaged (%2); a copy was kept at %3.</source>
        <translation>Le fichier de cache de jetons %1 était endommagé (%2)&#xa0;; une copie a été conservée dans %3.</translation>
    </message>
    <message>
        <source>The token cache file %1 could not be read (%2). It was left in place, since its lock could not be taken; an empty cache was used instead.</source>
        <translation>Le fichier de cache de jetons %1 n’a pas pu être lu (%2). Il a été laissé en place, faute d’avoir pu prendre son verrou&#xa0;; un cache vide a été utilisé à la place.</translation>
    </message>
    <message>
        <source>The token cache file %1 is unreadable (%2), and could not be moved aside. It was left as it is.</source>
        <translation>Le fichier de cache de jetons %1 est illisible (%2) et n’a pas pu être mis de côté. Il a été laissé tel quel.</translation>
    </message>
    <message>
        <source>The token cache file %1 could not be read (%2). It was moved to %3 and an empty cache was used instead.</source>
        <translation>Le fichier de cache de jetons %1 n’a pas pu être lu (%2). Il a été déplacé vers %3 et un cache vide a été utilisé à la place.</translation>
    </message>
    <message>
        <source>The token cache file %1 was refused (%2). It was left as it is; nothing in it was used.</source>
        <translation>Le fichier de cache de jetons %1 a été refusé (%2). Il a été laissé tel quel&#xa0;; rien de son contenu n’a été utilisé.</translation>
    </message>
    <message>
        <source>The token cache file %1 was refused (%2), and could not be moved aside. It was left as it is; nothing in it was used.</source>
        <translation>Le fichier de cache de jetons %1 a été refusé (%2) et n’a pas pu être mis de côté. Il a été laissé tel quel&#xa0;; rien de son contenu n’a été utilisé.</translation>
    </message>
    <message>
        <source>The token cache file %1 was refused (%2). It was moved to %3; nothing in it was used.</source>
        <translation>Le fichier de cache de jetons %1 a été refusé (%2). Il a été déplacé vers %3&#xa0;; rien de son contenu n’a été utilisé.</translation>
    </message>
    <message>
        <source>The lock of the token cache %1 was taken over by another process while this one held it for too long; nothing was written.</source>
        <translation>Le verrou du cache de jetons %1 a été repris par un autre processus, celui-ci l’ayant détenu trop longtemps&#xa0;; rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>MsalQt::Internal::KeychainCacheOperation</name>
    <message>
        <source>Access to the keychain was refused (%1), so the token cache %2 cannot be decrypted or saved. Allow access when the keychain asks.</source>
        <translation>L’accès au trousseau a été refusé (%1)&#xa0;; le cache de jetons %2 ne peut donc être ni déchiffré ni enregistré. Autorisez l’accès lorsque le trousseau le demande.</translation>
    </message>
    <message>
        <source>The keyring that holds the key of the token cache %1 is locked, so the cache cannot be decrypted or saved; the file was left as it is. Unlock the keyring (signing in to the desktop unlocks the login keyring; a keyring manager such as Seahorse unlocks others) and try again.</source>
        <translation>Le trousseau qui contient la clé du cache de jetons %1 est verrouillé&#xa0;; le cache ne peut donc être ni déchiffré ni enregistré, et le fichier a été laissé tel quel. Déverrouillez le trousseau (l’ouverture de la session de bureau déverrouille le trousseau de connexion&#xa0;; un gestionnaire de trousseaux comme Seahorse déverrouille les autres) et réessayez.</translation>
    </message>
    <message>
        <source>The keychain entry &quot;%1&quot; of service &quot;%2&quot; does not hold a token cache key. Remove it, or give the storage another keychain key name.</source>
        <translation>L’entrée de trousseau «&#xa0;%1&#xa0;» du service «&#xa0;%2&#xa0;» ne contient pas de clé de cache de jetons. Supprimez-la ou donnez au stockage un autre nom de clé de trousseau.</translation>
    </message>
    <message>
        <source>The keychain could not be used (%1), so the token cache %2 cannot be encrypted; the file was left as it is. On Linux, a Secret Service provider such as GNOME Keyring or KWallet must run, unlocked, in the session (on its D-Bus session bus). Otherwise the application can allow an unencrypted cache (KeychainCacheStorage::setAllowUnencryptedFallback).</source>
        <translation>Le trousseau n’a pas pu être utilisé (%1)&#xa0;; le cache de jetons %2 ne peut donc pas être chiffré, et le fichier a été laissé tel quel. Sous Linux, un fournisseur Secret Service comme GNOME Keyring ou KWallet doit fonctionner, déverrouillé, dans la session (sur son bus de session D-Bus). Sinon, l’application peut autoriser un cache non chiffré (KeychainCacheStorage::setAllowUnencryptedFallback).</translation>
    </message>
    <message>
        <source>The keychain could not be used (%1): the token cache %2 is stored unencrypted, as the application allows. Anyone who can read the file can use the tokens in it.</source>
        <translation>Le trousseau n’a pas pu être utilisé (%1)&#xa0;: le cache de jetons %2 est enregistré sans chiffrement, comme l’application le permet. Toute personne qui peut lire le fichier peut utiliser les jetons qu’il contient.</translation>
    </message>
    <message>
        <source>Could not generate a random key for the token cache.</source>
        <translation>Impossible de générer une clé aléatoire pour le cache de jetons.</translation>
    </message>
    <message>
        <source>it is a plain, unencrypted cache where an encrypted one is expected; an application moving from FileCacheStorage can allow the unencrypted fallback to read it once</source>
        <translation>c’est un cache simple, non chiffré, là où un cache chiffré est attendu&#xa0;; une application qui migre depuis FileCacheStorage peut autoriser le repli non chiffré pour le lire une fois</translation>
    </message>
    <message>
        <source>The token cache %1 is encrypted, and the keychain holding its key does not answer. The file was left as it is; it can be read again once the keychain is back.</source>
        <translation>Le cache de jetons %1 est chiffré et le trousseau qui contient sa clé ne répond pas. Le fichier a été laissé tel quel&#xa0;; il pourra être relu dès que le trousseau sera de nouveau disponible.</translation>
    </message>
    <message>
        <source>it decrypts, but %1</source>
        <translation>il se déchiffre, mais %1</translation>
    </message>
    <message>
        <source>The token cache %1 was written by a newer version of MsalQt. It was left as it is.</source>
        <translation>Le cache de jetons %1 a été écrit par une version plus récente de MsalQt. Il a été laissé tel quel.</translation>
    </message>
    <message>
        <source>its encryption header is damaged or it is truncated</source>
        <translation>son en-tête de chiffrement est endommagé ou il est tronqué</translation>
    </message>
    <message>
        <source>Decrypting the token cache %1 failed.</source>
        <translation>Le déchiffrement du cache de jetons %1 a échoué.</translation>
    </message>
    <message>
        <source>The token cache %1 is encrypted with a key the keychain does not hold; an empty cache was used instead. The file was left in place; the next save moves it aside.</source>
        <translation>Le cache de jetons %1 est chiffré avec une clé que le trousseau ne contient pas&#xa0;; un cache vide a été utilisé à la place. Le fichier a été laissé en place&#xa0;; le prochain enregistrement le mettra de côté.</translation>
    </message>
    <message>
        <source>it is encrypted with a key the keychain no longer holds</source>
        <translation>il est chiffré avec une clé que le trousseau ne contient plus</translation>
    </message>
    <message>
        <source>it does not decrypt with the keychain&apos;s key: it was damaged or changed</source>
        <translation>il ne se déchiffre pas avec la clé du trousseau&#xa0;: il a été endommagé ou modifié</translation>
    </message>
    <message>
        <source>Encrypting the token cache %1 failed.</source>
        <translation>Le chiffrement du cache de jetons %1 a échoué.</translation>
    </message>
    <message>
        <source>The token cache file %1 was removed, but its key could not be removed from the keychain: %2</source>
        <translation>Le fichier de cache de jetons %1 a été supprimé, mais sa clé n’a pas pu être retirée du trousseau&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>MsalQt::Negotiate</name>
    <message>
        <source>No Kerberos ticket: sign in to the domain first (run kinit, or log in with your domain account), then try again. %1</source>
        <translation>Aucun ticket Kerberos&#xa0;: connectez-vous d’abord au domaine (exécutez kinit ou ouvrez une session avec votre compte de domaine), puis réessayez. %1</translation>
    </message>
    <message>
        <source>Your Kerberos ticket has expired: renew it (run kinit) and try again. %1</source>
        <translation>Votre ticket Kerberos a expiré&#xa0;: renouvelez-le (exécutez kinit) et réessayez. %1</translation>
    </message>
    <message>
        <source>The Kerberos realm does not know the federation server&apos;s service principal %1: ask the administrator to register it (setspn / kadmin addprinc) or use the server&apos;s canonical host name. %2</source>
        <translation>Le royaume Kerberos ne connaît pas le principal de service %1 du serveur de fédération&#xa0;: demandez à l’administrateur de l’enregistrer (setspn / kadmin addprinc) ou utilisez le nom d’hôte canonique du serveur. %2</translation>
    </message>
    <message>
        <source>Kerberos authentication to %1 failed: %2</source>
        <translation>L’authentification Kerberos auprès de %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Kerberos cannot name the service %1: %2</source>
        <translation>Kerberos ne peut pas nommer le service %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>MsalQt::OnBehalfOfFlow</name>
    <message>
        <source>On-behalf-of needs a confidential client: only a service that can prove who it is may exchange a user&apos;s token.</source>
        <translation>On-Behalf-Of nécessite un client confidentiel&#xa0;: seul un service capable de prouver son identité peut échanger le jeton d’un utilisateur.</translation>
    </message>
    <message>
        <source>On-behalf-of needs the user&apos;s token that this API received (the bearer token of the incoming request).</source>
        <translation>On-Behalf-Of nécessite le jeton de l’utilisateur reçu par cette API (le jeton Bearer de la requête entrante).</translation>
    </message>
    <message>
        <source>On-behalf-of needs the downstream API&apos;s scopes, such as https://graph.microsoft.com/User.Read.</source>
        <translation>On-Behalf-Of nécessite les étendues de l’API en aval, comme https://graph.microsoft.com/User.Read.</translation>
    </message>
    <message>
        <source>Azure AD B2C does not offer the on-behalf-of flow.</source>
        <translation>Azure AD B2C ne propose pas le flux On-Behalf-Of.</translation>
    </message>
</context>
<context>
    <name>MsalQt::RefreshTokenFlow</name>
    <message>
        <source>The refresh token to import is empty.</source>
        <translation>Le jeton d’actualisation à importer est vide.</translation>
    </message>
    <message>
        <source>The refresh token to import contains characters a refresh token cannot have (line breaks, control or non-ASCII characters).</source>
        <translation>Le jeton d’actualisation à importer contient des caractères qu’un jeton d’actualisation ne peut pas contenir (sauts de ligne, caractères de contrôle ou non ASCII).</translation>
    </message>
    <message>
        <source>Importing a refresh token needs the scopes it was issued for.</source>
        <translation>L’importation d’un jeton d’actualisation nécessite les étendues pour lesquelles il a été émis.</translation>
    </message>
    <message>
        <source>The refresh token could not be used (%1): sign in interactively.</source>
        <translation>Le jeton d’actualisation n’a pas pu être utilisé (%1)&#xa0;: connectez-vous de manière interactive.</translation>
    </message>
    <message>
        <source>The server redeemed the refresh token but did not say whose it is (no ID token): nothing was imported. Ask for the openid scope, or sign in interactively.</source>
        <translation>Le serveur a échangé le jeton d’actualisation sans indiquer à qui il appartient (pas de jeton d’ID)&#xa0;: rien n’a été importé. Demandez l’étendue openid ou connectez-vous de manière interactive.</translation>
    </message>
</context>
<context>
    <name>MsalQt::SilentFlow</name>
    <message>
        <source>No account was given: sign in interactively first.</source>
        <translation>Aucun compte n’a été fourni&#xa0;: connectez-vous d’abord de manière interactive.</translation>
    </message>
    <message>
        <source>There is no refresh token for %1 in the cache: sign in interactively.</source>
        <translation>Le cache ne contient aucun jeton d’actualisation pour %1&#xa0;: connectez-vous de manière interactive.</translation>
    </message>
</context>
<context>
    <name>MsalQt::SystemBrowserAgent</name>
    <message>
        <source>Sign-in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Continue to the sign-in page</source>
        <translation>Continuer vers la page de connexion</translation>
    </message>
    <message>
        <source>No private directory for the sign-in page: %1.</source>
        <translation>Aucun répertoire privé pour la page de connexion&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The sign-in page could not be written: %1.</source>
        <translation>La page de connexion n’a pas pu être écrite&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The sign-in page could not be written.</source>
        <translation>La page de connexion n’a pas pu être écrite.</translation>
    </message>
    <message>
        <source>neither the desktop portal nor xdg-open could open the sign-in page.</source>
        <translation>ni le portail du bureau ni xdg-open n’ont pu ouvrir la page de connexion.</translation>
    </message>
    <message>
        <source>The system browser can only return to a loopback redirect URI such as http://localhost.</source>
        <translation>Le navigateur du système ne peut revenir qu’à une URI de redirection de bouclage comme http://localhost.</translation>
    </message>
    <message>
        <source>No browser could be opened. Install one, or sign in with the device code flow.</source>
        <translation>Aucun navigateur n’a pu être ouvert. Installez-en un ou connectez-vous avec le flux de code d’appareil.</translation>
    </message>
    <message>
        <source>No browser could be opened: %1 Install one, or sign in with the device code flow.</source>
        <translation>Aucun navigateur n’a pu être ouvert&#xa0;: %1 Installez-en un ou connectez-vous avec le flux de code d’appareil.</translation>
    </message>
    <message>
        <source>No application was chosen to open the sign-in page.</source>
        <translation>Aucune application n’a été choisie pour ouvrir la page de connexion.</translation>
    </message>
    <message>
        <source>Request ignored</source>
        <translation>Demande ignorée</translation>
    </message>
    <message>
        <source>This request does not belong to the sign-in in progress, so it was ignored. If you are signing in, finish in the browser tab where you started.</source>
        <translation>Cette demande n’appartient pas à la connexion en cours&#xa0;; elle a donc été ignorée. Si vous êtes en train de vous connecter, terminez dans l’onglet du navigateur où vous avez commencé.</translation>
    </message>
    <message>
        <source>Sign-in complete</source>
        <translation>Connexion terminée</translation>
    </message>
    <message>
        <source>You can close this browser tab and return to the application.</source>
        <translation>Vous pouvez fermer cet onglet du navigateur et revenir à l’application.</translation>
    </message>
    <message numerus="yes">
        <source>No browser could be opened: no browser loaded the sign-in page within %n seconds. Install one, or sign in with the device code flow.</source>
        <translation>
            <numerusform>Aucun navigateur n’a pu être ouvert&#xa0;: aucun navigateur n’a chargé la page de connexion en %n seconde. Installez-en un ou connectez-vous avec le flux de code d’appareil.</numerusform>
            <numerusform>Aucun navigateur n’a pu être ouvert&#xa0;: aucun navigateur n’a chargé la page de connexion en %n secondes. Installez-en un ou connectez-vous avec le flux de code d’appareil.</numerusform>
        </translation>
    </message>
    <message>
        <source>Return to the application</source>
        <translation>Retournez à l’application</translation>
    </message>
    <message>
        <source>The sign-in goes on in the application. You can close this browser tab.</source>
        <translation>La connexion se poursuit dans l’application. Vous pouvez fermer cet onglet du navigateur.</translation>
    </message>
    <message>
        <source>The application stopped waiting for this sign-in. You can close this browser tab.</source>
        <translation>L’application n’attend plus cette connexion. Vous pouvez fermer cet onglet du navigateur.</translation>
    </message>
    <message>
        <source>No browser could be opened: xdg-open found none for the sign-in page. Install one, or sign in with the device code flow.</source>
        <translation>Aucun navigateur n’a pu être ouvert&#xa0;: xdg-open n’en a trouvé aucun pour la page de connexion. Installez-en un ou connectez-vous avec le flux de code d’appareil.</translation>
    </message>
    <message>
        <source>The browser was closed before the sign-in finished.</source>
        <translation>Le navigateur a été fermé avant la fin de la connexion.</translation>
    </message>
    <message>
        <source>Sign-in declined</source>
        <translation>Connexion refusée</translation>
    </message>
    <message>
        <source>The sign-in was declined, so the application was not signed in. You can close this browser tab.</source>
        <translation>La connexion a été refusée&#xa0;; l’application n’est donc pas connectée. Vous pouvez fermer cet onglet du navigateur.</translation>
    </message>
    <message>
        <source>Sign-in cancelled</source>
        <translation>Connexion annulée</translation>
    </message>
    <message>
        <source>The sign-in was cancelled in the application. You can close this browser tab.</source>
        <translation>La connexion a été annulée dans l’application. Vous pouvez fermer cet onglet du navigateur.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message>
        <source>The application was not signed in: %1 Return to the application to try again.</source>
        <translation>L’application n’est pas connectée&#xa0;: %1 Retournez à l’application pour réessayer.</translation>
    </message>
</context>
<context>
    <name>MsalQt::TokenCache</name>
    <message>
        <source>the cache is not JSON: %1</source>
        <translation>le cache n’est pas du JSON&#xa0;: %1</translation>
    </message>
    <message>
        <source>the cache is not a JSON object</source>
        <translation>le cache n’est pas un objet JSON</translation>
    </message>
    <message>
        <source>the %1 section is not an object</source>
        <translation>la section %1 n’est pas un objet</translation>
    </message>
    <message>
        <source>an entry of %1 is not an object</source>
        <translation>une entrée de %1 n’est pas un objet</translation>
    </message>
    <message numerus="yes">
        <source>%n entries of %1 are not objects</source>
        <translation>
            <numerusform>%n entrée de %1 n’est pas un objet</numerusform>
            <numerusform>%n entrées de %1 ne sont pas des objets</numerusform>
        </translation>
    </message>
    <message>
        <source>The cache is not a JSON object: %1</source>
        <translation>Le cache n’est pas un objet JSON&#xa0;: %1</translation>
    </message>
    <message>
        <source>The cache section %1 is not an object.</source>
        <translation>La section %1 du cache n’est pas un objet.</translation>
    </message>
</context>
<context>
    <name>MsalQt::TokenRequest</name>
    <message>
        <source>The refreshed tokens are for another account: their %1 is not the signed-in account&apos;s.</source>
        <translation>Les jetons actualisés concernent un autre compte&#xa0;: leur %1 n’est pas celui du compte connecté.</translation>
    </message>
    <message>
        <source>The application was deleted before the request finished.</source>
        <translation>L’application a été supprimée avant la fin de la demande.</translation>
    </message>
    <message>
        <source>The ID token was rejected (%1): %2</source>
        <translation>Le jeton d’ID a été rejeté (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>The request was deleted before it finished.</source>
        <translation>La demande a été supprimée avant de se terminer.</translation>
    </message>
</context>
<context>
    <name>MsalQt::TokenResponse</name>
    <message>
        <source>The answer was empty.</source>
        <translation>La réponse était vide.</translation>
    </message>
    <message>
        <source>The answer is not a JSON object (%1 at offset %2).</source>
        <translation>La réponse n’est pas un objet JSON (%1 à la position %2).</translation>
    </message>
    <message>
        <source>The token response has no access token.</source>
        <translation>La réponse de jeton ne contient pas de jeton d’accès.</translation>
    </message>
    <message>
        <source>The token response has a field of the wrong type.</source>
        <translation>La réponse de jeton contient un champ du mauvais type.</translation>
    </message>
    <message>
        <source>The token type &quot;%1&quot; is not supported (expected Bearer).</source>
        <translation>Le type de jeton «&#xa0;%1&#xa0;» n’est pas pris en charge (Bearer attendu).</translation>
    </message>
    <message>
        <source>The token response has an invalid expires_in.</source>
        <translation>La réponse de jeton contient un expires_in non valide.</translation>
    </message>
    <message>
        <source>The token response has an invalid ext_expires_in.</source>
        <translation>La réponse de jeton contient un ext_expires_in non valide.</translation>
    </message>
    <message>
        <source>The token response has an invalid refresh_in.</source>
        <translation>La réponse de jeton contient un refresh_in non valide.</translation>
    </message>
    <message>
        <source>The server failed (HTTP %1) and asked to wait before the request is sent again.</source>
        <translation>Le serveur a échoué (HTTP %1) et a demandé d’attendre avant de renvoyer la demande.</translation>
    </message>
    <message>
        <source>The server throttled this request; it was not sent again before the wait was over.</source>
        <translation>Le serveur a limité cette demande&#xa0;; elle n’a pas été renvoyée avant la fin du délai d’attente.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The server failed (HTTP %1).</source>
        <translation>Le serveur a échoué (HTTP %1).</translation>
    </message>
    <message>
        <source>HTTP %1 without a protocol error.</source>
        <translation>HTTP %1 sans erreur de protocole.</translation>
    </message>
</context>
<context>
    <name>MsalQt::UserRealm</name>
    <message>
        <source>The user realm answer has an unknown account type &quot;%1&quot;.</source>
        <translation>La réponse user realm indique un type de compte inconnu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The user realm answer names a federated user but no federation metadata URL.</source>
        <translation>La réponse user realm indique un utilisateur fédéré, mais aucune URL de métadonnées de fédération.</translation>
    </message>
</context>
<context>
    <name>MsalQt::UsernamePasswordFlow</name>
    <message>
        <source>Username and password sign-in is for public clients only.</source>
        <translation>La connexion par nom d’utilisateur et mot de passe est réservée aux clients publics.</translation>
    </message>
    <message>
        <source>Username and password sign-in needs a Microsoft identity platform authority.</source>
        <translation>La connexion par nom d’utilisateur et mot de passe nécessite une autorité de la plateforme d’identités Microsoft.</translation>
    </message>
    <message>
        <source>Personal Microsoft accounts (the /consumers authority) cannot sign in with a username and password from an application; use interactive sign-in or the device code flow.</source>
        <translation>Les comptes Microsoft personnels (l’autorité /consumers) ne peuvent pas se connecter depuis une application avec un nom d’utilisateur et un mot de passe&#xa0;; utilisez la connexion interactive ou le flux de code d’appareil.</translation>
    </message>
    <message>
        <source>Username and password sign-in needs the full username, such as user@contoso.com.</source>
        <translation>La connexion par nom d’utilisateur et mot de passe nécessite le nom d’utilisateur complet, comme user@contoso.com.</translation>
    </message>
    <message>
        <source>The password is empty.</source>
        <translation>Le mot de passe est vide.</translation>
    </message>
    <message>
        <source>%1 is a personal Microsoft account, which cannot sign in with a username and password from an application; use interactive sign-in or the device code flow.</source>
        <translation>%1 est un compte Microsoft personnel, qui ne peut pas se connecter depuis une application avec un nom d’utilisateur et un mot de passe&#xa0;; utilisez la connexion interactive ou le flux de code d’appareil.</translation>
    </message>
</context>
<context>
    <name>MsalQt::WsTrust</name>
    <message>
        <source>The federation metadata document is too large.</source>
        <translation>Le document de métadonnées de fédération est trop volumineux.</translation>
    </message>
    <message>
        <source>The federation metadata document carries a DTD; refused.</source>
        <translation>Le document de métadonnées de fédération contient une DTD&#xa0;; refusé.</translation>
    </message>
    <message>
        <source>The federation metadata document uses an undeclared entity.</source>
        <translation>Le document de métadonnées de fédération utilise une entité non déclarée.</translation>
    </message>
    <message>
        <source>The federation metadata document is not well-formed XML: %1</source>
        <translation>Le document de métadonnées de fédération n’est pas du XML bien formé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The federation metadata from %1 names its WS-Trust endpoint at %2, which is not https on the same host; refused.</source>
        <translation>Les métadonnées de fédération de %1 indiquent leur point de terminaison WS-Trust à l’adresse %2, qui n’est pas en https sur le même hôte&#xa0;; refusé.</translation>
    </message>
    <message>
        <source>The federation server publishes no WS-Trust windowstransport endpoint: integrated Windows authentication is not enabled there.</source>
        <translation>Le serveur de fédération ne publie aucun point de terminaison WS-Trust windowstransport&#xa0;: l’authentification Windows intégrée n’y est pas activée.</translation>
    </message>
    <message>
        <source>The federation server publishes no WS-Trust usernamemixed endpoint: it does not accept passwords from applications.</source>
        <translation>Le serveur de fédération ne publie aucun point de terminaison WS-Trust usernamemixed&#xa0;: il n’accepte pas les mots de passe des applications.</translation>
    </message>
    <message>
        <source>The federation server&apos;s answer holds more than one security token; refused.</source>
        <translation>La réponse du serveur de fédération contient plus d’un jeton de sécurité&#xa0;; refusée.</translation>
    </message>
    <message>
        <source>The federation server&apos;s answer is too large.</source>
        <translation>La réponse du serveur de fédération est trop volumineuse.</translation>
    </message>
    <message>
        <source>The federation server&apos;s answer carries a DTD or an entity; refused.</source>
        <translation>La réponse du serveur de fédération contient une DTD ou une entité&#xa0;; refusée.</translation>
    </message>
    <message>
        <source>The federation server&apos;s answer is not well-formed XML: %1</source>
        <translation>La réponse du serveur de fédération n’est pas du XML bien formé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The federation server refused the request.</source>
        <translation>Le serveur de fédération a refusé la demande.</translation>
    </message>
    <message>
        <source>The federation server&apos;s answer holds no SAML assertion.</source>
        <translation>La réponse du serveur de fédération ne contient aucune assertion SAML.</translation>
    </message>
    <message>
        <source>The federation server issued a token of unknown type &quot;%1&quot;.</source>
        <translation>Le serveur de fédération a émis un jeton de type inconnu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The federation server refused the request (%1).</source>
        <translation>Le serveur de fédération a refusé la demande (%1).</translation>
    </message>
</context>
</TS>
