// JSON bodies in and out: strict reading (unknown fields, wrong types and missing fields are named in
// invalidParams) and the contract's shapes for domain values.
#pragma once

#include <nlohmann/json.hpp>

#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/service.hpp"
#include "base/result.hpp"
#include "domain/model.hpp"

namespace meldroute::http {

using Json = nlohmann::ordered_json;

//! An array of `convert(item)` for each item, each moved in (no copy of what `convert` built).
template <typename Items, typename Convert>
Json ArrayOf(const Items& items, Convert convert) {
    Json json(Json::value_t::array);
    auto& array = json.get_ref<Json::array_t&>();
    array.reserve(std::size(items));
    for (const auto& item : items) array.emplace_back(convert(item));
    return json;
}

//! Reads one JSON object field by field, collecting every problem before failing once.
class BodyReader {
public:
    //! Parses `body` as a JSON object; malformed JSON or a non-object is a 400 naming "body".
    static Result<BodyReader> Parse(const std::string& body);

    BodyReader(const Json& object, std::string prefix);

    std::string RequiredString(const std::string& key);
    std::optional<std::string> OptionalString(const std::string& key);
    std::optional<int> OptionalInt(const std::string& key);
    std::optional<bool> OptionalBool(const std::string& key);
    std::vector<std::string> StringArray(const std::string& key, bool required);
    //! A nested object, or nullptr when absent or null (a wrong type is recorded as a problem).
    const Json* OptionalObject(const std::string& key);
    //! A nested array, or nullptr when absent or null.
    const Json* OptionalArray(const std::string& key);

    void AddProblems(const std::vector<InvalidParam>& problems);
    std::string Name(const std::string& key) const { return prefix_ + key; }

    //! Records unknown fields and returns the collected problems as one 400 error, or Ok.
    Status Finish();
    std::vector<InvalidParam>& problems() { return problems_; }

private:
    const Json* Field(const std::string& key);

    std::shared_ptr<const Json> owned_;  // heap-held so moving the reader keeps object_ valid
    const Json* object_;
    std::string prefix_;
    std::set<std::string> seen_;
    std::vector<InvalidParam> problems_;
};

//! Reads a signal draft from a request body (for POST /signals and the anonymous form).
Result<domain::SignalDraft> ReadSignalDraft(const std::string& body, bool anonymous);

//! A proposed catalog version: {"basedOn"?, "indicators": [{"code"?, "category"?, "text", "help"?, "retired"?}]}.
struct CatalogProposal {
    std::optional<std::string> based_on;
    std::vector<domain::IndicatorProposal> indicators;
};
Result<CatalogProposal> ReadCatalogProposal(const std::string& body);

Json ToJson(const domain::Catalog& catalog);
//! A whole signal, a list of them, a case with everything the officer sees of it and an indication, as JSON text
//! written without a Json tree: these are the answers read most, and building the tree first cost more than
//! serialising it (GET a case, docs/performance.md).
std::string SignalJson(const domain::Signal& signal);
std::string SignalsJson(const std::vector<domain::Signal>& signals);
std::string CaseViewJson(const app::CaseView& view);
std::string IndicationJson(const domain::Indication& indication);
//! The same as a Json tree, for a document that takes parts of it (the inspection export).
Json ToJson(const domain::Signal& signal);
Json ToJson(const app::CaseView& view);
//! Signals in a list, as JSON text: of each what it is (codes, channel), where it stands and when, without the
//! narrative, location, persons or business; the whole signal is read (and audited) one at a time. Written
//! without a Json tree.
std::string SummariesToJson(const std::vector<domain::Signal>& signals);
Json ToJson(const app::CaseListItem& item);
Json ToJson(const app::StepResult& result);
Json ToJson(const store::AuditRecord& record);
Json ToJson(const domain::Recurrence& recurrence);

}  // namespace meldroute::http
