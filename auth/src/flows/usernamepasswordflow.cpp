#include "usernamepasswordflow_p.h"

#include <QCoreApplication>

namespace MsalQt {

using namespace Internal;

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::UsernamePasswordFlow)
};
} // namespace

UsernamePasswordFlow::UsernamePasswordFlow(ClientApplicationPrivate *application, const QStringList &scopes,
                                           const QString &username, const QString &password)
    : FederatedFlow(application, scopes, username)
    , m_password(password)
{
}

UsernamePasswordFlow::~UsernamePasswordFlow()
{
    wipePassword();
}

void UsernamePasswordFlow::wipePassword()
{
    // Overwrite our own buffer before releasing it. A copy still shared with the caller's
    // QString is detached by fill(), so only the caller's own string then holds it.
    if (!m_password.isDetached()) {
        m_password.clear();
        return;
    }
    m_password.fill(QChar(0));
    m_password.clear();
}

AuthError UsernamePasswordFlow::checkRequest() const
{
    if (app->isConfidential()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("Username and password sign-in is for public clients only."));
    }
    if (!app->authority.isMicrosoft() && app->authority.type() != Authority::Adfs && app->authority.type() != Authority::B2C) {
        return AuthError(AuthError::UnsupportedAuthority,
                         Tr::tr("Username and password sign-in needs a Microsoft identity platform authority."));
    }
    if (app->authority.type() == Authority::Consumers) {
        return AuthError(AuthError::UnsupportedAuthority,
                         Tr::tr("Personal Microsoft accounts (the /consumers authority) cannot sign in with a username and password from an application; use interactive sign-in or the device code flow."));
    }
    if (m_username.isEmpty() || !m_username.contains(QLatin1Char('@'))) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("Username and password sign-in needs the full username, such as user@contoso.com."));
    }
    if (m_password.isEmpty())
        return AuthError(AuthError::InvalidConfiguration, Tr::tr("The password is empty."));
    return {};
}

void UsernamePasswordFlow::run()
{
    // AD FS is the directory itself: the password goes to its token endpoint, with no user
    // realm discovery (MSAL Python's acquire_token_by_username_password skips it for AD FS).
    if (app->authority.type() == Authority::Adfs) {
        redeemPassword();
        return;
    }
    if (app->authority.type() == Authority::B2C) {
        // B2C has no user realm discovery and no federation: the password goes to its token
        // endpoint, which takes it only on a policy made for it (a ROPC user flow).
        onUserRealm(UserRealm());
        return;
    }
    // The realm query carries only the username: we learn whether the password may go to the
    // platform, to a federation server, or nowhere (a personal account) before sending it.
    discoverUserRealm();
}

void UsernamePasswordFlow::onUserRealm(const UserRealm &realm)
{
    switch (realm.accountType) {
    case UserRealm::AccountType::Msa:
        wipePassword();
        finishWithError(AuthError(AuthError::InvalidConfiguration,
                                  Tr::tr("%1 is a personal Microsoft account, which cannot sign in with a username and password from an application; use interactive sign-in or the device code flow.")
                                      .arg(m_username)));
        return;
    case UserRealm::AccountType::Federated:
        requestSamlAssertion(realm, WsTrustEndpointKind::UsernameMixed);
        return;
    case UserRealm::AccountType::Managed:
    case UserRealm::AccountType::Unknown:
        break;
    }
    redeemPassword();
}

void UsernamePasswordFlow::redeemPassword()
{
    // RFC 6749 §4.3.2. MFA and consent come back as invalid_grant with AADSTS50076/50079 or
    // consent_required, which the error mapping turns into UiRequired.
    FormFields grant{{QStringLiteral("grant_type"), QStringLiteral("password")},
                     {QStringLiteral("username"), m_username},
                     {QStringLiteral("password"), m_password}};
    wipePassword();
    redeem(grant);
}

WsTrustRequest UsernamePasswordFlow::wsTrustRequest(const WsTrustEndpoint &endpoint, const UserRealm &realm) const
{
    return WsTrustRequest{endpoint, realm.cloudAudienceUrn, m_username, m_password, now()};
}

void UsernamePasswordFlow::stop()
{
    wipePassword();
    FederatedFlow::stop();
}

} // namespace MsalQt
