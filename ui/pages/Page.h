// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QWidget>

namespace ScimConsole::Gui {

/// A page of the main window's navigation. The window's Refresh and Find actions reach the current page here.
class Page : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Page)

public:
    using QWidget::QWidget;

    virtual void refresh() {}
    /// Moves the focus to the page's search field; false when the page has none.
    virtual bool focusSearch() { return false; }
};

} // namespace ScimConsole::Gui
