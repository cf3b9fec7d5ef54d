#include "tokenissuer.h"

#include "config.h"
#include "services.h"

#include <QJsonArray>

namespace MsalQt::Emulator {

// Azure AD B2C's tokens: issuer "{base}/{tid}/v2.0/" (with the slash), version 1.0, the user flow
// in "tfp", the sign-in addresses in "emails" and no preferred_username.
void TokenIssuer::applyB2CShape(QJsonObject *response, const User &user, const QString &policy) const
{
    for (const char *name : {"access_token", "id_token"}) {
        const QString key = QLatin1String(name);
        if (!response->contains(key))
            continue;
        QString reason;
        auto claims = m_services.keys.verify(response->value(key).toString().toLatin1(), &reason);
        if (!claims)
            continue; // signed just now by the same keys
        claims->insert(QStringLiteral("iss"), m_services.issuerFor(user.tenantId) + QLatin1Char('/'));
        claims->insert(QStringLiteral("ver"), QStringLiteral("1.0"));
        claims->insert(QStringLiteral("tfp"), policy);
        claims->insert(QStringLiteral("emails"), QJsonArray{user.username});
        claims->remove(QStringLiteral("preferred_username"));
        claims->remove(QStringLiteral("email"));
        response->insert(key, QString::fromLatin1(m_services.keys.sign(*claims)));
    }
}

} // namespace MsalQt::Emulator
