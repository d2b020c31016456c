# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The SCIM Console authors
# Fails when a source file under SOURCE_DIR has no SPDX licence line in its first lines (issue 13).
set(sources "")
foreach(folder IN ITEMS app core ui tests scripts .ci)
    file(GLOB_RECURSE found "${SOURCE_DIR}/${folder}/*.h" "${SOURCE_DIR}/${folder}/*.cpp" "${SOURCE_DIR}/${folder}/*.sh"
         "${SOURCE_DIR}/${folder}/*.cmake" "${SOURCE_DIR}/${folder}/CMakeLists.txt" "${SOURCE_DIR}/${folder}/*.lua"
         "${SOURCE_DIR}/${folder}/*.mjs")
    list(APPEND sources ${found})
endforeach()
list(APPEND sources "${SOURCE_DIR}/CMakeLists.txt" "${SOURCE_DIR}/.ci/run")
set(missing "")
foreach(source IN LISTS sources)
    file(STRINGS "${source}" head LIMIT_COUNT 4)
    string(FIND "${head}" "SPDX-License-Identifier: GPL-3.0-or-later" at)
    if(at EQUAL -1)
        list(APPEND missing "${source}")
    endif()
endforeach()
if(NOT EXISTS "${SOURCE_DIR}/LICENSE")
    list(APPEND missing "LICENSE (the GPL-3.0 text)")
endif()
if(missing)
    list(JOIN missing "\n" text)
    message(FATAL_ERROR "without an SPDX licence line:\n${text}")
endif()
list(LENGTH sources count)
message(STATUS "licence headers: ${count} files checked")
