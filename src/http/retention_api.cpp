// The API of retention and data-subject rights: legal hold on a case, the destruction log, the inspection export
// (AVG art. 15) and rectification (art. 16). The person asked about is sent in a POST body, never in a URL.
#include "http/api_support.hpp"

namespace meldroute::http {

namespace {

using boost::beast::http::verb;
using domain::Role;

Json DestructionJson(const store::DestructionRecord& record) {
    return Json{{"sequence", record.sequence},   {"objectType", record.object_type},
                {"objectId", record.object_id},  {"destroyedAt", record.destroyed_at},
                {"rule", record.rule},           {"categories", record.categories},
                {"actor", record.actor}};
}

Json OptionalJson(const std::optional<std::string>& value) { return value ? Json(*value) : Json(nullptr); }

}  // namespace

// The export goes to the person it is about, who may be the suspect: it never names who reported (the reporter's
// account, the feedback sent to them) or which employee did what (actors of rectifications and the timeline).
// The narratives and the case's texts are the officer's to read through before handing the file over (art. 15(4)
// AVG: the rights of others); docs/security.md.
static Json WithoutActors(Json items) {
    for (Json& item : items) item.erase("actor");
    return items;
}

Json InspectionJson(const app::InspectionExport& result) {
    Json signals = Json::array();
    for (const app::InspectedSignal& item : result.signals) {
        Json signal = ToJson(item.signal);
        signal.erase("reporter");
        signal.erase("feedback");
        signal["rectifications"] = WithoutActors(signal["rectifications"]);
        Json entry{{"signal", std::move(signal)},
                   {"matchedOn", item.matched_on},
                   {"recipients", item.recipients},
                   {"retention", item.retention},
                   {"retainUntil", OptionalJson(item.retain_until)},
                   {"case", nullptr}};
        if (item.case_file) {
            app::CaseView view;
            view.file = *item.case_file;
            Json file = ToJson(view);
            Json case_json;
            for (const char* key : {"id", "status", "urgency", "forms", "rationale", "outcome", "closureNote",
                                    "createdAt"}) {
                case_json[key] = file[key];
            }
            for (const char* key : {"enrichments", "assessments", "referrals", "timeline"}) {
                case_json[key] = WithoutActors(file[key]);
            }
            for (Json& referral : case_json["referrals"]) {
                if (referral.contains("feedback")) referral["feedback"] = WithoutActors(referral["feedback"]);
            }
            entry["case"] = case_json;
        }
        signals.push_back(std::move(entry));
    }
    return Json{{"producedAt", result.produced_at},
                {"producedBy", result.produced_by},
                {"purposes", result.purposes},
                {"source", "Meldingen van medewerkers van de gemeente en van inwoners (meldroute mensenhandel)."},
                {"automatedDecisions", "Geen: de indicatie adviseert, een mens beslist."},
                {"rights", "U kunt vragen om rectificatie (art. 16 AVG), beperking (art. 18) of verwijdering "
                           "(art. 17) en een klacht indienen bij de Autoriteit Persoonsgegevens."},
                {"signals", signals}};
}

void RegisterRetentionApi(Router& router, app::Service& service) {
    app::Service* svc = &service;

    // A hold set or lifted is a change of the case: If-Match is checked, and the answer carries the new ETag.
    AddBodyRoute(router, service, verb::put, "/api/v1/cases/{}/legal-hold", {Role::kAandachtfunctionaris}, "case.hold",
                 [svc](Context& context, const app::Principal& principal, BodyReader& reader) {
                     auto precondition = ReadPrecondition(context.request);
                     if (!precondition) return Problem(context.request, precondition.error());
                     std::string reason = reader.RequiredString("reason");
                     MR_READ_DONE(reader);
                     return AnswerCase(context, svc->SetLegalHold(principal, context.params[0], reason, *precondition),
                                       200);
                 });
    router.Add(verb::delete_, "/api/v1/cases/{}/legal-hold", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            auto precondition = ReadPrecondition(context.request);
            if (!precondition) return Problem(context.request, precondition.error());
            return AnswerCase(context, svc->SetLegalHold(principal, context.params[0], std::nullopt, *precondition),
                              200);
        });
    });
    router.Add(verb::get, "/api/v1/destruction-log", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->ListDestructionLog(principal), 200, [](const auto& records) {
                Json array = Json::array();
                for (const auto& record : records) array.push_back(DestructionJson(record));
                return array;
            });
        });
    });
    AddBodyRoute(router, service, verb::post, "/api/v1/subject-access-requests", {Role::kAandachtfunctionaris},
                 "subject-access.export",
                 [svc](Context& context, const app::Principal& principal, BodyReader& reader) {
                     app::PersonQuery query;
                     query.name = reader.OptionalString("name").value_or("");
                     query.birth_year = reader.OptionalInt("birthYear");
                     query.phone = reader.OptionalString("phone").value_or("");
                     MR_READ_DONE(reader);
                     return Answer(context, svc->InspectPerson(principal, query), 200, InspectionJson);
                 });
    AddBodyRoute(router, service, verb::post, "/api/v1/signals/{}/rectifications", {Role::kAandachtfunctionaris},
                 "person.rectify",
                 [svc](Context& context, const app::Principal& principal, BodyReader& reader) {
                     auto position = reader.OptionalInt("position");
                     if (!position) reader.problems().push_back({"position", "Verplicht veld ontbreekt."});
                     app::PersonCorrection correction;
                     correction.name = reader.OptionalString("name");
                     correction.birth_year = reader.OptionalInt("birthYear");
                     correction.nationality = reader.OptionalString("nationality");
                     correction.phone = reader.OptionalString("phone");
                     std::string reason = reader.RequiredString("reason");
                     MR_READ_DONE(reader);
                     return Answer(context,
                                   svc->RectifyPerson(principal, context.params[0], *position, correction, reason), 201,
                                   [](const domain::Signal& signal) { return SignalJson(signal); });
                 });
}

}  // namespace meldroute::http
