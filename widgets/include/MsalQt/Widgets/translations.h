#pragma once

#include <MsalQt/Widgets/msalqtwidgets_global.h>

#include <QLocale>

namespace MsalQt::Widgets {

/// Installs the widgets' translations for `locale` in the application, and those of
/// MsalQt::Auth (MsalQt::installTranslations()), whose messages the widgets show.
///
/// The widgets' translations (German and French so far) are compiled into the library. An
/// application loads them once, after creating its QApplication (there is no need to call
/// MsalQt::installTranslations() as well):
///
///     QApplication app(argc, argv);
///     MsalQt::Widgets::installTranslations(); // QLocale() by default
///
/// Returns false when there is no translation for the locale (the widgets then speak English), or
/// when either catalogue could not be installed.
/// The QTranslator belongs to the application object. Equivalent by hand:
///
///     translator->load(locale, "msalqt_widgets", "_", ":/msalqt/widgets/i18n");
MSALQT_WIDGETS_EXPORT bool installTranslations(const QLocale &locale = QLocale());

} // namespace MsalQt::Widgets
