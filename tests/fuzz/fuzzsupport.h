#pragma once

// Shared by the libFuzzer harnesses: input conversion and invariant checks. Each harness calls
// the library's parsers directly: no network, no event loop, nothing that depends on time or
// randomness beyond what the input says, so every crash reproduces from its input file alone.

#include <QByteArray>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>

namespace MsalQt::Fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A broken invariant is a finding like a sanitizer report: libFuzzer saves the input on abort().
[[noreturn]] void fail(const char *condition, const char *file, int line);

} // namespace MsalQt::Fuzz

#define FUZZ_CHECK(condition)                                                                     \
    do {                                                                                          \
        if (!(condition))                                                                         \
            MsalQt::Fuzz::fail(#condition, __FILE__, __LINE__);                                   \
    } while (false)
