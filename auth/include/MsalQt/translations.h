#pragma once

/// \file
/// MsalQt::installTranslations(): the library's own texts in the application's language.

#include <MsalQt/msalqt_global.h>

#include <QLocale>

namespace MsalQt {

/// Installs the translations of MsalQt::Auth for `locale` in the application.
///
/// Everything the library says to a person is translatable: AuthError::errorString() and the
/// messages the flows, the token cache and its storage put in an AuthError, and the pages the
/// SystemBrowserAgent shows in the browser. The translations (German and French so far) are
/// compiled into the library. An application loads them once, after creating its
/// QCoreApplication (or QApplication):
///
///     QCoreApplication app(argc, argv);
///     MsalQt::installTranslations(); // QLocale() by default
///
/// Returns false when there is no translation for the locale (the library then speaks English),
/// or when there is no application object yet. The QTranslator belongs to the application object.
/// MsalQt::Widgets::installTranslations() calls this function too. Equivalent by hand:
///
///     translator->load(locale, "msalqt_auth", "_", ":/msalqt/auth/i18n");
///
/// Texts are translated when they are made: an AuthError made before the call keeps its
/// English message.
MSALQT_AUTH_EXPORT bool installTranslations(const QLocale &locale = QLocale());

} // namespace MsalQt
