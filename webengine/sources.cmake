# The sign-in policy of an embedded Qt WebEngine browser (SignInGuard, RedirectPolicy), shared by
# MsalQt::Widgets' SignInDialog and the QML module's SignInView. Not a library of its own: each
# library that needs it compiles these sources in with msalqt_add_webengine_guard(<target>), and
# hidden visibility keeps the copies apart. Depends on Qt WebEngine Core and MsalQt::Auth only.
set(MSALQT_WEBENGINE_DIR ${CMAKE_CURRENT_LIST_DIR})
set(MSALQT_WEBENGINE_SOURCES
    ${MSALQT_WEBENGINE_DIR}/redirectpolicy.cpp ${MSALQT_WEBENGINE_DIR}/redirectpolicy_p.h
    ${MSALQT_WEBENGINE_DIR}/signinguard.cpp ${MSALQT_WEBENGINE_DIR}/signinguard_p.h
)

function(msalqt_add_webengine_guard target)
    find_package(Qt6 6.4 REQUIRED COMPONENTS WebEngineCore)
    get_target_property(visibility ${target} CXX_VISIBILITY_PRESET)
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "SHARED_LIBRARY" AND NOT visibility STREQUAL "hidden")
        message(FATAL_ERROR "${target}: the WebEngine guard's symbols need CXX_VISIBILITY_PRESET hidden")
    endif()
    target_sources(${target} PRIVATE ${MSALQT_WEBENGINE_SOURCES})
    target_include_directories(${target} PRIVATE ${MSALQT_WEBENGINE_DIR})
    target_link_libraries(${target} PRIVATE MsalQt::Auth Qt6::WebEngineCore)
endfunction()
