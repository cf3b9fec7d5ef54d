<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
    <name>MsalQt::Widgets::AccountModel</name>
    <message>
        <source>%1
%2 · tenant %3</source>
        <translation>%1
%2 · locataire %3</translation>
    </message>
    <message>
        <source>%1, %2, tenant %3</source>
        <translation>%1, %2, locataire %3</translation>
    </message>
    <message>
        <source>%1
Tenant %2
Signed in at %3</source>
        <translation>%1
Locataire %2
Connecté sur %3</translation>
    </message>
</context>
<context>
    <name>MsalQt::Widgets::AccountPicker</name>
    <message>
        <source>Choose an account</source>
        <translation>Choisir un compte</translation>
    </message>
    <message>
        <source>Pick an account to continue:</source>
        <translation>Choisissez un compte pour continuer :</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>No account has signed in yet.</source>
        <translation>Aucun compte ne s’est encore connecté.</translation>
    </message>
    <message>
        <source>&amp;Use account</source>
        <translation>&amp;Utiliser ce compte</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>&amp;Ajouter un compte…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Sign this account out of the application (Delete)</source>
        <translation>Déconnecter ce compte de l’application (Suppr)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Remove %1 from this application? You will have to sign in again to use it.</source>
        <translation>Supprimer %1 de cette application ? Vous devrez vous reconnecter pour l’utiliser.</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Conserver</translation>
    </message>
</context>
<context>
    <name>MsalQt::Widgets::DeviceCodeDialog</name>
    <message>
        <source>Sign in on another device</source>
        <translation>Se connecter sur un autre appareil</translation>
    </message>
    <message>
        <source>Waiting for a code from the server…</source>
        <translation>En attente d’un code du serveur…</translation>
    </message>
    <message>
        <source>Code to enter</source>
        <translation>Code à saisir</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the code to the clipboard</source>
        <translation>Copier le code dans le presse-papiers</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Sign-in page address</source>
        <translation>Adresse de la page de connexion</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>To sign in, open the page below on any device and enter the code.</source>
        <translation>Pour vous connecter, ouvrez la page ci-dessous sur n’importe quel appareil et saisissez le code.</translation>
    </message>
    <message>
        <source>Open the sign-in page in your browser</source>
        <translation>Ouvrir la page de connexion dans votre navigateur</translation>
    </message>
    <message>
        <source>The code has expired.</source>
        <translation>Le code a expiré.</translation>
    </message>
    <message>
        <source>The code expires in %1.</source>
        <translation>Le code expire dans %1.</translation>
    </message>
</context>
<context>
    <name>MsalQt::Widgets::SignInButton</name>
    <message>
        <source>&amp;Sign in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>S&amp;witch account…</source>
        <translation>C&amp;hanger de compte…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Compte : %1</translation>
    </message>
    <message>
        <source>&amp;Cancel sign-in</source>
        <translation>&amp;Annuler la connexion</translation>
    </message>
    <message>
        <source>Signing in; the menu cancels it</source>
        <translation>Connexion en cours ; le menu permet de l’annuler</translation>
    </message>
</context>
<context>
    <name>MsalQt::Widgets::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Page loading progress</source>
        <translation>Progression du chargement de la page</translation>
    </message>
    <message>
        <source>Sign-in page</source>
        <translation>Page de connexion</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Connexion à %1</translation>
    </message>
    <message>
        <source>The sign-in window was closed.</source>
        <translation>La fenêtre de connexion a été fermée.</translation>
    </message>
</context>
</TS>
