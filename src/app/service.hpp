// The use cases of meldroute. Each public call is one request: it checks the caller's role, runs in one
// store transaction, and writes its audit record in that same transaction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "domain/deadlines.hpp"
#include "domain/indication.hpp"
#include "domain/model.hpp"
#include "domain/registers.hpp"
#include "domain/suggestions.hpp"
#include "store/store.hpp"

namespace meldroute::app {

struct ServiceConfig {
    domain::DeadlineSettings deadlines;
    int idle_timeout_minutes = 15;
    int absolute_timeout_hours = 8;
    int lockout_failures = 5;
    int lockout_minutes = 15;
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

struct LeadTime {
    std::optional<double> median;
    std::optional<double> p90;
    std::size_t count = 0;
};

struct Statistics {
    std::string from;  // dates as given
    std::string to;
    store::StatisticsRow counts;
    LeadTime signal_to_recorded;
    LeadTime recorded_to_reporter_feedback;
};

struct AuditVerificationResult {
    bool valid = true;
    std::int64_t count = 0;
};

//! Coverage of the e-learning per target group, for beleid and the beheerder: figures only.
struct TrainingCoverage {
    std::string as_of;  // the day the figures hold for, "YYYY-MM-DD"
    domain::TrainingSettings settings;
    std::vector<domain::GroupCoverage> groups;
    std::optional<store::TrainingImportRecord> last_import;
};

//! A staff member as the beheerder sees them, with what follows for the refresher.
struct StaffListItem {
    domain::StaffMember member;
    bool training_current = false;
    bool refresher_due = false;
    std::optional<std::string> refresher_due_from;  // "YYYY-MM-DD", when completed at least once
};

struct ActionPlan {
    std::vector<domain::PlanObjective> objectives;
    std::vector<domain::PlanAction> actions;
    std::string as_of;  // today, for overdue marks
};

struct PlanReport {
    int year = 0;
    std::string as_of;  // the day the report judges overdue actions on
    std::vector<domain::ObjectiveProgress> objectives;
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

    // Reference data, codes and advice.
    Result<std::vector<domain::CodeItem>> ListCodes(const Principal& principal, const std::string& kind);
    Result<std::vector<domain::Suggestion>> SuggestIndicators(const Principal& principal, const std::string& text);

    // Connections between signals, for the aandachtfunctionaris.
    Result<std::vector<domain::Recurrence>> ListRecurrences(const Principal& principal);
    Result<std::vector<domain::Signal>> SearchSignals(const Principal& principal, const domain::SignalSearch& search);

    // Policy figures, never a person's data.
    Result<Statistics> GetStatistics(const Principal& principal, const std::string& from, const std::string& to);

    // Audit, for the auditor.
    Result<std::vector<store::AuditRecord>> ListAuditEvents(const Principal& principal,
                                                            const std::optional<std::string>& from,
                                                            const std::optional<std::string>& to);
    Result<AuditVerificationResult> VerifyAudit(const Principal& principal);

    // Registers (register_service.cpp): training, awareness activities, designated officers, the action plan.
    Result<TrainingCoverage> GetTrainingCoverage(const Principal& principal);
    Result<std::vector<StaffListItem>> ListStaffMembers(const Principal& principal);
    Result<domain::StaffMember> AddStaffMember(const Principal& principal, const domain::StaffMember& member);
    Result<domain::StaffMember> UpdateStaffMember(const Principal& principal, const std::string& staff_id,
                                                  const domain::StaffMember& member);
    //! Imports the learning platform's CSV export whole or not at all; rejected rows come back as invalid
    //! params named "csv[LINE]".
    Result<store::TrainingImportRecord> ImportCompletions(const Principal& principal, const std::string& csv);
    Result<domain::TrainingSettings> SetTrainingSettings(const Principal& principal,
                                                         const domain::TrainingSettings& settings);
    Result<std::vector<domain::AwarenessActivity>> ListActivities(const Principal& principal);
    Result<domain::AwarenessActivity> AddActivity(const Principal& principal, const domain::AwarenessActivity& activity);
    //! Every signed-in employee sees the active officers' contact details; the beheerder sees all.
    Result<std::vector<domain::DesignatedOfficer>> ListOfficers(const Principal& principal);
    Result<domain::DesignatedOfficer> AddOfficer(const Principal& principal, const domain::DesignatedOfficer& officer);
    Result<domain::DesignatedOfficer> UpdateOfficer(const Principal& principal, const std::string& officer_id,
                                                    const domain::DesignatedOfficer& officer);
    Result<ActionPlan> GetActionPlan(const Principal& principal);
    Result<domain::PlanAction> UpdatePlanAction(const Principal& principal, const std::string& action_id,
                                                const domain::PlanActionUpdate& update);
    Result<PlanReport> GetPlanReport(const Principal& principal, int year);

    // Administration (command line and demo).
    Status AddUser(const std::string& username, const std::string& password, const std::vector<domain::Role>& roles,
                   const std::string& actor);
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

    //! Adds the demo registers: officers, staff with completions, the theme day (demo.cpp).
    Status SeedDemoRegisters();

    //! Stores the keyed hashes of a new signal's match keys inside `transaction`.
    void StoreMatchKeys(store::Transaction& transaction, const domain::Signal& signal);

    store::Store& store_;
    ServiceConfig config_;
};

}  // namespace meldroute::app
