#include "refreshtokenstore.h"

#include <QRandomGenerator>

namespace MsalQt::Emulator {

QString RefreshTokenStore::issue(const QString &userOid, const QString &clientId, const QString &tenantId,
                                 const QString &scope)
{
    QByteArray random(96, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    // "1.A" mimics the prefix of the platform's refresh tokens; the rest is opaque.
    const QString token = QStringLiteral("1.A")
        + QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    m_grants.insert(token, RefreshGrant{userOid, clientId, tenantId, scope, QDateTime::currentDateTimeUtc(), false, {}});
    return token;
}

const RefreshGrant *RefreshTokenStore::find(const QString &token) const
{
    const auto it = m_grants.constFind(token);
    return it == m_grants.constEnd() ? nullptr : &it.value();
}

void RefreshTokenStore::revokeUser(const QString &userOid)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (RefreshGrant &g : m_grants) {
        if (g.userOid == userOid && !g.revoked) {
            g.revoked = true;
            g.revokedAt = now;
        }
    }
}

} // namespace MsalQt::Emulator
