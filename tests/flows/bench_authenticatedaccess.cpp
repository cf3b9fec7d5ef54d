// What AuthenticatedNetworkAccess adds to a GET: the silent token from the cache, the header,
// the reply that stands in for QNetworkAccessManager's. Both rows GET the emulator's Graph
// /v1.0/me on loopback with the same cached token; the difference between them is the helper's
// overhead (target: under 50 µs a request). Run on demand: ctest -L benchmark, or the
// executable (-callgrind counts instructions instead of time).

#include "testsupport.h"

#include <MsalQt/authenticatednetworkaccess.h>
#include <MsalQt/authenticatedreply.h>
#include <MsalQt/publicclientapplication.h>

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace MsalQt;

namespace {
// Waits for the reply in an event loop of its own: QSignalSpy::wait()'s timer would cost more
// than what is measured.
int finish(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->readAll();
    delete reply;
    return status;
}
} // namespace

class bench_AuthenticatedAccess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void get_data();
    void get();

private:
    Emulator::Server m_emulator;
    std::unique_ptr<PublicClientApplication> m_app;
    AuthenticationResult m_token;
};

void bench_AuthenticatedAccess::initTestCase()
{
    QVERIFY(m_emulator.listen());
    m_app = std::make_unique<PublicClientApplication>(m_emulator.publicClientId(),
                                                      Authority::microsoft(m_emulator.authorityUrl("organizations")));
    TokenRequest *request = m_app->acquireTokenByUsernamePassword({"User.Read"}, TestSupport::alice(), TestSupport::password());
    request->setAutoDelete(false);
    QSignalSpy finished(request, &TokenRequest::finished);
    QVERIFY(finished.wait(20000));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    m_token = request->result();
    delete request;
}

void bench_AuthenticatedAccess::get_data()
{
    QTest::addColumn<bool>("helper");
    QTest::newRow("QNetworkAccessManager, the token set by hand") << false;
    QTest::newRow("AuthenticatedNetworkAccess, the token from the cache") << true;
}

void bench_AuthenticatedAccess::get()
{
    QFETCH(bool, helper);
    const QNetworkRequest request(QUrl(m_emulator.baseUrl().toString() + QStringLiteral("/v1.0/me")));
    AuthenticatedNetworkAccess access(m_app.get());
    access.setAccount(m_token.account());
    access.setScopes({"User.Read"});
    access.setAllowedUrls({m_emulator.baseUrl()});
    QNetworkAccessManager *network = m_app->networkAccessManager(); // the same connections for both
    QNetworkRequest withToken = request;
    withToken.setRawHeader("Authorization", m_token.authorizationHeader());
    // One round first: the connection is open and the cache warm before anything is measured.
    QCOMPARE(finish(helper ? access.get(request) : network->get(withToken)), 200);
    QBENCHMARK {
        const int status = helper ? finish(access.get(request)) : finish(network->get(withToken));
        if (status != 200)
            QFAIL(qPrintable(QStringLiteral("HTTP %1").arg(status)));
    }
}

QTEST_GUILESS_MAIN(bench_AuthenticatedAccess)
#include "bench_authenticatedaccess.moc"
