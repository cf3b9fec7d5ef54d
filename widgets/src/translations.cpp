#include <MsalQt/Widgets/translations.h>
#include <MsalQt/translations.h>

#include <QCoreApplication>
#include <QTranslator>

namespace MsalQt::Widgets {

bool installTranslations(const QLocale &locale)
{
    // The widgets show the library's messages (errorString() in the sign-in dialog, the device
    // code dialog): those come from MsalQt::Auth's own catalogue.
    const bool auth = MsalQt::installTranslations(locale);
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return false;
    auto *translator = new QTranslator(app);
    if (!translator->load(locale, QStringLiteral("msalqt_widgets"), QStringLiteral("_"),
                          QStringLiteral(":/msalqt/widgets/i18n"))) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator) && auth;
}

} // namespace MsalQt::Widgets
