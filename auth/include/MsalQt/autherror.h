#pragma once

#include <MsalQt/msalqt_global.h>

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>

namespace MsalQt {
class AuthErrorData;
} // namespace MsalQt
// Out of line, so that the inline moves below need not see AuthErrorData.
QT_BEGIN_NAMESPACE
QT_DECLARE_QSDP_SPECIALIZATION_DTOR_WITH_EXPORT(MsalQt::AuthErrorData, MSALQT_AUTH_EXPORT)
QT_END_NAMESPACE

namespace MsalQt {

// What went wrong with a token request, as data: a type to branch on, the server's error fields
// kept verbatim, and errorString() for a person. A default-constructed AuthError means no error.
class MSALQT_AUTH_EXPORT AuthError
{
    Q_GADGET
public:
    enum Type {
        NoError = 0,
        InvalidConfiguration, // the application asked for something that cannot work (client id, flow on this client)
        UnsupportedAuthority, // the flow does not run against this authority (e.g. client credentials on /common)
        NetworkError,         // no answer: DNS, refused connection, TLS failure, closed connection
        Timeout,              // no answer in time, or a device code that expired before anyone signed in
        Throttled,            // the server said to wait (429/503 with Retry-After); see retryAfter()
        ServiceError,         // the server answered with an OAuth error that no other type describes
        InvalidResponse,      // the server answered with something that is not a valid protocol message
        InvalidToken,         // a token failed validation (signature, issuer, audience, lifetime, nonce)
        UiRequired,           // only an interactive sign-in can go on (consent, MFA, expired session)
        Declined,             // the person declined the sign-in
        Cancelled,            // the application cancelled the request
        KeychainUnavailable,  // no OS keychain answered (and no unencrypted fallback was allowed)
        StorageError,         // the token cache could not be read or written (I/O, lock, corrupt file)
        ResponseTooLarge,     // the server's answer passed the size limit and was not read further
        IdentityMismatch,     // a refresh was answered for another account than the one refreshed
                              // (OpenID Connect Core §12.2); nothing was cached. Sign in again.
    };
    Q_ENUM(Type)

    AuthError();
    explicit AuthError(Type type, const QString &message = {});
    AuthError(const AuthError &other);
    AuthError &operator=(const AuthError &other);
    AuthError(AuthError &&other) noexcept = default;
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(AuthError)
    ~AuthError();

    void swap(AuthError &other) noexcept { d.swap(other.d); }

    bool isError() const { return type() != NoError; }
    Type type() const;

    // Texts an error carries (message, description, protocol fields) are cut to this many
    // characters: a hostile server must not be able to fill a log or a dialog through them.
    static constexpr int maxTextLength = 2048;

    // Our own explanation of the failure, translated, for a person.
    QString message() const;
    void setMessage(const QString &message);

    // The server's error fields, verbatim (RFC 6749 §5.2 and the Microsoft identity platform).
    QString protocolError() const; // "invalid_grant", "authorization_pending", ...
    void setProtocolError(const QString &error);
    QString subError() const;      // "basic_action", "consent_required", ...
    void setSubError(const QString &subError);
    QString errorDescription() const;
    void setErrorDescription(const QString &description);
    QList<int> errorCodes() const; // AADSTS codes, e.g. {50076}
    void setErrorCodes(const QList<int> &codes);
    QString correlationId() const;
    void setCorrelationId(const QString &correlationId);
    QString traceId() const;
    void setTraceId(const QString &traceId);
    QString claims() const;        // a claims challenge to pass to the next request
    void setClaims(const QString &claims);
    int httpStatus() const;        // 0 when no HTTP answer came
    void setHttpStatus(int status);
    QDateTime retryAfter() const;  // Throttled: do not send this request again before then
    void setRetryAfter(const QDateTime &when);

    bool hasErrorCode(int aadstsCode) const;

    // One translated paragraph a person can act on: what failed, why, and the server's words.
    QString errorString() const;

    static QString typeName(Type type);

private:
    QSharedDataPointer<AuthErrorData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(AuthError)
Q_DECLARE_METATYPE(MsalQt::AuthError)
