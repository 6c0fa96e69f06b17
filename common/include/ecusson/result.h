// Result<T>: a value or an ecusson::Error (style C5).
//
// An alias of boost::system::result<T, Error>. Functions at module boundaries return it
// and never throw across the boundary. Usage:
//
//   ecusson::Result<Grid> grid = load_grid("g.grid.xml");
//   if (!grid) { std::cerr << grid.error().to_string(); return 2; }
//   use(*grid);
//
// Calling .value() on an error throws ecusson::ErrorException: that is a bug in the
// caller, so only tests and top-level code should rely on it.
#pragma once

#include <stdexcept>

#include <boost/system/result.hpp>

#include "ecusson/error.h"

namespace ecusson {

template <class T>
using Result = boost::system::result<T, Error>;

/// Shorthand for building a failed Result: `return fail("grid.empty", "…", where);`
inline Error fail(std::string code, std::string message, std::string where = {}) {
  return Error(std::move(code), std::move(message), std::move(where));
}

/// Thrown only by Result<T>::value() on an error (a programming error).
class ErrorException : public std::runtime_error {
 public:
  explicit ErrorException(Error e) : std::runtime_error(e.to_string()), error_(std::move(e)) {}
  const Error& error() const noexcept { return error_; }

 private:
  Error error_;
};

// Found by ADL from boost::system::result<T, Error>::value().
[[noreturn]] void throw_exception_from_error(const Error& e, const boost::source_location& loc);

}  // namespace ecusson
