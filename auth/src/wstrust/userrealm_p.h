#pragma once

#include "autotestexport_p.h"
#include <MsalQt/autherror.h>

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

namespace MsalQt::Internal {

// The platform's user realm discovery answer (GET {host}/common/userrealm/{username}?api-version=1.0):
// whether a username belongs to a cloud-managed directory, a federated one (its own identity
// provider, e.g. AD FS, issues the credentials) or a personal Microsoft account.
struct UserRealm
{
    enum class AccountType { Unknown, Managed, Federated, Msa };
    AccountType accountType = AccountType::Unknown;
    QString federationProtocol;   // "WSTrust" for the flows here
    QUrl federationMetadataUrl;   // the WS-MetadataExchange document
    QString cloudAudienceUrn;     // AppliesTo of the RST; "urn:federation:MicrosoftOnline" when absent
    QString domainName;
};

QUrl userRealmUrl(const QUrl &authorityBase, const QString &username);
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<UserRealm> parseUserRealm(const QByteArray &body, AuthError *error);

} // namespace MsalQt::Internal
