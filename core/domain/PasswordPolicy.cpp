// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#include "core/domain/PasswordPolicy.h"

#include "core/domain/BearerToken.h"

#include <QMutex>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QThread>

#include <argon2.h>
#include <openssl/evp.h>

#ifdef Q_OS_UNIX
#include <sys/mman.h>
#endif

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <vector>

namespace ScimConsole::Core {

Status PasswordPolicy::check(const QString &password) const
{
    if (password.size() < minLength)
        return makeError(ErrorCode::InvalidInput,
                         tr("The password is too short: at least %n character(s).", nullptr, minLength));
    if (password.size() > MaxLength)
        return makeError(ErrorCode::InvalidInput,
                         tr("The password is too long: at most %n character(s).", nullptr, MaxLength));
    const auto has = [&](auto predicate) { return std::any_of(password.cbegin(), password.cend(), predicate); };
    if (requireLowercase && !has([](QChar c) { return c.isLower(); }))
        return makeError(ErrorCode::InvalidInput, tr("The password needs a lowercase letter."));
    if (requireUppercase && !has([](QChar c) { return c.isUpper(); }))
        return makeError(ErrorCode::InvalidInput, tr("The password needs an uppercase letter."));
    if (requireDigit && !has([](QChar c) { return c.isDigit(); }))
        return makeError(ErrorCode::InvalidInput, tr("The password needs a digit."));
    if (requireSymbol && !has([](QChar c) { return !c.isLetterOrNumber() && !c.isSpace(); }))
        return makeError(ErrorCode::InvalidInput, tr("The password needs a symbol."));
    return ok();
}

Status PasswordPolicy::validate() const
{
    if (minLength < 1 || minLength > MaxLength)
        return makeError(ErrorCode::InvalidInput,
                         tr("The minimum password length must be between 1 and %1.").arg(MaxLength));
    return ok();
}

QJsonObject PasswordPolicy::toJson() const
{
    return {
        {QStringLiteral("minLength"), minLength},
        {QStringLiteral("requireLowercase"), requireLowercase},
        {QStringLiteral("requireUppercase"), requireUppercase},
        {QStringLiteral("requireDigit"), requireDigit},
        {QStringLiteral("requireSymbol"), requireSymbol},
    };
}

Result<PasswordPolicy> PasswordPolicy::fromJson(const QJsonObject &json)
{
    PasswordPolicy policy;
    policy.minLength = json.value(u"minLength").toInt(policy.minLength);
    policy.requireLowercase = json.value(u"requireLowercase").toBool(policy.requireLowercase);
    policy.requireUppercase = json.value(u"requireUppercase").toBool(policy.requireUppercase);
    policy.requireDigit = json.value(u"requireDigit").toBool(policy.requireDigit);
    policy.requireSymbol = json.value(u"requireSymbol").toBool(policy.requireSymbol);
    if (const Status valid = policy.validate(); !valid)
        return valid.error();
    return policy;
}

namespace {
// OpenSSL's PBKDF2, for the hashes earlier versions wrote.
QByteArray deriveKey(const QString &password, const QByteArray &salt, int iterations)
{
    const QByteArray utf8 = password.toUtf8();
    QByteArray key(PasswordHash::KeyBytes, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(utf8.constData(), int(utf8.size()), reinterpret_cast<const unsigned char *>(salt.constData()),
                          int(salt.size()), iterations, EVP_sha256(), int(key.size()),
                          reinterpret_cast<unsigned char *>(key.data()))
        != 1) {
        return {};
    }
    return key;
}

// The memory Argon2id works in: 19 MiB a hash. libargon2 mallocs it afresh for every hash; after the first free,
// glibc raises its mmap threshold and serves the next one from the calling thread's arena, which keeps it. So each
// server worker that ever hashed held 19 MiB for good, and memory grew with the worker count. Here at most one hash
// per core runs at a time, in one of as many buffers, each kept for the next hash (a burst of hashes, such as a first
// sync, faults its pages in once) and given back to the system once unused for a while (releaseIdle). Hashes beyond
// the cores would only share the cores anyway, so waiting for a buffer costs no throughput.
class HashingMemory
{
public:
    static constexpr size_t BufferBytes = size_t(PasswordHash::MemoryKiB) * 1024;

    static HashingMemory &instance()
    {
        static HashingMemory memory;
        return memory;
    }

    ~HashingMemory() { releaseIdle(std::chrono::milliseconds(0)); }

    int concurrency() const { return m_slots; }

    int buffers() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_buffers;
    }

    int releaseIdle(std::chrono::milliseconds idleFor)
    {
        const auto now = std::chrono::steady_clock::now();
        std::vector<quint8 *> released;
        {
            const QMutexLocker lock(&m_mutex);
            const auto keep = std::partition(m_idle.begin(), m_idle.end(),
                                             [&](const Idle &idle) { return now - idle.since < idleFor; });
            for (auto it = keep; it != m_idle.end(); ++it)
                released.push_back(it->buffer);
            m_idle.erase(keep, m_idle.end());
            m_buffers -= int(released.size());
        }
        for (quint8 *buffer : released)
            unmap(buffer, BufferBytes);
        return int(released.size());
    }

    // libargon2's callbacks. A hash of someone else's parameters (more memory than ours) gets memory of its own,
    // still in one of the slots.
    static int allocate(quint8 **memory, size_t bytes)
    {
        HashingMemory &self = instance();
        self.m_free.acquire();
        *memory = bytes > BufferBytes ? map(bytes) : self.takeBuffer();
        if (!*memory)
            self.m_free.release(); // libargon2 reports the failure and frees nothing
        return *memory ? ARGON2_OK : ARGON2_MEMORY_ALLOCATION_ERROR;
    }

    static void release(quint8 *memory, size_t bytes)
    {
        HashingMemory &self = instance();
        if (bytes > BufferBytes) {
            unmap(memory, bytes);
        } else {
            const QMutexLocker lock(&self.m_mutex);
            self.m_idle.push_back({memory, std::chrono::steady_clock::now()});
        }
        self.m_free.release();
    }

private:
    struct Idle
    {
        quint8 *buffer;
        std::chrono::steady_clock::time_point since;
    };

    HashingMemory()
        : m_slots(std::max(1, QThread::idealThreadCount()))
        , m_free(m_slots)
    {}

    // Mapped, not malloc'ed: so that giving a buffer back returns its pages to the system whatever malloc's
    // thresholds have become.
    static quint8 *map(size_t bytes)
    {
#ifdef Q_OS_UNIX
        void *memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return memory == MAP_FAILED ? nullptr : static_cast<quint8 *>(memory);
#else
        return static_cast<quint8 *>(std::malloc(bytes));
#endif
    }

    static void unmap(quint8 *memory, size_t bytes)
    {
#ifdef Q_OS_UNIX
        munmap(memory, bytes);
#else
        Q_UNUSED(bytes);
        std::free(memory);
#endif
    }

    quint8 *takeBuffer()
    {
        {
            const QMutexLocker lock(&m_mutex);
            if (!m_idle.empty()) { // the most recently used: its pages are the likeliest to be resident
                quint8 *buffer = m_idle.back().buffer;
                m_idle.pop_back();
                return buffer;
            }
        }
        quint8 *buffer = map(BufferBytes);
        if (buffer) {
            const QMutexLocker lock(&m_mutex);
            ++m_buffers;
        }
        return buffer;
    }

    const int m_slots;
    QSemaphore m_free;
    mutable QMutex m_mutex;
    std::vector<Idle> m_idle; // the least recently used first
    int m_buffers = 0;        // in use and idle
};

// Argon2id (version 1.3) of `password` into `key`, whose size is the key length asked for.
bool argon2id(const QByteArray &password, const QByteArray &salt, quint32 passes, quint32 memoryKiB, quint32 lanes,
              QByteArray &key)
{
    argon2_context context{};
    context.out = reinterpret_cast<uint8_t *>(key.data());
    context.outlen = uint32_t(key.size());
    // libargon2 writes to neither without ARGON2_FLAG_CLEAR_PASSWORD / _SECRET.
    context.pwd = reinterpret_cast<uint8_t *>(const_cast<char *>(password.constData()));
    context.pwdlen = uint32_t(password.size());
    context.salt = reinterpret_cast<uint8_t *>(const_cast<char *>(salt.constData()));
    context.saltlen = uint32_t(salt.size());
    context.t_cost = passes;
    context.m_cost = memoryKiB;
    context.lanes = lanes;
    context.threads = 1;
    context.version = ARGON2_VERSION_13;
    context.allocate_cbk = &HashingMemory::allocate;
    context.free_cbk = &HashingMemory::release;
    context.flags = ARGON2_DEFAULT_FLAGS;
    return argon2_ctx(&context, Argon2_id) == ARGON2_OK;
}

// Base64 without padding, as the PHC string format writes salts and keys.
QString phcBase64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::OmitTrailingEquals));
}

std::optional<QByteArray> fromPhcBase64(const QString &text)
{
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(*decoded);
}

// "m=19456,t=2,p=1" in that order, as libargon2 and we write it.
std::optional<std::array<quint32, 3>> argon2Parameters(const QString &text)
{
    const QStringList parameters = text.split(u',');
    static constexpr std::array<QStringView, 3> names{u"m=", u"t=", u"p="};
    if (parameters.size() != int(names.size()))
        return std::nullopt;
    std::array<quint32, 3> values{};
    for (size_t i = 0; i < names.size(); ++i) {
        bool numeric = false;
        values[i] = parameters[int(i)].startsWith(names[i]) ? parameters[int(i)].mid(2).toUInt(&numeric) : 0;
        if (!numeric)
            return std::nullopt;
    }
    return values;
}
} // namespace

QString PasswordHash::create(const QString &password)
{
    std::array<quint32, SaltBytes / sizeof(quint32)> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray salt(reinterpret_cast<const char *>(words.data()), SaltBytes);
    QByteArray key(KeyBytes, Qt::Uninitialized);
    if (!argon2id(password.toUtf8(), salt, Passes, MemoryKiB, 1, key))
        return {};
    return QStringLiteral("$argon2id$v=19$m=%1,t=%2,p=1$%3$%4")
        .arg(MemoryKiB)
        .arg(Passes)
        .arg(phcBase64(salt), phcBase64(key));
}

bool PasswordHash::verify(const QString &password, const QString &encoded)
{
    const QStringList parts = encoded.split(u'$');
    if (parts.size() == 6 && parts[0].isEmpty() && parts[1] == u"argon2id") {
        // "$argon2id$v=19$m=…,t=…,p=…$<salt>$<key>". Parameters beyond any we ever wrote are not ours: refused
        // rather than computed (1 GiB, 16 passes, 16 lanes at most).
        const auto parameters = argon2Parameters(parts[3]);
        const auto salt = fromPhcBase64(parts[4]);
        const auto expected = fromPhcBase64(parts[5]);
        if (parts[2] != u"v=19" || !parameters || !salt || !expected)
            return false;
        const auto [memoryKiB, passes, lanes] = *parameters;
        if (lanes < 1 || lanes > 16 || passes < 1 || passes > 16 || memoryKiB < 8 * lanes || memoryKiB > 1024 * 1024
            || salt->size() < ARGON2_MIN_SALT_LENGTH || expected->size() < ARGON2_MIN_OUTLEN || expected->size() > 64)
            return false;
        QByteArray key(expected->size(), Qt::Uninitialized);
        return argon2id(password.toUtf8(), *salt, passes, memoryKiB, lanes, key)
               && BearerToken::constantTimeEquals(key, *expected);
    }
    if (parts.size() != 4 || parts[0] != u"pbkdf2-sha256")
        return false;
    bool numeric = false;
    const int iterations = parts[1].toInt(&numeric);
    if (!numeric || iterations < 1)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[3].toLatin1());
    const QByteArray derived = deriveKey(password, salt, iterations);
    return !derived.isEmpty() && BearerToken::constantTimeEquals(derived, expected);
}

int PasswordHash::hashingSlots()
{
    return HashingMemory::instance().concurrency();
}

int PasswordHash::hashingBuffers()
{
    return HashingMemory::instance().buffers();
}

int PasswordHash::releaseIdleHashingMemory(std::chrono::milliseconds idleFor)
{
    return HashingMemory::instance().releaseIdle(idleFor);
}

bool PasswordHash::needsRehash(const QString &encoded)
{
    // "$argon2id$v=19$m=19456,t=2,p=1$…"
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 6 || parts[1] != u"argon2id")
        return true;
    const auto parameters = argon2Parameters(parts[3]); // unreadable: verify() refuses it, so it is never kept
    if (!parameters)
        return true;
    const auto [memoryKiB, passes, lanes] = *parameters;
    return memoryKiB < MemoryKiB || passes < Passes;
}

} // namespace ScimConsole::Core
