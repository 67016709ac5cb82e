// libFuzzer target: the HTTP/1.1 request parser with meldroute's limits, then routing of what it accepts.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstddef>
#include <cstdint>

#include "http/router.hpp"
#include "http/server.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace bhttp = boost::beast::http;
    bhttp::request_parser<bhttp::string_body> parser;
    parser.body_limit(meldroute::http::kMaxBodyBytes);
    parser.header_limit(16 * 1024);
    parser.eager(true);
    boost::beast::error_code error;
    parser.put(boost::asio::buffer(data, size), error);
    if (error || !parser.is_done()) return 0;
    const meldroute::http::Request& request = parser.get();
    static meldroute::http::Router router = [] {
        meldroute::http::Router built;
        auto ok = [](meldroute::http::Context& context) {
            return meldroute::http::NoContent(context.request);
        };
        built.Add(bhttp::verb::get, "/api/v1/signals/{}", ok);
        built.Add(bhttp::verb::post, "/api/v1/cases/{}/referrals", ok);
        built.Add(bhttp::verb::get, "/", ok);
        return built;
    }();
    std::string_view target{request.target().data(), request.target().size()};
    meldroute::http::Context context{request, std::string{target.substr(0, target.find('?'))}, {}, {}, "127.0.0.1"};
    if (target.find('?') != std::string_view::npos) {
        context.query = meldroute::http::ParseUrlEncoded(target.substr(target.find('?') + 1));
    }
    (void)router.Dispatch(context);
    return 0;
}
