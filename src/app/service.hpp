// The use cases of meldroute. Each public call is one request: it checks the caller's role, runs in one
// store transaction, and writes its audit record in that same transaction.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "domain/catalog.hpp"
#include "domain/catalog_versions.hpp"
#include "domain/deadlines.hpp"
#include "domain/indication.hpp"
#include "domain/model.hpp"
#include "domain/statistics.hpp"
#include "domain/suggestions.hpp"
#include "store/store.hpp"

namespace meldroute::app {

struct ServiceConfig {
    domain::DeadlineSettings deadlines;
    int idle_timeout_minutes = 15;
    int absolute_timeout_hours = 8;
    int lockout_failures = 5;
    int lockout_minutes = 15;
    //! Counts below this are shown as "< n" when figures are shared outside the organisation.
    std::int64_t suppression_threshold = 5;
    //! Secret for the keyed hashes that link signals (32 bytes, kept outside the database). Empty: a random
    //! key for this process only, so links do not survive a restart (for tests).
    std::string link_key;
};

//! Who is calling, established from a session token.
struct Principal {
    std::string username;
    std::vector<domain::Role> roles;
    std::string token_hash;
    std::string csrf_token;

    bool Has(domain::Role role) const;
};

struct NewSession {
    std::string token;
    std::string expires_at;
    Principal principal;
};

//! What a step on a case returns: the new record's id and where the case now stands.
struct StepResult {
    std::string id;
    std::string case_id;
    domain::CaseStatus case_status = domain::CaseStatus::kVastgelegd;
    std::optional<std::string> referral_id;  // set for partner feedback
};

//! A case as the aandachtfunctionaris sees it: the file plus what follows from it.
struct CaseView {
    domain::CaseFile file;
    domain::Indication indication;
    domain::CaseFacts facts;
    std::vector<domain::CaseAction> allowed_actions;
    std::vector<std::string> overdue_reasons;
    std::map<std::string, bool> referral_overdue;  // by referral id
    std::vector<domain::RelatedSignal> related_signals;
};

struct CaseListItem {
    domain::CaseSummary summary;
    std::vector<std::string> overdue_reasons;
    std::optional<std::string> next_deadline;
};

//! The figures of a period; with `suppression` set, small counts are to be shown as "< threshold".
struct Statistics {
    std::string from;  // dates as given
    std::string to;
    domain::StatisticsReport report;
    std::optional<domain::Suppression> suppression;
};

//! One year of the yearly overview: the figures from before meldroute beside meldroute's own count.
struct YearlyOverviewRow {
    int year = 0;
    std::optional<store::YearlyFiguresRecord> entered;  // from the table of seed 2.3, or entered later
    std::optional<domain::PeriodCounts> recorded;       // counted in meldroute (signals, cases, care trajectories)
};

struct YearlyOverview {
    std::vector<YearlyOverviewRow> rows;               // oldest first, no gaps
    std::optional<std::int64_t> threshold;             // set when meldroute's small counts are suppressed
};

struct AuditVerificationResult {
    bool valid = true;
    std::int64_t count = 0;
};

class Service {
public:
    Service(store::Store& store, ServiceConfig config);

    // Sessions.
    Result<NewSession> SignIn(const std::string& username, const std::string& password);
    Result<Principal> Authenticate(const std::string& token);
    Status SignOut(const Principal& principal);

    // Signals (steps 1–2).
    Result<domain::Signal> FileSignal(const Principal& principal, const domain::SignalDraft& draft);
    Result<domain::Signal> FileAnonymousSignal(const domain::SignalDraft& draft);
    Result<std::vector<domain::Signal>> ListSignals(const Principal& principal,
                                                    const std::optional<std::string>& status);
    Result<domain::Signal> GetSignal(const Principal& principal, const std::string& signal_id);

    // Cases (steps 3–6), for the aandachtfunctionaris.
    Result<CaseView> CreateCase(const Principal& principal, const std::vector<std::string>& signal_ids);
    Result<CaseView> LinkSignal(const Principal& principal, const std::string& case_id, const std::string& signal_id);
    Result<StepResult> AddEnrichment(const Principal& principal, const std::string& case_id, const std::string& source,
                                     const std::string& purpose, const std::string& content);
    Result<StepResult> AddAssessment(const Principal& principal, const std::string& case_id,
                                     const std::string& urgency, const std::vector<std::string>& forms,
                                     const std::string& rationale);
    Result<StepResult> AddReferral(const Principal& principal, const std::string& case_id, const std::string& partner,
                                   const std::optional<std::string>& forum, const std::string& feedback_due,
                                   const std::optional<std::string>& note);
    Result<StepResult> AddPartnerFeedback(const Principal& principal, const std::string& referral_id,
                                          const std::string& summary);
    Result<StepResult> AddReporterFeedback(const Principal& principal, const std::string& case_id,
                                           const std::string& message);
    Result<StepResult> CloseCase(const Principal& principal, const std::string& case_id, const std::string& outcome,
                                 const std::optional<std::string>& note);
    Result<CaseView> GetCase(const Principal& principal, const std::string& case_id);
    Result<std::vector<CaseListItem>> ListCases(const Principal& principal);
    Result<domain::Indication> GetIndication(const Principal& principal, const std::string& case_id);

    // The indicator catalog: the version in force, older versions for signals filed under them, and publishing.
    //! The version new signals are filed under (no role needed: the catalog holds no personal data).
    Result<std::shared_ptr<const domain::Catalog>> ActiveCatalog();
    //! A version by label (the built-in one included); NotFound when it was never published.
    Result<std::shared_ptr<const domain::Catalog>> CatalogVersion(const std::string& version);
    Result<std::vector<store::CatalogVersionRecord>> ListCatalogVersions(const Principal& principal);
    //! Publishes the next version (beheerder): the complete list, see domain::BuildNextCatalog. When `based_on`
    //! names a version that is no longer in force (someone published meanwhile), nothing changes: 409.
    Result<std::shared_ptr<const domain::Catalog>> PublishCatalog(
        const Principal& principal, const std::vector<domain::IndicatorProposal>& proposal,
        const std::optional<std::string>& based_on);

    // Reference data, codes and advice.
    Result<std::vector<domain::CodeItem>> ListCodes(const Principal& principal, const std::string& kind);
    Result<std::vector<domain::Suggestion>> SuggestIndicators(const Principal& principal, const std::string& text);

    // Connections between signals, for the aandachtfunctionaris.
    Result<std::vector<domain::Recurrence>> ListRecurrences(const Principal& principal);
    Result<std::vector<domain::Signal>> SearchSignals(const Principal& principal, const domain::SignalSearch& search);

    // Policy figures, never a person's data (app/statistics_service.cpp). Each read is audited under `action`
    // ("statistics.read", or "statistics.export" for a download) in the transaction that reads the figures.
    //! The figures of [from, to] (dates). `suppress` needs exactly one calendar year (see docs/operations.md).
    Result<Statistics> GetStatistics(const Principal& principal, const std::string& from, const std::string& to,
                                     bool suppress = false, const std::string& action = "statistics.read");
    //! Every year from the first entered or recorded one to this year.
    Result<YearlyOverview> GetYearlyOverview(const Principal& principal, bool suppress,
                                             const std::string& action = "statistics.read");
    //! The care trajectories started in `year` (first referral to the care coordinator), for the evaluation.
    Result<domain::CareEvaluation> GetCareEvaluation(const Principal& principal, int year, bool suppress,
                                                     const std::string& action = "statistics.read");
    Result<std::vector<store::YearlyFiguresRecord>> ListYearlyFigures(const Principal& principal);
    //! Whether the principal may enter yearly figures (a refusal is audited), checked before a body is read.
    Status MayEnterYearlyFigures(const Principal& principal);
    //! Enters or corrects the figures of one year (beheerder, beleid).
    Result<store::YearlyFiguresRecord> SetYearlyFigures(const Principal& principal, store::YearlyFiguresRecord figures);

    // Audit, for the auditor.
    Result<std::vector<store::AuditRecord>> ListAuditEvents(const Principal& principal,
                                                            const std::optional<std::string>& from,
                                                            const std::optional<std::string>& to);
    Result<AuditVerificationResult> VerifyAudit(const Principal& principal);

    // Administration (command line and demo).
    Status AddUser(const std::string& username, const std::string& password, const std::vector<domain::Role>& roles,
                   const std::string& actor, const std::string& department = "onbekend");
    //! Adds the demo accounts and sample signals and cases, only to a store without users.
    Status SeedDemo();
    Status CheckReady();

    const ServiceConfig& config() const { return config_; }

private:
    Status Require(const Principal& principal, std::initializer_list<domain::Role> roles, const std::string& action);
    void AuditDenied(const Principal& principal, const std::string& action, const std::string& object);
    Result<CaseView> LoadCaseView(store::Transaction& transaction, const std::string& case_id);
    //! Applies `action` to the case inside `transaction`: checks the route, updates status and timeline.
    Result<domain::Case> Advance(store::Transaction& transaction, const Principal& principal,
                                 const std::string& case_id, domain::CaseAction action, const std::string& detail);

    //! Validates a draft against the catalog in force and stores it with its match keys and audit record.
    Result<domain::Signal> StoreNewSignal(const domain::SignalDraft& draft, const std::string& reporter,
                                          const std::string& channel, const std::string& actor);
    //! Stores the keyed hashes of a new signal's match keys inside `transaction`.
    void StoreMatchKeys(store::Transaction& transaction, const domain::Signal& signal);

    //! The catalog `version` (nullopt: the built-in one), from the cache or loaded inside `transaction`.
    std::shared_ptr<const domain::Catalog> CatalogIn(store::Transaction& transaction,
                                                     const std::optional<std::string>& version);
    //! The catalog version in force, read inside `transaction`.
    std::shared_ptr<const domain::Catalog> ActiveCatalogIn(store::Transaction& transaction);

    store::Store& store_;
    ServiceConfig config_;
    std::mutex catalogs_mutex_;
    std::map<std::string, std::shared_ptr<const domain::Catalog>, std::less<>> catalogs_;  // immutable versions
};

}  // namespace meldroute::app
