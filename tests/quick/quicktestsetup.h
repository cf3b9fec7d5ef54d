#pragma once

#include <emulator.h>

#include <QObject>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QQmlEngine;

// What the Qt Quick tests (tests/quick/qml/tst_*.qml) get from C++: the in-process emulator,
// as the QML singleton `TestEmulator` of `import MsalQtTest`. Nothing of the module under test
// is reached from here: the tests use `import MsalQt` as an application does.
class TestEmulator : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString clientId READ clientId CONSTANT)
    Q_PROPERTY(QString organizations READ organizations CONSTANT)
    Q_PROPERTY(QUrl baseUrl READ baseUrl CONSTANT)
    Q_PROPERTY(QString alice READ alice CONSTANT)
    Q_PROPERTY(QString password READ password CONSTANT)
    // A directory of this run, removed at the end (cache files).
    Q_PROPERTY(QString scratchDir READ scratchDir CONSTANT)
public:
    explicit TestEmulator(QObject *parent = nullptr) : QObject(parent) {}
    void setServer(MsalQt::Emulator::Server *server) { m_server = server; }

    QString clientId() const;
    QString organizations() const;
    QUrl baseUrl() const;
    QString alice() const;
    QString password() const;
    QString scratchDir() const { return m_scratch.path(); }

    // The person approves (or declines) a device code at the emulator's device login page.
    Q_INVOKABLE bool approveDeviceCode(const QString &userCode, const QString &username);
    Q_INVOKABLE bool declineDeviceCode(const QString &userCode);
    // How many token requests the emulator has answered (path suffix "/oauth2/v2.0/token").
    Q_INVOKABLE int tokenRequests() const;
    // The emulator signs `username` in at once on its authorization page (empty: off).
    Q_INVOKABLE void setAutoSignIn(const QString &username);

private:
    MsalQt::Emulator::Server *m_server = nullptr;
    QTemporaryDir m_scratch;
};

class QuickTestSetup : public QObject
{
    Q_OBJECT
public:
    QuickTestSetup();

public Q_SLOTS:
    void applicationAvailable();
    void qmlEngineAvailable(QQmlEngine *engine);

private:
    // Made once the application exists (Qt Network's TLS set-up wants one).
    std::unique_ptr<MsalQt::Emulator::Server> m_server;
    TestEmulator m_emulator;
};
