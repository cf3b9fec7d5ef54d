#pragma once

#include <cjose/cjose.h>

#include <QByteArray>

#include <memory>

namespace MsalQt::Emulator {

// RAII owners for cjose objects: every object cjose hands out is released exactly once,
// whatever path the code takes.
struct CjoseJwkRelease {
    void operator()(cjose_jwk_t *p) const { cjose_jwk_release(p); }
};
struct CjoseJwsRelease {
    void operator()(cjose_jws_t *p) const { cjose_jws_release(p); }
};
struct CjoseHeaderRelease {
    void operator()(cjose_header_t *p) const { cjose_header_release(p); }
};
// Strings cjose allocates (cjose_jwk_to_json) go back through cjose's own deallocator.
struct CjoseFree {
    void operator()(char *p) const { cjose_get_dealloc()(p); }
};

using JwkPtr = std::unique_ptr<cjose_jwk_t, CjoseJwkRelease>;
using JwsPtr = std::unique_ptr<cjose_jws_t, CjoseJwsRelease>;
using JoseHeaderPtr = std::unique_ptr<cjose_header_t, CjoseHeaderRelease>;
using CjoseString = std::unique_ptr<char, CjoseFree>;

} // namespace MsalQt::Emulator
