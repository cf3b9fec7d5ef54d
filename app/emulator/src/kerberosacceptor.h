#pragma once

#include <QByteArray>
#include <QString>

namespace MsalQt::Emulator {

// The acceptor side of HTTP Negotiate (RFC 4559) for the emulator's windowstransport endpoint:
// one gss_accept_sec_context() against the keytab KRB5_KTNAME names (any HTTP/<host> principal
// in it), which is what AD FS does with its service account's keys.
struct KerberosIdentity {
    QString principal; // "dave@WOODGROVE.COM"; empty when refused
    QString error;     // GSSAPI's words when refused
};

KerberosIdentity acceptNegotiateToken(const QByteArray &spnegoToken);

} // namespace MsalQt::Emulator
