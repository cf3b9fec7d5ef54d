# cmake -DDOXYGEN=<doxygen> -DDOXYFILE=<Doxyfile> -DOUTPUT_DIR=<dir> -DSOURCE_DIR=<source tree>
#       -DSTRICT=<bool> -P run-doxygen.cmake
#
# Runs Doxygen and judges its warnings log: strict, any warning fails; otherwise only warnings
# about the pages (docs/*.md, the examples they include) and errors fail, and the rest (the
# headers' undocumented members, while their documentation is being written) are counted.
cmake_minimum_required(VERSION 3.21)

set(log "${OUTPUT_DIR}/doxygen-warnings.log")
file(REMOVE_RECURSE "${OUTPUT_DIR}/html")
file(REMOVE "${log}")
execute_process(COMMAND "${DOXYGEN}" "${DOXYFILE}"
    WORKING_DIRECTORY "${OUTPUT_DIR}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE errors)

set(lines "")
if(EXISTS "${log}")
    file(STRINGS "${log}" lines)
endif()
set(warnings 0)
set(header_warnings 0)
set(page_problems "")
foreach(line IN LISTS lines)
    if(NOT line MATCHES "(warning|error): ")
        continue() # a continuation of the previous message
    endif()
    math(EXPR warnings "${warnings} + 1")
    if(line MATCHES "^${SOURCE_DIR}/(auth|widgets)/include/" OR line MATCHES "/auth/include/MsalQt/msalqtversion\\.h:")
        math(EXPR header_warnings "${header_warnings} + 1")
    else()
        list(APPEND page_problems "${line}") # a page, an example, the configuration, or no file
    endif()
endforeach()
list(LENGTH page_problems page_count)

if(NOT errors STREQUAL "")
    message("${errors}")
endif()
message(STATUS "Doxygen: ${warnings} warning(s): ${header_warnings} about the public headers, "
               "${page_count} about the pages (${log})")
if(STRICT AND warnings GREATER 0)
    foreach(line IN LISTS lines)
        message("${line}")
    endforeach()
    message(FATAL_ERROR "MSALQT_DOCS_STRICT: every warning is an error")
endif()
if(page_count GREATER 0)
    foreach(line IN LISTS page_problems)
        message("${line}")
    endforeach()
    message(FATAL_ERROR "The pages of docs/ have problems (above)")
endif()
if(NOT result EQUAL 0)
    message(FATAL_ERROR "Doxygen failed (${result})")
endif()
if(NOT EXISTS "${OUTPUT_DIR}/html/index.html")
    message(FATAL_ERROR "Doxygen wrote no ${OUTPUT_DIR}/html/index.html")
endif()
message(STATUS "The API reference: ${OUTPUT_DIR}/html/index.html")
