#include "qmlpublicclientapplication.h"

#include <MsalQt/authority.h>
#include <MsalQt/authorizationagent.h>
#include <MsalQt/interactiveparameters.h>
#include <MsalQt/keychaincachestorage.h>
#include <MsalQt/publicclientapplication.h>

#include <QCoreApplication>
#include <QQmlEngine>

#include <chrono>
#include <limits>

namespace MsalQt::Quick {

namespace {

const QString DefaultAuthority = QStringLiteral("https://login.microsoftonline.com/common");

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::Quick::PublicClientApplication)
};

bool toPrompt(const QString &text, InteractiveParameters::Prompt &prompt)
{
    using Prompt = InteractiveParameters::Prompt;
    static const QList<std::pair<QString, Prompt>> prompts = {
        {QString(), Prompt::Default},
        {QStringLiteral("select_account"), Prompt::SelectAccount},
        {QStringLiteral("login"), Prompt::Login},
        {QStringLiteral("consent"), Prompt::Consent},
        {QStringLiteral("none"), Prompt::None},
        {QStringLiteral("create"), Prompt::Create},
    };
    for (const auto &[name, value] : prompts) {
        if (name == text) {
            prompt = value;
            return true;
        }
    }
    return false;
}

// A QML string list or a single string.
QStringList toStringList(const QVariant &value)
{
    if (value.metaType().id() == QMetaType::QString)
        return {value.toString()};
    return value.toStringList();
}

} // namespace

QmlPublicClientApplication::QmlPublicClientApplication(QObject *parent)
    : QObject(parent), m_authority(DefaultAuthority), m_accounts(new QmlAccountModel(this))
{
}

QmlPublicClientApplication::~QmlPublicClientApplication()
{
    // The requests still running go first, without a word: nobody is left to hear it.
    qDeleteAll(findChildren<QmlTokenRequest *>(Qt::FindDirectChildrenOnly));
    m_app.reset();
}

void QmlPublicClientApplication::setClientId(const QString &clientId)
{
    if (clientId == m_clientId)
        return;
    m_clientId = clientId;
    Q_EMIT clientIdChanged();
    rebuild();
}

void QmlPublicClientApplication::setAuthority(const QString &authority)
{
    const QString value = authority.isEmpty() ? DefaultAuthority : authority;
    if (value == m_authority)
        return;
    m_authority = value;
    Q_EMIT authorityChanged();
    rebuild();
}

void QmlPublicClientApplication::setRedirectUri(const QUrl &redirectUri)
{
    if (redirectUri == m_redirectUri)
        return;
    m_redirectUri = redirectUri;
    Q_EMIT redirectUriChanged();
}

void QmlPublicClientApplication::setCacheFile(const QString &cacheFile)
{
    if (cacheFile == m_cacheFile)
        return;
    m_cacheFile = cacheFile;
    Q_EMIT cacheFileChanged();
    rebuild();
}

void QmlPublicClientApplication::setAllowUnencryptedCache(bool allow)
{
    if (allow == m_allowUnencryptedCache)
        return;
    m_allowUnencryptedCache = allow;
    Q_EMIT allowUnencryptedCacheChanged();
    rebuild();
}

QmlPublicClientApplication::State QmlPublicClientApplication::state() const
{
    if (!m_app)
        return Unconfigured;
    if (m_loadingCache)
        return LoadingCache;
    return m_running > 0 ? Busy : Ready;
}

void QmlPublicClientApplication::componentComplete()
{
    m_complete = true;
    rebuild();
}

void QmlPublicClientApplication::rebuild()
{
    if (!m_complete)
        return;
    m_app.reset(); // its requests end Cancelled, and release their count through track()
    m_loadingCache = false;
    MsalQt::AuthError error;
    const MsalQt::Authority authority = MsalQt::Authority::fromUrl(m_authority);
    if (m_clientId.isEmpty()) {
        error = MsalQt::AuthError(MsalQt::AuthError::InvalidConfiguration,
                                  Tr::tr("Set the application's client id (clientId) to sign in."));
    } else if (!authority.isValid()) {
        error = MsalQt::AuthError(MsalQt::AuthError::InvalidConfiguration, authority.errorString());
    } else {
        m_app = std::make_unique<MsalQt::PublicClientApplication>(m_clientId, authority);
        connect(m_app.get(), &MsalQt::ClientApplication::accountsChanged, this,
                &QmlPublicClientApplication::refreshAccounts);
        connect(m_app.get(), &MsalQt::ClientApplication::cacheLoaded, this, [this] {
            m_loadingCache = false;
            refreshAccounts();
            updateState();
        });
        connect(m_app.get(), &MsalQt::ClientApplication::cacheError, this, [this](const MsalQt::AuthError &failure) {
            m_loadingCache = false;
            setError(failure);
            Q_EMIT cacheError(failure);
            updateState();
        });
        if (!m_cacheFile.isEmpty()) {
            const QUrl url(m_cacheFile);
            const QString path = url.isLocalFile() ? url.toLocalFile() : m_cacheFile;
            auto *storage = new MsalQt::KeychainCacheStorage(path, m_app.get());
            storage->setAllowUnencryptedFallback(m_allowUnencryptedCache);
            m_app->setCacheStorage(storage);
            m_loadingCache = true;
            m_app->loadCache();
        }
    }
    setError(error);
    refreshAccounts();
    updateState();
}

void QmlPublicClientApplication::setError(const MsalQt::AuthError &error)
{
    if (error.type() == m_error.type() && error.message() == m_error.message())
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

void QmlPublicClientApplication::refreshAccounts()
{
    m_accounts->setAccounts(m_app ? m_app->accounts() : QList<MsalQt::Account>());
}

void QmlPublicClientApplication::updateState()
{
    const State now = state();
    if (now == m_lastState)
        return;
    m_lastState = now;
    Q_EMIT stateChanged();
}

QmlTokenRequest *QmlPublicClientApplication::track(MsalQt::TokenRequest *request)
{
    auto *tracked = new QmlTokenRequest(request, this);
    ++m_running;
    connect(tracked, &QmlTokenRequest::finished, this, [this] {
        --m_running;
        updateState();
    });
    updateState();
    return tracked;
}

QmlTokenRequest *QmlPublicClientApplication::refuse(const MsalQt::AuthError &error)
{
    return new QmlTokenRequest(error, this);
}

QmlTokenRequest *QmlPublicClientApplication::acquireTokenSilent(const QStringList &scopes,
                                                                const MsalQt::Account &account, bool forceRefresh)
{
    if (!m_app)
        return refuse(m_error);
    return track(m_app->acquireTokenSilent(scopes, account,
                                           forceRefresh ? MsalQt::ClientApplication::ForceRefresh
                                                        : MsalQt::ClientApplication::NoSilentOptions));
}

QmlTokenRequest *QmlPublicClientApplication::acquireTokenInteractive(const QStringList &scopes, QObject *agent,
                                                                     const QVariantMap &options)
{
    return interactive(scopes, agent, options, false);
}

QmlTokenRequest *QmlPublicClientApplication::acquireToken(const QStringList &scopes, QObject *agent,
                                                          const QVariantMap &options)
{
    return interactive(scopes, agent, options, true);
}

QmlTokenRequest *QmlPublicClientApplication::interactive(const QStringList &scopes, QObject *agent,
                                                         const QVariantMap &options, bool silentFirst)
{
    if (!m_app)
        return refuse(m_error);
    MsalQt::InteractiveParameters parameters(scopes);
    MsalQt::AuthError error;
    if (!toParameters(agent, options, parameters, error))
        return refuse(error);
    return track(silentFirst ? m_app->acquireToken(parameters) : m_app->acquireTokenInteractive(parameters));
}

bool QmlPublicClientApplication::toParameters(QObject *agent, const QVariantMap &options,
                                              MsalQt::InteractiveParameters &parameters,
                                              MsalQt::AuthError &error) const
{
    auto refused = [&error](const QString &message) {
        error = MsalQt::AuthError(MsalQt::AuthError::InvalidConfiguration, message);
        return false;
    };
    if (agent) {
        // A SignInView names its agent; a SignInAgent (or any C++ agent) is one.
        auto *authorizationAgent = qobject_cast<MsalQt::AuthorizationAgent *>(agent);
        if (!authorizationAgent)
            authorizationAgent = qobject_cast<MsalQt::AuthorizationAgent *>(agent->property("agent").value<QObject *>());
        if (!authorizationAgent)
            return refused(Tr::tr("The sign-in page needs a SignInView or a SignInAgent; %1 is neither.")
                               .arg(QString::fromLatin1(agent->metaObject()->className())));
        parameters.setAgent(authorizationAgent);
    }
    if (m_redirectUri.isValid() && !m_redirectUri.isEmpty())
        parameters.setRedirectUri(m_redirectUri);
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        const QString &key = it.key();
        const QVariant &value = it.value();
        if (key == QLatin1String("loginHint")) {
            parameters.setLoginHint(value.toString());
        } else if (key == QLatin1String("domainHint")) {
            parameters.setDomainHint(value.toString());
        } else if (key == QLatin1String("claims")) {
            parameters.setClaims(value.toString());
        } else if (key == QLatin1String("tenant")) {
            parameters.setTenant(value.toString());
        } else if (key == QLatin1String("redirectUri")) {
            parameters.setRedirectUri(value.toUrl());
        } else if (key == QLatin1String("extraScopesToConsent")) {
            parameters.setExtraScopesToConsent(toStringList(value));
        } else if (key == QLatin1String("account")) {
            if (!value.canConvert<MsalQt::Account>())
                return refused(Tr::tr("The option \"account\" must be an account of the application."));
            parameters.setAccount(value.value<MsalQt::Account>());
        } else if (key == QLatin1String("prompt")) {
            InteractiveParameters::Prompt prompt;
            if (!toPrompt(value.toString(), prompt))
                return refused(Tr::tr("The prompt \"%1\" is not one of select_account, login, consent, none "
                                      "and create.")
                                   .arg(value.toString().left(64)));
            parameters.setPrompt(prompt);
        } else if (key == QLatin1String("maxAge")) {
            bool ok = false;
            const qlonglong seconds = value.toLongLong(&ok);
            // A day count in seconds fits an int; anything beyond a century is a mistake.
            if (!ok || seconds < 0 || seconds > 100LL * 365 * 24 * 3600)
                return refused(Tr::tr("The option \"maxAge\" must be a number of seconds from 0 to a century."));
            parameters.setMaxAge(std::chrono::seconds(seconds));
        } else {
            return refused(Tr::tr("The sign-in has no option \"%1\".").arg(key.left(64)));
        }
    }
    return true;
}

QmlTokenRequest *QmlPublicClientApplication::acquireTokenWithDeviceCode(const QStringList &scopes)
{
    if (!m_app)
        return refuse(m_error);
    return track(m_app->acquireTokenWithDeviceCode(scopes));
}

QmlTokenRequest *QmlPublicClientApplication::acquireTokenByUsernamePassword(const QStringList &scopes,
                                                                            const QString &username,
                                                                            const QString &password)
{
    if (!m_app)
        return refuse(m_error);
    return track(m_app->acquireTokenByUsernamePassword(scopes, username, password));
}

QmlTokenRequest *QmlPublicClientApplication::acquireTokenByIntegratedWindowsAuth(const QStringList &scopes,
                                                                                 const QString &username)
{
    if (!m_app)
        return refuse(m_error);
    return track(m_app->acquireTokenByIntegratedWindowsAuth(scopes, username));
}

QmlTokenRequest *QmlPublicClientApplication::acquireTokenByRefreshToken(const QString &refreshToken,
                                                                        const QStringList &scopes)
{
    if (!m_app)
        return refuse(m_error);
    return track(m_app->acquireTokenByRefreshToken(refreshToken, scopes));
}

void QmlPublicClientApplication::removeAccount(const MsalQt::Account &account)
{
    if (m_app)
        m_app->removeAccount(account);
}

} // namespace MsalQt::Quick
