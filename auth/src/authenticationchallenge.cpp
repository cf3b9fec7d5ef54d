#include <MsalQt/authenticationchallenge.h>

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstring>
#include <optional>

// The grammar of RFC 9110 §11.6.1 and §5.6:
//   WWW-Authenticate = #challenge
//   challenge        = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//   auth-param       = token BWS "=" BWS ( token / quoted-string )
//   token68          = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
// Commas separate both challenges and parameters: an element that is `token BWS "="` continues
// the challenge's parameters, any other starts the next challenge.

namespace MsalQt {

// What the parser fills in (QSharedData cannot be assigned).
struct ChallengeFields
{
    QString scheme;
    QString token68;
    QList<std::pair<QString, QString>> parameters;
};

class AuthenticationChallengeData : public QSharedData, public ChallengeFields
{
};

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::AuthenticationChallenge)
};

constexpr qsizetype MaxHeaderBytes = 32 * 1024;
constexpr qsizetype MaxChallenges = 32;
constexpr qsizetype MaxParameters = 64;

bool isAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool isTokenChar(char c)
{
    return isAlnum(c) || (c != '\0' && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr);
}

bool isToken68Char(char c)
{
    return isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
}

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t';
}

class Parser
{
public:
    explicit Parser(const QByteArray &text) : m_text(text) {}

    std::optional<QList<ChallengeFields>> parse();
    QString error() const { return m_error; }

private:
    bool atEnd(qsizetype at) const { return at >= m_text.size(); }
    char at(qsizetype at) const { return m_text.at(at); }
    qsizetype skipWhitespace(qsizetype from) const
    {
        while (!atEnd(from) && isWhitespace(at(from)))
            ++from;
        return from;
    }
    qsizetype tokenEnd(qsizetype from) const
    {
        while (!atEnd(from) && isTokenChar(at(from)))
            ++from;
        return from;
    }
    void skipSeparators()
    {
        while (!atEnd(m_pos) && (isWhitespace(at(m_pos)) || at(m_pos) == ','))
            ++m_pos;
    }
    // Whether a `token BWS "="` starts at m_pos (a parameter, not the next challenge).
    bool parameterFollows() const
    {
        const qsizetype end = tokenEnd(m_pos);
        if (end == m_pos)
            return false;
        const qsizetype next = skipWhitespace(end);
        return !atEnd(next) && at(next) == '=';
    }
    bool fail(const QString &message)
    {
        m_error = Tr::tr("The authentication challenge could not be read: %1 (at offset %2).").arg(message).arg(m_pos);
        return false;
    }
    bool readToken68(QString *token68);
    bool readParameters(ChallengeFields *challenge);
    bool readQuotedString(QByteArray *value);

    const QByteArray &m_text;
    qsizetype m_pos = 0;
    QString m_error;
};

// A token68 alone up to the end of the challenge ("Negotiate YIIx==", "Bearer abc"); false, with
// m_pos unchanged, when parameters follow instead.
bool Parser::readToken68(QString *token68)
{
    qsizetype end = m_pos;
    while (!atEnd(end) && isToken68Char(at(end)))
        ++end;
    if (end == m_pos)
        return false;
    while (!atEnd(end) && at(end) == '=')
        ++end;
    const qsizetype after = skipWhitespace(end);
    if (!atEnd(after) && at(after) != ',')
        return false;
    *token68 = QString::fromLatin1(m_text.mid(m_pos, end - m_pos));
    m_pos = after;
    return true;
}

bool Parser::readQuotedString(QByteArray *value)
{
    ++m_pos; // the opening quote
    while (!atEnd(m_pos)) {
        const char c = at(m_pos++);
        if (c == '"')
            return true;
        if (c == '\\') {
            if (atEnd(m_pos))
                break;
            const char escaped = at(m_pos++);
            if ((static_cast<unsigned char>(escaped) < 0x20 && escaped != '\t') || escaped == 0x7f)
                return fail(Tr::tr("a control character in a quoted string"));
            value->append(escaped);
            continue;
        }
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
            return fail(Tr::tr("a control character in a quoted string"));
        value->append(c);
    }
    return fail(Tr::tr("a quoted string without its closing quote"));
}

bool Parser::readParameters(ChallengeFields *challenge)
{
    for (;;) {
        const qsizetype nameEnd = tokenEnd(m_pos);
        if (nameEnd == m_pos)
            return fail(Tr::tr("a parameter name was expected"));
        const QString name = QString::fromLatin1(m_text.mid(m_pos, nameEnd - m_pos)).toLower();
        m_pos = skipWhitespace(nameEnd);
        if (atEnd(m_pos) || at(m_pos) != '=')
            return fail(Tr::tr("the parameter \"%1\" has no \"=\"").arg(name.left(64)));
        m_pos = skipWhitespace(m_pos + 1);
        QByteArray value;
        if (!atEnd(m_pos) && at(m_pos) == '"') {
            if (!readQuotedString(&value))
                return false;
        } else {
            const qsizetype valueEnd = tokenEnd(m_pos);
            if (valueEnd == m_pos)
                return fail(Tr::tr("the parameter \"%1\" has no value").arg(name.left(64)));
            value = m_text.mid(m_pos, valueEnd - m_pos);
            m_pos = valueEnd;
        }
        for (const auto &existing : std::as_const(challenge->parameters)) {
            if (existing.first == name) // RFC 9110: each name at most once in a challenge
                return fail(Tr::tr("the parameter \"%1\" appears twice").arg(name.left(64)));
        }
        if (challenge->parameters.size() == MaxParameters)
            return fail(Tr::tr("more than %1 parameters in one challenge").arg(MaxParameters));
        challenge->parameters.append({name, QString::fromLatin1(value)});

        m_pos = skipWhitespace(m_pos);
        if (atEnd(m_pos))
            return true;
        if (at(m_pos) != ',')
            return fail(Tr::tr("a comma was expected after the parameter \"%1\"").arg(name.left(64)));
        skipSeparators();
        if (atEnd(m_pos) || !parameterFollows())
            return true; // the next challenge, or the end
    }
}

std::optional<QList<ChallengeFields>> Parser::parse()
{
    if (m_text.size() > MaxHeaderBytes) {
        fail(Tr::tr("the header is larger than %1 bytes").arg(MaxHeaderBytes));
        return std::nullopt;
    }
    QList<ChallengeFields> challenges;
    skipSeparators();
    while (!atEnd(m_pos)) {
        const qsizetype schemeEnd = tokenEnd(m_pos);
        if (schemeEnd == m_pos) {
            fail(Tr::tr("an authentication scheme was expected"));
            return std::nullopt;
        }
        if (challenges.size() == MaxChallenges) {
            fail(Tr::tr("more than %1 challenges").arg(MaxChallenges));
            return std::nullopt;
        }
        ChallengeFields challenge;
        ChallengeFields *data = &challenge;
        data->scheme = QString::fromLatin1(m_text.mid(m_pos, schemeEnd - m_pos));
        m_pos = schemeEnd;
        if (!atEnd(m_pos) && isWhitespace(at(m_pos))) {
            m_pos = skipWhitespace(m_pos);
            if (!atEnd(m_pos) && at(m_pos) != ',' && !readToken68(&data->token68)) {
                if (!readParameters(data))
                    return std::nullopt;
                challenges.append(challenge); // readParameters() stops where the next one starts
                continue;
            }
        }
        if (!atEnd(m_pos) && at(m_pos) != ',') {
            fail(Tr::tr("a comma was expected after the challenge \"%1\"").arg(data->scheme.left(64)));
            return std::nullopt;
        }
        challenges.append(challenge);
        skipSeparators();
    }
    return challenges;
}

} // namespace

AuthenticationChallenge::AuthenticationChallenge() : d(new AuthenticationChallengeData) {}
AuthenticationChallenge::AuthenticationChallenge(const AuthenticationChallenge &other) = default;
AuthenticationChallenge &AuthenticationChallenge::operator=(const AuthenticationChallenge &other) = default;
AuthenticationChallenge::~AuthenticationChallenge() = default;

QList<AuthenticationChallenge> AuthenticationChallenge::parse(const QByteArray &headerValue, QString *errorString)
{
    Parser parser(headerValue);
    const std::optional<QList<ChallengeFields>> parsed = parser.parse();
    if (errorString)
        *errorString = parser.error();
    QList<AuthenticationChallenge> challenges;
    if (parsed) {
        challenges.reserve(parsed->size());
        for (const ChallengeFields &fields : *parsed) {
            AuthenticationChallenge challenge;
            static_cast<ChallengeFields &>(*challenge.d) = fields;
            challenges.append(challenge);
        }
    }
    return challenges;
}

QString AuthenticationChallenge::claimsFromHeader(const QByteArray &headerValue)
{
    const QList<AuthenticationChallenge> challenges = parse(headerValue);
    for (const AuthenticationChallenge &challenge : challenges) {
        if (challenge.isClaimsChallenge())
            return challenge.claims();
    }
    return {};
}

bool AuthenticationChallenge::isNull() const { return d->scheme.isEmpty(); }
QString AuthenticationChallenge::scheme() const { return d->scheme; }

bool AuthenticationChallenge::hasScheme(QStringView scheme) const
{
    return d->scheme.compare(scheme, Qt::CaseInsensitive) == 0;
}

QString AuthenticationChallenge::token68() const { return d->token68; }
QList<std::pair<QString, QString>> AuthenticationChallenge::parameters() const { return d->parameters; }

QString AuthenticationChallenge::parameter(QStringView name) const
{
    for (const auto &parameter : std::as_const(d->parameters)) {
        if (parameter.first.compare(name, Qt::CaseInsensitive) == 0)
            return parameter.second;
    }
    return {};
}

QString AuthenticationChallenge::error() const { return parameter(u"error"); }

QString AuthenticationChallenge::claims() const
{
    const QByteArray encoded = parameter(u"claims").toLatin1().trimmed();
    if (encoded.isEmpty())
        return {};
    for (const auto alphabet : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
        const auto decoded = QByteArray::fromBase64Encoding(encoded, alphabet | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            continue;
        // Only UTF-8 that survives the trip into a QString: Qt's JSON parser lets a stray byte
        // through after a backslash, which the QString would turn into U+FFFD and break.
        const QString text = QString::fromUtf8(*decoded);
        if (text.toUtf8() == *decoded && QJsonDocument::fromJson(*decoded).isObject())
            return text;
    }
    return {};
}

bool AuthenticationChallenge::isClaimsChallenge() const
{
    return (hasScheme(u"Bearer") || hasScheme(u"PoP")) && !claims().isEmpty();
}

} // namespace MsalQt

QT_BEGIN_NAMESPACE
QT_DEFINE_QSDP_SPECIALIZATION_DTOR(MsalQt::AuthenticationChallengeData)
QT_END_NAMESPACE
