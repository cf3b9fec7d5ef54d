#pragma once

#include <MsalQt/account.h>
#include <MsalQt/msalqt_global.h>

#include <QList>
#include <QMetaType>
#include <QPointer>
#include <QSharedDataPointer>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <utility>

namespace MsalQt {
class InteractiveParametersData;
} // namespace MsalQt
// Out of line, so that the inline moves below need not see InteractiveParametersData.
QT_BEGIN_NAMESPACE
QT_DECLARE_QSDP_SPECIALIZATION_DTOR_WITH_EXPORT(MsalQt::InteractiveParametersData, MSALQT_AUTH_EXPORT)
QT_END_NAMESPACE

namespace MsalQt {

class AuthorizationAgent;

// What an interactive sign-in asks for (the authorization request of RFC 6749 §4.1.1 and
// OpenID Connect Core §3.1.2.1, with the platform's extensions).
class MSALQT_AUTH_EXPORT InteractiveParameters
{
public:
    enum class Prompt { Default, SelectAccount, Login, Consent, None };

    InteractiveParameters();
    explicit InteractiveParameters(const QStringList &scopes);
    InteractiveParameters(const InteractiveParameters &other);
    InteractiveParameters &operator=(const InteractiveParameters &other);
    InteractiveParameters(InteractiveParameters &&other) noexcept = default;
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(InteractiveParameters)
    ~InteractiveParameters();

    void swap(InteractiveParameters &other) noexcept { d.swap(other.d); }

    QStringList scopes() const;
    void setScopes(const QStringList &scopes);
    QStringList extraScopesToConsent() const;
    void setExtraScopesToConsent(const QStringList &scopes);
    Prompt prompt() const;
    void setPrompt(Prompt prompt);
    QString loginHint() const;
    void setLoginHint(const QString &hint);
    QString domainHint() const;
    void setDomainHint(const QString &hint);
    Account account() const; // sets the login hint from it
    void setAccount(const Account &account);
    QString claims() const;
    void setClaims(const QString &claims);
    QList<std::pair<QString, QString>> extraQueryParameters() const;
    void setExtraQueryParameters(const QList<std::pair<QString, QString>> &parameters);
    // Default: http://localhost (loopback, any port).
    QUrl redirectUri() const;
    void setRedirectUri(const QUrl &uri);
    // Who shows the page; default: a SystemBrowserAgent. Not owned.
    AuthorizationAgent *agent() const;
    void setAgent(AuthorizationAgent *agent);
    // An abandoned sign-in ends with AuthError::Timeout after this (default 5 minutes).
    std::chrono::milliseconds timeout() const;
    void setTimeout(std::chrono::milliseconds timeout);

private:
    QSharedDataPointer<InteractiveParametersData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(InteractiveParameters)
Q_DECLARE_METATYPE(MsalQt::InteractiveParameters)
