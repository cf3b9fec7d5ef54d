#include "testsupport.h"

#include "storage/filecachestorage_p.h"

#include <MsalQt/cachestoragejob.h>
#include <MsalQt/filecachestorage.h>
#include <MsalQt/memorycachestorage.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/tokencache.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace MsalQt;
using namespace TestSupport;

namespace {

// A file storage that counts its loads.
class CountingFileStorage : public FileCacheStorage
{
public:
    using FileCacheStorage::FileCacheStorage;
    CacheStorageJob *load() override
    {
        ++loads;
        return FileCacheStorage::load();
    }
    int loads = 0;
};

// A storage another writer changes behind the application's back, with no watcher: only
// isStale() tells. Its loads can be made to fail.
class StaleStorage : public MemoryCacheStorage
{
public:
    bool isStale() const override { return stale; }
    CacheStorageJob *load() override
    {
        ++loads;
        stale = false;
        if (failLoads) {
            return createJob(CacheStorageJob::Load, [](CacheStorageJob *job) {
                finishJob(job, {}, AuthError(AuthError::StorageError, QStringLiteral("the disk is gone")));
            });
        }
        return MemoryCacheStorage::load();
    }
    bool stale = false;
    bool failLoads = false;
    int loads = 0;
};

} // namespace

// ClientApplication::accountsChanged(), requests that wait for the persisted cache (and check
// the account after it), and the application following what another writer stores: by the
// storage's changedExternally() without any request, and by isStale() before a request.
class tst_AccountsChanged : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void loadEmitsOnce();
    void emptyLoadDoesNotEmit();
    void oncePerChangeNotPerToken();
    void requestWaitsForLoad();
    void noAccountCheckedAfterLoad();
    void followsAnotherWriter();
    void requestReloadsStaleStorage();
    void failedReloadKeepsMemory();
    void ownSaveIsNotReloaded();

private:
    std::unique_ptr<PublicClientApplication> newApp() const;
    // A username/password sign-in (the emulator's users all have the same password).
    AuthenticationResult signIn(ClientApplication *app, const QString &username, const QStringList &scopes = {"User.Read"});
    static bool finish(TokenRequest *request);
    bool signInElsewhere(const QString &path, const QString &username);

    MsalQt::Emulator::Server m_emulator;
    QTemporaryDir m_dir;
};

void tst_AccountsChanged::initTestCase()
{
    // Bob signs in with his password here too: the default config asks him for MFA.
    QFile file(qEnvironmentVariable("MSALQT_SOURCE_DIR") + "/app/emulator/default-config.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray users = config.value("users").toArray();
    for (auto user = users.begin(); user != users.end(); ++user) {
        QJsonObject object = user->toObject();
        object.insert("mfaRequired", false);
        *user = object;
    }
    config.insert("users", users);
    QString error;
    QVERIFY2(m_emulator.loadConfig(config, &error), qPrintable(error));
    QVERIFY(m_emulator.listen());
    QVERIFY(m_dir.isValid());
}

void tst_AccountsChanged::init()
{
    m_emulator.clearRequests();
}

std::unique_ptr<PublicClientApplication> tst_AccountsChanged::newApp() const
{
    auto app = std::make_unique<PublicClientApplication>(m_emulator.publicClientId(),
                                                         Authority::microsoft(m_emulator.authorityUrl("organizations")));
    app->setRetryDelay(std::chrono::milliseconds(10));
    return app;
}

bool tst_AccountsChanged::finish(TokenRequest *request)
{
    if (request->isFinished())
        return true;
    QSignalSpy finished(request, &TokenRequest::finished);
    return finished.wait(20000);
}

AuthenticationResult tst_AccountsChanged::signIn(ClientApplication *app, const QString &username, const QStringList &scopes)
{
    auto *publicApp = qobject_cast<PublicClientApplication *>(app);
    std::unique_ptr<TokenRequest> request(publicApp->acquireTokenByUsernamePassword(scopes, username, password()));
    request->setAutoDelete(false);
    if (!finish(request.get()) || !request->isSuccess())
        return {};
    return request->result();
}

// Another application with its own storage object on the same file signs in and saves.
bool tst_AccountsChanged::signInElsewhere(const QString &path, const QString &username)
{
    FileCacheStorage storage(path);
    auto other = newApp();
    other->setCacheStorage(&storage);
    QSignalSpy saved(other.get(), &ClientApplication::cacheSaved);
    return !signIn(other.get(), username).account().isNull() && saved.count() == 1;
}

void tst_AccountsChanged::loadEmitsOnce()
{
    const QString path = m_dir.filePath("load.json");
    QVERIFY(signInElsewhere(path, alice()));

    FileCacheStorage storage(path);
    auto app = newApp();
    QSignalSpy changed(app.get(), &ClientApplication::accountsChanged);
    QSignalSpy loaded(app.get(), &ClientApplication::cacheLoaded);
    app->setCacheStorage(&storage);
    QVERIFY(app->accounts().isEmpty()); // asynchronous: nothing until the load
    app->loadCache();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(app->accounts().size(), 1);
    QCOMPARE(app->accounts().first().username(), alice());

    // Loading again (nothing changed) changes nothing.
    app->loadCache();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(changed.count(), 1);
}

void tst_AccountsChanged::emptyLoadDoesNotEmit()
{
    FileCacheStorage storage(m_dir.filePath("absent.json"));
    auto app = newApp();
    QSignalSpy changed(app.get(), &ClientApplication::accountsChanged);
    QSignalSpy loaded(app.get(), &ClientApplication::cacheLoaded);
    app->setCacheStorage(&storage);
    app->loadCache();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(changed.count(), 0);
}

void tst_AccountsChanged::oncePerChangeNotPerToken()
{
    auto app = newApp();
    QSignalSpy changed(app.get(), &ClientApplication::accountsChanged);

    QVERIFY(!signIn(app.get(), alice()).account().isNull());
    QCOMPARE(changed.count(), 1);
    // More tokens for the same account: the list is the same.
    QVERIFY(!signIn(app.get(), alice(), {"Mail.Read"}).account().isNull());
    QVERIFY(!signIn(app.get(), alice()).account().isNull());
    QCOMPARE(changed.count(), 1);

    QVERIFY(!signIn(app.get(), QStringLiteral("bob@contoso.com")).account().isNull());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(app->accounts().size(), 2);

    // Removing through the application and through the cache itself.
    const Account bob = app->accounts().value(1); // sorted by username
    QCOMPARE(bob.username(), QStringLiteral("bob@contoso.com"));
    app->removeAccount(bob);
    QCOMPARE(changed.count(), 3);
    QCOMPARE(app->accounts().size(), 1);
    QVERIFY(!app->tokenCache()->removeAccount(bob));
    QCOMPARE(changed.count(), 3);
    app->tokenCache()->clear();
    QCOMPARE(changed.count(), 4);
    QVERIFY(app->accounts().isEmpty());
}

void tst_AccountsChanged::requestWaitsForLoad()
{
    const QString path = m_dir.filePath("wait.json");
    Account account;
    {
        FileCacheStorage storage(path);
        auto first = newApp();
        first->setCacheStorage(&storage);
        account = signIn(first.get(), alice()).account();
        QVERIFY(!account.isNull());
    }
    m_emulator.clearRequests();

    // An account kept from an earlier run; the request starts before anything is loaded.
    FileCacheStorage storage(path);
    auto app = newApp();
    app->setCacheStorage(&storage);
    QSignalSpy loaded(app.get(), &ClientApplication::cacheLoaded);
    std::unique_ptr<TokenRequest> request(app->acquireTokenSilent({"User.Read"}, account));
    request->setAutoDelete(false);
    QVERIFY(finish(request.get()));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QVERIFY(request->result().isFromCache());
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(m_emulator.requests().size(), 0);
}

void tst_AccountsChanged::noAccountCheckedAfterLoad()
{
    // The account check runs after the load: with a storage that cannot be read, the request
    // goes on with what is in memory (no account here) and tells why beside its outcome.
    StaleStorage broken;
    broken.failLoads = true;
    auto app = newApp();
    app->setCacheStorage(&broken);
    std::unique_ptr<TokenRequest> request(app->acquireTokenSilent({"User.Read"}, app->accounts().value(0)));
    request->setAutoDelete(false);
    QVERIFY(finish(request.get()));
    QCOMPARE(request->error().type(), AuthError::UiRequired);
    QCOMPARE(request->cacheError().type(), AuthError::StorageError);
    QCOMPARE(request->cacheError().message(), QString("the disk is gone"));
    QCOMPARE(broken.loads, 1);

    // A storage that loads: the account check after it.
    StaleStorage fine;
    app->setCacheStorage(&fine);
    QSignalSpy loaded(app.get(), &ClientApplication::cacheLoaded);
    request.reset(app->acquireTokenSilent({"User.Read"}, Account()));
    request->setAutoDelete(false);
    bool loadedFirst = false;
    connect(request.get(), &TokenRequest::finished, this, [&] { loadedFirst = loaded.count() == 1; });
    QVERIFY(finish(request.get()));
    QCOMPARE(request->error().type(), AuthError::UiRequired);
    QCOMPARE(request->error().subError(), QString("no_account"));
    QVERIFY(loadedFirst);

    // Arguments that do not depend on the cache are still refused before it is touched.
    StaleStorage untouched;
    app->setCacheStorage(&untouched);
    request.reset(app->acquireTokenByUsernamePassword({"User.Read"}, QStringLiteral("no-at-sign"), password()));
    request->setAutoDelete(false);
    QVERIFY(finish(request.get()));
    QCOMPARE(request->error().type(), AuthError::InvalidConfiguration);
    QCOMPARE(untouched.loads, 0);
}

void tst_AccountsChanged::followsAnotherWriter()
{
    const QString path = m_dir.filePath("follow.json");
    QVERIFY(signInElsewhere(path, alice()));

    // The reader: loads once, then makes no request at all.
    CountingFileStorage storage(path);
    auto reader = newApp();
    reader->setCacheStorage(&storage);
    QSignalSpy changed(reader.get(), &ClientApplication::accountsChanged);
    QSignalSpy cacheChanged(reader->tokenCache(), &TokenCache::changed);
    QSignalSpy loaded(reader.get(), &ClientApplication::cacheLoaded);
    reader->loadCache();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(changed.count(), 1);
    const int cacheChangesAfterLoad = cacheChanged.count();

    QVERIFY(signInElsewhere(path, QStringLiteral("bob@contoso.com")));
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(reader->accounts().size(), 2);
    QVERIFY(cacheChanged.count() > cacheChangesAfterLoad);
    QCOMPARE(loaded.count(), 1); // a reload is no new first load
    QCOMPARE(storage.loads, 2);

    // Another process signs out: the account goes here too.
    {
        FileCacheStorage other(path);
        auto writer = newApp();
        writer->setCacheStorage(&other);
        QSignalSpy writerLoaded(writer.get(), &ClientApplication::cacheLoaded);
        writer->loadCache();
        QVERIFY(writerLoaded.wait(10000));
        QSignalSpy saved(writer.get(), &ClientApplication::cacheSaved);
        for (const Account &account : writer->accounts()) {
            if (account.username() == alice())
                writer->removeAccount(account);
        }
        QVERIFY(saved.wait(10000));
    }
    QVERIFY(changed.wait(10000));
    QCOMPARE(reader->accounts().size(), 1);
    QCOMPARE(reader->accounts().first().username(), QStringLiteral("bob@contoso.com"));
}

void tst_AccountsChanged::requestReloadsStaleStorage()
{
    // What another writer stored: bob signed in, in a cache serialized elsewhere.
    auto elsewhere = newApp();
    const Account bob = signIn(elsewhere.get(), QStringLiteral("bob@contoso.com")).account();
    QVERIFY(!bob.isNull());
    const QByteArray theirs = elsewhere->tokenCache()->serialize();

    StaleStorage storage;
    auto app = newApp();
    app->setCacheStorage(&storage);
    QSignalSpy changed(app.get(), &ClientApplication::accountsChanged);
    QSignalSpy loaded(app.get(), &ClientApplication::cacheLoaded);
    app->loadCache();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(storage.loads, 1);
    QVERIFY(app->accounts().isEmpty());

    CacheStorageJob *save = storage.save([theirs](const QByteArray &) { return theirs; });
    QSignalSpy saved(save, &CacheStorageJob::finished);
    QVERIFY(saved.wait(10000));
    storage.stale = true; // no signal: only the check before the request can tell
    m_emulator.clearRequests();
    std::unique_ptr<TokenRequest> request(app->acquireTokenSilent({"User.Read"}, bob));
    request->setAutoDelete(false);
    QVERIFY(finish(request.get()));
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QVERIFY(request->result().isFromCache());
    QCOMPARE(storage.loads, 2);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(app->accounts().value(0).username(), QStringLiteral("bob@contoso.com"));
    QCOMPARE(m_emulator.requests().size(), 0);

    // Not stale: no further load.
    request.reset(app->acquireTokenSilent({"User.Read"}, bob));
    request->setAutoDelete(false);
    QVERIFY(finish(request.get()));
    QVERIFY(request->isSuccess());
    QCOMPARE(storage.loads, 2);
}

void tst_AccountsChanged::failedReloadKeepsMemory()
{
    StaleStorage storage;
    auto app = newApp();
    app->setCacheStorage(&storage);
    const Account alicesAccount = signIn(app.get(), alice()).account();
    QVERIFY(!alicesAccount.isNull());
    QCOMPARE(storage.loads, 1);

    storage.stale = true;
    storage.failLoads = true;
    QSignalSpy errors(app.get(), &ClientApplication::cacheError);
    std::unique_ptr<TokenRequest> request(app->acquireTokenSilent({"User.Read"}, alicesAccount));
    request->setAutoDelete(false);
    QVERIFY(finish(request.get()));
    QCOMPARE(storage.loads, 2);
    QCOMPARE(errors.count(), 1);
    QVERIFY2(request->isSuccess(), qPrintable(request->error().errorString()));
    QVERIFY(request->result().isFromCache());
    QCOMPARE(app->accounts().size(), 1);
}

void tst_AccountsChanged::ownSaveIsNotReloaded()
{
    CountingFileStorage storage(m_dir.filePath("own.json"));
    auto app = newApp();
    app->setCacheStorage(&storage);
    QSignalSpy changed(app.get(), &ClientApplication::accountsChanged);
    const Account account = signIn(app.get(), alice()).account();
    QVERIFY(!account.isNull());
    QCOMPARE(storage.loads, 1);
    QCOMPARE(changed.count(), 1);

    // What the watcher does once the directory settles after our own write: nothing to reload.
    QVERIFY(!storage.isStale());
    FileCacheStoragePrivate::get(&storage)->settled();
    std::unique_ptr<TokenRequest> request(app->acquireTokenSilent({"User.Read"}, account));
    request->setAutoDelete(false);
    QVERIFY(finish(request.get()));
    QVERIFY(request->isSuccess());
    QCOMPARE(storage.loads, 1);
    QCOMPARE(changed.count(), 1);
}

QTEST_GUILESS_MAIN(tst_AccountsChanged)
#include "tst_accountschanged.moc"
