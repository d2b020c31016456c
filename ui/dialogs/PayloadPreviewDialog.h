// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace ScimConsole::Core {
class AsyncStore;
}

namespace ScimConsole::Gui {

class InlineMessage;

/// Issue 14, the mapping preview: paste a User or Group payload (or take Entra ID's or Okta's sample), choose POST,
/// PUT or PATCH, and see what the application would make of it — the account or group with every mapped field, its
/// extension values and organization — or the exact SCIM error the provider would get. The real engine runs on the
/// store's thread in a transaction that is rolled back: nothing is written.
class PayloadPreviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PayloadPreviewDialog)

public:
    /// `baseUrl`: the application's SCIM base URL, for the locations in the result.
    PayloadPreviewDialog(Core::AsyncStore &store, const QString &appId, const QString &baseUrl,
                         QWidget *parent = nullptr);
    ~PayloadPreviewDialog() override;

    /// Runs the preview of what the form holds; the result replaces the previous one when it arrives.
    void preview();

private:
    void loadSample();
    void updateControls();

    Core::AsyncStore &m_store;
    QString m_appId;
    QString m_baseUrl;
    QComboBox *m_sample;
    QComboBox *m_method;
    QComboBox *m_resource;
    QLineEdit *m_resourceId;
    QPlainTextEdit *m_payload;
    QPushButton *m_run;
    InlineMessage *m_verdict;
    QPlainTextEdit *m_result;
};

} // namespace ScimConsole::Gui
