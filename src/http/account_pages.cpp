// The beheerder's accounts page (/beheer/accounts): every account with its roles and sign-in state, and the two
// interventions of a lost or stolen phone or laptop: ending all sessions of an account and resetting its second
// factor. The account acted on is POSTed, never put in a URL. Works without JavaScript.
#include "http/page_support.hpp"

namespace meldroute::http {

namespace {

using boost::beast::http::verb;
using domain::Role;

constexpr const char* kPagePath = "/beheer/accounts";

std::string RoleList(const std::vector<Role>& roles) {
    std::string labels;
    for (Role role : roles) labels += (labels.empty() ? "" : ", ") + std::string{domain::DutchLabel(role)};
    return labels;
}

// What the page says after an action (or when an action could not be done), above the table.
struct Notice {
    std::string kind;  // "success" or "error"
    std::string text;
};

Response AccountsPage(app::Service& service, const Request& request, const app::Principal& principal,
                      const std::optional<Notice>& notice, unsigned status) {
    auto accounts = service.ListAccounts(principal);
    if (!accounts) return ErrorPage(request, StatusFor(accounts.error().code), accounts.error().detail);
    Json rows = Json::array();
    for (const app::AccountView& account : *accounts) {
        std::string factor = account.mfa_enrolled ? "Ingesteld"
                             : account.mfa_required ? "Nog niet ingesteld (verplicht bij volgende aanmelding)"
                                                    : "Niet ingesteld";
        rows.push_back({{"username", account.username},
                        {"roles", RoleList(account.roles)},
                        {"factor", factor},
                        {"enrolled", account.mfa_enrolled},
                        {"active", account.active},
                        {"lockedUntil", account.locked_until ? DutchTime(*account.locked_until) : ""},
                        {"self", account.username == principal.username},
                        {"csrf", principal.csrf_token}});
    }
    Json model{{"accounts", rows}, {"hasAccounts", !rows.empty()}};
    if (notice) model[notice->kind] = notice->text;
    return RenderPage(request, &principal, "Accounts", "accounts", model, status, kPagePath);
}

// The answer to an action on `username`: the page with what happened, or the sign-in page when the beheerder acted
// on their own account (their session is gone).
Response AfterAction(app::Service& service, const Request& request, const app::Principal& principal,
                     const std::string& username, const Status& done, const std::string& success) {
    if (!done) return AccountsPage(service, request, principal, Notice{"error", done.error().detail},
                                   StatusFor(done.error().code));
    if (username == principal.username) return Redirect(request, "/inloggen");
    return AccountsPage(service, request, principal, Notice{"success", success}, 200);
}

}  // namespace

void RegisterAccountPages(Router& router, std::shared_ptr<PageContext> pages) {
    router.Add(verb::get, kPagePath, [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form&) {
            return AccountsPage(pages->service, context.request, principal, std::nullopt, 200);
        });
    });
    // Ending every session of an account: immediate (the user can sign in again at once).
    router.Add(verb::post, "/beheer/accounts/sessies-beeindigen", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form& form) {
            const std::string username = First(form, "username").value_or("");
            return AfterAction(pages->service, context.request, principal, username,
                               pages->service.RevokeSessions(principal, username),
                               "Alle sessies van " + username + " zijn beëindigd. Het account moet zich opnieuw "
                               "aanmelden.");
        });
    });
    // Resetting a second factor asks for confirmation first: the user must enrol again before doing anything.
    router.Add(verb::post, "/beheer/accounts/tweede-factor-herstellen", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form& form) {
            const std::string username = First(form, "username").value_or("");
            if (First(form, "bevestigd").value_or("") != "ja") {
                return RenderPage(context.request, &principal, "Tweestapsverificatie herstellen", "account-reset",
                                  {{"username", username}, {"csrf", principal.csrf_token}}, 200, kPagePath);
            }
            return AfterAction(pages->service, context.request, principal, username,
                               pages->service.ResetMfa(principal, username),
                               "De tweestapsverificatie van " + username + " is hersteld en de sessies zijn "
                               "beëindigd. Bij de volgende aanmelding stelt het account een nieuwe in.");
        });
    });
}

}  // namespace meldroute::http
