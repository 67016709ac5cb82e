// Single sign-on with OpenID Connect: the authorization code flow with PKCE (S256), state and nonce held in the
// store (a sealed single-use ticket, so the way back may reach another instance) and bound to a short-lived
// pre-login cookie; the code exchanged with the client's secret; the ID token
// checked (http/jwt.cpp) before app::Service::SignInFederated decides about the account.
#include <cctype>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/crypto.hpp"
#include "base/time.hpp"
#include "http/jwt.hpp"
#include "http/outbound.hpp"
#include "http/page_support.hpp"

namespace meldroute::http {

namespace {

using boost::beast::http::verb;
using Clock = std::chrono::steady_clock;

constexpr const char* kPreLoginCookie = "meldroute_sso";
constexpr const char* kStartPath = "/inloggen/gemeente-account";
constexpr const char* kCodePath = "/inloggen/gemeente-account/code";
constexpr auto kPendingLifetime = std::chrono::minutes{10};
constexpr std::string_view kPendingTicket = "oidc-login";
constexpr auto kDiscoveryLifetime = std::chrono::hours{1};
constexpr auto kJwksMinimumRefresh = std::chrono::seconds{30};

std::string FormEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    for (unsigned char character : text) {
        if (std::isalnum(character) || character == '-' || character == '.' || character == '_' || character == '~') {
            encoded.push_back(static_cast<char>(character));
        } else {
            encoded += '%';
            encoded += kHex[character >> 4];
            encoded += kHex[character & 15];
        }
    }
    return encoded;
}

std::string Member(const Json& object, const char* name) {
    auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string{};
}

// The values of a claim that is a string or an array of strings; a dotted name walks into objects
// ("realm_access.roles").
std::vector<std::string> ClaimValues(const Json& claims, const std::string& name) {
    const Json* value = &claims;
    for (std::size_t start = 0; value != nullptr;) {
        const std::size_t dot = name.find('.', start);
        const std::string part = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        auto found = value->is_object() ? value->find(part) : value->end();
        value = value->is_object() && found != value->end() ? &*found : nullptr;
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    std::vector<std::string> values;
    if (value == nullptr) return values;
    if (value->is_string()) values.push_back(value->get<std::string>());
    if (value->is_array()) {
        for (const Json& entry : *value) {
            if (entry.is_string()) values.push_back(entry.get<std::string>());
        }
    }
    return values;
}

app::FederatedIdentity IdentityFrom(const Json& claims, const app::OidcConfig& config) {
    app::FederatedIdentity identity;
    identity.issuer = Member(claims, "iss");
    identity.subject = Member(claims, "sub");
    identity.display_name = Member(claims, "name");
    if (identity.display_name.empty()) {
        identity.display_name = Member(claims, "given_name") + " " + Member(claims, "family_name");
        if (identity.display_name == " ") identity.display_name.clear();
    }
    identity.preferred_username = Member(claims, "preferred_username");
    if (identity.preferred_username.empty()) identity.preferred_username = Member(claims, "email");
    if (identity.display_name.empty()) identity.display_name = identity.preferred_username;
    identity.role_values = ClaimValues(claims, config.role_claim);
    identity.amr = ClaimValues(claims, "amr");
    identity.acr = Member(claims, "acr");
    return identity;
}

// What the relying party remembers between the redirect to the provider and the way back.
struct Pending {
    std::string state;
    std::string nonce;
    std::string code_verifier;
    std::optional<app::FederatedIdentity> identity;  // set while the local second factor is asked
    std::string form_token;                          // for the code form
};

// The ticket's payload: the store seals it, since the verifier is a secret and the identity names a person.
std::string PendingPayload(const Pending& pending) {
    Json payload{{"state", pending.state},
                 {"nonce", pending.nonce},
                 {"codeVerifier", pending.code_verifier},
                 {"formToken", pending.form_token}};
    if (const auto& identity = pending.identity) {
        payload["identity"] = {{"issuer", identity->issuer},
                               {"subject", identity->subject},
                               {"displayName", identity->display_name},
                               {"preferredUsername", identity->preferred_username},
                               {"roleValues", identity->role_values},
                               {"amr", identity->amr},
                               {"acr", identity->acr}};
    }
    return payload.dump();
}

std::optional<Pending> PendingFrom(const std::string& text) {
    Json payload = Json::parse(text, nullptr, false);
    if (!payload.is_object()) return std::nullopt;
    Pending pending{Member(payload, "state"), Member(payload, "nonce"), Member(payload, "codeVerifier"), std::nullopt,
                    Member(payload, "formToken")};
    auto found = payload.find("identity");
    if (found != payload.end() && found->is_object()) {
        const Json& identity = *found;
        pending.identity = app::FederatedIdentity{Member(identity, "issuer"),
                                                  Member(identity, "subject"),
                                                  Member(identity, "displayName"),
                                                  Member(identity, "preferredUsername"),
                                                  ClaimValues(identity, "roleValues"),
                                                  ClaimValues(identity, "amr"),
                                                  Member(identity, "acr")};
    }
    return pending;
}

//! Remembers a new sign-in attempt in the store; returns the cookie's handle.
Result<std::string> RememberAttempt(app::Service& service, const Pending& pending) {
    std::string handle = app::RandomToken();
    MR_TRY(service.PutTicket(kPendingTicket, handle, PendingPayload(pending), kPendingLifetime));
    return handle;
}

//! Takes the attempt of `handle` out of the store (each is used once), if it has not expired.
Result<std::optional<Pending>> TakeAttempt(app::Service& service, const std::optional<std::string>& handle) {
    if (!handle) return std::optional<Pending>{};
    auto payload = MR_TRY(service.TakeTicket(kPendingTicket, *handle));
    if (!payload) return std::optional<Pending>{};
    return PendingFrom(*payload);
}

struct Discovery {
    std::string authorization_endpoint;
    std::string token_endpoint;
    std::string jwks_uri;
    Clock::time_point fetched;
};

class RelyingParty {
public:
    explicit RelyingParty(const app::OidcConfig& config) : config_(config) {}

    const app::OidcConfig& config() const { return config_; }

    Result<Discovery> GetDiscovery() {
        {
            std::lock_guard lock{mutex_};
            if (discovery_ && Clock::now() - discovery_->fetched < kDiscoveryLifetime) return *discovery_;
        }
        std::string issuer = config_.issuer;
        while (issuer.ends_with('/')) issuer.pop_back();
        auto reply = Fetch({false, issuer + "/.well-known/openid-configuration", {}, {}});
        if (!reply) return std::move(reply).error();
        Json document = Json::parse(reply->body, nullptr, false);
        if (reply->status != 200 || !document.is_object()) return Unreachable();
        Discovery found{Member(document, "authorization_endpoint"), Member(document, "token_endpoint"),
                        Member(document, "jwks_uri"), Clock::now()};
        // The document must be the configured issuer's, and every endpoint https (http on loopback only).
        if (Member(document, "issuer") != config_.issuer || !app::OidcUrlAllowed(found.authorization_endpoint) ||
            !app::OidcUrlAllowed(found.token_endpoint) || !app::OidcUrlAllowed(found.jwks_uri)) {
            return Unreachable();
        }
        std::lock_guard lock{mutex_};
        discovery_ = found;
        return found;
    }

    //! The provider's keys, fetched again when `refresh` (a kid we do not know) and not fetched very recently.
    Result<Json> GetJwks(const Discovery& discovery, bool refresh) {
        {
            std::lock_guard lock{mutex_};
            const bool fresh = Clock::now() - jwks_fetched_ < kJwksMinimumRefresh;
            if (!jwks_.is_null() && (!refresh || fresh)) return jwks_;
        }
        auto reply = Fetch({false, discovery.jwks_uri, {}, {}});
        if (!reply) return std::move(reply).error();
        Json keys = Json::parse(reply->body, nullptr, false);
        if (reply->status != 200 || !keys.is_object()) return Unreachable();
        std::lock_guard lock{mutex_};
        jwks_ = keys;
        jwks_fetched_ = Clock::now();
        return keys;
    }

    //! Exchanges the code (with the PKCE verifier and the client's secret) for the provider's ID token.
    Result<std::string> ExchangeCode(const Discovery& discovery, const std::string& code, const Pending& pending) {
        OutboundRequest request{true, discovery.token_endpoint, {{"Content-Type", "application/x-www-form-urlencoded"}}, {}};
        request.body = "grant_type=authorization_code&code=" + FormEncode(code) +
                       "&redirect_uri=" + FormEncode(config_.redirect_uri) +
                       "&code_verifier=" + FormEncode(pending.code_verifier);
        if (config_.client_secret_post) {
            request.body += "&client_id=" + FormEncode(config_.client_id) +
                            "&client_secret=" + FormEncode(config_.client_secret);
        } else {
            request.headers.emplace_back(
                "Authorization",
                "Basic " + app::Base64Encode(FormEncode(config_.client_id) + ":" + FormEncode(config_.client_secret)));
        }
        auto reply = Fetch(request);
        if (!reply) return std::move(reply).error();
        Json answer = Json::parse(reply->body, nullptr, false);
        const std::string id_token = answer.is_object() ? Member(answer, "id_token") : std::string{};
        if (reply->status != 200 || id_token.empty()) {
            return MakeError(ErrorCode::kUnauthenticated, "the provider refused the code");
        }
        return id_token;
    }

    Result<Json> ValidateToken(const Discovery& discovery, const std::string& id_token, const std::string& nonce) {
        const IdTokenExpectations expect{config_.issuer, config_.client_id, nonce,
                                         std::chrono::duration_cast<std::chrono::seconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count()};
        auto jwks = MR_TRY(GetJwks(discovery, false));
        auto claims = ValidateIdToken(id_token, jwks, expect);
        if (claims || claims.error().code != ErrorCode::kNotFound) return claims;
        // A key we have not seen: the provider may have rotated its keys.
        jwks = MR_TRY(GetJwks(discovery, true));
        return ValidateIdToken(id_token, jwks, expect);
    }

private:
    static Error Unreachable() {
        return MakeError(ErrorCode::kUnavailable, "the identity provider's answer is not usable");
    }

    app::OidcConfig config_;
    std::mutex mutex_;
    std::optional<Discovery> discovery_;
    Json jwks_;
    Clock::time_point jwks_fetched_{};
};

Response SsoMessage(const Request& request, unsigned status, const std::string& heading, const std::string& text) {
    return RenderPage(request, nullptr, heading, "message",
                      {{"heading", heading}, {"text", text}, {"back", "/inloggen"}}, status, "/inloggen");
}

Response Refused(PageContext& pages, const Request& request, const std::string& audit_reason, unsigned status,
                 const std::string& text) {
    pages.service.AuditFederatedRefusal(audit_reason);
    Response response = SsoMessage(request, status, "Inloggen met de gemeente-account is niet gelukt", text);
    response.set(boost::beast::http::field::set_cookie,
                 CookieHeader(kPreLoginCookie, "", pages.options, 0, "Lax", kStartPath));
    return response;
}

// The store could not keep or give back the attempt.
Response Unavailable(PageContext& pages, const Request& request) {
    return Refused(pages, request, "opslag onbereikbaar", 503,
                   "Inloggen is nu niet mogelijk. Probeer het over een paar minuten opnieuw.");
}

// The session cookie is SameSite=Strict, and the callback is reached from the provider's site: a browser would
// not send the cookie on a redirect in that same chain. A page of our own that moves on (Refresh header, and a
// link without it) starts a same-site navigation, which does carry it.
Response SignedIn(PageContext& pages, const Request& request, const app::NewSession& session, bool via_redirect) {
    Response response = via_redirect ? Redirect(request, "/")
                                     : RenderPage(request, nullptr, "U bent ingelogd", "message",
                                                  {{"heading", "U bent ingelogd"},
                                                   {"text", "U bent ingelogd met uw gemeente-account."},
                                                   {"back", "/"}},
                                                  200, "/inloggen");
    if (!via_redirect) response.set("Refresh", "0; url=/");
    const auto max_age = static_cast<int>(pages.service.config().absolute_lifetime.count());
    response.insert(boost::beast::http::field::set_cookie,
                    CookieHeader(kSessionCookie, session.token, pages.options, max_age));
    response.insert(boost::beast::http::field::set_cookie,
                    CookieHeader(kPreLoginCookie, "", pages.options, 0, "Lax", kStartPath));
    return response;
}

Response CodeForm(PageContext& pages, const Request& request, Pending pending, const std::string& error,
                  unsigned status) {
    pending.form_token = app::RandomToken();
    auto remembered = RememberAttempt(pages.service, pending);
    if (!remembered) return Unavailable(pages, request);
    const std::string& handle = *remembered;
    const std::string& form_token = pending.form_token;
    std::map<std::string, std::string> errors;
    if (!error.empty()) errors.emplace("otp", error);
    Json model{{"csrf", form_token},
               {"errorSummary", ErrorSummary(errors)},
               {"otp", Field("otp", "Code", "", errors, "text",
                             "De zes cijfers uit uw authenticator-app, of een van uw herstelcodes.", true)}};
    model["otp"]["autocomplete"] = "one-time-code";
    Response response = RenderPage(request, nullptr, error.empty() ? "Code voor meldroute" : "Fout: Code voor meldroute",
                                   "sso-code", model, status, "/inloggen");
    response.set(boost::beast::http::field::set_cookie,
                 CookieHeader(kPreLoginCookie, handle, pages.options,
                              static_cast<int>(std::chrono::seconds{kPendingLifetime}.count()), "Lax", kStartPath));
    return response;
}

// The outcome of SignInFederated as a page: signed in, a code to ask, or refused.
Response AfterSignIn(PageContext& pages, const Request& request, Pending pending,
                     const Result<app::NewSession>& session, bool via_redirect) {
    if (session) return SignedIn(pages, request, *session, via_redirect);
    const Error& error = session.error();
    if (!error.invalid_params.empty() && error.invalid_params.front().name == "otp") {
        return CodeForm(pages, request, std::move(pending), error.detail, via_redirect ? 401 : 200);
    }
    Response response = SsoMessage(request, StatusFor(error.code), "Inloggen met de gemeente-account is niet gelukt",
                                   error.detail);
    response.set(boost::beast::http::field::set_cookie,
                 CookieHeader(kPreLoginCookie, "", pages.options, 0, "Lax", kStartPath));
    return response;
}

}  // namespace

void RegisterOidcPages(Router& router, std::shared_ptr<PageContext> pages) {
    const app::OidcConfig& config = pages->service.config().oidc;
    if (!config.enabled()) return;
    auto party = std::make_shared<RelyingParty>(config);

    router.Add(verb::get, kStartPath, [pages, party](Context& context) {
        auto discovery = party->GetDiscovery();
        if (!discovery) {
            return Refused(*pages, context.request, "inlogdienst onbereikbaar", 503,
                           "De inlogdienst van de gemeente is nu niet bereikbaar. Probeer het later opnieuw, of log "
                           "in met uw gebruikersnaam en wachtwoord.");
        }
        Pending pending{app::RandomToken(), app::RandomToken(), app::RandomToken(), std::nullopt, {}};
        const app::OidcConfig& settings = party->config();
        std::string scope;
        for (const std::string& entry : settings.scopes) scope += (scope.empty() ? "" : " ") + entry;
        const std::string& endpoint = discovery->authorization_endpoint;
        const std::string location =
            endpoint + (endpoint.find('?') == std::string::npos ? "?" : "&") +
            "response_type=code&client_id=" + FormEncode(settings.client_id) +
            "&redirect_uri=" + FormEncode(settings.redirect_uri) + "&scope=" + FormEncode(scope) +
            "&state=" + FormEncode(pending.state) + "&nonce=" + FormEncode(pending.nonce) +
            "&code_challenge=" + app::Base64UrlEncode(app::Sha256(pending.code_verifier)) +
            "&code_challenge_method=S256";
        auto handle = RememberAttempt(pages->service, pending);
        if (!handle) return Unavailable(*pages, context.request);
        Response response = Redirect(context.request, location);
        response.set(boost::beast::http::field::set_cookie,
                     CookieHeader(kPreLoginCookie, *handle, pages->options,
                                  static_cast<int>(std::chrono::seconds{kPendingLifetime}.count()), "Lax", kStartPath));
        return response;
    });

    router.Add(verb::get, std::string{app::kOidcCallbackPath}, [pages, party](Context& context) {
        auto taken = TakeAttempt(pages->service, Cookie(context.request, kPreLoginCookie));
        if (!taken) return Unavailable(*pages, context.request);
        auto& pending = *taken;
        if (!pending || pending->identity) {
            return Refused(*pages, context.request, "inlogpoging onbekend of verlopen", 400,
                           "Deze inlogpoging is verlopen of al gebruikt. Begin opnieuw bij Inloggen.");
        }
        if (!app::ConstantTimeEquals(First(context.query, "state").value_or(""), pending->state)) {
            return Refused(*pages, context.request, "state onjuist", 400,
                           "Deze inlogpoging hoort niet bij deze browser. Begin opnieuw bij Inloggen.");
        }
        // RFC 9207: a provider that names itself must be ours (a mix-up of providers is refused).
        if (auto iss = First(context.query, "iss"); iss && *iss != party->config().issuer) {
            return Refused(*pages, context.request, "iss onjuist", 400,
                           "Deze aanmelding komt van een andere inlogdienst. Begin opnieuw bij Inloggen.");
        }
        const std::string code = First(context.query, "code").value_or("");
        if (First(context.query, "error") || code.empty() || code.size() > 2048) {
            return Refused(*pages, context.request, "afgebroken door inlogdienst", 401,
                           "De inlogdienst van de gemeente heeft het inloggen niet afgerond. Begin opnieuw bij "
                           "Inloggen.");
        }
        auto discovery = party->GetDiscovery();
        if (!discovery) {
            return Refused(*pages, context.request, "inlogdienst onbereikbaar", 503,
                           "De inlogdienst van de gemeente is nu niet bereikbaar. Probeer het later opnieuw.");
        }
        auto id_token = party->ExchangeCode(*discovery, code, *pending);
        if (!id_token) {
            return Refused(*pages, context.request, "code geweigerd door inlogdienst", 401,
                           "De inlogdienst van de gemeente heeft de aanmelding niet bevestigd. Begin opnieuw bij "
                           "Inloggen.");
        }
        auto claims = party->ValidateToken(*discovery, *id_token, pending->nonce);
        if (!claims) {
            return Refused(*pages, context.request, "ID-token ongeldig", 401,
                           "De aanmelding van de inlogdienst kon niet worden gecontroleerd. Begin opnieuw bij "
                           "Inloggen.");
        }
        pending->identity = IdentityFrom(*claims, party->config());
        auto session = pages->service.SignInFederated(*pending->identity);
        return AfterSignIn(*pages, context.request, std::move(*pending), session, false);
    });

    // The local second factor, when the role needs one and the provider did not assert one.
    router.Add(verb::post, kCodePath, [pages](Context& context) {
        auto form = ParseUrlEncoded(context.request.body());
        auto taken = TakeAttempt(pages->service, Cookie(context.request, kPreLoginCookie));
        if (!taken) return Unavailable(*pages, context.request);
        auto& pending = *taken;
        if (!pending || !pending->identity) {
            return Refused(*pages, context.request, "inlogpoging onbekend of verlopen", 400,
                           "Deze inlogpoging is verlopen. Begin opnieuw bij Inloggen.");
        }
        if (!app::ConstantTimeEquals(First(form, "csrf").value_or(""), pending->form_token)) {
            return Refused(*pages, context.request, "formulier onjuist", 403,
                           "Het formulier is verlopen. Begin opnieuw bij Inloggen.");
        }
        // The same limit per address as the password sign-in's (the account's own lockout counts wrong codes too).
        // Spent before the attempt, given back after a success.
        auto spent = pages->service.SpendRateEvent(app::kSignInFailuresByAddress, context.peer);
        if (!spent) return Unavailable(*pages, context.request);
        if (!*spent) {
            return Refused(*pages, context.request, "te veel pogingen vanaf dit adres", 429,
                           app::kSignInFailuresByAddressText);
        }
        const SecondFactorInput code = SecondFactorFrom(form);
        auto session = pages->service.SignInFederated(*pending->identity, code.otp, code.recovery);
        if (session) {
            (void)pages->service.GiveBackRateEvent(app::kSignInFailuresByAddress, context.peer, **spent);
        }
        return AfterSignIn(*pages, context.request, std::move(*pending), session, true);
    });
}

}  // namespace meldroute::http
