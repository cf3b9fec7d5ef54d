#include <MsalQt/Quick/translations.h>
#include <MsalQt/translations.h>

#include <QCoreApplication>
#include <QTranslator>

namespace MsalQt::Quick {

bool installTranslations(const QLocale &locale)
{
    // The views show the library's messages (errorString()): MsalQt::Auth's own catalogue.
    const bool auth = MsalQt::installTranslations(locale);
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return false;
    auto *translator = new QTranslator(app);
    if (!translator->load(locale, QStringLiteral("msalqt_quick"), QStringLiteral("_"),
                          QStringLiteral(":/msalqt/quick/i18n"))) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator) && auth;
}

} // namespace MsalQt::Quick
