// The `ecusson` subcommand registry.
//
// Each subcommand lives in its own cmd_<name>.cc and registers itself with
//   ECUSSON_REGISTER_COMMAND(add_verify_command);
// where `void add_verify_command(CLI::App& app, ecusson::cli::Context& ctx)` adds a
// CLI11 subcommand and its callback. The callback stores its exit code in ctx.exit_code.
// Exit codes (design §3): 0 success, 1 the answer is "no", 2 unusable input or usage.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "ecusson/lang.h"

namespace CLI {
class App;
}

namespace ecusson::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitNo = 1;
inline constexpr int kExitUnusable = 2;

struct Context {
  Lang lang = Lang::fr;        // set from --lang / LANG before callbacks run
  std::string lang_option;     // raw value of --lang
  int exit_code = kExitOk;
  std::string templates_dir;   // templates/ (grids, contexts, badge art, pages)
};

using CommandAdder = void (*)(CLI::App&, Context&);

std::vector<CommandAdder>& command_registry();

struct CommandRegistrar {
  explicit CommandRegistrar(CommandAdder adder) { command_registry().push_back(adder); }
};

/// Reads a whole file or "-" (stdin) with a size cap; returns false and fills `error`.
bool read_input(const std::string& path, std::string& out, std::string& error,
                std::size_t max_bytes = 64u << 20);

/// True when stderr is a terminal (progress bars); otherwise print periodic lines.
bool stderr_is_tty();

}  // namespace ecusson::cli

#define ECUSSON_CONCAT_INNER(a, b) a##b
#define ECUSSON_CONCAT(a, b) ECUSSON_CONCAT_INNER(a, b)
#define ECUSSON_REGISTER_COMMAND(fn)                                                   \
  static ::ecusson::cli::CommandRegistrar ECUSSON_CONCAT(ecusson_command_registrar_, \
                                                         __LINE__)(&fn)
