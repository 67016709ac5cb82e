// The application over a real store and service: an answer that depends on a commit (an audited read's record,
// the API's intake) leaves only after that commit, while the handling thread does not wait for it.
#include "http/application.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/crypto.hpp"
#include "app/keyring.hpp"
#include "http/page_support.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/writer_hold_testing.hpp"

namespace meldroute::http {
namespace {

namespace bhttp = boost::beast::http;

// The one answer of a request, for the test thread to wait on.
struct Answer {
    std::mutex mutex;
    std::condition_variable arrived;
    std::optional<Response> response;
    std::thread::id answered_on;  // the thread that handed the answer over

    Responder Respond() {
        return [this](std::function<Response()> make) {
            Response answered = make();
            std::lock_guard lock{mutex};
            answered_on = std::this_thread::get_id();
            response = std::move(answered);
            arrived.notify_all();
        };
    }
    bool Arrived() {
        std::lock_guard lock{mutex};
        return response.has_value();
    }
    const Response& Wait() {
        std::unique_lock lock{mutex};
        EXPECT_TRUE(arrived.wait_for(lock, std::chrono::seconds(20), [this] { return response.has_value(); }))
            << "no answer";
        if (!response) response.emplace(bhttp::status::gateway_timeout, 11);
        return *response;
    }
};

class ApplicationTest : public ::testing::Test {
protected:
    void SetUp() override {
        directory_ = std::filesystem::temp_directory_path() / ("meldroute-application-" + std::to_string(::getpid()));
        std::filesystem::remove_all(directory_);
        std::filesystem::create_directories(directory_);
        auto opened =
            store::sqlite::SqliteStore::Open((directory_ / "meldroute.db").string(), app::Keyring::Ephemeral());
        ASSERT_TRUE(opened.has_value()) << opened.error().detail;
        store_ = std::move(*opened);
        app::ServiceConfig config;
        config.mfa_exempt = app::DemoAccountNames();
        service_ = std::make_unique<app::Service>(*store_, config);
        ASSERT_TRUE(service_->SeedDemo().has_value());
        application_ = std::make_unique<Application>(*service_, PageOptions{});
        af_ = SignIn("af");
        melder_ = SignIn("melder");
    }
    void TearDown() override {
        // What is still queued (after a failed assertion) is told before the application it answers through goes.
        if (store_) (void)store_->Flush();
        application_.reset();
        service_.reset();
        store_.reset();
        std::filesystem::remove_all(directory_);
    }

    Request Make(bhttp::verb method, const std::string& target, const std::string& token, std::string body = {}) {
        Request request{method, target, 11};
        if (!token.empty()) request.set(bhttp::field::authorization, "Bearer " + token);
        if (!body.empty()) request.set(bhttp::field::content_type, "application/json");
        request.body() = std::move(body);
        request.prepare_payload();
        return request;
    }

    // Handles a request with nothing held up, and waits for its answer.
    Response Call(const Request& request) {
        Answer answer;
        application_->Handle(request, "127.0.0.1", answer.Respond());
        return answer.Wait();
    }

    std::string SignIn(const std::string& username) {
        Response response = Call(Make(bhttp::verb::post, "/api/v1/sessions", "",
                                      R"({"username":")" + username + R"(","password":"demo-password"})"));
        EXPECT_EQ(response.result_int(), 201u) << response.body();
        return nlohmann::json::parse(response.body()).value("token", "");
    }

    std::filesystem::path directory_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<app::Service> service_;
    std::unique_ptr<Application> application_;
    std::string af_;
    std::string melder_;
};

TEST_F(ApplicationTest, AReadIsAnsweredOnlyOnceItsAuditRecordHasCommitted) {
    Response cases = Call(Make(bhttp::verb::get, "/api/v1/cases", af_));
    ASSERT_EQ(cases.result_int(), 200u);
    auto listed = nlohmann::json::parse(cases.body());
    ASSERT_FALSE(listed.empty());
    const std::string case_id = listed.at(0).at("id");

    store::WriterHold hold{*store_};
    Answer answer;
    application_->Handle(Make(bhttp::verb::get, "/api/v1/cases/" + case_id, af_), "127.0.0.1", answer.Respond());
    // Handle returned: the thread is free, but the case's data has not left.
    EXPECT_FALSE(answer.Arrived()) << "answered before the audit record of the read was committed";
    EXPECT_EQ(store_->metrics().write_queue_depth.load(), 1);
    hold.Release();
    const Response& response = answer.Wait();
    EXPECT_EQ(response.result_int(), 200u);
    EXPECT_EQ(nlohmann::json::parse(response.body()).value("id", ""), case_id);
}

TEST_F(ApplicationTest, AnIntakeThroughTheApiIsAnsweredOnlyOnceStored) {
    store::WriterHold hold{*store_};
    Answer answer;
    application_->Handle(Make(bhttp::verb::post, "/api/v1/signals", melder_,
                              R"({"channel":"formulier","narrative":"Zes mannen slapen in de schuur.",)"
                              R"("indicatorCodes":["ARB-13"]})"),
                         "127.0.0.1", answer.Respond());
    EXPECT_FALSE(answer.Arrived()) << "acknowledged before the signal was committed";
    hold.Release();
    const Response& response = answer.Wait();
    ASSERT_EQ(response.result_int(), 201u) << response.body();
    const std::string id = nlohmann::json::parse(response.body()).value("id", "");
    EXPECT_EQ(Call(Make(bhttp::verb::get, "/api/v1/signals/" + id, af_)).result_int(), 200u);
}

// Sign-ins (Argon2id, the identity provider's round trips) are handled on a pool of their own; other requests on
// the thread that reads them.
TEST_F(ApplicationTest, SignInsAreHandledApartFromOtherRequests) {
    Answer sign_in;
    application_->Handle(Make(bhttp::verb::post, "/api/v1/sessions", "",
                              R"({"username":"beleid","password":"demo-password"})"),
                         "127.0.0.1", sign_in.Respond());
    EXPECT_EQ(sign_in.Wait().result_int(), 201u);
    EXPECT_NE(sign_in.answered_on, std::this_thread::get_id());
    Answer wrong;
    application_->Handle(Make(bhttp::verb::post, "/inloggen", "", "gebruikersnaam=beleid&wachtwoord=fout"), "127.0.0.1",
                         wrong.Respond());
    wrong.Wait();
    EXPECT_NE(wrong.answered_on, std::this_thread::get_id());
    Answer live;
    application_->Handle(Make(bhttp::verb::get, "/health/live", ""), "127.0.0.1", live.Respond());
    EXPECT_EQ(live.Wait().result_int(), 200u);
    EXPECT_EQ(live.answered_on, std::this_thread::get_id());
}

// A page names a case by the random end of its id: two cases made in the same minute (whose ids begin alike, the
// time) must not share a name.
TEST(ShortIdTest, IsTheRandomEndOfTheId) {
    ASSERT_TRUE(app::InitCrypto());
    const std::string first = app::NewId();
    const std::string second = app::NewId();
    ASSERT_EQ(first.substr(0, 8), second.substr(0, 8)) << "made within 65 seconds: the same beginning";
    EXPECT_EQ(ShortId(first), first.substr(28));
    EXPECT_NE(ShortId(first), ShortId(second));
    EXPECT_EQ(ShortId("c1"), "c1");
}

}  // namespace
}  // namespace meldroute::http
