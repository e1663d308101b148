#include "common/client/api_client.hpp"

#include <httplib.h>

#include <utility>

namespace jobfair::net {

namespace {

constexpr time_t kConnectTimeoutSeconds = 2;
constexpr time_t kReadTimeoutSeconds = 5;
constexpr const char* kPrefix = "/api/v1";

httplib::Client client_for(const std::string& url) {
    httplib::Client client(url);
    client.set_connection_timeout(kConnectTimeoutSeconds, 0);
    // cpp-httplib writes a request's headers and body separately: without this, Nagle's
    // algorithm holds the body until the server's delayed ACK, about 40 ms per request.
    client.set_tcp_nodelay(true);
    client.set_read_timeout(kReadTimeoutSeconds, 0);
    client.set_write_timeout(kReadTimeoutSeconds, 0);
    return client;
}

httplib::Headers headers_for(const std::optional<std::string>& token) {
    httplib::Headers headers;
    if (token) headers.emplace("Authorization", "Bearer " + *token);
    return headers;
}

ApiAnswer answer_of(const httplib::Result& result) {
    ApiAnswer answer;
    if (!result) return answer;
    answer.reached = true;
    answer.status = result->status;
    answer.body = result->body;
    answer.content_type = result->get_header_value("Content-Type");
    return answer;
}

}  // namespace

std::optional<protocol::ErrorAnswer> ApiAnswer::error() const {
    if (!reached || ok()) return std::nullopt;
    return protocol::parse_error(body);
}

std::string ApiAnswer::problem(bool vietnamese) const {
    if (!reached) return vietnamese ? "Không kết nối được máy chủ" : "The server cannot be reached";
    if (const auto answer = error()) {
        if (vietnamese && !answer->message_vi.empty()) return answer->message_vi;
        if (!answer->message.empty()) return answer->message;
    }
    return (vietnamese ? "Máy chủ trả lời HTTP " : "The server answered HTTP ") +
           std::to_string(status);
}

ApiClient::ApiClient(std::string server_url) : server_url_(std::move(server_url)) {}

ApiAnswer ApiClient::get(const std::string& path, const std::optional<std::string>& token) const {
    httplib::Client client = client_for(server_url_);
    return answer_of(client.Get(kPrefix + path, headers_for(token)));
}

ApiAnswer ApiClient::post(const std::string& path, const std::string& json_body,
                          const std::optional<std::string>& token) const {
    httplib::Client client = client_for(server_url_);
    return answer_of(
        client.Post(kPrefix + path, headers_for(token), json_body, "application/json"));
}

ApiAnswer ApiClient::remove(const std::string& path,
                            const std::optional<std::string>& token) const {
    httplib::Client client = client_for(server_url_);
    return answer_of(client.Delete(kPrefix + path, headers_for(token)));
}

}  // namespace jobfair::net
