// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/ConnectionStep.h"

#include <QTreeWidget>

namespace ScimConsole::Gui {

/// The steps of a connection test, one row each: what was tried, passed (green) or failed (red), what was seen,
/// and what to do. The RAM page's test and the provider self-test show their steps the same way.
class ConnectionStepsView final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionStepsView)

public:
    explicit ConnectionStepsView(QWidget *parent = nullptr);

    void showSteps(const QList<Core::ConnectionStep> &steps);
    /// The colour of a passed (or failed) result, readable on the palette's base.
    static QColor resultColor(const QWidget *widget, bool passed);
};

} // namespace ScimConsole::Gui
