#include "federationserver.h"

#include "config.h"
#include "httprequest.h"
#include "kerberosacceptor.h"
#include "services.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QUuid>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace MsalQt::Emulator {

namespace {

const QString soapNs = QStringLiteral("http://www.w3.org/2003/05/soap-envelope");
const QString trustNs = QStringLiteral("http://docs.oasis-open.org/ws-sx/ws-trust/200512");
const QString samlNs = QStringLiteral("urn:oasis:names:tc:SAML:1.0:assertion");

// Assertion ids issued by this process, with their user; removed when redeemed.
struct IssuedAssertions {
    QMutex mutex;
    QHash<QString, QString> userOidById;
};
IssuedAssertions &issued()
{
    static IssuedAssertions instance;
    return instance;
}

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

const Tenant *tenantOf(const Config &config, const QString &username)
{
    const qsizetype at = username.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? nullptr : config.tenantByIdOrDomain(username.mid(at + 1).toLower());
}

// The username and password of a WS-Security UsernameToken; DTDs refused.
bool readUsernameToken(const QByteArray &body, QString *username, QString *password)
{
    QXmlStreamReader xml(body);
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD)
            return false;
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("Username"))
            *username = xml.readElementText();
        else if (xml.name() == QLatin1String("Password"))
            *password = xml.readElementText();
    }
    return !xml.hasError() && !username->isEmpty();
}

} // namespace

QString FederationServer::federationBase(const HttpRequest &request) const
{
    const QByteArray host = request.header("host");
    if (host.isEmpty())
        return m_services.baseUrl.toString();
    return QStringLiteral("http://") + QString::fromLatin1(host);
}

HttpResponse FederationServer::userRealm(const HttpRequest &request, const QString &username) const
{
    const Config &config = m_services.config;
    const User *user = config.userByName(username);
    const Tenant *tenant = user ? config.tenantByIdOrDomain(user->tenantId) : tenantOf(config, username);
    QJsonObject body{{QStringLiteral("ver"), QStringLiteral("1.0")},
                     {QStringLiteral("login"), username},
                     {QStringLiteral("domain_name"), username.section(QLatin1Char('@'), -1).toLower()}};
    if ((user && user->isMsa()) || (tenant && tenant->consumers)) {
        body.insert(QStringLiteral("account_type"), QStringLiteral("MSA"));
    } else if (tenant && tenant->federated) {
        body.insert(QStringLiteral("account_type"), QStringLiteral("Federated"));
        body.insert(QStringLiteral("federation_protocol"), QStringLiteral("WSTrust"));
        body.insert(QStringLiteral("federation_metadata_url"), federationBase(request) + QStringLiteral("/adfs/services/trust/mex"));
        body.insert(QStringLiteral("federation_active_auth_url"),
                    federationBase(request) + QStringLiteral("/adfs/services/trust/2005/usernamemixed"));
        body.insert(QStringLiteral("cloud_instance_name"), QStringLiteral("microsoftonline.com"));
        body.insert(QStringLiteral("cloud_audience_urn"), QStringLiteral("urn:federation:MicrosoftOnline"));
    } else if (tenant) {
        body.insert(QStringLiteral("account_type"), QStringLiteral("Managed"));
        body.insert(QStringLiteral("cloud_instance_name"), QStringLiteral("microsoftonline.com"));
    } else {
        // The platform answers "Unknown" for a domain no directory has verified.
        body.insert(QStringLiteral("account_type"), QStringLiteral("Unknown"));
    }
    return HttpResponse::json(200, body);
}

HttpResponse FederationServer::mex(const HttpRequest &request) const
{
    const QString base = federationBase(request);
    // The shape AD FS publishes, reduced to what clients read: two policies (Kerberos over
    // Negotiate, UsernameToken over TLS), their WS-Trust 1.3 bindings and the service's ports.
    const QString document = QStringLiteral(R"(<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions name="SecurityTokenService" targetNamespace="http://tempuri.org/" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:tns="http://tempuri.org/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd" xmlns:wsp="http://schemas.xmlsoap.org/ws/2004/09/policy" xmlns:sp="http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702" xmlns:http="http://schemas.microsoft.com/ws/06/2004/policy/http" xmlns:wsa10="http://www.w3.org/2005/08/addressing">
  <wsp:Policy wsu:Id="CertificateWSTrustBinding_IWSTrust13Async_policy"><wsp:ExactlyOne><wsp:All><http:NegotiateAuthentication/><sp:TransportBinding><wsp:Policy/></sp:TransportBinding></wsp:All></wsp:ExactlyOne></wsp:Policy>
  <wsp:Policy wsu:Id="UserNameWSTrustBinding_IWSTrust13Async_policy"><wsp:ExactlyOne><wsp:All><sp:TransportBinding><wsp:Policy/></sp:TransportBinding><sp:SignedEncryptedSupportingTokens><wsp:Policy><sp:UsernameToken sp:IncludeToken="http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702/IncludeToken/AlwaysToRecipient"><wsp:Policy><sp:WssUsernameToken10/></wsp:Policy></sp:UsernameToken></wsp:Policy></sp:SignedEncryptedSupportingTokens></wsp:All></wsp:ExactlyOne></wsp:Policy>
  <wsdl:binding name="CertificateWSTrustBinding_IWSTrust13Async" type="tns:IWSTrust13Async"><wsp:PolicyReference URI="#CertificateWSTrustBinding_IWSTrust13Async_policy"/><soap12:binding transport="http://schemas.xmlsoap.org/soap/http"/><wsdl:operation name="Trust13IssueAsync"><soap12:operation soapAction="http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue" style="document"/></wsdl:operation></wsdl:binding>
  <wsdl:binding name="UserNameWSTrustBinding_IWSTrust13Async" type="tns:IWSTrust13Async"><wsp:PolicyReference URI="#UserNameWSTrustBinding_IWSTrust13Async_policy"/><soap12:binding transport="http://schemas.xmlsoap.org/soap/http"/><wsdl:operation name="Trust13IssueAsync"><soap12:operation soapAction="http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue" style="document"/></wsdl:operation></wsdl:binding>
  <wsdl:service name="SecurityTokenService">
    <wsdl:port name="CertificateWSTrustBinding_IWSTrust13Async" binding="tns:CertificateWSTrustBinding_IWSTrust13Async"><soap12:address location="%1/adfs/services/trust/13/windowstransport"/><wsa10:EndpointReference><wsa10:Address>%1/adfs/services/trust/13/windowstransport</wsa10:Address></wsa10:EndpointReference></wsdl:port>
    <wsdl:port name="UserNameWSTrustBinding_IWSTrust13Async" binding="tns:UserNameWSTrustBinding_IWSTrust13Async"><soap12:address location="%1/adfs/services/trust/13/usernamemixed"/><wsa10:EndpointReference><wsa10:Address>%1/adfs/services/trust/13/usernamemixed</wsa10:Address></wsa10:EndpointReference></wsdl:port>
  </wsdl:service>
</wsdl:definitions>
)").arg(base);
    return HttpResponse(200, "application/soap+xml; charset=utf-8", document.toUtf8());
}

HttpResponse FederationServer::fault(const QString &subcode, const QString &reason) const
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeNamespace(soapNs, QStringLiteral("s"));
    xml.writeStartElement(soapNs, QStringLiteral("Envelope"));
    xml.writeStartElement(soapNs, QStringLiteral("Body"));
    xml.writeStartElement(soapNs, QStringLiteral("Fault"));
    xml.writeStartElement(soapNs, QStringLiteral("Code"));
    xml.writeTextElement(soapNs, QStringLiteral("Value"), QStringLiteral("s:Sender"));
    xml.writeStartElement(soapNs, QStringLiteral("Subcode"));
    xml.writeTextElement(soapNs, QStringLiteral("Value"), subcode);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeStartElement(soapNs, QStringLiteral("Reason"));
    xml.writeTextElement(soapNs, QStringLiteral("Text"), reason);
    xml.writeEndDocument();
    return HttpResponse(500, "application/soap+xml; charset=utf-8", out);
}

HttpResponse FederationServer::usernameMixed(const HttpRequest &request) const
{
    QString username, password;
    if (!readUsernameToken(request.body(), &username, &password))
        return fault(QStringLiteral("a:InvalidSecurity"), QStringLiteral("MSIS3127: The request has no valid UsernameToken."));
    const User *user = m_services.config.userByName(username);
    const Tenant *tenant = user ? m_services.config.tenantByIdOrDomain(user->tenantId) : nullptr;
    if (!user || !tenant || !tenant->federated || user->password != password)
        return fault(QStringLiteral("a:FailedAuthentication"), QStringLiteral("MSIS7068: Access denied."));
    return issue(request, *user, QStringLiteral("urn:oasis:names:tc:SAML:1.0:am:password"));
}

HttpResponse FederationServer::windowsTransport(const HttpRequest &request) const
{
    const QByteArray authorization = request.header("authorization");
    HttpResponse challenge(401, "text/plain", "Negotiate authentication required");
    challenge.setHeader("WWW-Authenticate", "Negotiate"); // RFC 4559 §4.1
    if (authorization.left(10).toLower() != "negotiate ")
        return challenge;
    const KerberosIdentity identity = acceptNegotiateToken(QByteArray::fromBase64(authorization.mid(10).trimmed()));
    if (identity.principal.isEmpty()) {
        challenge.setBody("Kerberos: " + identity.error.toUtf8());
        return challenge;
    }
    // AD's UPN for a principal of the forest's own realm: the realm is the UPN suffix.
    const qsizetype at = identity.principal.lastIndexOf(QLatin1Char('@'));
    const QString upn = identity.principal.left(at) + identity.principal.mid(at).toLower();
    const User *user = m_services.config.userByName(upn);
    if (!user)
        return fault(QStringLiteral("a:FailedAuthentication"), QStringLiteral("MSIS7068: No account for %1.").arg(upn));
    return issue(request, *user, QStringLiteral("urn:federation:authentication:windows"));
}

HttpResponse FederationServer::issue(const HttpRequest &request, const User &user, const QString &method) const
{
    Q_UNUSED(request)
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString id = QStringLiteral("_") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QMutexLocker lock(&issued().mutex);
        issued().userOidById.insert(id, user.oid);
    }
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeNamespace(soapNs, QStringLiteral("s"));
    xml.writeStartElement(soapNs, QStringLiteral("Envelope"));
    xml.writeStartElement(soapNs, QStringLiteral("Body"));
    xml.writeNamespace(trustNs, QStringLiteral("trust"));
    xml.writeStartElement(trustNs, QStringLiteral("RequestSecurityTokenResponseCollection"));
    xml.writeStartElement(trustNs, QStringLiteral("RequestSecurityTokenResponse"));
    xml.writeStartElement(trustNs, QStringLiteral("RequestedSecurityToken"));
    // The assertion declares its own namespace, as AD FS does, so it stands alone once cut out.
    xml.writeStartElement(QStringLiteral("saml:Assertion"));
    xml.writeAttribute(QStringLiteral("xmlns:saml"), samlNs);
    xml.writeAttribute(QStringLiteral("MajorVersion"), QStringLiteral("1"));
    xml.writeAttribute(QStringLiteral("MinorVersion"), QStringLiteral("1"));
    xml.writeAttribute(QStringLiteral("AssertionID"), id);
    xml.writeAttribute(QStringLiteral("Issuer"), federationBase(request) + QStringLiteral("/adfs/services/trust"));
    xml.writeAttribute(QStringLiteral("IssueInstant"), isoTime(now));
    xml.writeStartElement(QStringLiteral("saml:Conditions"));
    xml.writeAttribute(QStringLiteral("NotBefore"), isoTime(now));
    xml.writeAttribute(QStringLiteral("NotOnOrAfter"), isoTime(now.addSecs(3600)));
    xml.writeStartElement(QStringLiteral("saml:AudienceRestrictionCondition"));
    xml.writeTextElement(QStringLiteral("saml:Audience"), QStringLiteral("urn:federation:MicrosoftOnline"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("saml:AttributeStatement"));
    xml.writeStartElement(QStringLiteral("saml:Subject"));
    xml.writeTextElement(QStringLiteral("saml:NameIdentifier"), user.oid);
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("saml:Attribute"));
    xml.writeAttribute(QStringLiteral("AttributeName"), QStringLiteral("UPN"));
    xml.writeAttribute(QStringLiteral("AttributeNamespace"), QStringLiteral("http://schemas.xmlsoap.org/claims"));
    xml.writeTextElement(QStringLiteral("saml:AttributeValue"), user.username);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("saml:AuthenticationStatement"));
    xml.writeAttribute(QStringLiteral("AuthenticationMethod"), method);
    xml.writeAttribute(QStringLiteral("AuthenticationInstant"), isoTime(now));
    xml.writeEndElement();
    xml.writeEndElement(); // Assertion
    xml.writeEndElement(); // RequestedSecurityToken
    xml.writeTextElement(trustNs, QStringLiteral("TokenType"), samlNs);
    xml.writeEndDocument();
    return HttpResponse(200, "application/soap+xml; charset=utf-8", out);
}

const User *FederationServer::redeemAssertion(const Services &services, const QByteArray &assertionXml, QString *why)
{
    QXmlStreamReader xml(assertionXml);
    QString id;
    QDateTime notOnOrAfter;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD) {
            *why = QStringLiteral("The SAML assertion carries a DTD.");
            return nullptr;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("Assertion"))
            id = xml.attributes().value(QLatin1String("AssertionID")).toString();
        else if (xml.name() == QLatin1String("Conditions"))
            notOnOrAfter = QDateTime::fromString(xml.attributes().value(QLatin1String("NotOnOrAfter")).toString(), Qt::ISODateWithMs);
    }
    if (xml.hasError() || id.isEmpty()) {
        *why = QStringLiteral("The SAML assertion is malformed.");
        return nullptr;
    }
    QString oid;
    {
        QMutexLocker lock(&issued().mutex);
        oid = issued().userOidById.take(id);
    }
    if (oid.isEmpty()) {
        *why = QStringLiteral("The SAML assertion was not issued by a trusted federation server, or was already used.");
        return nullptr;
    }
    if (!notOnOrAfter.isValid() || notOnOrAfter < QDateTime::currentDateTimeUtc()) {
        *why = QStringLiteral("The SAML assertion has expired.");
        return nullptr;
    }
    return services.config.userByOid(oid);
}

} // namespace MsalQt::Emulator
