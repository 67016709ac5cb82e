// The data operations of a transaction written once for both SQL stores: SQLite (store/sqlite/) and PostgreSQL
// (store/postgres/) instantiate SqlTransaction with their own connection type. The SQL is the subset both engines
// run alike (placeholders are written SQLite's way; the PostgreSQL connection turns them into $N).
#pragma once

#include <algorithm>
#include <charconv>
#include <array>
#include <deque>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "domain/search_terms.hpp"
#include "store/sealed_columns.hpp"
#include "store/sql/json_array.hpp"
#include "store/sql/registers.hpp"
#include "store/sql/sealing.hpp"
#include "store/store.hpp"

namespace meldroute::store::sql {

using domain::Case;
using domain::Signal;

inline std::string JoinList(const std::vector<std::string>& values) {
    std::string joined;
    for (const std::string& value : values) {
        if (!joined.empty()) joined += ',';
        joined += value;
    }
    return joined;
}


inline void AssignText(std::string& target, std::optional<std::string_view> text) { target.assign(text.value_or("")); }

inline void AssignOptionalText(std::optional<std::string>& target, std::optional<std::string_view> text) {
    if (!text) {
        target.reset();
    } else if (target) {
        target->assign(*text);
    } else {
        target.emplace(*text);
    }
}

// The comma-separated values of `text` (empty ones left out) into `values`, reusing what it holds.
inline void SplitListInto(std::string_view text, std::vector<std::string>& values) {
    std::size_t count = 0;
    while (!text.empty()) {
        std::size_t end = text.find(',');
        std::string_view value = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (value.empty()) continue;
        if (count == values.size()) values.emplace_back();
        values[count++].assign(value);
    }
    values.resize(count);
}

inline std::vector<std::string> SplitList(std::string_view text) {
    std::vector<std::string> values;
    SplitListInto(text, values);
    return values;
}

// Hashes std::string and std::string_view alike, so a set of strings is searched with a view.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

//! A set of record ids for one read: ids in meldroute's canonical form (lowercase UUIDs, every id it makes) kept as
//! 128-bit numbers in one sorted vector, any other text (ids written by hand, in tests) in a hash set. Add them all,
//! then Seal, then ask. A yearly statistics request at 1M signals remembers some 25,000 case ids: in a hash set of
//! strings (a node and a string each) that was a quarter of its time (docs/performance.md).
class IdSet {
public:
    void Add(std::string_view id) {
        if (auto key = Key(id)) {
            keys_.push_back(*key);
        } else {
            others_.emplace(id);
        }
    }
    void Seal() { std::sort(keys_.begin(), keys_.end()); }
    [[nodiscard]] bool Contains(std::string_view id) const {
        if (auto key = Key(id)) return std::binary_search(keys_.begin(), keys_.end(), *key);
        return others_.contains(id);
    }

private:
    // The UUID's 32 hex digits as a number; nullopt unless `id` is a UUID in lowercase (so that text differing
    // only in case stays two ids, as it is in the store).
    static std::optional<unsigned __int128> Key(std::string_view id) {
        if (id.size() != 36 || id[8] != '-' || id[13] != '-' || id[18] != '-' || id[23] != '-') return std::nullopt;
        // The value of each lowercase hex digit; 16 for every other character.
        static constexpr std::array<unsigned char, 256> kDigits = [] {
            std::array<unsigned char, 256> digits{};
            digits.fill(16);
            constexpr std::string_view kHex = "0123456789abcdef";
            for (std::size_t value = 0; value < kHex.size(); ++value) {
                digits[static_cast<unsigned char>(kHex[value])] = static_cast<unsigned char>(value);
            }
            return digits;
        }();
        unsigned __int128 key = 0;
        unsigned others = 0;
        for (std::size_t at = 0; at < id.size(); ++at) {
            if (at == 8 || at == 13 || at == 18 || at == 23) continue;
            const unsigned value = kDigits[static_cast<unsigned char>(id[at])];
            others |= value;
            key = (key << 4) | (value & 15U);
        }
        if ((others & 16U) != 0) return std::nullopt;
        return key;
    }

    std::vector<unsigned __int128> keys_;
    std::unordered_set<std::string, TextHash, std::equal_to<>> others_;
};

// One item of a case_figures list: its sequence and its fields (the first is the sequence again).
using FiguresItem = std::pair<std::int64_t, std::array<std::string_view, 5>>;

// A list of case_figures into `items`: items separated by RS (0x1e), each of `width` fields separated by US
// (0x1f), the first the row's sequence; in sequence order (the engines' string aggregates promise no order). The
// fields point into `text`.
inline void SplitFiguresList(std::optional<std::string_view> text, std::size_t width, std::vector<FiguresItem>& items) {
    items.clear();
    if (!text || text->empty()) return;
    std::string_view rest = *text;
    while (true) {
        std::size_t end = rest.find('\x1e');
        std::string_view item = rest.substr(0, end);
        FiguresItem parsed{};
        std::size_t field = 0;
        while (true) {
            std::size_t stop = item.find('\x1f');
            if (field == width) throw StoreFailure("a case's kept figures are unreadable");
            parsed.second[field++] = item.substr(0, stop);
            if (stop == std::string_view::npos) break;
            item = item.substr(stop + 1);
        }
        const std::string_view sequence = parsed.second[0];
        if (field != width ||
            std::from_chars(sequence.data(), sequence.data() + sequence.size(), parsed.first).ec != std::errc{}) {
            throw StoreFailure("a case's kept figures are unreadable");
        }
        items.push_back(parsed);
        if (end == std::string_view::npos) break;
        rest = rest.substr(end + 1);
    }
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
}

inline std::string JoinRoles(const std::vector<domain::Role>& roles) {
    std::vector<std::string> names;
    for (domain::Role role : roles) names.emplace_back(domain::ToString(role));
    return JoinList(names);
}

inline std::vector<domain::Role> SplitRoles(const std::string& text) {
    std::vector<domain::Role> roles;
    for (const std::string& name : SplitList(text)) {
        if (auto role = domain::ParseRole(name)) roles.push_back(*role);
    }
    return roles;
}

inline std::string EmptyIfNull(const std::optional<std::string>& value) { return value.value_or(""); }

// Whether an ISO time is the start of a day ("2024-01-01T00:00:00Z").
inline bool IsDayStart(std::string_view time) { return time.size() == 20 && time.substr(10) == "T00:00:00Z"; }

inline std::optional<std::string> NullIfEmpty(std::string_view value) {
    if (value.empty()) return std::nullopt;
    return std::string{value};
}

// Columns of a signal row, with its derived status, in the order ReadSignal expects.
inline constexpr const char* kSignalColumns =
    "s.id, s.reporter, s.channel, s.narrative, s.indicator_codes, s.catalog_version, s.observed_on, "
    "s.has_location, s.street, s.house_number, s.postcode, s.city, s.created_at, s.case_id, "
    "COALESCE(c.status, 'gemeld'), s.business_kvk, s.business_name, s.destroyed_at";
inline constexpr int kSignalColumnCount = 18;
// The same positions for a summary: the sealed columns are not read (NULL), and no location is made; with or
// without the narrative.
inline constexpr const char* kSignalSummaryColumns =
    "s.id, s.reporter, s.channel, NULL, s.indicator_codes, s.catalog_version, s.observed_on, "
    "0, NULL, NULL, NULL, NULL, s.created_at, s.case_id, "
    "COALESCE(c.status, 'gemeld'), NULL, NULL, s.destroyed_at";
inline constexpr const char* kSignalSummaryAndNarrativeColumns =
    "s.id, s.reporter, s.channel, s.narrative, s.indicator_codes, s.catalog_version, s.observed_on, "
    "0, NULL, NULL, NULL, NULL, s.created_at, s.case_id, "
    "COALESCE(c.status, 'gemeld'), NULL, NULL, s.destroyed_at";

// The query of a page of signals (ListSignals): ?1 the reporter, ?2 the case status, ?3 the rows wanted (one more
// than the page, to tell whether another follows), ?4 the sequence the page starts before. `inbox_hint` is the
// engine's kInboxIndexHint.
inline std::string SignalListSql(const SignalFilter& filter, std::string_view inbox_hint) {
    const bool inbox = filter.status && *filter.status == "gemeld";
    const char* columns = filter.columns == SignalColumns::kAll     ? kSignalColumns
                          : filter.columns == SignalColumns::kPlain ? kSignalSummaryColumns
                                                                    : kSignalSummaryAndNarrativeColumns;
    std::string sql = std::string{"SELECT "} + columns + ", s.sequence FROM signals s" +
                      std::string{inbox && !filter.reporter ? inbox_hint : ""} +
                      " LEFT JOIN cases c ON c.id = s.case_id WHERE 1 = 1";
    if (filter.reporter) sql += " AND s.reporter = ?1";
    if (filter.status) {
        // The inbox: signals not in a case, and not destroyed after their retention term. With the summary's
        // columns it is read from signals_inbox alone (migration 21).
        sql += inbox ? " AND s.case_id IS NULL AND s.destroyed_at IS NULL" : " AND c.status = ?2";
    }
    if (filter.before) sql += " AND s.sequence < ?4";
    return sql + " ORDER BY s.sequence DESC LIMIT ?3";
}

inline constexpr const char* kCaseColumns =
    "id, status, urgency, forms, rationale, outcome, closure_note, created_at, updated_at, weighed_at, version, "
    "reopen_count, reopened_at";
inline constexpr int kCaseColumnCount = 13;

//! The data operations of one transaction, in SQL that SQLite and PostgreSQL both run (`Db` is a connection
//! of store/sqlite/ or store/postgres/: Prepare, Bind, Step, Text, Int, Changes, LastInsertRowid).
template <typename Db>
class SqlTransaction final : public Transaction {
public:
    using Statement = decltype(std::declval<Db&>().Prepare(std::string{}));

    SqlTransaction(Db& connection, const FieldCipher& cipher)
        : db_(connection), registers_(connection, cipher), cipher_(cipher) {}

    //! The end of the audit chain and the latest catalog version are remembered for the rest of the transaction
    //! once read (only this transaction's own writes change them: a write batch holds the writer, on PostgreSQL
    //! with an advisory lock across instances), so the jobs of a batch do not each ask again: on PostgreSQL two
    //! round trips less per signal. The engine calls this when it rolls a job back to its savepoint.
    void ForgetRemembered() {
        last_audit_.reset();
        latest_catalog_version_.reset();
    }

    //! The signals this transaction indexed (their search terms pending), counted for the engine's fold
    //! (FoldPendingTerms). A job rolled back to its savepoint still counts: that only brings a fold forward.
    std::int64_t indexed_signals() const { return indexed_signals_; }

    void InsertUser(const UserRecord& user) override {
        db_.Prepare(
               "INSERT INTO users (username, password_hash, roles, active, created_at, department) "
               "VALUES (?, ?, ?, ?, ?, ?)")
            .BindAll(user.username, user.password_hash, JoinRoles(user.roles), user.active ? 1 : 0, user.created_at,
                     user.department)
            .Run();
    }

    static constexpr const char* kUserColumns = "username, password_hash, roles, active, created_at, department";

    std::optional<UserRecord> FindUser(std::string_view username) override {
        auto statement = db_.Prepare(std::string{"SELECT "} + kUserColumns + " FROM users WHERE username = ?");
        statement.Bind(1, username);
        if (!statement.Step()) return std::nullopt;
        return ReadUser(statement);
    }

    std::vector<UserRecord> ListUsers() override {
        auto statement = db_.Prepare(std::string{"SELECT "} + kUserColumns + " FROM users ORDER BY username");
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
        const std::string username = statement.Text(2);
        return FederatedIdentityRecord{statement.Text(0),
                                       statement.Text(1),
                                       username,
                                       Open("federated_identities", username, "display_name", statement.Text(3)),
                                       statement.Text(4),
                                       statement.Text(5)};
    }

    void UpsertFederatedIdentity(const FederatedIdentityRecord& identity) override {
        db_.Prepare(
               "INSERT INTO federated_identities (issuer, subject, username, display_name, created_at, "
               "last_sign_in_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (issuer, subject) DO UPDATE SET "
               "display_name = excluded.display_name, last_sign_in_at = excluded.last_sign_in_at")
            .BindAll(identity.issuer, identity.subject, identity.username,
                     Seal("federated_identities", identity.username, "display_name", identity.display_name),
                     identity.created_at, identity.last_sign_in_at)
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
        auto statement = db_.Prepare(kFindSession);
        statement.Bind(1, token_hash);
        return ReadSession(statement);
    }

    std::pair<std::optional<SessionRecord>, std::optional<UserRecord>> FindSessionAndUser(
        std::string_view token_hash) override {
        // Both statements need only the token's hash, so they are sent together.
        auto session = db_.Prepare(kFindSession);
        auto user = db_.Prepare(std::string{"SELECT "} + kUserColumns +
                                " FROM users WHERE username = (SELECT username FROM sessions WHERE token_hash = ?)");
        for (Statement* statement : {&session, &user}) {
            statement->Bind(1, token_hash);
            statement->Send();
        }
        std::pair<std::optional<SessionRecord>, std::optional<UserRecord>> found{ReadSession(session), std::nullopt};
        if (user.Step()) found.second = ReadUser(user);
        return found;
    }

    static constexpr const char* kFindSession =
        "SELECT token_hash, username, csrf_token, created_at, last_seen_at, must_enrol FROM sessions "
        "WHERE token_hash = ?";

    static std::optional<SessionRecord> ReadSession(Statement& statement) {
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
        return MfaRecord{statement.Text(0), Open("user_mfa", statement.Text(0), "secret_sealed", statement.Text(1)),
                         statement.OptionalText(2), statement.Int(3)};
    }

    void UpsertMfa(const MfaRecord& record) override {
        db_.Prepare(
               "INSERT INTO user_mfa (username, secret_sealed, confirmed_at, last_step) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (username) DO UPDATE SET secret_sealed = excluded.secret_sealed, "
               "confirmed_at = excluded.confirmed_at, last_step = excluded.last_step")
            .BindAll(record.username, Seal("user_mfa", record.username, "secret_sealed", record.secret),
                     record.confirmed_at, record.last_step)
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

    using Transaction::InsertSignal;

    IndexTerms IndexTermsOf(std::string_view narrative) const override { return {NarrativeTermKeys(cipher_, narrative)}; }

    void InsertSignal(const Signal& signal, const IndexTerms& terms) override {
        const domain::Location empty_location;
        const domain::Location& location = signal.location ? *signal.location : empty_location;
        db_.Prepare(
               "INSERT INTO signals (id, reporter, channel, narrative, indicator_codes, catalog_version, "
               "observed_on, has_location, street, house_number, postcode, city, created_at, business_kvk, "
               "business_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .BindAll(signal.id, NullIfEmpty(signal.reporter), signal.channel,
                     Seal("signals", signal.id, "narrative", signal.narrative), JoinList(signal.indicator_codes),
                     signal.catalog_version, signal.observed_on, signal.location ? 1 : 0,
                     Seal("signals", signal.id, "street", NullIfEmpty(location.street)),
                     Seal("signals", signal.id, "house_number", NullIfEmpty(location.house_number)),
                     Seal("signals", signal.id, "postcode", NullIfEmpty(location.postcode)),
                     Seal("signals", signal.id, "city", NullIfEmpty(location.city)), signal.created_at,
                     Seal("signals", signal.id, "business_kvk",
                          signal.business ? NullIfEmpty(signal.business->kvk_number) : std::nullopt),
                     Seal("signals", signal.id, "business_name",
                          signal.business ? NullIfEmpty(signal.business->trade_name) : std::nullopt))
            .Run();
        IndexInsertedNarrative(db_, terms.keys);
        ++indexed_signals_;
        int position = 0;
        for (const domain::Person& person : signal.persons) {
            const std::string row = signal.id + "/" + std::to_string(position);
            std::optional<std::string> birth_year;
            if (person.birth_year) birth_year = std::to_string(*person.birth_year);
            db_.Prepare(
                   "INSERT INTO persons (signal_id, position, role, name, birth_year, nationality, phone) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .BindAll(signal.id, position++, person.role, Seal("persons", row, "name", NullIfEmpty(person.name)),
                         Seal("persons", row, "birth_year", birth_year),
                         Seal("persons", row, "nationality", NullIfEmpty(person.nationality)),
                         Seal("persons", row, "phone", NullIfEmpty(person.phone)))
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

    SignalPage ListSignals(const SignalFilter& filter) override {
        auto statement = db_.Prepare(SignalListSql(filter, Db::kInboxIndexHint));
        if (filter.reporter) statement.Bind(1, *filter.reporter);
        if (filter.status && *filter.status != "gemeld") statement.Bind(2, *filter.status);
        statement.Bind(3, filter.limit + 1);
        if (filter.before) statement.Bind(4, *filter.before);
        SignalPage page;
        page.signals.reserve(static_cast<std::size_t>(std::clamp(filter.limit, 0, 500)));
        std::int64_t last = 0;
        while (static_cast<int>(page.signals.size()) < filter.limit && statement.Step()) {
            page.signals.push_back(ReadSignal(statement));
            last = statement.Int(kSignalColumnCount);
        }
        if (static_cast<int>(page.signals.size()) == filter.limit && statement.Step()) page.next_before = last;
        if (filter.columns == SignalColumns::kAll) LoadPersons(page.signals);
        return page;
    }

    std::vector<Signal> ListSignalsOfCase(std::string_view case_id) override {
        auto statement = db_.Prepare(SignalsOfCaseSql());
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
        // The signal's sequence is kept beside the key, so the signals sharing a key are walked newest first
        // along signal_keys_newest_first without reading the signals.
        db_.Prepare("INSERT INTO signal_keys (key_hash, signal_id, kind, signal_sequence) "
                    "VALUES (?, ?, ?, (SELECT sequence FROM signals WHERE id = ?)) ON CONFLICT DO NOTHING")
            .BindAll(key_hash, signal_id, kind, signal_id)
            .Run();
    }

    // The related signals of a case from its own signals' match keys (a statement of kOwnKeysOfCase, bound: the
    // case's own signals with match keys, and those keys; an own signal without keys is found along no key, so it
    // needs no place in `own`). Bounded whatever the number of signals sharing a key: per match key of the case's
    // signals (a few), the newest kMaxRelatedSignals + (the case's own signals) along the index, merged here. That
    // many per key is enough: a signal among the newest kMaxRelatedSignals related ones has, in each key it shares,
    // fewer newer others than kMaxRelatedSignals besides the case's own signals, so every kind it matched on is
    // found too.
    std::vector<domain::RelatedSignal> RelatedSignalsAlong(Statement& own_keys) {
        std::set<std::int64_t> own;
        std::vector<std::string> key_hashes;
        while (own_keys.Step()) {
            own.insert(own_keys.Int(0));
            key_hashes.push_back(own_keys.Text(1));
        }
        std::sort(key_hashes.begin(), key_hashes.end());
        key_hashes.erase(std::unique(key_hashes.begin(), key_hashes.end()), key_hashes.end());
        // Newest first: each related signal's sequence with the kinds it matched on, sorted and without repeats.
        std::map<std::int64_t, std::set<std::string>, std::greater<>> kinds_by_signal;
        const auto per_key = static_cast<std::int64_t>(kMaxRelatedSignals + own.size());
        // Up to kKeysPerStatement keys in one statement, each its own bounded walk along the index (a round trip
        // per key on PostgreSQL before).
        for (std::size_t first = 0; first < key_hashes.size(); first += kKeysPerStatement) {
            const std::size_t count = std::min(kKeysPerStatement, key_hashes.size() - first);
            std::string sql;
            for (std::size_t index = 0; index < count; ++index) {
                if (index > 0) sql += " UNION ALL ";
                sql += "SELECT * FROM (SELECT signal_sequence, kind FROM signal_keys WHERE key_hash = ?" +
                       std::to_string(index + 2) + " ORDER BY signal_sequence DESC LIMIT ?1) AS key" +
                       std::to_string(index);
            }
            auto statement = db_.Prepare(sql);
            statement.Bind(1, per_key);
            for (std::size_t index = 0; index < count; ++index) {
                statement.Bind(static_cast<int>(index + 2), key_hashes[first + index]);
            }
            while (statement.Step()) {
                const std::int64_t sequence = statement.Int(0);
                if (!own.contains(sequence)) kinds_by_signal[sequence].insert(statement.Text(1));
            }
        }
        if (kinds_by_signal.size() > kMaxRelatedSignals) {
            kinds_by_signal.erase(std::next(kinds_by_signal.begin(), kMaxRelatedSignals), kinds_by_signal.end());
        }
        std::vector<domain::RelatedSignal> related;
        if (kinds_by_signal.empty()) return related;
        std::string placeholders;
        for (std::size_t index = 0; index < kinds_by_signal.size(); ++index) placeholders += index == 0 ? "?" : ", ?";
        auto statement = db_.Prepare("SELECT sequence, id, case_id, created_at FROM signals WHERE sequence IN (" +
                                     placeholders + ") ORDER BY sequence DESC");
        int parameter = 0;
        for (const auto& entry : kinds_by_signal) statement.Bind(++parameter, entry.first);
        while (statement.Step()) {
            const std::set<std::string>& kinds = kinds_by_signal.at(statement.Int(0));
            related.push_back({statement.Text(1), statement.OptionalText(2), statement.Text(3),
                               std::vector<std::string>{kinds.begin(), kinds.end()}});
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
                "GROUP BY k.key_hash, k.kind HAVING count(DISTINCT k.signal_id) >= ? ORDER BY signals DESC, k.key_hash "
                "LIMIT ?");
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
                const std::string id = statement.Text(0);
                recurrence.signal_ids.push_back(id);
                if (!recurrence.label.empty()) continue;
                auto cell = [&](int column, const char* name) {
                    return EmptyIfNull(Open("signals", id, name, statement.OptionalText(column)));
                };
                if (recurrence.kind == "adres") {
                    std::string label = cell(1, "street") + " " + cell(2, "house_number") + ", " +
                                        cell(3, "postcode") + " " + cell(4, "city");
                    recurrence.label = label;
                } else {
                    std::string name = cell(6, "business_name");
                    std::string kvk = cell(5, "business_kvk");
                    recurrence.label = name.empty() ? "KvK " + kvk : (kvk.empty() ? name : name + " (KvK " + kvk + ")");
                }
            }
        }
        return recurrences;
    }

    std::vector<Signal> SearchSignals(const std::string& text, const domain::SignalSearch& search, int candidates,
                                      int limit) override {
        // The blind index: the query's words reduced to terms and hashed like the narratives' were; a signal
        // matches when it holds every term. The newest `candidates` matches are found by intersecting the terms'
        // posting lists newest first (Intersection), merged with the signals whose terms are still pending
        // (Matches); only those go on to the filters. So a search reads the terms'
        // postings down to its `candidates`-th match, however many signals hold a common word; words that seldom
        // meet are read to the end of their lists (docs/performance.md).
        std::vector<std::string> terms = domain::SearchTerms(text);
        if (terms.size() > kMaxSearchTerms) terms.resize(kMaxSearchTerms);
        std::vector<std::int64_t> keys;
        for (const std::string& term : terms) keys.push_back(TermKey(cipher_, term));
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        // The form is looked up with the engines' substring position rather than LIKE '%…%': PostgreSQL guesses
        // a handful of rows for such a LIKE and then starts from the cases instead of from the terms (1.4 s at
        // 1M signals instead of 8 ms).
        auto filters = [](const std::string& signal) {
            return " AND (?2 IS NULL OR " + std::string{Db::kPosition} + "(',' || c.forms || ',', ',' || ?2 || ',') > 0)"
                   " AND (?3 IS NULL OR COALESCE(c.status, 'gemeld') = ?3) AND (?4 IS NULL OR c.urgency = ?4)"
                   " AND (?5 IS NULL OR " + signal + ".created_at >= ?5) AND (?6 IS NULL OR " + signal +
                   ".created_at < ?6)";
        };
        auto bind_filters = [&search](auto& statement) {
            statement.Bind(2, search.form);
            statement.Bind(3, search.status);
            statement.Bind(4, search.urgency);
            statement.Bind(5, search.from);
            statement.Bind(6, search.to);
        };
        const std::string join_in_order{Db::kJoinInOrder};
        if (keys.empty()) {
            auto statement = db_.Prepare(std::string{"SELECT "} + kSignalColumns +
                                         " FROM signals s LEFT JOIN cases c ON c.id = s.case_id WHERE 1 = 1" +
                                         filters("s") + " ORDER BY s.sequence DESC LIMIT ?8");
            bind_filters(statement);
            statement.Bind(8, limit);
            return ReadSignals(statement);
        }
        // Without a filter every match is shown: the newest `limit` are the answer. With filters, the matches are
        // found and filtered newest first, 4 x `limit` and then twice as many each round (each round a round trip
        // on PostgreSQL), until `limit` pass or `candidates` have been looked at. The filters read an index that
        // holds what they need of a signal (signals_for_search), so only the signals shown are read whole, at the
        // end, in one statement.
        const bool filtered = search.form || search.status || search.urgency || search.from || search.to;
        const auto bound = static_cast<std::size_t>(std::max(candidates, 0));
        const auto wanted = static_cast<std::size_t>(std::max(limit, 0));
        Matches found{db_, keys};
        std::vector<std::int64_t> shown;
        if (!filtered) {
            found.MoreUpTo(shown, std::min(bound, wanted));
        } else {
            std::vector<std::int64_t> matches;
            for (std::size_t round = 4 * wanted; shown.size() < wanted && matches.size() < bound; round *= 2) {
                const std::size_t first = matches.size();
                found.MoreUpTo(matches, std::min(bound, first + round));
                if (matches.size() == first) break;
                auto passing = db_.Prepare(
                    "SELECT f.sequence FROM " + JsonTextArrayAt(1) + " hit " + join_in_order + " signals f" +
                    std::string{Db::kSearchIndexHint} +
                    " ON f.sequence = CAST(hit.value AS BIGINT) LEFT JOIN cases c ON c.id = f.case_id WHERE 1 = 1" +
                    filters("f") + " ORDER BY f.sequence DESC LIMIT ?8");
                passing.Bind(1, JsonNumberArray(matches.begin() + static_cast<std::ptrdiff_t>(first), matches.end()));
                bind_filters(passing);
                passing.Bind(8, static_cast<std::int64_t>(wanted - shown.size()));
                while (passing.Step()) shown.push_back(passing.Int(0));
            }
        }
        if (shown.empty()) return {};
        auto statement = db_.Prepare(std::string{"SELECT "} + kSignalColumns + " FROM " + JsonTextArrayAt(1) +
                                     " shown " + join_in_order +
                                     " signals s ON s.sequence = CAST(shown.value AS BIGINT)"
                                     " LEFT JOIN cases c ON c.id = s.case_id ORDER BY s.sequence DESC");
        statement.Bind(1, JsonNumberArray(shown.begin(), shown.end()));
        return ReadSignals(statement);
    }

    void InsertCase(const Case& header) override {
        db_.Prepare(std::string{"INSERT INTO cases ("} + kCaseColumns +
                    ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .BindAll(header.id, domain::ToString(header.status), header.urgency, JoinList(header.forms),
                     Seal("cases", header.id, "rationale", header.rationale), header.outcome,
                     Seal("cases", header.id, "closure_note", header.closure_note), header.created_at,
                     header.updated_at, header.weighed_at, header.version, header.reopen_count, header.reopened_at)
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
               "updated_at = ?, weighed_at = ?, closed_at = CASE WHEN ? = 1 THEN COALESCE(closed_at, ?) END, "
               "version = ?, reopen_count = ?, reopened_at = ? WHERE id = ?")
            .BindAll(domain::ToString(header.status), header.urgency, JoinList(header.forms),
                     Seal("cases", header.id, "rationale", header.rationale), header.outcome,
                     Seal("cases", header.id, "closure_note", header.closure_note), header.updated_at,
                     header.weighed_at, closed ? 1 : 0, header.updated_at, header.version, header.reopen_count,
                     header.reopened_at, header.id)
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
            // A reopened case owes its reporter new feedback: only feedback after the latest reopening counts.
            ", EXISTS (SELECT 1 FROM reporter_feedback f WHERE f.case_id = c.id AND f.at > COALESCE(c.reopened_at, ''))"
            ", EXISTS (SELECT 1 FROM signals s WHERE s.case_id = c.id AND s.reporter IS NOT NULL)"
            " FROM cases c ORDER BY c.sequence DESC LIMIT ?");
        statement.Bind(1, limit);
        std::vector<domain::CaseSummary> summaries;
        while (statement.Step()) {
            domain::CaseSummary summary;
            summary.header = ReadCase(statement, 0);
            constexpr int kNext = kCaseColumnCount;
            summary.signal_count = static_cast<int>(statement.Int(kNext));
            summary.referral_count = static_cast<int>(statement.Int(kNext + 1));
            summary.referrals_without_feedback = static_cast<int>(statement.Int(kNext + 2));
            summary.earliest_open_feedback_due = statement.OptionalText(kNext + 3);
            summary.has_reporter_feedback = statement.Int(kNext + 4) != 0;
            summary.has_reachable_reporter = statement.Int(kNext + 5) != 0;
            summaries.push_back(std::move(summary));
        }
        return summaries;
    }

    void InsertEnrichment(const domain::Enrichment& enrichment) override {
        db_.Prepare(
               "INSERT INTO enrichments (id, case_id, source, purpose, content, at, actor) VALUES (?, ?, ?, ?, ?, ?, "
               "?)")
            .BindAll(enrichment.id, enrichment.case_id, enrichment.source,
                     Seal("enrichments", enrichment.id, "purpose", enrichment.purpose),
                     Seal("enrichments", enrichment.id, "content", enrichment.content), enrichment.at,
                     enrichment.actor)
            .Run();
    }

    std::vector<domain::Enrichment> ReadEnrichments(Statement& statement) {
        std::vector<domain::Enrichment> enrichments;
        while (statement.Step()) {
            const std::string id = statement.Text(0);
            enrichments.push_back({id, statement.Text(1), statement.Text(2),
                                   Open("enrichments", id, "purpose", statement.Text(3)),
                                   Open("enrichments", id, "content", statement.Text(4)), statement.Text(5),
                                   statement.Text(6)});
        }
        return enrichments;
    }

    void InsertAssessment(const domain::Assessment& assessment) override {
        db_.Prepare(
               "INSERT INTO assessments (id, case_id, urgency, forms, rationale, at, actor) VALUES (?, ?, ?, ?, ?, ?, "
               "?)")
            .BindAll(assessment.id, assessment.case_id, assessment.urgency, JoinList(assessment.forms),
                     Seal("assessments", assessment.id, "rationale", assessment.rationale), assessment.at,
                     assessment.actor)
            .Run();
    }

    std::vector<domain::Assessment> ReadAssessments(Statement& statement) {
        std::vector<domain::Assessment> assessments;
        while (statement.Step()) {
            const std::string id = statement.Text(0);
            assessments.push_back({id, statement.Text(1), statement.Text(2), SplitList(statement.Text(3)),
                                   Open("assessments", id, "rationale", statement.Text(4)), statement.Text(5),
                                   statement.Text(6)});
        }
        return assessments;
    }

    void InsertReferral(const domain::Referral& referral) override {
        db_.Prepare(
               "INSERT INTO referrals (id, case_id, partner, forum, feedback_due, note, at, actor) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .BindAll(referral.id, referral.case_id, referral.partner, referral.forum, referral.feedback_due,
                     Seal("referrals", referral.id, "note", referral.note), referral.at, referral.actor)
            .Run();
    }

    std::optional<domain::Referral> FindReferral(std::string_view id) override {
        auto statement = db_.Prepare(
            "SELECT id, case_id, partner, forum, feedback_due, note, at, actor FROM referrals WHERE id = ?");
        statement.Bind(1, id);
        if (!statement.Step()) return std::nullopt;
        return ReadReferral(statement);
    }

    // A case's referrals (kReferralsOfCase) with their partners' feedback (kPartnerFeedbackOfCase).
    std::vector<domain::Referral> ReadReferrals(Statement& rows, Statement& statement) {
        std::vector<domain::Referral> referrals;
        while (rows.Step()) referrals.push_back(ReadReferral(rows));
        while (statement.Step()) {
            const std::string id = statement.Text(0);
            domain::PartnerFeedback feedback{id, statement.Text(1),
                                             Open("partner_feedback", id, "summary", statement.Text(2)),
                                             statement.Text(3), statement.Text(4)};
            for (domain::Referral& referral : referrals) {
                if (referral.id == feedback.referral_id) referral.feedback.push_back(feedback);
            }
        }
        return referrals;
    }

    void InsertPartnerFeedback(const domain::PartnerFeedback& feedback) override {
        db_.Prepare("INSERT INTO partner_feedback (id, referral_id, summary, at, actor) VALUES (?, ?, ?, ?, ?)")
            .BindAll(feedback.id, feedback.referral_id, Seal("partner_feedback", feedback.id, "summary", feedback.summary),
                     feedback.at, feedback.actor)
            .Run();
    }

    void InsertReporterFeedback(std::string_view id, std::string_view case_id,
                                const domain::FeedbackMessage& message) override {
        db_.Prepare("INSERT INTO reporter_feedback (id, case_id, message, at, actor) VALUES (?, ?, ?, ?, ?)")
            .BindAll(id, case_id, Seal("reporter_feedback", id, "message", message.message), message.at, message.actor)
            .Run();
    }

    std::vector<domain::FeedbackMessage> ListReporterFeedback(std::string_view case_id) override {
        auto rows = db_.Prepare(kReporterFeedbackOfCase);
        rows.Bind(1, case_id);
        return ReadReporterFeedback(rows);
    }

    std::vector<domain::FeedbackMessage> ReadReporterFeedback(Statement& rows) {
        return ReadRows(rows, [&](const Statement& row) {
            return domain::FeedbackMessage{Open("reporter_feedback", row.Text(3), "message", row.Text(0)), row.Text(1),
                                           row.Text(2)};
        });
    }

    // Closures and reopenings are only ever appended; their free texts are sealed per row (the sequence is
    // chosen here, in the one write transaction, so the value can be bound to its row before it is stored).
    void InsertClosure(std::string_view case_id, const domain::Closure& closure) override {
        const std::int64_t sequence = NextSequence("case_closures");
        db_.Prepare("INSERT INTO case_closures (sequence, case_id, at, outcome, note, actor) VALUES (?, ?, ?, ?, ?, ?)")
            .BindAll(sequence, case_id, closure.at, closure.outcome,
                     Seal("case_closures", std::to_string(sequence), "note", closure.note), closure.actor)
            .Run();
    }

    std::vector<domain::Closure> ReadClosures(Statement& rows) {
        return ReadRows(rows, [&](const Statement& row) {
            return domain::Closure{row.Text(0), row.Text(1),
                                   Open("case_closures", std::to_string(row.Int(4)), "note", row.OptionalText(2)),
                                   row.Text(3)};
        });
    }

    void InsertReopening(std::string_view case_id, const domain::Reopening& reopening) override {
        const std::int64_t sequence = NextSequence("case_reopenings");
        db_.Prepare("INSERT INTO case_reopenings (sequence, case_id, at, reason, actor) VALUES (?, ?, ?, ?, ?)")
            .BindAll(sequence, case_id, reopening.at,
                     Seal("case_reopenings", std::to_string(sequence), "reason", reopening.reason), reopening.actor)
            .Run();
    }

    std::vector<domain::Reopening> ReadReopenings(Statement& rows) {
        return ReadRows(rows, [&](const Statement& row) {
            return domain::Reopening{row.Text(0),
                                     Open("case_reopenings", std::to_string(row.Int(3)), "reason", row.Text(1)),
                                     row.Text(2)};
        });
    }

    void InsertTimelineEntry(std::string_view case_id, const domain::TimelineEntry& entry) override {
        db_.Prepare("INSERT INTO timeline (case_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)")
            .BindAll(case_id, entry.at, entry.actor, entry.action, entry.detail)
            .Run();
    }

    std::vector<domain::TimelineEntry> ReadTimeline(Statement& rows) {
        return ReadRows(rows, [](const Statement& row) {
            return domain::TimelineEntry{row.Text(0), row.Text(1), row.Text(2), row.Text(3)};
        });
    }

    std::optional<CaseRecord> LoadCase(std::string_view case_id) override {
        // Every statement that needs nothing but the case's id is bound and sent first, and read after: on
        // PostgreSQL they travel in one round trip (the related signals' walks, which need the keys, take one per
        // eight keys and one for the signals found), on SQLite each runs when stepped. The case row holds its
        // retention state too.
        auto header = db_.Prepare(std::string{"SELECT "} + kCaseColumns + ", " + kRetentionColumns +
                                  " FROM cases WHERE id = ?");
        auto signals = db_.Prepare(SignalsOfCaseSql());
        auto persons = db_.Prepare(std::string{"SELECT "} + kPersonColumns +
                                   ", p.signal_id FROM signals s JOIN persons p ON p.signal_id = s.id "
                                   "WHERE s.case_id = ?");
        auto enrichments = db_.Prepare(kEnrichmentsOfCase);
        auto assessments = db_.Prepare(kAssessmentsOfCase);
        auto referrals = db_.Prepare(kReferralsOfCase);
        auto partner_feedback = db_.Prepare(kPartnerFeedbackOfCase);
        auto reporter_feedback = db_.Prepare(kReporterFeedbackOfCase);
        auto timeline = db_.Prepare(kTimelineOfCase);
        auto closures = db_.Prepare(kClosuresOfCase);
        auto reopenings = db_.Prepare(kReopeningsOfCase);
        auto own_keys = db_.Prepare(kOwnKeysOfCase);
        for (Statement* statement : {&header, &signals, &persons, &enrichments, &assessments, &referrals,
                                     &partner_feedback, &reporter_feedback, &timeline, &closures, &reopenings,
                                     &own_keys}) {
            statement->Bind(1, case_id);
            statement->Send();
        }
        if (!header.Step()) return std::nullopt;
        CaseRecord record;
        domain::CaseFile& file = record.file;
        file.header = ReadCase(header, 0);
        record.retention = ReadRetention(header, kCaseColumnCount, case_id);
        while (signals.Step()) file.signals.push_back(ReadSignal(signals));
        AssignPersons(file.signals, persons);
        file.enrichments = ReadEnrichments(enrichments);
        file.assessments = ReadAssessments(assessments);
        file.referrals = ReadReferrals(referrals, partner_feedback);
        file.reporter_feedback = ReadReporterFeedback(reporter_feedback);
        file.timeline = ReadTimeline(timeline);
        file.closures = ReadClosures(closures);
        file.reopenings = ReadReopenings(reopenings);
        record.related_signals = RelatedSignalsAlong(own_keys);
        return record;
    }

    // ------------------------------------------------------------------ retention and data-subject rights

    std::vector<RetentionCandidate> ListRetentionCandidates(const RetentionScan& scan) override {
        // Along cases_for_retention or signals_for_retention (migration 17: only what is not destroyed yet), from
        // the previous page's last candidate up to the bound: a page costs its rows, however much is kept.
        const bool cases = scan.kind == "case";
        const std::string since = cases ? "closed_at" : "created_at";
        std::string sql = cases ? "SELECT id, outcome, closed_at, legal_hold_at IS NOT NULL, sequence FROM cases "
                                  "WHERE closed_at IS NOT NULL AND destroyed_at IS NULL"
                                : "SELECT id, NULL, created_at, 0, sequence FROM signals "
                                  "WHERE case_id IS NULL AND destroyed_at IS NULL";
        sql += " AND " + since + " < ?1 AND " + since + " >= ?2 AND (" + since + " > ?2 OR sequence > ?3) ORDER BY " +
               since + ", sequence LIMIT ?4";
        auto statement = db_.Prepare(sql);
        statement.BindAll(scan.since_before, scan.after ? scan.after->since : std::string{},
                          scan.after ? scan.after->position : std::int64_t{0}, scan.limit);
        std::vector<RetentionCandidate> candidates;
        while (statement.Step()) {
            candidates.push_back({scan.kind, statement.Text(0), statement.OptionalText(1), statement.Text(2),
                                  statement.Int(3) != 0, statement.Int(4)});
        }
        return candidates;
    }

    RetentionState CaseRetention(std::string_view case_id) override {
        auto statement = db_.Prepare(std::string{"SELECT "} + kRetentionColumns + " FROM cases WHERE id = ?");
        statement.Bind(1, case_id);
        if (!statement.Step()) return {};
        return ReadRetention(statement, 0, case_id);
    }

    static constexpr const char* kRetentionColumns =
        "legal_hold_reason, legal_hold_by, legal_hold_at, destroyed_at, closed_at";

    // The kRetentionColumns of a case row, from column `first` on.
    RetentionState ReadRetention(const Statement& statement, int first, std::string_view case_id) {
        RetentionState state;
        if (auto at = statement.OptionalText(first + 2)) {
            state.hold = LegalHold{
                EmptyIfNull(Open("cases", case_id, "legal_hold_reason", statement.OptionalText(first))),
                EmptyIfNull(statement.OptionalText(first + 1)), *at};
        }
        state.destroyed_at = statement.OptionalText(first + 3);
        state.closed_at = statement.OptionalText(first + 4);
        return state;
    }

    std::optional<std::string> SignalDestroyedAt(std::string_view signal_id) override {
        auto statement = db_.Prepare("SELECT destroyed_at FROM signals WHERE id = ?");
        statement.Bind(1, signal_id);
        if (!statement.Step()) return std::nullopt;
        return statement.OptionalText(0);
    }

    void SetLegalHold(std::string_view case_id, const std::optional<LegalHold>& hold) override {
        db_.Prepare("UPDATE cases SET legal_hold_reason = ?, legal_hold_by = ?, legal_hold_at = ? WHERE id = ?")
            .BindAll(hold ? Seal("cases", case_id, "legal_hold_reason", std::optional<std::string>{hold->reason})
                          : std::nullopt,
                     hold ? std::optional<std::string>{hold->set_by} : std::nullopt,
                     hold ? std::optional<std::string>{hold->set_at} : std::nullopt, case_id)
            .Run();
    }

    std::vector<std::string> DestroySignal(std::string_view signal_id, std::string_view at) override {
        SecureDelete secure{db_};
        return DestroySignalData(signal_id, at);
    }

    // Freed space is zeroed while destroying, so no sealed value lingers in a free page (the WAL's copy goes at
    // the next checkpoint); normal operation runs without it, since it only ever overwrites sealed values.
    struct SecureDelete {
        explicit SecureDelete(Db& connection) : db(connection) { db.SetSecureDelete(true); }
        ~SecureDelete() {
            try {
                db.SetSecureDelete(false);
            } catch (const StoreFailure&) {
            }
        }
        SecureDelete(const SecureDelete&) = delete;
        SecureDelete& operator=(const SecureDelete&) = delete;
        Db& db;
    };

    std::vector<std::string> DestroySignalData(std::string_view signal_id, std::string_view at) {
        std::vector<std::string> categories;
        std::int64_t sequence = 0;
        {
            auto statement = db_.Prepare(
                "SELECT sequence, narrative, has_location, business_kvk IS NOT NULL OR business_name IS NOT NULL, "
                "destroyed_at IS NOT NULL FROM signals WHERE id = ?");
            statement.Bind(1, signal_id);
            if (!statement.Step() || statement.Int(4) != 0) return categories;
            sequence = statement.Int(0);
            UnindexNarrative(db_, cipher_, sequence, Open("signals", signal_id, "narrative", statement.Text(1)));
            categories.push_back("meldingstekst");
            categories.push_back("zoekindex");
            if (statement.Int(2) != 0) categories.push_back("adres");
            if (statement.Int(3) != 0) categories.push_back("bedrijf");
        }
        auto count = [&](const char* sql) {
            auto statement = db_.Prepare(sql);
            statement.Bind(1, signal_id);
            statement.Step();
            return statement.Int(0);
        };
        if (count("SELECT count(*) FROM persons WHERE signal_id = ?") > 0) categories.push_back("personen");
        if (count("SELECT count(*) FROM signal_keys WHERE signal_id = ?") > 0) categories.push_back("koppelsleutels");
        if (count("SELECT count(*) FROM rectifications WHERE signal_id = ? AND reason IS NOT NULL") > 0) {
            categories.push_back("rectificatieredenen");
        }
        db_.Prepare(
               "UPDATE signals SET narrative = ?, observed_on = NULL, has_location = 0, street = NULL, "
               "house_number = NULL, postcode = NULL, city = NULL, business_kvk = NULL, business_name = NULL, "
               "destroyed_at = ? WHERE id = ?")
            .BindAll(Seal("signals", signal_id, "narrative", std::string_view{}), at, signal_id)
            .Run();
        for (const char* sql : {"DELETE FROM persons WHERE signal_id = ?", "DELETE FROM signal_keys WHERE signal_id = ?",
                                "UPDATE rectifications SET reason = NULL WHERE signal_id = ?"}) {
            db_.Prepare(sql).BindAll(signal_id).Run();
        }
        return categories;
    }

    std::vector<std::string> DestroyCase(std::string_view case_id, std::string_view at) override {
        SecureDelete secure{db_};
        std::vector<std::string> categories;
        std::vector<std::string> signal_ids;
        {
            auto statement = db_.Prepare("SELECT id FROM signals WHERE case_id = ? ORDER BY sequence");
            statement.Bind(1, case_id);
            while (statement.Step()) signal_ids.push_back(statement.Text(0));
        }
        for (const std::string& signal_id : signal_ids) {
            for (std::string& category : DestroySignalData(signal_id, at)) {
                if (std::find(categories.begin(), categories.end(), category) == categories.end()) {
                    categories.push_back(std::move(category));
                }
            }
        }
        // The free texts of the route: NOT NULL columns get a sealed empty text, so rows (and counts) remain.
        struct FreeText {
            const char* table;
            const char* column;
            const char* rows;  // selects the ids of the case's rows
            const char* category;
        };
        static const FreeText texts[] = {
            {"enrichments", "purpose", "SELECT id FROM enrichments WHERE case_id = ?", "verrijkingen"},
            {"enrichments", "content", "SELECT id FROM enrichments WHERE case_id = ?", "verrijkingen"},
            {"assessments", "rationale", "SELECT id FROM assessments WHERE case_id = ?", "afwegingen"},
            {"partner_feedback", "summary",
             "SELECT f.id FROM partner_feedback f JOIN referrals r ON r.id = f.referral_id WHERE r.case_id = ?",
             "terugkoppeling-partners"},
            {"reporter_feedback", "message", "SELECT id FROM reporter_feedback WHERE case_id = ?",
             "terugkoppeling-melder"},
        };
        for (const FreeText& text : texts) {
            std::vector<std::string> ids;
            {
                auto statement = db_.Prepare(text.rows);
                statement.Bind(1, case_id);
                while (statement.Step()) ids.push_back(statement.Text(0));
            }
            for (const std::string& id : ids) {
                db_.Prepare(std::string{"UPDATE "} + text.table + " SET " + text.column + " = ? WHERE id = ?")
                    .BindAll(Seal(text.table, id, text.column, std::string_view{}), id)
                    .Run();
            }
            if (!ids.empty() && std::find(categories.begin(), categories.end(), text.category) == categories.end()) {
                categories.push_back(text.category);
            }
        }
        db_.Prepare("UPDATE referrals SET note = NULL WHERE case_id = ?").BindAll(case_id).Run();
        // Earlier closures' notes and the reasons of reopenings (sealed per row by sequence).
        db_.Prepare("UPDATE case_closures SET note = NULL WHERE case_id = ?").BindAll(case_id).Run();
        std::vector<std::int64_t> reopenings;
        {
            auto statement = db_.Prepare("SELECT sequence FROM case_reopenings WHERE case_id = ?");
            statement.Bind(1, case_id);
            while (statement.Step()) reopenings.push_back(statement.Int(0));
        }
        for (std::int64_t sequence : reopenings) {
            db_.Prepare("UPDATE case_reopenings SET reason = ? WHERE sequence = ?")
                .BindAll(Seal("case_reopenings", std::to_string(sequence), "reason", std::string_view{}), sequence)
                .Run();
        }
        db_.Prepare(
               "UPDATE cases SET rationale = NULL, closure_note = NULL, legal_hold_reason = NULL, destroyed_at = ?, "
               "version = version + 1 WHERE id = ?")
            .BindAll(at, case_id)
            .Run();
        categories.push_back("casusteksten");
        return categories;
    }

    void AppendDestructionRecord(const DestructionRecord& record) override {
        db_.Prepare(
               "INSERT INTO destruction_log (object_type, object_id, destroyed_at, rule, categories, actor) "
               "VALUES (?, ?, ?, ?, ?, ?)")
            .BindAll(record.object_type, record.object_id, record.destroyed_at, record.rule,
                     JoinList(record.categories), record.actor)
            .Run();
    }

    std::vector<DestructionRecord> ListDestructionRecords(int limit) override {
        auto statement = db_.Prepare(
            "SELECT sequence, object_type, object_id, destroyed_at, rule, categories, actor FROM destruction_log "
            "ORDER BY sequence DESC LIMIT ?");
        statement.Bind(1, limit);
        std::vector<DestructionRecord> records;
        while (statement.Step()) {
            records.push_back({statement.Int(0), statement.Text(1), statement.Text(2), statement.Text(3),
                               statement.Text(4), SplitList(statement.Text(5)), statement.Text(6)});
        }
        return records;
    }

    std::vector<std::string> FindSignalIdsByKey(std::string_view kind, std::string_view key_hash) override {
        auto statement = db_.Prepare("SELECT signal_id FROM signal_keys WHERE kind = ? AND key_hash = ?");
        statement.BindAll(kind, key_hash);
        std::vector<std::string> ids;
        while (statement.Step()) ids.push_back(statement.Text(0));
        return ids;
    }

    void UpdatePerson(std::string_view signal_id, int position, const domain::Person& person) override {
        const std::string row = std::string{signal_id} + "/" + std::to_string(position);
        std::optional<std::string> birth_year;
        if (person.birth_year) birth_year = std::to_string(*person.birth_year);
        db_.Prepare(
               "UPDATE persons SET name = ?, birth_year = ?, nationality = ?, phone = ? "
               "WHERE signal_id = ? AND position = ?")
            .BindAll(Seal("persons", row, "name", NullIfEmpty(person.name)), Seal("persons", row, "birth_year", birth_year),
                     Seal("persons", row, "nationality", NullIfEmpty(person.nationality)),
                     Seal("persons", row, "phone", NullIfEmpty(person.phone)), signal_id, position)
            .Run();
    }

    void DeleteSignalKeys(std::string_view signal_id) override {
        db_.Prepare("DELETE FROM signal_keys WHERE signal_id = ?").BindAll(signal_id).Run();
    }

    void InsertRectification(const RectificationRecord& record) override {
        db_.Prepare(
               "INSERT INTO rectifications (id, signal_id, position, fields, reason, at, actor) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)")
            .BindAll(record.id, record.signal_id, record.position, JoinList(record.fields),
                     Seal("rectifications", record.id, "reason", record.reason), record.at, record.actor)
            .Run();
    }

    std::vector<RectificationRecord> ListRectifications(std::string_view signal_id) override {
        auto statement = db_.Prepare(
            "SELECT id, signal_id, position, fields, reason, at, actor FROM rectifications WHERE signal_id = ? "
            "ORDER BY sequence");
        statement.Bind(1, signal_id);
        std::vector<RectificationRecord> records;
        while (statement.Step()) {
            std::string id = statement.Text(0);
            records.push_back({id, statement.Text(1), static_cast<int>(statement.Int(2)), SplitList(statement.Text(3)),
                               EmptyIfNull(Open("rectifications", id, "reason", statement.OptionalText(4))),
                               statement.Text(5), statement.Text(6)});
        }
        return records;
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
        if (!latest_catalog_version_) {
            auto statement = db_.Prepare("SELECT version FROM catalog_versions ORDER BY sequence DESC LIMIT 1");
            std::optional<std::string> latest;
            if (statement.Step()) latest = statement.Text(0);
            latest_catalog_version_ = std::move(latest);
        }
        return *latest_catalog_version_;
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
        latest_catalog_version_.reset();
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
        if (!last_audit_) {
            auto statement = db_.Prepare(
                "SELECT sequence, at, actor, action, object, purpose, outcome, previous_hash, hash FROM audit_events "
                "ORDER BY sequence DESC LIMIT 1");
            std::optional<AuditRecord> last;
            if (statement.Step()) last = ReadAudit(statement);
            last_audit_ = std::move(last);
        }
        return *last_audit_;
    }

    void AppendAuditRecord(const AuditRecord& record) override {
        db_.Prepare(
               "INSERT INTO audit_events (sequence, at, actor, action, object, purpose, outcome, previous_hash, "
               "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .BindAll(record.sequence, record.at, record.actor, record.action, record.object, record.purpose,
                     record.outcome, record.previous_hash, record.hash)
            .Run();
        last_audit_ = record;
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

    void ForEachSignalForFigures(std::string_view from, std::string_view to,
                                 const std::function<void(const domain::SignalForFigures&)>& visit) override {
        // The department is read from the reporter's account; a signal without reporter came from a resident.
        // Over whole days, the signals not taken into a case come as one row per day, channel and reporter from
        // signal_day_counts (kept by triggers), so a year costs a few thousand rows, not a year of signals. The
        // signals taken into a case come one by one (each has its own lead time), from an index that holds all
        // that is read of them. One fact is filled row after row, so its strings keep their memory.
        domain::SignalForFigures fact;
        const bool whole_days = IsDayStart(from) && IsDayStart(to);
        if (whole_days) {
            auto counts = db_.Prepare(
                "SELECT k.day || 'T00:00:00Z', k.channel, CASE WHEN k.reporter = '' THEN ? ELSE "
                "COALESCE(u.department, 'onbekend') END, k.signals FROM signal_day_counts k "
                "LEFT JOIN users u ON u.username = k.reporter WHERE k.day >= ? AND k.day < ? AND k.signals > 0");
            counts.BindAll(domain::kResidentDepartment, from.substr(0, 10), to.substr(0, 10));
            fact.recorded_at.reset();
            while (counts.Step()) {
                AssignText(fact.created_at, counts.TextView(0));
                AssignText(fact.channel, counts.TextView(1));
                AssignText(fact.department, counts.TextView(2));
                fact.count = counts.Int(3);
                visit(fact);
            }
        }
        auto statement = db_.Prepare(
            std::string{"SELECT s.created_at, s.channel, CASE WHEN s.reporter IS NULL THEN ? ELSE COALESCE(u.department, "
                        "'onbekend') END, s.recorded_at FROM signals s LEFT JOIN users u ON u.username = s.reporter "
                        "WHERE s.created_at >= ? AND s.created_at < ?"} +
            (whole_days ? " AND s.recorded_at IS NOT NULL" : ""));
        statement.BindAll(domain::kResidentDepartment, from, to);
        fact.count = 1;
        while (statement.Step()) {
            AssignText(fact.created_at, statement.TextView(0));
            AssignText(fact.channel, statement.TextView(1));
            AssignText(fact.department, statement.TextView(2));
            AssignOptionalText(fact.recorded_at, statement.TextView(3));
            visit(fact);
        }
    }

    std::vector<domain::SignalForFigures> SignalsForFiguresBetween(std::string_view from, std::string_view to) override {
        std::vector<domain::SignalForFigures> facts;
        ForEachSignalForFigures(from, to, [&facts](const domain::SignalForFigures& fact) { facts.push_back(fact); });
        return facts;
    }

    void ForEachCaseForFigures(std::string_view from, std::string_view to,
                               const std::function<void(const domain::CaseForFigures&)>& visit) override {
        VisitCaseFigures(from, to, [&visit](std::int64_t, const domain::CaseForFigures& fact) { visit(fact); });
    }

    std::vector<domain::CaseForFigures> CasesForFiguresBetween(std::string_view from, std::string_view to) override {
        std::deque<std::pair<std::int64_t, domain::CaseForFigures>> facts;  // grows without moving what it holds
        VisitCaseFigures(from, to, [&facts](std::int64_t sequence, const domain::CaseForFigures& fact) {
            facts.emplace_back(sequence, fact);
        });
        // In the order the cases were recorded; each case is moved once.
        std::vector<std::pair<std::int64_t, std::size_t>> order;
        order.reserve(facts.size());
        for (std::size_t index = 0; index < facts.size(); ++index) order.emplace_back(facts[index].first, index);
        std::sort(order.begin(), order.end());
        std::vector<domain::CaseForFigures> cases;
        cases.reserve(facts.size());
        for (const auto& [sequence, index] : order) cases.push_back(std::move(facts[index].second));
        return cases;
    }

    std::vector<domain::PeriodCounts> CountsPerYear(std::string_view from, std::string_view to) override {
        // Each count comes from an index on its date, grouped in the store: the signals not taken into a case from
        // the kept day counts, those taken into one from their covering index.
        struct Count {
            const char* sql;  // (year, count) rows for the bounds ?1 and ?2
            bool by_day;      // bounded by days ("YYYY-MM-DD") rather than times
            std::int64_t domain::PeriodCounts::*field;
        };
        static constexpr Count kCounts[] = {
            {"SELECT substr(day, 1, 4), sum(signals) FROM signal_day_counts WHERE day >= ?1 AND day < ?2 "
             "GROUP BY substr(day, 1, 4)",
             true, &domain::PeriodCounts::signals},
            {"SELECT substr(created_at, 1, 4), count(*) FROM signals WHERE created_at >= ?1 AND created_at < ?2 "
             "AND recorded_at IS NOT NULL GROUP BY substr(created_at, 1, 4)",
             false, &domain::PeriodCounts::signals},
            {"SELECT substr(created_at, 1, 4), count(*) FROM cases WHERE created_at >= ?1 AND created_at < ?2 "
             "GROUP BY substr(created_at, 1, 4)",
             false, &domain::PeriodCounts::cases},
            {"SELECT substr(at, 1, 4), count(*) FROM case_closures WHERE at >= ?1 AND at < ?2 "
             "AND outcome = 'zorgtraject' GROUP BY substr(at, 1, 4)",
             false, &domain::PeriodCounts::care_trajectories},
            {"SELECT substr(at, 1, 4), count(*) FROM case_reopenings WHERE at >= ?1 AND at < ?2 "
             "GROUP BY substr(at, 1, 4)",
             false, &domain::PeriodCounts::reopenings},
        };
        std::map<std::string, domain::PeriodCounts> years;
        for (const Count& count : kCounts) {
            auto statement = db_.Prepare(count.sql);
            if (count.by_day) {
                statement.BindAll(from.substr(0, 10), to.substr(0, 10));
            } else {
                statement.BindAll(from, to);
            }
            while (statement.Step()) {
                const std::int64_t value = statement.Int(1);
                if (value <= 0) continue;
                domain::PeriodCounts& counts = years[statement.Text(0)];
                counts.period = statement.Text(0);
                counts.*(count.field) += value;
            }
        }
        std::vector<domain::PeriodCounts> per_year;
        for (auto& [year, counts] : years) per_year.push_back(std::move(counts));
        return per_year;
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

    std::int64_t RecordRateEvent(std::string_view bucket, std::string_view key_hash, std::string_view now,
                                 std::string_view expires_at) override {
        db_.Prepare("DELETE FROM rate_events WHERE expires_at <= ?").Bind(1, now).Run();
        auto statement = db_.Prepare("INSERT INTO rate_events (bucket, key_hash, expires_at) VALUES (?, ?, ?) "
                                     "RETURNING id");
        statement.BindAll(bucket, key_hash, expires_at);
        if (!statement.Step()) throw StoreFailure("the new rate event's id did not come back");
        return statement.Int(0);
    }

    void DeleteRateEvent(std::string_view bucket, std::string_view key_hash, std::int64_t id) override {
        db_.Prepare("DELETE FROM rate_events WHERE id = ? AND bucket = ? AND key_hash = ?")
            .BindAll(id, bucket, key_hash)
            .Run();
    }

    int CountRateEvents(std::string_view bucket, std::string_view key_hash, std::string_view now) override {
        auto statement =
            db_.Prepare("SELECT count(*) FROM rate_events WHERE bucket = ? AND key_hash = ? AND expires_at > ?");
        statement.BindAll(bucket, key_hash, now);
        statement.Step();
        return static_cast<int>(statement.Int(0));
    }

    void InsertTicket(const TicketRecord& ticket, std::string_view now) override {
        db_.Prepare("DELETE FROM tickets WHERE expires_at <= ?").Bind(1, now).Run();
        db_.Prepare(
               "INSERT INTO tickets (kind, key_hash, payload, expires_at) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (kind, key_hash) DO UPDATE SET payload = excluded.payload, "
               "expires_at = excluded.expires_at")
            .BindAll(ticket.kind, ticket.key_hash,
                     Seal("tickets", ticket.kind + "/" + ticket.key_hash, "payload", ticket.payload),
                     ticket.expires_at)
            .Run();
    }

    std::optional<TicketRecord> TakeTicket(std::string_view kind, std::string_view key_hash,
                                           std::string_view now) override {
        TicketRecord ticket{std::string{kind}, std::string{key_hash}, {}, {}};
        {
            auto statement = db_.Prepare("SELECT payload, expires_at FROM tickets WHERE kind = ? AND key_hash = ?");
            statement.BindAll(kind, key_hash);
            if (!statement.Step()) return std::nullopt;
            ticket.payload = statement.Text(0);
            ticket.expires_at = statement.Text(1);
        }
        db_.Prepare("DELETE FROM tickets WHERE kind = ? AND key_hash = ?").BindAll(kind, key_hash).Run();
        if (ticket.expires_at <= now) return std::nullopt;
        ticket.payload = Open("tickets", ticket.kind + "/" + ticket.key_hash, "payload", ticket.payload);
        return ticket;
    }

    bool AcquireLease(std::string_view name, std::string_view holder, std::string_view now,
                      std::string_view until) override {
        db_.Prepare(
               "INSERT INTO job_leases (name, holder, held_until) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE "
               "SET holder = excluded.holder, held_until = excluded.held_until WHERE job_leases.held_until <= ?")
            .BindAll(name, holder, until, now)
            .Run();
        return db_.Changes() > 0;
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

    Signal ReadSignal(const Statement& statement) {
        Signal signal;
        signal.id = statement.Text(0);
        auto cell = [&](int column, const char* name) {
            return Open("signals", signal.id, name, statement.OptionalText(column));
        };
        signal.reporter = EmptyIfNull(statement.OptionalText(1));
        signal.channel = statement.Text(2);
        signal.narrative = cell(3, "narrative").value_or("");
        signal.indicator_codes = SplitList(statement.Text(4));
        signal.catalog_version = statement.Text(5);
        signal.observed_on = statement.OptionalText(6);
        if (statement.Int(7) != 0) {
            signal.location = domain::Location{EmptyIfNull(cell(8, "street")), EmptyIfNull(cell(9, "house_number")),
                                               EmptyIfNull(cell(10, "postcode")), EmptyIfNull(cell(11, "city"))};
        }
        signal.created_at = statement.Text(12);
        signal.case_id = statement.OptionalText(13);
        signal.status = statement.Text(14);
        auto kvk = cell(15, "business_kvk");
        auto trade_name = cell(16, "business_name");
        if (kvk || trade_name) signal.business = domain::Business{kvk.value_or(""), trade_name.value_or("")};
        signal.destroyed_at = statement.OptionalText(17);
        return signal;
    }

    // Db::kJsonTextArray with its parameter numbered `index`, for statements that number theirs.
    static std::string JsonTextArrayAt(int index) {
        std::string spelled{Db::kJsonTextArray};
        spelled.replace(spelled.find('?'), 1, "?" + std::to_string(index));
        return spelled;
    }

    // One term's postings, newest first, read in chunks along the index (term_hash, signal_sequence) as the
    // intersection asks for them.
    class PostingCursor {
    public:
        PostingCursor(Db& db, std::int64_t key) : db_(db), key_(key) {}

        // The newest posting at or below `target`; nullopt when the term has none.
        std::optional<std::int64_t> AtMost(std::int64_t target) {
            while (true) {
                // The chunk is newest first: skip what lies above the target.
                auto found = std::lower_bound(chunk_.begin() + static_cast<std::ptrdiff_t>(at_), chunk_.end(), target,
                                              std::greater<>());
                if (found != chunk_.end()) {
                    at_ = static_cast<std::size_t>(found - chunk_.begin());
                    return *found;
                }
                if (last_chunk_) return std::nullopt;
                // Read on from the target. A target just past the chunk means the lists run alike: read more at
                // once next time; one far below it means they do not: read little after the jump.
                const bool alike = !chunk_.empty() && chunk_.front() - target <= 2 * (chunk_.front() - chunk_.back());
                size_ = chunk_.empty() ? kFirstChunk : alike ? std::min(2 * size_, kLargestChunk) : kFirstChunk;
                auto statement = db_.Prepare(
                    "SELECT signal_sequence FROM signal_terms WHERE term_hash = ? AND signal_sequence <= ?"
                    " ORDER BY signal_sequence DESC LIMIT ?");
                statement.BindAll(key_, target, static_cast<std::int64_t>(size_));
                chunk_.clear();
                while (statement.Step()) chunk_.push_back(statement.Int(0));
                at_ = 0;
                last_chunk_ = chunk_.size() < size_;
            }
        }

    private:
        static constexpr std::size_t kFirstChunk = 64;
        static constexpr std::size_t kLargestChunk = 4096;
        Db& db_;
        std::int64_t key_;
        std::vector<std::int64_t> chunk_;
        std::size_t at_ = 0;
        std::size_t size_ = kFirstChunk;
        bool last_chunk_ = false;
    };

    // The signals holding every term of a search, newest first: the terms' posting lists intersected by
    // leapfrogging (each cursor jumps to the newest posting at or below the others'). Lists that run alike are read
    // in growing chunks, one read per few thousand postings; a rare term makes the common ones jump, one short read
    // per posting of the rare one. Before, each posting of the rarest term was checked for every other term by a
    // lookup of its own: at 1M signals, four common words took 6,000 lookups (24,000 buffer reads on PostgreSQL)
    // for 2,000 candidates.
    class Intersection {
    public:
        Intersection(Db& db, const std::vector<std::int64_t>& keys) {
            cursors_.reserve(keys.size());
            for (std::int64_t key : keys) cursors_.emplace_back(db, key);
        }

        // Appends the next (older) matches to `matches` until it holds `wanted`; fewer when the lists end, or once
        // the search has gone below `floor` (it goes on from there next time: what it skipped is no match).
        void MoreUpTo(std::vector<std::int64_t>& matches, std::size_t wanted,
                      std::int64_t floor = std::numeric_limits<std::int64_t>::min()) {
            while (matches.size() < wanted && !done_) {
                if (target_ < floor) return;
                bool agreed = true;
                for (PostingCursor& cursor : cursors_) {
                    std::optional<std::int64_t> posting = cursor.AtMost(target_);
                    if (!posting) {
                        done_ = true;
                        return;
                    }
                    if (*posting < target_) {
                        target_ = *posting;
                        // The first list proposes; a later one that lowers the target sends it round again.
                        agreed = &cursor == &cursors_.front();
                        if (!agreed) break;
                    }
                }
                if (!agreed) continue;
                matches.push_back(target_);
                done_ = target_ == std::numeric_limits<std::int64_t>::min();
                if (!done_) target_ -= 1;
            }
        }

        bool done() const { return done_; }

    private:
        std::vector<PostingCursor> cursors_;
        std::int64_t target_ = std::numeric_limits<std::int64_t>::max();
        bool done_ = false;
    };

    // Every match of a search newest first: the folded postings' Intersection merged with the pending signals that
    // hold every term (PendingMatches, read once). A signal is in one of the two, never both (a fold moves it in
    // one transaction and a search reads one snapshot); one found in both would be counted once.
    class Matches {
    public:
        Matches(Db& db, const std::vector<std::int64_t>& keys) : folded_(db, keys), pending_(PendingMatches(db, keys)) {}

        // Appends the next (older) matches to `matches` until it holds `wanted`; fewer when both lists end.
        void MoreUpTo(std::vector<std::int64_t>& matches, std::size_t wanted) {
            while (matches.size() < wanted) {
                const bool pending_left = pending_at_ < pending_.size();
                if (!folded_next_ && !folded_done_) {
                    // Only as far down as the next pending match: when the newest matches are all pending, the
                    // folded lists are not read to their end for nothing.
                    std::vector<std::int64_t> next;
                    folded_.MoreUpTo(next, 1,
                                     pending_left ? pending_[pending_at_] : std::numeric_limits<std::int64_t>::min());
                    if (!next.empty()) folded_next_ = next.front();
                    else if (folded_.done()) folded_done_ = true;
                }
                if (!folded_next_ && !pending_left) return;
                if (folded_next_ && (!pending_left || *folded_next_ >= pending_[pending_at_])) {
                    if (pending_left && *folded_next_ == pending_[pending_at_]) ++pending_at_;
                    matches.push_back(*folded_next_);
                    folded_next_.reset();
                } else {
                    matches.push_back(pending_[pending_at_++]);
                }
            }
        }

    private:
        Intersection folded_;
        std::vector<std::int64_t> pending_;
        std::size_t pending_at_ = 0;
        std::optional<std::int64_t> folded_next_;
        bool folded_done_ = false;
    };

    std::vector<Signal> ReadSignals(Statement& statement) {
        std::vector<Signal> signals;
        while (statement.Step()) signals.push_back(ReadSignal(statement));
        LoadPersons(signals);
        return signals;
    }

    static constexpr const char* kPersonColumns = "p.role, p.name, p.birth_year, p.nationality, p.phone, p.position";

    void LoadPersons(Signal& signal) {
        auto statement = db_.Prepare(std::string{"SELECT "} + kPersonColumns +
                                     " FROM persons p WHERE p.signal_id = ? ORDER BY p.position");
        statement.Bind(1, signal.id);
        while (statement.Step()) ReadPerson(statement, signal);
    }

    // The persons of every signal of a list in one statement: a page of 100 signals is one query, not 100 (on
    // PostgreSQL, 100 round trips). The rows are put in order here: an ORDER BY made SQLite sort every row,
    // sealed cells and all, which cost more than the statements it saved.
    void LoadPersons(std::vector<Signal>& signals) {
        if (signals.size() < 2) {
            for (Signal& signal : signals) LoadPersons(signal);
            return;
        }
        // A list holds each signal once (ids are unique, and so are the rows every caller selects).
        std::set<std::string> ids;
        for (const Signal& signal : signals) ids.insert(signal.id);
        auto statement = db_.Prepare(std::string{"SELECT "} + kPersonColumns + ", p.signal_id " +
                                     Db::FromAmongJsonTextArray("persons", "p", "signal_id"));
        statement.Bind(1, JsonTextArray(ids));
        AssignPersons(signals, statement);
    }

    // Rows of kPersonColumns and the signal's id, in any order, put with their signals in position order.
    void AssignPersons(std::vector<Signal>& signals, Statement& statement) {
        std::unordered_map<std::string_view, Signal*> by_id;
        for (Signal& signal : signals) by_id.emplace(signal.id, &signal);
        std::unordered_map<Signal*, std::vector<std::pair<std::int64_t, std::size_t>>> order;
        while (statement.Step()) {
            auto found = by_id.find(statement.TextView(6).value_or(""));
            if (found == by_id.end()) continue;
            Signal& signal = *found->second;
            order[&signal].emplace_back(statement.Int(5), signal.persons.size());
            ReadPerson(statement, signal);
        }
        for (auto& [signal, positions] : order) {
            if (std::is_sorted(positions.begin(), positions.end())) continue;
            std::sort(positions.begin(), positions.end());
            std::vector<domain::Person> sorted;
            sorted.reserve(positions.size());
            for (const auto& [position, index] : positions) sorted.push_back(std::move(signal->persons[index]));
            signal->persons = std::move(sorted);
        }
    }

    // A row of kPersonColumns, opened, appended to the signal's persons.
    void ReadPerson(const Statement& statement, Signal& signal) {
        const std::string row = signal.id + "/" + statement.Text(5);
        auto cell = [&](int column, const char* name) { return Open("persons", row, name, statement.OptionalText(column)); };
        std::optional<int> birth_year;
        if (auto year = cell(2, "birth_year")) birth_year = std::stoi(*year);
        signal.persons.push_back({statement.Text(0), EmptyIfNull(cell(1, "name")), birth_year,
                                  EmptyIfNull(cell(3, "nationality")), EmptyIfNull(cell(4, "phone"))});
    }

    // The rows of a statement, each made into a value by `read`.
    template <typename Read, typename Row = std::invoke_result_t<Read, const Statement&>>
    static std::vector<Row> ReadRows(Statement& statement, Read read) {
        std::vector<Row> rows;
        while (statement.Step()) rows.push_back(read(statement));
        return rows;
    }

    static std::string SignalsOfCaseSql() {
        return std::string{"SELECT "} + kSignalColumns +
               " FROM signals s JOIN cases c ON c.id = s.case_id WHERE s.case_id = ? ORDER BY s.sequence";
    }

    // The statements of a case's file, each with the case's id as its one parameter.
    static constexpr const char* kEnrichmentsOfCase =
        "SELECT id, case_id, source, purpose, content, at, actor FROM enrichments WHERE case_id = ? ORDER BY sequence";
    static constexpr const char* kAssessmentsOfCase =
        "SELECT id, case_id, urgency, forms, rationale, at, actor FROM assessments WHERE case_id = ? ORDER BY sequence";
    static constexpr const char* kReferralsOfCase =
        "SELECT id, case_id, partner, forum, feedback_due, note, at, actor FROM referrals WHERE case_id = ? "
        "ORDER BY sequence";
    static constexpr const char* kPartnerFeedbackOfCase =
        "SELECT f.id, f.referral_id, f.summary, f.at, f.actor FROM partner_feedback f "
        "JOIN referrals r ON r.id = f.referral_id WHERE r.case_id = ? ORDER BY f.sequence";
    static constexpr const char* kReporterFeedbackOfCase =
        "SELECT message, at, actor, id FROM reporter_feedback WHERE case_id = ? ORDER BY sequence";
    static constexpr const char* kClosuresOfCase =
        "SELECT at, outcome, note, actor, sequence FROM case_closures WHERE case_id = ? ORDER BY sequence";
    static constexpr const char* kReopeningsOfCase =
        "SELECT at, reason, actor, sequence FROM case_reopenings WHERE case_id = ? ORDER BY sequence";
    static constexpr const char* kTimelineOfCase =
        "SELECT at, actor, action, detail FROM timeline WHERE case_id = ? ORDER BY sequence";
    // The case's own signals with match keys, and those keys.
    static constexpr const char* kOwnKeysOfCase =
        "SELECT mine.sequence, k.key_hash FROM signals mine JOIN signal_keys k ON k.signal_id = mine.id "
        "WHERE mine.case_id = ?";

    std::int64_t NextSequence(const char* table) {
        auto statement = db_.Prepare(std::string{"SELECT COALESCE(MAX(sequence), 0) + 1 FROM "} + table);
        statement.Step();
        return statement.Int(0);
    }

    Case ReadCase(const Statement& statement, int first) {
        Case header;
        header.id = statement.Text(first);
        header.status = domain::ParseCaseStatus(statement.Text(first + 1)).value_or(domain::CaseStatus::kVastgelegd);
        header.urgency = statement.OptionalText(first + 2);
        header.forms = SplitList(statement.Text(first + 3));
        header.rationale = Open("cases", header.id, "rationale", statement.OptionalText(first + 4));
        header.outcome = statement.OptionalText(first + 5);
        header.closure_note = Open("cases", header.id, "closure_note", statement.OptionalText(first + 6));
        header.created_at = statement.Text(first + 7);
        header.updated_at = statement.Text(first + 8);
        header.weighed_at = statement.OptionalText(first + 9);
        header.version = statement.Int(first + 10);
        header.reopen_count = static_cast<int>(statement.Int(first + 11));
        header.reopened_at = statement.OptionalText(first + 12);
        return header;
    }

    domain::Referral ReadReferral(const Statement& statement) {
        domain::Referral referral;
        referral.id = statement.Text(0);
        referral.case_id = statement.Text(1);
        referral.partner = statement.Text(2);
        referral.forum = statement.OptionalText(3);
        referral.feedback_due = statement.Text(4);
        referral.note = Open("referrals", referral.id, "note", statement.OptionalText(5));
        referral.at = statement.Text(6);
        referral.actor = statement.Text(7);
        return referral;
    }

    // Calls visit(case sequence, facts) for each case with anything in [from, to): those recorded in it are one
    // range of case_figures (kept by triggers, in the order the cases were recorded); those recorded earlier with
    // a referral, closure or reopening in it are found along the date indexes (which hold the case) and read one
    // by one. One fact is filled row after row, so its strings keep their memory.
    template <typename Visit>
    void VisitCaseFigures(std::string_view from, std::string_view to, Visit&& visit) {
        static constexpr const char* kFacts =
            "SELECT f.case_id, f.case_sequence, f.created_at, f.status, f.urgency, f.forms, f.weighed_at, f.outcome, "
            "f.closed_at, f.first_signal_at, f.has_reachable_reporter, f.first_weighed_at, "
            "f.first_reporter_feedback_at, f.latest_reporter_feedback_at, f.referrals, f.closures, f.reopenings ";
        domain::CaseForFigures fact;
        std::vector<FiguresItem> scratch;
        // case_figures holds one row per case (its triggers delete a case's row before writing it again), and the
        // earlier ones are looked up once each (a set of ids), so no case is visited twice.
        IdSet seen;
        auto read = [&](Statement& statement, bool remember) {
            while (statement.Step()) {
                if (remember) seen.Add(statement.TextView(0).value_or(""));
                ReadCaseFigures(statement, fact, scratch);
                visit(statement.Int(1), std::as_const(fact));
            }
        };
        auto recorded = db_.Prepare(std::string{kFacts} +
                                    "FROM case_figures f WHERE f.created_at >= ? AND f.created_at < ?");
        recorded.BindAll(from, to);
        read(recorded, true);
        seen.Seal();
        auto active = db_.Prepare(
            "SELECT case_id FROM referrals WHERE at >= ?1 AND at < ?2 UNION ALL "
            "SELECT case_id FROM case_closures WHERE at >= ?1 AND at < ?2 UNION ALL "
            "SELECT case_id FROM case_reopenings WHERE at >= ?1 AND at < ?2");
        active.BindAll(from, to);
        std::set<std::string> earlier;
        while (active.Step()) {
            auto case_id = active.TextView(0).value_or("");
            if (!seen.Contains(case_id)) earlier.emplace(case_id);
        }
        if (!earlier.empty()) {
            auto older = db_.Prepare(std::string{kFacts} + "FROM " + std::string{Db::kJsonTextArray} + " p " +
                                     std::string{Db::kJoinInOrder} + " case_figures f ON f.case_id = p.value");
            older.Bind(1, JsonTextArray(earlier));
            read(older, false);
        }
    }

    // A case_figures row (the columns of VisitCaseFigures' kFacts) into `fact`, reusing what it holds.
    static void ReadCaseFigures(const Statement& statement, domain::CaseForFigures& fact,
                                std::vector<FiguresItem>& scratch) {
        AssignText(fact.created_at, statement.TextView(2));
        fact.status = domain::ParseCaseStatus(statement.Text(3)).value_or(domain::CaseStatus::kVastgelegd);
        AssignOptionalText(fact.urgency, statement.TextView(4));
        SplitListInto(statement.TextView(5).value_or(""), fact.forms);
        AssignOptionalText(fact.weighed_at, statement.TextView(6));
        AssignOptionalText(fact.outcome, statement.TextView(7));
        AssignOptionalText(fact.closed_at, statement.TextView(8));
        AssignOptionalText(fact.first_signal_at, statement.TextView(9));
        fact.has_reachable_reporter = statement.Int(10) != 0;
        AssignOptionalText(fact.first_weighed_at, statement.TextView(11));
        AssignOptionalText(fact.first_reporter_feedback_at, statement.TextView(12));
        AssignOptionalText(fact.latest_reporter_feedback_at, statement.TextView(13));
        SplitFiguresList(statement.TextView(14), 5, scratch);
        fact.referrals.resize(scratch.size());
        for (std::size_t index = 0; index < scratch.size(); ++index) {
            const auto& fields = scratch[index].second;
            auto& referral = fact.referrals[index];
            referral.partner.assign(fields[1]);
            referral.at.assign(fields[2]);
            referral.feedback_due.assign(fields[3]);
            AssignOptionalText(referral.first_feedback_at,
                               fields[4].empty() ? std::nullopt : std::optional<std::string_view>{fields[4]});
        }
        SplitFiguresList(statement.TextView(15), 3, scratch);
        fact.closures.resize(scratch.size());
        for (std::size_t index = 0; index < scratch.size(); ++index) {
            fact.closures[index].at.assign(scratch[index].second[1]);
            fact.closures[index].outcome.assign(scratch[index].second[2]);
        }
        SplitFiguresList(statement.TextView(16), 2, scratch);
        fact.reopenings.resize(scratch.size());
        for (std::size_t index = 0; index < scratch.size(); ++index) fact.reopenings[index].assign(scratch[index].second[1]);
    }

    static AuditRecord ReadAudit(const Statement& statement) {
        return AuditRecord{statement.Int(0),  statement.Text(1), statement.Text(2),
                           statement.Text(3), statement.Text(4), statement.Text(5),
                           statement.Text(6), statement.Text(7), statement.Text(8)};
    }

    std::string Seal(std::string_view table, std::string_view row, std::string_view column,
                     std::string_view plaintext) const {
        return SealCell(cipher_, table, row, column, plaintext);
    }
    std::string Seal(std::string_view table, std::string_view row, std::string_view column,
                     const std::string& plaintext) const {
        return Seal(table, row, column, std::string_view{plaintext});
    }
    std::optional<std::string> Seal(std::string_view table, std::string_view row, std::string_view column,
                                    const std::optional<std::string>& plaintext) const {
        if (!plaintext) return std::nullopt;
        return Seal(table, row, column, std::string_view{*plaintext});
    }
    std::string Open(std::string_view table, std::string_view row, std::string_view column,
                     const std::string& sealed) const {
        return OpenCell(cipher_, table, row, column, sealed);
    }
    std::optional<std::string> Open(std::string_view table, std::string_view row, std::string_view column,
                                    const std::optional<std::string>& sealed) const {
        if (!sealed) return std::nullopt;
        return Open(table, row, column, *sealed);
    }

    static constexpr std::size_t kMaxSearchTerms = 16;
    static constexpr std::size_t kMaxRelatedSignals = 100;
    static constexpr std::size_t kKeysPerStatement = 8;

    Db& db_;
    SqlRegisters<Db> registers_;
    const FieldCipher& cipher_;
    std::optional<std::optional<AuditRecord>> last_audit_;                // see ForgetRemembered
    std::optional<std::optional<std::string>> latest_catalog_version_;   // see ForgetRemembered
    std::int64_t indexed_signals_ = 0;
};

}  // namespace meldroute::store::sql
