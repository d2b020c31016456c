// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/widgets/CopyField.h"

#include "ui/Icons.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace ScimConsole::Gui {

CopyField::CopyField(const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_copy(new QToolButton(this))
{
    m_edit->setReadOnly(true);
    m_edit->setAccessibleName(accessibleName);
    m_copy->setIcon(icon(QStringLiteral("copy")));
    m_copy->setText(tr("Copy"));
    m_copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copy->setAccessibleName(tr("Copy %1").arg(accessibleName));
    m_copy->setObjectName(QStringLiteral("copyButton"));
    connect(m_copy, &QToolButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_edit->text());
        emit copied();
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_copy);
    setFocusProxy(m_edit);
}

void CopyField::setText(const QString &text)
{
    m_edit->setText(text);
    m_edit->setCursorPosition(0);
}

QString CopyField::text() const
{
    return m_edit->text();
}

} // namespace ScimConsole::Gui
