# Token cache persistence: listed here so that it can grow without touching auth/CMakeLists.txt.
set(MSALQT_STORAGE_PUBLIC_HEADERS
)
target_sources(MsalQtAuth PRIVATE
    ${MSALQT_STORAGE_PUBLIC_HEADERS}
)
