#include "negotiate_p.h"

#include <QCoreApplication>

#include <gssapi/gssapi.h>
#include <gssapi/gssapi_krb5.h>
#include <krb5/krb5.h>

namespace MsalQt::Internal::Negotiate {

namespace {
// Gives lupdate the context of this file's strings (a free tr() would be filed under the
// class or namespace it is called from).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::Negotiate)
};
} // namespace

namespace {

// 1.3.6.1.5.5.2: SPNEGO, the mechanism HTTP Negotiate wraps Kerberos in (RFC 4559 §4).
gss_OID_desc spnegoOid = {6, const_cast<char *>("\x2b\x06\x01\x05\x05\x02")};

QString statusText(OM_uint32 status, int type, gss_OID mech)
{
    QString text;
    OM_uint32 context = 0;
    do {
        OM_uint32 minor = 0;
        gss_buffer_desc buffer = GSS_C_EMPTY_BUFFER;
        if (GSS_ERROR(gss_display_status(&minor, status, type, mech, &context, &buffer)))
            break;
        if (!text.isEmpty())
            text += QStringLiteral("; ");
        text += QString::fromUtf8(static_cast<const char *>(buffer.value), int(buffer.length));
        gss_release_buffer(&minor, &buffer);
    } while (context != 0);
    return text;
}

QString gssText(OM_uint32 major, OM_uint32 minor)
{
    QString text = statusText(major, GSS_C_GSS_CODE, GSS_C_NO_OID);
    if (minor != 0)
        text += QStringLiteral(" (") + statusText(minor, GSS_C_MECH_CODE, GSS_C_NO_OID) + QLatin1Char(')');
    return text;
}

AuthError noTicket(const QString &detail)
{
    return AuthError(AuthError::UiRequired,
                     Tr::tr("No Kerberos ticket: sign in to the domain first (run kinit, or log in with your domain account), then try again. %1")
                         .arg(detail));
}

AuthError expiredTicket(const QString &detail)
{
    return AuthError(AuthError::UiRequired,
                     Tr::tr("Your Kerberos ticket has expired: renew it (run kinit) and try again. %1").arg(detail));
}

// What a failed GSSAPI call means for the person: the minor status is a krb5 error code.
AuthError classify(OM_uint32 major, OM_uint32 minor, const QString &service)
{
    const QString detail = gssText(major, minor);
    const krb5_error_code code = krb5_error_code(minor);
    if (GSS_ROUTINE_ERROR(major) == GSS_S_CREDENTIALS_EXPIRED || code == KRB5KRB_AP_ERR_TKT_EXPIRED)
        return expiredTicket(detail);
    if (code == KRB5KDC_ERR_S_PRINCIPAL_UNKNOWN) {
        return AuthError(AuthError::InvalidConfiguration,
                         Tr::tr("The Kerberos realm does not know the federation server's service principal %1: ask the administrator to register it (setspn / kadmin addprinc) or use the server's canonical host name. %2")
                             .arg(service, detail));
    }
    if (GSS_ROUTINE_ERROR(major) == GSS_S_NO_CRED || code == KRB5_FCC_NOFILE || code == KRB5_CC_NOTFOUND
        || code == KRB5_CC_NOSUPP || code == KRB5_CC_END)
        return noTicket(detail);
    return AuthError(AuthError::InvalidConfiguration,
                     Tr::tr("Kerberos authentication to %1 failed: %2").arg(service, detail));
}

} // namespace

QString currentPrincipal(AuthError *error)
{
    OM_uint32 minor = 0;
    gss_cred_id_t credential = GSS_C_NO_CREDENTIAL;
    gss_OID_set_desc mechs = {1, const_cast<gss_OID>(gss_mech_krb5)};
    OM_uint32 major = gss_acquire_cred(&minor, GSS_C_NO_NAME, GSS_C_INDEFINITE, &mechs, GSS_C_INITIATE,
                                       &credential, nullptr, nullptr);
    if (GSS_ERROR(major)) {
        *error = classify(major, minor, QString());
        if (error->type() == AuthError::InvalidConfiguration)
            *error = noTicket(gssText(major, minor));
        return {};
    }
    gss_name_t name = GSS_C_NO_NAME;
    OM_uint32 lifetime = 0;
    major = gss_inquire_cred(&minor, credential, &name, &lifetime, nullptr, nullptr);
    gss_release_cred(&minor, &credential);
    if (GSS_ROUTINE_ERROR(major) == GSS_S_CREDENTIALS_EXPIRED || (!GSS_ERROR(major) && lifetime == 0)) {
        gss_release_name(&minor, &name);
        *error = expiredTicket(QString());
        return {};
    }
    if (GSS_ERROR(major)) {
        *error = noTicket(gssText(major, minor));
        return {};
    }
    gss_buffer_desc buffer = GSS_C_EMPTY_BUFFER;
    major = gss_display_name(&minor, name, &buffer, nullptr);
    gss_release_name(&minor, &name);
    if (GSS_ERROR(major)) {
        *error = noTicket(gssText(major, minor));
        return {};
    }
    const QString principal = QString::fromUtf8(static_cast<const char *>(buffer.value), int(buffer.length));
    gss_release_buffer(&minor, &buffer);
    return principal;
}

QString principalToUsername(const QString &principal)
{
    const qsizetype at = principal.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return principal;
    return principal.left(at) + principal.mid(at).toLower();
}

QByteArray initialToken(const QString &host, AuthError *error)
{
    const QByteArray serviceName = "HTTP@" + host.toUtf8();
    const QString service = QStringLiteral("HTTP/") + host;
    OM_uint32 minor = 0;
    gss_buffer_desc nameBuffer = {size_t(serviceName.size()), const_cast<char *>(serviceName.constData())};
    gss_name_t target = GSS_C_NO_NAME;
    OM_uint32 major = gss_import_name(&minor, &nameBuffer, GSS_C_NT_HOSTBASED_SERVICE, &target);
    if (GSS_ERROR(major)) {
        *error = AuthError(AuthError::InvalidConfiguration,
                           Tr::tr("Kerberos cannot name the service %1: %2").arg(service, gssText(major, minor)));
        return {};
    }
    gss_ctx_id_t context = GSS_C_NO_CONTEXT;
    gss_buffer_desc output = GSS_C_EMPTY_BUFFER;
    // No mutual authentication: the AD FS answer is itself the proof, and RFC 4559 gives no
    // way to send a second leg on a SOAP POST without replaying its body.
    major = gss_init_sec_context(&minor, GSS_C_NO_CREDENTIAL, &context, target, &spnegoOid, 0, GSS_C_INDEFINITE,
                                 GSS_C_NO_CHANNEL_BINDINGS, GSS_C_NO_BUFFER, nullptr, &output, nullptr, nullptr);
    gss_release_name(&minor, &target);
    QByteArray token;
    if (GSS_ERROR(major)) {
        // SPNEGO reports the Kerberos reason through its own minor code; ask krb5 directly once
        // to get the krb5 error that tells the cases apart.
        OM_uint32 krbMinor = 0;
        gss_ctx_id_t krbContext = GSS_C_NO_CONTEXT;
        gss_name_t krbTarget = GSS_C_NO_NAME;
        gss_import_name(&krbMinor, &nameBuffer, GSS_C_NT_HOSTBASED_SERVICE, &krbTarget);
        gss_buffer_desc ignored = GSS_C_EMPTY_BUFFER;
        const OM_uint32 krbMajor = gss_init_sec_context(&krbMinor, GSS_C_NO_CREDENTIAL, &krbContext, krbTarget,
                                                        const_cast<gss_OID>(gss_mech_krb5), 0, GSS_C_INDEFINITE,
                                                        GSS_C_NO_CHANNEL_BINDINGS, GSS_C_NO_BUFFER, nullptr,
                                                        &ignored, nullptr, nullptr);
        OM_uint32 unused = 0;
        gss_release_buffer(&unused, &ignored);
        gss_delete_sec_context(&unused, &krbContext, GSS_C_NO_BUFFER);
        gss_release_name(&unused, &krbTarget);
        *error = GSS_ERROR(krbMajor) ? classify(krbMajor, krbMinor, service) : classify(major, minor, service);
    } else {
        token = QByteArray(static_cast<const char *>(output.value), qsizetype(output.length));
    }
    gss_release_buffer(&minor, &output);
    gss_delete_sec_context(&minor, &context, GSS_C_NO_BUFFER);
    return token;
}

} // namespace MsalQt::Internal::Negotiate
