#include "federatedflow_p.h"

#include "logging_p.h"

#include <QCoreApplication>

namespace MsalQt {

using namespace Internal;

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::FederatedFlow)
};
} // namespace

FederatedFlow::FederatedFlow(ClientApplicationPrivate *application, const QStringList &scopes, const QString &username)
    : TokenRequestPrivate(application, scopes)
    , m_username(username.trimmed())
{
}

void FederatedFlow::discoverUserRealm()
{
    HttpRequest request;
    request.url = userRealmUrl(app->authority.url(), m_username);
    HttpCall *call = send(request);
    QObject::connect(call, &HttpCall::finished, q_ptr, [this, call] {
        call->deleteLater();
        const HttpResponse &response = call->response();
        if (!response.isHttpSuccess()) {
            finishWithError(errorFromHttpResponse(response, correlationId));
            return;
        }
        AuthError error;
        const auto realm = parseUserRealm(response.body, &error);
        if (!realm) {
            finishWithError(error);
            return;
        }
        onUserRealm(*realm);
    });
}

void FederatedFlow::requestSamlAssertion(const UserRealm &realm, WsTrustEndpointKind kind)
{
    if (realm.federationProtocol.compare(QLatin1String("WSTrust"), Qt::CaseInsensitive) != 0) {
        finishWithError(AuthError(AuthError::InvalidConfiguration,
                                  Tr::tr("The user's federation server speaks \"%1\"; only WS-Trust is supported for this flow.")
                                      .arg(realm.federationProtocol)));
        return;
    }
    // The metadata names where the password (or ticket) goes: it must come over TLS, or a
    // network attacker picks the endpoint. Refused before any connection is made.
    if (!isSecureEndpoint(realm.federationMetadataUrl)) {
        finishWithError(AuthError(AuthError::InvalidResponse,
                                  Tr::tr("The user realm names federation metadata at %1, which is not an https URL; refused.")
                                      .arg(loggableUrl(realm.federationMetadataUrl))));
        return;
    }
    HttpRequest request;
    request.url = realm.federationMetadataUrl;
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/soap+xml, text/xml")});
    request.maxResponseSize = maxFederationXmlSize;
    HttpCall *call = send(request);
    QObject::connect(call, &HttpCall::finished, q_ptr, [this, call, realm, kind] {
        call->deleteLater();
        const HttpResponse &response = call->response();
        if (!response.isHttpSuccess()) {
            AuthError error = errorFromHttpResponse(response, correlationId);
            if (error.type() == AuthError::InvalidResponse && response.refusal == HttpRefusal::None)
                error.setMessage(Tr::tr("The federation metadata could not be fetched (HTTP %1).").arg(response.status));
            finishWithError(error);
            return;
        }
        AuthError error;
        const auto endpoint = parseMex(response.body, kind, realm.federationMetadataUrl, &error);
        if (!endpoint) {
            finishWithError(error);
            return;
        }
        postRequestSecurityToken(*endpoint, realm);
    });
}

void FederatedFlow::postRequestSecurityToken(const WsTrustEndpoint &endpoint, const UserRealm &realm)
{
    wsTrustAuthorization(endpoint, [this, endpoint, realm](const QByteArray &authorization, const AuthError &error) {
        if (isFinished())
            return; // cancelled while the authorization was being made
        if (error.isError())
            finishWithError(error);
        else
            sendRequestSecurityToken(endpoint, realm, authorization);
    });
}

void FederatedFlow::sendRequestSecurityToken(const WsTrustEndpoint &endpoint, const UserRealm &realm,
                                             const QByteArray &authorization)
{
    // SOAP 1.2 (RFC 3902): the action travels in the media type; AD FS also reads SOAPAction.
    const QByteArray action = soapAction(endpoint.version);
    HttpRequest request;
    request.url = endpoint.url;
    request.body = buildRequestSecurityToken(wsTrustRequest(endpoint, realm));
    request.contentType = QByteArray("application/soap+xml; charset=utf-8; action=\"" + action + '"');
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/soap+xml, text/xml")});
    request.headers.append({QByteArrayLiteral("SOAPAction"), action});
    if (!authorization.isEmpty())
        request.headers.append({QByteArrayLiteral("Authorization"), authorization});
    request.maxResponseSize = maxFederationXmlSize;
    // The RST carries a password or a Kerberos ticket: it is sent once. As a POST it never
    // follows a redirect (HttpRequest::carriesCredential()).
    request.retry = false;
    onSecretsSent();
    qCDebug(lcMsalAuth) << "WS-Trust request to" << loggableUrl(endpoint.url);

    // The body (with a usernamemixed password) is shared with QNAM until the upload is done;
    // it is never logged, and the flow's own copy of the password is wiped in onSecretsSent().
    setState(TokenRequest::RequestingToken);
    HttpCall *call = send(std::move(request));
    QObject::connect(call, &HttpCall::finished, q_ptr, [this, call] {
        call->deleteLater();
        onRequestSecurityTokenResponse(call->response());
    });
}

void FederatedFlow::onRequestSecurityTokenResponse(const HttpResponse &response)
{
    if (response.status == 0 || response.refusal != HttpRefusal::None) {
        finishWithError(errorFromHttpResponse(response, correlationId));
        return;
    }
    AuthError error;
    const auto assertion = parseRequestSecurityTokenResponse(response.body, &error);
    if (!assertion) {
        if (response.status == 401) {
            // RFC 4559 §5: the server refused our Negotiate token (or wanted one).
            error = AuthError(AuthError::InvalidConfiguration,
                              Tr::tr("The federation server refused the Kerberos authentication (HTTP 401). Check that its service principal and keytab match the realm."));
        }
        error.setHttpStatus(response.status);
        finishWithError(error);
        return;
    }
    // RFC 7522 §2.1 asks for base64url; the platform's SAML bearer grants take standard base64.
    redeem({{QStringLiteral("grant_type"), assertion->grantType},
            {QStringLiteral("assertion"), QString::fromLatin1(assertion->xml.toBase64())}});
}

} // namespace MsalQt
