file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "Failed: ${ARGN}\n${out}\n${err}")
    endif()
    set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
if(EXISTS "${prefix}/include/MsalQt/tokenrequest_p.h" OR EXISTS "${prefix}/include/MsalQt/httpclient_p.h")
    message(FATAL_ERROR "Private headers were installed")
endif()
run(${CMAKE_COMMAND} -S "${CONSUMER_DIR}" -B "${WORK_DIR}/build" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${prefix}")
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
set(ENV{LD_LIBRARY_PATH} "${prefix}/lib:${prefix}/lib64:$ENV{LD_LIBRARY_PATH}")
run("${WORK_DIR}/build/myapp")
if(NOT EXISTS "${prefix}/include/MsalQt/msalqtversion.h")
    message(FATAL_ERROR "msalqtversion.h was not installed")
endif()
if(NOT last_output MATCHES "consumer: ok")
    message(FATAL_ERROR "The consumer did not run as expected:\n${last_output}")
endif()
message(STATUS "${last_output}")

# The emulator is installed as a library for the app's tests (its private headers are not) and
# as a program.
if(NOT EXISTS "${prefix}/include/MsalQt/Emulator/emulator.h" OR EXISTS "${prefix}/include/MsalQt/Emulator/config.h"
   OR EXISTS "${prefix}/include/config.h")
    message(FATAL_ERROR "The emulator's public headers, and only those, must be installed under include/MsalQt/Emulator")
endif()
if(NOT EXISTS "${prefix}/bin/msalqt-emulator")
    message(FATAL_ERROR "msalqt-emulator was not installed")
endif()
run("${WORK_DIR}/build/signin_test")
if(NOT last_output MATCHES "signin test: ok")
    message(FATAL_ERROR "The consumer's sign-in test did not run as expected:\n${last_output}")
endif()
message(STATUS "${last_output}")

# The QML module: its qmldir, typeinfo, plugin and QML files under lib/qt6/qml/MsalQt, known to
# qmllint from the typeinfo alone, and loaded by a QML test from the prefix.
file(GLOB qml_dirs "${prefix}/lib*/qt6/qml/MsalQt" "${prefix}/lib/*/qt6/qml/MsalQt")
list(LENGTH qml_dirs qml_dir_count)
if(NOT qml_dir_count EQUAL 1)
    message(FATAL_ERROR "The QML module was not installed (once) under lib/qt6/qml/MsalQt: ${qml_dirs}")
endif()
foreach(file qmldir MsalQtQuick.qmltypes libMsalQtQuickPlugin.so SignInView.qml DeviceCodeView.qml AccountPicker.qml)
    if(NOT EXISTS "${qml_dirs}/${file}")
        message(FATAL_ERROR "The QML module lacks ${file} in ${qml_dirs}")
    endif()
endforeach()
get_filename_component(qml_import "${qml_dirs}" DIRECTORY)
run("${QT_TOOLS_DIR}/qmllint" -I "${qml_import}" "${QML_TEST}")
# Not qmltestrunner: an application calls QtWebEngineQuick::initialize() first (Qt 6.8's
# WebEngine aborts when it is loaded before), and so does qmlapp.
set(ENV{QT_QPA_PLATFORM} offscreen)
set(ENV{QTWEBENGINE_DISABLE_SANDBOX} 1) # CI runs as root, without user namespaces
set(ENV{QTWEBENGINE_CHROMIUM_FLAGS} --disable-gpu)
run("${WORK_DIR}/build/qmlapp" "${qml_import}" "${QML_TEST}")
if(NOT last_output MATCHES "qml app: ok")
    message(FATAL_ERROR "The installed QML module did not load as expected:\n${last_output}")
endif()
message(STATUS "QML module: ${qml_dirs}")
