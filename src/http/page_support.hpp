// What every page handler needs: the layout with the navigation, the signed-in user, role guards with CSRF
// checks, and the form-field models of the templates. Shared by pages.cpp and statistics_pages.cpp.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>

#include "app/service.hpp"
#include "http/common.hpp"
#include "http/pages.hpp"
#include "http/router.hpp"

namespace meldroute::http {

inline constexpr const char* kSessionCookie = "meldroute_sessie";
inline constexpr const char* kLoginCsrfCookie = "meldroute_inlog_csrf";

using Form = std::multimap<std::string, std::string>;

struct PageContext {
    app::Service& service;
    PageOptions options;
};

//! The main navigation: exactly the pages the principal's roles may open (anonymous: the public pages).
Json NavFor(const app::Principal* principal, const std::string& current);

//! A page in the layout; `current` marks the navigation entry of this page.
Response RenderPage(const Request& request, const app::Principal* principal, const std::string& title,
                    const std::string& template_name, const Json& model, unsigned status = 200,
                    const std::string& current = "");

//! "persons[0].birthYear" → "persons-0-birthYear": a valid, stable HTML id.
std::string FieldId(const std::string& name);

//! The model of templates/field.mustache.
Json Field(const std::string& name, const std::string& label, const std::string& value,
           const std::map<std::string, std::string>& errors, const std::string& type = "text",
           const std::string& description = "", bool required = false);

//! The model of templates/error-summary.mustache, or null when there is nothing to say.
Json ErrorSummary(const std::map<std::string, std::string>& errors, const std::string& detail = "");

std::optional<app::Principal> CurrentPrincipal(app::Service& service, const Request& request);
bool CsrfValid(const app::Principal& principal, const Form& form);
Response Forbidden(const Request& request, const app::Principal& principal);
Response CsrfRejected(const Request& request, const app::Principal* principal);

//! Runs `body` for a signed-in user holding one of `roles` (empty: any role); otherwise redirects or refuses.
template <typename Body>
Response Guarded(PageContext& pages, Context& context, std::initializer_list<domain::Role> roles, Body body) {
    auto principal = CurrentPrincipal(pages.service, context.request);
    if (!principal) return Redirect(context.request, "/inloggen");
    bool allowed = roles.size() == 0;
    for (domain::Role role : roles) allowed = allowed || principal->Has(role);
    if (!allowed) return Forbidden(context.request, *principal);
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

//! The pages of the figures (statistics_pages.cpp): /cijfers, /dashboard, /evaluatie, /jaarcijfers, downloads.
void RegisterStatisticsPages(Router& router, std::shared_ptr<PageContext> pages);

}  // namespace meldroute::http
