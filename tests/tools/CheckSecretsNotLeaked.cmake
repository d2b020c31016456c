# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The SCIM Console authors
# Fails when the tests' RAM app secret (derived as in tests/support/TestSecrets.h) appears in any file under the
# build folder or the data folders the test run used (SCIM_TEST_DATA_DIRS: the private home with its keyring and the
# PostgreSQL data directory). The keyring stores it encrypted; the database, settings and every log must not hold it.
string(SHA256 digest "scim-console test RAM secret v1")
string(SUBSTRING "${digest}" 0 32 part)
set(secret "ramsecret-${part}")
set(roots "${BUILD_DIR}")
if(DEFINED ENV{SCIM_TEST_DATA_DIRS})
    string(REPLACE " " ";" data_dirs "$ENV{SCIM_TEST_DATA_DIRS}")
    list(APPEND roots ${data_dirs})
endif()
set(existing "")
foreach(root IN LISTS roots)
    if(IS_DIRECTORY "${root}")
        list(APPEND existing "${root}")
    endif()
endforeach()
# grep reads binary files too (database pages, WAL files); sockets and devices are skipped.
execute_process(COMMAND grep -rlF --devices=skip -e "${secret}" ${existing}
                RESULT_VARIABLE result OUTPUT_VARIABLE found ERROR_QUIET)
if(result EQUAL 0)
    message(FATAL_ERROR "the test RAM secret was found in:\n${found}")
elseif(NOT result EQUAL 1)
    message(FATAL_ERROR "grep could not search ${existing}")
endif()
message(STATUS "the test RAM secret is in no file under: ${existing}")
