#pragma once

#include <MsalQt/msalqt_global.h>

#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>

namespace MsalQt {

class ClientCredentialData;

// How a confidential client proves its identity at the token endpoint.
class MSALQT_AUTH_EXPORT ClientCredential
{
public:
    enum Type { None = 0, Secret };

    ClientCredential();
    ClientCredential(const ClientCredential &other);
    ClientCredential &operator=(const ClientCredential &other);
    ~ClientCredential();

    static ClientCredential fromSecret(const QString &secret);

    Type type() const;
    bool isNull() const { return type() == None; }
    QString secret() const;

private:
    QSharedDataPointer<ClientCredentialData> d;
};

} // namespace MsalQt

Q_DECLARE_METATYPE(MsalQt::ClientCredential)
