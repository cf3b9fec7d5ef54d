// The implicitly shared value types behave as Qt's own: nothrow moves, a nothrow swap (member and
// free), relocatable in Qt's containers, a moved-from object
// that can be assigned to and destroyed, and copies that detach on write.

#include <MsalQt/assertionrequest.h>
#include <MsalQt/authenticationresult.h>
#include <MsalQt/autherror.h>
#include <MsalQt/authority.h>
#include <MsalQt/clientcredential.h>
#include <MsalQt/devicecode.h>
#include <MsalQt/interactiveparameters.h>

#include <QList>
#include <QTest>
#include <QVariant>

#include <type_traits>
#include <utility>

using namespace MsalQt;

namespace {

template <typename T>
constexpr bool hasQtValueSemantics()
{
    return std::is_nothrow_move_constructible_v<T> && std::is_nothrow_move_assignable_v<T>
        && std::is_nothrow_swappable_v<T> && noexcept(std::declval<T &>().swap(std::declval<T &>()))
        && QTypeInfo<T>::isRelocatable;
}

static_assert(hasQtValueSemantics<Account>());
static_assert(hasQtValueSemantics<AssertionRequest>());
static_assert(hasQtValueSemantics<AuthenticationResult>());
static_assert(hasQtValueSemantics<AuthError>());
static_assert(hasQtValueSemantics<Authority>());
static_assert(hasQtValueSemantics<ClientCredential>());
static_assert(hasQtValueSemantics<DeviceCode>());
static_assert(hasQtValueSemantics<InteractiveParameters>());
static_assert(hasQtValueSemantics<TenantProfile>());

// `a` and `b` differ in what `get` reads.
template <typename T, typename Get>
void checkValueSemantics(const T &a, const T &b, Get get)
{
    QVERIFY(get(a) != get(b));
    QVERIFY(QMetaType::fromType<T>().flags().testFlag(QMetaType::RelocatableType));

    T x = a;
    T y = b;
    x.swap(y);
    QCOMPARE(get(x), get(b));
    QCOMPARE(get(y), get(a));
    swap(x, y); // the free function
    QCOMPARE(get(x), get(a));
    QCOMPARE(get(y), get(b));
    std::swap(x, y);
    QCOMPARE(get(x), get(b));
    QCOMPARE(get(y), get(a));

    // Moving takes the value; what is left can be assigned to (by copy or move) and destroyed.
    T source = a;
    T moved(std::move(source));
    QCOMPARE(get(moved), get(a));
    source = b;
    QCOMPARE(get(source), get(b));
    T target = b;
    target = std::move(moved);
    QCOMPARE(get(target), get(a));
    moved = T(b);
    QCOMPARE(get(moved), get(b));
    {
        T gone = a;
        T taker(std::move(gone));
        QCOMPARE(get(taker), get(a));
    }
    {
        T gone = a;
        T taker = b;
        taker = std::move(gone);
        QCOMPARE(get(taker), get(a));
    }
    // Moving from the original leaves the copies made before alone.
    T original = a;
    const T copy = original;
    T thief(std::move(original));
    QCOMPARE(get(copy), get(a));
    QCOMPARE(get(thief), get(a));

    // QList relocates its elements (memmove) as it grows and when inserting in front.
    QList<T> list;
    for (int i = 0; i < 100; ++i)
        list.prepend(i % 2 ? a : b);
    list.insert(50, a);
    list.removeAt(0);
    QCOMPARE(list.size(), 100);
    for (int i = 0; i < 49; ++i)
        QCOMPARE(get(list.at(i)), get(i % 2 ? a : b));
    QCOMPARE(get(list.at(49)), get(a));
    QCOMPARE(get(list.at(99)), get(b));

    // Through QVariant, as in queued signals.
    QCOMPARE(get(QVariant::fromValue(a).template value<T>()), get(a));
}

// A copy is cheap until written to; writing to it leaves the original as it was.
template <typename T, typename Get, typename Set>
void checkCopyOnWrite(const T &value, Get get, Set set)
{
    const auto before = get(value);
    T copy = value;
    set(copy);
    QVERIFY(get(copy) != before);
    QCOMPARE(get(value), before);
}

template <typename T>
T with(T value, void (T::*setter)(const QString &), const QString &text)
{
    (value.*setter)(text);
    return value;
}

} // namespace

class tst_ValueTypes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void account();
    void assertionRequest();
    void authenticationResult();
    void authError();
    void authority();
    void clientCredential();
    void deviceCode();
    void interactiveParameters();
    void tenantProfile();
};

void tst_ValueTypes::account()
{
    const auto get = [](const Account &account) { return account.homeAccountId(); };
    const Account a = with(Account(), &Account::setHomeAccountId, QStringLiteral("uid.a"));
    const Account b = with(Account(), &Account::setHomeAccountId, QStringLiteral("uid.b"));
    checkValueSemantics(a, b, get);
    checkCopyOnWrite(a, get, [](Account &account) { account.setHomeAccountId(QStringLiteral("uid.c")); });
}

void tst_ValueTypes::tenantProfile()
{
    const auto get = [](const TenantProfile &profile) { return profile.tenantId(); };
    const TenantProfile a = with(TenantProfile(), &TenantProfile::setTenantId, QStringLiteral("tenant-a"));
    const TenantProfile b = with(TenantProfile(), &TenantProfile::setTenantId, QStringLiteral("tenant-b"));
    checkValueSemantics(a, b, get);
    checkCopyOnWrite(a, get, [](TenantProfile &profile) { profile.setTenantId(QStringLiteral("tenant-c")); });
    // An account carries its profiles by value.
    Account account;
    account.setTenantProfiles({a, b});
    QCOMPARE(account.tenantProfiles(), (QList<TenantProfile>{a, b}));
    QVERIFY(TenantProfile().isNull());
    QVERIFY(a != b);
}

// AssertionRequest and Authority have no setters: nothing to write to, so no copy on write.
void tst_ValueTypes::assertionRequest()
{
    const QUrl endpoint(QStringLiteral("https://login.example/token"));
    checkValueSemantics(AssertionRequest(QStringLiteral("a"), endpoint), AssertionRequest(QStringLiteral("b"), endpoint),
                        [](const AssertionRequest &request) { return request.clientId(); });
}

void tst_ValueTypes::authenticationResult()
{
    const auto get = [](const AuthenticationResult &result) { return result.accessToken(); };
    const AuthenticationResult a = with(AuthenticationResult(), &AuthenticationResult::setAccessToken, QStringLiteral("a"));
    const AuthenticationResult b = with(AuthenticationResult(), &AuthenticationResult::setAccessToken, QStringLiteral("b"));
    checkValueSemantics(a, b, get);
    checkCopyOnWrite(a, get, [](AuthenticationResult &result) { result.setAccessToken(QStringLiteral("c")); });
}

void tst_ValueTypes::authError()
{
    const auto get = [](const AuthError &error) { return error.message(); };
    const AuthError a(AuthError::NetworkError, QStringLiteral("a"));
    const AuthError b(AuthError::Timeout, QStringLiteral("b"));
    checkValueSemantics(a, b, get);
    checkCopyOnWrite(a, get, [](AuthError &error) { error.setMessage(QStringLiteral("c")); });
    checkCopyOnWrite(a, [](const AuthError &error) { return error.httpStatus(); },
                     [](AuthError &error) { error.setHttpStatus(503); });
}

void tst_ValueTypes::authority()
{
    checkValueSemantics(Authority::microsoftTenant(QStringLiteral("contoso.com")),
                        Authority::microsoftTenant(QStringLiteral("fabrikam.com")),
                        [](const Authority &authority) { return authority.url(); });
}

void tst_ValueTypes::clientCredential()
{
    const auto get = [](const ClientCredential &credential) { return credential.secret(); };
    const ClientCredential a = ClientCredential::fromSecret(QStringLiteral("a"));
    checkValueSemantics(a, ClientCredential::fromSecret(QStringLiteral("b")), get);
    checkCopyOnWrite(a, [](const ClientCredential &credential) { return credential.sendCertificateChain(); },
                     [](ClientCredential &credential) { credential.setSendCertificateChain(true); });
}

void tst_ValueTypes::deviceCode()
{
    const auto get = [](const DeviceCode &code) { return code.userCode(); };
    const DeviceCode a = with(DeviceCode(), &DeviceCode::setUserCode, QStringLiteral("AAAA"));
    const DeviceCode b = with(DeviceCode(), &DeviceCode::setUserCode, QStringLiteral("BBBB"));
    checkValueSemantics(a, b, get);
    checkCopyOnWrite(a, get, [](DeviceCode &code) { code.setUserCode(QStringLiteral("CCCC")); });
    checkCopyOnWrite(a, [](const DeviceCode &code) { return code.interval(); },
                     [](DeviceCode &code) { code.setInterval(std::chrono::seconds(30)); });
}

void tst_ValueTypes::interactiveParameters()
{
    const auto get = [](const InteractiveParameters &parameters) { return parameters.loginHint(); };
    const InteractiveParameters a = with(InteractiveParameters(), &InteractiveParameters::setLoginHint, QStringLiteral("a"));
    const InteractiveParameters b = with(InteractiveParameters(), &InteractiveParameters::setLoginHint, QStringLiteral("b"));
    checkValueSemantics(a, b, get);
    checkCopyOnWrite(a, get, [](InteractiveParameters &parameters) { parameters.setLoginHint(QStringLiteral("c")); });
}

QTEST_GUILESS_MAIN(tst_ValueTypes)
#include "tst_valuetypes.moc"
