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

/// What went wrong with a token request, as data: a type to branch on, the server's error fields
/// kept verbatim, and errorString() for a person. A default-constructed AuthError means no error.
class MSALQT_AUTH_EXPORT AuthError
{
    Q_GADGET
public:
    /// What kind of failure an error is: what an application branches on.
    enum Type {
        /// no error: the request succeeded
        NoError = 0,
        InvalidConfiguration, ///< the application asked for something that cannot work (client id, flow on this client)
        UnsupportedAuthority, ///< the flow does not run against this authority (e.g.\ client credentials on /common)
        NetworkError,         ///< no answer: DNS, refused connection, TLS failure, closed connection
        Timeout,              ///< no answer in time, or a device code that expired before anyone signed in
        Throttled,            ///< the server said to wait (429, or a 5xx whose Retry-After is past the retry); see retryAfter()
        ServiceError,         ///< the server answered with an OAuth error that no other type describes
        InvalidResponse,      ///< the server answered with something that is not a valid protocol message, or
                              ///< that was refused: a forged state, another issuer; in the sign-in window
                              ///< also an untrusted certificate, a plain-http page, a link to another app
        InvalidToken,         ///< a token failed validation (signature, issuer, audience, lifetime, nonce)
        UiRequired,           ///< only an interactive sign-in can go on (consent, MFA, expired session)
        Declined,             ///< the person declined the sign-in
        Cancelled,            ///< the application cancelled the request
        KeychainUnavailable,  ///< no OS keychain answered (and no unencrypted fallback was allowed)
        StorageError,         ///< the token cache could not be read or written (I/O, lock, corrupt file)
        ResponseTooLarge,     ///< the server's answer passed the size limit and was not read further
        IdentityMismatch,     ///< a refresh was answered for another account than the one refreshed
                              ///< (OpenID Connect Core §12.2); nothing was cached. Sign in again.
        CacheReset,           ///< the stored cache could not be read (its key is gone from the keychain,
                              ///< or it was damaged) and was moved aside, or is by the next save; the
                              ///< saved sign-ins are gone, the person signs in again
        PasswordResetRequired, ///< Azure AD B2C: the person chose "Forgot your password?" (AADB2C90118);
                               ///< start the password-reset policy's sign-in, then sign in again
    };
    Q_ENUM(Type)
    /// type(), as a read-only property (QML: `.type`).
    Q_PROPERTY(Type type READ type)
    /// isError(), as a read-only property (QML: `.isError`).
    Q_PROPERTY(bool isError READ isError)
    /// errorString(), as a read-only property (QML: `.errorString`).
    Q_PROPERTY(QString errorString READ errorString)
    /// message(), as a read-only property (QML: `.message`).
    Q_PROPERTY(QString message READ message)
    /// protocolError(), as a read-only property (QML: `.protocolError`).
    Q_PROPERTY(QString protocolError READ protocolError)
    /// subError(), as a read-only property (QML: `.subError`).
    Q_PROPERTY(QString subError READ subError)
    /// errorDescription(), as a read-only property (QML: `.errorDescription`).
    Q_PROPERTY(QString errorDescription READ errorDescription)
    /// errorCodes(), as a read-only property (QML: `.errorCodes`).
    Q_PROPERTY(QList<int> errorCodes READ errorCodes)
    /// correlationId(), as a read-only property (QML: `.correlationId`).
    Q_PROPERTY(QString correlationId READ correlationId)
    /// traceId(), as a read-only property (QML: `.traceId`).
    Q_PROPERTY(QString traceId READ traceId)
    /// claims(), as a read-only property (QML: `.claims`).
    Q_PROPERTY(QString claims READ claims)
    /// httpStatus(), as a read-only property (QML: `.httpStatus`).
    Q_PROPERTY(int httpStatus READ httpStatus)
    /// retryAfter(), as a read-only property (QML: `.retryAfter`).
    Q_PROPERTY(QDateTime retryAfter READ retryAfter)

    /// Constructs no error: type() is NoError.
    AuthError();
    /// An error of `type` with our own explanation `message` (cut to maxTextLength characters).
    explicit AuthError(Type type, const QString &message = {});
    /// Copies `other`; the two share their data until one of them changes.
    AuthError(const AuthError &other);
    /// Assigns `other` to this error.
    AuthError &operator=(const AuthError &other);
    /// Moves `other` into a new error.
    AuthError(AuthError &&other) noexcept = default;
    /// Move-assigns `other` to this error.
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(AuthError)
    /// Destroys the error.
    ~AuthError();

    /// Swaps this error with `other`; never fails.
    void swap(AuthError &other) noexcept { d.swap(other.d); }

    /// Whether this is an error (type() is not NoError).
    bool isError() const { return type() != NoError; }
    /// What kind of failure this is.
    Type type() const;

    /// Texts an error carries (message, description, protocol fields) are cut to this many
    /// characters: a hostile server must not be able to fill a log or a dialog through them.
    static constexpr int maxTextLength = 2048;

    /// Our own explanation of the failure, translated, for a person.
    QString message() const;
    /// Sets our own explanation (cut to maxTextLength characters).
    void setMessage(const QString &message);

    /// The server's error fields, verbatim (RFC 6749 §5.2 and the Microsoft identity platform).
    QString protocolError() const; ///< "invalid_grant", "authorization_pending", ...
    /// Sets the server's "error" field (cut to maxTextLength characters).
    void setProtocolError(const QString &error);
    QString subError() const;      ///< "basic_action", "consent_required", ...
    /// Sets the server's "suberror" field (cut to maxTextLength characters).
    void setSubError(const QString &subError);
    /// The server's "error_description", verbatim (untranslated, for logs and support).
    QString errorDescription() const;
    /// Sets the server's "error_description" (cut to maxTextLength characters).
    void setErrorDescription(const QString &description);
    QList<int> errorCodes() const; ///< AADSTS (or Azure AD B2C's AADB2C) codes, e.g.\ {50076}
    /// Sets the AADSTS codes.
    void setErrorCodes(const QList<int> &codes);
    /// The correlation id the failed request was sent with (client-request-id), for support.
    QString correlationId() const;
    /// Sets the correlation id (cut to maxTextLength characters).
    void setCorrelationId(const QString &correlationId);
    /// The server's "trace_id", for support.
    QString traceId() const;
    /// Sets the server's trace id (cut to maxTextLength characters).
    void setTraceId(const QString &traceId);
    QString claims() const;        ///< a claims challenge to pass to the next request
    /// Sets the claims challenge.
    void setClaims(const QString &claims);
    int httpStatus() const;        ///< 0 when no HTTP answer came
    /// Sets the HTTP status of the answer.
    void setHttpStatus(int status);
    QDateTime retryAfter() const;  ///< Throttled: do not send this request again before then
    /// Sets when the request may be sent again.
    void setRetryAfter(const QDateTime &when);

    /// Whether errorCodes() holds `aadstsCode` (e.g.\ 50076, multi-factor authentication needed).
    bool hasErrorCode(int aadstsCode) const;

    /// One translated paragraph a person can act on: what failed, why, and the server's words.
    QString errorString() const;

    /// The name of `type` as written in the enumeration ("UiRequired"), for logs.
    static QString typeName(Type type);

private:
    QSharedDataPointer<AuthErrorData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(AuthError)
Q_DECLARE_METATYPE(MsalQt::AuthError)
