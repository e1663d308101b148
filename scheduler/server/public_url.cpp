#include "scheduler/server/public_url.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <algorithm>
#include <cctype>

namespace jobfair {

namespace {

bool is_wildcard(std::string_view host) {
    return host.empty() || host == "0.0.0.0" || host == "::" || host == "[::]" || host == "*";
}

bool is_loopback_host(std::string_view host) {
    return host == "localhost" || host.starts_with("127.") || host == "::1" || host == "[::1]";
}

// 0 for the private ranges phones on a venue's Wi-Fi get, 1 for any other address.
int preference(const std::string& address) {
    if (address.starts_with("192.168.") || address.starts_with("10.")) return 0;
    if (address.starts_with("172.")) {
        const int second = std::atoi(address.c_str() + 4);
        if (second >= 16 && second <= 31) return 0;
    }
    return 1;
}

}  // namespace

std::vector<InterfaceAddress> interface_addresses() {
    std::vector<InterfaceAddress> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (const ifaddrs* entry = list; entry; entry = entry->ifa_next) {
        if (!entry->ifa_addr || entry->ifa_addr->sa_family != AF_INET) continue;
        if (!(entry->ifa_flags & IFF_UP)) continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* inet = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
        if (!inet_ntop(AF_INET, &inet->sin_addr, text, sizeof text)) continue;
        out.push_back({entry->ifa_name, text, (entry->ifa_flags & IFF_LOOPBACK) != 0});
    }
    freeifaddrs(list);
    return out;
}

std::string default_public_url(std::string_view listen_host, int port, bool tls,
                               const std::vector<InterfaceAddress>& addresses) {
    std::string host;
    if (!is_wildcard(listen_host) && !is_loopback_host(listen_host)) {
        host = std::string(listen_host);
    } else {
        std::vector<const InterfaceAddress*> lan;
        for (const auto& address : addresses) {
            if (!address.loopback && !address.address.starts_with("127.")) lan.push_back(&address);
        }
        std::stable_sort(lan.begin(), lan.end(), [](const auto* a, const auto* b) {
            return preference(a->address) < preference(b->address);
        });
        host = lan.empty() ? "127.0.0.1" : lan.front()->address;
    }
    if (host.find(':') != std::string::npos && !host.starts_with("[")) host = "[" + host + "]";
    const bool default_port = (tls && port == 443) || (!tls && port == 80);
    return std::string(tls ? "https://" : "http://") + host +
           (default_port ? "" : ":" + std::to_string(port));
}

std::optional<std::string> normalised_public_url(std::string_view url) {
    std::string text(url);
    while (text.ends_with("/"))
        text.pop_back();
    std::string_view rest = text;
    if (rest.starts_with("http://")) {
        rest.remove_prefix(7);
    } else if (rest.starts_with("https://")) {
        rest.remove_prefix(8);
    } else {
        return std::nullopt;
    }
    // A host and port only: a path, query or fragment would break the page's own path.
    if (rest.empty() || rest.size() > 200) return std::nullopt;
    const bool plain = std::all_of(rest.begin(), rest.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' ||
               c == '[' || c == ']';
    });
    if (!plain) return std::nullopt;
    return text;
}

bool listens_beyond_this_machine(std::string_view listen_host) {
    return !is_loopback_host(listen_host);
}

}  // namespace jobfair
