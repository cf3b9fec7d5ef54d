#pragma once

#include "autotestexport_p.h"
#include "httpclient_p.h"
#include <MsalQt/autherror.h>

#include <QString>
#include <QStringList>

#include <optional>

namespace MsalQt::Internal {

// The claims a request sends with the application's client capabilities merged in, as the other
// MSAL libraries do: {"access_token":{"xms_cc":{"values":[capabilities…]}}} deep-merged into
// `claims` (a JSON object; values the claims already name for xms_cc are kept, first). `claims`
// unchanged when there are no capabilities; no value, with an InvalidConfiguration `error`, when
// there are and `claims` is not a JSON object.
MSALQT_AUTH_AUTOTEST_EXPORT std::optional<QString> claimsWithCapabilities(const QString &claims,
                                                                         const QStringList &capabilities,
                                                                         AuthError *error);

// Replaces the `claims` field of a token request's form (or adds one) with
// claimsWithCapabilities(); the form unchanged without capabilities. False, with `error`, when
// the request's claims cannot take them.
MSALQT_AUTH_AUTOTEST_EXPORT bool addClientCapabilities(FormFields *form, const QStringList &capabilities, AuthError *error);

} // namespace MsalQt::Internal
