// The binding conveniences both connection layers' statements share (CRTP): a statement implements Bind for
// string_view, int64, optional text, optional int and BindNull; these forward the rest and bind whole lists.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace meldroute::store::sql {

template <typename Statement>
class Binder {
public:
    Statement& Bind(int index, const std::string& value) { return Self().Bind(index, std::string_view{value}); }
    Statement& Bind(int index, const char* value) { return Self().Bind(index, std::string_view{value}); }
    Statement& Bind(int index, int value) { return Self().Bind(index, static_cast<std::int64_t>(value)); }

    //! Binds all arguments from index 1 on.
    template <typename... Args>
    Statement& BindAll(const Args&... args) {
        int index = 0;
        (Self().Bind(++index, args), ...);
        return Self();
    }

private:
    Statement& Self() { return static_cast<Statement&>(*this); }
};

}  // namespace meldroute::store::sql
