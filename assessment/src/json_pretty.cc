#include "json_pretty.h"

#include <boost/json.hpp>

namespace ecusson::assessment::detail {

namespace {

void write(const boost::json::value& v, std::string& out, int indent) {
  auto newline = [&](int level) {
    out += '\n';
    out.append(static_cast<std::size_t>(level) * 2, ' ');
  };
  switch (v.kind()) {
    case boost::json::kind::object: {
      const auto& o = v.get_object();
      if (o.empty()) {
        out += "{}";
        return;
      }
      out += '{';
      bool first = true;
      for (const auto& kv : o) {
        if (!first) out += ',';
        first = false;
        newline(indent + 1);
        out += boost::json::serialize(boost::json::string(kv.key()));
        out += ": ";
        write(kv.value(), out, indent + 1);
      }
      newline(indent);
      out += '}';
      return;
    }
    case boost::json::kind::array: {
      const auto& a = v.get_array();
      if (a.empty()) {
        out += "[]";
        return;
      }
      // Short arrays of scalars stay on one line ("evaluators": ["E1", "E2"]).
      bool scalars = a.size() <= 8;
      for (const auto& e : a) {
        if (e.is_object() || e.is_array()) scalars = false;
      }
      out += '[';
      bool first = true;
      for (const auto& e : a) {
        if (!first) out += scalars ? ", " : ",";
        first = false;
        if (!scalars) newline(indent + 1);
        write(e, out, indent + 1);
      }
      if (!scalars) newline(indent);
      out += ']';
      return;
    }
    default:
      out += boost::json::serialize(v);
      return;
  }
}

}  // namespace

std::string pretty_json(const boost::json::value& v) {
  std::string out;
  write(v, out, 0);
  out += '\n';
  return out;
}

}  // namespace ecusson::assessment::detail
