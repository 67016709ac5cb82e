// The blind search index and the key check in SQL both stores run (instantiated with their connection type).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/search_terms.hpp"
#include "store/sealed_columns.hpp"
#include "store/sql/json_array.hpp"
#include "store/store.hpp"

namespace meldroute::store::sql {

// The blind-index keys of a narrative's terms, sorted and distinct, as one JSON array for Db::kJsonTextArray.
inline std::string NarrativeTermKeys(const FieldCipher& cipher, std::string_view narrative) {
    std::vector<std::int64_t> keys;
    for (const std::string& term : domain::SearchTerms(narrative)) keys.push_back(TermKey(cipher, term));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return JsonNumberArray(keys.begin(), keys.end());
}

// The statement that adds a narrative's terms (its keys bound as one JSON array) to the signal whose sequence
// `sequence` spells: a placeholder, or an SQL expression of the engine's.
template <typename Db>
std::string InsertTermsSql(std::string_view sequence) {
    return "INSERT INTO signal_terms (term_hash, signal_sequence) SELECT CAST(term.value AS BIGINT), " +
           std::string{sequence} + " FROM " + std::string{Db::kJsonTextArray} + " term WHERE true ON CONFLICT DO NOTHING";
}

//! Adds the blind-index terms of a signal's narrative (keyed hashes of its normalised, stemmed words), in one
//! statement for its some 50 terms rather than one each (intake measured the same either way, on both engines:
//! the rows, not the statements, are the cost).
template <typename Db>
void IndexNarrative(Db& connection, const FieldCipher& cipher, std::int64_t sequence,
                    std::string_view narrative) {
    connection.Prepare(InsertTermsSql<Db>("?")).BindAll(sequence, NarrativeTermKeys(cipher, narrative)).Run();
}

//! Indexes the signal this transaction inserted last under `term_keys` (NarrativeTermKeys, worked out before the
//! write): one row in signal_terms_pending, appended in sequence order, which FoldPendingTerms later moves into
//! signal_terms with the other pending rows in one sorted pass. Inserting a narrative's some 40 postings into
//! signal_terms directly took a quarter of the one writer's time at intake (docs/performance.md). Where the
//! engine names that signal's sequence in SQL (Db::kInsertedSignalSequence: PostgreSQL's currval), the statement
//! is sent on without first asking for it; SQLite hands it over without asking anyone. A narrative without terms
//! has nothing to index.
template <typename Db>
void IndexInsertedNarrative(Db& connection, const std::string& term_keys) {
    if (term_keys == "[]") return;
    if constexpr (Db::kInsertedSignalSequence.empty()) {
        connection.Prepare("INSERT INTO signal_terms_pending (signal_sequence, term_keys) VALUES (?, ?)")
            .BindAll(connection.LastInsertRowid(), term_keys)
            .Run();
    } else {
        connection
            .Prepare("INSERT INTO signal_terms_pending (signal_sequence, term_keys) VALUES (" +
                     std::string{Db::kInsertedSignalSequence} + ", ?)")
            .BindAll(term_keys)
            .Run();
    }
}

//! When the writer folds: once this many signals were indexed since the last fold (store/sql/engine.hpp). A search
//! reads every pending row, so this bounds what it reads besides the posting lists.
inline constexpr std::int64_t kFoldPendingTermsAt = 256;
//! The most pending rows one fold moves, so that a backlog (after a crash, or from other instances) is moved in
//! several batches rather than in one long transaction.
inline constexpr std::int64_t kFoldPendingTermsAtMost = 4096;

// Db::kJsonTextArray over `argument` (a column, or a numbered parameter) instead of its placeholder.
template <typename Db>
std::string JsonTextArrayOver(std::string_view argument) {
    std::string spelled{Db::kJsonTextArray};
    spelled.replace(spelled.find('?'), 1, argument);
    return spelled;
}

//! Moves the oldest pending rows (at most `at_most`) into signal_terms in one statement that inserts their
//! postings sorted by term, so each page of the index is visited once per fold rather than once per posting;
//! returns how many rows it moved. The rows moved are named by sequence, not by a bound: on PostgreSQL another
//! instance may commit a lower sequence after this read, which must stay pending, not be deleted unfolded. Two
//! instances folding the same rows insert the same postings (ON CONFLICT DO NOTHING) and delete them once.
template <typename Db>
std::int64_t FoldPendingTerms(Db& connection, std::int64_t at_most) {
    std::vector<std::int64_t> sequences;
    {
        auto statement =
            connection.Prepare("SELECT signal_sequence FROM signal_terms_pending ORDER BY signal_sequence LIMIT ?");
        statement.Bind(1, at_most);
        while (statement.Step()) sequences.push_back(statement.Int(0));
    }
    if (sequences.empty()) return 0;
    const std::string folded = JsonNumberArray(sequences.begin(), sequences.end());
    connection
        .Prepare("INSERT INTO signal_terms (term_hash, signal_sequence) SELECT CAST(term.value AS BIGINT), "
                 "p.signal_sequence FROM " + JsonTextArrayOver<Db>("?1") +
                 " folded JOIN signal_terms_pending p ON p.signal_sequence = CAST(folded.value AS BIGINT) CROSS JOIN " +
                 JsonTextArrayOver<Db>("p.term_keys") + " term WHERE true ORDER BY 1, 2 ON CONFLICT DO NOTHING")
        .BindAll(folded)
        .Run();
    // The folded rows' cells are zeroed (SQLite's secure_delete), so no copy of a signal's terms stays behind in
    // free pages, where destroying the signal later would not reach it.
    connection.SetSecureDelete(true);
    try {
        connection
            .Prepare("DELETE FROM signal_terms_pending WHERE signal_sequence IN (SELECT CAST(folded.value AS BIGINT) "
                     "FROM " + JsonTextArrayOver<Db>("?1") + " folded)")
            .BindAll(folded)
            .Run();
    } catch (...) {
        connection.SetSecureDelete(false);
        throw;
    }
    connection.SetSecureDelete(false);
    return static_cast<std::int64_t>(sequences.size());
}

//! The pending signals (not folded yet) whose terms include every one of `keys` (sorted, distinct), newest first.
template <typename Db>
std::vector<std::int64_t> PendingMatches(Db& connection, const std::vector<std::int64_t>& keys) {
    std::vector<std::int64_t> matches;
    auto statement =
        connection.Prepare("SELECT signal_sequence, term_keys FROM signal_terms_pending ORDER BY signal_sequence DESC");
    while (statement.Step()) {
        const std::vector<std::int64_t> held = ParseJsonNumberArray(statement.Text(1));
        if (std::includes(held.begin(), held.end(), keys.begin(), keys.end())) matches.push_back(statement.Int(0));
    }
    return matches;
}

//! Removes the blind-index terms of a signal's narrative (recomputed from the opened narrative; the rows are
//! keyed by (term_hash, signal_sequence), so no second index by signal is needed), folded or still pending.
template <typename Db>
void UnindexNarrative(Db& connection, const FieldCipher& cipher, std::int64_t sequence,
                      std::string_view narrative) {
    connection
        .Prepare("DELETE FROM signal_terms WHERE signal_sequence = ? AND term_hash IN (SELECT CAST(term.value AS "
                 "BIGINT) FROM " + std::string{Db::kJsonTextArray} + " term)")
        .BindAll(sequence, NarrativeTermKeys(cipher, narrative))
        .Run();
    connection.Prepare("DELETE FROM signal_terms_pending WHERE signal_sequence = ?").BindAll(sequence).Run();
}

//! Records a check value for the current key and for the search key when the database does not know them
//! yet (table field_keys; the search key's row holds a keyed hash), and verifies the known ones: a database opened with keys it was not sealed under is refused (returns the reason) rather than
//! served. Empty when all is well.
template <typename Db>
std::string VerifyKeys(Db& connection, const FieldCipher& cipher) {
    const std::vector<std::string> ring = cipher.KeyIds();
    const std::string current = cipher.CurrentKeyId();
    bool current_known = false;
    bool search_known = false;
    const std::string search_check = cipher.TermHash(kKeyCheckPlaintext);
    auto statement = connection.Prepare("SELECT key_id, check_sealed FROM field_keys");
    while (statement.Step()) {
        const std::string id = statement.Text(0);
        if (id == "search") {
            // The search key only hashes; a different one would make every search silently find nothing.
            if (statement.Text(1) != search_check) {
                return "search.key in the keys directory is not the search key this database was indexed with";
            }
            search_known = true;
            continue;
        }
        if (std::find(ring.begin(), ring.end(), id) == ring.end()) {
            return "the database holds values sealed under key " + id + ", which is not in the keys directory";
        }
        if (cipher.Open(SealContext("field_keys", id, "check"), statement.Text(1)) != kKeyCheckPlaintext) {
            return "key " + id + " in the keys directory is not the key this database was sealed with";
        }
        if (id == current) current_known = true;
    }
    if (!search_known) {
        connection.Prepare("INSERT INTO field_keys (key_id, check_sealed) VALUES ('search', ?)")
            .Bind(1, search_check)
            .Run();
    }
    if (!current_known) {
        connection.Prepare("INSERT INTO field_keys (key_id, check_sealed) VALUES (?, ?)")
            .BindAll(current, cipher.Seal(SealContext("field_keys", current, "check"), kKeyCheckPlaintext))
            .Run();
    }
    return {};
}

//! VerifyKeys in a write transaction of its own: commits the check values it records, or refuses.
template <typename Db>
Status CheckKeys(Db& connection, const FieldCipher& cipher) {
    connection.BeginWrite();
    std::string refused;
    try {
        refused = VerifyKeys(connection, cipher);
    } catch (const StoreFailure&) {
        connection.Execute("ROLLBACK");
        throw;
    }
    connection.Execute(refused.empty() ? "COMMIT" : "ROLLBACK");
    if (!refused.empty()) return MakeError(ErrorCode::kFailedPrecondition, refused);
    return Ok();
}

}  // namespace meldroute::store::sql
