# Username/password (ROPC) and integrated Windows authentication: user realm discovery,
# WS-MetadataExchange, WS-Trust and the SAML bearer grants, and HTTP Negotiate over MIT GSSAPI.
# Listed here so that it can grow without touching auth/CMakeLists.txt.
pkg_check_modules(KRB5_GSSAPI REQUIRED IMPORTED_TARGET krb5-gssapi)
target_sources(MsalQtAuth PRIVATE
    src/flows/integratedwindowsauthflow.cpp src/flows/integratedwindowsauthflow_p.h
    src/flows/usernamepasswordflow.cpp src/flows/usernamepasswordflow_p.h
    src/wstrust/federatedflow.cpp src/wstrust/federatedflow_p.h
    src/wstrust/mex.cpp src/wstrust/mex_p.h
    src/wstrust/negotiate.cpp src/wstrust/negotiate_p.h
    src/wstrust/userrealm.cpp src/wstrust/userrealm_p.h
    src/wstrust/wstrustmessage.cpp src/wstrust/wstrustmessage_p.h
)
target_link_libraries(MsalQtAuth PRIVATE PkgConfig::KRB5_GSSAPI)
