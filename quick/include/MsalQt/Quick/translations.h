#pragma once

#include <MsalQt/Quick/msalqtquick_global.h>

#include <QLocale>

namespace MsalQt::Quick {

/// Installs the translations of the `MsalQt` QML module (SignInView, DeviceCodeView,
/// AccountPicker) for `locale` in the application, and those of MsalQt::Auth
/// (MsalQt::installTranslations()), whose messages the views show.
///
/// German and French so far, compiled into the library. An application calls it once, after
/// creating its QGuiApplication and before loading QML:
///
///     QGuiApplication app(argc, argv);
///     MsalQt::Quick::installTranslations(); // QLocale() by default
///
/// Returns false when there is no translation for the locale (the views then speak English), or
/// when either catalogue could not be installed. The QTranslator belongs to the application
/// object.
MSALQT_QUICK_EXPORT bool installTranslations(const QLocale &locale = QLocale());

} // namespace MsalQt::Quick
