#include "extensions.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "ecusson/common/templates.h"
#include "internal.h"

namespace ecusson::ob2::detail {


namespace {

// "https://w3id.org/openbadges/extensions/exampleExtension/context.json" → "exampleExtension"
// (also openbadgespec.org). Only plain names, so the path stays inside the bundle.
std::string bundled_name(std::string_view url, std::string_view file) {
  if (!(url.starts_with("https://w3id.org/openbadges/extensions/") ||
        url.starts_with("https://openbadgespec.org/extensions/") ||
        url.starts_with("http://openbadgespec.org/extensions/")))
    return {};
  auto start = url.find("/extensions/") + 12;
  auto slash = url.find('/', start);
  if (slash == std::string_view::npos || url.substr(slash + 1) != file) return {};
  std::string name(url.substr(start, slash - start));
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) return {};
  return name;
}

std::optional<json::object> load_bundled(const std::string& name, const char* file) {
  std::ifstream in(templates_dir() / "contexts" / "ob2-extensions" / name / file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  boost::system::error_code ec;
  json::value v = json::parse(ss.str(), ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

struct ExtContext {
  std::map<std::string, std::string> terms;  // term → IRI or compact IRI
  struct Rule {
    std::string type;    // compact, e.g. "extensions:ExampleExtension"
    std::string schema;  // bundled extension name
  };
  std::vector<Rule> rules;
};

const std::map<std::string, std::string>& base_prefixes() {
  static const std::map<std::string, std::string> p = {
      {"obi", "https://w3id.org/openbadges#"},
      {"extensions", "https://w3id.org/openbadges/extensions#"},
      {"schema", "http://schema.org/"},
      {"sec", "https://w3id.org/security#"},
      {"dc", "http://purl.org/dc/terms/"},
      {"cred", "https://w3id.org/credentials#"}};
  return p;
}

std::string expand(std::string_view term, const std::map<std::string, std::string>& terms) {
  std::string t(term);
  for (int i = 0; i < 3; ++i) {  // a term may map to a compact IRI, which maps once more
    auto it = terms.find(t);
    if (it != terms.end()) {
      t = it->second;
      continue;
    }
    auto colon = t.find(':');
    if (colon == std::string::npos || t.compare(colon, 3, "://") == 0) break;
    std::string prefix = t.substr(0, colon);
    auto p = terms.find(prefix);
    std::string base;
    if (p != terms.end()) {
      base = p->second;
    } else if (auto b = base_prefixes().find(prefix); b != base_prefixes().end()) {
      base = b->second;
    } else {
      break;
    }
    t = base + t.substr(colon + 1);
  }
  return t;
}

std::string local_name(std::string_view iri) {
  auto pos = iri.find_last_of("#/:");
  return std::string(pos == std::string_view::npos ? iri : iri.substr(pos + 1));
}

std::optional<ExtContext> load_context(std::string_view url) {
  std::string name = bundled_name(url, "context.json");
  if (name.empty()) return std::nullopt;
  auto doc = load_bundled(name, "context.json");
  if (!doc) return std::nullopt;
  ExtContext ctx;
  if (const json::value* c = doc->if_contains("@context"); c && c->is_object()) {
    for (const auto& [k, v] : c->as_object()) {
      if (v.is_string()) ctx.terms[std::string(k)] = std::string(v.as_string());
      else if (v.is_object()) {
        std::string id = str_of(v.as_object(), "@id");
        if (!id.empty()) ctx.terms[std::string(k)] = id;
      }
    }
  }
  const json::value* rules = doc->if_contains("obi:validation");
  std::vector<const json::value*> items;
  if (rules && rules->is_array())
    for (const auto& r : rules->as_array()) items.push_back(&r);
  else if (rules)
    items.push_back(rules);
  for (const json::value* r : items) {
    if (!r->is_object()) continue;
    std::string type = str_of(r->as_object(), "obi:validatesType");
    std::string schema = bundled_name(str_of(r->as_object(), "obi:validationSchema"), "schema.json");
    if (!type.empty() && !schema.empty()) ctx.rules.push_back({type, schema});
  }
  return ctx;
}

void collect_context_urls(const json::value* c, std::vector<std::string>& out) {
  for (const auto& s : strings_of(c)) out.push_back(s);
}

// ---- JSON Schema (draft-04 subset) ----------------------------------------------------

bool type_ok(const json::value& v, std::string_view t) {
  if (t == "string") return v.is_string();
  if (t == "number") return v.is_number();
  if (t == "integer")
    return v.is_int64() || v.is_uint64() || (v.is_double() && v.as_double() == static_cast<double>(static_cast<long long>(v.as_double())));
  if (t == "boolean") return v.is_bool();
  if (t == "object") return v.is_object();
  if (t == "array") return v.is_array();
  if (t == "null") return v.is_null();
  return true;
}

bool validate(const json::value& inst, const json::object& schema, const json::object& root,
              const std::string& path, std::vector<std::string>& errs, int depth) {
  if (depth > 32) {
    errs.push_back(path + ": schéma trop profond");
    return false;
  }
  if (const json::value* ref = schema.if_contains("$ref"); ref && ref->is_string()) {
    std::string_view r = ref->as_string();
    if (r.starts_with("#/definitions/")) {
      const json::value* defs = root.if_contains("definitions");
      const json::value* target =
          defs && defs->is_object() ? defs->as_object().if_contains(r.substr(14)) : nullptr;
      if (target && target->is_object())
        return validate(inst, target->as_object(), root, path, errs, depth + 1);
    }
    return true;  // unresolvable reference: not this verifier's business
  }
  bool ok = true;
  if (const json::value* t = schema.if_contains("type")) {
    std::vector<std::string> types = strings_of(t);
    bool any = types.empty();
    for (const auto& ty : types) any = any || type_ok(inst, ty);
    if (!any) {
      errs.push_back(path + " : type attendu " + types.front());
      return false;
    }
  }
  if (const json::value* e = schema.if_contains("enum"); e && e->is_array()) {
    bool found = false;
    for (const auto& x : e->as_array()) found = found || x == inst;
    if (!found) {
      errs.push_back(path + " : valeur hors énumération");
      ok = false;
    }
  }
  if (inst.is_object()) {
    const auto& o = inst.as_object();
    if (const json::value* req = schema.if_contains("required"); req && req->is_array())
      for (const auto& name : req->as_array())
        if (name.is_string() && !o.contains(name.as_string())) {
          errs.push_back(path + " : propriété « " + std::string(name.as_string()) +
                         " » obligatoire absente");
          ok = false;
        }
    if (const json::value* props = schema.if_contains("properties"); props && props->is_object())
      for (const auto& [name, sub] : props->as_object()) {
        const json::value* v = o.if_contains(name);
        if (v && sub.is_object())
          ok = validate(*v, sub.as_object(), root, path + "." + std::string(name), errs,
                        depth + 1) && ok;
      }
  }
  if (inst.is_array()) {
    if (const json::value* items = schema.if_contains("items"); items && items->is_object()) {
      std::size_t i = 0;
      for (const auto& v : inst.as_array())
        ok = validate(v, items->as_object(), root, path + "[" + std::to_string(i++) + "]", errs,
                      depth + 1) && ok;
    }
  }
  auto count_passing = [&](const json::value* list) {
    int n = 0;
    for (const auto& s : list->as_array()) {
      std::vector<std::string> scratch;
      if (s.is_object() && validate(inst, s.as_object(), root, path, scratch, depth + 1)) ++n;
    }
    return n;
  };
  if (const json::value* all = schema.if_contains("allOf"); all && all->is_array())
    for (const auto& s : all->as_array())
      if (s.is_object()) ok = validate(inst, s.as_object(), root, path, errs, depth + 1) && ok;
  if (const json::value* any = schema.if_contains("anyOf"); any && any->is_array())
    if (count_passing(any) == 0) {
      errs.push_back(path + " : aucune alternative (anyOf) ne convient");
      ok = false;
    }
  if (const json::value* one = schema.if_contains("oneOf"); one && one->is_array())
    if (count_passing(one) != 1) {
      errs.push_back(path + " : il faut exactement une alternative (oneOf)");
      ok = false;
    }
  return ok;
}

struct Walker {
  ExtensionReport report;
  std::vector<std::string> root_contexts;
  int nodes = 0;

  void walk(const json::value& v, int depth) {
    if (depth > 16 || ++nodes > 2000) return;
    if (v.is_array()) {
      for (const auto& e : v.as_array()) walk(e, depth + 1);
      return;
    }
    if (!v.is_object()) return;
    const auto& o = v.as_object();
    if (has_type(o, "Extension")) check(o);
    for (const auto& [k, child] : o)
      if (k != "@context") walk(child, depth + 1);
  }

  void check(const json::object& node) {
    std::vector<std::string> urls = root_contexts;
    collect_context_urls(node.if_contains("@context"), urls);
    std::vector<ExtContext> contexts;
    for (const auto& u : urls)
      if (auto c = load_context(u)) contexts.push_back(std::move(*c));
    for (const auto& t : types_of(node)) {
      if (t == "Extension") continue;
      bool matched = false;
      for (const auto& ctx : contexts) {
        for (const auto& rule : ctx.rules) {
          if (expand(t, ctx.terms) != expand(rule.type, ctx.terms) &&
              local_name(t) != local_name(rule.type))
            continue;
          matched = true;
          auto schema = load_bundled(rule.schema, "schema.json");
          if (!schema) continue;
          // Compact the node's keys to the extension's terms ("http://schema.org/text" →
          // "exampleProperty"): schemas are written against compact JSON.
          json::object compact;
          for (const auto& [k, val] : node) {
            std::string key(k);
            std::string full = expand(key, ctx.terms);
            for (const auto& [term, iri] : ctx.terms)
              if (term.find(':') == std::string::npos && expand(term, ctx.terms) == full &&
                  full.find(':') != std::string::npos) {
                key = term;
                break;
              }
            compact[key] = val;
          }
          std::vector<std::string> errs;
          ++report.validated;
          if (!validate(compact, *schema, *schema, local_name(rule.type), errs, 0))
            for (auto& e : errs) report.errors.push_back(std::move(e));
        }
      }
      if (!matched && contexts.empty()) report.unknown.push_back(t);
    }
  }
};

}  // namespace

ExtensionReport check_ob2_extensions(const json::object& doc) {
  Walker w;
  collect_context_urls(doc.if_contains("@context"), w.root_contexts);
  w.walk(doc, 0);
  return std::move(w.report);
}

}  // namespace ecusson::ob2::detail
