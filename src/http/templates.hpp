// Renders the embedded mustache templates with a JSON view model. Every template is also available as a
// partial ({{>name}}). HTML escaping is on for {{…}}; {{{…}}} is used only for already-rendered HTML.
#pragma once

#include <string>

#include "http/json_io.hpp"

namespace meldroute::http {

//! Renders templates/<name>.mustache with `model`; throws std::runtime_error for a missing or broken template.
std::string RenderTemplate(const std::string& name, const Json& model);

}  // namespace meldroute::http
