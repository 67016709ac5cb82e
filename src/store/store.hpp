// The storage interface: one Transaction per request, committed whole or not at all.
// Implementations: store/sqlite (default, embedded) and store/postgres, both running store/sql/transaction.hpp.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/metrics.hpp"
#include "base/result.hpp"
#include "domain/catalog.hpp"
#include "domain/model.hpp"
#include "store/register_store.hpp"
#include "domain/statistics.hpp"

namespace meldroute::store {

struct UserRecord {
    std::string username;
    std::string password_hash;  // Argon2id encoded string (libsodium crypto_pwhash_str)
    std::vector<domain::Role> roles;
    bool active = true;
    std::string created_at;
    std::string department = "onbekend";  // the reporting department, for the figures (e.g. "publiekszaken")
};

struct SessionRecord {
    std::string token_hash;  // hex of a keyed hash of the bearer token; the token itself is never stored
    std::string username;
    std::string csrf_token;  // random, for the pages' forms
    std::string created_at;
    std::string last_seen_at;
    bool must_enrol = false;  // signed in with a password only, by a role that needs a second factor first
};

//! A local account's link to a user of the identity provider (single sign-on), keyed on (issuer, subject).
struct FederatedIdentityRecord {
    std::string issuer;
    std::string subject;  // the provider's stable id of the user ("sub"), never shown
    std::string username;
    std::string display_name;
    std::string created_at;
    std::string last_sign_in_at;
};

//! A user's TOTP second factor. The store seals the secret at rest like every personal-data field.
struct MfaRecord {
    std::string username;
    std::string secret;
    std::optional<std::string> confirmed_at;  // unset while the enrolment waits for its first code
    std::int64_t last_step = 0;               // the last time step accepted, so a code works only once
};

struct AuditRecord {
    std::int64_t sequence = 0;
    std::string at;
    std::string actor;
    std::string action;
    std::string object;
    std::string purpose;
    std::string outcome;
    std::string previous_hash;
    std::string hash;
};

//! One entry of the processing log, in the fields of the Logboek Dataverwerkingen standard.
struct ProcessingRecord {
    std::int64_t sequence = 0;
    std::string trace_id;
    std::string span_id;
    std::string parent_span_id;
    std::string name;  // the operation, e.g. "signal.read"
    std::string started_at;
    std::string ended_at;
    std::string status;  // "OK" | "ERROR"
    std::string activity_id;  // entry of the register of processing activities
    std::string purpose;
    std::string data_subject_id;    // a random record id (signal/case), never a name or number of a person
    std::string data_subject_type;  // "signal" | "case" | "referral" | empty
    std::string actor;
    std::int64_t audit_sequence = 0;  // the audit record written with it
};

//! How much of each signal a list reads: opening sealed cells is the cost of a list, and each opened cell is
//! personal data handed to the caller.
enum class SignalColumns {
    kAll,                //!< the whole signal: every sealed cell opened, its persons read
    kPlain,              //!< a summary: id, status, channel, codes, catalog version, dates, reporter, case; no
                         //!< sealed cell opened, no person read (narrative, location, persons, business stay empty)
    kPlainAndNarrative,  //!< a summary and the narrative (for an excerpt): one sealed cell opened per signal
};

struct SignalFilter {
    std::optional<std::string> reporter;  // only this reporter's signals
    std::optional<std::string> status;    // "gemeld" or a case status
    int limit = 500;
    std::optional<std::int64_t> before;  // only signals filed before this one (its sequence): the next page
    //! Which of each signal's columns are read.
    SignalColumns columns = SignalColumns::kAll;
};

//! A narrative's entries in the blind search index: the keyed hashes of its normalised, stemmed words, sorted and
//! distinct, as one JSON array of integers. Only the store's search key makes them (Store::IndexTermsOf).
struct IndexTerms {
    std::string keys;
};

//! One page of signals, newest first; `next_before` is set when older ones follow (the `before` of the next page).
struct SignalPage {
    std::vector<domain::Signal> signals;
    std::optional<std::int64_t> next_before;
};

struct AuditFilter {
    std::optional<std::string> from;  // inclusive time "YYYY-MM-DDT00:00:00Z"
    std::optional<std::string> to;    // exclusive
    int limit = 1000;
};

//! Figures of one year from before meldroute (seed 2.3), entered by beheer or beleid; a missing figure is null.
struct YearlyFiguresRecord {
    int year = 0;
    std::optional<std::int64_t> region_signals;            // "Meldingen", Regio Achterhoek/Arnhem
    std::optional<std::int64_t> region_care_trajectories;  // "Zorgtrajecten", Regio Achterhoek/Arnhem
    std::optional<std::int64_t> municipality_count;        // the row "Zevenaar"
    std::string source;
    std::string updated_at;
    std::string updated_by;
};

//! One published catalog version (the built-in version is not stored).
struct CatalogVersionRecord {
    std::string version;
    std::string published_at;
    std::string published_by;
};

//! A closed case, or a signal never taken into a case, whose personal data is not destroyed yet: what the
//! retention job weighs. `since` is when the case was closed, or when the signal was filed.
struct RetentionCandidate {
    std::string kind;  // "case" | "signal"
    std::string id;
    std::optional<std::string> outcome;  // cases only
    std::string since;
    bool on_hold = false;
    std::int64_t position = 0;  // the store's sequence: orders candidates with the same `since`
};

//! One page of the retention candidates of one kind, oldest `since` first: only those whose `since` is before
//! `since_before` (what may be due), after the candidate a previous page ended with.
struct RetentionScan {
    std::string kind;  // "case" | "signal"
    std::string since_before;
    std::optional<RetentionCandidate> after;
    int limit = 500;
};

//! A short-lived, single-use record that one request leaves for a later one, which may reach another instance
//! (a single sign-on attempt between the redirect to the provider and the way back). Found by a hash of a
//! random handle the client holds; the payload is sealed at rest like a personal-data field.
struct TicketRecord {
    std::string kind;      // what it is for, e.g. "oidc-login"
    std::string key_hash;  // hex SHA-256 of the client's handle; the handle itself is never stored
    std::string payload;
    std::string expires_at;
};

//! A legal hold on a case: while set, the retention job never destroys the case. The reason is sealed.
struct LegalHold {
    std::string reason;
    std::string set_by;
    std::string set_at;
};

//! Where a case or signal stands in its retention: on hold, or destroyed (only the skeleton remains).
struct RetentionState {
    std::optional<LegalHold> hold;
    std::optional<std::string> destroyed_at;
    std::optional<std::string> closed_at;  // cases only
};

//! A case as its page shows it: the file (its signals with their persons; enrichments, assessments, referrals with
//! their partners' feedback, messages to the reporter, timeline, closures and reopenings, each oldest first), the
//! signals elsewhere that share a match key with one of its signals (newest first, at most 100, each with the kinds
//! it matched on) and its retention state.
struct CaseRecord {
    domain::CaseFile file;
    std::vector<domain::RelatedSignal> related_signals;
    RetentionState retention;
};

//! One destruction: which object, when, under which rule, which categories of data. No personal data.
struct DestructionRecord {
    std::int64_t sequence = 0;
    std::string object_type;  // "case" | "signal"
    std::string object_id;
    std::string destroyed_at;
    std::string rule;  // e.g. "uitkomst zorgtraject: 5y na afsluiting"
    std::vector<std::string> categories;
    std::string actor;
};

//! A rectification of a person on a signal (reason sealed); the old values are not kept.
using RectificationRecord = domain::Rectification;

//! Raised by a store on an I/O or engine failure; the Store turns it into a rolled-back Unavailable error.
class StoreFailure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

//! The data operations of one transaction. Methods throw StoreFailure on engine errors.
//! Personal data (narratives, names, phone numbers, addresses, businesses, free texts of the route, TOTP
//! secrets) passes through these methods in plaintext and is sealed at rest by the store with the
//! FieldCipher it was opened with (store/field_cipher.hpp); a value that does not open fails the transaction.
class Transaction {
public:
    virtual ~Transaction() = default;

    // Users and sign-in.
    virtual void InsertUser(const UserRecord& user) = 0;
    virtual std::optional<UserRecord> FindUser(std::string_view username) = 0;
    virtual std::vector<UserRecord> ListUsers() = 0;
    virtual void UpdatePasswordHash(std::string_view username, std::string_view password_hash) = 0;
    virtual void RecordLoginFailure(std::string_view username, std::string_view at) = 0;
    virtual int CountLoginFailuresSince(std::string_view username, std::string_view since) = 0;
    virtual void ClearLoginFailures(std::string_view username) = 0;
    //! Replaces the roles of an account (single sign-on: the roles follow the identity provider's claim).
    virtual void UpdateUserRoles(std::string_view username, const std::vector<domain::Role>& roles) = 0;
    virtual std::optional<FederatedIdentityRecord> FindFederatedIdentity(std::string_view issuer,
                                                                         std::string_view subject) = 0;
    //! Inserts the link, or updates its display name and last sign-in.
    virtual void UpsertFederatedIdentity(const FederatedIdentityRecord& identity) = 0;
    //! Locks an account name (known or not) until `until`; a later lock replaces an earlier one.
    virtual void LockAccount(std::string_view username, std::string_view until) = 0;
    //! The time until which the account name is locked, if a lock was ever set.
    virtual std::optional<std::string> AccountLockedUntil(std::string_view username) = 0;

    // Second factor (TOTP) and recovery codes (stored as hashes).
    virtual std::optional<MfaRecord> FindMfa(std::string_view username) = 0;
    virtual void UpsertMfa(const MfaRecord& record) = 0;
    //! Removes the second factor and the recovery codes of `username`.
    virtual void DeleteMfa(std::string_view username) = 0;
    virtual void ReplaceRecoveryCodes(std::string_view username, const std::vector<std::string>& code_hashes) = 0;
    //! Marks an unused recovery code as used; false when no unused code has this hash.
    virtual bool UseRecoveryCode(std::string_view username, std::string_view code_hash, std::string_view at) = 0;
    virtual int CountUnusedRecoveryCodes(std::string_view username) = 0;

    // Sessions.
    virtual void InsertSession(const SessionRecord& session) = 0;
    virtual std::optional<SessionRecord> FindSession(std::string_view token_hash) = 0;
    //! The session and its user, read together (one round trip on PostgreSQL): what every signed-in request
    //! reads first. The user is none when the session is, or when its user is gone.
    virtual std::pair<std::optional<SessionRecord>, std::optional<UserRecord>> FindSessionAndUser(
        std::string_view token_hash) = 0;
    virtual void TouchSession(std::string_view token_hash, std::string_view at) = 0;
    virtual void DeleteSession(std::string_view token_hash) = 0;
    virtual void DeleteSessionsOf(std::string_view username) = 0;
    //! Lifts the enrolment-only restriction of every session of `username` (after enrolling a second factor).
    virtual void ClearMustEnrol(std::string_view username) = 0;

    // Signals.
    //! Inserts a signal and adds its narrative to the blind search index under `terms` (Store::IndexTermsOf of
    //! the narrative, worked out before the write so the one writer does not).
    virtual void InsertSignal(const domain::Signal& signal, const IndexTerms& terms) = 0;
    //! The same, working out the terms here.
    void InsertSignal(const domain::Signal& signal) { InsertSignal(signal, IndexTermsOf(signal.narrative)); }
    //! As Store::IndexTermsOf.
    [[nodiscard]] virtual IndexTerms IndexTermsOf(std::string_view narrative) const = 0;
    virtual std::optional<domain::Signal> FindSignal(std::string_view id) = 0;
    //! A page along the signals' sequence (keyset): its cost is the page, however deep it lies.
    virtual SignalPage ListSignals(const SignalFilter& filter) = 0;
    virtual std::vector<domain::Signal> ListSignalsOfCase(std::string_view case_id) = 0;
    virtual void SetSignalCase(std::string_view signal_id, std::string_view case_id) = 0;

    // Linking and search (link keys are keyed hashes computed by the app; the store never sees plaintext keys).
    virtual void InsertSignalKey(std::string_view signal_id, std::string_view kind, std::string_view key_hash) = 0;
    virtual std::vector<domain::Recurrence> ListRecurrences(int min_signals, int limit) = 0;
    //! Signals whose narrative holds every word of `text` (compared as Dutch stems, lowercase, diacritics
    //! folded; no words: no text condition) and that pass the filters, newest first. The store matches against
    //! a blind index of keyed hashes, never plaintext. The text match is bounded to the newest `candidates`
    //! hits before filtering.
    virtual std::vector<domain::Signal> SearchSignals(const std::string& text, const domain::SignalSearch& search,
                                                      int candidates, int limit) = 0;

    // Cases and what is recorded on them.
    virtual void InsertCase(const domain::Case& header) = 0;
    virtual std::optional<domain::Case> FindCase(std::string_view id) = 0;
    virtual void UpdateCase(const domain::Case& header) = 0;
    virtual std::vector<domain::CaseSummary> ListCaseSummaries(int limit) = 0;
    virtual void InsertEnrichment(const domain::Enrichment& enrichment) = 0;
    virtual void InsertAssessment(const domain::Assessment& assessment) = 0;
    virtual void InsertReferral(const domain::Referral& referral) = 0;
    virtual std::optional<domain::Referral> FindReferral(std::string_view id) = 0;
    virtual void InsertPartnerFeedback(const domain::PartnerFeedback& feedback) = 0;
    virtual void InsertReporterFeedback(std::string_view id, std::string_view case_id,
                                        const domain::FeedbackMessage& message) = 0;
    virtual std::vector<domain::FeedbackMessage> ListReporterFeedback(std::string_view case_id) = 0;
    //! Closures and reopenings are kept as they were (append-only).
    virtual void InsertClosure(std::string_view case_id, const domain::Closure& closure) = 0;
    virtual void InsertReopening(std::string_view case_id, const domain::Reopening& reopening) = 0;
    virtual void InsertTimelineEntry(std::string_view case_id, const domain::TimelineEntry& entry) = 0;
    //! The case's file, related signals and retention state in one go (the retention state is what CaseRetention
    //! gives); nullopt when there is no such case. On PostgreSQL the statements that need
    //! only the case's id travel together in one round trip, then one per eight match keys of the case's own
    //! signals and one for the related signals found, instead of one per statement.
    virtual std::optional<CaseRecord> LoadCase(std::string_view case_id) = 0;

    // Retention and data-subject rights.
    //! A page of what the retention job weighs: its cost is the page, not the signals and cases kept.
    virtual std::vector<RetentionCandidate> ListRetentionCandidates(const RetentionScan& scan) = 0;
    virtual RetentionState CaseRetention(std::string_view case_id) = 0;
    //! When the signal's personal data was destroyed, if it was.
    virtual std::optional<std::string> SignalDestroyedAt(std::string_view signal_id) = 0;
    virtual void SetLegalHold(std::string_view case_id, const std::optional<LegalHold>& hold) = 0;
    //! Destroys the personal data of one signal (narrative, location, business, persons, match keys, search
    //! index rows, rectification reasons) and marks it destroyed; returns the categories that held data.
    virtual std::vector<std::string> DestroySignal(std::string_view signal_id, std::string_view at) = 0;
    //! Destroys the free texts of a case (rationales, enrichment texts, referral notes, feedback, closure note,
    //! hold reason) and the personal data of its signals, keeping codes, dates and counts; returns categories.
    virtual std::vector<std::string> DestroyCase(std::string_view case_id, std::string_view at) = 0;
    virtual void AppendDestructionRecord(const DestructionRecord& record) = 0;
    //! Newest first, at most `limit`.
    virtual std::vector<DestructionRecord> ListDestructionRecords(int limit) = 0;
    //! The signals holding a match key with this keyed hash, of this kind ("persoon", "telefoon").
    virtual std::vector<std::string> FindSignalIdsByKey(std::string_view kind, std::string_view key_hash) = 0;
    virtual void UpdatePerson(std::string_view signal_id, int position, const domain::Person& person) = 0;
    virtual void DeleteSignalKeys(std::string_view signal_id) = 0;
    virtual void InsertRectification(const RectificationRecord& record) = 0;
    virtual std::vector<RectificationRecord> ListRectifications(std::string_view signal_id) = 0;

    // Configurable codes: kind is "partner", "forum", "enrichment-source" or "outcome".
    virtual std::vector<domain::CodeItem> ListCodes(std::string_view kind) = 0;
    virtual void UpsertCode(std::string_view kind, const domain::CodeItem& item) = 0;

    // Indicator catalog versions: immutable once inserted; the latest inserted is the one in force.
    virtual std::vector<CatalogVersionRecord> ListCatalogVersions() = 0;  // oldest first
    virtual std::optional<std::string> LatestCatalogVersion() = 0;
    //! The stored version with its indicators in catalog order, or nullopt when it was never published.
    virtual std::optional<domain::Catalog> LoadCatalog(std::string_view version) = 0;
    virtual void InsertCatalog(const domain::Catalog& catalog) = 0;

    // Audit trail (append-only; the chain is computed by the caller).
    virtual std::optional<AuditRecord> LastAuditRecord() = 0;
    virtual void AppendAuditRecord(const AuditRecord& record) = 0;
    virtual std::vector<AuditRecord> ListAuditRecords(const AuditFilter& filter) = 0;
    virtual void AppendProcessingRecord(const ProcessingRecord& record) = 0;
    //! Processing records with started_at in [filter.from, filter.to), oldest first, at most `limit`.
    virtual std::vector<ProcessingRecord> ListProcessingRecords(const AuditFilter& filter, int limit) = 0;
    //! Calls `visit` for every record in sequence order (for verification).
    virtual void ForEachAuditRecord(const std::function<void(const AuditRecord&)>& visit) = 0;

    // Statistics: facts without personal data, for domain::ComputeStatistics.
    //! Signals filed in [from, to), with the department their reporter's account has now.
    virtual std::vector<domain::SignalForFigures> SignalsForFiguresBetween(std::string_view from, std::string_view to) = 0;
    //! Cases recorded, referred, closed or reopened in [from, to), oldest first, with every closure and reopening.
    virtual std::vector<domain::CaseForFigures> CasesForFiguresBetween(std::string_view from, std::string_view to) = 0;
    //! The same facts one at a time, in no particular order, without holding a period's facts at once; the fact
    //! passed to `visit` is only valid during the call.
    virtual void ForEachSignalForFigures(std::string_view from, std::string_view to,
                                         const std::function<void(const domain::SignalForFigures&)>& visit) = 0;
    virtual void ForEachCaseForFigures(std::string_view from, std::string_view to,
                                       const std::function<void(const domain::CaseForFigures&)>& visit) = 0;
    //! What domain::ComputeStatistics gives as per_year for [from, to) (both the start of a day), counted by the
    //! store itself: signals filed, cases recorded, closures as a care trajectory and reopenings per calendar year,
    //! the years with any of those, oldest first. For the yearly overview, which would otherwise read every case.
    virtual std::vector<domain::PeriodCounts> CountsPerYear(std::string_view from, std::string_view to) = 0;
    virtual std::vector<YearlyFiguresRecord> ListYearlyFigures() = 0;  // by year
    virtual void UpsertYearlyFigures(const YearlyFiguresRecord& figures) = 0;

    // State shared by every instance on this store (several servers behind a load balancer).
    //! Records one event of the rate limit `bucket` for `key_hash` (a keyed hash of a client address, never the
    //! address), counting until `expires_at`, and returns its id; deletes every event of any bucket that expired at
    //! or before `now`.
    virtual std::int64_t RecordRateEvent(std::string_view bucket, std::string_view key_hash, std::string_view now,
                                         std::string_view expires_at) = 0;
    //! Deletes the event `id` (RecordRateEvent's answer) of `bucket` and `key_hash`, if it is still there (an
    //! expired event's id may since name another event).
    virtual void DeleteRateEvent(std::string_view bucket, std::string_view key_hash, std::int64_t id) = 0;
    //! The events of `bucket` for `key_hash` that have not expired at `now`.
    virtual int CountRateEvents(std::string_view bucket, std::string_view key_hash, std::string_view now) = 0;
    //! Stores a ticket (a ticket of the same kind and key is replaced); deletes tickets expired at or before `now`.
    virtual void InsertTicket(const TicketRecord& ticket, std::string_view now) = 0;
    //! Removes the ticket of (kind, key_hash) and returns it when it has not expired at `now`: each is used once.
    virtual std::optional<TicketRecord> TakeTicket(std::string_view kind, std::string_view key_hash,
                                                   std::string_view now) = 0;
    //! Takes the lease `name` for `holder` until `until` when it is free (never taken, or its time ran out at or
    //! before `now`); true when taken. A lease still held, by anyone, is left as it is (false). Call it in a
    //! write transaction, so two instances cannot both take it.
    virtual bool AcquireLease(std::string_view name, std::string_view holder, std::string_view now,
                              std::string_view until) = 0;

    // Whether the store holds no users yet (demo data is only added to an empty store).
    virtual bool IsEmpty() = 0;

    //! The registers (training, awareness, designated officers, action plan) in this same transaction.
    virtual RegisterTransaction& Registers() = 0;
};

//! What a store measures for /metrics.
struct StoreMetrics {
    std::atomic<std::int64_t> write_queue_depth{0};  // write jobs waiting for their batch
    std::atomic<std::uint64_t> write_batches{0};
    std::atomic<std::uint64_t> write_jobs{0};
    std::atomic<std::uint64_t> failed_batches{0};
    std::atomic<std::uint64_t> terms_folded{0};  // signals whose pending search terms were folded into the index
    Histogram write_batch_seconds{LatencyBounds()};  // BEGIN to COMMIT of one batch, fsync included
    Histogram write_wait_seconds{LatencyBounds()};   // one job: queued to committed
    Histogram read_seconds{LatencyBounds()};         // one read transaction
};

//! A store hands out transactions. Write runs `work` in one serialisable write transaction and commits
//! only if it returns success; Read runs it on a consistent snapshot.
class Store {
public:
    virtual ~Store() = default;
    virtual Status Write(const std::function<Status(Transaction&)>& work) = 0;
    virtual Status Read(const std::function<Status(Transaction&)>& work) = 0;
    //! Write without waiting: `done` is called with the result once `work` has committed (or failed), perhaps on
    //! another thread and perhaps before this returns. `done` must not throw. This default waits; the SQL stores
    //! queue the work for their group commit, so the caller's thread is free meanwhile.
    virtual void WriteDeferred(std::function<Status(Transaction&)> work, std::function<void(Status)> done) {
        done(Write(work));
    }
    //! The blind-index terms of a narrative under this store's search key, for Transaction::InsertSignal. Needs
    //! no transaction and is safe from any thread: a request works them out before its write is queued.
    [[nodiscard]] virtual IndexTerms IndexTermsOf(std::string_view narrative) const = 0;
    //! Cheap liveness check of the engine (for /health/ready).
    virtual Status Check() = 0;
    //! Waits until no write is queued or running and leaves every acknowledged write in the engine's own files
    //! (shutdown, and after a bulk load).
    virtual Status Flush() = 0;
    //! What the store measured so far (for /metrics).
    virtual const StoreMetrics& metrics() const = 0;
};

}  // namespace meldroute::store
