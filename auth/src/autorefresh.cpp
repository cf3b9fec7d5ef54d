#include "autorefresh_p.h"

#include "logging_p.h"

#include <MsalQt/clientapplication.h>
#include <MsalQt/tokenrequest.h>

#include <algorithm>

namespace MsalQt::Internal {

namespace {
// Never sooner than this after a token arrived (a token whose lifetime is shorter than the lead
// time would otherwise be refreshed in a loop), never a timer longer than a day (re-armed then).
constexpr qint64 MinimumDelayMs = 1000;
constexpr qint64 MaximumTimerMs = 24 * 3600 * 1000;

QString keyOf(const Account &account, QStringList scopes)
{
    scopes.sort(Qt::CaseInsensitive);
    return account.homeAccountId() + QLatin1Char('\n') + scopes.join(QLatin1Char(' ')).toLower();
}
} // namespace

AutoRefresher::AutoRefresher(ClientApplication *application, std::chrono::seconds leadTime)
    : QObject(application), m_application(application), m_leadTime(leadTime)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AutoRefresher::refreshDue);
}

void AutoRefresher::note(const AuthenticationResult &result, const QStringList &scopes, const QDateTime &now)
{
    if (result.account().isNull() || !result.expiresOn().isValid())
        return; // an application token, or one without an expiry: nothing to keep fresh
    Entry &entry = m_entries[keyOf(result.account(), scopes)];
    entry.account = result.account();
    entry.scopes = scopes;
    QDateTime due = result.expiresOn().addSecs(-qint64(m_leadTime.count()));
    if (result.refreshOn().isValid() && result.refreshOn() < due)
        due = result.refreshOn();
    // Half the remaining lifetime at the latest when the lead time is longer than the lifetime.
    if (due <= now)
        due = now.addMSecs(std::max(MinimumDelayMs, now.msecsTo(result.expiresOn()) / 2));
    entry.due = due;
    schedule(now);
}

void AutoRefresher::schedule(const QDateTime &now)
{
    QDateTime earliest;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (!entry.running && (!earliest.isValid() || entry.due < earliest))
            earliest = entry.due;
    }
    if (!earliest.isValid()) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(now.msecsTo(earliest), 0, MaximumTimerMs)));
}

void AutoRefresher::refreshDue()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        Entry &entry = it.value();
        if (entry.running || entry.due > now)
            continue;
        entry.running = true;
        const QString key = it.key();
        qCInfo(lcMsalAuth) << "Refreshing a token before it expires";
        TokenRequest *request = m_application->acquireTokenSilent(entry.scopes, entry.account,
                                                                  ClientApplication::ForceRefresh);
        connect(request, &TokenRequest::finished, this, [this, request, key] {
            const auto found = m_entries.find(key);
            if (request->isSuccess()) {
                // note() has rescheduled it already (the request's result came through it).
                if (found != m_entries.end())
                    found->running = false;
                Q_EMIT m_application->tokenRefreshed(request->result());
            } else {
                Account account;
                QStringList scopes;
                if (found != m_entries.end()) {
                    account = found->account;
                    scopes = found->scopes;
                    m_entries.erase(found); // no retry loop: the next acquisition schedules again
                }
                Q_EMIT m_application->tokenRefreshFailed(account, scopes, request->error());
            }
            schedule(QDateTime::currentDateTimeUtc());
        });
    }
    schedule(now);
}

} // namespace MsalQt::Internal
