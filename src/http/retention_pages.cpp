// The pages of data-subject requests: /avg-verzoeken (inspection, AVG art. 15, with its JSON download) and the
// rectification form of a person on a signal (art. 16). The person asked about is always POSTed, never in a URL.
#include <charconv>

#include "domain/validation.hpp"
#include "http/api_support.hpp"
#include "http/page_support.hpp"

namespace meldroute::http {

namespace {

using boost::beast::http::verb;
using domain::Role;

constexpr const char* kPagePath = "/avg-verzoeken";

// "1985" → 1985; a problem named `name` otherwise (empty: nullopt, no problem).
std::optional<int> ReadYear(const Form& form, const std::string& name, std::vector<InvalidParam>& problems) {
    std::string text = domain::Trim(First(form, name).value_or(""));
    if (text.empty()) return std::nullopt;
    int year = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (error != std::errc{} || end != text.data() + text.size()) {
        problems.push_back({name, "Geef een geboortejaar van vier cijfers, bijvoorbeeld 1985."});
        return std::nullopt;
    }
    return year;
}

Json PersonFields(const Form& form, const std::map<std::string, std::string>& errors, bool search) {
    Json name = Field("name", "Naam", First(form, "name").value_or(""), errors, "text",
                      search ? "Zoals in de melding. Hoofdletters, accenten en spaties maken niet uit." : "");
    Json year = Field("birthYear", "Geboortejaar", First(form, "birthYear").value_or(""), errors, "text",
                      search ? "Vier cijfers. Op naam wordt alleen gezocht samen met het geboortejaar." : "");
    year["inputmode"] = "numeric";
    Json phone = Field("phone", "Telefoonnummer", First(form, "phone").value_or(""), errors, "tel",
                       search ? "Mag ook zonder naam." : "");
    return Json{{"name", name}, {"birthYear", year}, {"phone", phone}};
}

Result<app::InspectionExport> Inspect(app::Service& service, const app::Principal& principal, const Form& form) {
    std::vector<InvalidParam> problems;
    app::PersonQuery query{First(form, "name").value_or(""), ReadYear(form, "birthYear", problems),
                           First(form, "phone").value_or("")};
    if (!problems.empty()) return MakeError(ErrorCode::kInvalidArgument, "De invoer is niet geldig.", problems);
    return service.InspectPerson(principal, query);
}

Json ResultsModel(const app::InspectionExport& result) {
    Json signals = Json::array();
    for (const app::InspectedSignal& item : result.signals) {
        Json persons = Json::array();
        for (const domain::Person& person : item.signal.persons) {
            std::string line = person.name;
            if (person.birth_year) line += (line.empty() ? "" : ", ") + std::string{"geboren "} +
                                           std::to_string(*person.birth_year);
            if (!person.nationality.empty()) line += ", " + person.nationality;
            if (!person.phone.empty()) line += ", tel. " + person.phone;
            persons.push_back(line);
        }
        std::string recipients;
        for (const std::string& name : item.recipients) recipients += (recipients.empty() ? "" : ", ") + name;
        signals.push_back({{"id", item.signal.id},
                           {"createdAt", DutchTime(item.signal.created_at)},
                           {"persons", persons},
                           {"caseId", item.signal.case_id ? Json(*item.signal.case_id) : Json(nullptr)},
                           {"recipients", recipients.empty() ? "geen" : recipients},
                           {"retention", item.retention},
                           {"retainUntil", item.retain_until ? Json(DutchDate(item.retain_until->substr(0, 10)))
                                                             : Json(nullptr)}});
    }
    return Json{{"signals", signals}, {"count", signals.size()}, {"hasSignals", !signals.empty()}};
}

Response AvgPage(const Request& request, const app::Principal& principal, const Form& form,
                 const std::map<std::string, std::string>& errors, const std::string& detail, const Json& results,
                 unsigned status) {
    Json model = PersonFields(form, errors, true);
    model["csrf"] = principal.csrf_token;
    model["errorSummary"] = ErrorSummary(errors, detail);
    model["results"] = results;
    return RenderPage(request, &principal, "AVG-verzoeken", "avg-requests", model, status, kPagePath);
}

// The rectification form of person `position` on a signal, with its current values or the values sent.
Response RectificationPage(const Request& request, const app::Principal& principal, const domain::Signal& signal,
                           int position, const Form& sent, const std::map<std::string, std::string>& errors,
                           const std::string& detail, unsigned status) {
    Form form = sent;
    if (form.empty()) {
        const domain::Person& person = signal.persons[static_cast<std::size_t>(position)];
        form = {{"name", person.name},
                {"birthYear", person.birth_year ? std::to_string(*person.birth_year) : ""},
                {"nationality", person.nationality},
                {"phone", person.phone}};
    }
    Json model = PersonFields(form, errors, false);
    model["nationality"] = Field("nationality", "Nationaliteit", First(form, "nationality").value_or(""), errors);
    model["reason"] = Field("reason", "Reden van de rectificatie", First(form, "reason").value_or(""), errors,
                            "textarea", "Bijvoorbeeld het verzoek van de betrokkene en welk document u zag.", true);
    model["signalId"] = signal.id;
    model["position"] = position;
    model["createdAt"] = DutchTime(signal.created_at);
    model["csrf"] = principal.csrf_token;
    model["errorSummary"] = ErrorSummary(errors, detail);
    return RenderPage(request, &principal, "Gegevens corrigeren", "rectification", model, status, kPagePath);
}

std::optional<int> PositionFrom(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    int position = -1;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), position);
    if (error != std::errc{} || end != text->data() + text->size() || position < 0) return std::nullopt;
    return position;
}

}  // namespace

void RegisterRetentionPages(Router& router, std::shared_ptr<PageContext> pages) {
    router.Add(verb::get, kPagePath, [pages](Context& context) {
        return Guarded(*pages, context, {Role::kAandachtfunctionaris}, [&](const app::Principal& principal,
                                                                            const Form&) {
            return AvgPage(context.request, principal, Form{}, {}, "", nullptr, 200);
        });
    });
    router.Add(verb::post, kPagePath, [pages](Context& context) {
        return Guarded(*pages, context, {Role::kAandachtfunctionaris}, [&](const app::Principal& principal,
                                                                            const Form& form) {
            auto result = Inspect(pages->service, principal, form);
            if (!result) {
                return AvgPage(context.request, principal, form, ErrorsByField(result.error()),
                               result.error().invalid_params.empty() ? result.error().detail : "", nullptr,
                               StatusFor(result.error().code));
            }
            return AvgPage(context.request, principal, form, {}, "", ResultsModel(*result), 200);
        });
    });
    // The export itself, as a JSON file: the same search again (audited again), answered as an attachment.
    router.Add(verb::post, "/avg-verzoeken/inzage.json", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kAandachtfunctionaris}, [&](const app::Principal& principal,
                                                                            const Form& form) {
            auto result = Inspect(pages->service, principal, form);
            if (!result) {
                return AvgPage(context.request, principal, form, ErrorsByField(result.error()), result.error().detail,
                               nullptr, StatusFor(result.error().code));
            }
            Response response = JsonResponse(context.request, 200, InspectionJson(*result));
            response.set(boost::beast::http::field::content_disposition, "attachment; filename=\"inzage-avg.json\"");
            return response;
        });
    });

    auto rectification = [pages](Context& context, bool post) {
        return Guarded(*pages, context, {Role::kAandachtfunctionaris}, [&](const app::Principal& principal,
                                                                            const Form& form) {
            const std::string& signal_id = context.params[0];
            auto position = PositionFrom(post ? First(form, "position") : First(context.query, "persoon"));
            auto signal = pages->service.GetSignal(principal, signal_id);
            if (!signal || !position || *position >= static_cast<int>(signal->persons.size())) {
                return NotFoundFor(context.request, principal, "Deze persoon op deze melding bestaat niet.");
            }
            if (!post) return RectificationPage(context.request, principal, *signal, *position, Form{}, {}, "", 200);
            std::vector<InvalidParam> problems;
            app::PersonCorrection correction{First(form, "name").value_or(""), ReadYear(form, "birthYear", problems),
                                             First(form, "nationality").value_or(""), First(form, "phone").value_or("")};
            Result<domain::Signal> result =
                problems.empty()
                    ? pages->service.RectifyPerson(principal, signal_id, *position, correction,
                                                   First(form, "reason").value_or(""))
                    : Result<domain::Signal>{MakeError(ErrorCode::kInvalidArgument, "De invoer is niet geldig.", problems)};
            if (result) return Redirect(context.request, "/meldingen/" + signal_id + "#rectificaties");
            return RectificationPage(context.request, principal, *signal, *position, form, ErrorsByField(result.error()),
                                     result.error().invalid_params.empty() ? result.error().detail : "",
                                     StatusFor(result.error().code));
        });
    };
    router.Add(verb::get, "/meldingen/{}/rectificatie", [rectification](Context& context) {
        return rectification(context, false);
    });
    router.Add(verb::post, "/meldingen/{}/rectificatie", [rectification](Context& context) {
        return rectification(context, true);
    });
}

}  // namespace meldroute::http
