#include "http/templates.hpp"

#include <kainjow/mustache.hpp>

#include <stdexcept>

#include "http/assets.hpp"

namespace meldroute::http {

namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;
using kainjow::mustache::partial;

data ToData(const Json& value) {
    switch (value.type()) {
        case Json::value_t::object: {
            data object{data::type::object};
            for (const auto& [key, item] : value.items()) object.set(key, ToData(item));
            return object;
        }
        case Json::value_t::array: {
            data list{data::type::list};
            for (const auto& item : value) list.push_back(ToData(item));
            return list;
        }
        case Json::value_t::boolean:
            return data{value.get<bool>()};
        case Json::value_t::string:
            // An empty string is false, so {{#description}}…{{/description}} skips it and {{value}} prints nothing.
            if (value.get_ref<const std::string&>().empty()) return data{false};
            return data{value.get<std::string>()};
        case Json::value_t::null:
            return data{false};
        default:
            return data{value.dump()};
    }
}

std::string TemplateText(const std::string& name) {
    auto text = Asset("templates/" + name + ".mustache");
    if (!text) throw std::runtime_error("missing template " + name);
    return std::string{*text};
}

}  // namespace

std::string RenderTemplate(const std::string& name, const Json& model) {
    mustache compiled{TemplateText(name)};
    if (!compiled.is_valid()) throw std::runtime_error("template " + name + ": " + compiled.error_message());
    data root = ToData(model);
    for (const char* partial_name : {"field", "textarea-field", "select-field", "error-summary", "signal-details",
                                     "figure-table", "bar-chart"}) {
        std::string partial_text = TemplateText(partial_name);
        root.set(std::string{"partial-"} + partial_name, partial{[partial_text]() { return partial_text; }});
    }
    std::string rendered = compiled.render(root);
    if (!compiled.is_valid()) throw std::runtime_error("template " + name + ": " + compiled.error_message());
    return rendered;
}

}  // namespace meldroute::http
