#pragma once

#include <MsalQt/msalqt_global.h>

#include <QList>
#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>

#include <utility>

namespace MsalQt {
class AuthenticationChallengeData;
} // namespace MsalQt
// Out of line, so that the inline moves below need not see AuthenticationChallengeData.
QT_BEGIN_NAMESPACE
QT_DECLARE_QSDP_SPECIALIZATION_DTOR_WITH_EXPORT(MsalQt::AuthenticationChallengeData, MSALQT_AUTH_EXPORT)
QT_END_NAMESPACE

namespace MsalQt {

/// One challenge of a `WWW-Authenticate` (or `Proxy-Authenticate`) header, RFC 9110 §11.6.1:
/// an authentication scheme with either a token68 or named parameters.
///
/// A protected API that wants more than the token carries answers 401 with a claims challenge:
/// ```
/// WWW-Authenticate: Bearer realm="", error="insufficient_claims",
///     claims="eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZX19fQ=="
/// ```
/// parse() reads the whole header (several challenges, quoted strings with escapes); claims()
/// gives the decoded claims to pass to InteractiveParameters::setClaims() or a silent request.
class MSALQT_AUTH_EXPORT AuthenticationChallenge
{
public:
    /// Constructs a null challenge (no scheme).
    AuthenticationChallenge();
    /// Copies `other`; the two share their data until one of them changes.
    AuthenticationChallenge(const AuthenticationChallenge &other);
    /// Assigns `other` to this challenge.
    AuthenticationChallenge &operator=(const AuthenticationChallenge &other);
    /// Moves `other` into a new challenge.
    AuthenticationChallenge(AuthenticationChallenge &&other) noexcept = default;
    /// Move-assigns `other` to this challenge.
    QT_MOVE_ASSIGNMENT_OPERATOR_IMPL_VIA_PURE_SWAP(AuthenticationChallenge)
    /// Destroys the challenge.
    ~AuthenticationChallenge();

    /// Swaps this challenge with `other`; never fails.
    void swap(AuthenticationChallenge &other) noexcept { d.swap(other.d); }

    /// Reads a header value: every challenge in it, in order. Returns an empty list, and sets
    /// `errorString` when given, for a value that does not follow the grammar (an unterminated
    /// quoted string, a parameter without `=`, a parameter named twice in one challenge, a
    /// control character) or that is larger than 32 KiB or holds more than 32 challenges or 64
    /// parameters in one. Several header lines joined with ", " (as QNetworkReply::rawHeader()
    /// does) read as one value.
    static QList<AuthenticationChallenge> parse(const QByteArray &headerValue, QString *errorString = nullptr);

    /// The claims of the first claims challenge (isClaimsChallenge()) in a header value, decoded;
    /// empty when there is none or the value does not parse.
    static QString claimsFromHeader(const QByteArray &headerValue);

    /// Whether this is a default-constructed challenge.
    bool isNull() const;

    /// The scheme as the server wrote it ("Bearer", "PoP", "Basic", …): compare it with
    /// hasScheme(), which ignores case as the RFC says.
    QString scheme() const;
    /// Whether the scheme is `scheme`, whatever the case.
    bool hasScheme(QStringView scheme) const;

    /// The token68 that follows the scheme in place of parameters ("Negotiate YII…"); empty
    /// when the challenge has parameters or nothing.
    QString token68() const;

    /// The parameters in the order sent: names in lower case (they are case-insensitive),
    /// values with quoting and escapes removed.
    QList<std::pair<QString, QString>> parameters() const;
    /// The value of the parameter `name` (any case); a null string when it is absent.
    QString parameter(QStringView name) const;

    /// The `error` parameter: "insufficient_claims" for a claims challenge, "invalid_token" for
    /// an expired or revoked token (RFC 6750 §3.1).
    QString error() const;

    /// The `claims` parameter, decoded from base64 (standard or URL alphabet, padded or not):
    /// a JSON object as text, to pass as the claims of the next token request. Empty when there
    /// is no such parameter, or it does not decode to a JSON object.
    QString claims() const;

    /// A Bearer or PoP challenge that carries claims (claims() is not empty), whatever its
    /// `error`: the token must be acquired again with those claims.
    bool isClaimsChallenge() const;

private:
    QSharedDataPointer<AuthenticationChallengeData> d;
};

} // namespace MsalQt

MSALQT_DECLARE_SHARED(AuthenticationChallenge)
Q_DECLARE_METATYPE(MsalQt::AuthenticationChallenge)
