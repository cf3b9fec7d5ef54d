#include <MsalQt/autherror.h>

#include <QCoreApplication>
#include <QMetaEnum>

namespace MsalQt {

class AuthErrorData : public QSharedData
{
public:
    AuthError::Type type = AuthError::NoError;
    QString message;
    QString protocolError;
    QString subError;
    QString errorDescription;
    QList<int> errorCodes;
    QString correlationId;
    QString traceId;
    QString claims;
    int httpStatus = 0;
    QDateTime retryAfter;
};

// A server's words end up in these texts (error_description, a SOAP fault's reason): cut them,
// on a character boundary, with an ellipsis saying so.
static QString capped(const QString &text)
{
    if (text.size() <= AuthError::maxTextLength)
        return text;
    qsizetype keep = AuthError::maxTextLength - 1;
    if (text.at(keep - 1).isHighSurrogate())
        --keep;
    return text.left(keep) + QChar(0x2026);
}

// "No error" is made and dropped several times per request: one shared, never-changed instance
// (a setter detaches from it), rather than an allocation each.
static const QSharedDataPointer<AuthErrorData> &noError()
{
    static const QSharedDataPointer<AuthErrorData> none(new AuthErrorData);
    return none;
}

AuthError::AuthError() : d(noError()) {}

AuthError::AuthError(Type type, const QString &message) : d(new AuthErrorData)
{
    d->type = type;
    d->message = capped(message);
}

AuthError::AuthError(const AuthError &other) = default;
AuthError &AuthError::operator=(const AuthError &other) = default;
AuthError::~AuthError() = default;

AuthError::Type AuthError::type() const { return d->type; }
QString AuthError::message() const { return d->message; }
void AuthError::setMessage(const QString &message) { d->message = capped(message); }
QString AuthError::protocolError() const { return d->protocolError; }
void AuthError::setProtocolError(const QString &error) { d->protocolError = capped(error); }
QString AuthError::subError() const { return d->subError; }
void AuthError::setSubError(const QString &subError) { d->subError = capped(subError); }
QString AuthError::errorDescription() const { return d->errorDescription; }
void AuthError::setErrorDescription(const QString &description) { d->errorDescription = capped(description); }
QList<int> AuthError::errorCodes() const { return d->errorCodes; }
void AuthError::setErrorCodes(const QList<int> &codes) { d->errorCodes = codes; }
QString AuthError::correlationId() const { return d->correlationId; }
void AuthError::setCorrelationId(const QString &correlationId) { d->correlationId = capped(correlationId); }
QString AuthError::traceId() const { return d->traceId; }
void AuthError::setTraceId(const QString &traceId) { d->traceId = capped(traceId); }
QString AuthError::claims() const { return d->claims; }
void AuthError::setClaims(const QString &claims) { d->claims = claims; }
int AuthError::httpStatus() const { return d->httpStatus; }
void AuthError::setHttpStatus(int status) { d->httpStatus = status; }
QDateTime AuthError::retryAfter() const { return d->retryAfter; }
void AuthError::setRetryAfter(const QDateTime &when) { d->retryAfter = when; }

bool AuthError::hasErrorCode(int aadstsCode) const
{
    return d->errorCodes.contains(aadstsCode);
}

static QString summary(AuthError::Type type)
{
    switch (type) {
    case AuthError::NoError:
        return QCoreApplication::translate("MsalQt::AuthError", "No error.");
    case AuthError::InvalidConfiguration:
        return QCoreApplication::translate("MsalQt::AuthError", "The application is not set up for this sign-in.");
    case AuthError::UnsupportedAuthority:
        return QCoreApplication::translate("MsalQt::AuthError", "This kind of sign-in is not available for this authority.");
    case AuthError::NetworkError:
        return QCoreApplication::translate("MsalQt::AuthError", "The sign-in service could not be reached.");
    case AuthError::Timeout:
        return QCoreApplication::translate("MsalQt::AuthError", "The sign-in took too long.");
    case AuthError::Throttled:
        return QCoreApplication::translate("MsalQt::AuthError", "The sign-in service asked to wait before trying again.");
    case AuthError::ServiceError:
        return QCoreApplication::translate("MsalQt::AuthError", "The sign-in service refused the request.");
    case AuthError::InvalidResponse:
        return QCoreApplication::translate("MsalQt::AuthError", "The sign-in service sent an answer that could not be accepted.");
    case AuthError::InvalidToken:
        return QCoreApplication::translate("MsalQt::AuthError", "The sign-in service sent a token that failed validation.");
    case AuthError::UiRequired:
        return QCoreApplication::translate("MsalQt::AuthError", "You need to sign in interactively to continue.");
    case AuthError::Declined:
        return QCoreApplication::translate("MsalQt::AuthError", "The sign-in was declined.");
    case AuthError::Cancelled:
        return QCoreApplication::translate("MsalQt::AuthError", "The sign-in was cancelled.");
    case AuthError::KeychainUnavailable:
        return QCoreApplication::translate("MsalQt::AuthError", "The system keychain, which holds the token cache's key, is not available.");
    case AuthError::StorageError:
        return QCoreApplication::translate("MsalQt::AuthError", "The token cache could not be read or written.");
    case AuthError::ResponseTooLarge:
        return QCoreApplication::translate("MsalQt::AuthError", "The sign-in service sent an answer larger than allowed.");
    case AuthError::IdentityMismatch:
        return QCoreApplication::translate("MsalQt::AuthError", "The sign-in service answered for another account than the one signed in; the answer was refused.");
    case AuthError::PasswordResetRequired:
        return QCoreApplication::translate("MsalQt::AuthError", "You asked to reset your password. The application starts the password reset; after it, sign in again.");
    case AuthError::CacheReset:
        return QCoreApplication::translate("MsalQt::AuthError", "Your saved sign-ins were reset: the stored token cache could not be read, and was kept aside. Sign in again.");
    }
    return {};
}

QString AuthError::errorString() const
{
    if (d->type == NoError)
        return {};
    QStringList parts{summary(d->type)};
    if (!d->message.isEmpty())
        parts << d->message;
    if (d->type == Throttled && d->retryAfter.isValid()) {
        parts << QCoreApplication::translate("MsalQt::AuthError", "Try again after %1.")
                     .arg(QLocale().toString(d->retryAfter.toLocalTime(), QLocale::ShortFormat));
    }
    if (!d->errorDescription.isEmpty()) {
        // The platform appends "Trace ID: … Correlation ID: … Timestamp: …" on further lines;
        // the first line is the part meant for people.
        parts << d->errorDescription.section(QLatin1Char('\n'), 0, 0).trimmed();
    } else if (!d->protocolError.isEmpty() && d->message.isEmpty()) {
        // The server's code, when nothing else says what happened. Our own checks set a code
        // too (state_mismatch, issuer_mismatch) for programs; their message already explains.
        parts << QCoreApplication::translate("MsalQt::AuthError", "Server error: %1.").arg(d->protocolError);
    }
    if (!d->correlationId.isEmpty())
        parts << QCoreApplication::translate("MsalQt::AuthError", "Correlation ID: %1").arg(d->correlationId);
    return parts.join(QLatin1Char(' '));
}

QString AuthError::typeName(Type type)
{
    return QString::fromLatin1(QMetaEnum::fromType<Type>().valueToKey(type));
}

} // namespace MsalQt

QT_BEGIN_NAMESPACE
QT_DEFINE_QSDP_SPECIALIZATION_DTOR(MsalQt::AuthErrorData)
QT_END_NAMESPACE
