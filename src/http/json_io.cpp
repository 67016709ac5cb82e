#include "http/json_io.hpp"

#include "http/json_writer.hpp"

#include "domain/route.hpp"
#include "domain/validation.hpp"

#include <utility>

namespace meldroute::http {

namespace {

Json OptionalToJson(const std::optional<std::string>& value) { return value ? Json(*value) : Json(nullptr); }

// An object from key, value pairs, each value built once in place (an rvalue Json is moved in). nlohmann's
// initializer lists build a temporary array per member and then copy every value, nested arrays included: that
// was a quarter of the CPU of listing the inbox (100 signals).
inline void AddMembers(Json::object_t&) {}

template <typename Value, typename... Rest>
void AddMembers(Json::object_t& object, const char* key, Value&& value, Rest&&... rest) {
    object.emplace(key, std::forward<Value>(value));
    AddMembers(object, std::forward<Rest>(rest)...);
}

template <typename... Members>
Json Object(Members&&... members) {
    static_assert(sizeof...(Members) % 2 == 0, "key, value pairs");
    Json json(Json::value_t::object);
    json.get_ref<Json::object_t&>().reserve(sizeof...(Members) / 2);
    AddMembers(json.get_ref<Json::object_t&>(), std::forward<Members>(members)...);
    return json;
}

Json ToJson(const domain::Location& location) {
    return Object("street", location.street, "houseNumber", location.house_number, "postcode", location.postcode,
                  "city", location.city);
}

Json ToJson(const domain::Person& person) {
    return Object("role", person.role, "name", person.name, "birthYear",
                  person.birth_year ? Json(*person.birth_year) : Json(nullptr), "nationality", person.nationality,
                  "phone", person.phone);
}

}  // namespace

Result<BodyReader> BodyReader::Parse(const std::string& body) {
    Json parsed = Json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) {
        return MakeError(ErrorCode::kInvalidArgument, "De body is geen geldige JSON.",
                         {{"body", "Geen geldige JSON."}});
    }
    if (!parsed.is_object()) {
        return MakeError(ErrorCode::kInvalidArgument, "De body moet een JSON-object zijn.",
                         {{"body", "Verwacht een JSON-object."}});
    }
    auto owned = std::make_shared<const Json>(std::move(parsed));
    BodyReader reader{*owned, ""};
    reader.owned_ = std::move(owned);
    return reader;
}

BodyReader::BodyReader(const Json& object, std::string prefix) : object_(&object), prefix_(std::move(prefix)) {}

const Json* BodyReader::Field(const std::string& key) {
    seen_.insert(key);
    auto found = object_->find(key);
    if (found == object_->end() || found->is_null()) return nullptr;
    return &*found;
}

std::string BodyReader::RequiredString(const std::string& key) {
    const Json* value = Field(key);
    if (value == nullptr) {
        problems_.push_back({Name(key), "Verplicht veld ontbreekt."});
        return {};
    }
    if (!value->is_string()) {
        problems_.push_back({Name(key), "Verwacht tekst."});
        return {};
    }
    return value->get<std::string>();
}

std::optional<std::string> BodyReader::OptionalString(const std::string& key) {
    const Json* value = Field(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) {
        problems_.push_back({Name(key), "Verwacht tekst."});
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::optional<int> BodyReader::OptionalInt(const std::string& key) {
    const Json* value = Field(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_number_integer() || value->get<std::int64_t>() < -100000 || value->get<std::int64_t>() > 100000) {
        problems_.push_back({Name(key), "Verwacht een geheel getal."});
        return std::nullopt;
    }
    return value->get<int>();
}

std::optional<bool> BodyReader::OptionalBool(const std::string& key) {
    const Json* value = Field(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_boolean()) {
        problems_.push_back({Name(key), "Verwacht true of false."});
        return std::nullopt;
    }
    return value->get<bool>();
}

std::vector<std::string> BodyReader::StringArray(const std::string& key, bool required) {
    const Json* value = Field(key);
    std::vector<std::string> values;
    if (value == nullptr) {
        if (required) problems_.push_back({Name(key), "Verplicht veld ontbreekt."});
        return values;
    }
    if (!value->is_array()) {
        problems_.push_back({Name(key), "Verwacht een lijst."});
        return values;
    }
    if (value->size() > 200) {
        problems_.push_back({Name(key), "De lijst is te lang."});
        return values;
    }
    for (std::size_t index = 0; index < value->size(); ++index) {
        const Json& item = (*value)[index];
        if (!item.is_string()) {
            problems_.push_back({Name(key) + "[" + std::to_string(index) + "]", "Verwacht tekst."});
            continue;
        }
        values.push_back(item.get<std::string>());
    }
    return values;
}

const Json* BodyReader::OptionalObject(const std::string& key) {
    const Json* value = Field(key);
    if (value == nullptr) return nullptr;
    if (!value->is_object()) {
        problems_.push_back({Name(key), "Verwacht een object."});
        return nullptr;
    }
    return value;
}

const Json* BodyReader::OptionalArray(const std::string& key) {
    const Json* value = Field(key);
    if (value == nullptr) return nullptr;
    if (!value->is_array()) {
        problems_.push_back({Name(key), "Verwacht een lijst."});
        return nullptr;
    }
    return value;
}

void BodyReader::AddProblems(const std::vector<InvalidParam>& problems) {
    problems_.insert(problems_.end(), problems.begin(), problems.end());
}

Status BodyReader::Finish() {
    for (const auto& [key, value] : object_->items()) {
        if (!seen_.count(key)) problems_.push_back({Name(key), "Onbekend veld."});
    }
    if (problems_.empty()) return Ok();
    return MakeError(ErrorCode::kInvalidArgument, "De invoer is niet geldig.", problems_);
}

Result<CatalogProposal> ReadCatalogProposal(const std::string& body) {
    BodyReader reader = MR_TRY(BodyReader::Parse(body));
    CatalogProposal result;
    result.based_on = reader.OptionalString("basedOn");
    std::vector<domain::IndicatorProposal>& proposal = result.indicators;
    const Json* indicators = reader.OptionalArray("indicators");
    if (indicators == nullptr) {
        reader.problems().push_back({"indicators", "Verplicht veld ontbreekt."});
    } else if (indicators->size() > 1000) {
        reader.problems().push_back({"indicators", "Hoogstens 1000 signalen."});
    } else {
        for (std::size_t index = 0; index < indicators->size(); ++index) {
            const Json& item = (*indicators)[index];
            const std::string name = "indicators[" + std::to_string(index) + "]";
            if (!item.is_object()) {
                reader.problems().push_back({name, "Verwacht een object."});
                continue;
            }
            BodyReader nested{item, name + "."};
            domain::IndicatorProposal row;
            row.code = nested.OptionalString("code").value_or("");
            row.category = nested.OptionalString("category").value_or("");
            row.text = nested.RequiredString("text");
            row.help = nested.OptionalString("help").value_or("");
            row.retired = nested.OptionalBool("retired").value_or(false);
            (void)nested.Finish();
            reader.AddProblems(nested.problems());
            proposal.push_back(std::move(row));
        }
    }
    MR_TRY(reader.Finish());
    return result;
}

Json ToJson(const domain::Catalog& catalog) {
    Json indicators = Json::array();
    for (const domain::Indicator* indicator : catalog.All()) {
        indicators.push_back({{"code", indicator->code},
                              {"category", indicator->category},
                              {"text", indicator->text},
                              {"help", indicator->help},
                              {"retired", indicator->retired}});
    }
    Json json{{"version", catalog.version}, {"indicators", indicators}};
    if (!catalog.published_at.empty()) json["publishedAt"] = catalog.published_at;
    return json;
}

Result<domain::SignalDraft> ReadSignalDraft(const std::string& body, bool anonymous) {
    BodyReader reader = MR_TRY(BodyReader::Parse(body));
    domain::SignalDraft draft;
    if (!anonymous) draft.channel = reader.RequiredString("channel");
    draft.narrative = reader.RequiredString("narrative");
    draft.indicator_codes = reader.StringArray("indicatorCodes", /*required=*/!anonymous);
    draft.observed_on = reader.OptionalString("observedOn");
    if (const Json* location = reader.OptionalObject("location")) {
        BodyReader nested{*location, "location."};
        draft.location = domain::Location{nested.OptionalString("street").value_or(""),
                                          nested.OptionalString("houseNumber").value_or(""),
                                          nested.OptionalString("postcode").value_or(""),
                                          nested.OptionalString("city").value_or("")};
        (void)nested.Finish();
        reader.AddProblems(nested.problems());
    }
    if (const Json* business = reader.OptionalObject("business")) {
        BodyReader nested{*business, "business."};
        draft.business = domain::Business{nested.OptionalString("kvkNumber").value_or(""),
                                          nested.OptionalString("tradeName").value_or("")};
        (void)nested.Finish();
        reader.AddProblems(nested.problems());
    }
    if (!anonymous) {
        if (const Json* persons = reader.OptionalArray("persons")) {
            for (std::size_t index = 0; index < persons->size() && index <= domain::kMaxPersons; ++index) {
                const Json& item = (*persons)[index];
                std::string prefix = "persons[" + std::to_string(index) + "].";
                if (!item.is_object()) {
                    reader.problems().push_back({"persons[" + std::to_string(index) + "]", "Verwacht een object."});
                    continue;
                }
                BodyReader nested{item, prefix};
                domain::Person person;
                person.role = nested.RequiredString("role");
                person.name = nested.OptionalString("name").value_or("");
                person.birth_year = nested.OptionalInt("birthYear");
                person.nationality = nested.OptionalString("nationality").value_or("");
                person.phone = nested.OptionalString("phone").value_or("");
                (void)nested.Finish();
                reader.AddProblems(nested.problems());
                draft.persons.push_back(std::move(person));
            }
        }
    }
    MR_TRY(reader.Finish());
    return draft;
}

Json ToJson(const domain::Rectification& rectification) {
    return Object("id", rectification.id, "position", rectification.position, "fields", rectification.fields, "reason",
                  rectification.reason, "at", rectification.at, "actor", rectification.actor);
}

Json ToJson(const store::RetentionState& state, const std::optional<std::string>& retain_until) {
    Json hold = state.hold ? Object("reason", state.hold->reason, "setBy", state.hold->set_by, "setAt",
                                    state.hold->set_at)
                           : Json(nullptr);
    return Object("legalHold", std::move(hold), "retainUntil", OptionalToJson(retain_until), "destroyedAt",
                  OptionalToJson(state.destroyed_at));
}

Json ToJson(const domain::Signal& signal) {
    return Object("id", signal.id, "status", signal.status, "channel", signal.channel, "narrative", signal.narrative,
                  "indicatorCodes", signal.indicator_codes, "catalogVersion", signal.catalog_version, "observedOn",
                  OptionalToJson(signal.observed_on), "location",
                  signal.location ? ToJson(*signal.location) : Json(nullptr), "persons",
                  ArrayOf(signal.persons, [](const domain::Person& person) { return ToJson(person); }), "business",
                  signal.business ? Object("kvkNumber", signal.business->kvk_number, "tradeName",
                                           signal.business->trade_name)
                                  : Json(nullptr),
                  "reporter", signal.reporter.empty() ? Json(nullptr) : Json(signal.reporter), "caseId",
                  OptionalToJson(signal.case_id), "createdAt", signal.created_at, "feedback",
                  ArrayOf(signal.feedback,
                          [](const domain::FeedbackMessage& message) {
                              return Object("message", message.message, "at", message.at);
                          }),
                  "destroyedAt", OptionalToJson(signal.destroyed_at), "rectifications",
                  ArrayOf(signal.rectifications, [](const domain::Rectification& item) { return ToJson(item); }));
}

std::string SummariesToJson(const std::vector<domain::Signal>& signals) {
    JsonWriter out;
    out.BeginArray();
    for (const domain::Signal& signal : signals) {
        out.BeginObject()
            .Key("id").String(signal.id)
            .Key("status").String(signal.status)
            .Key("channel").String(signal.channel)
            .Key("indicatorCodes").Strings(signal.indicator_codes)
            .Key("catalogVersion").String(signal.catalog_version)
            .Key("observedOn").StringOrNull(signal.observed_on)
            .Key("reporter");
        if (signal.reporter.empty()) {
            out.Null();
        } else {
            out.String(signal.reporter);
        }
        out.Key("caseId").StringOrNull(signal.case_id)
            .Key("createdAt").String(signal.created_at)
            .Key("destroyedAt").StringOrNull(signal.destroyed_at)
            .EndObject();
    }
    out.EndArray();
    return std::move(out).Take();
}

Json ToJson(const domain::Indication& indication) {
    return Object("forms",
                  ArrayOf(indication.forms,
                          [](const domain::FormIndication& form) {
                              return Object("form", form.form, "level", std::string{domain::ToString(form.level)},
                                            "score", form.score, "indicators", form.indicators, "explanation",
                                            form.explanation);
                          }),
                  "notice", domain::kIndicationNotice);
}

Json ToJson(const app::CaseView& view) {
    const domain::CaseFile& file = view.file;
    const domain::Case& header = file.header;
    auto referral = [&view](const domain::Referral& item) {
        auto overdue = view.referral_overdue.find(item.id);
        return Object("id", item.id, "partner", item.partner, "forum", OptionalToJson(item.forum), "feedbackDue",
                      item.feedback_due, "note", OptionalToJson(item.note), "at", item.at, "actor", item.actor,
                      "overdue", overdue != view.referral_overdue.end() && overdue->second, "feedback",
                      ArrayOf(item.feedback, [](const domain::PartnerFeedback& feedback) {
                          return Object("id", feedback.id, "summary", feedback.summary, "at", feedback.at, "actor",
                                        feedback.actor);
                      }));
    };
    return Object(
        "id", header.id, "status", std::string{domain::ToString(header.status)}, "urgency",
        OptionalToJson(header.urgency), "forms", header.forms, "rationale", OptionalToJson(header.rationale),
        "signals", ArrayOf(file.signals, [](const domain::Signal& signal) { return ToJson(signal); }), "enrichments",
        ArrayOf(file.enrichments,
                [](const domain::Enrichment& item) {
                    return Object("id", item.id, "source", item.source, "purpose", item.purpose, "content",
                                  item.content, "at", item.at, "actor", item.actor);
                }),
        "assessments",
        ArrayOf(file.assessments,
                [](const domain::Assessment& item) {
                    return Object("id", item.id, "urgency", item.urgency, "forms", item.forms, "rationale",
                                  item.rationale, "at", item.at, "actor", item.actor);
                }),
        "referrals", ArrayOf(file.referrals, referral), "reporterFeedback",
        ArrayOf(file.reporter_feedback,
                [](const domain::FeedbackMessage& item) {
                    return Object("message", item.message, "at", item.at, "actor", item.actor);
                }),
        "outcome", OptionalToJson(header.outcome), "closureNote", OptionalToJson(header.closure_note), "closures",
        ArrayOf(file.closures,
                [](const domain::Closure& closure) {
                    return Object("at", closure.at, "outcome", closure.outcome, "note", OptionalToJson(closure.note),
                                  "actor", closure.actor);
                }),
        "reopenCount", header.reopen_count, "reopenedAt", OptionalToJson(header.reopened_at), "reopenings",
        ArrayOf(file.reopenings,
                [](const domain::Reopening& reopening) {
                    return Object("at", reopening.at, "reason", reopening.reason, "actor", reopening.actor);
                }),
        "createdAt", header.created_at, "updatedAt", header.updated_at, "version", header.version, "timeline",
        ArrayOf(file.timeline,
                [](const domain::TimelineEntry& entry) {
                    return Object("at", entry.at, "actor", entry.actor, "action", entry.action, "detail",
                                  entry.detail);
                }),
        "indication", ToJson(view.indication), "allowedActions",
        ArrayOf(view.allowed_actions, [](domain::CaseAction action) { return std::string{domain::ToString(action)}; }),
        "relatedSignals",
        ArrayOf(view.related_signals,
                [](const domain::RelatedSignal& item) {
                    return Object("signalId", item.signal_id, "caseId", OptionalToJson(item.case_id), "createdAt",
                                  item.created_at, "matchedOn", item.matched_on);
                }),
        "overdue", !view.overdue_reasons.empty(), "overdueReasons", view.overdue_reasons, "retention",
        ToJson(view.retention, view.retain_until));
}

Json ToJson(const app::CaseListItem& item) {
    const domain::Case& header = item.summary.header;
    return Object("id", header.id, "status", std::string{domain::ToString(header.status)}, "urgency",
                  OptionalToJson(header.urgency), "forms", header.forms, "signalCount", item.summary.signal_count,
                  "reopenCount", header.reopen_count, "createdAt", header.created_at, "updatedAt", header.updated_at,
                  "overdue", !item.overdue_reasons.empty(), "overdueReasons", item.overdue_reasons, "nextDeadline",
                  OptionalToJson(item.next_deadline));
}

Json ToJson(const app::StepResult& result) {
    Json json{{"id", result.id},
              {"caseId", result.case_id},
              {"caseStatus", std::string{domain::ToString(result.case_status)}},
              {"caseVersion", result.case_version}};
    if (result.referral_id) json["referralId"] = *result.referral_id;
    return json;
}

Json ToJson(const store::AuditRecord& record) {
    return Object("sequence", record.sequence, "at", record.at, "actor", record.actor, "action", record.action,
                  "object", record.object, "purpose", record.purpose, "outcome", record.outcome);
}

}  // namespace meldroute::http

namespace meldroute::http {

Json ToJson(const domain::Recurrence& recurrence) {
    return Json{{"kind", recurrence.kind},
                {"label", recurrence.label},
                {"signalCount", recurrence.signal_count},
                {"caseCount", recurrence.case_count},
                {"signalIds", recurrence.signal_ids}};
}

}  // namespace meldroute::http
