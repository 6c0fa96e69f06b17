// The `grid show` and `grid form` subcommands, added under `ecusson grid` by cmd_grid.cc.
#pragma once

#include "command.h"

namespace CLI {
class App;
}

namespace ecusson::cli {

/// Adds `show` and `form` to the `grid` subcommand. `ctx` must outlive the app.
void add_grid_show_and_form(CLI::App& grid, Context& ctx);

}  // namespace ecusson::cli
