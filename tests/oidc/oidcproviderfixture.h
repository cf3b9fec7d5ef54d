#pragma once

// Test fixture: a real OpenID provider (the `oidc-provider` npm package, see
// tests/oidc/README.md) on 127.0.0.1, run as a child process for Qt Test cases.
// Test code only: it uses blocking QProcess waits.

#include <QtCore/QProcess>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrl>

#include <memory>

class OidcProviderFixture
{
public:
    OidcProviderFixture();
    ~OidcProviderFixture();
    OidcProviderFixture(const OidcProviderFixture &) = delete;
    OidcProviderFixture &operator=(const OidcProviderFixture &) = delete;

    // Runs `node provider.mjs --port 0` in tests/oidc and waits (at most 30 s) for
    // the issuer line. False with *error set when node, node_modules or the
    // provider fails; the caller should fail (not skip) the test then.
    bool start(QString *error);
    // SIGTERM, wait, then SIGKILL if needed. Also done by the destructor.
    void stop();
    bool isRunning() const;

    // Advertised device-flow polling interval in seconds (`interval` in the device
    // authorization response). 0, the default, leaves the provider as it is: it
    // sends no `interval`, so clients use RFC 8628's 5 s. Takes effect at start().
    void setDeviceInterval(int seconds) { m_deviceInterval = seconds; }

    // http://127.0.0.1:PORT, empty when not started.
    QUrl issuer() const { return m_issuer; }
    QUrl endpoint(const QString &path) const; // issuer + path, e.g. "/token"

    // Plays the user on the provider's device verification pages (approve-device.mjs):
    // enters userCode, signs in as login/password and consents, or with deny=true
    // signs in and presses Deny. True when the provider acknowledged the approval
    // (or the denial); false with *error (the script's stderr) otherwise, e.g. for
    // an unknown code or a wrong password. Waits at most 30 s.
    bool approveDevice(const QString &userCode, const QString &login, const QString &password,
                       bool deny, QString *error);

    static QString publicClientId();           // "msalqt-public", no secret
    static QString confidentialClientId();     // "msalqt-confidential"
    static QString confidentialClientSecret(); // its client_secret (post or basic)
    static QString privateKeyJwtClientId();    // "msalqt-pkjwt", keys from MSALQT_OIDC_CLIENT_JWKS
    static QString apiScope();                 // "api:read"
    // Resource indicator (RFC 8707) that requests must send: empty, none is needed.
    // Asking for apiScope() (and client credentials in any case) defaults to the
    // API, apiResource(); sending `resource=` + apiResource() works as well.
    static QString resource();                 // ""
    static QString apiResource();              // "urn:msalqt:api"

    // Test users: alice / "Passw0rd!" (sub "sub-alice"), bob / "Hunter2!bob" (sub "sub-bob").
    static QString aliceLogin();
    static QString alicePassword();
    static QString aliceSubject();
    static QString bobLogin();
    static QString bobPassword();
    static QString bobSubject();

    // Provider's stderr so far, for failure messages.
    QString stderrLog() const;

    // tests/oidc in the source tree and the node executable used.
    static QString directory();
    static QString nodeExecutable();

private:
    bool startOnce(QString *error, bool *timedOut);
    QString nodeReport() const;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_logDir;
    QString m_stderrPath;
    QUrl m_issuer;
    int m_deviceInterval = 0;
};
