// The bounds a PostgreSQL session of meldroute runs under (sent with every connect and reconnect).
#pragma once

#include <chrono>

namespace meldroute::store::postgres {

//! How long a session may wait for a lock, and stay idle inside a transaction, before the server gives up on it.
//! The write lock is one advisory lock for every instance: an instance that stops answering in the middle of a
//! write (a paused machine, a network partition; after `kill -9` the server notices at once) would otherwise hold
//! it, and so stop every other instance's writes, until TCP gave up, hours later. With these bounds the server
//! ends such a session after `idle_in_transaction`, which rolls its transaction back and frees the lock, and a
//! write that waits for the lock longer than `lock_wait` fails (503) instead of hanging. Both are far above any
//! write's own duration.
struct SessionTimeouts {
    std::chrono::milliseconds lock_wait{30'000};
    std::chrono::milliseconds idle_in_transaction{60'000};
};

}  // namespace meldroute::store::postgres
