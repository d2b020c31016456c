// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QNetworkAccessManager>
#include <QObject>

#include <functional>

namespace ScimConsole::Gui {

class MainWindow;

/// For the documentation (scripts/screenshots.sh): walks the real window through every page and main dialog and
/// saves what the screen shows as PNG files, then quits. Dialogs are shown without being accepted, so the store
/// changes only where a picture needs a token to reveal.
class ScreenshotTour final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotTour)

public:
    ScreenshotTour(MainWindow &window, const QString &folder, QObject *parent = nullptr);

    void start();

private:
    void next();
    void grab(QWidget *widget, const QString &name);

    MainWindow &m_window;
    QString m_folder;
    QList<std::function<void()>> m_steps;
    QNetworkAccessManager m_network;
};

} // namespace ScimConsole::Gui
