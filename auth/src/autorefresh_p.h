#pragma once

#include <MsalQt/account.h>
#include <MsalQt/authenticationresult.h>

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace MsalQt {
class ClientApplication;
}

namespace MsalQt::Internal {

// ClientApplication::setAutoRefresh(): after each user token the application acquires, a silent
// refresh of that account's token for those scopes when the server's refresh_in has passed or the
// lead time before expiry has come, whichever is first. One timer for the earliest; it exists
// only while auto-refresh is on (the refresher is deleted when it is turned off).
class AutoRefresher : public QObject
{
    Q_OBJECT
public:
    AutoRefresher(ClientApplication *application, std::chrono::seconds leadTime);

    void setLeadTime(std::chrono::seconds leadTime) { m_leadTime = leadTime; }
    // A request of the application got `result` for `scopes`: (re)schedules its refresh.
    void note(const AuthenticationResult &result, const QStringList &scopes, const QDateTime &now);

private:
    struct Entry
    {
        Account account;
        QStringList scopes;
        QDateTime due;
        bool running = false;
    };
    void schedule(const QDateTime &now);
    void refreshDue();

    ClientApplication *m_application;
    std::chrono::seconds m_leadTime;
    QHash<QString, Entry> m_entries; // by home account id and scopes
    QTimer m_timer;
};

} // namespace MsalQt::Internal
