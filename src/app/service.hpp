// The use cases of meldroute. Each public call is one request: it checks the caller's role, runs in one
// store transaction, and writes its audit record in that same transaction.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "domain/catalog.hpp"
#include "domain/catalog_versions.hpp"
#include "domain/deadlines.hpp"
#include "domain/indication.hpp"
#include "domain/model.hpp"
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
    //! Whether melders must use a second factor too (aandachtfunctionaris, beheerder and auditor always must).
    bool mfa_for_melder = false;
    //! Accounts that sign in with a password alone (the demo accounts in demo mode, per the contract).
    std::set<std::string> mfa_exempt;
};

//! The demo accounts of the contract (melder, melder2, af, beleid, beheer, auditor).
std::set<std::string> DemoAccountNames();

//! A started TOTP enrolment: what the user puts into an authenticator app.
struct TotpEnrolment {
    std::string secret_text;  // base32, for typing in
    std::string otpauth_uri;  // for the QR code
};

//! Whether a user has a second factor, and how many recovery codes are left.
struct MfaStatus {
    bool enrolled = false;
    bool required = false;
    int recovery_codes_left = 0;
};

//! Who is calling, established from a session token.
struct Principal {
    std::string username;
    std::vector<domain::Role> roles;
    std::string token_hash;
    std::string csrf_token;
    //! Signed in with a password alone by a role that needs a second factor: only enrolment is allowed.
    bool must_enrol = false;

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

class Service {
public:
    Service(store::Store& store, ServiceConfig config);

    // Sessions.
    //! Signs in with a password, plus a TOTP code (`otp`) or a recovery code once a second factor is enrolled.
    Result<NewSession> SignIn(const std::string& username, const std::string& password, const std::string& otp = "",
                              const std::string& recovery_code = "");
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

    // Second factor (TOTP): enrolment by the user, reset and session revocation by the beheerder.
    Result<MfaStatus> GetMfaStatus(const Principal& principal);
    //! Starts (or restarts) an enrolment; 409 when a second factor is already in use.
    Result<TotpEnrolment> StartTotpEnrolment(const Principal& principal);
    //! The started, not yet confirmed enrolment, if any (to show its QR code again).
    Result<std::optional<TotpEnrolment>> PendingTotpEnrolment(const Principal& principal);
    //! Confirms the enrolment with a first code; returns the recovery codes, shown this once only.
    Result<std::vector<std::string>> ConfirmTotpEnrolment(const Principal& principal, const std::string& otp);
    //! Removes a user's second factor and ends their sessions (a lost phone); they enrol again at next sign-in.
    Status ResetMfa(const Principal& principal, const std::string& username);
    //! Ends every session of `username` (beheerder).
    Status RevokeSessions(const Principal& principal, const std::string& username);
    //! Sets a new password and ends every session of the account (command line).
    Status SetPassword(const std::string& username, const std::string& password, const std::string& actor);

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

    // Policy figures, never a person's data.
    Result<Statistics> GetStatistics(const Principal& principal, const std::string& from, const std::string& to);

    // Audit, for the auditor.
    Result<std::vector<store::AuditRecord>> ListAuditEvents(const Principal& principal,
                                                            const std::optional<std::string>& from,
                                                            const std::optional<std::string>& to);
    Result<AuditVerificationResult> VerifyAudit(const Principal& principal);

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

    //! Validates a draft against the catalog in force and stores it with its match keys and audit record.
    Result<domain::Signal> StoreNewSignal(const domain::SignalDraft& draft, const std::string& reporter,
                                          const std::string& channel, const std::string& actor);
    //! Stores the keyed hashes of a new signal's match keys inside `transaction`.
    void StoreMatchKeys(store::Transaction& transaction, const domain::Signal& signal);

    //! The catalog `version` (nullopt: the built-in one), from the cache or loaded inside `transaction`.
    std::shared_ptr<const domain::Catalog> CatalogIn(store::Transaction& transaction,
                                                     const std::optional<std::string>& version);
    //! Whether these roles must use a second factor.
    bool RequiresMfa(const std::vector<domain::Role>& roles) const;
    //! The catalog version in force, read inside `transaction`.
    std::shared_ptr<const domain::Catalog> ActiveCatalogIn(store::Transaction& transaction);

    store::Store& store_;
    ServiceConfig config_;
    std::mutex catalogs_mutex_;
    std::map<std::string, std::shared_ptr<const domain::Catalog>, std::less<>> catalogs_;  // immutable versions
};

}  // namespace meldroute::app
