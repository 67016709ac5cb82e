// The HTML pages of the registers (issue 7): training and awareness (/opleiding…), the designated officers
// (/aandachtfunctionarissen…) and the action plan (/actieplan…). Every flow works without JavaScript.
#pragma once

#include "app/service.hpp"
#include "http/json_io.hpp"
#include "http/pages.hpp"
#include "http/router.hpp"

namespace meldroute::http {

void RegisterRegisterPages(Router& router, app::Service& service, PageOptions options);

//! The active designated officers' contact details for the intake page ({"list": […]}), or null when there are
//! none or they cannot be read (the intake page works without them).
Json OfficerContacts(app::Service& service, const app::Principal& principal);

//! The beheerder's warnings about the designated officers (fewer than two active, a domain missing), as a list.
Json OfficerWarnings(app::Service& service, const app::Principal& principal);

}  // namespace meldroute::http
