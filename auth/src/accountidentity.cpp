#include "accountidentity_p.h"

#include "base64url_p.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>

namespace MsalQt::Internal {

static AuthError mismatch(const char *what)
{
    return AuthError(AuthError::IdentityMismatch,
                     QCoreApplication::translate("MsalQt::TokenRequest",
                                                 "The refreshed tokens are for another account: their %1 is not the "
                                                 "signed-in account's.")
                         .arg(QLatin1String(what)));
}

static bool sameText(const QJsonValue &a, const QJsonValue &b)
{
    return a.isString() && b.isString() && a.toString().compare(b.toString(), Qt::CaseInsensitive) == 0;
}

AuthError checkSameAccount(const AccountIdentity &expected, const QString &homeAccountId, const QJsonObject &claims)
{
    // The refresh token was found under this id; an answer naming another (client_info of
    // another user, or an ID token whose oid.tid or sub and issuer differ) is someone else.
    if (!homeAccountId.isEmpty() && homeAccountId.compare(expected.homeAccountId, Qt::CaseInsensitive) != 0)
        return mismatch("home account id");
    if (claims.isEmpty())
        return {}; // RFC 6749 §6 and OpenID Connect Core §12.2: the answer need not carry one
    const QJsonValue tid = claims.value(QLatin1String("tid"));
    const QJsonValue oid = claims.value(QLatin1String("oid"));

    // OpenID Connect Core §12.2: iss, sub and aud as in the ID token of the original sign-in;
    // the platform's oid and tid name the same user in the same tenant.
    const QJsonObject &original = expected.idTokenClaims;
    if (!original.isEmpty()) {
        if (claims.value(QLatin1String("iss")) != original.value(QLatin1String("iss")))
            return mismatch("issuer (iss)");
        if (claims.value(QLatin1String("sub")) != original.value(QLatin1String("sub")))
            return mismatch("subject (sub)");
        if (claims.value(QLatin1String("aud")) != original.value(QLatin1String("aud")))
            return mismatch("audience (aud)");
        const QJsonValue originalOid = original.value(QLatin1String("oid"));
        if (!originalOid.isUndefined() && !sameText(oid, originalOid))
            return mismatch("object id (oid)");
        const QJsonValue originalTid = original.value(QLatin1String("tid"));
        if (!originalTid.isUndefined() && !sameText(tid, originalTid))
            return mismatch("tenant (tid)");
    }

    // Without that token (another library's cache, a first refresh in this tenant), what the
    // home account id says: the tenant refreshed, and in the home tenant the object id is
    // client_info's uid, so this account's client_info beside another user's ID token fails.
    if (!expected.tenantId.isEmpty() && !sameText(tid, expected.tenantId))
        return mismatch("tenant (tid)");
    if (expected.microsoft) {
        const qsizetype dot = expected.homeAccountId.lastIndexOf(QLatin1Char('.'));
        QString uid = expected.homeAccountId.left(dot);
        // B2C files the account under "{oid}-{policy}.{tid}": the object id is the uid without
        // that suffix, and a uid without it names no account of this policy.
        const QString suffix = QLatin1Char('-') + expected.b2cPolicy;
        if (!expected.b2cPolicy.isEmpty() && uid.endsWith(suffix, Qt::CaseInsensitive))
            uid.chop(suffix.size());
        if (dot > 0 && sameText(tid, expected.homeAccountId.mid(dot + 1)) && oid.isString()
            && !sameText(oid, uid)) {
            return mismatch("object id (oid)");
        }
    }
    return {};
}

// client_info (a platform extension): base64url JSON {"uid": object id, "utid": home tenant id}.
static std::pair<QString, QString> decodeClientInfo(const QString &clientInfo)
{
    QByteArray json;
    if (clientInfo.isEmpty() || !base64UrlDecode(clientInfo.toLatin1(), &json))
        return {};
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    return {object.value(QLatin1String("uid")).toString(), object.value(QLatin1String("utid")).toString()};
}

// A generic provider's subject is only unique per issuer (OpenID Connect Core §2): the home
// account id joins it with a digest of the issuer, in the "<id>.<tenant>" shape of the platform's.
static QString genericHomeAccountId(const QString &subject, const QString &issuer)
{
    const QByteArray digest = QCryptographicHash::hash(issuer.toUtf8(), QCryptographicHash::Sha256);
    return subject + QLatin1Char('.') + QString::fromLatin1(base64UrlEncode(digest.left(12)));
}

QString homeAccountIdOf(const Authority &authority, const QString &clientInfo, const QJsonObject &claims)
{
    // AD FS sends no client_info and no tid: MSAL (token_cache.py, msal-common's
    // generateHomeAccountId) files its accounts under the ID token's sub alone.
    if (authority.type() == Authority::Adfs)
        return claims.value(QLatin1String("sub")).toString();
    const auto [uid, utid] = decodeClientInfo(clientInfo);
    if (!uid.isEmpty() && !utid.isEmpty())
        return uid + QLatin1Char('.') + utid;
    if (claims.isEmpty())
        return {};
    const QString tid = claims.value(QLatin1String("tid")).toString();
    const QString oid = claims.value(QLatin1String("oid")).toString();
    if (!oid.isEmpty() && !tid.isEmpty())
        return oid + QLatin1Char('.') + tid;
    return genericHomeAccountId(claims.value(QLatin1String("sub")).toString(),
                                claims.value(QLatin1String("iss")).toString());
}

} // namespace MsalQt::Internal
