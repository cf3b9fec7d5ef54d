#include "testsupport.h"

#include <MsalQt/interactiveparameters.h>

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrlQuery>

namespace TestSupport {

std::unique_ptr<MsalQt::TokenRequest> signIn(MsalQt::PublicClientApplication &app, MsalQt::AuthorizationAgent *agent)
{
    MsalQt::InteractiveParameters parameters({QStringLiteral("User.Read")});
    parameters.setAgent(agent);
    std::unique_ptr<MsalQt::TokenRequest> request(app.acquireTokenInteractive(parameters));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &MsalQt::TokenRequest::finished);
    finished.wait(30000);
    return request;
}

bool signInOnDevicePage(const QUrl &verificationUri, const QString &userCode, const QString &username,
                        const QString &password, bool approve, QString *error)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(verificationUri);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    QUrlQuery form;
    form.addQueryItem("user_code", userCode);
    form.addQueryItem("username", username);
    form.addQueryItem("password", QString::fromLatin1(QUrl::toPercentEncoding(password)));
    form.addQueryItem("action", approve ? "approve" : "decline");
    QNetworkReply *reply = manager.post(request, form.toString(QUrl::FullyEncoded).toUtf8());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000)) {
        *error = "the device login page did not answer";
        return false;
    }
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        *error = QString("device login page answered HTTP %1: %2").arg(status).arg(QString::fromUtf8(reply->readAll()).left(300));
        return false;
    }
    return true;
}

static QMutex s_mutex;
static QStringList s_lines;

LogCapture::LogCapture()
{
    QMutexLocker locker(&s_mutex);
    s_lines.clear();
    QLoggingCategory::setFilterRules("msalqt.*.debug=true");
    m_previous = qInstallMessageHandler(&LogCapture::handler);
}

LogCapture::~LogCapture()
{
    qInstallMessageHandler(m_previous);
    QLoggingCategory::setFilterRules(QString());
}

void LogCapture::handler(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker locker(&s_mutex);
    s_lines << QString::fromLatin1(context.category ? context.category : "default") + ": " + message;
}

QStringList LogCapture::lines() const
{
    QMutexLocker locker(&s_mutex);
    return s_lines;
}

bool LogCapture::contains(const QString &text) const
{
    const QStringList all = lines();
    return std::any_of(all.cbegin(), all.cend(), [&](const QString &line) { return line.contains(text); });
}

} // namespace TestSupport
