#include "wstrustmessage_p.h"

#include <QCoreApplication>
#include <QUuid>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace MsalQt::Internal {

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::WsTrust)
};
} // namespace

namespace {

const QString soapNs = QStringLiteral("http://www.w3.org/2003/05/soap-envelope");
const QString addressingNs = QStringLiteral("http://www.w3.org/2005/08/addressing");
const QString utilityNs = QStringLiteral("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd");
const QString securityNs = QStringLiteral("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd");
const QString policyNs = QStringLiteral("http://schemas.xmlsoap.org/ws/2004/09/policy");
const QString trust13Ns = QStringLiteral("http://docs.oasis-open.org/ws-sx/ws-trust/200512");
const QString trust2005Ns = QStringLiteral("http://schemas.xmlsoap.org/ws/2005/02/trust");

QString timestamp(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

} // namespace

QByteArray soapAction(WsTrustVersion version)
{
    return version == WsTrustVersion::Trust13 ? QByteArrayLiteral("http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue")
                                              : QByteArrayLiteral("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/Issue");
}

QByteArray buildRequestSecurityToken(const WsTrustRequest &request)
{
    const bool trust13 = request.endpoint.version == WsTrustVersion::Trust13;
    const QString trustNs = trust13 ? trust13Ns : trust2005Ns;
    QByteArray out;
    // QXmlStreamWriter escapes every value, so a password with "<" or "&" cannot break out.
    QXmlStreamWriter xml(&out);
    xml.writeNamespace(soapNs, QStringLiteral("s"));
    xml.writeNamespace(addressingNs, QStringLiteral("a"));
    xml.writeNamespace(utilityNs, QStringLiteral("u"));
    xml.writeStartElement(soapNs, QStringLiteral("Envelope"));
    xml.writeStartElement(soapNs, QStringLiteral("Header"));
    xml.writeStartElement(addressingNs, QStringLiteral("Action"));
    xml.writeAttribute(soapNs, QStringLiteral("mustUnderstand"), QStringLiteral("1"));
    xml.writeCharacters(QString::fromLatin1(soapAction(request.endpoint.version)));
    xml.writeEndElement();
    xml.writeTextElement(addressingNs, QStringLiteral("MessageID"),
                         QStringLiteral("urn:uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces));
    xml.writeStartElement(addressingNs, QStringLiteral("ReplyTo"));
    xml.writeTextElement(addressingNs, QStringLiteral("Address"), QStringLiteral("http://www.w3.org/2005/08/addressing/anonymous"));
    xml.writeEndElement();
    xml.writeStartElement(addressingNs, QStringLiteral("To"));
    xml.writeAttribute(soapNs, QStringLiteral("mustUnderstand"), QStringLiteral("1"));
    xml.writeCharacters(request.endpoint.url.toString());
    xml.writeEndElement();
    if (!request.username.isEmpty()) {
        // WS-Security UsernameToken Profile 1.0 §3.1, PasswordText: the transport (TLS) protects it.
        xml.writeNamespace(securityNs, QStringLiteral("o"));
        xml.writeStartElement(securityNs, QStringLiteral("Security"));
        xml.writeAttribute(soapNs, QStringLiteral("mustUnderstand"), QStringLiteral("1"));
        xml.writeStartElement(utilityNs, QStringLiteral("Timestamp"));
        xml.writeAttribute(utilityNs, QStringLiteral("Id"), QStringLiteral("_0"));
        xml.writeTextElement(utilityNs, QStringLiteral("Created"), timestamp(request.now));
        xml.writeTextElement(utilityNs, QStringLiteral("Expires"), timestamp(request.now.addSecs(600)));
        xml.writeEndElement();
        xml.writeStartElement(securityNs, QStringLiteral("UsernameToken"));
        xml.writeAttribute(utilityNs, QStringLiteral("Id"),
                           QStringLiteral("uuid-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        xml.writeTextElement(securityNs, QStringLiteral("Username"), request.username);
        xml.writeTextElement(securityNs, QStringLiteral("Password"), request.password);
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement(); // Header
    xml.writeStartElement(soapNs, QStringLiteral("Body"));
    xml.writeNamespace(trustNs, QStringLiteral("trust"));
    xml.writeStartElement(trustNs, QStringLiteral("RequestSecurityToken"));
    xml.writeNamespace(policyNs, QStringLiteral("wsp"));
    xml.writeStartElement(policyNs, QStringLiteral("AppliesTo"));
    xml.writeStartElement(addressingNs, QStringLiteral("EndpointReference"));
    xml.writeTextElement(addressingNs, QStringLiteral("Address"), request.appliesTo);
    xml.writeEndElement();
    xml.writeEndElement();
    // A bearer token: the platform redeems it without proof of possession.
    xml.writeTextElement(trustNs, QStringLiteral("KeyType"),
                         trust13 ? trust13Ns + QStringLiteral("/Bearer") : trust2005Ns + QStringLiteral("/NoProofKey"));
    xml.writeTextElement(trustNs, QStringLiteral("RequestType"), trustNs + QStringLiteral("/Issue"));
    xml.writeEndElement(); // RequestSecurityToken
    xml.writeEndElement(); // Body
    xml.writeEndElement(); // Envelope
    return out;
}

static std::optional<SamlAssertion> refuseSecondToken(AuthError *error)
{
    *error = AuthError(AuthError::InvalidResponse,
                       Tr::tr("The federation server's answer holds more than one security token; refused."));
    return std::nullopt;
}

std::optional<SamlAssertion> parseRequestSecurityTokenResponse(const QByteArray &body, AuthError *error)
{
    if (body.size() > maxFederationXmlSize) {
        *error = AuthError(AuthError::InvalidResponse, Tr::tr("The federation server's answer is too large."));
        return std::nullopt;
    }
    // Read from a QString so that characterOffset() indexes it: the assertion is cut out verbatim,
    // because re-serialising would change what the federation server signed.
    const QString text = QString::fromUtf8(body);
    QXmlStreamReader xml(text);
    QString tokenType, faultCode, faultReason;
    bool inFault = false, inRequestedToken = false, haveFault = false;
    qint64 assertionStart = -1, previousEnd = 0;
    int assertionDepth = 0, depth = 0, requestedTokens = 0;
    QString assertion;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD || token == QXmlStreamReader::EntityReference) {
            *error = AuthError(AuthError::InvalidResponse, Tr::tr("The federation server's answer carries a DTD or an entity; refused."));
            return std::nullopt;
        }
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            const QStringView name = xml.name();
            if (name == QLatin1String("Fault") && xml.namespaceUri() == soapNs) {
                inFault = haveFault = true;
            } else if (inFault && name == QLatin1String("Value")) {
                // The most specific code wins: Subcode/Value comes after Code/Value.
                faultCode = xml.readElementText(QXmlStreamReader::SkipChildElements);
                --depth;
            } else if (inFault && name == QLatin1String("Text")) {
                faultReason = xml.readElementText(QXmlStreamReader::SkipChildElements);
                --depth;
            } else if (name == QLatin1String("TokenType") && (assertionStart < 0 || !assertion.isEmpty())) {
                // AD FS writes TokenType after RequestedSecurityToken; never read one inside the assertion.
                tokenType = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
                --depth;
            } else if (name == QLatin1String("RequestedSecurityToken")) {
                if (++requestedTokens > 1)
                    return refuseSecondToken(error);
                inRequestedToken = true;
            } else if (inRequestedToken && name == QLatin1String("Assertion")) {
                if (assertionStart < 0) {
                    assertionStart = previousEnd;
                    assertionDepth = depth;
                } else if (!assertion.isEmpty()) {
                    // A second token beside the first: which one would the server have meant?
                    // (Assertions nested inside the first, as SAML Advice allows, are its own.)
                    return refuseSecondToken(error);
                }
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (assertionStart >= 0 && assertion.isEmpty() && depth == assertionDepth)
                assertion = text.mid(assertionStart, xml.characterOffset() - assertionStart);
            if (xml.name() == QLatin1String("Fault"))
                inFault = false;
            else if (xml.name() == QLatin1String("RequestedSecurityToken"))
                inRequestedToken = false;
            --depth;
        }
        previousEnd = xml.characterOffset();
    }
    if (xml.hasError()) {
        *error = AuthError(AuthError::InvalidResponse,
                           Tr::tr("The federation server's answer is not well-formed XML: %1").arg(xml.errorString()));
        return std::nullopt;
    }
    if (haveFault) {
        // The reason is the server's text: carried once, as the description (which AuthError
        // caps), not repeated in our message.
        const QString code = faultCode.trimmed();
        *error = AuthError(AuthError::ServiceError,
                           code.isEmpty() ? Tr::tr("The federation server refused the request.")
                                          : Tr::tr("The federation server refused the request (%1).").arg(code));
        error->setProtocolError(faultCode.trimmed());
        error->setErrorDescription(faultReason.trimmed());
        return std::nullopt;
    }
    if (assertion.isEmpty()) {
        *error = AuthError(AuthError::InvalidResponse, Tr::tr("The federation server's answer holds no SAML assertion."));
        return std::nullopt;
    }
    SamlAssertion result;
    result.xml = assertion.toUtf8();
    if (tokenType == QLatin1String("urn:oasis:names:tc:SAML:2.0:assertion")
        || tokenType == QLatin1String("http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0")) {
        result.grantType = QStringLiteral("urn:ietf:params:oauth:grant-type:saml2-bearer");
    } else if (tokenType == QLatin1String("urn:oasis:names:tc:SAML:1.0:assertion")
               || tokenType == QLatin1String("http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV1.1")) {
        result.grantType = QStringLiteral("urn:ietf:params:oauth:grant-type:saml1_1-bearer");
    } else {
        *error = AuthError(AuthError::InvalidResponse,
                           Tr::tr("The federation server issued a token of unknown type \"%1\".").arg(tokenType));
        return std::nullopt;
    }
    return result;
}

} // namespace MsalQt::Internal
