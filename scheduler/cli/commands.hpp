// Each subcommand of `jobfair` lives in its own cmd_*.cpp and registers itself on the app.
// A command prints its errors to stderr and returns a process exit code through CLI::RuntimeError.
#pragma once

#include <CLI/CLI.hpp>

namespace jobfair::cli {

}  // namespace jobfair::cli
