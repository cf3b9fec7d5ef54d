#pragma once

#include <MsalQt/msalqt_global.h>

// The internal classes and functions the tests and fuzzers call directly are exported only in
// builds with tests or fuzzers (MSALQT_AUTH_AUTOTESTS, set by auth/CMakeLists.txt), as Qt's
// Q_AUTOTEST_EXPORT is only in developer builds: a packaged library (-DMSALQT_BUILD_TESTS=OFF)
// exports its public API and nothing else, so nothing internal becomes part of its ABI.
#if defined(MSALQT_AUTH_AUTOTESTS)
#  define MSALQT_AUTH_AUTOTEST_EXPORT MSALQT_AUTH_EXPORT
#else
#  define MSALQT_AUTH_AUTOTEST_EXPORT
#endif
