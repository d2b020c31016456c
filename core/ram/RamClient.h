// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Error.h"
#include "core/log/SyncEvent.h"
#include "core/ram/RamProfile.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkReply;

namespace ScimConsole::Core {

class SyncLog;

/// One answer of RAM: the HTTP status (0 when no answer came), the JSON body, and the error of a failure — RAM's own
/// detail as its message when it gave one; ErrorCode::Network when RAM could not be reached or stayed unavailable
/// (after the retries), Unauthorized for 401 and 403, NotFound, Conflict, InvalidInput for other refusals.
struct RamReply
{
    int status = 0;
    QJsonObject json;
    std::optional<Error> error; // none on success
    int attempts = 0;

    bool ok() const { return status >= 200 && status < 300; }
    QString message() const { return error ? error->message : QString(); }
};

/// The client side of Alibaba Cloud RAM's SCIM: OAuth 2.0 client credentials, the token reused until shortly
/// before it expires and fetched again on expiry or on one 401, 429 and 5xx retried with exponential backoff
/// that honours Retry-After. Every HTTP exchange is a SyncEvent (direction outbound) — without the secret, the token
/// or the Authorization header. Lives on the thread that calls it; every request completes exactly once.
class RamClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RamClient)

public:
    struct RetryPolicy
    {
        int maxAttempts = 6;
        int baseDelayMs = 200;
        int maxDelayMs = 10000;
    };

    RamClient(const RamProfile &profile, const QString &secret, SyncLog *log = nullptr, QObject *parent = nullptr);
    ~RamClient() override;

    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }

    /// A SCIM request below the profile's SCIM URL ("/Users?filter=…"). `body` is sent as JSON when not empty.
    QFuture<RamReply> request(const QByteArray &method, const QString &pathAndQuery, const QJsonObject &body = {});
    /// Fetches a token now (test connection). On success the reply's json holds the token's "scope".
    QFuture<RamReply> fetchToken();

    /// Retries made so far (429, 5xx, network errors), over all requests.
    int retries() const { return m_retries; }
    /// The events of the exchanges since the last call, for the caller to persist.
    QList<SyncEvent> takeEvents();

private:
    struct Call;
    void start(const std::shared_ptr<Call> &call);
    using TokenWaiter = std::function<void(const QString &token, const std::optional<Error> &error)>;
    void withToken(TokenWaiter next);
    void requestToken(int attempt);
    void finishTokenWaiters(const QString &token, const std::optional<Error> &error);
    void handleReply(const std::shared_ptr<Call> &call, QNetworkReply *reply, const QString &usedToken);
    bool scheduleRetry(const std::shared_ptr<Call> &call, QNetworkReply *reply);
    int retryDelayMs(QNetworkReply *reply, int attempt) const;
    void record(const QByteArray &method, const QUrl &url, int status, qint64 latencyUs, qint64 bytesIn,
                qint64 bytesOut, const QString &detail);
    size_t leastBusyNetwork() const;

    RamProfile m_profile;
    QString m_secret;
    SyncLog *m_log;
    /// SCIM requests take turns over these (one unless Qt < 6.5 caps the connections below the concurrency); the
    /// token is fetched with the first.
    struct Network
    {
        std::unique_ptr<QNetworkAccessManager> manager;
        int inFlight = 0;
    };
    std::vector<Network> m_networks;
    RetryPolicy m_retry;
    QString m_token;
    QString m_tokenScope;
    QDateTime m_tokenExpiry;
    bool m_tokenRequested = false;
    QList<TokenWaiter> m_tokenWaiters;
    int m_retries = 0;
    QList<SyncEvent> m_events;
};

} // namespace ScimConsole::Core
