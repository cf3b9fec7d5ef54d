#pragma once

#include <QByteArray>

namespace MsalQt::Internal {

// RFC 7515 §2: base64url without padding, as JOSE and PKCE use it.
inline QByteArray base64UrlEncode(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Strict: a character outside the base64url alphabet is an error, not silently skipped.
inline bool base64UrlDecode(const QByteArray &text, QByteArray *out)
{
    const auto result = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *out = *result;
    return true;
}

} // namespace MsalQt::Internal
