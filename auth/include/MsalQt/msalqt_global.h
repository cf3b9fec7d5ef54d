#pragma once

#include <MsalQt/msalqtversion.h>

#include <QtCore/qglobal.h>

#if defined(MSALQT_AUTH_LIBRARY)
#  define MSALQT_AUTH_EXPORT Q_DECL_EXPORT
#else
#  define MSALQT_AUTH_EXPORT Q_DECL_IMPORT
#endif
