// A small JSON Schema (2019-09 subset) validator for tests: enough for the official
// OB 3.0 AchievementCredential schema ($ref to $defs, type, enum, const, required,
// properties, additionalProperties, items / tuple items + additionalItems, minItems,
// contains, allOf, anyOf, oneOf, pattern, format date-time). Collects error paths.
#pragma once

#include <boost/json.hpp>
#include <regex>
#include <string>
#include <vector>

namespace ecusson::test {

class MiniSchema {
 public:
  explicit MiniSchema(boost::json::value root) : root_(std::move(root)) {}

  std::vector<std::string> validate(const boost::json::value& doc) const {
    std::vector<std::string> errors;
    check(root_, doc, "", errors);
    return errors;
  }

 private:
  const boost::json::value& resolve(const boost::json::value& s) const {
    const auto* ref = s.as_object().if_contains("$ref");
    if (!ref) return s;
    std::string r(ref->as_string());
    const std::string prefix = "#/$defs/";
    return root_.at("$defs").at(r.substr(prefix.size()));
  }

  static bool type_ok(std::string_view t, const boost::json::value& v) {
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "string") return v.is_string();
    if (t == "boolean") return v.is_bool();
    if (t == "null") return v.is_null();
    if (t == "integer") return v.is_int64() || v.is_uint64();
    if (t == "number") return v.is_number();
    return false;
  }

  bool valid(const boost::json::value& s, const boost::json::value& v) const {
    std::vector<std::string> e;
    check(s, v, "", e);
    return e.empty();
  }

  void check(const boost::json::value& schema_in, const boost::json::value& v,
             const std::string& path, std::vector<std::string>& errors) const {
    if (schema_in.is_bool()) {
      if (!schema_in.get_bool()) errors.push_back(path + ": not allowed");
      return;
    }
    const boost::json::value& schema = resolve(schema_in);
    const auto& s = schema.as_object();
    auto err = [&](const std::string& m) {
      errors.push_back((path.empty() ? "/" : path) + ": " + m);
    };
    if (const auto* t = s.if_contains("type")) {
      bool ok = false;
      if (t->is_string())
        ok = type_ok(t->as_string(), v);
      else
        for (const auto& x : t->as_array()) ok = ok || type_ok(x.as_string(), v);
      if (!ok) return err("wrong type, expected " + boost::json::serialize(*t));
    }
    if (const auto* e = s.if_contains("enum")) {
      bool ok = false;
      for (const auto& x : e->as_array()) ok = ok || x == v;
      if (!ok) err("not in enum");
    }
    if (const auto* c = s.if_contains("const"); c && *c != v) err("const mismatch");
    if (const auto* p = s.if_contains("pattern"); p && v.is_string()) {
      std::regex re(std::string(p->as_string()), std::regex::ECMAScript);
      if (!std::regex_search(std::string(v.as_string()), re)) err("pattern mismatch");
    }
    if (const auto* f = s.if_contains("format");
        f && v.is_string() && f->as_string() == "date-time") {
      static const std::regex dt(
          R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$)");
      if (!std::regex_match(std::string(v.as_string()), dt)) err("not a date-time");
    }
    if (v.is_object()) {
      const auto& o = v.as_object();
      if (const auto* r = s.if_contains("required"))
        for (const auto& k : r->as_array())
          if (!o.contains(k.as_string())) err("missing required " + std::string(k.as_string()));
      const auto* props = s.if_contains("properties");
      for (const auto& [k, val] : o) {
        std::string sub = path + "/" + std::string(k);
        if (props && props->as_object().contains(k)) {
          check(props->as_object().at(k), val, sub, errors);
        } else if (const auto* ap = s.if_contains("additionalProperties")) {
          check(*ap, val, sub, errors);
        }
      }
    }
    if (v.is_array()) {
      const auto& a = v.as_array();
      if (const auto* m = s.if_contains("minItems"); m && a.size() < m->to_number<std::size_t>())
        err("too few items");
      if (const auto* items = s.if_contains("items")) {
        if (items->is_array()) {
          const auto& tuple = items->as_array();
          for (std::size_t i = 0; i < a.size(); ++i) {
            std::string sub = path + "/" + std::to_string(i);
            if (i < tuple.size())
              check(tuple[i], a[i], sub, errors);
            else if (const auto* ai = s.if_contains("additionalItems"))
              check(*ai, a[i], sub, errors);
          }
        } else {
          for (std::size_t i = 0; i < a.size(); ++i)
            check(*items, a[i], path + "/" + std::to_string(i), errors);
        }
      }
      if (const auto* c = s.if_contains("contains")) {
        bool any = false;
        for (const auto& x : a) any = any || valid(*c, x);
        if (!any) err("no item matches 'contains'");
      }
    }
    if (const auto* all = s.if_contains("allOf"))
      for (const auto& x : all->as_array()) check(x, v, path, errors);
    if (const auto* any = s.if_contains("anyOf")) {
      bool ok = false;
      for (const auto& x : any->as_array()) ok = ok || valid(x, v);
      if (!ok) err("no anyOf branch matches");
    }
    if (const auto* one = s.if_contains("oneOf")) {
      int n = 0;
      for (const auto& x : one->as_array()) n += valid(x, v) ? 1 : 0;
      if (n != 1) err("oneOf matched " + std::to_string(n) + " branches");
    }
  }

  boost::json::value root_;
};

}  // namespace ecusson::test
