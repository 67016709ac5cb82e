// The keys that seal personal data at rest, kept outside the database in DATA/keys:
//   field.key        key "k1" (32 random bytes, mode 0600), created at first start
//   field-k<N>.key   keys added by `meldroute keys rotate` (N = 2, 3, ...); old keys are kept so old values open
//   current          the id of the key new values are sealed under ("k1" when the file is absent)
//   search.key       the key of the blind search index (keyed hashes of narrative words); not rotated
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>

#include "app/crypto.hpp"
#include "base/result.hpp"
#include "store/field_cipher.hpp"

namespace meldroute::app {

//! Reads a 32-byte key file, or creates it (random, mode 0600, fsynced) when `create` and it is missing.
Result<std::string> LoadOrCreateKeyFile(const std::filesystem::path& path, bool create);

class Keyring final : public store::FieldCipher {
public:
    //! A keyring of random keys held in memory only (tests; values do not survive the process).
    static std::shared_ptr<Keyring> Ephemeral();
    //! A keyring of the given keys, `current` among them (tests).
    static std::shared_ptr<Keyring> FromKeys(std::map<std::string, std::string> keys, std::string current,
                                             std::string search_key);
    //! Loads the keyring from `keys_dir`; with `create`, makes field.key and search.key at first start.
    static Result<std::shared_ptr<Keyring>> Load(const std::filesystem::path& keys_dir, bool create);

    //! Adds key k<N+1> as a new file and makes it current (the file first, then `current`, atomically).
    //! Returns the new key id.
    Result<std::string> AddKey();

    std::string Seal(std::string_view context, std::string_view plaintext) const override;
    //! A value naming a key id this keyring does not hold makes it re-read its directory once (a key added
    //! by `meldroute keys rotate` in another process), which also picks up the new current key.
    std::optional<std::string> Open(std::string_view context, std::string_view sealed) const override;
    std::string CurrentKeyId() const override;
    std::vector<std::string> KeyIds() const override;
    std::string TermHash(std::string_view term) const override;

private:
    Keyring() = default;
    //! Re-reads the key files; callers hold mutex_ exclusively.
    Status ReloadLocked() const;

    mutable std::shared_mutex mutex_;
    mutable std::map<std::string, std::string> keys_;
    mutable std::string current_;
    std::optional<KeyedHash> search_hash_;  // under the search key (keys/search.key)
    std::filesystem::path directory_;  // empty for in-memory keyrings
};

}  // namespace meldroute::app
