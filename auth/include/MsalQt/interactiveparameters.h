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
#include <optional>
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

/// What an interactive sign-in asks for (the authorization request of RFC 6749 §4.1.1 and
/// OpenID Connect Core §3.1.2.1, with the platform's extensions).
class MSALQT_AUTH_EXPORT InteractiveParameters
{
public:
    /// What the sign-in page asks of the person (OpenID Connect's "prompt"): Default sends no
    /// prompt and lets the server decide; SelectAccount ("select_account") shows the account
    /// chooser; Login ("login") asks for credentials even with a session; Consent ("consent")
    /// asks for consent again; None ("none") shows nothing and fails when the person is needed;
    /// Create ("create") opens the self-service sign-up page, for a person who has no account yet
    /// (the tenant must allow self-service sign-up; External ID and B2C user flows do).
    enum class Prompt { Default, SelectAccount, Login, Consent, None, Create };

    /// Parameters with no scopes, and the defaults below.
    InteractiveParameters();
    /// Parameters asking for `scopes`, with the defaults below.
    explicit InteractiveParameters(const QStringList &scopes);
    /// Copies `other`; the two share their data until one of them changes.
    InteractiveParameters(const InteractiveParameters &other);
    /// Assigns `other` to this parameter set.
    InteractiveParameters &operator=(const InteractiveParameters &other);
    /// Moves `other` into a new parameter set.
    InteractiveParameters(InteractiveParameters &&other) noexcept = default;
    /// Move-assigns `other` to this parameter set.
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(InteractiveParameters)
    /// Destroys the parameter set.
    ~InteractiveParameters();

    /// Swaps this parameter set with `other`; never fails.
    void swap(InteractiveParameters &other) noexcept { d.swap(other.d); }

    /// The scopes the tokens are for.
    QStringList scopes() const;
    /// Sets the scopes the tokens are for.
    void setScopes(const QStringList &scopes);
    /// Scopes of other resources added to the authorization request, so that the person
    /// consents to them during this sign-in and later requests for them need no consent.
    QStringList extraScopesToConsent() const;
    /// Sets the scopes to consent to in advance.
    void setExtraScopesToConsent(const QStringList &scopes);
    /// What the sign-in page asks of the person (default: Prompt::Default).
    Prompt prompt() const;
    /// Sets what the sign-in page asks of the person.
    void setPrompt(Prompt prompt);
    /// The longest time since the person last signed in actively for which the session may be
    /// reused (OpenID Connect's "max_age"); unset by default (the server decides).
    std::optional<std::chrono::seconds> maxAge() const;
    /// Sends `maxAge` as max_age: a session older than that makes the person sign in again, and
    /// the ID token must then carry "auth_time" no older than `maxAge` (plus the application's
    /// clock skew), or the request fails with AuthError::InvalidToken. Zero asks the person to
    /// sign in again now; a negative value counts as zero.
    void setMaxAge(std::chrono::seconds maxAge);
    /// Unsets max_age: none is sent and auth_time is not checked.
    void clearMaxAge();
    /// The username to fill in on the sign-in page (login_hint).
    QString loginHint() const;
    /// Sets the username to fill in on the sign-in page.
    void setLoginHint(const QString &hint);
    /// The domain of the person's organization (domain_hint), which skips the home realm
    /// discovery page; sent to Microsoft authorities only.
    QString domainHint() const;
    /// Sets the domain hint.
    void setDomainHint(const QString &hint);
    Account account() const; ///< the account to sign in; setAccount() sets the login hint from it
    /// Sets the account to sign in; its username becomes the login hint unless one is set.
    void setAccount(const Account &account);
    /// A claims request or challenge (JSON) sent with the authorization and token requests,
    /// such as AuthError::claims() of a failed silent request.
    QString claims() const;
    /// Sets the claims request.
    void setClaims(const QString &claims);
    /// The tenant to sign in to instead of the authority's (empty: the authority's): a guest
    /// (B2B) signing in to a tenant it was invited to, or a multi-tenant application signing
    /// in to a customer's tenant. The sign-in page and the token endpoint are that tenant's, and
    /// the tokens are cached under it (see ClientApplication::acquireTokenSilentForTenant(),
    /// whose refusals it shares). PublicClientApplication::acquireToken() asks that tenant
    /// silently first.
    QString tenant() const;
    /// Sets the tenant to sign in to (a tenant id or a verified domain name).
    void setTenant(const QString &tenant);
    /// Further query parameters for the authorization URL, as name and value. A name the
    /// protocol already uses fails the request with AuthError::InvalidConfiguration.
    QList<std::pair<QString, QString>> extraQueryParameters() const;
    /// Sets the further query parameters.
    void setExtraQueryParameters(const QList<std::pair<QString, QString>> &parameters);
    /// Default: http://localhost (loopback, any port).
    QUrl redirectUri() const;
    /// Sets the redirect URI, as registered for the application.
    void setRedirectUri(const QUrl &uri);
    /// Who shows the page; default: a SystemBrowserAgent. Not owned.
    AuthorizationAgent *agent() const;
    /// Sets who shows the page (not owned); nullptr returns to the default.
    void setAgent(AuthorizationAgent *agent);
    /// An abandoned sign-in ends with AuthError::Timeout after this (default 5 minutes).
    std::chrono::milliseconds timeout() const;
    /// Sets how long the sign-in may take.
    void setTimeout(std::chrono::milliseconds timeout);

private:
    QSharedDataPointer<InteractiveParametersData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(InteractiveParameters)
Q_DECLARE_METATYPE(MsalQt::InteractiveParameters)
