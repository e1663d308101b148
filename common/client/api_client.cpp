#include "common/client/api_client.hpp"

#include <cctype>
#include <mutex>
#include <utility>

#include "common/client/transport.hpp"

namespace jobfair::client {

namespace detail {

std::string api_path(std::string_view path) {
    return std::string(protocol::kApiPrefix) + std::string(path);
}

httplib::Client connect(const std::string& server_url, const ClientOptions& options) {
    httplib::Client client(server_url);
    client.set_connection_timeout(options.connect_timeout);
    client.set_read_timeout(options.read_timeout);
    client.set_write_timeout(options.read_timeout);
    client.set_tcp_nodelay(options.tcp_nodelay);
    client.set_keep_alive(options.keep_alive);
    if (!options.ca_certificate.empty()) client.set_ca_cert_path(options.ca_certificate.string());
    client.enable_server_certificate_verification(true);
    return client;
}

httplib::Headers headers(const std::optional<std::string>& token,
                         std::string_view idempotency_key) {
    httplib::Headers sent;
    if (token) sent.emplace(std::string(protocol::kAuthorizationHeader), "Bearer " + *token);
    if (!idempotency_key.empty()) {
        sent.emplace(std::string(protocol::kIdempotencyHeader), std::string(idempotency_key));
    }
    return sent;
}

void copy_headers(const httplib::Response& response, Answer& answer) {
    answer.headers.assign(response.headers.begin(), response.headers.end());
}

Answer answer_of(const httplib::Result& result) {
    Answer answer;
    if (!result) {
        answer.transport_error = httplib::to_string(result.error());
        return answer;
    }
    answer.reached = true;
    answer.status = result->status;
    answer.body = result->body;
    copy_headers(*result, answer);
    return answer;
}

}  // namespace detail

// --- Answer --------------------------------------------------------------------------------------

std::string Answer::header(std::string_view name) const {
    const auto same = [name](const std::string& candidate) {
        if (candidate.size() != name.size()) return false;
        for (std::size_t i = 0; i < name.size(); ++i) {
            if (std::tolower(static_cast<unsigned char>(candidate[i])) !=
                std::tolower(static_cast<unsigned char>(name[i])))
                return false;
        }
        return true;
    };
    for (const auto& [key, value] : headers)
        if (same(key)) return value;
    return "";
}

nlohmann::json Answer::json() const {
    return nlohmann::json::parse(body, nullptr, false);
}

std::optional<protocol::ErrorAnswer> Answer::error() const {
    if (!reached || ok()) return std::nullopt;
    return protocol::parse_error(body);
}

std::string Answer::problem(bool vietnamese) const {
    if (!reached) return vietnamese ? "Không kết nối được máy chủ" : "The server cannot be reached";
    if (const auto answer = error()) {
        if (vietnamese && !answer->message_vi.empty()) return answer->message_vi;
        if (!answer->message.empty()) return answer->message;
    }
    return (vietnamese ? "Máy chủ trả lời HTTP " : "The server answered HTTP ") +
           std::to_string(status);
}

// --- ApiClient -----------------------------------------------------------------------------------

struct ApiClient::Connection {
    explicit Connection(httplib::Client kept) : http(std::move(kept)) {}
    std::mutex mutex;
    httplib::Client http;
};

ApiClient::ApiClient(std::string server_url, ClientOptions options)
    : server_url_(std::move(server_url)), options_(std::move(options)) {
    if (options_.keep_alive)
        kept_ = std::make_unique<Connection>(detail::connect(server_url_, options_));
}

ApiClient::~ApiClient() = default;

template <class Call>
Answer ApiClient::exchange(Call&& call) const {
    if (!kept_) {
        httplib::Client http = detail::connect(server_url_, options_);
        return detail::answer_of(call(http));
    }
    std::lock_guard lock(kept_->mutex);
    return detail::answer_of(call(kept_->http));
}

Answer ApiClient::get(std::string_view path, const std::optional<std::string>& token) const {
    return exchange([&](httplib::Client& http) {
        return http.Get(detail::api_path(path), detail::headers(token));
    });
}

Answer ApiClient::post(std::string_view path, std::string_view json_body,
                       const std::optional<std::string>& token,
                       std::string_view idempotency_key) const {
    return exchange([&](httplib::Client& http) {
        return http.Post(detail::api_path(path), detail::headers(token, idempotency_key),
                         json_body.data(), json_body.size(), "application/json");
    });
}

Answer ApiClient::remove(std::string_view path, const std::optional<std::string>& token) const {
    return exchange([&](httplib::Client& http) {
        return http.Delete(detail::api_path(path), detail::headers(token));
    });
}

}  // namespace jobfair::client
