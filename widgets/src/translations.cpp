#include <MsalQt/Widgets/translations.h>

#include <QCoreApplication>
#include <QTranslator>

namespace MsalQt::Widgets {

bool installTranslations(const QLocale &locale)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return false;
    auto *translator = new QTranslator(app);
    if (!translator->load(locale, QStringLiteral("msalqt_widgets"), QStringLiteral("_"),
                          QStringLiteral(":/msalqt/widgets/i18n"))) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

} // namespace MsalQt::Widgets
