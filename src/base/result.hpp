// Result<T>: an expected value or an Error, shaped like std::expected (C++23) so it can be swapped later.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace meldroute {

//! What the caller should do next; maps one-to-one onto an HTTP status at the boundary.
enum class ErrorCode {
    kInvalidArgument,     // 400: malformed input, fix the request
    kUnprocessable,       // 422: well-formed but semantically invalid
    kUnauthenticated,     // 401: no or bad credentials
    kPermissionDenied,    // 403: this role may not
    kNotFound,            // 404: unknown, or not visible to this user
    kFailedPrecondition,  // 409: not allowed in the current state
    kStaleVersion,        // 412: the client's version (If-Match) is no longer the current one
    kTooLarge,            // 413: body over the limit
    kUnsupportedMedia,    // 415: a body in a form the route does not take
    kRateLimited,         // 429: too many attempts
    kUnavailable,         // 503: store down, retry later
    kInternal,            // 500: a bug
};

//! A field that failed validation, named as the client sent it.
struct InvalidParam {
    std::string name;
    std::string reason;
};

//! An expected failure with a human-readable detail.
struct Error {
    ErrorCode code = ErrorCode::kInternal;
    std::string detail;
    std::vector<InvalidParam> invalid_params;
};

inline Error MakeError(ErrorCode code, std::string detail, std::vector<InvalidParam> invalid_params = {}) {
    return Error{code, std::move(detail), std::move(invalid_params)};
}

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : storage_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
    Result(Error error) : storage_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool has_value() const { return storage_.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T& value() & {
        assert(has_value());
        return std::get<0>(storage_);
    }
    const T& value() const& {
        assert(has_value());
        return std::get<0>(storage_);
    }
    T&& value() && {
        assert(has_value());
        return std::get<0>(std::move(storage_));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const& {
        assert(!has_value());
        return std::get<1>(storage_);
    }
    Error&& error() && {
        assert(!has_value());
        return std::get<1>(std::move(storage_));
    }

private:
    std::variant<T, Error> storage_;
};

//! Result of an operation that yields nothing but may fail.
struct Unit {};
using Status = Result<Unit>;
inline Status Ok() { return Unit{}; }

}  // namespace meldroute

// Propagates an error to the caller, or yields the value (GCC/Clang statement expression).
#define MR_TRY(expr)                                 \
    ({                                               \
        auto&& mr_try_result_ = (expr);              \
        if (!mr_try_result_) {                       \
            return std::move(mr_try_result_).error(); \
        }                                            \
        std::move(mr_try_result_).value();           \
    })
