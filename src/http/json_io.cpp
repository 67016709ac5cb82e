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

namespace {

void Write(JsonWriter& out, const domain::Location& location) {
    out.StringObject({{"street", location.street},
                      {"houseNumber", location.house_number},
                      {"postcode", location.postcode},
                      {"city", location.city}});
}

void Write(JsonWriter& out, const domain::Person& person) {
    out.BeginObject().Key("role").String(person.role).Key("name").String(person.name).Key("birthYear");
    if (person.birth_year) {
        out.Int(*person.birth_year);
    } else {
        out.Null();
    }
    out.Key("nationality").String(person.nationality).Key("phone").String(person.phone).EndObject();
}

void Write(JsonWriter& out, const domain::Rectification& rectification) {
    out.BeginObject()
        .Key("id").String(rectification.id)
        .Key("position").Int(rectification.position)
        .Key("fields").Strings(rectification.fields)
        .Key("reason").String(rectification.reason)
        .Key("at").String(rectification.at)
        .Key("actor").String(rectification.actor)
        .EndObject();
}

// A signal whole, or its summary: the same members in the same order, without the narrative, location, persons,
// business, feedback and rectifications.
enum class SignalPart { kWhole, kSummary };

void Write(JsonWriter& out, const domain::Signal& signal, SignalPart part = SignalPart::kWhole) {
    const bool whole = part == SignalPart::kWhole;
    out.BeginObject().Key("id").String(signal.id).Key("status").String(signal.status).Key("channel").String(signal.channel);
    if (whole) out.Key("narrative").String(signal.narrative);
    out.Key("indicatorCodes").Strings(signal.indicator_codes)
        .Key("catalogVersion").String(signal.catalog_version)
        .Key("observedOn").StringOrNull(signal.observed_on);
    if (whole) {
        out.Key("location");
        if (signal.location) {
            Write(out, *signal.location);
        } else {
            out.Null();
        }
        out.Key("persons").BeginArray();
        for (const domain::Person& person : signal.persons) Write(out, person);
        out.EndArray().Key("business");
        if (signal.business) {
            out.StringObject({{"kvkNumber", signal.business->kvk_number}, {"tradeName", signal.business->trade_name}});
        } else {
            out.Null();
        }
    }
    out.Key("reporter");
    if (signal.reporter.empty()) {
        out.Null();
    } else {
        out.String(signal.reporter);
    }
    out.Key("caseId").StringOrNull(signal.case_id).Key("createdAt").String(signal.created_at);
    if (whole) {
        out.Key("feedback").BeginArray();
        for (const domain::FeedbackMessage& message : signal.feedback) {
            out.StringObject({{"message", message.message}, {"at", message.at}});
        }
        out.EndArray();
    }
    out.Key("destroyedAt").StringOrNull(signal.destroyed_at);
    if (whole) {
        out.Key("rectifications").BeginArray();
        for (const domain::Rectification& rectification : signal.rectifications) Write(out, rectification);
        out.EndArray();
    }
    out.EndObject();
}

std::string SignalsWritten(const std::vector<domain::Signal>& signals, SignalPart part) {
    JsonWriter out;
    out.BeginArray();
    for (const domain::Signal& signal : signals) Write(out, signal, part);
    out.EndArray();
    return std::move(out).Take();
}

void Write(JsonWriter& out, const domain::Indication& indication) {
    out.BeginObject().Key("forms").BeginArray();
    for (const domain::FormIndication& form : indication.forms) {
        out.BeginObject()
            .Key("form").String(form.form)
            .Key("level").String(domain::ToString(form.level))
            .Key("score").Double(form.score)
            .Key("indicators").Strings(form.indicators)
            .Key("explanation").String(form.explanation)
            .EndObject();
    }
    out.EndArray().Key("notice").String(domain::kIndicationNotice).EndObject();
}

void Write(JsonWriter& out, const store::RetentionState& state, const std::optional<std::string>& retain_until) {
    out.BeginObject().Key("legalHold");
    if (state.hold) {
        out.StringObject({{"reason", state.hold->reason}, {"setBy", state.hold->set_by}, {"setAt", state.hold->set_at}});
    } else {
        out.Null();
    }
    out.Key("retainUntil").StringOrNull(retain_until).Key("destroyedAt").StringOrNull(state.destroyed_at).EndObject();
}

void Write(JsonWriter& out, const app::CaseView& view) {
    const domain::CaseFile& file = view.file;
    const domain::Case& header = file.header;
    out.BeginObject()
        .Key("id").String(header.id)
        .Key("status").String(domain::ToString(header.status))
        .Key("urgency").StringOrNull(header.urgency)
        .Key("forms").Strings(header.forms)
        .Key("rationale").StringOrNull(header.rationale)
        .Key("signals").BeginArray();
    for (const domain::Signal& signal : file.signals) Write(out, signal);
    out.EndArray().Key("enrichments").BeginArray();
    for (const domain::Enrichment& item : file.enrichments) {
        out.StringObject({{"id", item.id},
                          {"source", item.source},
                          {"purpose", item.purpose},
                          {"content", item.content},
                          {"at", item.at},
                          {"actor", item.actor}});
    }
    out.EndArray().Key("assessments").BeginArray();
    for (const domain::Assessment& item : file.assessments) {
        out.BeginObject()
            .Key("id").String(item.id)
            .Key("urgency").String(item.urgency)
            .Key("forms").Strings(item.forms)
            .Key("rationale").String(item.rationale)
            .Key("at").String(item.at)
            .Key("actor").String(item.actor)
            .EndObject();
    }
    out.EndArray().Key("referrals").BeginArray();
    for (const domain::Referral& item : file.referrals) {
        auto overdue = view.referral_overdue.find(item.id);
        out.BeginObject()
            .Key("id").String(item.id)
            .Key("partner").String(item.partner)
            .Key("forum").StringOrNull(item.forum)
            .Key("feedbackDue").String(item.feedback_due)
            .Key("note").StringOrNull(item.note)
            .Key("at").String(item.at)
            .Key("actor").String(item.actor)
            .Key("overdue").Bool(overdue != view.referral_overdue.end() && overdue->second)
            .Key("feedback").BeginArray();
        for (const domain::PartnerFeedback& feedback : item.feedback) {
            out.StringObject(
                {{"id", feedback.id}, {"summary", feedback.summary}, {"at", feedback.at}, {"actor", feedback.actor}});
        }
        out.EndArray().EndObject();
    }
    out.EndArray().Key("reporterFeedback").BeginArray();
    for (const domain::FeedbackMessage& item : file.reporter_feedback) {
        out.StringObject({{"message", item.message}, {"at", item.at}, {"actor", item.actor}});
    }
    out.EndArray()
        .Key("outcome").StringOrNull(header.outcome)
        .Key("closureNote").StringOrNull(header.closure_note)
        .Key("closures").BeginArray();
    for (const domain::Closure& closure : file.closures) {
        out.BeginObject()
            .Key("at").String(closure.at)
            .Key("outcome").String(closure.outcome)
            .Key("note").StringOrNull(closure.note)
            .Key("actor").String(closure.actor)
            .EndObject();
    }
    out.EndArray()
        .Key("reopenCount").Int(header.reopen_count)
        .Key("reopenedAt").StringOrNull(header.reopened_at)
        .Key("reopenings").BeginArray();
    for (const domain::Reopening& reopening : file.reopenings) {
        out.StringObject({{"at", reopening.at}, {"reason", reopening.reason}, {"actor", reopening.actor}});
    }
    out.EndArray()
        .Key("createdAt").String(header.created_at)
        .Key("updatedAt").String(header.updated_at)
        .Key("version").Int(header.version)
        .Key("timeline").BeginArray();
    for (const domain::TimelineEntry& entry : file.timeline) {
        out.StringObject(
            {{"at", entry.at}, {"actor", entry.actor}, {"action", entry.action}, {"detail", entry.detail}});
    }
    out.EndArray().Key("indication");
    Write(out, view.indication);
    out.Key("allowedActions").BeginArray();
    for (domain::CaseAction action : view.allowed_actions) out.String(domain::ToString(action));
    out.EndArray().Key("relatedSignals").BeginArray();
    for (const domain::RelatedSignal& item : view.related_signals) {
        out.BeginObject()
            .Key("signalId").String(item.signal_id)
            .Key("caseId").StringOrNull(item.case_id)
            .Key("createdAt").String(item.created_at)
            .Key("matchedOn").Strings(item.matched_on)
            .EndObject();
    }
    out.EndArray()
        .Key("overdue").Bool(!view.overdue_reasons.empty())
        .Key("overdueReasons").Strings(view.overdue_reasons)
        .Key("retention");
    Write(out, view.retention, view.retain_until);
    out.EndObject();
}

template <typename Value>
std::string Written(const Value& value) {
    JsonWriter out;
    Write(out, value);
    return std::move(out).Take();
}

}  // namespace

std::string SignalJson(const domain::Signal& signal) { return Written(signal); }

std::string SignalsJson(const std::vector<domain::Signal>& signals) { return SignalsWritten(signals, SignalPart::kWhole); }

std::string SummariesToJson(const std::vector<domain::Signal>& signals) {
    return SignalsWritten(signals, SignalPart::kSummary);
}

std::string CaseViewJson(const app::CaseView& view) { return Written(view); }

std::string IndicationJson(const domain::Indication& indication) { return Written(indication); }

Json ToJson(const domain::Signal& signal) { return Json::parse(SignalJson(signal)); }

Json ToJson(const app::CaseView& view) { return Json::parse(CaseViewJson(view)); }

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
