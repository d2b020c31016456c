# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The SCIM Console authors
# Fails when a file under SOURCE_DIR includes a Gui or Widgets header, or anything from ui/.
file(GLOB_RECURSE sources "${SOURCE_DIR}/*.h" "${SOURCE_DIR}/*.cpp")
set(offenders "")
foreach(source IN LISTS sources)
    file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](ui/|QtWidgets|QtGui|QWidget|QApplication|QGuiApplication|QMainWindow|QDialog|QMessageBox|QPixmap|QIcon|QImage|QColor|QFont)")
    foreach(line IN LISTS lines)
        list(APPEND offenders "${source}: ${line}")
    endforeach()
endforeach()
if(offenders)
    list(JOIN offenders "\n" text)
    message(FATAL_ERROR "core/ must not include Gui or Widgets headers:\n${text}")
endif()
list(LENGTH sources count)
message(STATUS "core boundary: ${count} files checked, no Gui or Widgets include")
