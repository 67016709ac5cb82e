#include "http/pages.hpp"

#include <zlib.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "app/crypto.hpp"
#include "base/time.hpp"
#include "domain/catalog.hpp"
#include "domain/validation.hpp"
#include "http/assets.hpp"
#include "http/qr_svg.hpp"
#include "http/page_support.hpp"
#include "http/register_pages.hpp"
#include "http/templates.hpp"

namespace meldroute::http {

namespace {

using boost::beast::http::verb;
using domain::Role;

constexpr const char* kLoginCsrfCookie = "meldroute_inlog_csrf";

// ------------------------------------------------------------------------------------------ rendering helpers

// gzip of `text` (zlib), or empty if compression fails.
std::string Gzip(const std::string& text) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string compressed(deflateBound(&stream, text.size()) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(compressed.data());
    stream.avail_out = static_cast<uInt>(compressed.size());
    int result = deflate(&stream, Z_FINISH);
    compressed.resize(stream.total_out);
    deflateEnd(&stream);
    return result == Z_STREAM_END ? compressed : std::string{};
}

std::vector<std::pair<std::string, std::string>> CodeChoices(const std::vector<domain::CodeItem>& items) {
    std::vector<std::pair<std::string, std::string>> choices;
    for (const auto& item : items) choices.emplace_back(item.code, item.name);
    return choices;
}

// The weighing's groups are linked through their first option (a link to a fieldset moves no focus).
Json AssessErrorSummary(const std::map<std::string, std::string>& errors, const std::string& detail) {
    Json summary = ErrorSummary(errors, detail);
    if (!summary.is_object()) return summary;
    for (auto& item : summary["items"]) {
        std::string id = item["id"].get<std::string>();
        if (id == "urgency") item["id"] = "urgency-acuut";
        if (id.starts_with("forms")) item["id"] = "forms-seksueel";
    }
    return summary;
}

std::string StatusLabel(const std::string& status) {
    if (status == "gemeld") return "Gemeld, nog niet opgepakt";
    if (auto parsed = domain::ParseCaseStatus(status)) return std::string{domain::DutchLabel(*parsed)};
    return status;
}

std::string Excerpt(const std::string& text, std::size_t length) {
    if (text.size() <= length) return text;
    std::size_t cut = length;
    // Do not split a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "…";
}

// ------------------------------------------------------------------------------------------ sessions and guards

// ------------------------------------------------------------------------------------------ signal form

struct SignalForm {
    domain::SignalDraft draft;
    std::map<std::string, std::string> errors;
    std::string person_birth_years[2];  // as typed, to show back when not a number
    std::vector<int> person_rows;        // the form row of each person in draft.persons
};

// Error names use the index in draft.persons ("persons[0].role"); the form shows them at the row the user
// filled in, which differs when the first row was left empty.
void ErrorsToFormRows(SignalForm& form) {
    std::map<std::string, std::string> errors;
    for (const auto& [name, reason] : form.errors) {
        std::string key = name;
        if (name.starts_with("persons[") && name.size() > 9 && name[9] == ']') {
            std::size_t index = static_cast<std::size_t>(name[8] - '0');
            if (index < form.person_rows.size()) key = "persons[" + std::to_string(form.person_rows[index]) + name.substr(9);
        }
        errors.emplace(key, reason);
    }
    form.errors = std::move(errors);
}

constexpr int kPersonRows = 2;

SignalForm ReadSignalForm(const Form& form) {
    SignalForm result;
    domain::SignalDraft& draft = result.draft;
    draft.channel = First(form, "channel").value_or("");
    draft.narrative = First(form, "narrative").value_or("");
    draft.indicator_codes = All(form, "indicatorCodes");
    auto observed_on = First(form, "observedOn").value_or("");
    if (!observed_on.empty()) draft.observed_on = observed_on;
    domain::Location location{First(form, "location.street").value_or(""),
                              First(form, "location.houseNumber").value_or(""),
                              First(form, "location.postcode").value_or(""),
                              First(form, "location.city").value_or("")};
    if (!location.street.empty() || !location.house_number.empty() || !location.postcode.empty() ||
        !location.city.empty()) {
        draft.location = location;
    }
    domain::Business business{domain::Trim(First(form, "business.kvkNumber").value_or("")),
                              First(form, "business.tradeName").value_or("")};
    if (!business.kvk_number.empty() || !business.trade_name.empty()) draft.business = business;
    for (int index = 0; index < kPersonRows; ++index) {
        std::string prefix = "persons[" + std::to_string(index) + "].";
        domain::Person person;
        person.role = First(form, prefix + "role").value_or("");
        person.name = First(form, prefix + "name").value_or("");
        person.nationality = First(form, prefix + "nationality").value_or("");
        person.phone = First(form, prefix + "phone").value_or("");
        std::string birth_year = domain::Trim(First(form, prefix + "birthYear").value_or(""));
        result.person_birth_years[index] = birth_year;
        if (!birth_year.empty()) {
            bool digits = birth_year.size() <= 4 &&
                          std::all_of(birth_year.begin(), birth_year.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (digits) {
                person.birth_year = std::stoi(birth_year);
            } else {
                result.errors[prefix + "birthYear"] = "Geef een geboortejaar met 4 cijfers.";
            }
        }
        bool empty_row = person.name.empty() && person.nationality.empty() && person.phone.empty() &&
                         birth_year.empty();
        if (empty_row && person.role.empty()) continue;
        if (person.role.empty()) person.role = "onbekend";  // lets validation name the missing role
        draft.persons.push_back(person);
        result.person_rows.push_back(index);
    }
    return result;
}

Json SignalFormModel(const SignalForm& form, const std::string& detail, const domain::Catalog& catalog) {
    const domain::SignalDraft& draft = form.draft;
    const auto& errors = form.errors;
    Json model;
    model["errorSummary"] = ErrorSummary(errors, detail);
    Json channel = Field("channel", "Hoe kwam het signaal binnen?", draft.channel, errors, "select");
    channel["options"] = Options({{"formulier", "Via dit formulier (zelf gezien of gehoord)"},
                                  {"persoonlijk", "Persoonlijk gesprek"},
                                  {"telefoon", "Telefoon"},
                                  {"email", "E-mail"}},
                                 draft.channel.empty() ? "formulier" : draft.channel);
    model["channel"] = channel;
    model["narrative"] = Field("narrative", "Wat hebt u gezien of gehoord?", draft.narrative, errors, "textarea",
                               "Beschrijf in uw eigen woorden wat u opviel: wie, wat, waar en wanneer.", true);
    model["observedOn"] = Field("observedOn", "Datum waarop u het zag (niet verplicht)",
                                draft.observed_on.value_or(""), errors, "date", "Bijvoorbeeld 15-04-2024.");
    domain::Location location = draft.location.value_or(domain::Location{});
    model["street"] = Field("location.street", "Straat", location.street, errors);
    model["houseNumber"] = Field("location.houseNumber", "Huisnummer", location.house_number, errors);
    model["postcode"] = Field("location.postcode", "Postcode", location.postcode, errors, "text", "Bijvoorbeeld 6901 AB.");
    model["city"] = Field("location.city", "Plaats", location.city, errors);
    domain::Business business = draft.business.value_or(domain::Business{});
    model["tradeName"] = Field("business.tradeName", "Naam van het bedrijf", business.trade_name, errors);
    model["kvkNumber"] = Field("business.kvkNumber", "KvK-nummer", business.kvk_number, errors, "text",
                               "8 cijfers, als u het weet.");
    Json persons = Json::array();
    for (int index = 0; index < kPersonRows; ++index) {
        domain::Person person{};
        for (std::size_t row = 0; row < form.person_rows.size() && row < draft.persons.size(); ++row) {
            if (form.person_rows[row] == index) person = draft.persons[row];
        }
        std::string prefix = "persons[" + std::to_string(index) + "].";
        Json role = Field(prefix + "role", "Rol", person.role == "onbekend" ? "" : person.role, errors, "select");
        role["options"] = Options({{"slachtoffer", "Mogelijk slachtoffer"}, {"verdachte", "Mogelijke dader"},
                                   {"overig", "Anders"}},
                                  person.role, "Kies een rol");
        persons.push_back({{"number", index + 1},
                           {"role", role},
                           {"name", Field(prefix + "name", "Naam", person.name, errors)},
                           {"birthYear", Field(prefix + "birthYear", "Geboortejaar", form.person_birth_years[index],
                                               errors, "text")},
                           {"nationality", Field(prefix + "nationality", "Nationaliteit", person.nationality, errors)},
                           {"phone", Field(prefix + "phone", "Telefoonnummer", person.phone, errors, "tel")}});
    }
    model["persons"] = persons;
    Json groups = Json::array();
    for (const auto& group : catalog.groups) {
        Json indicators = Json::array();
        for (const auto& indicator : group.indicators) {
            if (indicator.retired) continue;
            bool checked = std::find(draft.indicator_codes.begin(), draft.indicator_codes.end(), indicator.code) !=
                           draft.indicator_codes.end();
            indicators.push_back({{"code", indicator.code},
                                  {"id", "indicator-" + indicator.code},
                                  {"text", indicator.text},
                                  {"help", indicator.help},
                                  {"checked", checked}});
        }
        groups.push_back({{"title", group.title}, {"lead", group.lead}, {"indicators", indicators}});
    }
    model["groups"] = groups;
    auto indicator_error = std::find_if(errors.begin(), errors.end(),
                                        [](const auto& entry) { return entry.first.starts_with("indicatorCodes"); });
    if (indicator_error != errors.end()) model["indicatorError"] = indicator_error->second;
    return model;
}

// The ticked indicators in the words of the catalog version the signal was filed under.
Json IndicatorList(app::Service& service, const std::vector<std::string>& codes, const std::string& version) {
    auto catalog = service.CatalogVersion(version);
    Json list = Json::array();
    for (const auto& code : codes) {
        const domain::Indicator* indicator = catalog ? (*catalog)->Find(code) : nullptr;
        list.push_back({{"code", code}, {"text", indicator != nullptr ? indicator->text : "onbekend signaal"}});
    }
    return list;
}

// The words the signal form uses for a person's role.
std::string PersonRoleLabel(const std::string& role) {
    if (role == "slachtoffer") return "Mogelijk slachtoffer";
    if (role == "verdachte") return "Mogelijke dader";
    if (role == "overig") return "Anders betrokken";
    return role;
}

Json SignalModel(app::Service& service, const domain::Signal& signal) {
    Json persons = Json::array();
    for (const auto& person : signal.persons) {
        persons.push_back({{"signalId", signal.id},
                           {"position", persons.size()},
                           {"number", persons.size() + 1},
                           {"role", PersonRoleLabel(person.role)},
                           {"name", person.name},
                           {"birthYear", person.birth_year ? std::to_string(*person.birth_year) : ""},
                           {"nationality", person.nationality},
                           {"phone", person.phone}});
    }
    Json feedback = Json::array();
    for (const auto& message : signal.feedback) {
        feedback.push_back({{"message", message.message}, {"at", DutchTime(message.at)}});
    }
    Json location = nullptr;
    if (signal.location) {
        const auto& place = *signal.location;
        std::string line = place.street;
        if (!place.house_number.empty()) line += " " + place.house_number;
        std::string city_line = place.postcode;
        if (!place.city.empty()) city_line += (city_line.empty() ? "" : " ") + place.city;
        location = {{"line", line}, {"cityLine", city_line}};
    }
    static const std::map<std::string, std::string> kFieldLabels{
        {"name", "naam"}, {"birthYear", "geboortejaar"}, {"nationality", "nationaliteit"}, {"phone", "telefoonnummer"}};
    Json rectifications = Json::array();
    for (const auto& item : signal.rectifications) {
        std::string fields;
        for (const auto& field : item.fields) {
            auto label = kFieldLabels.find(field);
            fields += (fields.empty() ? "" : ", ") + (label != kFieldLabels.end() ? label->second : field);
        }
        rectifications.push_back({{"at", DutchTime(item.at)}, {"actor", item.actor}, {"number", item.position + 1},
                                  {"fields", fields}, {"reason", item.reason}});
    }
    return Json{{"id", signal.id},
                {"destroyedAt", signal.destroyed_at ? Json(DutchTime(*signal.destroyed_at)) : Json(nullptr)},
                {"rectifications", rectifications},
                {"hasRectifications", !rectifications.empty()},
                {"status", signal.status},
                {"statusLabel", StatusLabel(signal.status)},
                {"channel", signal.channel},
                {"narrative", signal.narrative},
                {"excerpt", Excerpt(signal.narrative, 140)},
                {"indicators", IndicatorList(service, signal.indicator_codes, signal.catalog_version)},
                {"catalogVersion", signal.catalog_version},
                {"indicatorCount", signal.indicator_codes.size()},
                {"observedOn", signal.observed_on ? DutchDate(*signal.observed_on) : ""},
                {"location", location},
                {"persons", persons},
                {"hasPersons", !persons.empty()},
                {"business", signal.business ? Json(signal.business->trade_name +
                                                    (signal.business->kvk_number.empty()
                                                         ? ""
                                                         : " (KvK " + signal.business->kvk_number + ")"))
                                             : Json(nullptr)},
                {"reporter", signal.reporter.empty() ? "anoniem" : signal.reporter},
                {"caseId", signal.case_id ? Json(*signal.case_id) : Json(nullptr)},
                {"inCase", signal.case_id.has_value()},
                {"createdAt", DutchTime(signal.created_at)},
                {"feedback", feedback},
                {"hasFeedback", !feedback.empty()},
                {"feedbackCount", feedback.size()}};
}

// ------------------------------------------------------------------------------------------ case page

// The case version a step form was rendered from (hidden field "version"); none when absent, so an old form
// without the field still works as before. A value that is no version matches none (the form is refused as stale).
app::Precondition FormPrecondition(const Form& form) {
    auto value = First(form, "version");
    if (!value) return {};
    return app::Precondition{ParseCaseVersion(*value).value_or(-1)};
}

struct StepForm {
    std::string action;  // which form the errors belong to
    std::map<std::string, std::string> errors;
    std::string detail;
    std::multimap<std::string, std::string> values;
    std::string referral_id;
};

const std::map<std::string, std::string> kStepSlugs{
    {"link", "koppelen"},   {"enrich", "verrijken"},          {"assess", "wegen"},
    {"refer", "doorzetten"}, {"reporterFeedback", "terugkoppelen"}, {"close", "afsluiten"},
    {"reopen", "heropenen"}};

// Prefixes the ids of the fields of one step form (and the references to them in aria-describedby and in the
// error summary's links).
void PrefixFieldIds(Json& step_model, const std::string& prefix) {
    std::set<std::string> ids;
    for (auto& [key, field] : step_model.items()) {
        if (!field.is_object() || !field.contains("id") || !field.contains("name")) continue;
        ids.insert(field["id"].get<std::string>());
        field["id"] = prefix + field["id"].get<std::string>();
        std::string described_by;
        std::string reference;
        std::istringstream references(field["describedBy"].get<std::string>());
        while (references >> reference) described_by += (described_by.empty() ? "" : " ") + prefix + reference;
        field["describedBy"] = described_by;
    }
    if (step_model.contains("errorSummary") && step_model["errorSummary"].is_object()) {
        for (auto& item : step_model["errorSummary"]["items"]) {
            if (ids.contains(item["id"].get<std::string>())) item["id"] = prefix + item["id"].get<std::string>();
        }
    }
}

// Retention on the case page: when the personal data goes, the legal hold and its form.
Json RetentionModel(const app::CaseView& view, const std::map<std::string, std::string>& errors,
                    const std::string& reason, const Json& error_summary) {
    const store::RetentionState& state = view.retention;
    Json model{{"destroyedAt", state.destroyed_at ? Json(DutchTime(*state.destroyed_at)) : Json(nullptr)},
               {"retainUntil", view.retain_until ? Json(DutchDate(view.retain_until->substr(0, 10))) : Json(nullptr)},
               {"hold", nullptr},
               {"errorSummary", error_summary},
               {"summaryLevel", "3"}};  // the error summary sits in this section (h2)
    if (state.hold) {
        model["hold"] = {{"reason", state.hold->reason}, {"setBy", state.hold->set_by},
                         {"setAt", DutchTime(state.hold->set_at)}};
    } else if (!state.destroyed_at) {
        model["reasonField"] = Field("reason", "Reden van de bewaarplicht", reason, errors, "textarea",
                                     "Bijvoorbeeld een lopend strafrechtelijk onderzoek of een bezwaarprocedure. "
                                     "Zolang de bewaarplicht geldt, wordt de casus niet vernietigd.",
                                     true);
    }
    return model;
}

Json CaseModel(app::Service& service, const app::Principal& principal, const app::CaseView& view,
               const StepForm& step) {
    const domain::CaseFile& file = view.file;
    const domain::Case& header = file.header;
    auto codes = [&](const std::string& kind) {
        auto items = service.ListCodes(principal, kind);
        return items ? *items : std::vector<domain::CodeItem>{};
    };
    auto partners = codes("partner");
    auto forums = codes("forum");
    auto sources = codes("enrichment-source");
    auto outcomes = codes("outcome");
    auto name_of = [](const std::vector<domain::CodeItem>& items, const std::string& code) {
        for (const auto& item : items) {
            if (item.code == code) return item.name;
        }
        return code;
    };
    auto value = [&](const std::string& action, const std::string& key, const std::string& fallback = "") {
        if (step.action != action) return fallback;
        return First(step.values, key).value_or(fallback);
    };
    auto errors_for = [&](const std::string& action) {
        return step.action == action ? step.errors : std::map<std::string, std::string>{};
    };

    Json model;
    model["id"] = header.id;
    model["caseId"] = header.id;
    model["shortId"] = ShortId(header.id);
    model["status"] = std::string{domain::ToString(header.status)};
    model["statusLabel"] = std::string{domain::DutchLabel(header.status)};
    model["urgency"] = header.urgency.value_or("nog niet gewogen");
    std::string forms_text;
    for (const auto& form : header.forms) forms_text += (forms_text.empty() ? "" : ", ") + form;
    model["forms"] = forms_text.empty() ? "nog niet gewogen" : forms_text;
    model["createdAt"] = DutchTime(header.created_at);
    model["outcome"] = header.outcome ? Json(name_of(outcomes, *header.outcome)) : Json(nullptr);
    model["closureNote"] = header.closure_note.value_or("");
    model["reopenCount"] = header.reopen_count;
    model["reopenedAt"] = header.reopened_at ? Json(DutchTime(*header.reopened_at)) : Json(nullptr);
    // Earlier closures of a reopened case: the current closure (if closed again) is shown above as the outcome.
    Json earlier_closures = Json::array();
    std::size_t earlier = file.closures.size() - (header.status == domain::CaseStatus::kAfgesloten ? 1 : 0);
    for (std::size_t index = 0; index < earlier && index < file.closures.size(); ++index) {
        const domain::Closure& closure = file.closures[index];
        earlier_closures.push_back({{"at", DutchTime(closure.at)},
                                    {"outcome", name_of(outcomes, closure.outcome)},
                                    {"note", closure.note.value_or("")},
                                    {"actor", closure.actor}});
    }
    model["earlierClosures"] = earlier_closures;
    model["hasEarlierClosures"] = !earlier_closures.empty();
    Json overdue = Json::array();
    for (const auto& reason : view.overdue_reasons) overdue.push_back(reason);
    model["overdue"] = overdue;
    model["isOverdue"] = !overdue.empty();

    Json signals = Json::array();
    for (const auto& signal : file.signals) signals.push_back(SignalModel(service, signal));
    model["signals"] = signals;

    Json indication = Json::array();
    for (const auto& form : view.indication.forms) {
        indication.push_back({{"form", form.form},
                              {"level", std::string{domain::ToString(form.level)}},
                              {"explanation", form.explanation}});
    }
    model["indication"] = indication;
    model["indicationNotice"] = domain::kIndicationNotice;

    Json enrichments = Json::array();
    for (const auto& item : file.enrichments) {
        enrichments.push_back({{"source", name_of(sources, item.source)},
                               {"purpose", item.purpose},
                               {"content", item.content},
                               {"at", DutchTime(item.at)},
                               {"actor", item.actor}});
    }
    model["enrichments"] = enrichments;
    model["hasEnrichments"] = !enrichments.empty();

    Json assessments = Json::array();
    for (const auto& item : file.assessments) {
        std::string item_forms;
        for (const auto& form : item.forms) item_forms += (item_forms.empty() ? "" : ", ") + form;
        assessments.push_back({{"urgency", item.urgency},
                               {"forms", item_forms},
                               {"rationale", item.rationale},
                               {"at", DutchTime(item.at)},
                               {"actor", item.actor}});
    }
    model["assessments"] = assessments;
    model["hasAssessments"] = !assessments.empty();

    bool partner_feedback_allowed =
        std::find(view.allowed_actions.begin(), view.allowed_actions.end(), domain::CaseAction::kPartnerFeedback) !=
        view.allowed_actions.end();
    Json referrals = Json::array();
    for (const auto& referral : file.referrals) {
        Json feedback = Json::array();
        for (const auto& item : referral.feedback) {
            feedback.push_back({{"summary", item.summary}, {"at", DutchTime(item.at)}, {"actor", item.actor}});
        }
        auto overdue_it = view.referral_overdue.find(referral.id);
        bool is_overdue = overdue_it != view.referral_overdue.end() && overdue_it->second;
        bool this_form = step.action == "partnerterugkoppeling" && step.referral_id == referral.id;
        auto form_errors = this_form ? step.errors : std::map<std::string, std::string>{};
        Json summary = Field("summary", "Terugkoppeling van de partner",
                             this_form ? First(step.values, "summary").value_or("") : "", form_errors, "textarea");
        summary["id"] = "summary-" + referral.id;
        summary["describedBy"] = form_errors.count("summary") ? "summary-" + referral.id + "-fout" : "";
        referrals.push_back({{"id", referral.id},
                             {"partner", name_of(partners, referral.partner)},
                             {"forum", referral.forum ? Json(name_of(forums, *referral.forum)) : Json(nullptr)},
                             {"feedbackDue", DutchDate(referral.feedback_due)},
                             {"note", referral.note.value_or("")},
                             {"at", DutchTime(referral.at)},
                             {"overdue", is_overdue},
                             {"feedback", feedback},
                             {"hasFeedback", !feedback.empty()},
                             {"canRecordFeedback", partner_feedback_allowed},
                             {"summaryField", summary},
                             {"formError", this_form ? ErrorSummary(step.errors, step.detail) : Json(nullptr)}});
    }
    model["referrals"] = referrals;
    model["hasReferrals"] = !referrals.empty();

    Json reporter_feedback = Json::array();
    for (const auto& item : file.reporter_feedback) {
        reporter_feedback.push_back({{"message", item.message}, {"at", DutchTime(item.at)}, {"actor", item.actor}});
    }
    model["reporterMessages"] = reporter_feedback;  // not "reporterFeedback": that is the step's form
    model["hasReporterFeedback"] = !reporter_feedback.empty();

    Json timeline = Json::array();
    for (const auto& entry : file.timeline) {
        std::string label = entry.action;
        if (auto action = domain::ParseCaseAction(entry.action)) label = std::string{domain::DutchLabel(*action)};
        if (entry.action == "record") label = "Vastleggen";
        if (entry.action == "hold") label = "Bewaarplicht ingesteld";
        if (entry.action == "release") label = "Bewaarplicht opgeheven";
        if (entry.action == "rectify") label = "Rectificatie";
        timeline.push_back({{"at", DutchTime(entry.at)}, {"actor", entry.actor}, {"action", label},
                            {"detail", entry.detail}});
    }
    model["timeline"] = timeline;

    Json related = Json::array();
    for (const auto& item : view.related_signals) {
        std::string matched;
        for (const auto& kind : item.matched_on) matched += (matched.empty() ? "" : ", ") + kind;
        related.push_back({{"signalId", item.signal_id},
                           {"createdAt", DutchTime(item.created_at)},
                           {"caseId", item.case_id ? Json(*item.case_id) : Json(nullptr)},
                           {"caseShortId", item.case_id ? Json(ShortId(*item.case_id)) : Json(nullptr)},
                           {"matchedOn", matched}});
    }
    model["related"] = related;
    model["hasRelated"] = !related.empty();
    model["isOfficer"] = true;  // the case page is the officer's: persons get their correction link
    model["retention"] = RetentionModel(view, errors_for("bewaarplicht"), value("bewaarplicht", "reason"),
                                        step.action == "bewaarplicht" || step.action == "bewaarplicht-opheffen"
                                            ? ErrorSummary(step.errors, step.detail)
                                            : Json(nullptr));

    // The next steps: exactly the forms the route allows now.
    Json steps = Json::object();
    for (domain::CaseAction action : view.allowed_actions) {
        switch (action) {
            case domain::CaseAction::kLinkSignal: {
                auto inbox = service.ListSignals(principal, std::string{"gemeld"},
                                                 {std::to_string(app::kMaxSignalPage), std::nullopt},
                                                 app::SignalDetail::kOverview);
                Json choices = Json::array();
                if (inbox) {
                    for (const auto& signal : inbox->signals) {
                        choices.push_back({{"value", signal.id},
                                           {"label", DutchTime(signal.created_at) + " — " + Excerpt(signal.narrative, 60)},
                                           {"selected", false}});
                    }
                }
                if (choices.empty()) break;
                Json field = Field("signalId", "Melding uit de inbox", value("koppelen", "signalId"),
                                   errors_for("koppelen"), "select");
                field["options"] = choices;
                steps["link"] = {{"field", field}, {"errorSummary", step.action == "koppelen"
                                                                        ? ErrorSummary(step.errors, step.detail)
                                                                        : Json(nullptr)}};
                break;
            }
            case domain::CaseAction::kEnrich: {
                auto errors = errors_for("verrijken");
                Json source = Field("source", "Bron", value("verrijken", "source"), errors, "select");
                source["options"] = Options(CodeChoices(sources), value("verrijken", "source"), "Kies een bron");
                steps["enrich"] = {
                    {"source", source},
                    {"purpose", Field("purpose", "Doel van de raadpleging", value("verrijken", "purpose"), errors,
                                      "text", "Waarom raadpleegt u deze bron? Dit komt in de audittrail.")},
                    {"content", Field("content", "Wat u vond", value("verrijken", "content"), errors, "textarea",
                                      "Niets gevonden? Schrijf dat op: verrijken wordt nooit stilzwijgend overgeslagen.")},
                    {"errorSummary", step.action == "verrijken" ? ErrorSummary(errors, step.detail) : Json(nullptr)}};
                break;
            }
            case domain::CaseAction::kAssess: {
                auto errors = errors_for("wegen");
                std::string urgency = value("wegen", "urgency", header.urgency.value_or(""));
                Json urgency_options = Json::array();
                for (const auto& [code, label] : std::vector<std::pair<std::string, std::string>>{
                         {"acuut", "Acuut — partnercontact vandaag"}, {"hoog", "Hoog"}, {"normaal", "Normaal"}}) {
                    urgency_options.push_back({{"value", code}, {"label", label}, {"checked", code == urgency},
                                               {"id", "urgency-" + code}});
                }
                std::vector<std::string> chosen_forms =
                    step.action == "wegen" ? All(step.values, "forms") : header.forms;
                Json form_options = Json::array();
                for (const auto& [code, label] : std::vector<std::pair<std::string, std::string>>{
                         {"seksueel", "Seksuele uitbuiting"}, {"arbeid", "Arbeidsuitbuiting"},
                         {"crimineel", "Criminele uitbuiting"}, {"orgaan", "Gedwongen orgaanverwijdering"}}) {
                    bool checked = std::find(chosen_forms.begin(), chosen_forms.end(), code) != chosen_forms.end();
                    form_options.push_back({{"value", code}, {"label", label}, {"checked", checked},
                                            {"id", "forms-" + code}});
                }
                auto urgency_error = errors.find("urgency");
                auto forms_error = std::find_if(errors.begin(), errors.end(),
                                                [](const auto& entry) { return entry.first.starts_with("forms"); });
                steps["assess"] = {
                    {"urgencyOptions", urgency_options},
                    {"urgencyError", urgency_error == errors.end() ? Json(nullptr) : Json(urgency_error->second)},
                    {"formOptions", form_options},
                    {"formsError", forms_error == errors.end() ? Json(nullptr) : Json(forms_error->second)},
                    {"rationale", Field("rationale", "Onderbouwing", value("wegen", "rationale"), errors, "textarea",
                                        "Waarom deze urgentie en deze vormen? De indicatie hierboven is een hulpmiddel.")},
                    {"errorSummary", step.action == "wegen" ? AssessErrorSummary(errors, step.detail) : Json(nullptr)}};
                break;
            }
            case domain::CaseAction::kRefer: {
                auto errors = errors_for("doorzetten");
                Json partner = Field("partner", "Partner", value("doorzetten", "partner"), errors, "select",
                                     "Moviera wordt altijd betrokken bij mogelijke slachtoffers.");
                partner["options"] = Options(CodeChoices(partners), value("doorzetten", "partner"), "Kies een partner");
                Json forum = Field("forum", "Overleg (niet verplicht)", value("doorzetten", "forum"), errors, "select");
                forum["options"] = Options(CodeChoices(forums), value("doorzetten", "forum"), "Geen overleg");
                std::string default_due = FormatDate(DayOf(Now()) + std::chrono::days{14});
                steps["refer"] = {
                    {"partner", partner},
                    {"forum", forum},
                    {"feedbackDue", Field("feedbackDue", "Terugkoppeling verwacht uiterlijk",
                                          value("doorzetten", "feedbackDue", default_due), errors, "date")},
                    {"note", Field("note", "Notitie (niet verplicht)", value("doorzetten", "note"), errors, "textarea")},
                    {"errorSummary", step.action == "doorzetten" ? ErrorSummary(errors, step.detail) : Json(nullptr)}};
                break;
            }
            case domain::CaseAction::kPartnerFeedback:
                break;  // one form per referral, rendered with the referral
            case domain::CaseAction::kReporterFeedback: {
                auto errors = errors_for("terugkoppelen");
                steps["reporterFeedback"] = {
                    {"message", Field("message", "Bericht aan de melder", value("terugkoppelen", "message"), errors,
                                      "textarea",
                                      "Elke melder van een melding in deze casus ziet dit bericht bij de eigen "
                                      "melding. Schrijf het dus voor hen allemaal, zonder naam van een melder, en "
                                      "noem geen gegevens van betrokkenen die een melder niet hoeft te weten.")},
                    {"errorSummary",
                     step.action == "terugkoppelen" ? ErrorSummary(errors, step.detail) : Json(nullptr)}};
                break;
            }
            case domain::CaseAction::kClose: {
                auto errors = errors_for("afsluiten");
                Json outcome = Field("outcome", "Uitkomst", value("afsluiten", "outcome"), errors, "select");
                outcome["options"] = Options(CodeChoices(outcomes), value("afsluiten", "outcome"), "Kies een uitkomst");
                steps["close"] = {
                    {"outcome", outcome},
                    {"note", Field("note", "Toelichting (niet verplicht)", value("afsluiten", "note"), errors,
                                   "textarea")},
                    {"errorSummary", step.action == "afsluiten" ? ErrorSummary(errors, step.detail) : Json(nullptr)}};
                break;
            }
            case domain::CaseAction::kReopen: {
                auto errors = errors_for("heropenen");
                steps["reopen"] = {
                    {"reason", Field("reason", "Reden om te heropenen", value("heropenen", "reason"), errors, "textarea",
                                     "Bijvoorbeeld een nieuwe melding over dezelfde situatie. Hoogstens " +
                                         std::to_string(domain::kMaxReopenReasonLength) +
                                         " tekens; de reden komt in de tijdlijn.")},
                    {"errorSummary", step.action == "heropenen" ? ErrorSummary(errors, step.detail) : Json(nullptr)}};
                break;
            }
        }
    }
    // Several step forms share field names (both "note"): prefix the ids with the step so each is unique.
    for (auto& [key, step_model] : steps.items()) PrefixFieldIds(step_model, kStepSlugs.at(key) + "-");
    model["steps"] = steps;
    model["hasSteps"] = !steps.empty();
    model["detailsLevel"] = "4";  // the signal details' headings sit under "Melding van …" (h3)
    model["summaryLevel"] = "4";  // an error summary sits in a step's section (h3)
    model["csrf"] = principal.csrf_token;
    model["caseVersion"] = std::to_string(view.file.header.version);
    return model;
}

Response CasePage(PageContext& pages, const Request& request, const app::Principal& principal,
                  const std::string& case_id, const StepForm& step, unsigned status) {
    auto view = pages.service.GetCase(principal, case_id);
    if (!view) {
        if (view.error().code == ErrorCode::kNotFound) return NotFoundFor(request, principal, "Deze casus bestaat niet.");
        return ErrorPage(request, StatusFor(view.error().code), view.error().detail);
    }
    Json model = CaseModel(pages.service, principal, *view, step);
    std::string title = "Casus " + ShortId(case_id);
    if (!step.action.empty()) title = "Fout: " + title;  // a step form came back with errors
    return RenderPage(request, &principal, title, "case", model, status, "/casussen");
}

}  // namespace

Response ErrorPage(const Request& request, unsigned status, const std::string& message) {
    std::string heading = status == 404 ? "Pagina niet gevonden" : status == 405 ? "Niet toegestaan"
                                                                                   : "Er ging iets mis";
    return RenderPage(request, nullptr, heading, "message", {{"heading", heading}, {"text", message}}, status);
}

void RegisterPages(Router& router, app::Service& service, PageOptions options) {
    auto pages = std::make_shared<PageContext>(PageContext{service, options});
    RegisterStatisticsPages(router, pages);
    RegisterRetentionPages(router, pages);
    RegisterAccountPages(router, pages);
    RegisterOidcPages(router, pages);

    // The stylesheet is static and holds no secrets, so it is safe to compress (dynamic pages are not
    // compressed: with a CSRF token and reflected input in one body that would invite BREACH).
    auto css = std::make_shared<const std::string>(std::string{Asset("meldroute.css").value_or("")});
    auto css_gzip = std::make_shared<const std::string>(Gzip(*css));
    router.Add(verb::get, "/assets/meldroute.css", [css, css_gzip](Context& context) {
        Response response{boost::beast::http::status::ok, context.request.version()};
        response.set(boost::beast::http::field::content_type, "text/css; charset=utf-8");
        response.set(boost::beast::http::field::vary, "Accept-Encoding");
        auto accept = context.request[boost::beast::http::field::accept_encoding];
        if (!css_gzip->empty() && std::string_view{accept.data(), accept.size()}.find("gzip") != std::string_view::npos) {
            response.set(boost::beast::http::field::content_encoding, "gzip");
            response.body() = *css_gzip;
        } else {
            response.body() = *css;
        }
        AddSecurityHeaders(response, /*cacheable=*/true);
        return response;
    });

    router.Add(verb::get, "/", [pages](Context& context) {
        auto principal = CurrentPrincipal(pages->service, context.request);
        if (!principal) {
            auto catalog = pages->service.ActiveCatalog();
            const domain::Catalog& shown = catalog ? **catalog : domain::BuiltinCatalog();
            Json groups = Json::array();
            for (const auto& group : shown.groups) {
                Json items = Json::array();
                for (const auto& indicator : group.indicators) {
                    if (!indicator.retired && items.size() < 5) items.push_back(indicator.text);
                }
                groups.push_back({{"title", group.title}, {"items", items}});
            }
            return RenderPage(context.request, nullptr, "Mensenhandel herkennen en melden", "public-home",
                              {{"groups", groups}}, 200, "/");
        }
        if (principal->must_enrol) return Redirect(context.request, "/tweestapsverificatie");
        Json model{{"username", principal->username},
                   {"isMelder", principal->Has(Role::kMelder)},
                   {"isOfficer", principal->Has(Role::kAandachtfunctionaris)},
                   {"isBeleid", principal->Has(Role::kBeleid)},
                   {"isBeheerder", principal->Has(Role::kBeheerder)},
                   {"isAuditor", principal->Has(Role::kAuditor)}};
        if (principal->Has(Role::kAandachtfunctionaris)) model.update(WorkOverviewModel(pages->service, *principal));
        if (principal->Has(Role::kBeheerder)) model["officerWarnings"] = OfficerWarnings(pages->service, *principal);
        return RenderPage(context.request, &*principal, "Start", "home", model, 200, "/");
    });

    router.Add(verb::get, "/toegankelijkheidsverklaring", [pages](Context& context) {
        auto principal = CurrentPrincipal(pages->service, context.request);
        return RenderPage(context.request, principal ? &*principal : nullptr, "Toegankelijkheidsverklaring",
                          "accessibility", Json::object());
    });

    // Sign in and out.
    auto login_page = [pages](Context& context, const std::string& username, const std::string& error,
                              unsigned status, const std::string& code_error = "") {
        std::string csrf = app::RandomToken();
        std::map<std::string, std::string> code_errors;
        if (!code_error.empty()) code_errors.emplace("otp", code_error + " Vul ook uw wachtwoord opnieuw in.");
        Json model{{"csrf", csrf},
                   {"error", error.empty() ? Json(nullptr) : Json(error)},
                   {"username", Field("username", "Gebruikersnaam", username, {})},
                   {"password", Field("password", "Wachtwoord", "", {}, "password")},
                   {"otp", Field("otp", "Code (alleen met tweestapsverificatie)", "", code_errors, "text",
                                 "De zes cijfers uit uw authenticator-app, of een van uw herstelcodes.")},
                   {"errorSummary", ErrorSummary(code_errors)},
                   {"sso", pages->service.config().oidc.enabled()}};
        model["username"]["autocomplete"] = "username";
        model["password"]["autocomplete"] = "current-password";
        model["otp"]["autocomplete"] = "one-time-code";
        if (!error.empty()) {
            model["username"]["invalid"] = true;
            model["password"]["invalid"] = true;
        }
        Response response = RenderPage(context.request, nullptr, error.empty() ? "Inloggen" : "Fout: Inloggen", "login",
                                       model, status, "/inloggen");
        response.set(boost::beast::http::field::set_cookie,
                     CookieHeader(kLoginCsrfCookie, csrf, pages->options, 3600));
        return response;
    };
    router.Add(verb::get, "/inloggen", [login_page](Context& context) { return login_page(context, "", "", 200); });

    // The residents' anonymous report (no sign-in). It stores no IP address with the report: the address is only
    // keyed-hashed by the rate limit (app::kAnonymousReportsByAddressForm). A hidden honeypot field catches simple
    // bots; a double-submit token stops other sites from posting reports in a visitor's name.
    auto anonymous_page = [pages](Context& context, const SignalForm& signal_form, const std::string& detail,
                                  unsigned status) {
        std::string csrf = app::RandomToken();
        const auto& errors = signal_form.errors;
        const domain::SignalDraft& draft = signal_form.draft;
        domain::Location location = draft.location.value_or(domain::Location{});
        Json model{{"csrf", csrf},
                   {"errorSummary", ErrorSummary(errors, detail)},
                   {"narrative", Field("narrative", "Wat hebt u gezien of gehoord?", draft.narrative, errors,
                                       "textarea", "Schrijf op wat u opviel: wat, waar en wanneer. Noem alleen wat "
                                                   "nodig is.", true)},
                   {"observedOn", Field("observedOn", "Wanneer was het? (niet verplicht)",
                                        draft.observed_on.value_or(""), errors, "date")},
                   {"street", Field("location.street", "Straat (niet verplicht)", location.street, errors)},
                   {"houseNumber", Field("location.houseNumber", "Huisnummer (niet verplicht)", location.house_number,
                                         errors)},
                   {"postcode", Field("location.postcode", "Postcode (niet verplicht)", location.postcode, errors,
                                      "text", "Bijvoorbeeld 6901 AB.")},
                   {"city", Field("location.city", "Plaats (niet verplicht)", location.city, errors)}};
        Response response = RenderPage(context.request, nullptr, errors.empty() && detail.empty()
                                                                     ? "Anoniem melden"
                                                                     : "Fout: Anoniem melden",
                                       "anonymous-form", model, status, "/melden");
        response.set(boost::beast::http::field::set_cookie,
                     CookieHeader(kLoginCsrfCookie, csrf, pages->options, 3600));
        return response;
    };
    router.Add(verb::get, "/melden", [anonymous_page](Context& context) {
        return anonymous_page(context, SignalForm{}, "", 200);
    });
    router.Add(verb::post, "/melden", [pages, anonymous_page](Context& context) {
        auto form = ParseUrlEncoded(context.request.body());
        SignalForm signal_form = ReadSignalForm(form);
        signal_form.errors.clear();
        signal_form.draft.channel.clear();
        signal_form.draft.persons.clear();
        signal_form.draft.indicator_codes.clear();
        signal_form.draft.business.reset();
        auto cookie_token = Cookie(context.request, kLoginCsrfCookie);
        auto form_token = First(form, "csrf");
        if (!cookie_token || !form_token || !app::ConstantTimeEquals(*cookie_token, *form_token)) {
            return anonymous_page(context, signal_form, "Het formulier is verlopen. Probeer het opnieuw.", 403);
        }
        if (!First(form, "website").value_or("").empty()) {
            // A bot filled in the field people cannot see: answer as if accepted, store nothing.
            return Redirect(context.request, "/melden/bedankt");
        }
        auto counted = pages->service.SpendRateEvent(app::kAnonymousReportsByAddressForm, context.peer);
        if (!counted) return ErrorPage(context.request, StatusFor(counted.error().code), counted.error().detail);
        if (!*counted) {
            return anonymous_page(context, signal_form,
                                  "U hebt al een aantal meldingen gedaan. Probeer het over een tijdje opnieuw.", 429);
        }
        auto signal = pages->service.FileAnonymousSignal(signal_form.draft);
        if (!signal) {
            signal_form.errors = ErrorsByField(signal.error());
            return anonymous_page(context, signal_form,
                                  signal.error().invalid_params.empty() ? signal.error().detail : "",
                                  StatusFor(signal.error().code));
        }
        return Redirect(context.request, "/melden/bedankt");
    });
    router.Add(verb::get, "/melden/bedankt", [](Context& context) {
        return RenderPage(context.request, nullptr, "Melding ontvangen", "message",
                          {{"heading", "Dank u wel voor uw melding"},
                           {"text", "Uw melding is ontvangen en gaat naar de aandachtfunctionaris mensenhandel van de "
                                    "gemeente. Omdat u anoniem meldt, kunnen wij u niet laten weten wat we ermee doen. "
                                    "Is iemand in direct gevaar? Bel dan 112."}},
                          200, "/melden");
    });
    router.Add(verb::post, "/inloggen", [pages, login_page](Context& context) {
        auto form = ParseUrlEncoded(context.request.body());
        auto cookie_token = Cookie(context.request, kLoginCsrfCookie);
        auto form_token = First(form, "csrf");
        std::string username = First(form, "username").value_or("");
        if (!cookie_token || !form_token || !app::ConstantTimeEquals(*cookie_token, *form_token)) {
            return login_page(context, username, "Het formulier is verlopen. Probeer het opnieuw.", 403);
        }
        const SecondFactorInput code = SecondFactorFrom(form);
        // Counted as a failure before the attempt and given back after a success, as in the API's sign-in.
        auto spent = pages->service.SpendRateEvent(app::kSignInFailuresByAddress, context.peer);
        if (!spent) return ErrorPage(context.request, StatusFor(spent.error().code), spent.error().detail);
        if (!*spent) return login_page(context, username, app::kSignInFailuresByAddressText, 429);
        auto session = pages->service.SignIn(username, First(form, "password").value_or(""), code.otp, code.recovery);
        if (!session) {
            unsigned status = StatusFor(session.error().code);
            const auto& params = session.error().invalid_params;
            if (!params.empty() && params.front().name == "otp") {
                return login_page(context, username, "", status, params.front().reason);
            }
            return login_page(context, username, session.error().detail, status);
        }
        (void)pages->service.GiveBackRateEvent(app::kSignInFailuresByAddress, context.peer, **spent);
        Response response = Redirect(context.request, "/");
        auto max_age = static_cast<int>(pages->service.config().absolute_lifetime.count());
        response.set(boost::beast::http::field::set_cookie,
                     CookieHeader(kSessionCookie, session->token, pages->options, max_age));
        return response;
    });
    router.Add(verb::post, "/uitloggen", [pages](Context& context) {
        return Guarded(*pages, context, {}, [&](const app::Principal& principal, const Form&) {
            (void)pages->service.SignOut(principal);
            Response response = Redirect(context.request, "/inloggen");
            response.set(boost::beast::http::field::set_cookie, CookieHeader(kSessionCookie, "", pages->options, 0));
            return response;
        });
    });

    // Filing a signal.
    router.Add(verb::get, "/meldingen/nieuw", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kMelder, Role::kAandachtfunctionaris},
                       [&](const app::Principal& principal, const Form&) {
                           SignalForm empty_form;
                           auto catalog = pages->service.ActiveCatalog();
                           if (!catalog) return ErrorPage(context.request, 503, catalog.error().detail);
                           Json model = SignalFormModel(empty_form, "", **catalog);
                           model["csrf"] = principal.csrf_token;
                           model["officers"] = OfficerContacts(pages->service, principal);
                           return RenderPage(context.request, &principal, "Nieuwe melding", "signal-form", model, 200,
                                             "/meldingen/nieuw");
                       });
    });
    router.Add(verb::post, "/meldingen/nieuw", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kMelder, Role::kAandachtfunctionaris},
                       [&](const app::Principal& principal, const Form& form) {
                           SignalForm signal_form = ReadSignalForm(form);
                           auto catalog = pages->service.ActiveCatalog();
                           if (!catalog) return ErrorPage(context.request, 503, catalog.error().detail);
                           if (First(form, "actie") == "controleer") {
                               // The "controleer" step: show what the narrative points to beside the checklist;
                               // the reporter ticks what fits. Nothing is stored and nothing is ticked for them.
                               signal_form.errors.clear();
                               auto suggestions = pages->service.SuggestIndicators(principal, signal_form.draft.narrative);
                               Json model = SignalFormModel(signal_form, "", **catalog);
                               Json list = Json::array();
                               if (suggestions) {
                                   for (const auto& suggestion : *suggestions) {
                                       const domain::Indicator* indicator = (*catalog)->Find(suggestion.code);
                                       list.push_back({{"code", suggestion.code},
                                                       {"text", indicator != nullptr ? indicator->text : ""},
                                                       {"evidence", suggestion.evidence}});
                                       for (auto& group : model["groups"]) {
                                           for (auto& item : group["indicators"]) {
                                               if (item["code"] == suggestion.code) item["suggested"] = true;
                                           }
                                       }
                                   }
                               }
                               model["checkedText"] = true;
                               model["suggestions"] = list;
                               model["hasSuggestions"] = !list.empty();
                               model["csrf"] = principal.csrf_token;
                               model["officers"] = OfficerContacts(pages->service, principal);
                               return RenderPage(context.request, &principal, "Nieuwe melding: controleer de signalen",
                                                 "signal-form", model, 200, "/meldingen/nieuw");
                           }
                           std::string detail;
                           if (signal_form.errors.empty()) {
                               auto signal = pages->service.FileSignal(principal, signal_form.draft);
                               if (signal) {
                                   return Redirect(context.request, "/meldingen/" + signal->id + "?ontvangen=ja");
                               }
                               signal_form.errors = ErrorsByField(signal.error());
                               ErrorsToFormRows(signal_form);
                               detail = signal.error().invalid_params.empty() ? signal.error().detail : "";
                           } else {
                               // Show every problem at once, not only the ones found while reading the form.
                               for (const auto& problem : domain::ValidateSignalDraft(signal_form.draft, DayOf(Now()),
                                                                                      false, **catalog)) {
                                   if (problem.name.starts_with("persons[")) {
                                       SignalForm mapped;
                                       mapped.person_rows = signal_form.person_rows;
                                       mapped.errors.emplace(problem.name, problem.reason);
                                       ErrorsToFormRows(mapped);
                                       signal_form.errors.insert(mapped.errors.begin(), mapped.errors.end());
                                   } else {
                                       signal_form.errors.emplace(problem.name, problem.reason);
                                   }
                               }
                           }
                           for (auto& [name, reason] : signal_form.errors) {
                               // The form offers labels, not the codes the domain message names.
                               if (name.ends_with("].role")) reason = "Kies de rol van deze persoon.";
                           }
                           Json model = SignalFormModel(signal_form, detail, **catalog);
                           model["csrf"] = principal.csrf_token;
                           model["officers"] = OfficerContacts(pages->service, principal);
                           return RenderPage(context.request, &principal, "Fout: Nieuwe melding",
                                             "signal-form", model, 400, "/meldingen/nieuw");
                       });
    });

    router.Add(verb::get, "/mijn-meldingen", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kMelder}, [&](const app::Principal& principal, const Form&) {
            auto signals = pages->service.ListSignals(principal, std::nullopt,
                                                      {std::to_string(app::kMaxSignalPage), std::nullopt},
                                                      app::SignalDetail::kOverview);
            if (!signals) return ErrorPage(context.request, StatusFor(signals.error().code), signals.error().detail);
            Json list = Json::array();
            for (const auto& signal : signals->signals) {
                if (signal.reporter == principal.username) list.push_back(SignalModel(pages->service, signal));
            }
            return RenderPage(context.request, &principal, "Mijn meldingen", "my-signals",
                              {{"signals", list}, {"hasSignals", !list.empty()}}, 200, "/mijn-meldingen");
        });
    });

    router.Add(verb::get, "/meldingen/{}", [pages](Context& context) {
        return Guarded(*pages, context, {}, [&](const app::Principal& principal, const Form&) {
            auto signal = pages->service.GetSignal(principal, context.params[0]);
            if (!signal) return NotFoundFor(context.request, principal, "Deze melding bestaat niet of is niet voor u zichtbaar.");
            Json model = SignalModel(pages->service, *signal);
            model["received"] = First(context.query, "ontvangen").has_value();
            model["detailsLevel"] = "2";  // the signal details' headings sit right under the h1
            model["isOfficer"] = principal.Has(Role::kAandachtfunctionaris);
            model["canRecord"] = principal.Has(Role::kAandachtfunctionaris) && !signal->case_id;
            model["csrf"] = principal.csrf_token;
            return RenderPage(context.request, &principal, "Melding van " + DutchTime(signal->created_at), "signal",
                              model, 200, principal.Has(Role::kMelder) ? "/mijn-meldingen" : "/inbox");
        });
    });

    // The aandachtfunctionaris's work.
    router.Add(verb::get, "/inbox", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kAandachtfunctionaris}, [&](const app::Principal& principal,
                                                                            const Form&) {
            // A page of 100 at a time, newest first; "Volgende" leads on (?voor= holds the next page's cursor, a
            // position in the order of filing), so every signal is reachable without JavaScript.
            const auto cursor = First(context.query, "voor");
            // An overview: the narrative for the excerpt, never the addresses or persons of a hundred signals.
            auto signals = pages->service.ListSignals(principal, std::string{"gemeld"}, {std::nullopt, cursor},
                                                      app::SignalDetail::kOverview);
            if (!signals) return ErrorPage(context.request, StatusFor(signals.error().code), signals.error().detail);
            Json list = Json::array();
            for (const auto& signal : signals->signals) list.push_back(SignalModel(pages->service, signal));
            return RenderPage(context.request, &principal, "Inbox", "inbox",
                              {{"signals", list},
                               {"hasSignals", !list.empty()},
                               {"count", list.size()},
                               {"laterPage", cursor.has_value()},
                               {"next", signals->next ? Json("/inbox?voor=" + *signals->next) : Json(nullptr)},
                               {"csrf", principal.csrf_token}},
                              200, "/inbox");
        });
    });

    router.Add(verb::get, "/casussen", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kAandachtfunctionaris}, [&](const app::Principal& principal,
                                                                            const Form&) {
            auto cases = pages->service.ListCases(principal);
            if (!cases) return ErrorPage(context.request, StatusFor(cases.error().code), cases.error().detail);
            Json list = Json::array();
            int overdue = 0, waiting = 0;
            for (const auto& item : *cases) {
                const auto& header = item.summary.header;
                std::string forms;
                for (const auto& form : header.forms) forms += (forms.empty() ? "" : ", ") + form;
                std::string reasons;
                for (const auto& reason : item.overdue_reasons) reasons += (reasons.empty() ? "" : " ") + reason;
                bool closed = header.status == domain::CaseStatus::kAfgesloten;
                if (!item.overdue_reasons.empty()) ++overdue;
                bool is_waiting = !closed && item.summary.referrals_without_feedback > 0;
                if (is_waiting) ++waiting;
                list.push_back({{"id", header.id},
                                {"shortId", ShortId(header.id)},
                                {"statusLabel", std::string{domain::DutchLabel(header.status)}},
                                {"reopened", header.reopen_count > 0},
                                {"urgency", header.urgency.value_or("—")},
                                {"forms", forms.empty() ? "—" : forms},
                                {"signalCount", item.summary.signal_count},
                                {"createdAt", DutchTime(header.created_at)},
                                {"nextDeadline", item.next_deadline ? DutchDate(*item.next_deadline) : "—"},
                                {"overdue", !item.overdue_reasons.empty()},
                                {"overdueReasons", reasons},
                                {"waiting", is_waiting}});
            }
            return RenderPage(context.request, &principal, "Casussen", "cases",
                              {{"cases", list}, {"hasCases", !list.empty()}, {"overdueCount", std::to_string(overdue)},
                               {"waitingCount", std::to_string(waiting)}},
                              200, "/casussen");
        });
    });

    router.Add(verb::post, "/casussen", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kAandachtfunctionaris},
                       [&](const app::Principal& principal, const Form& form) {
                           auto view = pages->service.CreateCase(principal, All(form, "signalId"));
                           if (!view) {
                               return RenderPage(context.request, &principal, "Vastleggen niet gelukt", "message",
                                                 {{"heading", "Vastleggen niet gelukt"},
                                                  {"text", view.error().detail},
                                                  {"back", "/inbox"}},
                                                 StatusFor(view.error().code), "/inbox");
                           }
                           return Redirect(context.request, "/casussen/" + view->file.header.id);
                       });
    });

    router.Add(verb::get, "/casussen/{}", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kAandachtfunctionaris}, [&](const app::Principal& principal,
                                                                            const Form&) {
            return CasePage(*pages, context.request, principal, context.params[0], StepForm{}, 200);
        });
    });

    // One POST route per step; each redirects back to the case on success, or shows the case page with the
    // errors beside that step's fields.
    // Each form carries the case version it was rendered from: a step on a case that changed meanwhile is
    // refused (412) and the page shows the new state with a message, so nobody overwrites a colleague's step.
    using StepRunner = std::function<Result<app::StepResult>(app::Service&, const app::Principal&,
                                                             const std::string& case_id, const Form& form,
                                                             const app::Precondition& precondition)>;
    auto add_step = [&router, pages](const std::string& slug, StepRunner run) {
        router.Add(verb::post, "/casussen/{}/" + slug, [pages, slug, run](Context& context) {
            return Guarded(*pages, context, {Role::kAandachtfunctionaris},
                           [&](const app::Principal& principal, const Form& form) {
                               const std::string& case_id = context.params[0];
                               auto result = run(pages->service, principal, case_id, form, FormPrecondition(form));
                               if (result) return Redirect(context.request, "/casussen/" + case_id + "#tijdlijn");
                               StepForm step{slug, ErrorsByField(result.error()), "", form,
                                             First(form, "referralId").value_or("")};
                               if (result.error().invalid_params.empty()) step.detail = result.error().detail;
                               return CasePage(*pages, context.request, principal, case_id, step,
                                               StatusFor(result.error().code));
                           });
        });
    };
    auto optional_field = [](const std::multimap<std::string, std::string>& form,
                             const std::string& key) -> std::optional<std::string> {
        auto value = First(form, key);
        if (!value || domain::Trim(*value).empty()) return std::nullopt;
        return value;
    };
    add_step("koppelen", [](app::Service& service, const app::Principal& principal, const std::string& case_id,
                            const Form& form, const app::Precondition& precondition) -> Result<app::StepResult> {
        auto view = MR_TRY(service.LinkSignal(principal, case_id, First(form, "signalId").value_or(""), precondition));
        return app::StepResult{case_id, case_id, view.file.header.status, std::nullopt, view.file.header.version};
    });
    add_step("verrijken", [](app::Service& service, const app::Principal& principal, const std::string& case_id,
                             const Form& form, const app::Precondition& precondition) {
        return service.AddEnrichment(principal, case_id, First(form, "source").value_or(""),
                                     First(form, "purpose").value_or(""), First(form, "content").value_or(""),
                                     precondition);
    });
    add_step("wegen", [](app::Service& service, const app::Principal& principal, const std::string& case_id,
                         const Form& form, const app::Precondition& precondition) {
        return service.AddAssessment(principal, case_id, First(form, "urgency").value_or(""), All(form, "forms"),
                                     First(form, "rationale").value_or(""), precondition);
    });
    add_step("doorzetten", [optional_field](app::Service& service, const app::Principal& principal,
                                            const std::string& case_id, const Form& form,
                                            const app::Precondition& precondition) {
        return service.AddReferral(principal, case_id, First(form, "partner").value_or(""),
                                   optional_field(form, "forum"), First(form, "feedbackDue").value_or(""),
                                   optional_field(form, "note"), precondition);
    });
    add_step("partnerterugkoppeling", [](app::Service& service, const app::Principal& principal,
                                         const std::string& case_id, const Form& form,
                                         const app::Precondition& precondition) -> Result<app::StepResult> {
        return service.AddPartnerFeedback(principal, First(form, "referralId").value_or(""),
                                          First(form, "summary").value_or(""), precondition, case_id);
    });
    add_step("terugkoppelen", [](app::Service& service, const app::Principal& principal, const std::string& case_id,
                                 const Form& form, const app::Precondition& precondition) {
        return service.AddReporterFeedback(principal, case_id, First(form, "message").value_or(""), precondition);
    });
    add_step("afsluiten", [optional_field](app::Service& service, const app::Principal& principal,
                                           const std::string& case_id, const Form& form,
                                           const app::Precondition& precondition) {
        return service.CloseCase(principal, case_id, First(form, "outcome").value_or(""),
                                 optional_field(form, "note"), precondition);
    });
    add_step("heropenen", [](app::Service& service, const app::Principal& principal, const std::string& case_id,
                             const Form& form, const app::Precondition& precondition) {
        return service.ReopenCase(principal, case_id, First(form, "reason").value_or(""), precondition);
    });

    // Legal hold (bewaarplicht): set with a reason, or lifted.
    auto hold_step = [](const Result<app::CaseView>& view) -> Result<app::StepResult> {
        if (!view) return view.error();
        return app::StepResult{view->file.header.id, view->file.header.id, view->file.header.status, std::nullopt};
    };
    // Not a route step, but a change of the case like one: the form's version is checked.
    add_step("bewaarplicht", [hold_step](app::Service& service, const app::Principal& principal,
                                         const std::string& case_id, const Form& form,
                                         const app::Precondition& precondition) {
        return hold_step(service.SetLegalHold(principal, case_id, First(form, "reason").value_or(""), precondition));
    });
    add_step("bewaarplicht-opheffen", [hold_step](app::Service& service, const app::Principal& principal,
                                                  const std::string& case_id, const Form&,
                                                  const app::Precondition& precondition) {
        return hold_step(service.SetLegalHold(principal, case_id, std::nullopt, precondition));
    });

    // Figures for policy staff (aggregates only).
    // Search over signals: the form is POSTed so the search words never appear in a URL or a log.
    auto search_page = [pages](Context& context, const app::Principal& principal, const Form& form, bool run) {
        domain::SignalSearch search;
        search.text = First(form, "text").value_or("");
        auto optional_value = [&form](const std::string& key) -> std::optional<std::string> {
            auto value = First(form, key);
            if (!value || value->empty()) return std::nullopt;
            return value;
        };
        search.form = optional_value("form");
        search.status = optional_value("status");
        search.urgency = optional_value("urgency");
        search.from = optional_value("from");
        search.to = optional_value("to");
        std::map<std::string, std::string> errors;
        Json results = Json::array();
        if (run) {
            auto found = pages->service.SearchSignals(principal, search);
            if (found) {
                for (const auto& signal : *found) results.push_back(SignalModel(pages->service, signal));
            } else {
                errors = ErrorsByField(found.error());
            }
        }
        Json text = Field("text", "Zoekwoorden", search.text, errors, "search",
                          "Hele woorden uit de beschrijving; alle woorden moeten voorkomen. Hoofdletters, accenten en "
                          "vervoegingen maken niet uit.");
        Json form_field = Field("form", "Vorm van uitbuiting (uit de weging)", search.form.value_or(""), errors, "select");
        form_field["options"] = Options({{"seksueel", "Seksueel"}, {"arbeid", "Arbeid"}, {"crimineel", "Crimineel"},
                                         {"orgaan", "Orgaan"}},
                                        search.form.value_or(""), "Alle vormen");
        Json status = Field("status", "Status", search.status.value_or(""), errors, "select");
        status["options"] = Options({{"gemeld", "Gemeld"}, {"vastgelegd", "Vastgelegd"}, {"verrijkt", "Verrijkt"},
                                     {"gewogen", "Gewogen"}, {"doorgezet", "Doorgezet"},
                                     {"teruggekoppeld", "Teruggekoppeld"}, {"afgesloten", "Afgesloten"}},
                                    search.status.value_or(""), "Alle statussen");
        Json urgency = Field("urgency", "Urgentie", search.urgency.value_or(""), errors, "select");
        urgency["options"] = Options({{"acuut", "Acuut"}, {"hoog", "Hoog"}, {"normaal", "Normaal"}},
                                     search.urgency.value_or(""), "Alle urgenties");
        Json model{{"csrf", principal.csrf_token},
                   {"errorSummary", ErrorSummary(errors)},
                   {"text", text},
                   {"formField", form_field},
                   {"status", status},
                   {"urgency", urgency},
                   {"from", Field("from", "Gemeld vanaf", search.from.value_or(""), errors, "date")},
                   {"to", Field("to", "Gemeld tot en met", search.to.value_or(""), errors, "date")},
                   {"searched", run && errors.empty()},
                   {"results", results},
                   {"resultCount", std::to_string(results.size())},
                   {"hasResults", !results.empty()}};
        return RenderPage(context.request, &principal, errors.empty() ? "Zoeken" : "Fout: zoeken", "search", model,
                          errors.empty() ? 200 : 400, "/zoeken");
    };
    router.Add(verb::get, "/zoeken", [pages, search_page](Context& context) {
        return Guarded(*pages, context, {Role::kAandachtfunctionaris},
                       [&](const app::Principal& principal, const Form& form) {
                           return search_page(context, principal, form, false);
                       });
    });
    router.Add(verb::post, "/zoeken", [pages, search_page](Context& context) {
        return Guarded(*pages, context, {Role::kAandachtfunctionaris},
                       [&](const app::Principal& principal, const Form& form) {
                           return search_page(context, principal, form, true);
                       });
    });

    router.Add(verb::get, "/terugkerende-adressen", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kAandachtfunctionaris}, [&](const app::Principal& principal,
                                                                            const Form&) {
            auto recurrences = pages->service.ListRecurrences(principal);
            if (!recurrences) {
                return ErrorPage(context.request, StatusFor(recurrences.error().code), recurrences.error().detail);
            }
            Json list = Json::array();
            for (const auto& item : *recurrences) {
                Json signals = Json::array();
                int number = 0;
                for (const auto& id : item.signal_ids) signals.push_back({{"id", id}, {"number", ++number}});
                list.push_back({{"kind", item.kind == "adres" ? "Adres" : "Bedrijf"},
                                {"label", item.label},
                                {"signalCount", std::to_string(item.signal_count)},
                                {"caseCount", std::to_string(item.case_count)},
                                {"signals", signals}});
            }
            return RenderPage(context.request, &principal, "Terugkerende adressen en bedrijven", "recurrences",
                              {{"items", list}, {"hasItems", !list.empty()}}, 200, "/terugkerende-adressen");
        });
    });

    router.Add(verb::get, "/audittrail", [pages](Context& context) {
        return Guarded(*pages, context, {Role::kAuditor}, [&](const app::Principal& principal, const Form&) {
            auto verification = pages->service.VerifyAudit(principal);
            auto events = pages->service.ListAuditEvents(principal, std::nullopt, std::nullopt);
            if (!verification || !events) return ErrorPage(context.request, 503, "De audittrail is niet beschikbaar.");
            Json list = Json::array();
            for (std::size_t index = 0; index < events->size() && index < 200; ++index) {
                const auto& event = (*events)[index];
                list.push_back({{"sequence", std::to_string(event.sequence)}, {"at", DutchTime(event.at)},
                                {"actor", event.actor}, {"action", event.action}, {"object", event.object},
                                {"purpose", event.purpose}, {"outcome", event.outcome}});
            }
            return RenderPage(context.request, &principal, "Audittrail", "audit",
                              {{"valid", verification->valid}, {"count", std::to_string(verification->count)},
                               {"events", list}},
                              200, "/audittrail");
        });
    });
    // The second factor: every user may enrol; the aandachtfunctionaris, beheerder and auditor must.
    auto mfa_page = [pages](Context& context, const app::Principal& principal, const std::string& code_error,
                            unsigned status) -> Response {
        auto mfa = pages->service.GetMfaStatus(principal);
        auto pending = pages->service.PendingTotpEnrolment(principal);
        if (!mfa || !pending) return ErrorPage(context.request, 503, "Tweestapsverificatie is nu niet beschikbaar.");
        std::map<std::string, std::string> errors;
        if (!code_error.empty()) errors.emplace("otp", code_error);
        Json model{{"csrf", principal.csrf_token},
                   {"enrolled", mfa->enrolled},
                   {"required", mfa->required},
                   {"mustEnrol", principal.must_enrol},
                   {"recoveryCodesLeft", std::to_string(mfa->recovery_codes_left)},
                   {"errorSummary", ErrorSummary(errors)}};
        if (*pending) {
            Json otp = Field("otp", "Code uit de app", "", errors, "text", "Zes cijfers, zonder spaties.");
            otp["autocomplete"] = "one-time-code";
            otp["inputmode"] = "numeric";
            model["pending"] = {{"qrSvg", QrSvg((*pending)->otpauth_uri, "QR-code om meldroute toe te voegen aan uw authenticator-app")},
                                {"secret", (*pending)->secret_text},
                                {"otp", otp}};
        }
        return RenderPage(context.request, &principal, errors.empty() ? "Tweestapsverificatie" : "Fout: Tweestapsverificatie",
                          "mfa", model, status, "/tweestapsverificatie");
    };
    router.Add(verb::get, "/tweestapsverificatie", [pages, mfa_page](Context& context) {
        return Guarded(*pages, context, {}, [&](const app::Principal& principal, const Form&) {
            return mfa_page(context, principal, "", 200);
        });
    });
    router.Add(verb::post, "/tweestapsverificatie", [pages](Context& context) {
        return Guarded(*pages, context, {}, [&](const app::Principal& principal, const Form&) {
            auto started = pages->service.StartTotpEnrolment(principal);
            if (!started) return ErrorPage(context.request, StatusFor(started.error().code), started.error().detail);
            return Redirect(context.request, "/tweestapsverificatie#stap-2");
        });
    });
    router.Add(verb::post, "/tweestapsverificatie/bevestigen", [pages, mfa_page](Context& context) {
        return Guarded(*pages, context, {}, [&](const app::Principal& principal, const Form& form) {
            auto codes = pages->service.ConfirmTotpEnrolment(principal, First(form, "otp").value_or(""));
            if (!codes) {
                const auto& params = codes.error().invalid_params;
                if (!params.empty()) return mfa_page(context, principal, params.front().reason, 400);
                return ErrorPage(context.request, StatusFor(codes.error().code), codes.error().detail);
            }
            Json list = Json::array();
            for (const auto& code : *codes) list.push_back(code);
            // Shown this once: the page is not cached (Cache-Control: no-store) and the codes are stored hashed.
            return RenderPage(context.request, &principal, "Tweestapsverificatie staat aan", "mfa-done",
                              {{"codes", list}}, 200, "/tweestapsverificatie");
        });
    });
    // The indicator catalog, for the beheerder: its versions, and an editor that publishes the next one.
    auto catalog_page = [pages](Context& context, const app::Principal& principal, const Form* form,
                                const std::map<std::string, std::string>& errors,
                                const std::string& detail) -> Response {
        auto catalog = pages->service.ActiveCatalog();
        auto versions = pages->service.ListCatalogVersions(principal);
        if (!catalog || !versions) return ErrorPage(context.request, 503, "De signalenlijst is nu niet beschikbaar.");
        // What the beheerder typed is shown back after an error; otherwise the version in force.
        auto typed = [&](const std::string& name, const std::string& current) {
            return form == nullptr ? current : First(*form, name).value_or("");
        };
        Json groups = Json::array();
        for (const auto& group : (*catalog)->groups) {
            Json indicators = Json::array();
            for (const auto& indicator : group.indicators) {
                Json text = Field("text-" + indicator.code, "Tekst van " + indicator.code,
                                  typed("text-" + indicator.code, indicator.text), errors);
                text["rows"] = 2;
                Json help = Field("help-" + indicator.code, "Uitleg voor de melder bij " + indicator.code,
                                  typed("help-" + indicator.code, indicator.help), errors);
                help["rows"] = 3;
                const bool retired = form == nullptr ? indicator.retired : First(*form, "retired-" + indicator.code).has_value();
                indicators.push_back({{"code", indicator.code}, {"retired", retired}, {"textField", text},
                                      {"helpField", help}});
            }
            groups.push_back({{"title", group.title}, {"indicators", indicators}});
        }
        Json category = Field("nieuw-lijst", "Lijst van het nieuwe signaal", "", errors);
        category["options"] = Options({{"algemeen", "Algemene signalen"}, {"seksueel", "Seksuele uitbuiting"},
                                       {"crimineel", "Criminele uitbuiting"}, {"arbeid", "Arbeidsuitbuiting"}},
                                      typed("nieuw-lijst", ""), "Kies een lijst");
        Json new_text = Field("nieuw-tekst", "Tekst van het nieuwe signaal", typed("nieuw-tekst", ""), errors, "text",
                              "Vult de zin aan: \"… als de persoon:\"");
        new_text["rows"] = 2;
        Json new_help = Field("nieuw-uitleg", "Uitleg voor de melder", typed("nieuw-uitleg", ""), errors);
        new_help["rows"] = 3;
        Json version_rows = Json::array();
        for (std::size_t index = 0; index < versions->size(); ++index) {
            const auto& version = (*versions)[index];
            version_rows.push_back({{"version", version.version},
                                    {"publishedAt", version.published_at.empty() ? "ingebouwd (beleid 2024)"
                                                                                 : DutchTime(version.published_at)},
                                    {"publishedBy", version.published_by.empty() ? "—" : version.published_by},
                                    {"current", index + 1 == versions->size()}});
        }
        Json model{{"current", (*catalog)->version},
                   {"basedOn", form == nullptr ? (*catalog)->version : First(*form, "basedOn").value_or("")},
                   {"versions", version_rows},
                   {"groups", groups},
                   {"newCategory", category},
                   {"newText", new_text},
                   {"newHelp", new_help},
                   {"errorSummary", ErrorSummary(errors, detail)},
                   {"csrf", principal.csrf_token}};
        if (auto published = context.query.find("gepubliceerd"); published != context.query.end() && form == nullptr) {
            model["publishedNow"] = published->second.substr(0, 20);
        }
        const unsigned status = errors.empty() && detail.empty() ? 200 : 400;
        return RenderPage(context.request, &principal, "Signalenlijst", "catalog", model, status,
                          "/beheer/signalenlijst");
    };
    router.Add(verb::get, "/beheer/signalenlijst", [pages, catalog_page](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form&) {
            return catalog_page(context, principal, nullptr, {}, "");
        });
    });
    router.Add(verb::post, "/beheer/signalenlijst", [pages, catalog_page](Context& context) {
        return Guarded(*pages, context, {Role::kBeheerder}, [&](const app::Principal& principal, const Form& form) {
            auto catalog = pages->service.ActiveCatalog();
            if (!catalog) return ErrorPage(context.request, 503, catalog.error().detail);
            // The form's fields, in catalog order, as the complete proposal; then an optional new indicator.
            std::vector<domain::IndicatorProposal> proposal;
            std::vector<std::string> row_codes;
            for (const domain::Indicator* indicator : (*catalog)->All()) {
                proposal.push_back({indicator->code, "", First(form, "text-" + indicator->code).value_or(""),
                                    First(form, "help-" + indicator->code).value_or(""),
                                    First(form, "retired-" + indicator->code).has_value()});
                row_codes.push_back(indicator->code);
            }
            const std::string new_text = First(form, "nieuw-tekst").value_or("");
            const std::string new_category = First(form, "nieuw-lijst").value_or("");
            if (!new_text.empty() || !new_category.empty()) {
                proposal.push_back({"", new_category, new_text, First(form, "nieuw-uitleg").value_or(""), false});
            }
            auto published = pages->service.PublishCatalog(principal, proposal, First(form, "basedOn").value_or(""));
            if (published) {
                return Redirect(context.request, "/beheer/signalenlijst?gepubliceerd=" + (*published)->version);
            }
            // "indicators[3].text" → the field of row 3; the new indicator's row is the last.
            std::map<std::string, std::string> errors;
            std::string detail = published.error().invalid_params.empty() ? published.error().detail : "";
            for (const auto& param : published.error().invalid_params) {
                const std::size_t open = param.name.find('[');
                const std::size_t close = param.name.find(']');
                if (open == std::string::npos || close == std::string::npos) {
                    detail += (detail.empty() ? "" : " ") + param.reason;
                    continue;
                }
                const std::size_t row = std::stoul(param.name.substr(open + 1, close - open - 1));
                const std::string field = param.name.substr(close + 2);
                if (row >= row_codes.size()) {
                    errors.emplace(field == "category" ? "nieuw-lijst" : field == "help" ? "nieuw-uitleg" : "nieuw-tekst",
                                   param.reason);
                } else {
                    errors.emplace((field == "help" ? "help-" : "text-") + row_codes[row], param.reason);
                }
            }
            return catalog_page(context, principal, &form, errors, detail);
        });
    });
}

}  // namespace meldroute::http
