// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/dialogs/TokenDialog.h"

#include "core/domain/TokenPolicy.h"
#include "ui/widgets/BuddyLabel.h"
#include "ui/widgets/InlineMessage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

using namespace Core;

TokenDialog::TokenDialog(TokenKind kind, QWidget *parent)
    : QDialog(parent)
    , m_preset(new QComboBox(this))
    , m_days(new QSpinBox(this))
    , m_expiry(new QLabel(this))
    , m_message(new InlineMessage(this))
{
    const bool bearer = kind == TokenKind::Bearer;
    setWindowTitle(bearer ? tr("Add Bearer Token") : tr("Add Client Secret"));
    m_preset->setObjectName(QStringLiteral("validityPresetComboBox"));
    m_preset->setAccessibleName(tr("Validity preset"));
    for (const auto &[text, days] :
         {std::pair(tr("30 days"), 30), std::pair(tr("90 days"), 90), std::pair(tr("180 days"), 180),
          std::pair(tr("1 year"), 365), std::pair(tr("2 years"), 730), std::pair(tr("3 years"), 3 * 365)})
        m_preset->addItem(text, days);
    m_preset->addItem(tr("Custom"), 0);
    m_days->setObjectName(QStringLiteral("validityDaysSpinBox"));
    m_days->setAccessibleName(tr("Validity in days"));
    // The spin box lets any number through so that accept() explains the rule instead of silently clamping.
    m_days->setRange(0, 9999);
    m_days->setSuffix(tr(" days"));
    m_expiry->setObjectName(QStringLiteral("expiryLabel"));

    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("&Validity:"), m_preset, this), m_preset);
    form->addRow(buddyLabel(tr("&Days:"), m_days, this), m_days);
    form->addRow(tr("Expires:"), m_expiry);
    auto *hint = new QLabel(bearer ? tr("A token is valid for 1 day to 3 years (T-01). Choose the shortest validity "
                                        "your rotation routine allows.")
                                   : tr("A client secret is valid for 1 day to 3 years (C-02). Choose the shortest "
                                        "validity your rotation routine allows."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(bearer ? tr("Create Token") : tr("Create Secret"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TokenDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TokenDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        if (const int days = m_preset->currentData().toInt(); days > 0)
            m_days->setValue(days);
        m_days->setEnabled(m_preset->currentData().toInt() == 0);
    });
    connect(m_days, &QSpinBox::valueChanged, this, &TokenDialog::updateExpiry);
    m_preset->setCurrentIndex(3); // one year
    m_days->setValue(365);
    m_days->setEnabled(false);
    updateExpiry();
    setMinimumWidth(440);
}

int TokenDialog::validityDays() const
{
    return m_days->value();
}

void TokenDialog::updateExpiry()
{
    const Result<QDateTime> expiry = TokenPolicy::expiryFor(m_days->value(), QDateTime::currentDateTimeUtc());
    m_expiry->setText(expiry ? QLocale().toString(expiry->toLocalTime(), QLocale::LongFormat) : tr("—"));
}

void TokenDialog::accept()
{
    const Result<QDateTime> expiry = TokenPolicy::expiryFor(m_days->value(), QDateTime::currentDateTimeUtc());
    if (!expiry) {
        m_message->showMessage(tr("%1 (rule T-01)").arg(expiry.error().message));
        return;
    }
    QDialog::accept();
}

} // namespace ScimConsole::Gui
