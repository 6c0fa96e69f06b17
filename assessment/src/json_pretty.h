// Private: a deterministic, indented JSON writer for reports.
//
// boost::json::serialize writes one line; reports are read by people and diffed in golden
// tests, so they are indented by two spaces, keys keep their insertion order, and there is
// a final newline. Reports hold no floating-point numbers (shares are exact "n/d" strings),
// so output is byte-stable across platforms.
#pragma once

#include <string>

#include <boost/json/value.hpp>

namespace ecusson::assessment::detail {

std::string pretty_json(const boost::json::value& v);

}  // namespace ecusson::assessment::detail
