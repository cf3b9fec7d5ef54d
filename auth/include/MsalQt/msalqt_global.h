#pragma once

/// \file
/// The export macros of the MsalQt::Auth library and MSALQT_DECLARE_SHARED(), which the value
/// types' headers use.

/// \namespace MsalQt
/// Sign-in with the Microsoft identity platform (and other OpenID Connect providers): the
/// MsalQt::Auth library. Start with PublicClientApplication or ConfidentialClientApplication.

#include <MsalQt/msalqtversion.h>

#include <QtCore/qglobal.h>

#if defined(MSALQT_AUTH_LIBRARY)
#  define MSALQT_AUTH_EXPORT Q_DECL_EXPORT
#else
#  define MSALQT_AUTH_EXPORT Q_DECL_IMPORT
#endif

/// Q_DECLARE_SHARED for a value type of namespace MsalQt, written after that namespace is closed:
/// Q_DECLARE_SHARED itself works only inside Qt's namespace, where QTypeInfo must be specialized,
/// while swap() belongs in the class's own namespace, where argument-dependent lookup finds it.
/// Relocatable: QList and the other containers move such values with memmove.
#define MSALQT_DECLARE_SHARED(Class) \
    namespace MsalQt { \
    inline void swap(Class &lhs, Class &rhs) noexcept { lhs.swap(rhs); } \
    } \
    QT_BEGIN_NAMESPACE \
    Q_DECLARE_TYPEINFO(MsalQt::Class, Q_RELOCATABLE_TYPE); \
    QT_END_NAMESPACE
