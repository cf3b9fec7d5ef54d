#include <MsalQt/authority.h>
#include <MsalQt/autherror.h>
#include <MsalQt/publicclientapplication.h>
#include <MsalQt/systembrowseragent.h>
#include <MsalQt/tokenrequest.h>
#include <MsalQt/translations.h>

#include "authorizationagent_p.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace MsalQt;

// MsalQt::installTranslations(): the library's own texts, read where a person meets them (an
// error's errorString(), a flow's message, the system browser's page), in German and French.
class tst_Translations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void unknownLanguage();
    void englishWithout();
    void errorString_data();
    void errorString();
    void flowMessage_data();
    void flowMessage();
    void browserPage_data();
    void browserPage();
    void numerus_data();
    void numerus();
    void wholeCatalogue_data();
    void wholeCatalogue();

private:
    QByteArray fetch(const QUrl &url, int *status);
    QNetworkAccessManager m_browser;
};

void tst_Translations::cleanup()
{
    // installTranslations() parents its translators to the application: deleting them uninstalls.
    qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator *>());
}

QByteArray tst_Translations::fetch(const QUrl &url, int *status)
{
    std::unique_ptr<QNetworkReply> reply(m_browser.get(QNetworkRequest(url)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    finished.wait(5000);
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return reply->readAll();
}

void tst_Translations::unknownLanguage()
{
    QVERIFY(!installTranslations(QLocale(QLocale::Japanese, QLocale::Japan)));
    QVERIFY(!installTranslations(QLocale::c()));
    QVERIFY(QCoreApplication::instance()->findChildren<QTranslator *>().isEmpty());
    QCOMPARE(AuthError(AuthError::Cancelled).errorString(), QString("The sign-in was cancelled."));
}

void tst_Translations::englishWithout()
{
    QCOMPARE(AuthError(AuthError::Cancelled).errorString(), QString("The sign-in was cancelled."));
    QCOMPARE(Authority::microsoft(QString("http://login.example/common")).errorString(),
             QString("The authority must use https (plain http is only allowed on loopback hosts)."));
}

void tst_Translations::errorString_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("expected");
    const QLocale de(QLocale::German, QLocale::Germany), fr(QLocale::French, QLocale::France);
    QTest::newRow("de cancelled") << de << int(AuthError::Cancelled) << "Die Anmeldung wurde abgebrochen.";
    QTest::newRow("fr cancelled") << fr << int(AuthError::Cancelled) << "La connexion a été annulée.";
    QTest::newRow("de network") << de << int(AuthError::NetworkError) << "Der Anmeldedienst ist nicht erreichbar.";
    QTest::newRow("fr keychain") << fr << int(AuthError::KeychainUnavailable)
                                 << "Le trousseau du système, qui contient la clé du cache de jetons, n’est pas disponible.";
    // Austrian German and Canadian French fall back to the language's catalogue.
    QTest::newRow("de_AT storage") << QLocale(QLocale::German, QLocale::Austria) << int(AuthError::StorageError)
                                   << "Der Token-Cache konnte nicht gelesen oder geschrieben werden.";
    QTest::newRow("fr_CA declined") << QLocale(QLocale::French, QLocale::Canada) << int(AuthError::Declined)
                                    << "La connexion a été refusée.";
}

void tst_Translations::errorString()
{
    QFETCH(QLocale, locale);
    QFETCH(int, type);
    QFETCH(QString, expected);
    QVERIFY(installTranslations(locale));
    QCOMPARE(AuthError(AuthError::Type(type)).errorString(), expected);
}

void tst_Translations::flowMessage_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("authority");
    QTest::addColumn<QString>("silent");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("correlation");
    const QLocale de(QLocale::German), fr(QLocale::French);
    QTest::newRow("de") << de << "Die Autorität muss https verwenden (einfaches http ist nur auf Loopback-Hosts erlaubt)."
                        << "Es wurde kein Konto übergeben: Melden Sie sich zuerst interaktiv an."
                        << "Um fortzufahren, müssen Sie sich interaktiv anmelden." << "Korrelations-ID: ";
    QTest::newRow("fr") << fr << "L’autorité doit utiliser https (le http simple n’est permis que sur les hôtes de bouclage)."
                        << "Aucun compte n’a été fourni\u00a0: connectez-vous d’abord de manière interactive."
                        << "Vous devez vous connecter de manière interactive pour continuer." << "ID de corrélation\u00a0: ";
}

void tst_Translations::flowMessage()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, authority);
    QFETCH(QString, silent);
    QFETCH(QString, summary);
    QFETCH(QString, correlation);
    QVERIFY(installTranslations(locale));
    QCOMPARE(Authority::microsoft(QString("http://login.example/common")).errorString(), authority);

    // The silent flow without an account: refused after the (empty, in-memory) cache is loaded,
    // before any request goes out.
    PublicClientApplication app(QStringLiteral("client"), Authority::microsoft(QString("https://127.0.0.1:1/common")));
    std::unique_ptr<TokenRequest> request(app.acquireTokenSilent({QStringLiteral("User.Read")}, Account()));
    request->setAutoDelete(false);
    QSignalSpy finished(request.get(), &TokenRequest::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(request->error().type(), AuthError::UiRequired);
    QCOMPARE(request->error().message(), silent);
    // errorString(): the type's summary, the flow's message, then "Correlation ID: …", all translated.
    const QString errorString = request->error().errorString();
    QVERIFY2(errorString.startsWith(summary + ' ' + silent + ' ' + correlation), qPrintable(errorString));
}

void tst_Translations::browserPage_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<int>("verdict"); // the request's end: AuthError::Type, NoError for tokens
    QTest::addColumn<QString>("ignored");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("noBrowser");
    const QLocale de(QLocale::German), fr(QLocale::French);
    const QString deIgnored = "Anfrage ignoriert", frIgnored = "Demande ignorée";
    const QString deNoBrowser = "Es konnte kein Browser geöffnet werden. Installieren Sie einen, oder melden Sie sich per Gerätecode an.";
    const QString frNoBrowser = "Aucun navigateur n’a pu être ouvert. Installez-en un ou connectez-vous avec le flux de code d’appareil.";
    QTest::newRow("de complete") << de << int(AuthError::NoError) << deIgnored << "Anmeldung abgeschlossen"
                                 << "Sie können diesen Browser-Tab schließen und zur Anwendung zurückkehren." << deNoBrowser;
    QTest::newRow("de declined") << de << int(AuthError::Declined) << deIgnored << "Anmeldung abgelehnt"
                                 << "Die Anmeldung wurde abgelehnt, daher ist die Anwendung nicht angemeldet." << deNoBrowser;
    QTest::newRow("de cancelled") << de << int(AuthError::Cancelled) << deIgnored << "Anmeldung abgebrochen"
                                  << "Die Anmeldung wurde in der Anwendung abgebrochen." << deNoBrowser;
    // A failure names the error's own text, translated too.
    QTest::newRow("de failed") << de << int(AuthError::NetworkError) << deIgnored << "Anmeldung fehlgeschlagen"
                               << "Die Anwendung ist nicht angemeldet: Der Anmeldedienst ist nicht erreichbar." << deNoBrowser;
    QTest::newRow("fr complete") << fr << int(AuthError::NoError) << frIgnored << "Connexion terminée"
                                 << "Vous pouvez fermer cet onglet du navigateur et revenir à l’application." << frNoBrowser;
    QTest::newRow("fr failed") << fr << int(AuthError::NetworkError) << frIgnored << "Échec de la connexion"
                               << "L’application n’est pas connectée\u00a0: " << frNoBrowser;
}

// The pages the loopback listener answers the browser with, once the request has its verdict, and
// the agent's own error.
void tst_Translations::browserPage()
{
    QFETCH(QLocale, locale);
    QFETCH(int, verdict);
    QFETCH(QString, ignored);
    QFETCH(QString, title);
    QFETCH(QString, text);
    QFETCH(QString, noBrowser);
    QVERIFY(installTranslations(locale));

    SystemBrowserAgent agent;
    const QUrl redirect = agent.prepare(QUrl("http://127.0.0.1/callback"));
    agent.setUrlOpener([](const QUrl &) { return true; });
    // As the flow does once it has judged the answer and redeemed the code.
    connect(&agent, &AuthorizationAgent::redirected, this, [&agent, verdict] {
        AuthorizationAgentPrivate::get(&agent)->requestEnded(AuthError(AuthError::Type(verdict)));
    });
    agent.authorize(QUrl("https://login.example/authorize?client_id=x&state=s"), redirect);
    int status = 0;
    QUrl stray = redirect;
    stray.setQuery("code=forged&state=forged");
    const QString strayPage = QString::fromUtf8(fetch(stray, &status));
    QCOMPARE(status, 400);
    QVERIFY2(strayPage.contains(ignored.toHtmlEscaped()), qPrintable(strayPage));
    QUrl real = redirect;
    real.setQuery("code=real&state=s");
    const QString page = QString::fromUtf8(fetch(real, &status));
    QCOMPARE(status, 200);
    QVERIFY2(page.contains("<h1>" + title.toHtmlEscaped() + "</h1>"), qPrintable(page));
    QVERIFY2(page.contains(text.toHtmlEscaped()), qPrintable(page));

    SystemBrowserAgent unopened;
    const QUrl unopenedRedirect = unopened.prepare(QUrl("http://127.0.0.1/"));
    unopened.setUrlOpener([](const QUrl &) { return false; });
    QSignalSpy failed(&unopened, &AuthorizationAgent::failed);
    unopened.authorize(QUrl("https://login.example/authorize?state=s"), unopenedRedirect);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().first().value<AuthError>().message(), noBrowser);
}

void tst_Translations::numerus_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    QTest::newRow("de 1") << QLocale(QLocale::German) << 1 << "1 Eintrag von %1 ist kein Objekt";
    QTest::newRow("de 3") << QLocale(QLocale::German) << 3 << "3 Einträge von %1 sind keine Objekte";
    QTest::newRow("fr 1") << QLocale(QLocale::French) << 1 << "1 entrée de %1 n’est pas un objet";
    QTest::newRow("fr 3") << QLocale(QLocale::French) << 3 << "3 entrées de %1 ne sont pas des objets";
}

void tst_Translations::numerus()
{
    QFETCH(QLocale, locale);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QVERIFY(installTranslations(locale));
    QCOMPARE(QCoreApplication::translate("MsalQt::TokenCache", "%n entries of %1 are not objects", nullptr, n), expected);
}

void tst_Translations::wholeCatalogue_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << "de";
    QTest::newRow("fr") << "fr";
}

// Every message of the source catalogue comes out of the library's embedded one, under the
// context the sources use (tests/demo/check-translations.sh checks the catalogue against them).
void tst_Translations::wholeCatalogue()
{
    QFETCH(QString, language);
    QVERIFY(installTranslations(QLocale(language)));
    QFile ts(qEnvironmentVariable("MSALQT_SOURCE_DIR") + "/translations/msalqt_auth_" + language + ".ts");
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
    QXmlStreamReader xml(&ts);
    QString context, source, translation;
    bool numerus = false;
    int messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            ++messages;
            // A numerus message: its last form, for a count that takes it in both languages.
            const QString got = QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData(), nullptr, numerus ? 5 : -1);
            QCOMPARE(got, numerus ? QString(translation).replace("%n", "5") : translation);
            QVERIFY2(got != source, qPrintable(source));
        }
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            numerus = xml.attributes().value("numerus") == QLatin1String("yes");
            translation.clear();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") && !numerus) {
            translation = xml.readElementText();
        } else if (xml.name() == QLatin1String("numerusform")) {
            translation = xml.readElementText();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 200);
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
