// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
// The HTTP guard's view of a request head (GuardedTcpServer): where it ends, and whether it is refused.
#include "core/server/GuardedTcpServer.h"
#include "tests/fuzz/FuzzContext.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace ScimConsole::Core;
    static const ServerLimits limits = [] {
        ServerLimits small;
        small.maxRequestLineBytes = 256;
        small.maxHeaderBytes = 1024;
        small.maxBodyBytes = 4096;
        return small;
    }();
    const QByteArray bytes = ScimConsole::Fuzz::bytes(data, size);
    const qsizetype end = GuardedTcpServer::headEnd(bytes);
    const GuardedTcpServer::HeadCheck check = GuardedTcpServer::checkHead(end < 0 ? bytes : bytes.left(end), limits);
    if (!check.refusal && check.bodyExpected > limits.maxBodyBytes)
        __builtin_trap(); // a body over the limit must have been refused
    if (check.refusal)
        (void)GuardedTcpServer::refusal(*check.refusal);
    return 0;
}
