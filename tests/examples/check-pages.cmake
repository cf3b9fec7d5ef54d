# cmake -DPAGES_DIR=<docs/flows> -DEXAMPLES_DIR=<examples> -P check-pages.cmake
#
# Every example program examples/<flow>.cpp has its overview page docs/flows/<flow>.md, and the
# page shows the whole program verbatim in one ```cpp block: what a reader copies is what CI
# builds and runs. Every page has its program.
cmake_minimum_required(VERSION 3.21)

file(GLOB examples RELATIVE "${EXAMPLES_DIR}" "${EXAMPLES_DIR}/*.cpp")
file(GLOB pages RELATIVE "${PAGES_DIR}" "${PAGES_DIR}/*.md")
if(NOT examples)
    message(FATAL_ERROR "No example in ${EXAMPLES_DIR}: the check would prove nothing")
endif()

set(failures 0)
foreach(example IN LISTS examples)
    string(REGEX REPLACE "\\.cpp$" "" flow "${example}")
    set(page "${PAGES_DIR}/${flow}.md")
    if(NOT EXISTS "${page}")
        message(SEND_ERROR "examples/${example} has no page docs/flows/${flow}.md")
        math(EXPR failures "${failures} + 1")
        continue()
    endif()
    file(READ "${EXAMPLES_DIR}/${example}" code)
    file(READ "${page}" text)
    string(FIND "${text}" "\n```cpp\n${code}```\n" position)
    if(position EQUAL -1)
        message(SEND_ERROR "docs/flows/${flow}.md does not show examples/${example} verbatim in a ```cpp block")
        math(EXPR failures "${failures} + 1")
    endif()
endforeach()
foreach(page IN LISTS pages)
    string(REGEX REPLACE "\\.md$" ".cpp" example "${page}")
    if(NOT EXISTS "${EXAMPLES_DIR}/${example}")
        message(SEND_ERROR "docs/flows/${page} has no program examples/${example}")
        math(EXPR failures "${failures} + 1")
    endif()
endforeach()

if(failures GREATER 0)
    message(FATAL_ERROR "${failures} page(s) and example(s) out of step")
endif()
list(LENGTH examples count)
message(STATUS "${count} examples, each shown verbatim on its page")
