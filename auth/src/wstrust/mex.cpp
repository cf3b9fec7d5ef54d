#include "mex_p.h"

#include "httpclient_p.h"

#include <QCoreApplication>
#include <QHash>
#include <QXmlStreamReader>

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

struct Binding
{
    QString policyId;
    std::optional<WsTrustVersion> version;
};

// The part after a "prefix:" in a QName attribute value such as binding="tns:Foo".
QString localPart(QStringView qname)
{
    const qsizetype colon = qname.indexOf(QLatin1Char(':'));
    return (colon < 0 ? qname : qname.mid(colon + 1)).toString();
}

} // namespace

std::optional<WsTrustEndpoint> parseMex(const QByteArray &document, WsTrustEndpointKind kind,
                                        const QUrl &metadataUrl, AuthError *error)
{
    if (document.size() > maxFederationXmlSize) {
        *error = AuthError(AuthError::InvalidResponse, Tr::tr("The federation metadata document is too large."));
        return std::nullopt;
    }
    QXmlStreamReader xml(document);
    QHash<QString, WsTrustEndpointKind> policies; // wsu:Id -> what the policy authenticates with
    QHash<QString, Binding> bindings;             // binding name -> policy and WS-Trust version
    QList<std::pair<QString, QUrl>> ports;        // binding name -> address, in document order

    QString policyId;   // the top-level wsp:Policy being read
    int policyDepth = -1;
    bool inSupportingTokens = false;
    QString bindingName; // the wsdl:binding being read (soap12:binding inside has the same local name)
    int bindingDepth = -1;
    QString portBinding;
    int depth = 0;
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::DTD:
            // No DTD, no entity declarations, no expansion (billion laughs, external entities).
            *error = AuthError(AuthError::InvalidResponse, Tr::tr("The federation metadata document carries a DTD; refused."));
            return std::nullopt;
        case QXmlStreamReader::EntityReference:
            *error = AuthError(AuthError::InvalidResponse, Tr::tr("The federation metadata document uses an undeclared entity."));
            return std::nullopt;
        case QXmlStreamReader::StartElement: {
            ++depth;
            const QStringView name = xml.name();
            const QXmlStreamAttributes attributes = xml.attributes();
            if (name == QLatin1String("Policy") && policyDepth < 0) {
                // wsu:Id names the policy bindings refer to with "#Id".
                for (const QXmlStreamAttribute &a : attributes) {
                    if (a.name() == QLatin1String("Id"))
                        policyId = a.value().toString();
                }
                if (!policyId.isEmpty())
                    policyDepth = depth;
            } else if (policyDepth >= 0) {
                if (name == QLatin1String("NegotiateAuthentication"))
                    policies.insert(policyId, WsTrustEndpointKind::WindowsTransport);
                else if (name == QLatin1String("SignedSupportingTokens")
                         || name == QLatin1String("SignedEncryptedSupportingTokens"))
                    inSupportingTokens = true;
                else if (name == QLatin1String("UsernameToken") && inSupportingTokens)
                    policies.insert(policyId, WsTrustEndpointKind::UsernameMixed);
            } else if (name == QLatin1String("binding") && attributes.hasAttribute(QLatin1String("type"))) {
                bindingName = attributes.value(QLatin1String("name")).toString();
                bindingDepth = depth;
                bindings.insert(bindingName, {});
            } else if (!bindingName.isEmpty() && name == QLatin1String("PolicyReference")) {
                bindings[bindingName].policyId = attributes.value(QLatin1String("URI")).toString().mid(1);
            } else if (!bindingName.isEmpty() && name == QLatin1String("operation")
                       && attributes.hasAttribute(QLatin1String("soapAction"))) {
                // The RST/Issue action names the WS-Trust version the binding speaks.
                const QStringView action = attributes.value(QLatin1String("soapAction"));
                if (action == QLatin1String("http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue"))
                    bindings[bindingName].version = WsTrustVersion::Trust13;
                else if (action == QLatin1String("http://schemas.xmlsoap.org/ws/2005/02/trust/RST/Issue"))
                    bindings[bindingName].version = WsTrustVersion::Trust2005;
            } else if (name == QLatin1String("port") && attributes.hasAttribute(QLatin1String("binding"))) {
                portBinding = localPart(attributes.value(QLatin1String("binding")));
            } else if (!portBinding.isEmpty() && name == QLatin1String("address")
                       && attributes.hasAttribute(QLatin1String("location"))) {
                ports.append({portBinding, QUrl(attributes.value(QLatin1String("location")).toString())});
            }
            break;
        }
        case QXmlStreamReader::EndElement: {
            const QStringView name = xml.name();
            if (depth == policyDepth) {
                policyDepth = -1;
                policyId.clear();
                inSupportingTokens = false;
            } else if (name == QLatin1String("SignedSupportingTokens")
                       || name == QLatin1String("SignedEncryptedSupportingTokens")) {
                inSupportingTokens = false;
            } else if (depth == bindingDepth) {
                bindingName.clear();
                bindingDepth = -1;
            } else if (name == QLatin1String("port")) {
                portBinding.clear();
            }
            --depth;
            break;
        }
        default:
            break;
        }
    }
    if (xml.hasError()) {
        *error = AuthError(AuthError::InvalidResponse,
                           Tr::tr("The federation metadata document is not well-formed XML: %1").arg(xml.errorString()));
        return std::nullopt;
    }

    std::optional<WsTrustEndpoint> found;
    QUrl refused; // an endpoint of the right kind that the transport rules turned down
    for (const auto &[binding, address] : ports) {
        const auto b = bindings.constFind(binding);
        if (b == bindings.cend() || !b->version || policies.value(b->policyId, WsTrustEndpointKind(-1)) != kind)
            continue;
        if (!address.isValid() || (address.scheme() != QLatin1String("https") && address.scheme() != QLatin1String("http")))
            continue;
        // Never plain http off loopback, never a host other than the metadata's own: a document
        // that could name any address could send the password anywhere.
        if (!isSecureEndpoint(address) || address.host().compare(metadataUrl.host(), Qt::CaseInsensitive) != 0) {
            refused = address;
            continue;
        }
        if (!found || (found->version == WsTrustVersion::Trust2005 && *b->version == WsTrustVersion::Trust13))
            found = WsTrustEndpoint{address, *b->version};
    }
    if (!found && refused.isValid()) {
        *error = AuthError(AuthError::InvalidResponse,
                           Tr::tr("The federation metadata from %1 names its WS-Trust endpoint at %2, which is not https on the same host; refused.")
                               .arg(metadataUrl.host(), refused.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment
                                                                         | QUrl::RemoveUserInfo).toString()));
    } else if (!found) {
        *error = AuthError(AuthError::InvalidConfiguration,
                           kind == WsTrustEndpointKind::WindowsTransport
                               ? Tr::tr("The federation server publishes no WS-Trust windowstransport endpoint: integrated Windows authentication is not enabled there.")
                               : Tr::tr("The federation server publishes no WS-Trust usernamemixed endpoint: it does not accept passwords from applications."));
    }
    return found;
}

} // namespace MsalQt::Internal
