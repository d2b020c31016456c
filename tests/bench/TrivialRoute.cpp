// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// The HTTP layer's ceiling for tests/bench/run.sh: QHttpServer answering every request with one fixed SCIM User,
// no store and no SCIM rules. What our GET reaches of this is what the engine and the store cost.
//   bench_trivial_route PORT

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>

namespace {

class TrivialRoute final : public QAbstractHttpServer
{
protected:
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    bool handleRequest(const QHttpServerRequest &, QHttpServerResponder &responder) override
    {
        responder.write(body(), "application/scim+json");
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder) override
    {
        responder.write(QHttpServerResponder::StatusCode::NotFound);
    }
#else
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        makeResponder(request, socket).write(body(), "application/scim+json");
        return true;
    }
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
    }
#endif

private:
    static QByteArray body()
    {
        static const QByteArray body = QByteArrayLiteral(
            R"({"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"2819c223-7f76-453a-919d-413861904646",)"
            R"("userName":"user0000001","displayName":"Seed user0000001","name":{"givenName":"Seed",)"
            R"("familyName":"user0000001"},"emails":[{"value":"user0000001@example.com","type":"work","primary":true}],)"
            R"("active":true,"meta":{"resourceType":"User","version":"W/\"1\""}})");
        return body;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const quint16 port = argc > 1 ? quint16(QByteArray(argv[1]).toUInt()) : 18097;
    TrivialRoute server;
    auto *tcp = new QTcpServer(&server);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        qCritical("cannot listen on port %u", port);
        return 1;
    }
    server.bind(tcp);
    return app.exec();
}
