// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The SCIM Console authors
#pragma once

#include "core/Error.h"

#include <utility>
#include <variant>

namespace ScimConsole::Core {

/// A value or an error (an Error unless said otherwise). Member names follow std::expected so that a later swap is
/// mechanical.
template <typename T, typename E = Error>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(E error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    explicit operator bool() const { return m_data.index() == 0; }
    bool has_value() const { return m_data.index() == 0; }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &std::get<0>(m_data); }
    T *operator->() { return &std::get<0>(m_data); }

    template <typename U>
    T value_or(U &&fallback) const &
    {
        return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

    const E &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, E> m_data;
};

using Status = Result<std::monostate>;

inline Status ok()
{
    return Status(std::monostate{});
}

inline Error makeError(ErrorCode code, QString message, QString detail = {})
{
    return Error{code, std::move(message), std::move(detail)};
}

} // namespace ScimConsole::Core
