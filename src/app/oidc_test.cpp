// Single sign-on policy: role mapping, the provider's second factor, the URL rule, the options checked together.
// The use case (account linking) is tested in service_test.cpp.
#include "app/oidc.hpp"

#include <gtest/gtest.h>


namespace meldroute::app {
namespace {

using domain::Role;

}  // namespace

OidcConfig TestOidcConfig() {
    OidcConfig config;
    config.issuer = "https://login.gemeente.example/realms/medewerkers";
    config.client_id = "meldroute";
    config.client_secret = "geheim";
    config.redirect_uri = "https://meldroute.gemeente.example/inloggen/gemeente-account/terug";
    config.role_map = {{"mh-af", Role::kAandachtfunctionaris}, {"mh-beleid", Role::kBeleid}};
    return config;
}

namespace {

TEST(OidcPolicy, UrlsMustBeHttpsExceptOnLoopback) {
    EXPECT_TRUE(OidcUrlAllowed("https://login.example/x"));
    EXPECT_TRUE(OidcUrlAllowed("http://127.0.0.1:9000/x"));
    EXPECT_TRUE(OidcUrlAllowed("http://[::1]:9000/x"));
    EXPECT_TRUE(OidcUrlAllowed("http://localhost/x"));
    EXPECT_FALSE(OidcUrlAllowed("http://login.example/x"));
    EXPECT_FALSE(OidcUrlAllowed("http://127.0.0.1.evil.example/x"));
    EXPECT_FALSE(OidcUrlAllowed("http://127.0.0.1./x"));
    EXPECT_FALSE(OidcUrlAllowed("http://127.1/x"));
    EXPECT_FALSE(OidcUrlAllowed("http://localhost.evil.example/x"));
    EXPECT_FALSE(OidcUrlAllowed("https://user@login.example/x"));
    EXPECT_FALSE(OidcUrlAllowed("ftp://login.example/x"));
    EXPECT_FALSE(OidcUrlAllowed("login.example"));
}

TEST(OidcPolicy, ConfigIsCheckedAsAWhole) {
    EXPECT_TRUE(ValidateOidcConfig(OidcConfig{}).has_value()) << "off is valid";
    EXPECT_TRUE(ValidateOidcConfig(TestOidcConfig()).has_value());
    auto plain = TestOidcConfig();
    plain.issuer = "http://login.gemeente.example";
    EXPECT_FALSE(ValidateOidcConfig(plain).has_value());
    auto no_secret = TestOidcConfig();
    no_secret.client_secret.clear();
    EXPECT_FALSE(ValidateOidcConfig(no_secret).has_value());
    auto other_path = TestOidcConfig();
    other_path.redirect_uri = "https://meldroute.gemeente.example/callback";
    EXPECT_FALSE(ValidateOidcConfig(other_path).has_value());
    auto no_roles = TestOidcConfig();
    no_roles.role_map.clear();
    EXPECT_FALSE(ValidateOidcConfig(no_roles).has_value());
    auto no_openid = TestOidcConfig();
    no_openid.scopes = {"profile"};
    EXPECT_FALSE(ValidateOidcConfig(no_openid).has_value());
}

TEST(OidcPolicy, RoleMappingsAreParsedStrictly) {
    auto mapping = ParseRoleMapping("cn=mh-af,ou=groepen=aandachtfunctionaris");
    ASSERT_TRUE(mapping.has_value());
    EXPECT_EQ(mapping->first, "cn=mh-af,ou=groepen");
    EXPECT_EQ(mapping->second, Role::kAandachtfunctionaris);
    EXPECT_FALSE(ParseRoleMapping("mh-af").has_value());
    EXPECT_FALSE(ParseRoleMapping("=beleid").has_value());
    EXPECT_FALSE(ParseRoleMapping("mh-af=koning").has_value());
}

TEST(OidcPolicy, OnlyMappedValuesGiveRoles) {
    const auto config = TestOidcConfig();
    EXPECT_EQ(MapRoles(config, {"medewerker", "mh-beleid", "mh-af"}),
              (std::vector<Role>{Role::kAandachtfunctionaris, Role::kBeleid}));
    EXPECT_TRUE(MapRoles(config, {"MH-AF", "medewerker"}).empty()) << "values match exactly";
    EXPECT_TRUE(MapRoles(config, {}).empty());
}

TEST(OidcPolicy, TheProvidersSecondFactorCountsWhenAssertedByAmrOrAConfiguredAcr) {
    auto config = TestOidcConfig();
    FederatedIdentity identity;
    identity.amr = {"pwd"};
    EXPECT_FALSE(IdpAssertsMfa(config, identity));
    for (const char* method : {"mfa", "otp", "hwk"}) {
        identity.amr = {"pwd", method};
        EXPECT_TRUE(IdpAssertsMfa(config, identity)) << method;
    }
    identity.amr = {"pwd"};
    identity.acr = "urn:gemeente:loa:substantieel";
    EXPECT_FALSE(IdpAssertsMfa(config, identity));
    config.mfa_acr = {"urn:gemeente:loa:substantieel"};
    EXPECT_TRUE(IdpAssertsMfa(config, identity));
}

}  // namespace
}  // namespace meldroute::app
