<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>MsalQtDemo::AccountsPanel</name>
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
        <translation>Se co&amp;nnecter</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Signed-in accounts</source>
        <translation>Comptes connectés</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Tenant %1</source>
        <translation>Locataire %1</translation>
    </message>
    <message>
        <source>&amp;Cancel sign-in</source>
        <translation>&amp;Annuler la connexion</translation>
    </message>
    <message>
        <source>Signing in… Stops waiting for the sign-in.</source>
        <translation>Connexion en cours… Cesse d’attendre la connexion.</translation>
    </message>
    <message>
        <source>Accou&amp;nts:</source>
        <translation>C&amp;omptes :</translation>
    </message>
    <message>
        <source>Sign in wit&amp;h:</source>
        <translation>Se connecter a&amp;vec :</translation>
    </message>
    <message>
        <source>Re&amp;move account</source>
        <translation>&amp;Supprimer le compte</translation>
    </message>
</context>
<context>
    <name>MsalQtDemo::ErrorPanel</name>
    <message>
        <source>Error details</source>
        <translation>Détails de l’erreur</translation>
    </message>
    <message>
        <source>Cop&amp;y details</source>
        <translation>Cop&amp;ier les détails</translation>
    </message>
    <message>
        <source>Copies the whole error, with its correlation id, to the clipboard</source>
        <translation>Copie l’erreur entière, avec son identifiant de corrélation, dans le presse-papiers</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Dismiss the error</source>
        <translation>Masquer l’erreur</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Sub-error: %1</source>
        <translation>Sous-erreur : %1</translation>
    </message>
    <message>
        <source>Codes: %1</source>
        <translation>Codes : %1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>Statut HTTP : %1</translation>
    </message>
    <message>
        <source>Trace ID: %1</source>
        <translation>ID de trace : %1</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>Heure : %1</translation>
    </message>
</context>
<context>
    <name>MsalQtDemo::GraphPanel</name>
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
    <message>
        <source>HTTP method</source>
        <translation>Méthode HTTP</translation>
    </message>
    <message>
        <source>Graph endpoint</source>
        <translation>Point de terminaison Graph</translation>
    </message>
    <message>
        <source>Request path under the Graph endpoint</source>
        <translation>Chemin de la requête sous le point de terminaison Graph</translation>
    </message>
    <message>
        <source>Response as a tree</source>
        <translation>Réponse sous forme d’arbre</translation>
    </message>
    <message>
        <source>Response as text</source>
        <translation>Réponse sous forme de texte</translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <source>Ra&amp;w</source>
        <translation>&amp;Brut</translation>
    </message>
    <message>
        <source>No token: %1</source>
        <translation>Aucun jeton : %1</translation>
    </message>
    <message>
        <source>HTTP 401 with a claims challenge: getting a new token…</source>
        <translation>HTTP 401 avec une demande de revendications : obtention d’un nouveau jeton…</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>Erreur réseau : %1</translation>
    </message>
    <message>
        <source>HTTP %1 %2 · %3 ms</source>
        <translation>HTTP %1 %2 · %3 ms</translation>
    </message>
    <message>
        <source> · retried with a new token after a claims challenge</source>
        <translation> · relancée avec un nouveau jeton après une demande de revendications</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Corps de la requête</translation>
    </message>
    <message>
        <source>Request body (JSON) for POST and PATCH</source>
        <translation>Corps de la requête (JSON) pour POST et PATCH</translation>
    </message>
    <message>
        <source>For example {&quot;displayName&quot;: &quot;Groceries&quot;} to POST to /v1.0/me/todo/lists</source>
        <translation>Par exemple {&quot;displayName&quot;: &quot;Courses&quot;} en POST vers /v1.0/me/todo/lists</translation>
    </message>
</context>
<context>
    <name>MsalQtDemo::LogPane</name>
    <message>
        <source>Library log</source>
        <translation>Journal de la bibliothèque</translation>
    </message>
    <message>
        <source>Messages of the msalqt.* logging categories appear here.</source>
        <translation>Les messages des catégories de journalisation msalqt.* s’affichent ici.</translation>
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
        <source>Microsoft Graph</source>
        <translation>Microsoft Graph</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Se co&amp;nnecter</translation>
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
        <source>&amp;Graph</source>
        <translation>&amp;Graph</translation>
    </message>
    <message>
        <source>Graph: %1</source>
        <translation>Graph : %1</translation>
    </message>
    <message>
        <source>S&amp;witch account…</source>
        <translation>&amp;Changer de compte…</translation>
    </message>
    <message>
        <source>&amp;Emulator</source>
        <translation>É&amp;mulateur</translation>
    </message>
    <message>
        <source>Graph requires an authentication &amp;context</source>
        <translation>Graph exige un &amp;contexte d’authentification</translation>
    </message>
    <message>
        <source>Graph answers 401 with a claims challenge until the token carries the context</source>
        <translation>Graph répond 401 avec une demande de revendications tant que le jeton ne porte pas le contexte</translation>
    </message>
    <message>
        <source>Graph now asks for authentication context c1 (a claims challenge).</source>
        <translation>Graph exige maintenant le contexte d’authentification c1 (une demande de revendications).</translation>
    </message>
    <message>
        <source>Graph accepts any token of the emulator again.</source>
        <translation>Graph accepte de nouveau tout jeton de l’émulateur.</translation>
    </message>
    <message>
        <source>&amp;Revoke the current account&apos;s refresh tokens</source>
        <translation>&amp;Révoquer les jetons d’actualisation du compte actuel</translation>
    </message>
    <message>
        <source>Refresh tokens of %1 revoked on the server.</source>
        <translation>Jetons d’actualisation de %1 révoqués sur le serveur.</translation>
    </message>
    <message>
        <source>&amp;Forget browser sessions</source>
        <translation>&amp;Oublier les sessions du navigateur</translation>
    </message>
    <message>
        <source>The emulator forgot every browser session.</source>
        <translation>L’émulateur a oublié toutes les sessions du navigateur.</translation>
    </message>
    <message>
        <source>The token cache could not be read or saved</source>
        <translation>Le cache de jetons n’a pas pu être lu ou enregistré</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>End the current account&apos;s &amp;session (Continuous Access Evaluation)</source>
        <translation>Mettre fin à la &amp;session du compte actuel (évaluation continue de l’accès)</translation>
    </message>
    <message>
        <source>The session of %1 ended on the server: Graph answers its earlier tokens with a claims challenge.</source>
        <translation>La session de %1 a pris fin sur le serveur : Graph répond à ses jetons antérieurs par un défi de revendications.</translation>
    </message>
</context>
<context>
    <name>MsalQtDemo::Options</name>
    <message>
        <source>Signs in with MsalQt and calls Microsoft Graph (offline on the built-in emulator by default).</source>
        <translation>Se connecte avec MsalQt et appelle Microsoft Graph (hors ligne sur l’émulateur intégré par défaut).</translation>
    </message>
    <message>
        <source>Application (client) id.</source>
        <translation>Identifiant de l’application (client).</translation>
    </message>
    <message>
        <source>Scope to ask for (repeatable; default User.Read).</source>
        <translation>Étendue demandée (répétable ; par défaut User.Read).</translation>
    </message>
    <message>
        <source>Use the authority, client id and scopes saved by an earlier run.</source>
        <translation>Utiliser l’autorité, l’identifiant client et les étendues enregistrés lors d’une exécution précédente.</translation>
    </message>
    <message>
        <source>Authority URL: a Microsoft tenant or audience (also of a national cloud), External ID, an AD FS farm (https://host/adfs) or an Azure AD B2C user flow (default: the built-in emulator).</source>
        <translation>URL de l’autorité : un locataire ou une audience Microsoft (aussi d’un cloud national), External ID, une ferme AD FS (https://host/adfs) ou un flux d’utilisateur Azure AD B2C (par défaut : l’émulateur intégré).</translation>
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
        <translation>Je&amp;ton :</translation>
    </message>
    <message>
        <source>Show &amp;raw token</source>
        <translation>Afficher le jeton b&amp;rut</translation>
    </message>
    <message>
        <source>Hide &amp;raw token</source>
        <translation>Masquer le jeton b&amp;rut</translation>
    </message>
    <message>
        <source>&amp;Copy token</source>
        <translation>Co&amp;pier le jeton</translation>
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
    <message>
        <source>Token to show</source>
        <translation>Jeton à afficher</translation>
    </message>
    <message>
        <source>Copies the raw token to the clipboard</source>
        <translation>Copie le jeton brut dans le presse-papiers</translation>
    </message>
    <message>
        <source>Token claims</source>
        <translation>Revendications du jeton</translation>
    </message>
    <message>
        <source>Raw token</source>
        <translation>Jeton brut</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
</TS>
