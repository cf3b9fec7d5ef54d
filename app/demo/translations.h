#pragma once

#include <QLocale>

class QObject;

namespace MsalQtDemo {

// Qt's own texts in `locale` (the dialogs' standard buttons, the web view's context menu) from
// the .qm files of Qt's translations directory (Debian: qt6-translations-l10n), and the demo's
// own from its resources. The translators are children of `owner`: deleting it uninstalls them.
// Returns how many catalogues were installed. The library's and the widgets' catalogues are
// MsalQt::Widgets::installTranslations()'s.
int installTranslations(const QLocale &locale, QObject *owner);

} // namespace MsalQtDemo
