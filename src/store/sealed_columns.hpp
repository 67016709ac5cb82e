// Which columns of the stores hold personal data, sealed through a FieldCipher, and how a cell is sealed and
// opened. Shared by the SQLite and PostgreSQL stores, so a value sealed by one opens in the other.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/field_cipher.hpp"

namespace meldroute::store {

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

//! The plaintext the key check values are sealed from (table field_keys).
inline constexpr const char* kKeyCheckPlaintext = "meldroute sealed-field key check";

}  // namespace meldroute::store
