// The state several instances on one store must share: rate-limit counts per client address, single-use tickets
// between two requests, and the lease that lets one instance run the destruction job per interval. Each is read
// and written in the store, inside one transaction, so it does not matter which instance a request reaches.
#include "app/crypto.hpp"
#include "app/service.hpp"

namespace meldroute::app {

namespace {

constexpr std::string_view kRetentionLease = "retention";

// The stored key of a client address: keyed with the server's link key, so a copy of the database alone cannot be
// matched against guessed addresses; the bucket is not part of it (it is a column of its own).
std::string AddressKey(const ServiceConfig& config, std::string_view client) {
    return KeyedHashHex(config.link_key, "client-address/" + std::string{client});
}

}  // namespace

Result<std::optional<std::int64_t>> Service::SpendRateEvent(const RateLimit& limit, std::string_view client) {
    const std::string key = AddressKey(config_, client);
    // An address that has spent its limit is refused on a read, so a flood of refused attempts does not queue for
    // the one writer (on PostgreSQL: the lock every instance's writes take).
    bool spent_already = false;
    MR_TRY(store_.Read([&](store::Transaction& transaction) -> Status {
        spent_already = transaction.CountRateEvents(limit.bucket, key, FormatTime(Now())) >= limit.max_events;
        return Ok();
    }));
    if (spent_already) return std::optional<std::int64_t>{};
    std::optional<std::int64_t> event;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        const TimePoint now = Now();
        const std::string now_text = FormatTime(now);
        if (transaction.CountRateEvents(limit.bucket, key, now_text) >= limit.max_events) return Ok();
        event = transaction.RecordRateEvent(limit.bucket, key, now_text, FormatTime(now + limit.window));
        return Ok();
    }));
    return event;
}

Status Service::GiveBackRateEvent(const RateLimit& limit, std::string_view client, std::int64_t event) {
    const std::string key = AddressKey(config_, client);
    return store_.Write([&](store::Transaction& transaction) -> Status {
        transaction.DeleteRateEvent(limit.bucket, key, event);
        return Ok();
    });
}

Status Service::PutTicket(std::string_view kind, std::string_view handle, std::string_view payload,
                          std::chrono::seconds lifetime) {
    store::TicketRecord ticket{std::string{kind}, Sha256Hex(handle), std::string{payload}, {}};
    return store_.Write([&](store::Transaction& transaction) -> Status {
        const TimePoint now = Now();
        ticket.expires_at = FormatTime(now + lifetime);
        transaction.InsertTicket(ticket, FormatTime(now));
        return Ok();
    });
}

Result<std::optional<std::string>> Service::TakeTicket(std::string_view kind, std::string_view handle) {
    const std::string key = Sha256Hex(handle);
    std::optional<std::string> payload;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        if (auto ticket = transaction.TakeTicket(kind, key, FormatTime(Now()))) payload = std::move(ticket->payload);
        return Ok();
    }));
    return payload;
}

Result<std::optional<RetentionRun>> Service::RunScheduledRetention(const std::string& holder) {
    bool taken = false;
    MR_TRY(store_.Write([&](store::Transaction& transaction) -> Status {
        const TimePoint now = Now();
        taken = transaction.AcquireLease(kRetentionLease, holder, FormatTime(now),
                                         FormatTime(now + config_.retention.interval));
        return Ok();
    }));
    if (!taken) return std::optional<RetentionRun>{};
    return std::optional<RetentionRun>{MR_TRY(RunRetention(false))};
}

}  // namespace meldroute::app
