// Holding back a request's answer until what it queued for the store has committed, without holding a thread.
//
// An audited read reads on a snapshot and then commits its audit record: the data may leave the server only once
// that record is durable. Waiting for the commit on the request's thread made the server's threads, not the
// disk or the CPU, the limit of reads (32 threads, most of them asleep in the group commit). Inside a CommitGate's
// scope the use cases queue such records (store::Store::WriteDeferred) and go on; whoever opened the gate sends
// the answer from Settled's callback, which runs once every queued commit has finished.
#pragma once

#include <functional>
#include <memory>

#include "base/result.hpp"
#include "store/store.hpp"

namespace meldroute::app {

class CommitGate {
public:
    //! `answers_failures`: the holder answers a failed write with that failure itself (the API's problem+json),
    //! so writes whose failure the client must hear (a validation inside the transaction) may be queued too.
    explicit CommitGate(bool answers_failures);

    //! Queues `work` on `store` for the gate open on this thread (or, outside any open gate, writes it and waits):
    //! the result of a queued write arrives in Settled's callback, and the result returned here is then Ok(). For
    //! writes whose failure means only that the answer must not be sent (an audit record).
    static Status Write(store::Store& store, std::function<Status(store::Transaction&)> work);
    //! Like Write, but queues only when the open gate answers failures itself; otherwise writes and waits, so the
    //! caller sees the failure (a page shows it beside the form).
    static Status WriteAnswered(store::Store& store, std::function<Status(store::Transaction&)> work);

    //! `then` runs once, with Ok() when every write queued through this gate committed, else the first failure;
    //! at once (on this thread) when nothing is outstanding, otherwise on the thread that ran the last commit.
    //! Call it after the gate's scope has closed, and once.
    void Settled(std::function<void(Status)> then);

    //! While alive, CommitGate::Write on this thread queues its work for `gate` (scopes nest).
    class Scope {
    public:
        explicit Scope(CommitGate& gate);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        CommitGate* previous_;
    };

private:
    static Status Queue(CommitGate& gate, store::Store& store, std::function<Status(store::Transaction&)> work);

    struct State;
    std::shared_ptr<State> state_;
    bool answers_failures_;
};

}  // namespace meldroute::app
