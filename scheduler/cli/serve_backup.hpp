// `jobfair serve --backup-to PATH [--backup-every SECONDS]`: the online copy of the fair's
// database for a standby machine (common/store_backup.hpp, docs/standby.md). Kept out of
// cmd_serve.cpp, which only adds these options and holds the returned object while it serves.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "common/store_backup.hpp"

namespace jobfair::cli {

struct ServeBackupOptions {
    std::string to;  // empty: no copies
    int every_seconds = 60;
};

void add_serve_backup_options(CLI::App& serve, ServeBackupOptions& options);

// Starts copying `database_path` (with the ticket key and the organizer password file beside it)
// when --backup-to was given; nothing otherwise. The copies stop, after a last one, when the
// returned object is destroyed. A target whose folder does not exist, or that is the database
// itself, is refused before the server starts (message on stderr, CLI::RuntimeError exit 2);
// later failures (the disk unplugged) are logged and never stop the server.
std::unique_ptr<PeriodicBackup> start_serve_backup(const ServeBackupOptions& options,
                                                   const std::string& database_path,
                                                   const std::string& ticket_key_path);

}  // namespace jobfair::cli
