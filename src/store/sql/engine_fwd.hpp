// The forward declaration of sql::Engine, for the stores' headers (the template itself is in engine.hpp).
#pragma once

namespace meldroute::store::sql {

template <typename Db>
class Engine;

}  // namespace meldroute::store::sql
