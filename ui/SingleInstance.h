// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QLockFile>
#include <QObject>

#include <memory>

class QLocalServer;

namespace ScimConsole::Gui {

/// One console per user (KeePassXC's approach): the first instance holds a lock file and listens on a local socket;
/// a later launch finds the lock taken, asks the first to raise its window, and exits.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    /// `name` tells apart independent consoles (tests use their own).
    explicit SingleInstance(const QString &name, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// True for the first instance (it now listens); false when another one runs and was asked to raise itself.
    bool claim();

signals:
    /// Another launch asked this instance to show its window.
    void activationRequested();

private:
    QString m_name;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
};

} // namespace ScimConsole::Gui
