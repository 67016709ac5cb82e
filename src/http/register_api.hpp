// The JSON API of the registers (issue 7): training, awareness activities, designated officers, action plan.
#pragma once

#include "app/service.hpp"
#include "http/router.hpp"

namespace meldroute::http {

void RegisterRegisterApi(Router& router, app::Service& service);

}  // namespace meldroute::http
