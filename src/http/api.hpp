// The JSON API of api-v1.md under /api/v1, plus the health endpoints.
#pragma once

#include <string_view>

#include "app/service.hpp"
#include "http/router.hpp"

namespace meldroute::http {

void RegisterApi(Router& router, app::Service& service, std::string_view openapi_json);

}  // namespace meldroute::http
