#include <MsalQt/authorizationagent.h>
#include <MsalQt/interactiveparameters.h>

#include <algorithm>

namespace MsalQt {

class InteractiveParametersData : public QSharedData
{
public:
    QStringList scopes;
    QStringList extraScopesToConsent;
    InteractiveParameters::Prompt prompt = InteractiveParameters::Prompt::Default;
    QString loginHint;
    QString domainHint;
    Account account;
    QString claims;
    QString tenant;
    QList<std::pair<QString, QString>> extraQueryParameters;
    QUrl redirectUri{QStringLiteral("http://localhost")};
    QPointer<AuthorizationAgent> agent;
    std::chrono::milliseconds timeout{std::chrono::minutes(5)};
    std::optional<std::chrono::seconds> maxAge;
};

InteractiveParameters::InteractiveParameters() : d(new InteractiveParametersData) {}

InteractiveParameters::InteractiveParameters(const QStringList &scopes) : d(new InteractiveParametersData)
{
    d->scopes = scopes;
}

InteractiveParameters::InteractiveParameters(const InteractiveParameters &other) = default;
InteractiveParameters &InteractiveParameters::operator=(const InteractiveParameters &other) = default;
InteractiveParameters::~InteractiveParameters() = default;

QStringList InteractiveParameters::scopes() const { return d->scopes; }
void InteractiveParameters::setScopes(const QStringList &scopes) { d->scopes = scopes; }
QStringList InteractiveParameters::extraScopesToConsent() const { return d->extraScopesToConsent; }
void InteractiveParameters::setExtraScopesToConsent(const QStringList &scopes) { d->extraScopesToConsent = scopes; }
InteractiveParameters::Prompt InteractiveParameters::prompt() const { return d->prompt; }
void InteractiveParameters::setPrompt(Prompt prompt) { d->prompt = prompt; }
std::optional<std::chrono::seconds> InteractiveParameters::maxAge() const { return d->maxAge; }
void InteractiveParameters::setMaxAge(std::chrono::seconds maxAge) { d->maxAge = std::max(maxAge, std::chrono::seconds(0)); }
void InteractiveParameters::clearMaxAge() { d->maxAge.reset(); }
QString InteractiveParameters::loginHint() const { return d->loginHint; }
void InteractiveParameters::setLoginHint(const QString &hint) { d->loginHint = hint; }
QString InteractiveParameters::domainHint() const { return d->domainHint; }
void InteractiveParameters::setDomainHint(const QString &hint) { d->domainHint = hint; }
Account InteractiveParameters::account() const { return d->account; }

void InteractiveParameters::setAccount(const Account &account)
{
    d->account = account;
    if (d->loginHint.isEmpty())
        d->loginHint = account.username();
}

QString InteractiveParameters::claims() const { return d->claims; }
void InteractiveParameters::setClaims(const QString &claims) { d->claims = claims; }
QString InteractiveParameters::tenant() const { return d->tenant; }
void InteractiveParameters::setTenant(const QString &tenant) { d->tenant = tenant; }
QList<std::pair<QString, QString>> InteractiveParameters::extraQueryParameters() const { return d->extraQueryParameters; }
void InteractiveParameters::setExtraQueryParameters(const QList<std::pair<QString, QString>> &parameters) { d->extraQueryParameters = parameters; }
QUrl InteractiveParameters::redirectUri() const { return d->redirectUri; }
void InteractiveParameters::setRedirectUri(const QUrl &uri) { d->redirectUri = uri; }
AuthorizationAgent *InteractiveParameters::agent() const { return d->agent; }
void InteractiveParameters::setAgent(AuthorizationAgent *agent) { d->agent = agent; }
std::chrono::milliseconds InteractiveParameters::timeout() const { return d->timeout; }
void InteractiveParameters::setTimeout(std::chrono::milliseconds timeout) { d->timeout = timeout; }

} // namespace MsalQt

QT_BEGIN_NAMESPACE
QT_DEFINE_QSDP_SPECIALIZATION_DTOR(MsalQt::InteractiveParametersData)
QT_END_NAMESPACE
