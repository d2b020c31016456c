// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "ui/dialogs/TokenRevealDialog.h"

#include "ui/widgets/CopyField.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontMetrics>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace ScimConsole::Gui {

TokenRevealDialog::TokenRevealDialog(const QString &secret, const QDateTime &expires, Core::TokenKind kind,
                                     QWidget *parent)
    : QDialog(parent)
    , m_secret(new CopyField(kind == Core::TokenKind::Bearer ? tr("Bearer token") : tr("Client secret"), this))
    , m_copied(new QCheckBox(kind == Core::TokenKind::Bearer ? tr("I have copied the token to the SCIM client")
                                                             : tr("I have copied the secret to the SCIM client"),
                             this))
{
    const bool bearer = kind == Core::TokenKind::Bearer;
    setWindowTitle(bearer ? tr("New Bearer Token") : tr("New Client Secret"));
    m_secret->setObjectName(QStringLiteral("tokenField"));
    m_secret->setText(secret);
    QFont mono = m_secret->lineEdit()->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_secret->lineEdit()->setFont(mono);
    // Wide enough to show the whole secret: a cut-off token invites copying it by hand, badly.
    m_secret->lineEdit()->setMinimumWidth(QFontMetrics(mono).horizontalAdvance(secret) + 24);
    m_copied->setObjectName(QStringLiteral("copiedCheckBox"));

    auto *headline = new QLabel(bearer ? tr("<b>Copy this token now. It will not be shown again.</b>")
                                       : tr("<b>Copy this secret now. It will not be shown again.</b>"),
                                this);
    auto *explanation = new QLabel(
        (bearer ? tr("The console keeps only a hash of it (T-07). Paste it into the identity provider as the Secret "
                     "Token. It is valid until %1.")
                : tr("The console keeps only a hash of it (C-05). Paste it into the identity provider as the Client "
                     "secret, beside the Client ID. It is valid until %1."))
            .arg(QLocale().toString(expires.toLocalTime(), QLocale::LongFormat)),
        this);
    explanation->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = buttons->button(QDialogButtonBox::Close);
    m_close->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &TokenRevealDialog::accept);
    connect(m_copied, &QCheckBox::toggled, m_close, &QPushButton::setEnabled);
    connect(m_secret, &CopyField::copied, this, [this] { m_copied->setChecked(true); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(headline);
    layout->addWidget(explanation);
    layout->addWidget(m_secret);
    layout->addWidget(m_copied);
    layout->addStretch();
    layout->addWidget(buttons);
    m_secret->setFocus();
}

TokenRevealDialog::~TokenRevealDialog()
{
    // The secret leaves memory with the dialog: nothing else ever held it.
    m_secret->setText(QString(m_secret->text().size(), u'*'));
}

void TokenRevealDialog::reject()
{
    if (m_copied->isChecked())
        QDialog::reject();
}

QString TokenRevealDialog::secret() const
{
    return m_secret->text();
}

} // namespace ScimConsole::Gui
