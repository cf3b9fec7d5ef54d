#pragma once

#include <QtCore/qglobal.h>

#if defined(MSALQT_QUICK_LIBRARY)
#  define MSALQT_QUICK_EXPORT Q_DECL_EXPORT
#else
#  define MSALQT_QUICK_EXPORT Q_DECL_IMPORT
#endif
