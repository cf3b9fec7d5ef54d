#include "clientcapabilities_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace MsalQt::Internal {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MsalQt::ClientApplication)
};
} // namespace

std::optional<QString> claimsWithCapabilities(const QString &claims, const QStringList &capabilities, AuthError *error)
{
    if (capabilities.isEmpty())
        return claims;
    QJsonObject merged;
    if (!claims.trimmed().isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(claims.toUtf8());
        if (!document.isObject()) {
            *error = AuthError(AuthError::InvalidConfiguration,
                               Tr::tr("The claims of the request are not a JSON object, so the client capabilities "
                                      "cannot be added to them."));
            return std::nullopt;
        }
        merged = document.object();
    }
    QJsonObject accessToken = merged.value(QLatin1String("access_token")).toObject();
    QJsonObject clientCapabilities = accessToken.value(QLatin1String("xms_cc")).toObject();
    QJsonArray values = clientCapabilities.value(QLatin1String("values")).toArray();
    for (const QString &capability : capabilities) {
        if (!values.contains(capability))
            values.append(capability);
    }
    clientCapabilities.insert(QLatin1String("values"), values);
    accessToken.insert(QLatin1String("xms_cc"), clientCapabilities);
    merged.insert(QLatin1String("access_token"), accessToken);
    return QString::fromUtf8(QJsonDocument(merged).toJson(QJsonDocument::Compact));
}

bool addClientCapabilities(FormFields *form, const QStringList &capabilities, AuthError *error)
{
    if (capabilities.isEmpty())
        return true;
    QString claims;
    const auto field = std::find_if(form->begin(), form->end(),
                                    [](const auto &pair) { return pair.first == QLatin1String("claims"); });
    if (field != form->end()) {
        claims = field->second;
        form->erase(field);
    }
    const std::optional<QString> merged = claimsWithCapabilities(claims, capabilities, error);
    if (!merged)
        return false;
    form->append({QStringLiteral("claims"), *merged});
    return true;
}

} // namespace MsalQt::Internal
