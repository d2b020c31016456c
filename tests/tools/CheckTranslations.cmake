# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The SCIM Console authors
# Fails when a committed .ts file lacks a translation for a string in the current sources: lupdate runs with the
# build's own lupdate project (the sources of app, core and ui, with their include paths) into a copy of each .ts,
# and no entry of the copy may be unfinished.
execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${WORK_DIR}/lupdate-project.json
                        -P "${GENERATOR}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cannot generate the lupdate project from ${PROJECT_IN}")
endif()
file(GLOB ts_files "${SOURCE_DIR}/translations/*.ts")
if(NOT ts_files)
    message(FATAL_ERROR "no .ts files under ${SOURCE_DIR}/translations")
endif()
foreach(ts IN LISTS ts_files)
    get_filename_component(name "${ts}" NAME)
    set(copy "${WORK_DIR}/${name}")
    file(COPY_FILE "${ts}" "${copy}")
    # English carries only the plural forms of the source texts.
    set(scope)
    if(name MATCHES "_en\\.ts$")
        set(scope -pluralonly)
    endif()
    execute_process(COMMAND "${LUPDATE}" -silent -project "${WORK_DIR}/lupdate-project.json" ${scope} -no-obsolete
                            -locations none -ts "${copy}"
                    RESULT_VARIABLE result OUTPUT_QUIET ERROR_QUIET)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}")
    endif()
    file(READ "${copy}" content)
    string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*(<oldsource>[^<]*</oldsource>[ \t\r\n]*)?(<comment>[^<]*</comment>[ \t\r\n]*)?<translation type=\"unfinished\"" unfinished "${content}")
    list(LENGTH unfinished count)
    if(count GREATER 0)
        string(REGEX REPLACE "<translation type=\"unfinished\"" "" sample "${unfinished}")
        message(FATAL_ERROR "${name}: ${count} string(s) without translation — run the update_translations target and "
                            "translate them:\n${sample}")
    endif()
    string(REGEX MATCHALL "<message" messages "${content}")
    list(LENGTH messages total)
    message(STATUS "${name}: all ${total} strings translated")
endforeach()
