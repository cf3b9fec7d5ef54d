# Confidential clients (issue 5): certificate credentials and client assertions, on-behalf-of,
# authorization code redemption for web apps. Listed here so that it grows without touching
# auth/CMakeLists.txt; the lead installs MSALQT_CONFIDENTIAL_PUBLIC_HEADERS with the others.
set(MSALQT_CONFIDENTIAL_PUBLIC_HEADERS
    include/MsalQt/assertionrequest.h
)
target_sources(MsalQtAuth PRIVATE
    ${MSALQT_CONFIDENTIAL_PUBLIC_HEADERS}
    src/confidential/certificatekey.cpp src/confidential/certificatekey_p.h
    src/confidential/clientassertion.cpp src/confidential/clientassertion_p.h
    src/confidential/clientcredential_p.h
    src/confidential/coderedemptionflow.cpp src/confidential/coderedemptionflow_p.h
    src/confidential/onbehalfofflow.cpp src/confidential/onbehalfofflow_p.h
)
