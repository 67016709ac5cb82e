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

//! Adds `term_keys` (NarrativeTermKeys, worked out before the write) for the signal this transaction inserted
//! last. Where the engine names that signal's sequence in SQL (Db::kInsertedSignalSequence: PostgreSQL's currval),
//! the statement is sent on without first asking for it, one round trip less per signal; SQLite hands it over
//! without asking anyone.
template <typename Db>
void IndexInsertedNarrative(Db& connection, const std::string& term_keys) {
    if constexpr (Db::kInsertedSignalSequence.empty()) {
        connection.Prepare(InsertTermsSql<Db>("?")).BindAll(connection.LastInsertRowid(), term_keys).Run();
    } else {
        connection.Prepare(InsertTermsSql<Db>(Db::kInsertedSignalSequence)).BindAll(term_keys).Run();
    }
}

//! Removes the blind-index terms of a signal's narrative (recomputed from the opened narrative; the rows are
//! keyed by (term_hash, signal_sequence), so no second index by signal is needed).
template <typename Db>
void UnindexNarrative(Db& connection, const FieldCipher& cipher, std::int64_t sequence,
                      std::string_view narrative) {
    connection
        .Prepare("DELETE FROM signal_terms WHERE signal_sequence = ? AND term_hash IN (SELECT CAST(term.value AS "
                 "BIGINT) FROM " + std::string{Db::kJsonTextArray} + " term)")
        .BindAll(sequence, NarrativeTermKeys(cipher, narrative))
        .Run();
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
