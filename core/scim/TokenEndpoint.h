// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/scim/ScimMessage.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>

#include <memory>

namespace ScimConsole::Core {

class Database;

/// `POST <base>/oauth2/token` (docs/oauth-rules.md C-06, RFC 6749 §4.4): the client credentials grant. Client
/// authentication by HTTP Basic (§2.3.1, id and secret form-encoded) or `client_id`/`client_secret` in the form body,
/// never both and never in the query. Answers `{"access_token", "token_type": "Bearer", "expires_in"}` with
/// `Cache-Control: no-store`, or a §5.2 error as JSON. The sync log learns the client id and the outcome, never a
/// secret or a token.
class TokenEndpoint
{
public:
    /// C-10: at most MaxFailures failed client authentications per client address in WindowSeconds; past that,
    /// every token request from the address is answered 429 with Retry-After until the window ends.
    static constexpr int MaxFailures = 10;
    static constexpr int WindowSeconds = 60;

    /// The failed authentications per client address, shared by the endpoints of one server's workers.
    class Failures
    {
    public:
        /// The seconds an address must wait, or 0 when it may try.
        qint64 wait(const QString &address, const QDateTime &now);
        void add(const QString &address, const QDateTime &now);

    private:
        struct Window
        {
            QDateTime start;
            int failures = 0;
        };
        Window &window(const QString &address, const QDateTime &now);

        QMutex m_mutex;
        QHash<QString, Window> m_windows;
    };

    explicit TokenEndpoint(std::shared_ptr<Failures> failures = {});

    /// `allowedScopes`: what the application may do ("users:read", "users:write", "groups:read", "groups:write");
    /// a requested `scope` must name only these (RFC 6749 §3.3) and is echoed.
    ScimResponse handle(Database &db, const ScimRequest &request, const QStringList &allowedScopes,
                        const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    ScimResponse grant(Database &db, const ScimRequest &request, const QStringList &allowedScopes);

    std::shared_ptr<Failures> m_failures;
};

} // namespace ScimConsole::Core
