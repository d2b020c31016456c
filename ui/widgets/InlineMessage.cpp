// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/widgets/InlineMessage.h"

#include "ui/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace ScimConsole::Gui {

InlineMessage::InlineMessage(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("inlineMessage"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("inlineMessageText"));
    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAccessibleName(tr("Dismiss message"));
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 4, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void InlineMessage::showMessage(const QString &text, Kind kind)
{
    // A tint of the palette's highlight or a warm tone mixed into the window colour: readable on light and dark.
    QPalette pal = palette();
    const QColor base = pal.color(QPalette::Window);
    const QColor accent = kind == Kind::Information ? pal.color(QPalette::Highlight)
                          : kind == Kind::Warning   ? QColor(0xd9, 0x8a, 0x00)
                                                    : QColor(0xc6, 0x28, 0x28);
    const auto mix = [](const QColor &a, const QColor &b, double t) {
        return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                                a.blueF() * (1 - t) + b.blueF() * t);
    };
    pal.setColor(QPalette::Window, mix(base, accent, 0.16));
    setPalette(pal);
    m_icon->setPixmap(icon(kind == Kind::Information ? QStringLiteral("info") : QStringLiteral("warning"))
                          .pixmap(QSize(18, 18), devicePixelRatioF()));
    m_text->setText(text);
    setAccessibleName(text);
    show();
}

QString InlineMessage::text() const
{
    return isVisible() ? m_text->text() : QString();
}

} // namespace ScimConsole::Gui
