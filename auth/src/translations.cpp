#include <MsalQt/translations.h>

#include <QCoreApplication>
#include <QTranslator>

namespace MsalQt {

bool installTranslations(const QLocale &locale)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return false;
    auto *translator = new QTranslator(app);
    if (!translator->load(locale, QStringLiteral("msalqt_auth"), QStringLiteral("_"),
                          QStringLiteral(":/msalqt/auth/i18n"))) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

} // namespace MsalQt
