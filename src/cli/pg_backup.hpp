// `meldroute backup` and `restore` for a PostgreSQL store: PostgreSQL's own pg_dump and pg_restore do the copying,
// meldroute signs the archive and checks it before anything is restored.
#pragma once

#include <string>

#include "base/result.hpp"

namespace meldroute::cli {

//! Writes a backup of the database `store_url` names to `target`: pg_dump's custom-format archive (one consistent
//! snapshot, taken while servers keep writing) behind a header that holds an HMAC-SHA256 of the archive under a
//! key derived from DATA/keys/link.key. Writes beside the target and renames, so `target` is either complete or
//! absent; refuses an existing `target` unless `force`. The URL's password reaches pg_dump through its environment,
//! never its command line.
Status BackupPostgres(const std::string& store_url, const std::string& data_dir, const std::string& target,
                      bool force);

//! Restores a backup of BackupPostgres into the empty database `store_url` names: checks the signature with the
//! keys in DATA/keys (a changed archive, or one written with other keys, restores nothing), refuses a database that
//! already holds tables, runs pg_restore in one transaction, then brings the schema forward and recomputes the
//! audit chain.
Status RestorePostgres(const std::string& source, const std::string& store_url, const std::string& data_dir);

}  // namespace meldroute::cli
