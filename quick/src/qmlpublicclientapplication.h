#pragma once

#include "qmlaccountmodel.h"
#include "qmltokenrequest.h"

#include <MsalQt/account.h>
#include <MsalQt/autherror.h>

#include <QObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace MsalQt {
class InteractiveParameters;
class PublicClientApplication;
class TokenRequest;
} // namespace MsalQt

namespace MsalQt::Quick {

// MsalQt::PublicClientApplication for QML:
//
//     PublicClientApplication {
//         id: app
//         clientId: "…"
//         authority: "https://login.microsoftonline.com/organizations"
//         cacheFile: StandardPaths.writableLocation(StandardPaths.AppDataLocation) + "/tokens.bin"
//     }
//     var request = app.acquireTokenInteractive(["User.Read"], signInView)
//     request.finished.connect(() => console.log(request.succeeded ? request.result.account.username
//                                                                 : request.error.errorString))
//
// The application is made when the component is complete, and made anew when clientId,
// authority, redirectUri or the cache change (the requests of the old one end Cancelled).
class QmlPublicClientApplication : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(PublicClientApplication)
    Q_PROPERTY(QString clientId READ clientId WRITE setClientId NOTIFY clientIdChanged)
    Q_PROPERTY(QString authority READ authority WRITE setAuthority NOTIFY authorityChanged)
    Q_PROPERTY(QUrl redirectUri READ redirectUri WRITE setRedirectUri NOTIFY redirectUriChanged)
    Q_PROPERTY(QString cacheFile READ cacheFile WRITE setCacheFile NOTIFY cacheFileChanged)
    Q_PROPERTY(bool allowUnencryptedCache READ allowUnencryptedCache WRITE setAllowUnencryptedCache NOTIFY
                   allowUnencryptedCacheChanged)
    Q_PROPERTY(MsalQt::Quick::QmlAccountModel *accounts READ accounts CONSTANT)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY stateChanged)
    Q_PROPERTY(MsalQt::AuthError error READ error NOTIFY errorChanged)
public:
    enum State {
        Unconfigured, // no client id (or an authority that is not one): see error
        LoadingCache, // reading the persisted cache
        Ready,        // nothing running
        Busy,         // one or more requests running
    };
    Q_ENUM(State)

    explicit QmlPublicClientApplication(QObject *parent = nullptr);
    ~QmlPublicClientApplication() override;

    QString clientId() const { return m_clientId; }
    void setClientId(const QString &clientId);
    // An authority URL, of any kind MsalQt::Authority::fromUrl() takes. Default:
    // https://login.microsoftonline.com/common.
    QString authority() const { return m_authority; }
    void setAuthority(const QString &authority);
    // Empty: the library's default for the flow.
    QUrl redirectUri() const { return m_redirectUri; }
    void setRedirectUri(const QUrl &redirectUri);
    // A path or a file: URL. Empty (the default): the cache lives in memory only. Otherwise it
    // persists there, encrypted with a key in the system keychain.
    QString cacheFile() const { return m_cacheFile; }
    void setCacheFile(const QString &cacheFile);
    bool allowUnencryptedCache() const { return m_allowUnencryptedCache; }
    void setAllowUnencryptedCache(bool allow);

    QmlAccountModel *accounts() const { return m_accounts; }
    State state() const;
    bool isBusy() const { return state() == LoadingCache || state() == Busy; }
    // The configuration's or the cache's last error; no error (type NoError) when all is well.
    MsalQt::AuthError error() const { return m_error; }

    // The application behind it (null before the component is complete), for C++ callers.
    MsalQt::PublicClientApplication *application() const { return m_app.get(); }

    void classBegin() override {}
    void componentComplete() override;

    // From the cache, refreshing with the refresh token when needed; UiRequired when only a
    // sign-in can go on. `forceRefresh` skips a cached access token.
    Q_INVOKABLE MsalQt::Quick::QmlTokenRequest *acquireTokenSilent(const QStringList &scopes,
                                                                   const MsalQt::Account &account,
                                                                   bool forceRefresh = false);
    // The sign-in page in `agent`: a SignInView, a SignInAgent, or null for the system browser.
    // `options`: loginHint, domainHint, prompt ("select_account", "login", "consent", "none",
    // "create"), account, claims, tenant, extraScopesToConsent, maxAge (seconds), redirectUri.
    Q_INVOKABLE MsalQt::Quick::QmlTokenRequest *acquireTokenInteractive(const QStringList &scopes,
                                                                        QObject *agent = nullptr,
                                                                        const QVariantMap &options = {});
    // Silent first for `options.account`, the sign-in page only when that answers UiRequired.
    Q_INVOKABLE MsalQt::Quick::QmlTokenRequest *acquireToken(const QStringList &scopes, QObject *agent = nullptr,
                                                             const QVariantMap &options = {});
    Q_INVOKABLE MsalQt::Quick::QmlTokenRequest *acquireTokenWithDeviceCode(const QStringList &scopes);
    Q_INVOKABLE MsalQt::Quick::QmlTokenRequest *acquireTokenByUsernamePassword(const QStringList &scopes,
                                                                               const QString &username,
                                                                               const QString &password);
    Q_INVOKABLE MsalQt::Quick::QmlTokenRequest *acquireTokenByIntegratedWindowsAuth(const QStringList &scopes,
                                                                                    const QString &username = {});
    Q_INVOKABLE MsalQt::Quick::QmlTokenRequest *acquireTokenByRefreshToken(const QString &refreshToken,
                                                                           const QStringList &scopes);
    // Signs the account out of this application: its tokens leave the cache.
    Q_INVOKABLE void removeAccount(const MsalQt::Account &account);

Q_SIGNALS:
    void clientIdChanged();
    void authorityChanged();
    void redirectUriChanged();
    void cacheFileChanged();
    void allowUnencryptedCacheChanged();
    void stateChanged();
    void errorChanged();
    // The persisted cache could not be read or written (AuthError.StorageError,
    // KeychainUnavailable, CacheReset).
    void cacheError(const MsalQt::AuthError &error);

private:
    void rebuild();
    void setError(const MsalQt::AuthError &error);
    void refreshAccounts();
    QmlTokenRequest *track(MsalQt::TokenRequest *request);
    QmlTokenRequest *refuse(const MsalQt::AuthError &error);
    QmlTokenRequest *interactive(const QStringList &scopes, QObject *agent, const QVariantMap &options,
                                 bool silentFirst);
    // The options of acquireTokenInteractive() on top of `parameters` (which hold the scopes).
    bool toParameters(QObject *agent, const QVariantMap &options, MsalQt::InteractiveParameters &parameters,
                      MsalQt::AuthError &error) const;
    void updateState();

    QString m_clientId;
    QString m_authority;
    QUrl m_redirectUri;
    QString m_cacheFile;
    bool m_allowUnencryptedCache = false;
    bool m_complete = false;
    bool m_loadingCache = false;
    int m_running = 0;
    State m_lastState = Unconfigured;
    MsalQt::AuthError m_error;
    std::unique_ptr<MsalQt::PublicClientApplication> m_app;
    QmlAccountModel *m_accounts;
};

} // namespace MsalQt::Quick
