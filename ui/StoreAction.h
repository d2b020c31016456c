// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/OnResult.h"
#include "core/store/AsyncStore.h"
#include "ui/widgets/InlineMessage.h"

#include <QCoreApplication>

#include <functional>

namespace ScimConsole::Gui {

/// The pattern of every change a page makes: run `job` on the store's thread; then, on the page's thread, show the
/// refusal in `message` (with the rule that refused it, when given) or hide the message and call `done`.
template <typename Job>
void applyChange(Core::AsyncStore &store, QObject *context, InlineMessage *message, Job job, std::function<void()> done,
                 const QString &rule = {})
{
    using R = std::invoke_result_t<Job, Core::Database &>;
    onResult(store.write(std::move(job)), context, [message, done = std::move(done), rule](const R &result) {
        if (!result) {
            //: an error message, then the domain rule that refused it (T-03, S-04, …)
            message->showMessage(
                rule.isEmpty()
                    ? result.error().message
                    : QCoreApplication::translate("StoreAction", "%1 (rule %2)").arg(result.error().message, rule));
            return;
        }
        message->hide();
        done();
    });
}

} // namespace ScimConsole::Gui
