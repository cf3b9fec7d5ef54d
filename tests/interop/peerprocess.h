#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Interop {

// One run of a program to its end. exitCode is -1 when it did not start or did not end in time
// (it is killed then) and -2 when it crashed. json is stdout parsed as one object (empty if it is not).
struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json;

    // For failure messages: the exit code and stderr (peers print no token, only hashes).
    QByteArray describe() const;
};

Result runProgram(const QString &program, const QStringList &arguments, const QProcessEnvironment &env);

// The other MSAL library, run through its peer script in this folder.
class Peer
{
public:
    enum Kind { MsalNode, MsalPython };

    explicit Peer(Kind kind = MsalNode);
    Kind kind() const { return m_kind; }
    QString name() const;
    // Empty when the peer can run here; otherwise what is missing and how to install it.
    QString missing() const;
    Result run(const QString &command, const QStringList &arguments,
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment()) const;

private:
    QString interpreter() const;
    QString script() const;

    Kind m_kind;
};

// SHA-256 (hex) of a token, the form in which peers report theirs.
QString fingerprint(const QString &token);

} // namespace Interop
