// Sealing personal data at rest: the store seals and opens the personal-data columns through this interface,
// so the use cases never see ciphertext and the store never holds a key. Implemented in app/ (libsodium
// XChaCha20-Poly1305 under a keyring of files outside the database).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meldroute::store {

class FieldCipher {
public:
    virtual ~FieldCipher() = default;

    //! Seals `plaintext` under the current key, bound to `context` (table/row/column): "<key id>.<base64url>".
    virtual std::string Seal(std::string_view context, std::string_view plaintext) const = 0;
    //! Opens a value sealed for `context` under any key of the keyring; nullopt when the key is unknown or
    //! the value was altered or moved.
    virtual std::optional<std::string> Open(std::string_view context, std::string_view sealed) const = 0;
    //! The id of the key new values are sealed under (e.g. "k2").
    virtual std::string CurrentKeyId() const = 0;
    //! The ids of every key the keyring holds.
    virtual std::vector<std::string> KeyIds() const = 0;
    //! A keyed hash (hex) of one normalised search term, for the blind index.
    virtual std::string TermHash(std::string_view term) const = 0;
};

}  // namespace meldroute::store
