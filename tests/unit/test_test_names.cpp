// ctest splits test names at ';' and doctest filters at ',' unless escaped: a test whose name
// holds a ';' would be registered under a cut name that matches no test, and "pass" without
// running. Keep every name free of ';'.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

TEST_CASE("no test name holds a semicolon, so ctest runs every test") {
    const std::filesystem::path folder =
        std::filesystem::path(JOBFAIR_SOURCE_DIR) / "tests" / "unit";
    const std::regex test_case(R"re(TEST_CASE\("([^"]*)"\))re");
    int names = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".cpp") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string source = text.str();
        for (std::sregex_iterator it(source.begin(), source.end(), test_case), end; it != end;
             ++it) {
            ++names;
            const std::string name = (*it)[1];
            CHECK_MESSAGE(name.find(';') == std::string::npos, entry.path().filename().string(),
                          ": ", name);
        }
    }
    CHECK(names > 100);
}
