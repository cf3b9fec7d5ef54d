#pragma once

#include <QtCore/qglobal.h>

#if defined(MSALQT_WIDGETS_LIBRARY)
#  define MSALQT_WIDGETS_EXPORT Q_DECL_EXPORT
#else
#  define MSALQT_WIDGETS_EXPORT Q_DECL_IMPORT
#endif
