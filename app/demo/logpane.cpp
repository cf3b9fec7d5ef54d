#include "logpane.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QList>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QMutex>
#include <QPointer>

namespace MsalQtDemo {

namespace {

QMutex s_mutex;
QList<QPointer<LogPane>> s_panes;
QtMessageHandler s_previous = nullptr;

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return QStringLiteral("debug");
    case QtInfoMsg: return QStringLiteral("info");
    case QtWarningMsg: return QStringLiteral("warning");
    case QtCriticalMsg: return QStringLiteral("critical");
    case QtFatalMsg: return QStringLiteral("fatal");
    }
    return {};
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString category = QString::fromLatin1(context.category ? context.category : "");
    const bool library = category.startsWith(QLatin1String("msalqt."));
    if (library) {
        const QString line = QStringLiteral("%1 %2 %3: %4")
                                 .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                                      levelName(type), category, message);
        QMutexLocker locker(&s_mutex);
        for (const QPointer<LogPane> &pane : std::as_const(s_panes)) {
            if (pane)
                QMetaObject::invokeMethod(pane.data(), "appendMessage", Qt::QueuedConnection, Q_ARG(QString, line));
        }
    }
    if (s_previous && !(library && type == QtDebugMsg)) // the pane alone shows the library's debug output
        s_previous(type, context, message);
}

} // namespace

LogPane::LogPane(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setMaximumBlockCount(2000);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setAccessibleName(tr("Library log"));
    setPlaceholderText(tr("Messages of the msalqt.* logging categories appear here."));
    QMutexLocker locker(&s_mutex);
    s_panes.append(this);
}

LogPane::~LogPane()
{
    QMutexLocker locker(&s_mutex);
    s_panes.removeAll(QPointer<LogPane>(this));
    s_panes.removeAll(QPointer<LogPane>());
}

void LogPane::installMessageHandler()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    // The library logs warnings only by default; show its informational and debug messages too.
    // Each level has its own rule: enabling debug leaves info at the category's default (off).
    QLoggingCategory::setFilterRules(QStringLiteral("msalqt.*.debug=true\nmsalqt.*.info=true"));
    s_previous = qInstallMessageHandler(handler);
}

void LogPane::appendMessage(const QString &line)
{
    appendPlainText(line);
}

} // namespace MsalQtDemo
