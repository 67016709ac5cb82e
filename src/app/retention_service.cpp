// Retention and data-subject rights: the destruction job (AVG art. 5(1)(e), 17), legal hold, the inspection
// export (art. 15) and rectification (art. 16). Part of app::Service (service.hpp).
#include <algorithm>
#include <set>

#include "app/crypto.hpp"
#include "app/service.hpp"
#include "app/service_support.hpp"
#include "base/time.hpp"
#include "domain/linking.hpp"
#include "domain/validation.hpp"

namespace meldroute::app {

namespace {

using support::Invalid;
using support::kAllowed;
using support::NowText;
using domain::Role;

constexpr const char* kPurposeRetention = "bewaartermijn en vernietiging";
constexpr const char* kPurposeInspection = "inzageverzoek betrokkene";
constexpr const char* kPurposeRectification = "rectificatie op verzoek betrokkene";
constexpr const char* kWithoutCase = "zonder-casus";
constexpr const char* kDefault = "standaard";
// Candidates read per page: the job's memory, whatever the store holds.
constexpr int kRetentionPage = 500;

bool IsCode(std::string_view text) {
    return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char character) {
        return (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9') || character == '-';
    });
}

// The keyed hashes of a person's match keys, by kind ("persoon", "telefoon").
std::set<std::pair<std::string, std::string>> PersonKeys(const std::string& link_key, const domain::Person& person) {
    domain::Signal probe;
    probe.persons.push_back(person);
    std::set<std::pair<std::string, std::string>> keys;
    for (const domain::MatchKey& key : domain::MatchKeys(probe)) {
        keys.insert({std::string{domain::ToString(key.kind)}, KeyedHashHex(link_key, key.key)});
    }
    return keys;
}

}  // namespace

domain::RetentionTerm RetentionSettings::ForOutcome(std::string_view outcome) const {
    auto found = by_outcome.find(outcome);
    return found != by_outcome.end() ? found->second : after_closure;
}

Status ApplyRetentionRule(RetentionSettings& settings, std::string_view rule) {
    std::size_t equals = rule.find('=');
    std::string_view key = rule.substr(0, equals);
    auto term = equals == std::string_view::npos ? std::nullopt : domain::ParseRetentionTerm(rule.substr(equals + 1));
    if (!IsCode(key) || !term) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "--retention " + std::string{rule} +
                             ": expected OUTCOME=TERM, e.g. zorgtraject=5y, standaard=5y or zonder-casus=1y; a term is "
                             "a number followed by y, m or d");
    }
    if (key == kDefault) {
        settings.after_closure = *term;
    } else if (key == kWithoutCase) {
        settings.signal_without_case = *term;
    } else {
        settings.by_outcome[std::string{key}] = *term;
    }
    return Ok();
}

std::optional<std::string> Service::RetainUntil(const store::RetentionState& state,
                                                const std::optional<std::string>& outcome) const {
    if (!state.closed_at) return std::nullopt;
    auto closed = ParseTime(*state.closed_at);
    if (!closed) return std::nullopt;
    return FormatTime(domain::AddTerm(*closed, config_.retention.ForOutcome(outcome.value_or(""))));
}

Status Service::DestroyIfDue(const store::RetentionCandidate& candidate, bool dry_run, const std::string& actor,
                             RetentionRun& run) {
    const TimePoint now = Now();
    const bool is_case = candidate.kind == "case";
    const domain::RetentionTerm term = is_case ? config_.retention.ForOutcome(candidate.outcome.value_or(""))
                                               : config_.retention.signal_without_case;
    auto since = ParseTime(candidate.since);
    if (!since || domain::AddTerm(*since, term) > now) return Ok();
    if (candidate.on_hold) {
        ++run.held;
        return Ok();
    }
    store::DestructionRecord record;
    record.object_type = candidate.kind;
    record.object_id = candidate.id;
    record.rule = is_case ? "uitkomst " + candidate.outcome.value_or("onbekend") + ": " + domain::ToString(term) +
                                " na afsluiting"
                          : std::string{"melding zonder casus: "} + domain::ToString(term) + " na ontvangst";
    record.actor = actor;
    if (dry_run) {
        run.destroyed.push_back(std::move(record));
        return Ok();
    }
    // One write transaction per case or signal: each is destroyed whole, or not at all. What was weighed outside
    // is checked again inside, since the candidate was read from an earlier snapshot (another instance, or an
    // officer, may have acted since): a hold may have been set, the signal taken into a case, or the case
    // reopened (its closure gone) or reopened and closed again (a later closure, perhaps another outcome and
    // term). A case is destroyed only while the closure it was weighed on is still its latest.
    bool destroyed = false;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        record.destroyed_at = NowText();
        if (is_case) {
            store::RetentionState state = transaction.CaseRetention(candidate.id);
            if (state.hold || state.destroyed_at || state.closed_at != candidate.since) return Ok();
            record.categories = transaction.DestroyCase(candidate.id, record.destroyed_at);
        } else {
            auto signal = transaction.FindSignal(candidate.id);
            if (!signal || signal->case_id || signal->destroyed_at) return Ok();
            record.categories = transaction.DestroySignal(candidate.id, record.destroyed_at);
        }
        transaction.AppendDestructionRecord(record);
        AppendAudit(transaction,
                    {actor, candidate.kind + ".destroy", candidate.kind + "/" + candidate.id, kPurposeRetention,
                     kAllowed},
                    record.destroyed_at);
        destroyed = true;
        return Ok();
    }));
    if (destroyed) run.destroyed.push_back(std::move(record));
    return Ok();
}

Result<RetentionRun> Service::RunRetention(bool dry_run, const std::string& actor) {
    RetentionRun run;
    run.dry_run = dry_run;
    const TimePoint now = Now();
    // Only what may be due is read, a page at a time: cases closed before the bound of the shortest term of any
    // outcome, signals without a case filed before the bound of theirs. The job's cost is what is due, not what
    // the store keeps.
    TimePoint cases_bound = domain::DueIfStartedBefore(now, config_.retention.after_closure);
    for (const auto& [outcome, term] : config_.retention.by_outcome) {
        cases_bound = std::max(cases_bound, domain::DueIfStartedBefore(now, term));
    }
    const std::pair<const char*, TimePoint> scans[] = {
        {"case", cases_bound}, {"signal", domain::DueIfStartedBefore(now, config_.retention.signal_without_case)}};
    for (const auto& [kind, bound] : scans) {
        store::RetentionScan scan{kind, FormatTime(bound), std::nullopt, kRetentionPage};
        for (bool more = true; more;) {
            std::vector<store::RetentionCandidate> candidates;
            MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
                candidates = transaction.ListRetentionCandidates(scan);
                return Ok();
            }));
            more = candidates.size() == static_cast<std::size_t>(kRetentionPage);
            if (more) scan.after = candidates.back();
            for (const store::RetentionCandidate& candidate : candidates) {
                MR_TRY(DestroyIfDue(candidate, dry_run, actor, run));
            }
        }
    }
    return run;
}

Result<std::vector<store::DestructionRecord>> Service::ListDestructionLog(const Principal& principal) {
    MR_TRY(Require(principal, {Role::kAuditor, Role::kAandachtfunctionaris}, "destruction-log.read"));
    std::vector<store::DestructionRecord> records;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        records = transaction.ListDestructionRecords(10000);
        AppendAudit(transaction, {principal.username, "destruction-log.read", "destruction-log", kPurposeRetention,
                                  kAllowed},
                    NowText());
        return Ok();
    }));
    return records;
}

Result<CaseView> Service::SetLegalHold(const Principal& principal, const std::string& case_id,
                                       const std::optional<std::string>& reason, const Precondition& precondition) {
    const std::string action = reason ? "case.hold" : "case.release";
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, action));
    if (reason) {
        std::vector<InvalidParam> problems;
        domain::CheckText(problems, "reason", *reason, domain::kMaxTextLength);
        if (!problems.empty()) return Invalid(std::move(problems));
    }
    std::optional<CaseView> view;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto header = transaction.FindCase(case_id);
        if (!header) return MakeError(ErrorCode::kNotFound, "Deze casus bestaat niet of is niet zichtbaar.");
        if (precondition.case_version && *precondition.case_version != header->version) return StaleCase();
        store::RetentionState state = transaction.CaseRetention(case_id);
        if (state.destroyed_at) {
            return MakeError(ErrorCode::kFailedPrecondition,
                             "De persoonsgegevens van deze casus zijn al vernietigd; er valt niets meer te bewaren.");
        }
        if (!reason && !state.hold) {
            return MakeError(ErrorCode::kFailedPrecondition, "Deze casus heeft geen bewaarplicht om op te heffen.");
        }
        std::string now = NowText();
        transaction.SetLegalHold(case_id, reason ? std::optional<store::LegalHold>{{*reason, principal.username, now}}
                                                 : std::nullopt);
        header->version += 1;  // the case's page and ETag change with it
        transaction.UpdateCase(*header);
        transaction.InsertTimelineEntry(
            case_id, {now, principal.username, reason ? "hold" : "release",
                      reason ? "Bewaarplicht ingesteld: de casus wordt niet vernietigd zolang die geldt."
                             : "Bewaarplicht opgeheven: de gewone bewaartermijn geldt weer."});
        AppendAudit(transaction, {principal.username, action, "case/" + case_id, kPurposeRetention, kAllowed}, now);
        view = MR_TRY(LoadCaseView(transaction, case_id));
        return Ok();
    }));
    return std::move(*view);
}

Result<InspectionExport> Service::InspectPerson(const Principal& principal, const PersonQuery& query) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "subject-access.export"));
    std::vector<InvalidParam> problems;
    domain::Person wanted{"overig", domain::Trim(query.name), query.birth_year, "", domain::Trim(query.phone)};
    domain::CheckPerson(problems, "", wanted, DayOf(Now()));
    auto keys = PersonKeys(config_.link_key, wanted);
    if (problems.empty() && keys.empty()) {
        problems.push_back({wanted.name.empty() ? "name" : "birthYear",
                            "Geef naam én geboortejaar, of een telefoonnummer: daarop wordt gezocht."});
    }
    if (!problems.empty()) return Invalid(std::move(problems));
    InspectionExport result;
    result.produced_at = NowText();
    result.produced_by = principal.username;
    for (const auto& activity : ProcessingActivities()) {
        if (activity.id == "mr-01" || activity.id == "mr-02" || activity.id == "mr-03" || activity.id == "mr-11") {
            result.purposes.push_back(std::string{activity.name});
        }
    }
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        std::map<std::string, std::set<std::string>> matched;  // signal id → kinds
        for (const auto& [kind, hash] : keys) {
            for (const std::string& id : transaction.FindSignalIdsByKey(kind, hash)) matched[id].insert(kind);
        }
        auto partners = transaction.ListCodes("partner");
        for (const auto& [signal_id, kinds] : matched) {
            auto signal = transaction.FindSignal(signal_id);
            if (!signal) continue;
            InspectedSignal item;
            item.matched_on.assign(kinds.begin(), kinds.end());
            // Only the entries of the person asked about: the others on the signal have rights of their own.
            std::vector<domain::Person> persons;
            for (const domain::Person& person : signal->persons) {
                auto own = PersonKeys(config_.link_key, person);
                if (std::any_of(own.begin(), own.end(), [&](const auto& key) { return keys.contains(key); })) {
                    persons.push_back(person);
                }
            }
            signal->persons = std::move(persons);
            signal->rectifications = transaction.ListRectifications(signal_id);
            item.signal = std::move(*signal);
            if (item.signal.case_id) {
                auto view = MR_TRY(LoadCaseView(transaction, *item.signal.case_id));
                for (const domain::Referral& referral : view.file.referrals) {
                    std::string name = referral.partner;
                    for (const auto& partner : partners) {
                        if (partner.code == referral.partner) name = partner.name;
                    }
                    if (std::find(item.recipients.begin(), item.recipients.end(), name) == item.recipients.end()) {
                        item.recipients.push_back(name);
                    }
                }
                domain::RetentionTerm term = config_.retention.ForOutcome(view.file.header.outcome.value_or(""));
                item.retention = domain::DutchLabel(term) + " na afsluiting van de casus";
                item.retain_until = view.retain_until;
                // Only the case's own texts; its other signals may be about other people.
                view.file.signals.clear();
                item.case_file = std::move(view.file);
                AppendAudit(transaction, {principal.username, "subject-access.export", "case/" + *item.signal.case_id,
                                          kPurposeInspection, kAllowed},
                            result.produced_at);
            } else {
                item.retention = domain::DutchLabel(config_.retention.signal_without_case) +
                                 " na ontvangst, als de melding niet in een casus wordt opgenomen";
                if (auto created = ParseTime(item.signal.created_at)) {
                    item.retain_until =
                        FormatTime(domain::AddTerm(*created, config_.retention.signal_without_case));
                }
            }
            AppendAudit(transaction, {principal.username, "subject-access.export", "signal/" + signal_id,
                                      kPurposeInspection, kAllowed},
                        result.produced_at);
            result.signals.push_back(std::move(item));
        }
        if (matched.empty()) {
            AppendAudit(transaction, {principal.username, "subject-access.export", "signals", kPurposeInspection,
                                      kAllowed},
                        result.produced_at);
        }
        return Ok();
    }));
    return result;
}

Result<domain::Signal> Service::RectifyPerson(const Principal& principal, const std::string& signal_id, int position,
                                              const PersonCorrection& correction, const std::string& reason) {
    MR_TRY(Require(principal, {Role::kAandachtfunctionaris}, "person.rectify"));
    std::vector<InvalidParam> problems;
    domain::CheckText(problems, "reason", reason, domain::kMaxTextLength);
    std::optional<domain::Signal> result;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        auto signal = transaction.FindSignal(signal_id);
        if (!signal) return MakeError(ErrorCode::kNotFound, "Deze melding bestaat niet of is niet zichtbaar.");
        if (signal->destroyed_at) {
            return MakeError(ErrorCode::kFailedPrecondition, "De persoonsgegevens van deze melding zijn vernietigd.");
        }
        if (position < 0 || position >= static_cast<int>(signal->persons.size())) {
            problems.push_back({"position", "Deze melding heeft geen persoon op deze plaats."});
            return Invalid(std::move(problems));
        }
        domain::Person& person = signal->persons[static_cast<std::size_t>(position)];
        domain::Person updated = person;
        if (correction.name) updated.name = domain::Trim(*correction.name);
        if (correction.birth_year) updated.birth_year = correction.birth_year;
        if (correction.nationality) updated.nationality = domain::Trim(*correction.nationality);
        if (correction.phone) updated.phone = domain::Trim(*correction.phone);
        domain::CheckPerson(problems, "", updated, DayOf(Now()));
        if (!problems.empty()) return Invalid(std::move(problems));
        domain::Rectification record;
        if (updated.name != person.name) record.fields.push_back("name");
        if (updated.birth_year != person.birth_year) record.fields.push_back("birthYear");
        if (updated.nationality != person.nationality) record.fields.push_back("nationality");
        if (updated.phone != person.phone) record.fields.push_back("phone");
        if (record.fields.empty()) {
            return MakeError(ErrorCode::kUnprocessable, "Er is niets veranderd.",
                             {{"name", "Wijzig ten minste één gegeven."}});
        }
        record.id = NewId();
        record.signal_id = signal_id;
        record.position = position;
        record.reason = reason;
        record.at = NowText();
        record.actor = principal.username;
        person = updated;
        transaction.UpdatePerson(signal_id, position, updated);
        // The link keys follow the corrected data: old keys could tie this signal to the wrong person.
        transaction.DeleteSignalKeys(signal_id);
        StoreMatchKeys(transaction, *signal);
        transaction.InsertRectification(record);
        if (signal->case_id) {
            transaction.InsertTimelineEntry(*signal->case_id,
                                            {record.at, principal.username, "rectify",
                                             "Persoonsgegevens op een melding gerectificeerd (art. 16 AVG)."});
            // The case shows the corrected person: a new version of it.
            if (auto header = transaction.FindCase(*signal->case_id)) {
                header->version += 1;
                transaction.UpdateCase(*header);
            }
        }
        AppendAudit(transaction, {principal.username, "person.rectify", "signal/" + signal_id, kPurposeRectification,
                                  kAllowed},
                    record.at);
        signal->rectifications = transaction.ListRectifications(signal_id);
        result = std::move(*signal);
        return Ok();
    }));
    return std::move(*result);
}

}  // namespace meldroute::app
