// Which columns of the SQLite store hold personal data, sealed through a FieldCipher, and the bulk operations
// over them: sealing an older database's plaintext (a migration) and re-sealing under a new key (rotation).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/field_cipher.hpp"

namespace meldroute::store::sqlite {

class Connection;

//! One sealed column: its table, its name and the columns that identify a row (the row part of the context).
struct SealedColumn {
    const char* table;
    const char* column;
    std::vector<const char*> keys;
};

//! Every sealed column. Codes, statuses, times and ids stay plain: queries and statistics need them.
const std::vector<SealedColumn>& SealedColumns();

//! The associated data a value is sealed with: "<table>/<row key>/<column>", so a value opens only in its
//! own cell (a narrative copied into another signal, or into a name column, does not open).
std::string SealContext(std::string_view table, std::string_view row, std::string_view column);

//! Seals a value for its cell under the current key.
std::string SealCell(const FieldCipher& cipher, std::string_view table, std::string_view row,
                     std::string_view column, std::string_view plaintext);

//! Opens a cell's value; a value that does not open (a key missing from the keyring, a value altered or moved)
//! throws StoreFailure, which fails the request (503) rather than showing something else.
std::string OpenCell(const FieldCipher& cipher, std::string_view table, std::string_view row,
                     std::string_view column, std::string_view sealed);

//! The blind-index key of one search term: the first 64 bits of its keyed hash, as an integer (compact rows,
//! so the random insert per word at intake touches fewer pages; a false match needs a 64-bit collision).
std::int64_t TermKey(const FieldCipher& cipher, std::string_view term);

//! Adds the blind-index terms of a signal's narrative (keyed hashes of its normalised, stemmed words).
void IndexNarrative(Connection& connection, const FieldCipher& cipher, std::int64_t sequence,
                    std::string_view narrative);

//! Removes the blind-index terms of a signal's narrative (recomputed from the opened narrative; the rows are
//! keyed by (term_hash, signal_sequence), so no second index by signal is needed).
void UnindexNarrative(Connection& connection, const FieldCipher& cipher, std::int64_t sequence,
                      std::string_view narrative);

//! Migration step: seals every plaintext value of the sealed columns (the TOTP secrets, sealed by the app
//! before under "totp/<user>", are re-sealed for their cell), fills signal_terms and records the key check.
//! Runs inside the migration's transaction; throws StoreFailure when a value cannot be opened.
void SealPlaintextColumns(Connection& connection, const FieldCipher& cipher);

//! Migration step: one closure record per case closed before case_closures existed, its note opened from the
//! case's cell and sealed for its own row.
void BackfillClosures(Connection& connection, const FieldCipher& cipher);

//! Records a check value for the current key and for the search key when the database does not know them
//! yet (table field_keys; the search key's row holds a keyed hash), and verifies the known ones: a database opened with keys it was not sealed under is refused (returns the reason) rather than
//! served. Empty when all is well.
std::string VerifyKeys(Connection& connection, const FieldCipher& cipher);

struct ResealReport {
    std::int64_t values = 0;   // values re-sealed under the current key
    std::int64_t batches = 0;  // write transactions used
    std::string failure;       // set when a value could not be opened; the rest is left as it was
};

//! Re-seals every value not under the current key, `batch` values per short write transaction, reading
//! outside the write lock so a running server keeps serving. A value changed meanwhile is skipped and
//! picked up again by the next pass.
ResealReport ResealAll(Connection& connection, const FieldCipher& cipher, int batch);

}  // namespace meldroute::store::sqlite
