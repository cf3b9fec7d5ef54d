#include "kerberosacceptor.h"

#include <gssapi/gssapi.h>

namespace MsalQt::Emulator {

namespace {

QString statusText(OM_uint32 status, int type)
{
    QString text;
    OM_uint32 context = 0;
    do {
        OM_uint32 minor = 0;
        gss_buffer_desc buffer = GSS_C_EMPTY_BUFFER;
        if (GSS_ERROR(gss_display_status(&minor, status, type, GSS_C_NO_OID, &context, &buffer)))
            break;
        text += QString::fromUtf8(static_cast<const char *>(buffer.value), int(buffer.length)) + QLatin1Char(' ');
        gss_release_buffer(&minor, &buffer);
    } while (context != 0);
    return text.trimmed();
}

} // namespace

KerberosIdentity acceptNegotiateToken(const QByteArray &spnegoToken)
{
    KerberosIdentity identity;
    OM_uint32 minor = 0;
    gss_ctx_id_t context = GSS_C_NO_CONTEXT;
    gss_buffer_desc input = {size_t(spnegoToken.size()), const_cast<char *>(spnegoToken.constData())};
    gss_buffer_desc output = GSS_C_EMPTY_BUFFER;
    gss_name_t source = GSS_C_NO_NAME;
    const OM_uint32 major = gss_accept_sec_context(&minor, &context, GSS_C_NO_CREDENTIAL, &input,
                                                   GSS_C_NO_CHANNEL_BINDINGS, &source, nullptr, &output,
                                                   nullptr, nullptr, nullptr);
    OM_uint32 ignored = 0;
    gss_release_buffer(&ignored, &output);
    if (GSS_ERROR(major)) {
        identity.error = statusText(major, GSS_C_GSS_CODE) + QStringLiteral(" / ") + statusText(minor, GSS_C_MECH_CODE);
    } else {
        // Without mutual authentication the client's single Kerberos AP-REQ is enough: the
        // context completes, or SPNEGO only waits to send its final negState.
        gss_buffer_desc name = GSS_C_EMPTY_BUFFER;
        if (!GSS_ERROR(gss_display_name(&ignored, source, &name, nullptr))) {
            identity.principal = QString::fromUtf8(static_cast<const char *>(name.value), int(name.length));
            gss_release_buffer(&ignored, &name);
        }
    }
    gss_release_name(&ignored, &source);
    gss_delete_sec_context(&ignored, &context, GSS_C_NO_BUFFER);
    return identity;
}

} // namespace MsalQt::Emulator
