# cmake -DBUILD_DIR=<build> -DWORK_DIR=<scratch> -DEXAMPLES_DIR=<examples> -DGENERATOR=<generator>
#       [-DLAUNCHER=<ccache>] -P build-installed.cmake
#
# Installs this build into a scratch prefix and builds examples/ on its own against it, with
# find_package(MsalQt): the examples use nothing but the installed headers and targets. Each
# program then answers --help.
cmake_minimum_required(VERSION 3.21)
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
set(configure ${CMAKE_COMMAND} -S "${EXAMPLES_DIR}" -B "${WORK_DIR}/build" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_BUILD_TYPE=Release)
if(LAUNCHER)
    list(APPEND configure "-DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER}")
endif()
run(${configure})
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
set(ENV{LD_LIBRARY_PATH} "${prefix}/lib:${prefix}/lib64:$ENV{LD_LIBRARY_PATH}")
set(ENV{QT_QPA_PLATFORM} offscreen)
file(GLOB programs "${EXAMPLES_DIR}/*.cpp")
foreach(program IN LISTS programs)
    get_filename_component(name "${program}" NAME_WE)
    run("${WORK_DIR}/build/example-${name}" --help)
    if(NOT last_output MATCHES "--client-id")
        message(FATAL_ERROR "example-${name} --help did not show its options:\n${last_output}")
    endif()
endforeach()
list(LENGTH programs count)
message(STATUS "${count} examples built against the installed package in ${prefix}")
