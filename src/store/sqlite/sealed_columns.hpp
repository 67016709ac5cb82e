// Which columns of the SQLite store hold personal data, sealed through a FieldCipher, and the bulk operations
// over them: sealing an older database's plaintext (a migration) and re-sealing under a new key (rotation).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/sealed_columns.hpp"

namespace meldroute::store::sqlite {

class Connection;

//! Migration step: seals every plaintext value of the sealed columns (the TOTP secrets, sealed by the app
//! before under "totp/<user>", are re-sealed for their cell), fills signal_terms and records the key check.
//! Runs inside the migration's transaction; throws StoreFailure when a value cannot be opened.
void SealPlaintextColumns(Connection& connection, const FieldCipher& cipher);

//! Migration step: one closure record per case closed before case_closures existed, its note opened from the
//! case's cell and sealed for its own row.
void BackfillClosures(Connection& connection, const FieldCipher& cipher);

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
