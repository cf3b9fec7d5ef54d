#pragma once

#include <QtCore/qglobal.h>

/// \namespace MsalQt::Widgets
/// Ready-made Qt Widgets for signing in: the MsalQt::Widgets library (SignInButton,
/// SignInDialog, DeviceCodeDialog, AccountPicker, installTranslations()).

#if defined(MSALQT_WIDGETS_LIBRARY)
#  define MSALQT_WIDGETS_EXPORT Q_DECL_EXPORT
#else
#  define MSALQT_WIDGETS_EXPORT Q_DECL_IMPORT
#endif
