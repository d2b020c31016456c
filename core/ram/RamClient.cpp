// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/ram/RamClient.h"

#include "core/log/Logging.h"
#include "core/log/SyncLog.h"

#include <QElapsedTimer>
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QHttp1Configuration>
#endif
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPromise>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace ScimConsole::Core {

namespace {
constexpr int TokenMarginSeconds = 60; // fetch a new token this long before the old one expires
// What one QNetworkAccessManager opens to a host over HTTP/1.1 unless told otherwise.
constexpr int ConnectionsPerManager = 6;

/// A failed exchange as an error value: what the command line's exit code and the console's message go by.
Error failure(int status, const QString &message)
{
    const ErrorCode code = status == 401 || status == 403 ? ErrorCode::Unauthorized
                           : status == 404                ? ErrorCode::NotFound
                           : status == 409                ? ErrorCode::Conflict
                           : status >= 400 && status < 500 && status != 429
                               ? ErrorCode::InvalidInput
                               : ErrorCode::Network; // no answer, 429 or 5xx after the retries, or no usable answer
    return makeError(code, message, QStringLiteral("RAM answered HTTP %1").arg(status));
}

QString ramDetail(const QJsonObject &json)
{
    for (const char *key : {"detail", "error_description", "message", "error"}) {
        const QString text = json.value(QLatin1StringView(key)).toString();
        if (!text.isEmpty())
            return text;
    }
    return {};
}
} // namespace

struct RamClient::Call
{
    QByteArray method;
    QString pathAndQuery;
    QByteArray body;
    int attempt = 0;
    bool refreshedToken = false;
    QPromise<RamReply> promise;
};

RamClient::RamClient(const RamProfile &profile, const QString &secret, SyncLog *log, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_secret(secret)
    , m_log(log)
{
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    // One QNetworkAccessManager of Qt 6.4 opens at most six connections to a host over HTTP/1.1 and queues the
    // rest, so a concurrency of 8 ran 6 at once. As many managers as the concurrency needs take turns instead. (Qt 6.5
    // and later are told the number of connections, start().)
    const int networks = std::max(1, (m_profile.concurrency + ConnectionsPerManager - 1) / ConnectionsPerManager);
#else
    const int networks = 1;
#endif
    for (int i = 0; i < networks; ++i) {
        auto manager = std::make_unique<QNetworkAccessManager>();
        // Qt copies a request's headers into the request it is redirected to: only a redirect within the same origin
        // (scheme, host and port) may carry the client secret or the access token.
        manager->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
        m_networks.push_back({std::move(manager)});
    }
}

size_t RamClient::leastBusyNetwork() const
{
    const auto least = std::min_element(m_networks.begin(), m_networks.end(),
                                        [](const Network &a, const Network &b) { return a.inFlight < b.inFlight; });
    return size_t(least - m_networks.begin());
}

RamClient::~RamClient()
{
    // Unfinished token waiters complete with an error, so that no future is left hanging.
    finishTokenWaiters({}, makeError(ErrorCode::Cancelled, tr("The RAM client was closed.")));
}

QList<SyncEvent> RamClient::takeEvents()
{
    return std::exchange(m_events, {});
}

QFuture<RamReply> RamClient::request(const QByteArray &method, const QString &pathAndQuery, const QJsonObject &body)
{
    auto call = std::make_shared<Call>();
    call->method = method;
    call->pathAndQuery = pathAndQuery;
    if (!body.isEmpty())
        call->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call->promise.start();
    QFuture<RamReply> future = call->promise.future();
    start(call);
    return future;
}

QFuture<RamReply> RamClient::fetchToken()
{
    auto promise = std::make_shared<QPromise<RamReply>>();
    promise->start();
    m_token.clear();
    withToken([this, promise](const QString &token, const std::optional<Error> &error) {
        const QString &scope = m_tokenScope;
        RamReply reply;
        reply.status = token.isEmpty() ? 0 : 200;
        reply.error = error;
        if (!token.isEmpty())
            reply.json = QJsonObject{{QStringLiteral("scope"), scope}};
        promise->addResult(reply);
        promise->finish();
    });
    return promise->future();
}

void RamClient::start(const std::shared_ptr<Call> &call)
{
    withToken([this, call](const QString &token, const std::optional<Error> &error) {
        if (token.isEmpty()) {
            RamReply reply;
            reply.error = error;
            reply.attempts = call->attempt;
            call->promise.addResult(reply);
            call->promise.finish();
            return;
        }
        ++call->attempt;
        QNetworkRequest request(QUrl(m_profile.scimUrl + call->pathAndQuery));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setRawHeader("Accept", "application/scim+json, application/json");
        if (!call->body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/scim+json"));
        request.setTransferTimeout(60000);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
        // Otherwise six connections to a host over HTTP/1.1, whatever the profile's concurrency.
        QHttp1Configuration http1;
        http1.setNumberOfConnectionsPerHost(std::max(ConnectionsPerManager, m_profile.concurrency));
        request.setHttp1Configuration(http1);
#endif
        auto *timer = new QElapsedTimer;
        timer->start();
        const size_t network = leastBusyNetwork();
        ++m_networks[network].inFlight;
        QNetworkReply *reply = m_networks[network].manager->sendCustomRequest(request, call->method, call->body);
        connect(reply, &QNetworkReply::finished, this, [this, call, reply, token, timer, network] {
            --m_networks[network].inFlight;
            const qint64 latencyUs = timer->nsecsElapsed() / 1000;
            delete timer;
            reply->setProperty("latencyUs", latencyUs);
            handleReply(call, reply, token);
        });
    });
}

void RamClient::handleReply(const std::shared_ptr<Call> &call, QNetworkReply *reply, const QString &usedToken)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->readAll();
    const QJsonObject json = QJsonDocument::fromJson(data).object();
    const QString detail = status == 0 ? reply->errorString() : (status >= 300 ? ramDetail(json) : QString());
    record(call->method, reply->url(), status, reply->property("latencyUs").toLongLong(), data.size(),
           call->body.size(), detail);

    // one 401 means the token is no longer good: fetch a new one and try again, once.
    if (status == 401 && !call->refreshedToken) {
        call->refreshedToken = true;
        if (m_token == usedToken)
            m_token.clear();
        start(call);
        return;
    }
    if (scheduleRetry(call, reply))
        return;

    RamReply result;
    result.status = status;
    result.json = json;
    result.attempts = call->attempt;
    if (status < 200 || status >= 300)
        result.error = failure(status, detail.isEmpty() ? tr("RAM answered HTTP %1.").arg(status) : detail);
    call->promise.addResult(result);
    call->promise.finish();
}

bool RamClient::scheduleRetry(const std::shared_ptr<Call> &call, QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool retryable = status == 429 || status >= 500 || status == 0;
    if (!retryable || call->attempt >= m_retry.maxAttempts)
        return false;
    ++m_retries;
    const int delay = retryDelayMs(reply, call->attempt);
    qCInfo(lcRam) << call->method << call->pathAndQuery.section(u'?', 0, 0) << "answered" << status << "— retry in"
                  << delay << "ms";
    QTimer::singleShot(delay, this, [this, call] { start(call); });
    return true;
}

int RamClient::retryDelayMs(QNetworkReply *reply, int attempt) const
{
    // Retry-After in seconds wins; otherwise exponential backoff with jitter.
    bool numeric = false;
    // In 64 bits: a Retry-After of 2,147,484 s or more would overflow an int of milliseconds.
    const qint64 retryAfter = reply->rawHeader("Retry-After").trimmed().toLongLong(&numeric);
    if (numeric && retryAfter >= 0)
        return int(std::min<qint64>(std::min<qint64>(retryAfter, INT_MAX / 1000) * 1000, m_retry.maxDelayMs));
    const int backoff = std::min(m_retry.baseDelayMs << std::min(attempt - 1, 10), m_retry.maxDelayMs);
    return backoff / 2 + int(QRandomGenerator::global()->bounded(backoff / 2 + 1));
}

void RamClient::withToken(TokenWaiter next)
{
    if (!m_token.isEmpty() && QDateTime::currentDateTimeUtc() < m_tokenExpiry) {
        next(m_token, {});
        return;
    }
    m_tokenWaiters.append(std::move(next));
    if (!m_tokenRequested) {
        m_tokenRequested = true;
        requestToken(1);
    }
}

void RamClient::requestToken(int attempt)
{
    // POST <token URL>?grant_type=client_credentials&client_id=<id>, Basic base64(id:secret).
    QUrl url(m_profile.tokenUrl);
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    query.addQueryItem(QStringLiteral("client_id"), m_profile.clientId);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Basic " + (m_profile.clientId + u':' + m_secret).toUtf8().toBase64());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setTransferTimeout(60000);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = m_networks.front().manager->post(request, QByteArray());
    connect(reply, &QNetworkReply::finished, this, [this, reply, timer, attempt] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        const QJsonObject json = QJsonDocument::fromJson(data).object();
        const QString detail = status == 0 ? reply->errorString() : (status >= 300 ? ramDetail(json) : QString());
        record("POST", reply->url(), status, timer.nsecsElapsed() / 1000, data.size(), 0, detail);

        if ((status == 429 || status >= 500 || status == 0) && attempt < m_retry.maxAttempts) {
            ++m_retries;
            QTimer::singleShot(retryDelayMs(reply, attempt), this, [this, attempt] { requestToken(attempt + 1); });
            return;
        }
        m_tokenRequested = false;
        const QString token = json.value(u"access_token").toString();
        if (status != 200 || token.isEmpty()) {
            finishTokenWaiters(
                {}, failure(status, status == 0
                                        ? tr("Cannot reach %1: %2").arg(m_profile.tokenUrl, reply->errorString())
                                        : tr("The token request failed (HTTP %1): %2")
                                              .arg(status)
                                              .arg(detail.isEmpty() ? tr("no access_token in the answer") : detail)));
            return;
        }
        // expires_in comes as a string ("3599") in the documented example, or as a number.
        const QJsonValue expiresIn = json.value(u"expires_in");
        const int seconds = expiresIn.isString() ? expiresIn.toString().toInt() : expiresIn.toInt(3600);
        m_token = token;
        m_tokenScope = json.value(u"scope").toString();
        m_tokenExpiry = QDateTime::currentDateTimeUtc().addSecs(std::max(0, seconds - TokenMarginSeconds));
        finishTokenWaiters(token, {});
    });
}

void RamClient::finishTokenWaiters(const QString &token, const std::optional<Error> &error)
{
    const auto waiters = std::exchange(m_tokenWaiters, {});
    for (const auto &waiter : waiters)
        waiter(token, error);
}

void RamClient::record(const QByteArray &method, const QUrl &url, int status, qint64 latencyUs, qint64 bytesIn,
                       qint64 bytesOut, const QString &detail)
{
    SyncEvent event;
    event.at = QDateTime::currentDateTimeUtc();
    event.direction = SyncDirection::Outbound;
    event.profile = m_profile.name;
    event.method = QString::fromLatin1(method);
    event.path = SyncLog::redactQuery(url.toString(QUrl::RemoveUserInfo | QUrl::PrettyDecoded));
    event.status = status;
    event.detail = detail.left(1000);
    event.latencyUs = latencyUs;
    event.bytesIn = bytesIn;
    event.bytesOut = bytesOut;
    m_events.append(event);
    if (m_log)
        m_log->append({event});
}

} // namespace ScimConsole::Core
