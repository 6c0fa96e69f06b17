// The templates folder (grids, JSON-LD contexts, badge art, pages): where a running program
// finds the data files Ecusson ships.
//
// One rule for every library: the environment variable ECUSSON_TEMPLATES wins when set and
// non-empty; otherwise the folder the program registered with set_templates_dir() (the
// `ecusson` command registers its build or install location; tests register the source
// tree's); otherwise "templates" relative to the working directory. Libraries never compile
// a path in. Thread-safety: set_templates_dir() is meant for start-up, before other threads
// read the value; templates_dir() is safe to call from any thread.
#pragma once

#include <filesystem>

namespace ecusson {

/// Registers the program's default templates folder (overridden by $ECUSSON_TEMPLATES).
/// Example: `ecusson::set_templates_dir(ECUSSON_TEMPLATES_DIR);` at the top of main().
void set_templates_dir(std::filesystem::path dir);

/// The templates folder, by the rule above.
/// Example: `auto grid = ecusson::templates_dir() / "grids" / "rectec-style.grid.xml";`
std::filesystem::path templates_dir();

}  // namespace ecusson
