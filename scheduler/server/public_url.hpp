// Where students' phones reach the fair server: the address put in the status QR of the kiosk's
// result screen and slip. Pre-printed tickets cannot know it; the server says it (GET /hello and
// every check-in answer), from `jobfair serve --public-url` or found from its own interfaces.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobfair {

struct InterfaceAddress {
    std::string interface;  // "wlan0"
    std::string address;    // IPv4, dotted: "192.168.1.10"
    bool loopback = false;
};

// This machine's IPv4 addresses of interfaces that are up (getifaddrs).
std::vector<InterfaceAddress> interface_addresses();

// The URL phones use when none was given. A server listening on one LAN address uses it; one
// listening on every address (0.0.0.0, ::) or only on loopback uses the first LAN address it has,
// private ranges (192.168/16, 10/8, 172.16/12) first; 127.0.0.1 only when it has no other.
std::string default_public_url(std::string_view listen_host, int port, bool tls,
                               const std::vector<InterfaceAddress>& addresses);

// "http://HOST[:PORT]" with nothing after it (a trailing "/" is dropped), or nothing when `url`
// is not that: the page's path and the token's fragment are appended to it.
std::optional<std::string> normalised_public_url(std::string_view url);

// Whether a phone can reach a server listening on `listen_host` at all (not loopback only).
bool listens_beyond_this_machine(std::string_view listen_host);

}  // namespace jobfair
