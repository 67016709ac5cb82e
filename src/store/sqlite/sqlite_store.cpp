#include "store/sqlite/sqlite_store.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "store/sqlite/connection.hpp"
#include "store/sqlite/sqlite_registers.hpp"
#include "store/sqlite/schema.hpp"

namespace meldroute::store::sqlite {

namespace {

using domain::Case;
using domain::Signal;

std::string JoinList(const std::vector<std::string>& values) {
    std::string joined;
    for (const std::string& value : values) {
        if (!joined.empty()) joined += ',';
        joined += value;
    }
    return joined;
}

std::vector<std::string> SplitList(const std::string& text) {
    std::vector<std::string> values;
    std::stringstream stream{text};
    std::string value;
    while (std::getline(stream, value, ',')) {
        if (!value.empty()) values.push_back(value);
    }
    return values;
}

std::string JoinRoles(const std::vector<domain::Role>& roles) {
    std::vector<std::string> names;
    for (domain::Role role : roles) names.emplace_back(domain::ToString(role));
    return JoinList(names);
}

std::vector<domain::Role> SplitRoles(const std::string& text) {
    std::vector<domain::Role> roles;
    for (const std::string& name : SplitList(text)) {
        if (auto role = domain::ParseRole(name)) roles.push_back(*role);
    }
    return roles;
}

std::string EmptyIfNull(const std::optional<std::string>& value) { return value.value_or(""); }

std::optional<std::string> NullIfEmpty(std::string_view value) {
    if (value.empty()) return std::nullopt;
    return std::string{value};
}

// Columns of a signal row, with its derived status, in the order ReadSignal expects.
constexpr const char* kSignalColumns =
    "s.id, s.reporter, s.channel, s.narrative, s.indicator_codes, s.catalog_version, s.observed_on, "
    "s.has_location, s.street, s.house_number, s.postcode, s.city, s.created_at, s.case_id, "
    "COALESCE(c.status, 'gemeld'), s.business_kvk, s.business_name";

constexpr const char* kCaseColumns =
    "id, status, urgency, forms, rationale, outcome, closure_note, created_at, updated_at, weighed_at";

class SqliteTransaction final : public Transaction {
public:
    explicit SqliteTransaction(Connection& connection) : db_(connection), registers_(connection) {}

    void InsertUser(const UserRecord& user) override {
        db_.Prepare(
               "INSERT INTO users (username, password_hash, roles, active, created_at, department) "
               "VALUES (?, ?, ?, ?, ?, ?)")
            .BindAll(user.username, user.password_hash, JoinRoles(user.roles), user.active ? 1 : 0, user.created_at,
                     user.department)
            .Run();
    }

    std::optional<UserRecord> FindUser(std::string_view username) override {
        auto statement =
            db_.Prepare("SELECT username, password_hash, roles, active, created_at, department FROM users WHERE username = ?");
        statement.Bind(1, username);
        if (!statement.Step()) return std::nullopt;
        return ReadUser(statement);
    }

    std::vector<UserRecord> ListUsers() override {
        auto statement =
            db_.Prepare("SELECT username, password_hash, roles, active, created_at, department FROM users ORDER BY username");
        std::vector<UserRecord> users;
        while (statement.Step()) users.push_back(ReadUser(statement));
        return users;
    }

    void UpdatePasswordHash(std::string_view username, std::string_view password_hash) override {
        db_.Prepare("UPDATE users SET password_hash = ? WHERE username = ?").BindAll(password_hash, username).Run();
    }

    void UpdateUserRoles(std::string_view username, const std::vector<domain::Role>& roles) override {
        db_.Prepare("UPDATE users SET roles = ? WHERE username = ?").BindAll(JoinRoles(roles), username).Run();
    }

    std::optional<FederatedIdentityRecord> FindFederatedIdentity(std::string_view issuer,
                                                                 std::string_view subject) override {
        auto statement = db_.Prepare(
            "SELECT issuer, subject, username, display_name, created_at, last_sign_in_at FROM federated_identities "
            "WHERE issuer = ? AND subject = ?");
        statement.BindAll(issuer, subject);
        if (!statement.Step()) return std::nullopt;
        return FederatedIdentityRecord{statement.Text(0), statement.Text(1), statement.Text(2),
                                       statement.Text(3), statement.Text(4), statement.Text(5)};
    }

    void UpsertFederatedIdentity(const FederatedIdentityRecord& identity) override {
        db_.Prepare(
               "INSERT INTO federated_identities (issuer, subject, username, display_name, created_at, "
               "last_sign_in_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (issuer, subject) DO UPDATE SET "
               "display_name = excluded.display_name, last_sign_in_at = excluded.last_sign_in_at")
            .BindAll(identity.issuer, identity.subject, identity.username, identity.display_name, identity.created_at,
                     identity.last_sign_in_at)
            .Run();
    }

    void RecordLoginFailure(std::string_view username, std::string_view at) override {
        db_.Prepare("INSERT INTO login_failures (username, at) VALUES (?, ?)").BindAll(username, at).Run();
    }

    int CountLoginFailuresSince(std::string_view username, std::string_view since) override {
        auto statement = db_.Prepare("SELECT count(*) FROM login_failures WHERE username = ? AND at >= ?");
        statement.BindAll(username, since);
        statement.Step();
        return static_cast<int>(statement.Int(0));
    }

    void ClearLoginFailures(std::string_view username) override {
        db_.Prepare("DELETE FROM login_failures WHERE username = ?").Bind(1, username).Run();
    }

    void LockAccount(std::string_view username, std::string_view until) override {
        db_.Prepare(
               "INSERT INTO account_locks (username, locked_until) VALUES (?, ?) "
               "ON CONFLICT (username) DO UPDATE SET locked_until = excluded.locked_until")
            .BindAll(username, until)
            .Run();
    }

    std::optional<std::string> AccountLockedUntil(std::string_view username) override {
        auto statement = db_.Prepare("SELECT locked_until FROM account_locks WHERE username = ?");
        statement.Bind(1, username);
        if (!statement.Step()) return std::nullopt;
        return statement.Text(0);
    }

    void InsertSession(const SessionRecord& session) override {
        db_.Prepare(
               "INSERT INTO sessions (token_hash, username, csrf_token, created_at, last_seen_at, must_enrol) "
               "VALUES (?, ?, ?, ?, ?, ?)")
            .BindAll(session.token_hash, session.username, session.csrf_token, session.created_at,
                     session.last_seen_at, session.must_enrol ? 1 : 0)
            .Run();
    }

    std::optional<SessionRecord> FindSession(std::string_view token_hash) override {
        auto statement = db_.Prepare(
            "SELECT token_hash, username, csrf_token, created_at, last_seen_at, must_enrol FROM sessions "
            "WHERE token_hash = ?");
        statement.Bind(1, token_hash);
        if (!statement.Step()) return std::nullopt;
        return SessionRecord{statement.Text(0), statement.Text(1), statement.Text(2), statement.Text(3),
                             statement.Text(4), statement.Int(5) != 0};
    }

    void TouchSession(std::string_view token_hash, std::string_view at) override {
        db_.Prepare("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?").BindAll(at, token_hash).Run();
    }

    void DeleteSession(std::string_view token_hash) override {
        db_.Prepare("DELETE FROM sessions WHERE token_hash = ?").Bind(1, token_hash).Run();
    }

    void DeleteSessionsOf(std::string_view username) override {
        db_.Prepare("DELETE FROM sessions WHERE username = ?").Bind(1, username).Run();
    }

    void ClearMustEnrol(std::string_view username) override {
        db_.Prepare("UPDATE sessions SET must_enrol = 0 WHERE username = ?").Bind(1, username).Run();
    }

    std::optional<MfaRecord> FindMfa(std::string_view username) override {
        auto statement =
            db_.Prepare("SELECT username, secret_sealed, confirmed_at, last_step FROM user_mfa WHERE username = ?");
        statement.Bind(1, username);
        if (!statement.Step()) return std::nullopt;
        return MfaRecord{statement.Text(0), statement.Text(1), statement.OptionalText(2), statement.Int(3)};
    }

    void UpsertMfa(const MfaRecord& record) override {
        db_.Prepare(
               "INSERT INTO user_mfa (username, secret_sealed, confirmed_at, last_step) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (username) DO UPDATE SET secret_sealed = excluded.secret_sealed, "
               "confirmed_at = excluded.confirmed_at, last_step = excluded.last_step")
            .BindAll(record.username, record.secret_sealed, record.confirmed_at, record.last_step)
            .Run();
    }

    void DeleteMfa(std::string_view username) override {
        db_.Prepare("DELETE FROM recovery_codes WHERE username = ?").Bind(1, username).Run();
        db_.Prepare("DELETE FROM user_mfa WHERE username = ?").Bind(1, username).Run();
    }

    void ReplaceRecoveryCodes(std::string_view username, const std::vector<std::string>& code_hashes) override {
        db_.Prepare("DELETE FROM recovery_codes WHERE username = ?").Bind(1, username).Run();
        for (const std::string& hash : code_hashes) {
            db_.Prepare("INSERT INTO recovery_codes (username, code_hash) VALUES (?, ?)").BindAll(username, hash).Run();
        }
    }

    bool UseRecoveryCode(std::string_view username, std::string_view code_hash, std::string_view at) override {
        db_.Prepare("UPDATE recovery_codes SET used_at = ? WHERE username = ? AND code_hash = ? AND used_at IS NULL")
            .BindAll(at, username, code_hash)
            .Run();
        return db_.Changes() == 1;
    }

    int CountUnusedRecoveryCodes(std::string_view username) override {
        auto statement = db_.Prepare("SELECT count(*) FROM recovery_codes WHERE username = ? AND used_at IS NULL");
        statement.Bind(1, username);
        statement.Step();
        return static_cast<int>(statement.Int(0));
    }

    void InsertSignal(const Signal& signal) override {
        const domain::Location empty_location;
        const domain::Location& location = signal.location ? *signal.location : empty_location;
        db_.Prepare(
               "INSERT INTO signals (id, reporter, channel, narrative, indicator_codes, catalog_version, "
               "observed_on, has_location, street, house_number, postcode, city, created_at, business_kvk, "
               "business_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .BindAll(signal.id, NullIfEmpty(signal.reporter), signal.channel, signal.narrative,
                     JoinList(signal.indicator_codes), signal.catalog_version, signal.observed_on,
                     signal.location ? 1 : 0, NullIfEmpty(location.street), NullIfEmpty(location.house_number),
                     NullIfEmpty(location.postcode), NullIfEmpty(location.city), signal.created_at,
                     signal.business ? NullIfEmpty(signal.business->kvk_number) : std::nullopt,
                     signal.business ? NullIfEmpty(signal.business->trade_name) : std::nullopt)
            .Run();
        int position = 0;
        for (const domain::Person& person : signal.persons) {
            db_.Prepare(
                   "INSERT INTO persons (signal_id, position, role, name, birth_year, nationality, phone) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .BindAll(signal.id, position++, person.role, NullIfEmpty(person.name), person.birth_year,
                         NullIfEmpty(person.nationality), NullIfEmpty(person.phone))
                .Run();
        }
    }

    std::optional<Signal> FindSignal(std::string_view id) override {
        auto statement = db_.Prepare(std::string{"SELECT "} + kSignalColumns +
                                     " FROM signals s LEFT JOIN cases c ON c.id = s.case_id WHERE s.id = ?");
        statement.Bind(1, id);
        if (!statement.Step()) return std::nullopt;
        Signal signal = ReadSignal(statement);
        LoadPersons(signal);
        return signal;
    }

    std::vector<Signal> ListSignals(const SignalFilter& filter) override {
        std::string sql = std::string{"SELECT "} + kSignalColumns +
                          " FROM signals s LEFT JOIN cases c ON c.id = s.case_id WHERE 1 = 1";
        if (filter.reporter) sql += " AND s.reporter = ?1";
        if (filter.status) {
            sql += *filter.status == "gemeld" ? " AND s.case_id IS NULL" : " AND c.status = ?2";
        }
        sql += " ORDER BY s.sequence DESC LIMIT ?3";
        auto statement = db_.Prepare(sql);
        if (filter.reporter) statement.Bind(1, *filter.reporter);
        if (filter.status && *filter.status != "gemeld") statement.Bind(2, *filter.status);
        statement.Bind(3, filter.limit);
        return ReadSignals(statement);
    }

    std::vector<Signal> ListSignalsOfCase(std::string_view case_id) override {
        auto statement = db_.Prepare(std::string{"SELECT "} + kSignalColumns +
                                     " FROM signals s JOIN cases c ON c.id = s.case_id WHERE s.case_id = ? "
                                     "ORDER BY s.sequence");
        statement.Bind(1, case_id);
        return ReadSignals(statement);
    }

    void SetSignalCase(std::string_view signal_id, std::string_view case_id) override {
        db_.Prepare("UPDATE signals SET case_id = ?, recorded_at = (SELECT updated_at FROM cases WHERE id = ?) "
                    "WHERE id = ?")
            .BindAll(case_id, case_id, signal_id)
            .Run();
    }

    void InsertSignalKey(std::string_view signal_id, std::string_view kind, std::string_view key_hash) override {
        db_.Prepare("INSERT OR IGNORE INTO signal_keys (key_hash, signal_id, kind) VALUES (?, ?, ?)")
            .BindAll(key_hash, signal_id, kind)
            .Run();
    }

    std::vector<domain::RelatedSignal> ListRelatedSignals(std::string_view case_id) override {
        auto statement = db_.Prepare(
            "SELECT other.signal_id, s.case_id, s.created_at, group_concat(DISTINCT other.kind) "
            "FROM signals mine JOIN signal_keys k ON k.signal_id = mine.id "
            "JOIN signal_keys other ON other.key_hash = k.key_hash AND other.signal_id != k.signal_id "
            "JOIN signals s ON s.id = other.signal_id "
            "WHERE mine.case_id = ?1 AND (s.case_id IS NULL OR s.case_id != ?1) "
            "GROUP BY other.signal_id ORDER BY s.sequence DESC LIMIT 100");
        statement.Bind(1, case_id);
        std::vector<domain::RelatedSignal> related;
        while (statement.Step()) {
            related.push_back({statement.Text(0), statement.OptionalText(1), statement.Text(2),
                               SplitList(statement.Text(3))});
        }
        return related;
    }

    std::vector<domain::Recurrence> ListRecurrences(int min_signals, int limit) override {
        std::vector<domain::Recurrence> recurrences;
        std::vector<std::string> hashes;
        {
            auto statement = db_.Prepare(
                "SELECT k.key_hash, k.kind, count(DISTINCT k.signal_id) AS signals, count(DISTINCT s.case_id) "
                "FROM signal_keys k JOIN signals s ON s.id = k.signal_id WHERE k.kind IN ('adres', 'bedrijf') "
                "GROUP BY k.key_hash HAVING signals >= ? ORDER BY signals DESC, k.key_hash LIMIT ?");
            statement.BindAll(min_signals, limit);
            while (statement.Step()) {
                hashes.push_back(statement.Text(0));
                recurrences.push_back({statement.Text(1), "", static_cast<int>(statement.Int(2)),
                                       static_cast<int>(statement.Int(3)), {}});
            }
        }
        for (std::size_t index = 0; index < hashes.size(); ++index) {
            auto statement = db_.Prepare(
                "SELECT s.id, s.street, s.house_number, s.postcode, s.city, s.business_kvk, s.business_name "
                "FROM signal_keys k JOIN signals s ON s.id = k.signal_id WHERE k.key_hash = ? "
                "ORDER BY s.sequence DESC LIMIT 50");
            statement.Bind(1, hashes[index]);
            domain::Recurrence& recurrence = recurrences[index];
            while (statement.Step()) {
                recurrence.signal_ids.push_back(statement.Text(0));
                if (!recurrence.label.empty()) continue;
                if (recurrence.kind == "adres") {
                    std::string label = EmptyIfNull(statement.OptionalText(1)) + " " +
                                        EmptyIfNull(statement.OptionalText(2)) + ", " +
                                        EmptyIfNull(statement.OptionalText(3)) + " " +
                                        EmptyIfNull(statement.OptionalText(4));
                    recurrence.label = label;
                } else {
                    std::string name = EmptyIfNull(statement.OptionalText(6));
                    std::string kvk = EmptyIfNull(statement.OptionalText(5));
                    recurrence.label = name.empty() ? "KvK " + kvk : (kvk.empty() ? name : name + " (KvK " + kvk + ")");
                }
            }
        }
        return recurrences;
    }

    std::vector<Signal> SearchSignals(const std::string& fts_query, const domain::SignalSearch& search,
                                      int candidates, int limit) override {
        std::string sql = std::string{"SELECT "} + kSignalColumns +
                          " FROM signals s LEFT JOIN cases c ON c.id = s.case_id WHERE 1 = 1";
        if (!fts_query.empty()) {
            // Rank within a bounded candidate set: the newest matches only, so common words stay cheap.
            sql += " AND s.sequence IN (SELECT rowid FROM signals_fts WHERE signals_fts MATCH ?1 "
                   "ORDER BY rowid DESC LIMIT ?7)";
        }
        sql += " AND (?2 IS NULL OR (',' || c.forms || ',') LIKE ('%,' || ?2 || ',%'))"
               " AND (?3 IS NULL OR COALESCE(c.status, 'gemeld') = ?3)"
               " AND (?4 IS NULL OR c.urgency = ?4)"
               " AND (?5 IS NULL OR s.created_at >= ?5) AND (?6 IS NULL OR s.created_at < ?6)"
               " ORDER BY s.sequence DESC LIMIT ?8";
        auto statement = db_.Prepare(sql);
        if (!fts_query.empty()) statement.Bind(1, fts_query);
        statement.Bind(2, search.form);
        statement.Bind(3, search.status);
        statement.Bind(4, search.urgency);
        statement.Bind(5, search.from);
        statement.Bind(6, search.to);
        statement.Bind(7, candidates);
        statement.Bind(8, limit);
        return ReadSignals(statement);
    }

    void InsertCase(const Case& header) override {
        db_.Prepare(std::string{"INSERT INTO cases ("} + kCaseColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .BindAll(header.id, domain::ToString(header.status), header.urgency, JoinList(header.forms),
                     header.rationale, header.outcome, header.closure_note, header.created_at, header.updated_at,
                     header.weighed_at)
            .Run();
    }

    std::optional<Case> FindCase(std::string_view id) override {
        auto statement = db_.Prepare(std::string{"SELECT "} + kCaseColumns + " FROM cases WHERE id = ?");
        statement.Bind(1, id);
        if (!statement.Step()) return std::nullopt;
        return ReadCase(statement, 0);
    }

    void UpdateCase(const Case& header) override {
        bool closed = header.status == domain::CaseStatus::kAfgesloten;
        db_.Prepare(
               "UPDATE cases SET status = ?, urgency = ?, forms = ?, rationale = ?, outcome = ?, closure_note = ?, "
               "updated_at = ?, weighed_at = ?, closed_at = CASE WHEN ? THEN COALESCE(closed_at, ?) END "
               "WHERE id = ?")
            .BindAll(domain::ToString(header.status), header.urgency, JoinList(header.forms), header.rationale,
                     header.outcome, header.closure_note, header.updated_at, header.weighed_at, closed ? 1 : 0,
                     header.updated_at, header.id)
            .Run();
    }

    std::vector<domain::CaseSummary> ListCaseSummaries(int limit) override {
        auto statement = db_.Prepare(
            std::string{"SELECT "} + kCaseColumns +
            ", (SELECT count(*) FROM signals s WHERE s.case_id = c.id)"
            ", (SELECT count(*) FROM referrals r WHERE r.case_id = c.id)"
            ", (SELECT count(*) FROM referrals r WHERE r.case_id = c.id AND NOT EXISTS "
            "   (SELECT 1 FROM partner_feedback f WHERE f.referral_id = r.id))"
            ", (SELECT min(r.feedback_due) FROM referrals r WHERE r.case_id = c.id AND NOT EXISTS "
            "   (SELECT 1 FROM partner_feedback f WHERE f.referral_id = r.id))"
            ", EXISTS (SELECT 1 FROM reporter_feedback f WHERE f.case_id = c.id)"
            ", EXISTS (SELECT 1 FROM signals s WHERE s.case_id = c.id AND s.reporter IS NOT NULL)"
            " FROM cases c ORDER BY c.sequence DESC LIMIT ?");
        statement.Bind(1, limit);
        std::vector<domain::CaseSummary> summaries;
        while (statement.Step()) {
            domain::CaseSummary summary;
            summary.header = ReadCase(statement, 0);
            summary.signal_count = static_cast<int>(statement.Int(10));
            summary.referral_count = static_cast<int>(statement.Int(11));
            summary.referrals_without_feedback = static_cast<int>(statement.Int(12));
            summary.earliest_open_feedback_due = statement.OptionalText(13);
            summary.has_reporter_feedback = statement.Int(14) != 0;
            summary.has_reachable_reporter = statement.Int(15) != 0;
            summaries.push_back(std::move(summary));
        }
        return summaries;
    }

    void InsertEnrichment(const domain::Enrichment& enrichment) override {
        db_.Prepare(
               "INSERT INTO enrichments (id, case_id, source, purpose, content, at, actor) VALUES (?, ?, ?, ?, ?, ?, "
               "?)")
            .BindAll(enrichment.id, enrichment.case_id, enrichment.source, enrichment.purpose, enrichment.content,
                     enrichment.at, enrichment.actor)
            .Run();
    }

    std::vector<domain::Enrichment> ListEnrichments(std::string_view case_id) override {
        auto statement = db_.Prepare(
            "SELECT id, case_id, source, purpose, content, at, actor FROM enrichments WHERE case_id = ? "
            "ORDER BY sequence");
        statement.Bind(1, case_id);
        std::vector<domain::Enrichment> enrichments;
        while (statement.Step()) {
            enrichments.push_back({statement.Text(0), statement.Text(1), statement.Text(2), statement.Text(3),
                                   statement.Text(4), statement.Text(5), statement.Text(6)});
        }
        return enrichments;
    }

    void InsertAssessment(const domain::Assessment& assessment) override {
        db_.Prepare(
               "INSERT INTO assessments (id, case_id, urgency, forms, rationale, at, actor) VALUES (?, ?, ?, ?, ?, ?, "
               "?)")
            .BindAll(assessment.id, assessment.case_id, assessment.urgency, JoinList(assessment.forms),
                     assessment.rationale, assessment.at, assessment.actor)
            .Run();
    }

    std::vector<domain::Assessment> ListAssessments(std::string_view case_id) override {
        auto statement = db_.Prepare(
            "SELECT id, case_id, urgency, forms, rationale, at, actor FROM assessments WHERE case_id = ? "
            "ORDER BY sequence");
        statement.Bind(1, case_id);
        std::vector<domain::Assessment> assessments;
        while (statement.Step()) {
            assessments.push_back({statement.Text(0), statement.Text(1), statement.Text(2),
                                   SplitList(statement.Text(3)), statement.Text(4), statement.Text(5),
                                   statement.Text(6)});
        }
        return assessments;
    }

    void InsertReferral(const domain::Referral& referral) override {
        db_.Prepare(
               "INSERT INTO referrals (id, case_id, partner, forum, feedback_due, note, at, actor) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .BindAll(referral.id, referral.case_id, referral.partner, referral.forum, referral.feedback_due,
                     referral.note, referral.at, referral.actor)
            .Run();
    }

    std::optional<domain::Referral> FindReferral(std::string_view id) override {
        auto statement = db_.Prepare(
            "SELECT id, case_id, partner, forum, feedback_due, note, at, actor FROM referrals WHERE id = ?");
        statement.Bind(1, id);
        if (!statement.Step()) return std::nullopt;
        return ReadReferral(statement);
    }

    std::vector<domain::Referral> ListReferrals(std::string_view case_id) override {
        std::vector<domain::Referral> referrals;
        {
            auto statement = db_.Prepare(
                "SELECT id, case_id, partner, forum, feedback_due, note, at, actor FROM referrals WHERE case_id = ? "
                "ORDER BY sequence");
            statement.Bind(1, case_id);
            while (statement.Step()) referrals.push_back(ReadReferral(statement));
        }
        auto statement = db_.Prepare(
            "SELECT f.id, f.referral_id, f.summary, f.at, f.actor FROM partner_feedback f "
            "JOIN referrals r ON r.id = f.referral_id WHERE r.case_id = ? ORDER BY f.sequence");
        statement.Bind(1, case_id);
        while (statement.Step()) {
            domain::PartnerFeedback feedback{statement.Text(0), statement.Text(1), statement.Text(2),
                                             statement.Text(3), statement.Text(4)};
            for (domain::Referral& referral : referrals) {
                if (referral.id == feedback.referral_id) referral.feedback.push_back(feedback);
            }
        }
        return referrals;
    }

    void InsertPartnerFeedback(const domain::PartnerFeedback& feedback) override {
        db_.Prepare("INSERT INTO partner_feedback (id, referral_id, summary, at, actor) VALUES (?, ?, ?, ?, ?)")
            .BindAll(feedback.id, feedback.referral_id, feedback.summary, feedback.at, feedback.actor)
            .Run();
    }

    void InsertReporterFeedback(std::string_view id, std::string_view case_id,
                                const domain::FeedbackMessage& message) override {
        db_.Prepare("INSERT INTO reporter_feedback (id, case_id, message, at, actor) VALUES (?, ?, ?, ?, ?)")
            .BindAll(id, case_id, message.message, message.at, message.actor)
            .Run();
    }

    std::vector<domain::FeedbackMessage> ListReporterFeedback(std::string_view case_id) override {
        auto statement =
            db_.Prepare("SELECT message, at, actor FROM reporter_feedback WHERE case_id = ? ORDER BY sequence");
        statement.Bind(1, case_id);
        std::vector<domain::FeedbackMessage> messages;
        while (statement.Step()) messages.push_back({statement.Text(0), statement.Text(1), statement.Text(2)});
        return messages;
    }

    void InsertTimelineEntry(std::string_view case_id, const domain::TimelineEntry& entry) override {
        db_.Prepare("INSERT INTO timeline (case_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)")
            .BindAll(case_id, entry.at, entry.actor, entry.action, entry.detail)
            .Run();
    }

    std::vector<domain::TimelineEntry> ListTimeline(std::string_view case_id) override {
        auto statement =
            db_.Prepare("SELECT at, actor, action, detail FROM timeline WHERE case_id = ? ORDER BY sequence");
        statement.Bind(1, case_id);
        std::vector<domain::TimelineEntry> entries;
        while (statement.Step()) {
            entries.push_back({statement.Text(0), statement.Text(1), statement.Text(2), statement.Text(3)});
        }
        return entries;
    }

    std::vector<domain::CodeItem> ListCodes(std::string_view kind) override {
        auto statement =
            db_.Prepare("SELECT code, name FROM codes WHERE kind = ? AND active = 1 ORDER BY position, code");
        statement.Bind(1, kind);
        std::vector<domain::CodeItem> items;
        while (statement.Step()) items.push_back({statement.Text(0), statement.Text(1)});
        return items;
    }

    void UpsertCode(std::string_view kind, const domain::CodeItem& item) override {
        db_.Prepare(
               "INSERT INTO codes (kind, code, name, position) VALUES (?1, ?2, ?3, "
               "(SELECT COALESCE(max(position), 0) + 1 FROM codes WHERE kind = ?1)) "
               "ON CONFLICT (kind, code) DO UPDATE SET name = excluded.name, active = 1")
            .BindAll(kind, item.code, item.name)
            .Run();
    }

    std::vector<CatalogVersionRecord> ListCatalogVersions() override {
        auto statement =
            db_.Prepare("SELECT version, published_at, published_by FROM catalog_versions ORDER BY sequence");
        std::vector<CatalogVersionRecord> versions;
        while (statement.Step()) versions.push_back({statement.Text(0), statement.Text(1), statement.Text(2)});
        return versions;
    }

    std::optional<std::string> LatestCatalogVersion() override {
        auto statement = db_.Prepare("SELECT version FROM catalog_versions ORDER BY sequence DESC LIMIT 1");
        if (!statement.Step()) return std::nullopt;
        return statement.Text(0);
    }

    std::optional<domain::Catalog> LoadCatalog(std::string_view version) override {
        auto header =
            db_.Prepare("SELECT version, published_at, published_by FROM catalog_versions WHERE version = ?");
        header.Bind(1, version);
        if (!header.Step()) return std::nullopt;
        domain::Catalog catalog{header.Text(0), header.Text(1), header.Text(2), {}};
        // The lists' titles and lead sentences are the seed's; only the indicators vary per version.
        for (const domain::IndicatorGroup& builtin : domain::BuiltinCatalog().groups) {
            catalog.groups.push_back({builtin.category, builtin.title, builtin.lead, {}});
        }
        auto rows = db_.Prepare(
            "SELECT code, text, help, retired FROM catalog_indicators WHERE version = ? ORDER BY position");
        rows.Bind(1, version);
        while (rows.Step()) {
            domain::Indicator indicator{rows.Text(0), domain::CategoryOfCode(rows.Text(0)).value_or(""), rows.Text(1),
                                        rows.Text(2), rows.Int(3) != 0};
            for (domain::IndicatorGroup& group : catalog.groups) {
                if (group.category == indicator.category) group.indicators.push_back(std::move(indicator));
            }
        }
        return catalog;
    }

    void InsertCatalog(const domain::Catalog& catalog) override {
        db_.Prepare("INSERT INTO catalog_versions (version, published_at, published_by) VALUES (?, ?, ?)")
            .BindAll(catalog.version, catalog.published_at, catalog.published_by)
            .Run();
        int position = 0;
        for (const domain::Indicator* indicator : catalog.All()) {
            db_.Prepare(
                   "INSERT INTO catalog_indicators (version, code, position, text, help, retired) "
                   "VALUES (?, ?, ?, ?, ?, ?)")
                .BindAll(catalog.version, indicator->code, ++position, indicator->text, indicator->help,
                         indicator->retired ? 1 : 0)
                .Run();
        }
    }

    void AppendProcessingRecord(const ProcessingRecord& record) override {
        db_.Prepare(
               "INSERT INTO processing_log (trace_id, span_id, parent_span_id, name, started_at, ended_at, status, "
               "activity_id, purpose, data_subject_id, data_subject_type, actor, audit_sequence) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .BindAll(record.trace_id, record.span_id, record.parent_span_id, record.name, record.started_at,
                     record.ended_at, record.status, record.activity_id, record.purpose, record.data_subject_id,
                     record.data_subject_type, record.actor, record.audit_sequence)
            .Run();
    }

    std::vector<ProcessingRecord> ListProcessingRecords(const AuditFilter& filter, int limit) override {
        auto statement = db_.Prepare(
            "SELECT sequence, trace_id, span_id, parent_span_id, name, started_at, ended_at, status, activity_id, "
            "purpose, data_subject_id, data_subject_type, actor, audit_sequence FROM processing_log "
            "WHERE started_at >= ?1 AND started_at < ?2 ORDER BY sequence LIMIT ?3");
        statement.BindAll(filter.from.value_or(""), filter.to.value_or("9999"), limit);
        std::vector<ProcessingRecord> records;
        while (statement.Step()) {
            records.push_back({statement.Int(0), statement.Text(1), statement.Text(2), statement.Text(3),
                               statement.Text(4), statement.Text(5), statement.Text(6), statement.Text(7),
                               statement.Text(8), statement.Text(9), statement.Text(10), statement.Text(11),
                               statement.Text(12), statement.Int(13)});
        }
        return records;
    }

    std::optional<AuditRecord> LastAuditRecord() override {
        auto statement = db_.Prepare(
            "SELECT sequence, at, actor, action, object, purpose, outcome, previous_hash, hash FROM audit_events "
            "ORDER BY sequence DESC LIMIT 1");
        if (!statement.Step()) return std::nullopt;
        return ReadAudit(statement);
    }

    void AppendAuditRecord(const AuditRecord& record) override {
        db_.Prepare(
               "INSERT INTO audit_events (sequence, at, actor, action, object, purpose, outcome, previous_hash, "
               "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .BindAll(record.sequence, record.at, record.actor, record.action, record.object, record.purpose,
                     record.outcome, record.previous_hash, record.hash)
            .Run();
    }

    std::vector<AuditRecord> ListAuditRecords(const AuditFilter& filter) override {
        auto statement = db_.Prepare(
            "SELECT sequence, at, actor, action, object, purpose, outcome, previous_hash, hash FROM audit_events "
            "WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < ?2) ORDER BY sequence DESC LIMIT ?3");
        statement.BindAll(filter.from, filter.to, filter.limit);
        std::vector<AuditRecord> records;
        while (statement.Step()) records.push_back(ReadAudit(statement));
        return records;
    }

    void ForEachAuditRecord(const std::function<void(const AuditRecord&)>& visit) override {
        auto statement = db_.Prepare(
            "SELECT sequence, at, actor, action, object, purpose, outcome, previous_hash, hash FROM audit_events "
            "ORDER BY sequence");
        while (statement.Step()) visit(ReadAudit(statement));
    }

    std::vector<domain::SignalForFigures> SignalsForFiguresBetween(std::string_view from, std::string_view to) override {
        // The department is read from the reporter's account; a signal without reporter came from a resident.
        auto statement = db_.Prepare(
            "SELECT s.created_at, s.channel, CASE WHEN s.reporter IS NULL THEN ? ELSE COALESCE(u.department, "
            "'onbekend') END, s.recorded_at FROM signals s LEFT JOIN users u ON u.username = s.reporter "
            "WHERE s.created_at >= ? AND s.created_at < ? ORDER BY s.created_at");
        statement.BindAll(domain::kResidentDepartment, from, to);
        std::vector<domain::SignalForFigures> facts;
        while (statement.Step()) {
            facts.push_back({statement.Text(0), statement.Text(1), statement.Text(2), statement.OptionalText(3)});
        }
        return facts;
    }

    std::vector<domain::CaseForFigures> CasesForFiguresBetween(std::string_view from, std::string_view to) override {
        static constexpr const char* kInPeriod =
            "((c.created_at >= ?1 AND c.created_at < ?2) OR (c.closed_at >= ?1 AND c.closed_at < ?2) OR EXISTS "
            "(SELECT 1 FROM referrals r2 WHERE r2.case_id = c.id AND r2.at >= ?1 AND r2.at < ?2))";
        auto statement = db_.Prepare(
            std::string{"SELECT c.id, c.created_at, c.status, c.urgency, c.forms, c.weighed_at, c.outcome, c.closed_at, "
                        "(SELECT min(s.created_at) FROM signals s WHERE s.case_id = c.id), "
                        "(SELECT min(a.at) FROM assessments a WHERE a.case_id = c.id), "
                        "(SELECT min(f.at) FROM reporter_feedback f WHERE f.case_id = c.id), "
                        "EXISTS (SELECT 1 FROM signals s WHERE s.case_id = c.id AND s.reporter IS NOT NULL) "
                        "FROM cases c WHERE "} +
            kInPeriod + " ORDER BY c.sequence");
        statement.BindAll(from, to);
        std::vector<domain::CaseForFigures> facts;
        std::map<std::string, std::size_t> index_of;
        while (statement.Step()) {
            domain::CaseForFigures fact;
            fact.created_at = statement.Text(1);
            fact.status = domain::ParseCaseStatus(statement.Text(2)).value_or(domain::CaseStatus::kVastgelegd);
            fact.urgency = statement.OptionalText(3);
            fact.forms = SplitList(statement.Text(4));
            fact.weighed_at = statement.OptionalText(5);
            fact.outcome = statement.OptionalText(6);
            fact.closed_at = statement.OptionalText(7);
            fact.first_signal_at = statement.OptionalText(8);
            fact.first_weighed_at = statement.OptionalText(9);
            fact.first_reporter_feedback_at = statement.OptionalText(10);
            fact.has_reachable_reporter = statement.Int(11) != 0;
            index_of.emplace(statement.Text(0), facts.size());
            facts.push_back(std::move(fact));
        }
        auto referrals = db_.Prepare(
            std::string{"SELECT r.case_id, r.partner, r.at, r.feedback_due, "
                        "(SELECT min(f.at) FROM partner_feedback f WHERE f.referral_id = r.id) FROM referrals r "
                        "WHERE r.case_id IN (SELECT c.id FROM cases c WHERE "} +
            kInPeriod + ") ORDER BY r.sequence");
        referrals.BindAll(from, to);
        while (referrals.Step()) {
            auto found = index_of.find(referrals.Text(0));
            if (found == index_of.end()) continue;
            facts[found->second].referrals.push_back(
                {referrals.Text(1), referrals.Text(2), referrals.Text(3), referrals.OptionalText(4)});
        }
        return facts;
    }

    std::vector<YearlyFiguresRecord> ListYearlyFigures() override {
        auto statement = db_.Prepare(
            "SELECT year, region_signals, region_care_trajectories, municipality_count, source, updated_at, "
            "updated_by FROM yearly_figures ORDER BY year");
        std::vector<YearlyFiguresRecord> figures;
        auto optional_int = [&statement](int column) -> std::optional<std::int64_t> {
            auto value = statement.OptionalInt(column);
            if (!value) return std::nullopt;
            return static_cast<std::int64_t>(*value);
        };
        while (statement.Step()) {
            figures.push_back({static_cast<int>(statement.Int(0)), optional_int(1), optional_int(2), optional_int(3),
                               statement.Text(4), statement.Text(5), statement.Text(6)});
        }
        return figures;
    }

    void UpsertYearlyFigures(const YearlyFiguresRecord& figures) override {
        auto statement = db_.Prepare(
            "INSERT INTO yearly_figures (year, region_signals, region_care_trajectories, municipality_count, source, "
            "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (year) DO UPDATE SET "
            "region_signals = excluded.region_signals, region_care_trajectories = excluded.region_care_trajectories, "
            "municipality_count = excluded.municipality_count, source = excluded.source, "
            "updated_at = excluded.updated_at, updated_by = excluded.updated_by");
        statement.Bind(1, figures.year);
        int column = 2;
        for (const auto& value : {figures.region_signals, figures.region_care_trajectories, figures.municipality_count}) {
            if (value) {
                statement.Bind(column, *value);
            } else {
                statement.BindNull(column);
            }
            ++column;
        }
        statement.Bind(5, figures.source).Bind(6, figures.updated_at).Bind(7, figures.updated_by).Run();
    }

    bool IsEmpty() override {
        auto statement = db_.Prepare("SELECT NOT EXISTS (SELECT 1 FROM users)");
        statement.Step();
        return statement.Int(0) != 0;
    }

    RegisterTransaction& Registers() override { return registers_; }

private:
    static UserRecord ReadUser(const Statement& statement) {
        return UserRecord{statement.Text(0), statement.Text(1), SplitRoles(statement.Text(2)), statement.Int(3) != 0,
                          statement.Text(4), statement.Text(5)};
    }

    static Signal ReadSignal(const Statement& statement) {
        Signal signal;
        signal.id = statement.Text(0);
        signal.reporter = EmptyIfNull(statement.OptionalText(1));
        signal.channel = statement.Text(2);
        signal.narrative = statement.Text(3);
        signal.indicator_codes = SplitList(statement.Text(4));
        signal.catalog_version = statement.Text(5);
        signal.observed_on = statement.OptionalText(6);
        if (statement.Int(7) != 0) {
            signal.location = domain::Location{EmptyIfNull(statement.OptionalText(8)),
                                               EmptyIfNull(statement.OptionalText(9)),
                                               EmptyIfNull(statement.OptionalText(10)),
                                               EmptyIfNull(statement.OptionalText(11))};
        }
        signal.created_at = statement.Text(12);
        signal.case_id = statement.OptionalText(13);
        signal.status = statement.Text(14);
        auto kvk = statement.OptionalText(15);
        auto trade_name = statement.OptionalText(16);
        if (kvk || trade_name) signal.business = domain::Business{kvk.value_or(""), trade_name.value_or("")};
        return signal;
    }

    std::vector<Signal> ReadSignals(Statement& statement) {
        std::vector<Signal> signals;
        while (statement.Step()) signals.push_back(ReadSignal(statement));
        for (Signal& signal : signals) LoadPersons(signal);
        return signals;
    }

    void LoadPersons(Signal& signal) {
        auto statement = db_.Prepare(
            "SELECT role, name, birth_year, nationality, phone FROM persons WHERE signal_id = ? ORDER BY position");
        statement.Bind(1, signal.id);
        while (statement.Step()) {
            signal.persons.push_back({statement.Text(0), EmptyIfNull(statement.OptionalText(1)),
                                      statement.OptionalInt(2), EmptyIfNull(statement.OptionalText(3)),
                                      EmptyIfNull(statement.OptionalText(4))});
        }
    }

    static Case ReadCase(const Statement& statement, int first) {
        Case header;
        header.id = statement.Text(first);
        header.status = domain::ParseCaseStatus(statement.Text(first + 1)).value_or(domain::CaseStatus::kVastgelegd);
        header.urgency = statement.OptionalText(first + 2);
        header.forms = SplitList(statement.Text(first + 3));
        header.rationale = statement.OptionalText(first + 4);
        header.outcome = statement.OptionalText(first + 5);
        header.closure_note = statement.OptionalText(first + 6);
        header.created_at = statement.Text(first + 7);
        header.updated_at = statement.Text(first + 8);
        header.weighed_at = statement.OptionalText(first + 9);
        return header;
    }

    static domain::Referral ReadReferral(const Statement& statement) {
        domain::Referral referral;
        referral.id = statement.Text(0);
        referral.case_id = statement.Text(1);
        referral.partner = statement.Text(2);
        referral.forum = statement.OptionalText(3);
        referral.feedback_due = statement.Text(4);
        referral.note = statement.OptionalText(5);
        referral.at = statement.Text(6);
        referral.actor = statement.Text(7);
        return referral;
    }

    static AuditRecord ReadAudit(const Statement& statement) {
        return AuditRecord{statement.Int(0),  statement.Text(1), statement.Text(2),
                           statement.Text(3), statement.Text(4), statement.Text(5),
                           statement.Text(6), statement.Text(7), statement.Text(8)};
    }

    Connection& db_;
    SqliteRegisters registers_;
};

// Runs `work` between BEGIN and COMMIT, rolling back on an error result or a store failure.
Status RunInTransaction(Connection& connection, const char* begin,
                        const std::function<Status(Transaction&)>& work) {
    try {
        connection.Execute(begin);
    } catch (const StoreFailure& failure) {
        return MakeError(ErrorCode::kUnavailable, std::string{"De opslag is niet beschikbaar: "} + failure.what());
    }
    try {
        SqliteTransaction transaction{connection};
        Status status = work(transaction);
        if (!status) {
            connection.Execute("ROLLBACK");
            return status;
        }
        connection.Execute("COMMIT");
        return status;
    } catch (const StoreFailure& failure) {
        try {
            connection.Execute("ROLLBACK");
        } catch (const StoreFailure&) {
            // The engine already rolled back (e.g. on SQLITE_FULL); nothing more to undo.
        }
        return MakeError(ErrorCode::kUnavailable, std::string{"De opslag is niet beschikbaar: "} + failure.what());
    }
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, int reader_count) {
    std::unique_ptr<SqliteStore> store{new SqliteStore()};
    store->path_ = path;
    try {
        store->writer_ = std::make_unique<Connection>(path, false);
        auto check = store->writer_->Prepare("PRAGMA application_id");
        check.Step();
        std::int64_t application_id = check.Int(0);
        auto tables = store->writer_->Prepare("SELECT count(*) FROM sqlite_schema");
        tables.Step();
        std::int64_t table_count = tables.Int(0);
        if (application_id != kApplicationId && table_count > 0) {
            return MakeError(ErrorCode::kFailedPrecondition,
                             path + " is not a meldroute database; refusing to change it");
        }
    } catch (const StoreFailure& failure) {
        return MakeError(ErrorCode::kUnavailable, failure.what());
    }
    MR_TRY(store->Migrate());
    try {
        for (int index = 0; index < reader_count; ++index) {
            store->idle_readers_.push_back(std::make_unique<Connection>(path, true));
        }
    } catch (const StoreFailure& failure) {
        return MakeError(ErrorCode::kUnavailable, failure.what());
    }
    return store;
}

SqliteStore::~SqliteStore() = default;

Status SqliteStore::Migrate() {
    try {
        // WAL persists in the file; it lets readers run while one writer commits.
        writer_->Execute("PRAGMA journal_mode = WAL");
        auto version_statement = writer_->Prepare("PRAGMA user_version");
        version_statement.Step();
        auto version = static_cast<std::size_t>(version_statement.Int(0));
        const auto& migrations = Migrations();
        if (version > migrations.size()) {
            return MakeError(ErrorCode::kFailedPrecondition,
                             "database schema version " + std::to_string(version) +
                                 " is newer than this program knows (" + std::to_string(migrations.size()) +
                                 "); upgrade meldroute");
        }
        for (std::size_t next = version; next < migrations.size(); ++next) {
            writer_->Execute("BEGIN IMMEDIATE");
            try {
                writer_->Execute(migrations[next]);
                writer_->Execute("PRAGMA application_id = " + std::to_string(kApplicationId));
                writer_->Execute("PRAGMA user_version = " + std::to_string(next + 1));
                writer_->Execute("COMMIT");
            } catch (const StoreFailure&) {
                writer_->Execute("ROLLBACK");
                throw;
            }
        }
    } catch (const StoreFailure& failure) {
        return MakeError(ErrorCode::kUnavailable, std::string{"migration failed: "} + failure.what());
    }
    return Ok();
}

struct SqliteStore::WriteJob {
    const std::function<Status(Transaction&)>* work;
    Status result = Ok();
    bool done = false;
};

namespace {

constexpr std::size_t kMaxBatch = 256;

Error StoreUnavailable(const StoreFailure& failure) {
    return MakeError(ErrorCode::kUnavailable, std::string{"De opslag is niet beschikbaar: "} + failure.what());
}

}  // namespace

void SqliteStore::RunBatch(const std::vector<WriteJob*>& batch) {
    Connection& connection = *writer_;
    try {
        connection.Execute("BEGIN IMMEDIATE");
    } catch (const StoreFailure& failure) {
        for (WriteJob* job : batch) job->result = StoreUnavailable(failure);
        return;
    }
    try {
        SqliteTransaction transaction{connection};
        for (WriteJob* job : batch) {
            connection.Execute("SAVEPOINT job");
            try {
                job->result = (*job->work)(transaction);
            } catch (const StoreFailure& failure) {
                job->result = StoreUnavailable(failure);
            } catch (const std::exception& exception) {
                // A bug in one job must neither leave the batch hanging nor commit that job's partial writes.
                job->result = MakeError(ErrorCode::kInternal, exception.what());
            }
            // ROLLBACK TO undoes this job only; RELEASE then ends the savepoint either way.
            if (!job->result) connection.Execute("ROLLBACK TO job");
            connection.Execute("RELEASE job");
        }
        connection.Execute("COMMIT");
    } catch (const StoreFailure& failure) {
        // The transaction as a whole failed (disk full, I/O error): nothing of the batch was committed, so
        // every job reports the failure, including those whose own work succeeded.
        try {
            connection.Execute("ROLLBACK");
        } catch (const StoreFailure&) {
            // SQLite already rolled back.
        }
        for (WriteJob* job : batch) job->result = StoreUnavailable(failure);
    }
}

Status SqliteStore::Write(const std::function<Status(Transaction&)>& work) {
    WriteJob job{&work};
    std::unique_lock lock{write_mutex_};
    queue_.push_back(&job);
    while (!job.done) {
        if (leader_active_) {
            write_done_.wait(lock);
            continue;
        }
        leader_active_ = true;
        std::vector<WriteJob*> batch;
        std::size_t take = std::min(queue_.size(), kMaxBatch);
        batch.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(take));
        queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(take));
        lock.unlock();
        RunBatch(batch);
        lock.lock();
        for (WriteJob* finished : batch) finished->done = true;
        leader_active_ = false;
        write_done_.notify_all();
    }
    return std::move(job.result);
}

Status SqliteStore::Read(const std::function<Status(Transaction&)>& work) {
    std::unique_ptr<Connection> reader;
    {
        std::unique_lock lock{readers_mutex_};
        readers_available_.wait(lock, [this] { return !idle_readers_.empty(); });
        reader = std::move(idle_readers_.back());
        idle_readers_.pop_back();
    }
    Status status = RunInTransaction(*reader, "BEGIN", work);
    {
        std::lock_guard lock{readers_mutex_};
        idle_readers_.push_back(std::move(reader));
    }
    readers_available_.notify_one();
    return status;
}

Status SqliteStore::Check() {
    return Read([](Transaction& transaction) -> Status {
        transaction.IsEmpty();
        return Ok();
    });
}

Status SqliteStore::Backup(const std::string& target) {
    // Become the leader so no batch runs on the writer connection during the copy.
    std::unique_lock lock{write_mutex_};
    write_done_.wait(lock, [this] { return !leader_active_; });
    leader_active_ = true;
    lock.unlock();
    struct Release {
        SqliteStore* store;
        ~Release() {
            std::lock_guard guard{store->write_mutex_};
            store->leader_active_ = false;
            store->write_done_.notify_all();
        }
    } release{this};
    sqlite3* destination = nullptr;
    if (sqlite3_open(target.c_str(), &destination) != SQLITE_OK) {
        sqlite3_close(destination);
        return MakeError(ErrorCode::kUnavailable, "cannot open backup target " + target);
    }
    sqlite3_backup* backup = sqlite3_backup_init(destination, "main", writer_->handle(), "main");
    int code = SQLITE_ERROR;
    if (backup != nullptr) {
        code = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup);
    }
    sqlite3_close(destination);
    if (code != SQLITE_DONE) return MakeError(ErrorCode::kUnavailable, "backup to " + target + " failed");
    return Ok();
}

}  // namespace meldroute::store::sqlite
