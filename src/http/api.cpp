#include "http/api.hpp"

#include <memory>

#include "domain/catalog.hpp"
#include "http/api_support.hpp"

namespace meldroute::http {

namespace {

using boost::beast::http::verb;

Json CodesToJson(const std::vector<domain::CodeItem>& items) {
    Json array = Json::array();
    for (const auto& item : items) array.push_back({{"code", item.code}, {"name", item.name}});
    return array;
}

}  // namespace

void RegisterApi(Router& router, app::Service& service, std::string_view openapi_json) {
    app::Service* svc = &service;
    std::string openapi{openapi_json};

    router.Add(verb::get, "/health/live", [](Context& context) {
        return JsonResponse(context.request, 200, {{"status", "ok"}});
    });
    router.Add(verb::get, "/health/ready", [svc](Context& context) {
        Status ready = svc->CheckReady();
        if (!ready) return Problem(context.request, ErrorCode::kUnavailable, "De opslag is niet beschikbaar.");
        return JsonResponse(context.request, 200, {{"status", "ok"}});
    });
    router.Add(verb::get, "/api/v1/openapi.json", [openapi](Context& context) {
        Response response = JsonResponse(context.request, 200, Json::object());
        response.set(boost::beast::http::field::content_type, "application/json");
        response.set(boost::beast::http::field::access_control_allow_origin, "*");
        response.body() = openapi;
        return response;
    });

    // Sessions.
    router.Add(verb::post, "/api/v1/sessions", [svc](Context& context) {
        if (Status query = RejectUnknownQuery(context, {}); !query) return Problem(context.request, query.error());
        if (Status json = RequireJsonContentType(context); !json) return Problem(context.request, json.error());
        auto reader = BodyReader::Parse(context.request.body());
        if (!reader) return Problem(context.request, reader.error());
        std::string username = reader->RequiredString("username");
        std::string password = reader->RequiredString("password");
        std::string otp = reader->OptionalString("otp").value_or("");
        std::string recovery_code = reader->OptionalString("recoveryCode").value_or("");
        if (Status finished = reader->Finish(); !finished) return Problem(context.request, finished.error());
        // Counted as a failure before the attempt, given back after a success: requests at the same time cannot
        // together pass the limit.
        auto spent = svc->SpendRateEvent(app::kSignInFailuresByAddress, context.peer);
        if (!spent) return Problem(context.request, spent.error());
        if (!*spent) return Problem(context.request, ErrorCode::kRateLimited, app::kSignInFailuresByAddressText);
        auto session = svc->SignIn(username, password, otp, recovery_code);
        if (!session) return Problem(context.request, session.error());
        (void)svc->GiveBackRateEvent(app::kSignInFailuresByAddress, context.peer, **spent);
        Json roles = Json::array();
        for (auto role : session->principal.roles) roles.push_back(std::string{domain::ToString(role)});
        // A session that must enrol a second factor can do nothing else until it has (403 elsewhere).
        return JsonResponse(context.request, 201,
                            {{"token", session->token},
                             {"expiresAt", session->expires_at},
                             {"mfaEnrolmentRequired", session->principal.must_enrol},
                             {"user", {{"username", session->principal.username}, {"roles", roles}}}});
    });

    // Second factor: enrolment by the user; reset and session revocation by the beheerder.
    router.Add(verb::post, "/api/v1/totp-enrolments", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->StartTotpEnrolment(principal), 201, [](const app::TotpEnrolment& enrolment) {
                return Json{{"secret", enrolment.secret_text}, {"otpauthUri", enrolment.otpauth_uri}};
            });
        });
    });
    router.Add(verb::post, "/api/v1/totp-enrolments/confirmation", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            auto reader = BodyReader::Parse(context.request.body());
            if (!reader) return Problem(context.request, reader.error());
            std::string otp = reader->RequiredString("otp");
            if (Status finished = reader->Finish(); !finished) return Problem(context.request, finished.error());
            return Answer(context, svc->ConfirmTotpEnrolment(principal, otp), 201,
                          [](const std::vector<std::string>& codes) { return Json{{"recoveryCodes", codes}}; });
        });
    });
    router.Add(verb::get, "/api/v1/accounts", [svc](Context& context) {
        if (Status query = RejectUnknownQuery(context, {}); !query) return Problem(context.request, query.error());
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->ListAccounts(principal), 200, [](const std::vector<app::AccountView>& accounts) {
                Json items = Json::array();
                for (const app::AccountView& account : accounts) {
                    Json roles = Json::array();
                    for (auto role : account.roles) roles.push_back(std::string{domain::ToString(role)});
                    items.push_back({{"username", account.username},
                                     {"roles", roles},
                                     {"active", account.active},
                                     {"mfaRequired", account.mfa_required},
                                     {"mfaEnrolled", account.mfa_enrolled},
                                     {"lockedUntil", account.locked_until ? Json(*account.locked_until) : Json()}});
                }
                return Json{{"items", items}};
            });
        });
    });
    // The account is named in the body, never in the URL.
    for (const auto& [path, reset] : std::vector<std::pair<std::string, bool>>{{"/api/v1/session-revocations", false},
                                                                              {"/api/v1/mfa-resets", true}}) {
        router.Add(verb::post, path, [svc, reset](Context& context) {
            return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
                if (Status allowed = svc->Require(principal, {domain::Role::kBeheerder},
                                                  reset ? "totp.reset" : "session.revoke");
                    !allowed) {
                    return Problem(context.request, allowed.error());
                }
                auto reader = BodyReader::Parse(context.request.body());
                if (!reader) return Problem(context.request, reader.error());
                std::string username = reader->RequiredString("username");
                if (Status finished = reader->Finish(); !finished) return Problem(context.request, finished.error());
                Status done = reset ? svc->ResetMfa(principal, username) : svc->RevokeSessions(principal, username);
                if (!done) return Problem(context.request, done.error());
                return JsonResponse(context.request, 201, {{"username", username}});
            });
        });
    }
    router.Add(verb::delete_, "/api/v1/sessions/current", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            Status status = svc->SignOut(principal);
            if (!status) return Problem(context.request, status.error());
            return NoContent(context.request);
        });
    });

    // Signals.
    router.Add(verb::post, "/api/v1/signals", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            auto draft = ReadSignalDraft(context.request.body(), false);
            if (!draft) return Problem(context.request, draft.error());
            return Answer(context, svc->FileSignal(principal, *draft), 201,
                          [](const domain::Signal& signal) { return SignalJson(signal); });
        });
    });
    router.Add(verb::post, "/api/v1/anonymous-signals", [svc](Context& context) {
        if (Status query = RejectUnknownQuery(context, {}); !query) return Problem(context.request, query.error());
        if (Status json = RequireJsonContentType(context); !json) return Problem(context.request, json.error());
        auto counted = svc->SpendRateEvent(app::kAnonymousReportsByAddressApi, context.peer);
        if (!counted) return Problem(context.request, counted.error());
        if (!*counted) {
            return Problem(context.request, ErrorCode::kRateLimited,
                           "Te veel meldingen vanaf dit adres. Probeer het later opnieuw.");
        }
        auto draft = ReadSignalDraft(context.request.body(), true);
        if (!draft) return Problem(context.request, draft.error());
        auto signal = svc->FileAnonymousSignal(*draft);
        if (!signal) return Problem(context.request, signal.error());
        return JsonResponse(context.request, 201, {{"id", signal->id}, {"status", signal->status}});
    });
    router.Add(verb::get, "/api/v1/signals", [svc](Context& context) {
        return WithPrincipal(
            *svc, context,
            [&](const app::Principal& principal) {
                const auto status = First(context.query, "status");
                auto list = svc->ListSignals(principal, status,
                                             {First(context.query, "limit"), First(context.query, "before")},
                                             app::SignalDetail::kSummary);
                if (!list) return Problem(context.request, list.error());
                Response response = JsonTextResponse(context.request, 200, SummariesToJson(list->signals));
                if (list->next) {
                    // RFC 8288: the next page with the same filter and size. The status is one of the checked
                    // codes and the cursor digits, so nothing needs escaping; neither says anything about a person.
                    std::string next = std::string{"/api/v1/signals"} + "?" +
                                       (status ? "status=" + *status + "&" : std::string{}) +
                                       "limit=" + std::to_string(list->limit) + "&before=" + *list->next;
                    response.set(boost::beast::http::field::link, "<" + next + ">; rel=\"next\"");
                }
                return response;
            },
            {"status", "limit", "before"});
    });
    router.Add(verb::get, "/api/v1/signals/{}", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->GetSignal(principal, context.params[0]), 200,
                          [](const domain::Signal& signal) { return SignalJson(signal); });
        });
    });

    // Cases.
    router.Add(verb::get, "/api/v1/cases", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->ListCases(principal), 200,
                          [](const auto& items) { return ListToJson(items); });
        });
    });
    router.Add(verb::post, "/api/v1/cases", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            if (Status allowed = svc->Require(principal, {domain::Role::kAandachtfunctionaris}, "case.create"); !allowed) {
                return Problem(context.request, allowed.error());
            }
            auto reader = BodyReader::Parse(context.request.body());
            if (!reader) return Problem(context.request, reader.error());
            auto signal_ids = reader->StringArray("signalIds", true);
            if (Status finished = reader->Finish(); !finished) return Problem(context.request, finished.error());
            return Answer(context, svc->CreateCase(principal, signal_ids), 201,
                          [](const app::CaseView& view) { return CaseViewJson(view); });
        });
    });
    router.Add(verb::get, "/api/v1/cases/{}", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return AnswerCase(context, svc->GetCase(principal, context.params[0]), 200);
        });
    });
    router.Add(verb::get, "/api/v1/cases/{}/indication", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->GetIndication(principal, context.params[0]), 200,
                          [](const domain::Indication& indication) { return IndicationJson(indication); });
        });
    });

    // A case step: role check first (403 before any body validation), then If-Match and strict body reading.
    // The answer carries the case's new version as its ETag.
    auto step = [svc, &router](const std::string& pattern, const std::string& action,
                               std::function<Result<app::StepResult>(const app::Principal&, const std::string&,
                                                                     BodyReader&, const app::Precondition&)>
                                   run) {
        router.Add(verb::post, pattern, [svc, run, action](Context& context) {
            return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
                if (Status allowed = svc->Require(principal, {domain::Role::kAandachtfunctionaris}, action); !allowed) {
                    return Problem(context.request, allowed.error());
                }
                auto precondition = ReadPrecondition(context.request);
                if (!precondition) return Problem(context.request, precondition.error());
                auto reader = BodyReader::Parse(context.request.body());
                if (!reader) return Problem(context.request, reader.error());
                auto result = run(principal, context.params[0], *reader, *precondition);
                if (!result) return Problem(context.request, result.error());
                Response response = JsonResponse(context.request, 201, ToJson(*result));
                response.set(boost::beast::http::field::etag, CaseETag(result->case_version));
                return response;
            });
        });
    };
    // Reads the body's fields, then fails with every problem at once before the use case runs.
#define MR_FINISH(reader)                                   \
    do {                                                    \
        if (Status finished = (reader).Finish(); !finished) \
            return std::move(finished).error();             \
    } while (false)

    router.Add(verb::post, "/api/v1/cases/{}/signals", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            if (Status allowed = svc->Require(principal, {domain::Role::kAandachtfunctionaris}, "case.link-signal"); !allowed) {
                return Problem(context.request, allowed.error());
            }
            auto reader = BodyReader::Parse(context.request.body());
            if (!reader) return Problem(context.request, reader.error());
            auto precondition = ReadPrecondition(context.request);
            if (!precondition) return Problem(context.request, precondition.error());
            std::string signal_id = reader->RequiredString("signalId");
            if (Status finished = reader->Finish(); !finished) return Problem(context.request, finished.error());
            return AnswerCase(context, svc->LinkSignal(principal, context.params[0], signal_id, *precondition), 201);
        });
    });
    step("/api/v1/cases/{}/enrichments", "case.enrich",
         [svc](const app::Principal& principal, const std::string& id, BodyReader& reader,
               const app::Precondition& precondition) -> Result<app::StepResult> {
             std::string source = reader.RequiredString("source");
             std::string purpose = reader.RequiredString("purpose");
             std::string content = reader.RequiredString("content");
             MR_FINISH(reader);
             return svc->AddEnrichment(principal, id, source, purpose, content, precondition);
         });
    step("/api/v1/cases/{}/assessments", "case.assess",
         [svc](const app::Principal& principal, const std::string& id, BodyReader& reader,
               const app::Precondition& precondition) -> Result<app::StepResult> {
             std::string urgency = reader.RequiredString("urgency");
             std::vector<std::string> forms = reader.StringArray("forms", true);
             std::string rationale = reader.RequiredString("rationale");
             MR_FINISH(reader);
             return svc->AddAssessment(principal, id, urgency, forms, rationale, precondition);
         });
    step("/api/v1/cases/{}/referrals", "case.refer",
         [svc](const app::Principal& principal, const std::string& id, BodyReader& reader,
               const app::Precondition& precondition) -> Result<app::StepResult> {
             std::string partner = reader.RequiredString("partner");
             auto forum = reader.OptionalString("forum");
             std::string feedback_due = reader.RequiredString("feedbackDue");
             auto note = reader.OptionalString("note");
             MR_FINISH(reader);
             return svc->AddReferral(principal, id, partner, forum, feedback_due, note, precondition);
         });
    step("/api/v1/referrals/{}/feedback", "case.partner-feedback",
         [svc](const app::Principal& principal, const std::string& id, BodyReader& reader,
               const app::Precondition& precondition) -> Result<app::StepResult> {
             std::string summary = reader.RequiredString("summary");
             MR_FINISH(reader);
             return svc->AddPartnerFeedback(principal, id, summary, precondition);
         });
    step("/api/v1/cases/{}/reporter-feedback", "case.reporter-feedback",
         [svc](const app::Principal& principal, const std::string& id, BodyReader& reader,
               const app::Precondition& precondition) -> Result<app::StepResult> {
             std::string message = reader.RequiredString("message");
             MR_FINISH(reader);
             return svc->AddReporterFeedback(principal, id, message, precondition);
         });
    step("/api/v1/cases/{}/closure", "case.close",
         [svc](const app::Principal& principal, const std::string& id, BodyReader& reader,
               const app::Precondition& precondition) -> Result<app::StepResult> {
             std::string outcome = reader.RequiredString("outcome");
             auto note = reader.OptionalString("note");
             MR_FINISH(reader);
             return svc->CloseCase(principal, id, outcome, note, precondition);
         });
    step("/api/v1/cases/{}/reopenings", "case.reopen",
         [svc](const app::Principal& principal, const std::string& id, BodyReader& reader,
               const app::Precondition& precondition) -> Result<app::StepResult> {
             std::string reason = reader.RequiredString("reason");
             MR_FINISH(reader);
             return svc->ReopenCase(principal, id, reason, precondition);
         });
#undef MR_FINISH

    // Reference data.
    router.Add(verb::get, "/api/v1/indicators", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal&) {
            // The indicators a new signal may carry: the version in force, retired ones left out.
            return Answer(context, svc->ActiveCatalog(), 200, [](const auto& catalog) {
                Json array = Json::array();
                for (const domain::Indicator* indicator : catalog->All()) {
                    if (indicator->retired) continue;
                    array.push_back({{"code", indicator->code},
                                     {"category", indicator->category},
                                     {"text", indicator->text},
                                     {"help", indicator->help}});
                }
                return array;
            });
        });
    });
    router.Add(verb::get, "/api/v1/catalog-versions", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->ListCatalogVersions(principal), 200, [](const auto& versions) {
                Json array = Json::array();
                for (std::size_t index = 0; index < versions.size(); ++index) {
                    Json item{{"version", versions[index].version}, {"current", index + 1 == versions.size()}};
                    if (!versions[index].published_at.empty()) item["publishedAt"] = versions[index].published_at;
                    if (!versions[index].published_by.empty()) item["publishedBy"] = versions[index].published_by;
                    array.push_back(std::move(item));
                }
                return array;
            });
        });
    });
    router.Add(verb::get, "/api/v1/catalog-versions/{}", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal&) {
            return Answer(context, svc->CatalogVersion(context.params[0]), 200,
                          [](const auto& catalog) { return ToJson(*catalog); });
        });
    });
    router.Add(verb::post, "/api/v1/catalog-versions", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            // The role is checked (and a refusal audited) before the body is read.
if (Status allowed = svc->Require(principal, {domain::Role::kBeheerder}, "catalog.publish"); !allowed) {
                return Problem(context.request, allowed.error());
            }
            auto proposal = ReadCatalogProposal(context.request.body());
            if (!proposal) return Problem(context.request, proposal.error());
            return Answer(context, svc->PublishCatalog(principal, proposal->indicators, proposal->based_on), 201,
                          [](const auto& catalog) { return ToJson(*catalog); });
        });
    });
    for (const auto& [path, kind] : std::vector<std::pair<std::string, std::string>>{
             {"/api/v1/partners", "partner"},
             {"/api/v1/forums", "forum"},
             {"/api/v1/enrichment-sources", "enrichment-source"},
             {"/api/v1/outcomes", "outcome"}}) {
        router.Add(verb::get, path, [svc, kind = kind](Context& context) {
            return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
                return Answer(context, svc->ListCodes(principal, kind), 200, CodesToJson);
            });
        });
    }
    router.Add(verb::post, "/api/v1/indicator-suggestions", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            auto reader = BodyReader::Parse(context.request.body());
            if (!reader) return Problem(context.request, reader.error());
            std::string text = reader->RequiredString("text");
            if (Status finished = reader->Finish(); !finished) return Problem(context.request, finished.error());
            return Answer(context, svc->SuggestIndicators(principal, text), 200, [](const auto& suggestions) {
                Json array = Json::array();
                for (const auto& suggestion : suggestions) {
                    array.push_back(
                        {{"code", suggestion.code}, {"evidence", suggestion.evidence}, {"score", suggestion.score}});
                }
                return Json{{"suggestions", array}};
            });
        });
    });

    // Connections between signals: recurring addresses and businesses, and search. The search is a POST so
    // that its words (which may name a person) never appear in a URL.
    router.Add(verb::get, "/api/v1/recurrences", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->ListRecurrences(principal), 200,
                          [](const auto& recurrences) { return ListToJson(recurrences); });
        });
    });
    router.Add(verb::post, "/api/v1/signal-searches", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            if (Status allowed = svc->Require(principal, {domain::Role::kAandachtfunctionaris}, "signal.search"); !allowed) {
                return Problem(context.request, allowed.error());
            }
            auto reader = BodyReader::Parse(context.request.body());
            if (!reader) return Problem(context.request, reader.error());
            domain::SignalSearch search;
            search.text = reader->OptionalString("text").value_or("");
            search.form = reader->OptionalString("form");
            search.status = reader->OptionalString("status");
            search.urgency = reader->OptionalString("urgency");
            search.from = reader->OptionalString("from");
            search.to = reader->OptionalString("to");
            if (Status finished = reader->Finish(); !finished) return Problem(context.request, finished.error());
            return Answer(context, svc->SearchSignals(principal, search), 200,
                          [](const std::vector<domain::Signal>& signals) { return SignalsJson(signals); });
        });
    });

    // Figures: statistics, the yearly overview, the care evaluation and their downloads.
    RegisterStatisticsApi(router, service);
    RegisterRetentionApi(router, service);

    // Audit.
    router.Add(verb::get, "/api/v1/audit-events", [svc](Context& context) {
        return WithPrincipal(
            *svc, context,
            [&](const app::Principal& principal) {
                return Answer(context,
                              svc->ListAuditEvents(principal, First(context.query, "from"), First(context.query, "to")),
                              200, [](const auto& records) { return ListToJson(records); });
            },
            {"from", "to"});
    });
    router.Add(verb::get, "/api/v1/audit-events/verification", [svc](Context& context) {
        return WithPrincipal(*svc, context, [&](const app::Principal& principal) {
            return Answer(context, svc->VerifyAudit(principal), 200, [](const app::AuditVerificationResult& result) {
                Json json{{"valid", result.valid}, {"count", result.count}};
                if (!result.valid) json["firstBrokenSequence"] = result.first_broken_sequence;
                return json;
            });
        });
    });
    // The processing log in the fields of the Logboek Dataverwerkingen standard (auditor).
    router.Add(verb::get, "/api/v1/processing-records", [svc](Context& context) {
        return WithPrincipal(
            *svc, context,
            [&](const app::Principal& principal) {
                return Answer(context,
                              svc->ListProcessingRecords(principal, First(context.query, "from"),
                                                         First(context.query, "to")),
                              200, [](const std::vector<store::ProcessingRecord>& records) {
                                  Json array = Json::array();
                                  for (const auto& record : records) {
                                      Json item{{"traceId", record.trace_id},
                                                {"spanId", record.span_id},
                                                {"name", record.name},
                                                {"startTime", record.started_at},
                                                {"endTime", record.ended_at},
                                                {"statusCode", record.status},
                                                {"processingActivityId", record.activity_id},
                                                {"purpose", record.purpose},
                                                {"actor", record.actor},
                                                {"auditSequence", record.audit_sequence}};
                                      if (!record.parent_span_id.empty()) item["parentSpanId"] = record.parent_span_id;
                                      if (!record.data_subject_id.empty()) {
                                          item["dataSubjectId"] = record.data_subject_id;
                                          item["dataSubjectType"] = record.data_subject_type;
                                      }
                                      array.push_back(std::move(item));
                                  }
                                  return array;
                              });
            },
            {"from", "to"});
    });
}

}  // namespace meldroute::http
