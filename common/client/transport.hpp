// cpp-httplib behind the client: how a connection is set up from ClientOptions, the headers a
// call sends, and how a cpp-httplib result becomes an Answer. Only the client's own .cpp files
// include this, so no user of the library sees cpp-httplib.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

#include "common/client/api_client.hpp"

namespace jobfair::client::detail {

// "/hello" -> "/api/v1/hello".
std::string api_path(std::string_view path);

// A connection to `server_url` with the options' timeouts, TCP_NODELAY, keep-alive and
// certificate. Throws std::invalid_argument when the URL is not http:// or https://.
httplib::Client connect(const std::string& server_url, const ClientOptions& options);

httplib::Headers headers(const std::optional<std::string>& token,
                         std::string_view idempotency_key = {});

void copy_headers(const httplib::Response& response, Answer& answer);

Answer answer_of(const httplib::Result& result);

}  // namespace jobfair::client::detail
