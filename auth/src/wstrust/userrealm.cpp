#include "userrealm_p.h"

#include "tokenresponse_p.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace MsalQt::Internal {

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::UserRealm)
};
} // namespace

QUrl userRealmUrl(const QUrl &authorityBase, const QString &username)
{
    // The realm endpoint is tenant-independent: always under /common on the authority's host.
    QUrl url;
    url.setScheme(authorityBase.scheme());
    url.setHost(authorityBase.host());
    url.setPort(authorityBase.port());
    url.setPath(QStringLiteral("/common/userrealm/") + username);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("api-version"), QStringLiteral("1.0"));
    url.setQuery(query);
    return url;
}

std::optional<UserRealm> parseUserRealm(const QByteArray &body, AuthError *error)
{
    const auto object = parseJsonObject(body, error);
    if (!object)
        return std::nullopt;
    UserRealm realm;
    const QString type = object->value(QLatin1String("account_type")).toString();
    if (type.compare(QLatin1String("Managed"), Qt::CaseInsensitive) == 0)
        realm.accountType = UserRealm::AccountType::Managed;
    else if (type.compare(QLatin1String("Federated"), Qt::CaseInsensitive) == 0)
        realm.accountType = UserRealm::AccountType::Federated;
    else if (type.compare(QLatin1String("MSA"), Qt::CaseInsensitive) == 0)
        realm.accountType = UserRealm::AccountType::Msa;
    realm.federationProtocol = object->value(QLatin1String("federation_protocol")).toString();
    realm.federationMetadataUrl = QUrl(object->value(QLatin1String("federation_metadata_url")).toString());
    realm.cloudAudienceUrn = object->value(QLatin1String("cloud_audience_urn")).toString();
    if (realm.cloudAudienceUrn.isEmpty())
        realm.cloudAudienceUrn = QStringLiteral("urn:federation:MicrosoftOnline");
    realm.domainName = object->value(QLatin1String("domain_name")).toString();
    if (realm.accountType == UserRealm::AccountType::Unknown) {
        *error = AuthError(AuthError::InvalidResponse,
                           Tr::tr("The user realm answer has an unknown account type \"%1\".").arg(type));
        return std::nullopt;
    }
    if (realm.accountType == UserRealm::AccountType::Federated && !realm.federationMetadataUrl.isValid()) {
        *error = AuthError(AuthError::InvalidResponse,
                           Tr::tr("The user realm answer names a federated user but no federation metadata URL."));
        return std::nullopt;
    }
    return realm;
}

} // namespace MsalQt::Internal
