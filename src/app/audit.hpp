// The hash-chained audit trail: each record's hash covers its fields and the previous record's hash,
// so changing or removing any record breaks every hash after it.
#pragma once

#include <string>

#include "store/store.hpp"

namespace meldroute::app {

struct AuditEntry {
    std::string actor;
    std::string action;   // e.g. "signal.read", "case.assess"
    std::string object;   // e.g. "signal/6f1c…", never personal data
    std::string purpose;  // why the data was processed
    std::string outcome;  // "toegestaan" | "geweigerd"
};

//! Appends one record inside the caller's transaction, so it commits with the change it describes.
void AppendAudit(store::Transaction& transaction, const AuditEntry& entry, const std::string& at);

struct AuditVerification {
    bool valid = true;
    std::int64_t count = 0;
    std::int64_t first_broken_sequence = 0;  // 0 when valid
};

//! Recomputes the whole chain.
AuditVerification VerifyAuditChain(store::Transaction& transaction);

//! The hash of a record given its fields and previous hash (exposed for tests).
std::string AuditHash(const store::AuditRecord& record);

inline constexpr const char* kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

}  // namespace meldroute::app
