// Helpers the HTML pages share (pages.cpp, register_pages.cpp, statistics_pages.cpp): the layout with its navigation, form field
// models, the error summary, Dutch dates, and the guard that checks sign-in, role and CSRF token.
#pragma once

#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/service.hpp"
#include "http/common.hpp"
#include "http/router.hpp"
#include "http/pages.hpp"

namespace meldroute::http {

inline constexpr const char* kSessionCookie = "meldroute_sessie";

using Form = std::multimap<std::string, std::string>;

struct PageContext {
    app::Service& service;
    PageOptions options;
};

//! A Set-Cookie value: HttpOnly, `same_site` (Strict for sessions; Lax only where a cross-site navigation must
//! carry it back, the single sign-on's pre-login cookie), Secure with --secure-cookies.
std::string CookieHeader(const std::string& name, const std::string& value, const PageOptions& options,
                         int max_age_seconds, std::string_view same_site = "Strict", std::string_view path = "/");

//! The sign-in forms' one code field: a six-digit TOTP code, or else a recovery code.
struct SecondFactorInput {
    std::string otp;
    std::string recovery;
};
SecondFactorInput SecondFactorFrom(const Form& form);

//! The navigation for a principal (nullptr: a visitor), marking `current`.
Json NavFor(const app::Principal* principal, const std::string& current);

//! Renders `template_name` with `model` inside the layout.
Response RenderPage(const Request& request, const app::Principal* principal, const std::string& title,
                    const std::string& template_name, const Json& model, unsigned status = 200,
                    const std::string& current = "");

//! The errors of a use case by field name, in words that make sense away from the field.
std::map<std::string, std::string> ErrorsByField(const Error& error);

//! "persons[0].birthYear" → "persons-0-birthYear": a valid, stable HTML id.
std::string FieldId(const std::string& name);

//! The model of a form field for the field/select-field/textarea-field partials.
Json Field(const std::string& name, const std::string& label, const std::string& value,
           const std::map<std::string, std::string>& errors, const std::string& type = "text",
           const std::string& description = "", bool required = false);

Json Options(const std::vector<std::pair<std::string, std::string>>& choices, const std::string& selected,
             const std::string& placeholder = "");

//! The error summary's model, or null when there is nothing to say.
Json ErrorSummary(const std::map<std::string, std::string>& errors, const std::string& detail = "");

//! How a page names a case or signal in short ("Casus 3f9a0c21"): the last eight hex digits of its id, which are
//! random. The first eight are the time it was made (UUID version 7) and were the same for every case made
//! within the same 65 seconds.
std::string ShortId(std::string_view id);

//! "2024-04-15T09:30:00Z" → "15-04-2024 09:30" for Dutch readers.
std::string DutchTime(const std::string& time);
//! "2024-04-15" → "15-04-2024".
std::string DutchDate(const std::string& date);

std::optional<app::Principal> CurrentPrincipal(app::Service& service, const Request& request);
bool CsrfValid(const app::Principal& principal, const Form& form);
Response Forbidden(const Request& request, const app::Principal& principal);
Response NotFoundFor(const Request& request, const app::Principal& principal, const std::string& text);
Response CsrfRejected(const Request& request, const app::Principal* principal);

//! Runs `body` for a signed-in user holding one of `roles` (empty: any role); otherwise redirects or refuses.
template <typename Body>
Response Guarded(PageContext& pages, Context& context, std::initializer_list<domain::Role> roles, Body body) {
    auto principal = CurrentPrincipal(pages.service, context.request);
    if (!principal) return Redirect(context.request, "/inloggen");
    // A role that needs a second factor, signed in with a password alone, may only enrol (or sign out).
    const std::string_view target{context.request.target().data(), context.request.target().size()};
    if (principal->must_enrol && !target.starts_with("/tweestapsverificatie") && target != "/uitloggen") {
        return Redirect(context.request, "/tweestapsverificatie");
    }
    // A refused page is audited, as a refused API request is.
    const auto page_action = [&] {
        return "page " + std::string{context.request.method_string()} + " " + std::string{context.route};
    };
    if (roles.size() != 0 && !pages.service.Require(*principal, roles, page_action())) {
        return Forbidden(context.request, *principal);
    }
    if (context.request.method() == boost::beast::http::verb::post) {
        auto form = ParseUrlEncoded(context.request.body());
        if (!CsrfValid(*principal, form)) return CsrfRejected(context.request, &*principal);
        return body(*principal, form);
    }
    return body(*principal, Form{});
}

//! The officer's own work at a glance (start page and dashboard): new signals, open cases, overdue work,
//! cases waiting on a partner, feedback due to reporters, and the open cases that ask for attention.
Json WorkOverviewModel(app::Service& service, const app::Principal& principal);

//! Single sign-on with the municipality's identity provider (oidc.cpp): /inloggen/gemeente-account and its
//! callback; nothing is registered when it is not configured.
void RegisterOidcPages(Router& router, std::shared_ptr<PageContext> pages);

//! The pages of the figures (statistics_pages.cpp): /cijfers, /dashboard, /evaluatie, /jaarcijfers, downloads.
void RegisterStatisticsPages(Router& router, std::shared_ptr<PageContext> pages);

//! The pages of data-subject requests (retention_pages.cpp): /avg-verzoeken (inspection and its download) and
//! the rectification form on a signal.
void RegisterRetentionPages(Router& router, std::shared_ptr<PageContext> pages);

//! The beheerder's accounts page (account_pages.cpp): /beheer/accounts, ending sessions, resetting a second factor.
void RegisterAccountPages(Router& router, std::shared_ptr<PageContext> pages);

}  // namespace meldroute::http
