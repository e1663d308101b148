// The route table (common/api_routes.hpp) against itself and against docs/api.md: the document
// lists exactly the table's routes, with the permissions the table and authorize() give.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "common/api_routes.hpp"

using namespace jobfair;
using namespace jobfair::protocol;

namespace {

std::string read_api_document() {
    std::ifstream file(std::string(JOBFAIR_SOURCE_DIR) + "/docs/api.md");
    REQUIRE(file);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

using Endpoint = std::pair<std::string, std::string>;  // method, path below /api/v1

}  // namespace

TEST_CASE("every route is declared once with a gate that fits it") {
    std::set<Endpoint> seen;
    for (const Route& route : all_routes()) {
        CAPTURE(route.path);
        CHECK(
            seen.insert({std::string(method_name(route.method)), std::string(route.path)}).second);
        CHECK(route.path.starts_with("/"));
        CHECK((route.gate == Gate::permission) == route.permission.has_value());
        // A body is only for routes that change something.
        if (route.takes_body) CHECK(route.method == Method::post);
        CHECK_FALSE(route.answer.empty());
    }
}

TEST_CASE("route paths are filled with their parameters in order") {
    CHECK(path_parameters(route(RouteId::call_next)) ==
          std::vector<std::string_view>{"booth", "seat"});
    CHECK(path_for(RouteId::call_next, {"B07", "2"}) == "/booths/B07/seats/2/call-next");
    CHECK(path_for(RouteId::overview) == "/overview");
    CHECK(path_for(RouteId::interview_finish, {"42"}) == "/interviews/42/finish");
    CHECK_THROWS_AS(path_for(RouteId::call_next, {"B07"}), std::invalid_argument);
    CHECK_THROWS_AS(path_for(RouteId::overview, {"x"}), std::invalid_argument);
}

TEST_CASE("docs/api.md holds the route table generated from the code") {
    const std::string document = read_api_document();
    const std::string begin = "<!-- routes: generated from common/api_routes.cpp -->\n";
    const std::string end = "<!-- end of routes -->";
    const size_t from = document.find(begin);
    const size_t to = document.find(end);
    REQUIRE_MESSAGE(from != std::string::npos, "docs/api.md lacks the routes marker");
    REQUIRE(to != std::string::npos);
    const std::string in_document = document.substr(from + begin.size(), to - from - begin.size());
    // On a mismatch this prints the table to paste between the markers.
    CHECK_MESSAGE(in_document == routes_markdown(), "the generated table:\n", routes_markdown());
}

TEST_CASE("docs/api.md describes every route under its own heading and no route the server lacks") {
    const std::string document = read_api_document();
    std::set<Endpoint> documented;
    const std::regex endpoint(R"(`(GET|POST|DELETE) /api/v1(/[^`?\s]*)[^`]*`)");
    std::istringstream lines(document);
    for (std::string line; std::getline(lines, line);) {
        if (!line.starts_with("### ")) continue;
        for (auto it = std::sregex_iterator(line.begin(), line.end(), endpoint);
             it != std::sregex_iterator(); ++it) {
            documented.insert({(*it)[1].str(), (*it)[2].str()});
        }
    }
    std::set<Endpoint> declared;
    for (const Route& route : all_routes())
        declared.insert({std::string(method_name(route.method)), std::string(route.path)});
    for (const Endpoint& missing : declared) {
        CAPTURE(missing.first + " " + missing.second);
        CHECK(documented.contains(missing));
    }
    for (const Endpoint& extra : documented) {
        CAPTURE(extra.first + " " + extra.second);
        CHECK(declared.contains(extra));
    }
}
