// The use cases of meldroute. Each public call is one request: it checks the caller's role, runs in one
// store transaction, and writes its audit record in that same transaction.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/audit.hpp"
#include "app/oidc.hpp"
#include "base/result.hpp"
#include "base/time.hpp"
#include "domain/catalog.hpp"
#include "domain/catalog_versions.hpp"
#include "domain/deadlines.hpp"
#include "domain/indication.hpp"
#include "domain/model.hpp"
#include "domain/registers.hpp"
#include "domain/retention.hpp"
#include "domain/statistics.hpp"
#include "domain/suggestions.hpp"
#include "store/store.hpp"

namespace meldroute::app {

//! Retention terms (AVG art. 5(1)(e)). One small struct, set from `serve --retention OUTCOME=TERM` (and later
//! from the configuration file). A closed case is kept for the term of its outcome after closure; a signal never
//! taken into a case for `signal_without_case` after filing. Then its personal data is destroyed.
struct RetentionSettings {
    domain::RetentionTerm after_closure{5, 'y'};  // every outcome without a term of its own
    std::map<std::string, domain::RetentionTerm, std::less<>> by_outcome;
    domain::RetentionTerm signal_without_case{1, 'y'};
    //! How often `serve` runs the destruction job, across every instance on the store (a lease in the store).
    std::chrono::seconds interval{std::chrono::hours{24}};

    domain::RetentionTerm ForOutcome(std::string_view outcome) const;
};

//! Applies one rule "OUTCOME=TERM": an outcome code, `standaard` (every outcome without a term of its own) or
//! `zonder-casus` (signals never taken into a case), and a term as "5y", "18m", "30d". InvalidArgument otherwise.
Status ApplyRetentionRule(RetentionSettings& settings, std::string_view rule);

struct ServiceConfig {
    RetentionSettings retention;
    domain::DeadlineSettings deadlines;
    //! A session ends after this long without use, and this long after sign-in whatever its use.
    std::chrono::seconds idle_timeout{15 * 60};
    std::chrono::seconds absolute_lifetime{8 * 3600};
    int lockout_failures = 5;
    int lockout_minutes = 15;
    //! Counts below this are shown as "< n" when figures are shared outside the organisation.
    std::int64_t suppression_threshold = 5;
    //! Secret for the keyed hashes that link signals (32 bytes, kept outside the database). Empty: a random
    //! key for this process only, so links do not survive a restart (for tests).
    std::string link_key;
    //! Whether melders must use a second factor too (aandachtfunctionaris, beheerder and auditor always must).
    bool mfa_for_melder = false;
    //! Accounts that sign in with a password alone (the demo accounts in demo mode, per the contract).
    std::set<std::string> mfa_exempt;
    //! Single sign-on with the municipality's identity provider (off unless an issuer is set).
    OidcConfig oidc;
};

//! How often one client address may do something within a window. The events are counted in the store under a
//! keyed hash of the address (never the address), so every instance on the store sees the same count.
struct RateLimit {
    std::string_view bucket;
    int max_events = 0;
    std::chrono::seconds window{0};
};

//! Failed sign-ins per client address, the API and the sign-in page together: 20 within 15 minutes refuse further
//! sign-ins from it for the rest of the window (429), whichever accounts are tried. The per-account lockout is
//! separate; this stops one address from spraying many accounts.
inline constexpr RateLimit kSignInFailuresByAddress{"sign-in-failure", 20, std::chrono::seconds{15 * 60}};
//! What every sign-in form answers (429) once an address has spent kSignInFailuresByAddress.
inline constexpr const char* kSignInFailuresByAddressText =
    "Te veel mislukte aanmeldpogingen vanaf dit adres. Probeer het over 15 minuten opnieuw.";
//! Anonymous reports per client address: 5 within 10 minutes through the API, and 5 through the form.
inline constexpr RateLimit kAnonymousReportsByAddressApi{"anonymous-api", 5, std::chrono::seconds{10 * 60}};
inline constexpr RateLimit kAnonymousReportsByAddressForm{"anonymous-form", 5, std::chrono::seconds{10 * 60}};

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

//! One account as the beheerder sees it (/beheer/accounts): its roles and the state of its sign-in, never a
//! password hash or a secret.
struct AccountView {
    std::string username;
    std::vector<domain::Role> roles;
    bool active = true;
    bool mfa_required = false;  // the roles ask for a second factor (and the account is not exempt)
    bool mfa_enrolled = false;
    std::optional<std::string> locked_until;  // set while a lockout after failed sign-ins runs
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
    std::int64_t case_version = 0;           // the case's version after the step (the new ETag)
};

//! What a change of a case expects to find: the version the client last saw (If-Match, or the case page's
//! hidden field). A step on a case that changed since is refused with kStaleVersion (412) and changes nothing.
struct Precondition {
    std::optional<std::int64_t> case_version;
};

//! Which page of signals to list: `limit` (1 to kMaxSignalPage, default kDefaultSignalPage) and the cursor of
//! the page before (`before`, as a previous page's `next` gave it), both as the caller wrote them.
struct SignalPageQuery {
    std::optional<std::string> limit;
    std::optional<std::string> before;
};
inline constexpr int kDefaultSignalPage = 100;
inline constexpr int kMaxSignalPage = 500;

//! What a list of signals holds of each. A list never opens a signal's location, persons or business: those are
//! read one signal at a time (GetSignal), each read audited by signal.
enum class SignalDetail {
    kSummary,   //!< codes, channel, status, dates, reporter, case (the API's list, counting)
    kOverview,  //!< the summary, the narrative (for an excerpt) and, for a melder, the feedback (the pages' lists)
};

//! One page of signals, newest first; `next` is the cursor of the following page when there is one. A cursor is
//! a position in the store's order of filing, never anything about a signal's content.
struct SignalList {
    std::vector<domain::Signal> signals;
    int limit = kDefaultSignalPage;
    std::optional<std::string> next;
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
    store::RetentionState retention;
    std::optional<std::string> retain_until;  // when the personal data goes: closure + the outcome's term
};

//! What one run of the destruction job did (or, dry, would do).
struct RetentionRun {
    bool dry_run = false;
    std::vector<store::DestructionRecord> destroyed;
    int held = 0;  // due, but on legal hold
};

//! The person an inspection request (AVG art. 15) is about: name with birth year, and/or a phone number. Matched
//! only through the keyed hashes of the link keys, never by a plaintext lookup.
struct PersonQuery {
    std::string name;
    std::optional<int> birth_year;
    std::string phone;
};

//! One signal as the inspection export shows it: only the matched persons' entries, never another person's.
struct InspectedSignal {
    domain::Signal signal;  // persons filtered to the matched ones
    std::vector<std::string> matched_on;  // "persoon", "telefoon"
    std::optional<domain::CaseFile> case_file;
    std::vector<std::string> recipients;  // partners the case was referred to (names)
    std::string retention;                // the term that applies, in words
    std::optional<std::string> retain_until;
};

//! A rectification's new values; an absent field stays as it is, an empty text clears it.
struct PersonCorrection {
    std::optional<std::string> name;
    std::optional<int> birth_year;
    std::optional<std::string> nationality;
    std::optional<std::string> phone;
};

struct InspectionExport {
    std::string produced_at;
    std::string produced_by;
    std::vector<InspectedSignal> signals;
    std::vector<std::string> purposes;  // of the processing (the register's activities that apply)
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
    std::int64_t first_broken_sequence = 0;  // 0 when valid
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
    //! Signs in with a password, plus a TOTP code (`otp`) or a recovery code once a second factor is enrolled.
    Result<NewSession> SignIn(const std::string& username, const std::string& password, const std::string& otp = "",
                              const std::string& recovery_code = "");
    //! Signs in a user the identity provider vouched for (a validated ID token): the account linked to (issuer,
    //! subject), created at the first sign-in; its roles follow the role claim at every sign-in. No mapped role:
    //! refused (403), nothing created, and the sessions of a linked account end. A role that needs a second
    //! factor without the provider asserting one must give the local TOTP code (or enrol), as with a password.
    Result<NewSession> SignInFederated(const FederatedIdentity& identity, const std::string& otp = "",
                                       const std::string& recovery_code = "");
    //! Audits a single sign-on refused before anyone was identified (a fixed `reason`, never the provider's text).
    void AuditFederatedRefusal(const std::string& reason);
    Result<Principal> Authenticate(const std::string& token);
    Status SignOut(const Principal& principal);

    // Signals (steps 1–2).
    Result<domain::Signal> FileSignal(const Principal& principal, const domain::SignalDraft& draft);
    Result<domain::Signal> FileAnonymousSignal(const domain::SignalDraft& draft);
    //! A page of signals: the melder's own, or (aandachtfunctionaris) all; each page is reached from the one
    //! before through its `next`, so every signal is reachable. Each signal whole or as a summary (`detail`).
    //! Bad limit or cursor → InvalidArgument.
    Result<SignalList> ListSignals(const Principal& principal, const std::optional<std::string>& status,
                                   const SignalPageQuery& page = {}, SignalDetail detail = SignalDetail::kSummary);
    Result<domain::Signal> GetSignal(const Principal& principal, const std::string& signal_id);

    // Cases (steps 3–6), for the aandachtfunctionaris.
    Result<CaseView> CreateCase(const Principal& principal, const std::vector<std::string>& signal_ids);
    Result<CaseView> LinkSignal(const Principal& principal, const std::string& case_id, const std::string& signal_id,
                                const Precondition& precondition = {});
    Result<StepResult> AddEnrichment(const Principal& principal, const std::string& case_id, const std::string& source,
                                     const std::string& purpose, const std::string& content,
                                     const Precondition& precondition = {});
    Result<StepResult> AddAssessment(const Principal& principal, const std::string& case_id,
                                     const std::string& urgency, const std::vector<std::string>& forms,
                                     const std::string& rationale, const Precondition& precondition = {});
    Result<StepResult> AddReferral(const Principal& principal, const std::string& case_id, const std::string& partner,
                                   const std::optional<std::string>& forum, const std::string& feedback_due,
                                   const std::optional<std::string>& note, const Precondition& precondition = {});
    //! `of_case`: the case the caller shows (the case page); a referral of another case is then not found, and
    //! nothing is written.
    Result<StepResult> AddPartnerFeedback(const Principal& principal, const std::string& referral_id,
                                          const std::string& summary, const Precondition& precondition = {},
                                          const std::optional<std::string>& of_case = std::nullopt);
    Result<StepResult> AddReporterFeedback(const Principal& principal, const std::string& case_id,
                                           const std::string& message, const Precondition& precondition = {});
    Result<StepResult> CloseCase(const Principal& principal, const std::string& case_id, const std::string& outcome,
                                 const std::optional<std::string>& note, const Precondition& precondition = {});
    //! Heropenen: a closed case goes back into the route (domain::RouteTable says where) with a required
    //! reason; the earlier closure stays recorded.
    Result<StepResult> ReopenCase(const Principal& principal, const std::string& case_id, const std::string& reason,
                                  const Precondition& precondition = {});
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
    //! Every account with its roles and sign-in state, by username (beheerder; audited).
    Result<std::vector<AccountView>> ListAccounts(const Principal& principal);
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

    // Retention and data-subject rights (retention_service.cpp).
    //! Destroys the personal data of every case and signal whose term has run out and is not on hold, one write
    //! transaction each, with a destruction record and an audit record. The system job: no principal.
    Result<RetentionRun> RunRetention(bool dry_run, const std::string& actor = "bewaartermijn");
    //! RunRetention's step for one candidate read from an earlier snapshot: weighs it against its term and, when
    //! due, destroys it in its own write after checking it again there (not on hold, not destroyed, a signal still
    //! in no case, a case still closed by the closure it was weighed on). Adds what it destroyed, or would, to `run`.
    Status DestroyIfDue(const store::RetentionCandidate& candidate, bool dry_run, const std::string& actor,
                        RetentionRun& run);
    //! The destruction log, newest first (auditor; the aandachtfunctionaris too, to answer requests).
    Result<std::vector<store::DestructionRecord>> ListDestructionLog(const Principal& principal);
    //! Sets (a reason) or lifts (nullopt) the legal hold of a case (aandachtfunctionaris). A change of the case: it
    //! checks `precondition` and takes the case to its next version.
    Result<CaseView> SetLegalHold(const Principal& principal, const std::string& case_id,
                                  const std::optional<std::string>& reason, const Precondition& precondition = {});
    //! Everything about one person across signals and cases (AVG art. 15), for the aandachtfunctionaris.
    Result<InspectionExport> InspectPerson(const Principal& principal, const PersonQuery& query);
    //! Corrects a person on a signal (AVG art. 16) and recomputes the signal's link keys.
    Result<domain::Signal> RectifyPerson(const Principal& principal, const std::string& signal_id, int position,
                                         const PersonCorrection& correction, const std::string& reason);

    // Audit, for the auditor.
    Result<std::vector<store::AuditRecord>> ListAuditEvents(const Principal& principal,
                                                            const std::optional<std::string>& from,
                                                            const std::optional<std::string>& to);
    Result<AuditVerificationResult> VerifyAudit(const Principal& principal);
    //! The processing log of a period (auditor), at most 10,000 records.
    Result<std::vector<store::ProcessingRecord>> ListProcessingRecords(const Principal& principal,
                                                                       const std::optional<std::string>& from,
                                                                       const std::optional<std::string>& to);
    //! Checks the audit chain without a session (the command line, offline).
    Result<AuditVerificationResult> VerifyAuditOffline();

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

    // State shared by every instance on the store (shared_state.cpp): nothing here lives in one process only.
    //! Counts one event of `client` (an address; only a keyed hash of it is stored) against `limit` and returns
    //! its id; nothing, counting nothing, when the limit is reached already. The check and the count are one write,
    //! so requests at the same time cannot together pass the limit. For an attempt that counts only when it fails
    //! (a sign-in), spend the event before the attempt and give it back after a success (GiveBackRateEvent).
    Result<std::optional<std::int64_t>> SpendRateEvent(const RateLimit& limit, std::string_view client);
    //! Uncounts an event that SpendRateEvent counted for `client` against `limit`. When this fails (the store is
    //! unavailable), the attempt stays counted as a failure: the safe side.
    Status GiveBackRateEvent(const RateLimit& limit, std::string_view client, std::int64_t event);
    //! Keeps `payload` for `lifetime` for whoever holds the random `handle` (stored under a hash of the handle,
    //! sealed at rest), for a later request that may reach another instance.
    Status PutTicket(std::string_view kind, std::string_view handle, std::string_view payload,
                     std::chrono::seconds lifetime);
    //! Takes the payload of `handle` out of the store (once); nullopt when unknown, used or expired.
    Result<std::optional<std::string>> TakeTicket(std::string_view kind, std::string_view handle);
    //! The destruction job of `serve`: runs RunRetention when this instance (`holder`) takes the job's lease for one
    //! retention interval; nullopt when the lease is held (another instance, or a run less than an interval ago).
    Result<std::optional<RetentionRun>> RunScheduledRetention(const std::string& holder);

    // Administration (command line and demo).
    Status AddUser(const std::string& username, const std::string& password, const std::vector<domain::Role>& roles,
                   const std::string& actor, const std::string& department = "onbekend");
    //! Adds the demo accounts and sample signals and cases, only to a store without users.
    Status SeedDemo();
    Status CheckReady();

    const ServiceConfig& config() const { return config_; }

    //! Ok when `principal` has one of `roles` (and no second factor waits to be enrolled); otherwise 403, and the
    //! refusal of `action` is written to the audit trail. The API calls it before reading a request's body.
    Status Require(const Principal& principal, std::initializer_list<domain::Role> roles, const std::string& action);
    Status Require(const Principal& principal, const std::vector<domain::Role>& roles, const std::string& action);
    //! Ok unless a second factor waits to be enrolled: then 403, and the refusal of `action` is audited. For the
    //! use cases every role may reach (each then decides what the principal may see).
    Status RequireEnrolled(const Principal& principal, const std::string& action);

private:
    enum class FactorCheck { kPassed, kMissing, kWrong };
    FactorCheck CheckSecondFactor(store::Transaction& transaction, const store::MfaRecord& mfa, const std::string& otp,
                                  const std::string& recovery_code, TimePoint now);
    void RecordSignInFailure(store::Transaction& transaction, const std::string& username, TimePoint now);
    //! Whether `username` is locked now; audits the refused sign-in when it is.
    bool AccountLocked(store::Transaction& transaction, const std::string& username, const std::string& now_text);
    NewSession StartSession(store::Transaction& transaction, const store::UserRecord& user, bool must_enrol,
                            TimePoint now);
    Error LockedError() const;
    //! 412: the precondition's case version is no longer the case's.
    static Error StaleCase();
    void AuditDenied(const Principal& principal, const std::string& action, const std::string& object);
    Status RequireAnyOf(const Principal& principal, std::span<const domain::Role> roles, const std::string& action);
    //! An audited read: `read` runs on a snapshot (the store's reader pool, beside other reads, instead of one
    //! after another on the writer), and only when it succeeds is `entry` appended to the audit trail. The caller
    //! hands out the data only after this returns, so no data leaves without its committed audit record.
    Status AuditedRead(const std::function<Status(store::Transaction&)>& read, const AuditEntry& entry);
    Result<CaseView> LoadCaseView(store::Transaction& transaction, const std::string& case_id);
    //! Applies `action` to the case inside `transaction`: checks the route, updates status and timeline.
    //! Moves a case one step along the route, checking `precondition`; raises the case's version.
    Result<domain::Case> Advance(store::Transaction& transaction, const Principal& principal,
                                 const std::string& case_id, domain::CaseAction action, const std::string& detail,
                                 const Precondition& precondition);

    //! Validates a draft against the catalog in force and stores it with its match keys and audit record.
    Result<domain::Signal> StoreNewSignal(const domain::SignalDraft& draft, const std::string& reporter,
                                          const std::string& channel, const std::string& actor);
    //! Adds the demo registers: officers, staff with completions, the theme day (demo.cpp).
    Status SeedDemoRegisters();

    //! When a closed case's personal data goes, given its closure time and outcome.
    std::optional<std::string> RetainUntil(const store::RetentionState& state,
                                           const std::optional<std::string>& outcome) const;

    //! Stores the keyed hashes of a new signal's match keys inside `transaction`.
    void StoreMatchKeys(store::Transaction& transaction, const domain::Signal& signal);
    //! A signal's match keys as StoreMatchKeys stores them: (kind, keyed hash), worked out before a write.
    std::vector<std::pair<std::string, std::string>> HashedMatchKeys(const domain::Signal& signal) const;

    //! The catalog `version` (nullopt: the built-in one), from the cache or loaded inside `transaction`.
    std::shared_ptr<const domain::Catalog> CatalogIn(store::Transaction& transaction,
                                                     const std::optional<std::string>& version);
    //! Whether these roles must use a second factor.
    bool RequiresMfa(const std::vector<domain::Role>& roles) const;
    //! The catalog version in force, read inside `transaction`.
    std::shared_ptr<const domain::Catalog> ActiveCatalogIn(store::Transaction& transaction);

    TracedStore traced_store_;
    store::Store& store_;  // traced_store_: every transaction carries the request's trace
    ServiceConfig config_;
    std::mutex catalogs_mutex_;
    std::map<std::string, std::shared_ptr<const domain::Catalog>, std::less<>> catalogs_;  // immutable versions
};

}  // namespace meldroute::app
