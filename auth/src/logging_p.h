#pragma once

#include "autotestexport_p.h"
#include <MsalQt/msalqt_global.h>

#include <QLoggingCategory>
#include <QUrl>

Q_DECLARE_LOGGING_CATEGORY(lcMsalAuth)      // msalqt.auth: flows and applications
Q_DECLARE_LOGGING_CATEGORY(lcMsalHttp)      // msalqt.http: the request pipeline
Q_DECLARE_LOGGING_CATEGORY(lcMsalDiscovery) // msalqt.discovery: authority metadata and keys
Q_DECLARE_LOGGING_CATEGORY(lcMsalToken)     // msalqt.token: token validation

namespace MsalQt::Internal {

// Whether the application opted in to personal data in logs (ClientApplication::setPiiLoggingEnabled).
MSALQT_AUTH_AUTOTEST_EXPORT bool piiLoggingEnabled();
MSALQT_AUTH_AUTOTEST_EXPORT void setPiiLoggingEnabled(bool enabled);

// A secret as it may appear in a log line: "[redacted]", or with PII logging on its first few
// characters and its length. Tokens, codes, passwords, assertions and PKCE verifiers go through this.
MSALQT_AUTH_AUTOTEST_EXPORT QString redact(const QString &secret);

// A URL as it may appear in a log line: never its query or fragment, which carry codes and tokens.
MSALQT_AUTH_AUTOTEST_EXPORT QString loggableUrl(const QUrl &url);

} // namespace MsalQt::Internal
