#include "http/page_support.hpp"

#include <algorithm>

#include "app/crypto.hpp"
#include "http/templates.hpp"

namespace meldroute::http {

namespace {

using domain::Role;

std::string RoleLabels(const app::Principal& principal) {
    std::string labels;
    for (Role role : principal.roles) {
        if (!labels.empty()) labels += ", ";
        labels += domain::DutchLabel(role);
    }
    return labels;
}

}  // namespace

std::string CookieHeader(const std::string& name, const std::string& value, const PageOptions& options,
                         int max_age_seconds, std::string_view same_site, std::string_view path) {
    std::string cookie = name + "=" + value + "; Path=" + std::string{path} + "; HttpOnly; SameSite=" +
                         std::string{same_site} + "; Max-Age=" + std::to_string(max_age_seconds);
    if (options.secure_cookies) cookie += "; Secure";
    return cookie;
}

SecondFactorInput SecondFactorFrom(const Form& form) {
    std::string code = First(form, "otp").value_or("");
    std::erase_if(code, [](char character) { return character == ' '; });
    const bool totp = code.size() == 6 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (totp) return {code, ""};
    return {"", code};
}

Json NavFor(const app::Principal* principal, const std::string& current) {
    std::vector<std::pair<std::string, std::string>> links;
    if (principal == nullptr) {
        links = {{"/", "Informatie"}, {"/melden", "Anoniem melden"}, {"/inloggen", "Inloggen"}};
    } else {
        links.emplace_back("/", "Start");
        if (principal->Has(Role::kAandachtfunctionaris)) {
            links.emplace_back("/inbox", "Inbox");
            links.emplace_back("/casussen", "Casussen");
            links.emplace_back("/zoeken", "Zoeken");
            links.emplace_back("/terugkerende-adressen", "Terugkerend");
            links.emplace_back("/avg-verzoeken", "AVG-verzoeken");
        }
        if (principal->Has(Role::kMelder) || principal->Has(Role::kAandachtfunctionaris)) {
            links.emplace_back("/meldingen/nieuw", "Nieuwe melding");
        }
        if (principal->Has(Role::kMelder)) links.emplace_back("/mijn-meldingen", "Mijn meldingen");
        if (principal->Has(Role::kBeleid) || principal->Has(Role::kAandachtfunctionaris)) {
            links.emplace_back("/cijfers", "Cijfers");
            links.emplace_back("/dashboard", "Dashboard");
            links.emplace_back("/evaluatie", "Evaluatie");
        }
        if (principal->Has(Role::kBeleid) || principal->Has(Role::kBeheerder)) {
            links.emplace_back("/jaarcijfers", "Jaarcijfers");
        }
        if (principal->Has(Role::kBeleid) || principal->Has(Role::kBeheerder)) links.emplace_back("/opleiding", "Opleiding");
        if (principal->Has(Role::kBeheerder)) links.emplace_back("/aandachtfunctionarissen", "Aandachtfunctionarissen");
        if (principal->Has(Role::kBeleid) || principal->Has(Role::kBeheerder) ||
            principal->Has(Role::kAandachtfunctionaris)) {
            links.emplace_back("/actieplan", "Actieplan");
        }
        if (principal->Has(Role::kAuditor)) links.emplace_back("/audittrail", "Audittrail");
        if (principal->Has(Role::kBeheerder)) links.emplace_back("/beheer/signalenlijst", "Signalenlijst");
        if (principal->Has(Role::kBeheerder)) links.emplace_back("/beheer/accounts", "Accounts");
    }
    Json nav = Json::array();
    for (const auto& [href, label] : links) nav.push_back({{"href", href}, {"label", label}, {"current", href == current}});
    return nav;
}

Response RenderPage(const Request& request, const app::Principal* principal, const std::string& title,
                    const std::string& template_name, const Json& model, unsigned status,
                    const std::string& current) {
    Json layout{{"title", title}, {"nav", NavFor(principal, current)}, {"content", RenderTemplate(template_name, model)}};
    if (principal != nullptr) {
        layout["user"] = {{"username", principal->username}, {"roles", RoleLabels(*principal)}};
        layout["csrf"] = principal->csrf_token;
    }
    return Html(request, status, RenderTemplate("layout", layout));
}

std::map<std::string, std::string> ErrorsByField(const Error& error) {
    // The domain says "Vul dit veld in." for any empty text; the error summary repeats the message away
    // from its field, so say which field it is.
    static const std::map<std::string, std::string> kEmptyText{
        {"purpose", "Schrijf op waarom u deze bron raadpleegt."},
        {"content", "Schrijf op wat u vond, ook als dat niets is."},
        {"rationale", "Schrijf op waarom u tot deze weging komt."},
        {"summary", "Schrijf op wat de partner heeft teruggekoppeld."},
        {"message", "Schrijf een bericht aan de melder."}};
    std::map<std::string, std::string> errors;
    for (const auto& param : error.invalid_params) {
        auto specific = kEmptyText.find(param.name);
        bool empty = param.reason == "Vul dit veld in.";
        errors.emplace(param.name, empty && specific != kEmptyText.end() ? specific->second : param.reason);
    }
    return errors;
}

std::string FieldId(const std::string& name) {
    std::string id;
    for (char character : name) {
        if (character == '[' || character == '.') {
            id.push_back('-');
        } else if (character != ']') {
            id.push_back(character);
        }
    }
    return id;
}

Json Field(const std::string& name, const std::string& label, const std::string& value,
           const std::map<std::string, std::string>& errors, const std::string& type,
           const std::string& description, bool required) {
    auto error = errors.find(name);
    std::string id = FieldId(name);
    std::string described_by;
    if (!description.empty()) described_by = id + "-omschrijving";
    if (error != errors.end()) described_by += (described_by.empty() ? "" : " ") + id + "-fout";
    return Json{{"id", id},
                {"describedBy", described_by},
                {"name", name},
                {"label", label},
                {"value", value},
                {"type", type},
                {"description", description},
                {"required", required},
                {"error", error == errors.end() ? Json(nullptr) : Json(error->second)}};
}

Json Options(const std::vector<std::pair<std::string, std::string>>& choices, const std::string& selected,
             const std::string& placeholder) {
    Json options = Json::array();
    if (!placeholder.empty()) options.push_back({{"value", ""}, {"label", placeholder}, {"selected", selected.empty()}});
    for (const auto& [value, label] : choices) {
        options.push_back({{"value", value}, {"label", label}, {"selected", value == selected}});
    }
    return options;
}

Json ErrorSummary(const std::map<std::string, std::string>& errors, const std::string& detail) {
    Json items = Json::array();
    for (const auto& [name, reason] : errors) items.push_back({{"id", FieldId(name)}, {"reason", reason}});
    if (items.empty() && detail.empty()) return nullptr;
    return Json{{"items", items}, {"hasItems", !items.empty()}, {"detail", detail}};
}

std::string ShortId(std::string_view id) { return std::string{id.size() > 8 ? id.substr(id.size() - 8) : id}; }

std::string DutchTime(const std::string& time) {
    if (time.size() < 16) return time;
    return time.substr(8, 2) + "-" + time.substr(5, 2) + "-" + time.substr(0, 4) + " " + time.substr(11, 5);
}

std::string DutchDate(const std::string& date) {
    if (date.size() < 10) return date;
    return date.substr(8, 2) + "-" + date.substr(5, 2) + "-" + date.substr(0, 4);
}

std::optional<app::Principal> CurrentPrincipal(app::Service& service, const Request& request) {
    auto token = Cookie(request, kSessionCookie);
    if (!token) return std::nullopt;
    auto principal = service.Authenticate(*token);
    if (!principal) return std::nullopt;
    return *principal;
}

bool CsrfValid(const app::Principal& principal, const Form& form) {
    auto token = First(form, "csrf");
    return token && app::ConstantTimeEquals(*token, principal.csrf_token);
}

Response Forbidden(const Request& request, const app::Principal& principal) {
    return RenderPage(request, &principal, "Geen toegang", "message",
                      {{"heading", "Geen toegang"},
                       {"text", "Uw rol geeft geen toegang tot deze pagina. Ga terug naar de startpagina."}},
                      403);
}

Response NotFoundFor(const Request& request, const app::Principal& principal, const std::string& text) {
    return RenderPage(request, &principal, "Pagina niet gevonden", "message",
                      {{"heading", "Pagina niet gevonden"}, {"text", text}}, 404);
}

Response CsrfRejected(const Request& request, const app::Principal* principal) {
    return RenderPage(request, principal, "Formulier verlopen", "message",
                      {{"heading", "Het formulier is verlopen"},
                       {"text", "Om uw gegevens te beschermen is dit formulier niet verwerkt. Laad de pagina "
                                "opnieuw en probeer het nog eens."}},
                      403);
}

Json WorkOverviewModel(app::Service& service, const app::Principal& principal) {
    auto inbox = service.ListSignals(principal, std::string{"gemeld"}, {std::to_string(app::kMaxSignalPage), std::nullopt},
                                     app::SignalDetail::kSummary);
    auto cases = service.ListCases(principal);
    int overdue = 0, waiting = 0, open = 0, feedback_due = 0;
    Json attention = Json::array();
    if (cases) {
        for (const auto& item : *cases) {
            const auto& summary = item.summary;
            if (summary.header.status == domain::CaseStatus::kAfgesloten) continue;
            ++open;
            bool late = !item.overdue_reasons.empty();
            bool is_waiting = summary.referrals_without_feedback > 0;
            bool reporter_due = summary.has_reachable_reporter && !summary.has_reporter_feedback;
            overdue += late ? 1 : 0;
            waiting += is_waiting ? 1 : 0;
            feedback_due += reporter_due ? 1 : 0;
            if (!late && !is_waiting && !reporter_due) continue;
            std::string why;
            for (const auto& reason : item.overdue_reasons) why += (why.empty() ? "" : " ") + reason;
            if (why.empty() && is_waiting) why = "Wacht op terugkoppeling van een partner.";
            if (why.empty()) why = "Terugkoppeling aan de melder nog te geven.";
            attention.push_back({{"id", summary.header.id},
                                 {"shortId", ShortId(summary.header.id)},
                                 {"statusLabel", std::string{domain::DutchLabel(summary.header.status)}},
                                 {"due", item.next_deadline.value_or("—")},
                                 {"overdue", late},
                                 {"why", why}});
        }
    }
    return Json{{"newSignals", inbox ? std::to_string(inbox->signals.size()) : "?"},
                {"openCases", std::to_string(open)},
                {"overdueCases", std::to_string(overdue)},
                {"waitingCases", std::to_string(waiting)},
                {"reporterFeedbackDue", std::to_string(feedback_due)},
                {"attention", attention},
                {"hasAttention", !attention.empty()}};
}

}  // namespace meldroute::http
