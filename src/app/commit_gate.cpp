#include "app/commit_gate.hpp"

#include <mutex>
#include <utility>

namespace meldroute::app {

struct CommitGate::State {
    std::mutex mutex;
    int outstanding = 0;  // queued writes not yet finished
    Status first_failure = Ok();
    std::function<void(Status)> then;  // set by Settled while writes are outstanding
};

namespace {
thread_local CommitGate* current_gate = nullptr;
}  // namespace

CommitGate::CommitGate(bool answers_failures)
    : state_(std::make_shared<State>()), answers_failures_(answers_failures) {}

CommitGate::Scope::Scope(CommitGate& gate) : previous_(current_gate) { current_gate = &gate; }

CommitGate::Scope::~Scope() { current_gate = previous_; }

Status CommitGate::Write(store::Store& store, std::function<Status(store::Transaction&)> work) {
    if (current_gate == nullptr) return store.Write(work);
    return Queue(*current_gate, store, std::move(work));
}

Status CommitGate::WriteAnswered(store::Store& store, std::function<Status(store::Transaction&)> work) {
    if (current_gate == nullptr || !current_gate->answers_failures_) return store.Write(work);
    return Queue(*current_gate, store, std::move(work));
}

Status CommitGate::Queue(CommitGate& gate, store::Store& store, std::function<Status(store::Transaction&)> work) {
    std::shared_ptr<State> state = gate.state_;
    {
        std::lock_guard lock{state->mutex};
        ++state->outstanding;
    }
    auto told = [state](Status result) {
        std::function<void(Status)> then;
        Status settled = Ok();
        {
            std::lock_guard lock{state->mutex};
            if (!result && state->first_failure) state->first_failure = std::move(result);
            if (--state->outstanding > 0 || !state->then) return;
            then = std::move(state->then);
            settled = state->first_failure;
        }
        then(std::move(settled));
    };
    try {
        store.WriteDeferred(std::move(work), std::move(told));
    } catch (...) {
        // Not queued: nothing will be told, so it is not waited for either (the caller answers with the error).
        std::lock_guard lock{state->mutex};
        --state->outstanding;
        throw;
    }
    return Ok();
}

void CommitGate::Settled(std::function<void(Status)> then) {
    Status settled = Ok();
    {
        std::lock_guard lock{state_->mutex};
        if (state_->outstanding > 0) {
            state_->then = std::move(then);
            return;
        }
        settled = state_->first_failure;
    }
    then(std::move(settled));
}

}  // namespace meldroute::app
