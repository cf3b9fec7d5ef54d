#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace MsalQtDemo {

static bool install(const QLocale &locale, const QString &name, const QString &directory, QObject *owner)
{
    auto *translator = new QTranslator(owner);
    if (translator->load(locale, name, QStringLiteral("_"), directory) && QCoreApplication::installTranslator(translator))
        return true;
    delete translator;
    return false;
}

int installTranslations(const QLocale &locale, QObject *owner)
{
    const QString qtDirectory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    int installed = 0;
    for (const QString &name : {QStringLiteral("qtbase"), QStringLiteral("qtwebengine")})
        installed += install(locale, name, qtDirectory, owner);
    installed += install(locale, QStringLiteral("msalqt_demo"), QStringLiteral(":/msalqt/demo/i18n"), owner);
    return installed;
}

} // namespace MsalQtDemo
