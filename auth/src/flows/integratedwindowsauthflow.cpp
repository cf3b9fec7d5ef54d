#include "integratedwindowsauthflow_p.h"

#include "wstrust/negotiate_p.h"

#include <QCoreApplication>
#include <QThread>

#include <memory>

namespace MsalQt {

using namespace Internal;

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::IntegratedWindowsAuthFlow)
};
} // namespace

IntegratedWindowsAuthFlow::IntegratedWindowsAuthFlow(ClientApplicationPrivate *application,
                                                     const QStringList &scopes, const QString &username)
    : FederatedFlow(application, scopes, username)
{
}

AuthError IntegratedWindowsAuthFlow::checkRequest() const
{
    if (app->isConfidential()) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("Integrated Windows authentication is for public clients only."));
    }
    if (app->authority.type() == Authority::Adfs) {
        // MSAL offers no WS-Trust sign-in against an AD FS authority itself: Kerberos there
        // belongs to the AD FS sign-in page, reached through interactive sign-in.
        return AuthError(AuthError::UnsupportedAuthority,
                         Tr::tr("Integrated Windows authentication is not available with an AD FS authority; use interactive sign-in, the device code flow, or a Microsoft Entra authority of a tenant federated with this AD FS."));
    }
    if (app->authority.type() == Authority::B2C) {
        return AuthError(AuthError::UnsupportedAuthority,
                         Tr::tr("Azure AD B2C does not offer integrated Windows authentication: sign in interactively (in a browser) instead."));
    }
    if (!app->authority.isMicrosoft()) {
        return AuthError(AuthError::UnsupportedAuthority,
                         Tr::tr("Integrated Windows authentication needs a Microsoft identity platform authority."));
    }
    switch (app->authority.type()) {
    case Authority::Common:
        // The platform cannot tell which directory a Kerberos identity belongs to under /common.
        return AuthError(AuthError::UnsupportedAuthority,
                         Tr::tr("Integrated Windows authentication needs a tenant or /organizations authority, not /common: use https://login.microsoftonline.com/{tenant} or /organizations."));
    case Authority::Consumers:
        return AuthError(AuthError::UnsupportedAuthority,
                         Tr::tr("Integrated Windows authentication is for work and school accounts; personal Microsoft accounts (/consumers) cannot use it."));
    case Authority::Ciam:
        // External ID's customers have no domain-joined Windows session to sign in with.
        return AuthError(AuthError::UnsupportedAuthority,
                         Tr::tr("Integrated Windows authentication is not available with an External ID (customer) tenant: use interactive sign-in or the device code flow."));
    default:
        break;
    }
    if (!m_username.isEmpty() && !m_username.contains(QLatin1Char('@'))) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("Integrated Windows authentication needs the full username, such as user@contoso.com."));
    }
    return {};
}

void IntegratedWindowsAuthFlow::run()
{
    if (m_username.isEmpty()) {
        AuthError error;
        const QString principal = Negotiate::currentPrincipal(&error);
        if (error.isError()) {
            finishWithError(error);
            return;
        }
        m_username = Negotiate::principalToUsername(principal);
    }
    discoverUserRealm();
}

void IntegratedWindowsAuthFlow::onUserRealm(const UserRealm &realm)
{
    switch (realm.accountType) {
    case UserRealm::AccountType::Federated:
        requestSamlAssertion(realm, WsTrustEndpointKind::WindowsTransport);
        return;
    case UserRealm::AccountType::Msa:
        finishWithError(AuthError(AuthError::InvalidConfiguration,
                                  Tr::tr("%1 is a personal Microsoft account; integrated Windows authentication is for work and school accounts.")
                                      .arg(m_username)));
        return;
    case UserRealm::AccountType::Managed:
    case UserRealm::AccountType::Unknown:
        break;
    }
    // Only a federation server can turn a Kerberos ticket into a token: a cloud-only
    // (managed) directory has nothing to accept it.
    finishWithError(AuthError(AuthError::InvalidConfiguration,
                              Tr::tr("%1 is a managed (cloud-only) user: integrated Windows authentication needs a federated domain. Use interactive sign-in or the device code flow.")
                                  .arg(m_username)));
}

WsTrustRequest IntegratedWindowsAuthFlow::wsTrustRequest(const WsTrustEndpoint &endpoint, const UserRealm &realm) const
{
    return WsTrustRequest{endpoint, realm.cloudAudienceUrn, QString(), QString(), now()};
}

void IntegratedWindowsAuthFlow::wsTrustAuthorization(const WsTrustEndpoint &endpoint, const AuthorizationCallback &done)
{
    // gss_init_sec_context() asks the KDC for a service ticket when the ccache has none: a
    // blocking exchange bounded only by krb5's own timeouts (many seconds when a KDC accepts and
    // never answers). It runs on a thread of its own so that the event loop, and cancel(), stay
    // live. The thread owns nothing of the flow: a flow that ends first just never hears back
    // (the connection dies with q_ptr), and the thread deletes itself when GSSAPI returns.
    struct Outcome {
        QByteArray token;
        AuthError error;
    };
    auto outcome = std::make_shared<Outcome>();
    const QString host = endpoint.url.host();
    QThread *worker = QThread::create([outcome, host] {
        outcome->token = Negotiate::initialToken(host, &outcome->error);
    });
    worker->setObjectName(QStringLiteral("msalqt-negotiate"));
    QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    QObject::connect(worker, &QThread::finished, q_ptr, [outcome, done] {
        // RFC 4559 §4.2 lets the client send its token with the first request; we do, so that
        // the SOAP body goes out once instead of being replayed after a 401 challenge.
        if (outcome->token.isEmpty())
            done({}, outcome->error);
        else
            done("Negotiate " + outcome->token.toBase64(), {});
    });
    worker->start();
}

} // namespace MsalQt
