#include "domain/model.hpp"

#include <array>

namespace meldroute::domain {

namespace {

struct RoleName {
    Role role;
    std::string_view code;
    std::string_view label;
};

constexpr std::array kRoleNames{
    RoleName{Role::kMelder, "melder", "Melder"},
    RoleName{Role::kAandachtfunctionaris, "aandachtfunctionaris", "Aandachtfunctionaris"},
    RoleName{Role::kBeleid, "beleid", "Beleid"},
    RoleName{Role::kBeheerder, "beheerder", "Beheerder"},
    RoleName{Role::kAuditor, "auditor", "Auditor"},
};

}  // namespace

std::string_view ToString(Role role) {
    for (const auto& name : kRoleNames) {
        if (name.role == role) return name.code;
    }
    return "onbekend";
}

std::optional<Role> ParseRole(std::string_view text) {
    for (const auto& name : kRoleNames) {
        if (name.code == text) return name.role;
    }
    return std::nullopt;
}

std::string_view DutchLabel(Role role) {
    for (const auto& name : kRoleNames) {
        if (name.role == role) return name.label;
    }
    return "Onbekend";
}

const std::vector<Role>& AllRoles() {
    static const std::vector<Role> all{Role::kMelder, Role::kAandachtfunctionaris, Role::kBeleid, Role::kBeheerder,
                                       Role::kAuditor};
    return all;
}

}  // namespace meldroute::domain
