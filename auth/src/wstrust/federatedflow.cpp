#include "federatedflow_p.h"

#include "logging_p.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace MsalQt {

using namespace Internal;

static QString tr(const char *text)
{
    return QCoreApplication::translate("MsalQt::FederatedFlow", text);
}

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
                                  tr("The user's federation server speaks \"%1\"; only WS-Trust is supported for this flow.")
                                      .arg(realm.federationProtocol)));
        return;
    }
    HttpRequest request;
    request.url = realm.federationMetadataUrl;
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/soap+xml, text/xml")});
    HttpCall *call = send(request);
    QObject::connect(call, &HttpCall::finished, q_ptr, [this, call, realm, kind] {
        call->deleteLater();
        const HttpResponse &response = call->response();
        if (!response.isHttpSuccess()) {
            AuthError error = errorFromHttpResponse(response, correlationId);
            if (error.type() == AuthError::InvalidResponse)
                error.setMessage(tr("The federation metadata could not be fetched (HTTP %1).").arg(response.status));
            finishWithError(error);
            return;
        }
        AuthError error;
        const auto endpoint = parseMex(response.body, kind, &error);
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
    const QByteArray body = buildRequestSecurityToken(wsTrustRequest(endpoint, realm));
    onSecretsSent();

    // SOAP 1.2 (RFC 3902): the action travels in the media type; AD FS also reads SOAPAction.
    const QByteArray action = soapAction(endpoint.version);
    QNetworkRequest request(endpoint.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("application/soap+xml; charset=utf-8; action=\"" + action + '"'));
    request.setRawHeader("SOAPAction", action);
    request.setRawHeader("client-request-id", correlationId.toLatin1());
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    // The RST carries a password or a Kerberos ticket: never follow a redirect with it.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(int(app->http->timeout().count()));
    qCDebug(lcMsalAuth) << "WS-Trust request to" << loggableUrl(endpoint.url);

    // The body (with a usernamemixed password) is shared with QNAM until the upload is done;
    // it is never logged, and the flow's own copy of the password is wiped in onSecretsSent().
    m_soapReply = app->http->networkAccessManager()->post(request, body);
    m_soapReply->setParent(q_ptr);
    QNetworkReply *reply = m_soapReply;
    QObject::connect(reply, &QNetworkReply::finished, q_ptr, [this, reply] { onRequestSecurityTokenResponse(reply); });
}

void FederatedFlow::onRequestSecurityTokenResponse(QNetworkReply *reply)
{
    reply->deleteLater();
    m_soapReply = nullptr;
    if (isFinished())
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->read(maxFederationXmlSize + 1);
    if (status == 0) {
        finishWithError(AuthError(reply->error() == QNetworkReply::OperationCanceledError ? AuthError::Timeout
                                                                                           : AuthError::NetworkError,
                                  reply->errorString()));
        return;
    }
    AuthError error;
    const auto assertion = parseRequestSecurityTokenResponse(body, &error);
    if (!assertion) {
        if (status == 401) {
            // RFC 4559 §5: the server refused our Negotiate token (or wanted one).
            error = AuthError(AuthError::InvalidConfiguration,
                              tr("The federation server refused the Kerberos authentication (HTTP 401). Check that its service principal and keytab match the realm."));
        }
        error.setHttpStatus(status);
        finishWithError(error);
        return;
    }
    // RFC 7522 §2.1 asks for base64url; the platform's SAML bearer grants take standard base64.
    redeem({{QStringLiteral("grant_type"), assertion->grantType},
            {QStringLiteral("assertion"), QString::fromLatin1(assertion->xml.toBase64())}});
}

void FederatedFlow::stop()
{
    if (m_soapReply) {
        m_soapReply->disconnect(q_ptr);
        m_soapReply->abort();
        m_soapReply->deleteLater();
    }
}

} // namespace MsalQt
