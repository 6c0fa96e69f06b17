// Registers the source tree's templates/ for every test program (linked as an object).
#include "ecusson/common/templates.h"

namespace {

const bool registered = [] {
  ecusson::set_templates_dir(ECUSSON_TEMPLATES_DIR);
  return true;
}();

}  // namespace
