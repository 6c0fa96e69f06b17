// JSON-LD 1.1 Expansion (§5.1) and Value Expansion (§5.3). Step numbers in comments refer
// to §5.1.2 unless stated otherwise.
#include <algorithm>

#include "jsonld_internal.h"

namespace ecusson::rdf::detail {
namespace {

struct DepthGuard {
  explicit DepthGuard(Processor& p) : p_(p) { ++p_.depth; }
  ~DepthGuard() { --p_.depth; }
  bool exceeded() const { return p_.depth > p_.opts.limits.max_depth; }
  Processor& p_;
};

using OptProp = std::optional<std::string_view>;

bool is_null_or_graph(OptProp ap) { return !ap || *ap == "@graph"; }

bool is_value_object(const json::value& v) {
  return v.is_object() && v.get_object().contains("@value");
}
bool is_list_object(const json::value& v) {
  return v.is_object() && v.get_object().contains("@list");
}
bool is_graph_object(const json::value& v) {
  if (!v.is_object()) return false;
  const auto& o = v.get_object();
  if (!o.contains("@graph")) return false;
  for (const auto& kv : o) {
    std::string_view k = kv.key();
    if (k != "@graph" && k != "@id" && k != "@index" && k != "@context") return false;
  }
  return true;
}
bool is_node_object(const json::value& v) {
  if (!v.is_object()) return false;
  const auto& o = v.get_object();
  return !o.contains("@value") && !o.contains("@list") && !o.contains("@set");
}

/// "add value" (§1.4.1 / Infra helper) with as_array = true.
void add_value(json::object& obj, std::string_view key, json::value value) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    json::array arr(obj.storage());
    if (value.is_array()) {
      arr = std::move(value.get_array());
    } else {
      arr.push_back(std::move(value));
    }
    obj.emplace(key, std::move(arr));
    return;
  }
  json::value& cur = it->value();
  if (!cur.is_array()) {
    json::array arr(obj.storage());
    arr.push_back(std::move(cur));
    cur = std::move(arr);
  }
  json::array& arr = cur.get_array();
  if (value.is_array()) {
    for (auto& v : value.get_array()) arr.push_back(std::move(v));
  } else {
    arr.push_back(std::move(value));
  }
}

json::array as_array(json::value v, const json::storage_ptr& sp) {
  if (v.is_array()) return std::move(v.get_array());
  json::array a(sp);
  a.push_back(std::move(v));
  return a;
}

class Expander {
 public:
  Expander(Processor& p, json::storage_ptr sp) : p_(p), sp_(std::move(sp)) {}

  Result<json::value> expand(const CtxPtr& active, OptProp active_property,
                             const json::value& element,
                             const std::optional<std::string>& base_url, bool from_map);

 private:
  Result<json::value> value_expansion(const ActiveContext& active, const TermDefinition* def,
                                      const json::value& value);
  Result<json::value> expand_object(CtxPtr active, OptProp active_property,
                                    const json::object& element,
                                    const std::optional<std::string>& base_url, bool from_map);
  Result<void> expand_entries(const CtxPtr& active, const CtxPtr& type_scoped,
                              OptProp active_property, const json::object& element,
                              json::object& result, std::string_view input_type,
                              const std::optional<std::string>& base_url);
  Result<void> expand_entry(const CtxPtr& active, const CtxPtr& type_scoped,
                            OptProp active_property, std::string_view key,
                            const json::value& value, json::object& result,
                            std::string_view input_type,
                            const std::optional<std::string>& base_url,
                            std::vector<std::string_view>& nests);

  Processor& p_;
  json::storage_ptr sp_;
};

// §5.3 Value Expansion.
Result<json::value> Expander::value_expansion(const ActiveContext& active,
                                              const TermDefinition* def,
                                              const json::value& value) {
  if (auto r = p_.count_values(1); !r) return r.error();
  std::string buf;
  // 1./2.
  if (def && def->type && value.is_string()) {
    if (*def->type == "@id" || *def->type == "@vocab") {
      auto e = expand_iri(active, value.get_string(), true, *def->type == "@vocab", buf);
      json::object o(sp_);
      if (e) {
        o.emplace("@id", *e);
      } else {
        o.emplace("@id", nullptr);
      }
      return json::value(std::move(o));
    }
  }
  // 3.
  json::object result(sp_);
  result.reserve(3);
  result.emplace("@value", value);
  // 4.
  if (def && def->type && *def->type != "@id" && *def->type != "@vocab" &&
      *def->type != "@none") {
    result.emplace("@type", *def->type);
  } else if (value.is_string()) {
    // 5.
    const std::optional<std::string>* language = &active.default_language;
    if (def && def->language) language = &*def->language;
    const std::optional<std::string>* direction = &active.default_direction;
    if (def && def->direction) direction = &*def->direction;
    if (*language) result.emplace("@language", **language);
    if (*direction) result.emplace("@direction", **direction);
  }
  return json::value(std::move(result));
}

Result<json::value> Expander::expand(const CtxPtr& active_in, OptProp active_property,
                                     const json::value& element,
                                     const std::optional<std::string>& base_url, bool from_map) {
  DepthGuard guard(p_);
  if (guard.exceeded()) {
    return Error("jsonld.max_depth", "nesting deeper than the configured limit (max_depth)");
  }
  // 1.
  if (element.is_null()) return json::value(nullptr);
  // 3.
  const TermDefinition* prop_def = active_property ? active_in->find(*active_property) : nullptr;
  // 4.
  if (!element.is_array() && !element.is_object()) {
    // 4.1
    if (is_null_or_graph(active_property)) return json::value(nullptr);
    // 4.2
    if (prop_def && prop_def->context) {
      auto ctx = process_scoped_context(p_, active_in, *prop_def, false, true, active_in->cacheable);
      if (!ctx) return ctx.error();
      return value_expansion(**ctx, (*ctx)->find(*active_property), element);
    }
    // 4.3
    return value_expansion(*active_in, prop_def, element);
  }
  // 5.
  if (element.is_array()) {
    const auto& arr = element.get_array();
    const bool list_container = prop_def && prop_def->has(kList);
    if (list_container && arr.size() > p_.opts.limits.max_list_items) {
      return Error("jsonld.max_list_items",
                   "list longer than the configured limit (" +
                       std::to_string(p_.opts.limits.max_list_items) + " items)");
    }
    json::array result(sp_);
    result.reserve(arr.size());
    for (std::size_t i = 0; i < arr.size(); ++i) {
      auto item = expand(active_in, active_property, arr[i], base_url, from_map);
      if (!item) return at_index(item.error(), i);
      // 5.2.2
      if (list_container && item->is_array()) {
        json::object l(sp_);
        l.emplace("@list", std::move(*item));
        result.push_back(std::move(l));
        continue;
      }
      // 5.2.3
      if (item->is_array()) {
        for (auto& v : item->get_array()) result.push_back(std::move(v));
      } else if (!item->is_null()) {
        result.push_back(std::move(*item));
      }
    }
    return json::value(std::move(result));
  }
  // 6.
  return expand_object(active_in, active_property, element.get_object(), base_url, from_map);
}

Result<json::value> Expander::expand_object(CtxPtr active, OptProp active_property,
                                            const json::object& element,
                                            const std::optional<std::string>& base_url,
                                            bool from_map) {
  if (auto r = p_.count_values(1); !r) return r.error();
  std::string buf;
  const TermDefinition* prop_def = active_property ? active->find(*active_property) : nullptr;
  const bool prop_owner_cacheable = active->cacheable;
  TermPtr prop_def_keep;
  if (prop_def && prop_def->context) prop_def_keep = active->terms.get(*active_property);
  // 7.
  if (active->previous && !from_map) {
    bool revert = true;
    for (const auto& kv : element) {
      if (active->key_is(kv.key(), "@value") ||
          (element.size() == 1 && active->key_is(kv.key(), "@id"))) {
        revert = false;
        break;
      }
    }
    if (revert) active = active->previous;
  }
  // 8.
  if (prop_def_keep) {
    auto ctx = process_scoped_context(p_, active, *prop_def_keep, true, true, prop_owner_cacheable);
    if (!ctx) return ctx.error();
    active = std::move(*ctx);
  }
  // 9.
  if (auto it = element.find("@context"); it != element.end()) {
    auto ctx = process_context(p_, active, it->value(), base_url);
    if (!ctx) return at_path(ctx.error(), "@context");
    active = std::move(*ctx);
  }
  // 10.
  const CtxPtr type_scoped = active;
  // 11.
  std::vector<std::pair<std::string_view, const json::value*>> type_keys;
  for (const auto& kv : element) {
    if (active->key_is(kv.key(), "@type")) type_keys.emplace_back(kv.key(), &kv.value());
  }
  if (type_keys.size() > 1) std::sort(type_keys.begin(), type_keys.end());
  for (const auto& [k, v] : type_keys) {
    std::vector<std::string_view> terms;
    if (v->is_array()) {
      for (const auto& t : v->get_array()) {
        if (t.is_string()) terms.push_back(t.get_string());
      }
    } else if (v->is_string()) {
      terms.push_back(v->get_string());
    }
    if (terms.size() > 1) std::sort(terms.begin(), terms.end());
    for (std::string_view t : terms) {
      if (TermPtr keep = type_scoped->terms.get(t); keep && keep->context) {
        auto ctx = process_scoped_context(p_, active, *keep, false, false, type_scoped->cacheable);
        if (!ctx) return at_path(ctx.error(), k);
        active = std::move(*ctx);
      }
    }
  }
  // 12.
  json::object result(sp_);
  result.reserve(element.size());
  std::string input_type;
  if (!type_keys.empty()) {
    const json::value* v = type_keys.front().second;
    const json::value* last = v->is_array() ? (v->get_array().empty() ? nullptr : &v->get_array().back()) : v;
    if (last && last->is_string()) {
      auto e = expand_iri(*active, last->get_string(), true, true, buf);
      if (e) input_type = std::string(*e);
    }
  }
  // 13./14.
  if (auto r = expand_entries(active, type_scoped, active_property, element, result, input_type,
                              base_url);
      !r) {
    return r.error();
  }
  // 15.
  if (auto vit = result.find("@value"); vit != result.end()) {
    // 15.1
    for (const auto& kv : result) {
      std::string_view k = kv.key();
      if (k != "@direction" && k != "@index" && k != "@language" && k != "@type" && k != "@value") {
        return jsonld_error("invalid value object", "unexpected entry " + std::string(k));
      }
    }
    const bool has_type = result.contains("@type");
    if (has_type && (result.contains("@language") || result.contains("@direction"))) {
      return jsonld_error("invalid value object", "@type with @language or @direction");
    }
    const json::value& tv = has_type ? result.at("@type") : json::value();
    // 15.2
    if (has_type && tv.is_string() && tv.get_string() == "@json") {
      // JSON literal: any value.
    } else {
      const json::value& vv = vit->value();
      // 15.3
      if (vv.is_null() || (vv.is_array() && vv.get_array().empty())) return json::value(nullptr);
      // 15.4
      if (!vv.is_string() && result.contains("@language")) {
        return jsonld_error("invalid language-tagged value", "only strings can have a language");
      }
      // 15.5
      if (has_type && (!tv.is_string() || !is_absolute_iri(tv.get_string()) ||
                       is_blank_node_id(tv.get_string()) ||
                       tv.get_string().find_first_of(" \t\n\r") != std::string_view::npos)) {
        return jsonld_error("invalid typed value", "@type of a value must be an IRI");
      }
    }
  } else if (auto tit = result.find("@type"); tit != result.end()) {
    // 16.
    if (!tit->value().is_array()) {
      json::array a(sp_);
      a.push_back(std::move(tit->value()));
      tit->value() = std::move(a);
    }
  } else if (result.contains("@set") || result.contains("@list")) {
    // 17.1
    if (result.size() > 2 || (result.size() == 2 && !result.contains("@index"))) {
      return jsonld_error("invalid set or list object", "");
    }
    // 17.2
    if (auto sit = result.find("@set"); sit != result.end()) {
      json::value v = std::move(sit->value());
      return v;
    }
  }
  // 18.
  if (result.size() == 1 && result.contains("@language")) return json::value(nullptr);
  // 19.
  if (is_null_or_graph(active_property)) {
    if (result.empty() || result.contains("@value") || result.contains("@list")) {
      return json::value(nullptr);
    }
    if (result.size() == 1 && result.contains("@id")) return json::value(nullptr);
  }
  // 20.
  return json::value(std::move(result));
}

Result<void> Expander::expand_entries(const CtxPtr& active, const CtxPtr& type_scoped,
                                      OptProp active_property, const json::object& element,
                                      json::object& result, std::string_view input_type,
                                      const std::optional<std::string>& base_url) {
  std::vector<std::string_view> nests;
  for (const auto& kv : element) {
    if (auto r = expand_entry(active, type_scoped, active_property, kv.key(), kv.value(), result,
                              input_type, base_url, nests);
        !r) {
      return at_path(r.error(), kv.key());
    }
  }
  // 14.
  if (nests.size() > 1) std::sort(nests.begin(), nests.end());
  for (std::string_view nesting_key : nests) {
    const json::value& nv = element.at(nesting_key);
    const json::value* items = &nv;
    std::size_t count = 1;
    if (nv.is_array()) {
      items = nv.get_array().data();
      count = nv.get_array().size();
    }
    for (std::size_t i = 0; i < count; ++i) {
      const json::value& nested = items[i];
      // 14.2.1
      if (!nested.is_object()) {
        return at_path(jsonld_error("invalid @nest value", "not an object"), nesting_key);
      }
      std::string buf;
      for (const auto& kv : nested.get_object()) {
        auto e = expand_iri(*active, kv.key(), false, true, buf);
        if (e && *e == "@value") {
          return at_path(jsonld_error("invalid @nest value", "contains @value"), nesting_key);
        }
      }
      // 14.2.2
      DepthGuard guard(p_);
      if (guard.exceeded()) {
        return Error("jsonld.max_depth", "nesting deeper than the configured limit (max_depth)");
      }
      // A nesting term may carry a property-scoped context (as JSON-LD 1.1 processors do).
      CtxPtr nested_ctx = active;
      if (TermPtr keep = active->terms.get(nesting_key); keep && keep->context) {
        auto c = process_scoped_context(p_, active, *keep, true, true, active->cacheable);
        if (!c) return at_path(c.error(), nesting_key);
        nested_ctx = std::move(*c);
      }
      if (auto r = expand_entries(nested_ctx, type_scoped, active_property, nested.get_object(),
                                  result, input_type, base_url);
          !r) {
        return at_path(r.error(), nesting_key);
      }
    }
  }
  return {};
}

Result<void> Expander::expand_entry(const CtxPtr& active, const CtxPtr& type_scoped,
                                    OptProp active_property, std::string_view key,
                                    const json::value& value, json::object& result,
                                    std::string_view input_type,
                                    const std::optional<std::string>& base_url,
                                    std::vector<std::string_view>& nests) {
  // 13.1
  if (key == "@context") return {};
  // 13.2
  std::string pbuf;
  auto ep = expand_iri(*active, key, false, true, pbuf);
  // 13.3
  if (!ep) {
    p_.note_drop("member", key, "dropped");
    return {};
  }
  std::string_view expanded_property = *ep;
  const bool keyword = is_keyword(expanded_property);
  if (!keyword && expanded_property.find(':') == std::string_view::npos) {
    p_.note_drop("member", key, "is not defined by the contexts");
    return {};
  }
  std::string buf;
  // 13.4
  if (keyword) {
    // 13.4.1
    if (active_property && *active_property == "@reverse") {
      return jsonld_error("invalid reverse property map", "keyword inside @reverse");
    }
    // 13.4.2
    if (result.contains(expanded_property) && expanded_property != "@included" &&
        (expanded_property != "@type" || p_.mode10())) {
      return jsonld_error("colliding keywords", std::string(expanded_property));
    }
    json::value expanded_value(sp_);
    if (expanded_property == "@id") {
      // 13.4.3
      if (!value.is_string()) return jsonld_error("invalid @id value", "must be a string");
      auto e = expand_iri(*active, value.get_string(), true, false, buf);
      // A keyword-like @id expands to null; keep "@id": null so that the node is known
      // to have no usable identifier (toRdf then drops triples that use it).
      result.insert_or_assign("@id", e ? json::value(json::string(*e, sp_)) : json::value(nullptr));
      return {};
    } else if (expanded_property == "@type") {
      // 13.4.4
      json::array types(sp_);
      if (value.is_string()) {
        auto e = expand_iri(*type_scoped, value.get_string(), true, true, buf);
        if (e) expanded_value = json::string(*e, sp_);
      } else if (value.is_array()) {
        if (auto r = p_.count_values(value.get_array().size()); !r) return r.error();
        for (const auto& t : value.get_array()) {
          if (!t.is_string()) return jsonld_error("invalid type value", "@type must be strings");
          auto e = expand_iri(*type_scoped, t.get_string(), true, true, buf);
          if (e) types.emplace_back(json::string(*e, sp_));
        }
        expanded_value = std::move(types);
      } else {
        return jsonld_error("invalid type value", "@type must be a string or array of strings");
      }
      // 13.4.4.5
      if (auto it = result.find("@type"); it != result.end()) {
        json::array merged = as_array(std::move(it->value()), sp_);
        if (expanded_value.is_array()) {
          for (auto& v : expanded_value.get_array()) merged.push_back(std::move(v));
        } else if (!expanded_value.is_null()) {
          merged.push_back(std::move(expanded_value));
        }
        expanded_value = std::move(merged);
      }
    } else if (expanded_property == "@graph") {
      // 13.4.5
      auto e = expand(active, std::string_view("@graph"), value, base_url, false);
      if (!e) return e.error();
      expanded_value = as_array(std::move(*e), sp_);
    } else if (expanded_property == "@included") {
      // 13.4.6
      if (p_.mode10()) return {};
      // Every item must be a map; expanding them under a non-null active property keeps
      // value and list objects (step 19 would drop them silently) so 13.4.6.3 sees them.
      if (value.is_array()) {
        for (const auto& v : value.get_array()) {
          if (!v.is_object()) return jsonld_error("invalid @included value", "not a node object");
        }
      } else if (!value.is_object()) {
        return jsonld_error("invalid @included value", "not a node object");
      }
      auto e = expand(active, std::string_view("@included"), value, base_url, false);
      if (!e) return e.error();
      json::array arr = e->is_null() ? json::array(sp_) : as_array(std::move(*e), sp_);
      for (const auto& v : arr) {
        if (!is_node_object(v)) return jsonld_error("invalid @included value", "not a node object");
      }
      if (auto it = result.find("@included"); it != result.end()) {
        json::array merged = as_array(std::move(it->value()), sp_);
        for (auto& v : arr) merged.push_back(std::move(v));
        arr = std::move(merged);
      }
      expanded_value = std::move(arr);
    } else if (expanded_property == "@value") {
      // 13.4.7
      if (input_type == "@json") {
        if (p_.mode10()) return jsonld_error("invalid value object value", "@json in 1.0 mode");
        expanded_value = json::value(value, sp_);
        result.insert_or_assign("@value", std::move(expanded_value));
        return {};
      }
      if (value.is_array() || value.is_object()) {
        return jsonld_error("invalid value object value", "@value must be a scalar or null");
      }
      expanded_value = json::value(value, sp_);
      if (expanded_value.is_null()) {
        result.insert_or_assign("@value", nullptr);
        return {};
      }
    } else if (expanded_property == "@language") {
      // 13.4.8
      if (!value.is_string()) return jsonld_error("invalid language-tagged string", "");
      expanded_value = json::string(ascii_lower(value.get_string()), sp_);
    } else if (expanded_property == "@direction") {
      // 13.4.9
      if (p_.mode10()) return {};
      if (!value.is_string() || (value.get_string() != "ltr" && value.get_string() != "rtl")) {
        return jsonld_error("invalid base direction", "");
      }
      expanded_value = json::value(value, sp_);
    } else if (expanded_property == "@index") {
      // 13.4.10
      if (!value.is_string()) return jsonld_error("invalid @index value", "");
      expanded_value = json::value(value, sp_);
    } else if (expanded_property == "@list") {
      // 13.4.11
      if (is_null_or_graph(active_property)) return {};
      if (value.is_array() && value.get_array().size() > p_.opts.limits.max_list_items) {
        return Error("jsonld.max_list_items",
                     "list longer than the configured limit (" +
                         std::to_string(p_.opts.limits.max_list_items) + " items)");
      }
      auto e = expand(active, active_property, value, base_url, false);
      if (!e) return e.error();
      expanded_value = e->is_null() ? json::value(json::array(sp_)) : json::value(as_array(std::move(*e), sp_));
    } else if (expanded_property == "@set") {
      // 13.4.12
      auto e = expand(active, active_property, value, base_url, false);
      if (!e) return e.error();
      expanded_value = std::move(*e);
    } else if (expanded_property == "@reverse") {
      // 13.4.13
      if (!value.is_object()) return jsonld_error("invalid @reverse value", "must be an object");
      auto e = expand(active, std::string_view("@reverse"), value, base_url, false);
      if (!e) return e.error();
      if (!e->is_object()) return {};
      json::object& ev = e->get_object();
      // 13.4.13.3
      if (auto rit = ev.find("@reverse"); rit != ev.end()) {
        for (auto& kv : rit->value().get_object()) {
          add_value(result, kv.key(), std::move(kv.value()));
        }
      }
      // 13.4.13.4
      bool other = false;
      for (const auto& kv : ev) other = other || kv.key() != "@reverse";
      if (other) {
        auto rm = result.find("@reverse");
        if (rm == result.end()) {
          result.emplace("@reverse", json::object(sp_));
          rm = result.find("@reverse");
        }
        json::object& reverse_map = rm->value().get_object();
        for (auto& kv : ev) {
          if (kv.key() == "@reverse") continue;
          for (auto& item : kv.value().get_array()) {
            if (is_value_object(item) || is_list_object(item)) {
              return jsonld_error("invalid reverse property value", "");
            }
            add_value(reverse_map, kv.key(), std::move(item));
          }
        }
      }
      return {};
    } else if (expanded_property == "@nest") {
      // 13.4.14
      nests.push_back(key);
      return {};
    } else {
      // Framing keywords and @context-like keywords are not expected here.
      return {};
    }
    // 13.4.16
    if (!expanded_value.is_null() || (expanded_property == "@value" && input_type == "@json")) {
      result.insert_or_assign(expanded_property, std::move(expanded_value));
    }
    return {};
  }

  // 13.5
  const TermDefinition* def = active->find(key);
  const std::uint8_t container = def ? def->container : 0;
  json::value expanded_value(sp_);
  if (def && def->type && *def->type == "@json") {
    // 13.6
    json::object o(sp_);
    o.emplace("@value", json::value(value, sp_));
    o.emplace("@type", "@json");
    expanded_value = std::move(o);
  } else if ((container & kLanguage) && value.is_object()) {
    // 13.7
    json::array arr(sp_);
    const std::optional<std::string>* direction = &active->default_direction;
    if (def->direction) direction = &*def->direction;
    for (const auto& lv : value.get_object()) {
      std::string_view language = lv.key();
      const json::value* items = &lv.value();
      std::size_t count = 1;
      if (lv.value().is_array()) {
        items = lv.value().get_array().data();
        count = lv.value().get_array().size();
      }
      std::string lbuf;
      auto el = expand_iri(*active, language, false, true, lbuf);
      const bool none = language == "@none" || (el && *el == "@none");
      for (std::size_t i = 0; i < count; ++i) {
        const json::value& item = items[i];
        if (item.is_null()) continue;
        if (!item.is_string()) return jsonld_error("invalid language map value", std::string(language));
        if (auto r = p_.count_values(1); !r) return r.error();
        json::object v(sp_);
        v.emplace("@value", item);
        if (!none) v.emplace("@language", ascii_lower(language));
        if (*direction) v.emplace("@direction", **direction);
        arr.push_back(std::move(v));
      }
    }
    expanded_value = std::move(arr);
  } else if ((container & (kIndex | kType | kId)) && value.is_object()) {
    // 13.8
    json::array arr(sp_);
    std::string_view index_key = def->index ? std::string_view(*def->index) : "@index";
    TermPtr def_keep = active->terms.get(key);
    for (const auto& iv : value.get_object()) {
      std::string_view index = iv.key();
      // 13.8.3.1-3
      CtxPtr map_context = active;
      if ((container & (kId | kType)) && active->previous) map_context = active->previous;
      if (container & kType) {
        if (TermPtr keep = map_context->terms.get(index); keep && keep->context) {
          auto c = process_scoped_context(p_, map_context, *keep, false, true, map_context->cacheable);
          if (!c) return at_path(c.error(), index);
          map_context = std::move(*c);
        }
      } else if (!(container & kId)) {
        map_context = active;
      }
      // 13.8.3.4
      std::string ibuf;
      auto ei = expand_iri(*active, index, false, true, ibuf);
      std::string expanded_index = ei ? std::string(*ei) : std::string();
      const bool index_none = ei && *ei == "@none";
      // 13.8.3.5/6
      auto ev = expand(map_context, key, iv.value(), base_url, true);
      if (!ev) return at_path(ev.error(), index);
      json::array items = ev->is_null() ? json::array(sp_) : as_array(std::move(*ev), sp_);
      // 13.8.3.7
      for (auto& item : items) {
        // 13.8.3.7.1
        if ((container & kGraph) && !is_graph_object(item)) {
          json::object g(sp_);
          g.emplace("@graph", as_array(std::move(item), sp_));
          item = std::move(g);
        }
        if ((container & kIndex) && index_key != "@index" && !index_none) {
          // 13.8.3.7.2
          const TermDefinition* idef = active->find(index_key);
          auto re = value_expansion(*active, idef, json::value(json::string(index, sp_), sp_));
          if (!re) return re.error();
          std::string kbuf;
          auto eik = expand_iri(*active, index_key, false, true, kbuf);
          if (!eik) continue;
          if (is_value_object(item)) {
            return jsonld_error("invalid value object", "property-valued index on a value");
          }
          json::object& io = item.get_object();
          json::array values(sp_);
          values.push_back(std::move(*re));
          if (auto ex = io.find(*eik); ex != io.end()) {
            json::array old = as_array(std::move(ex->value()), sp_);
            for (auto& v : old) values.push_back(std::move(v));
          }
          io.insert_or_assign(*eik, std::move(values));
        } else if ((container & kIndex) && item.is_object() && !item.get_object().contains("@index") &&
                   !index_none) {
          // 13.8.3.7.3
          item.get_object().emplace("@index", index);
        } else if ((container & kId) && item.is_object() && !item.get_object().contains("@id") &&
                   !index_none) {
          // 13.8.3.7.4
          std::string dbuf;
          auto eid = expand_iri(*active, index, true, false, dbuf);
          if (eid) item.get_object().emplace("@id", *eid);
        } else if ((container & kType) && item.is_object() && !index_none) {
          // 13.8.3.7.5
          json::array types(sp_);
          types.emplace_back(json::string(expanded_index, sp_));
          if (auto ex = item.get_object().find("@type"); ex != item.get_object().end()) {
            json::array old = as_array(std::move(ex->value()), sp_);
            for (auto& v : old) types.push_back(std::move(v));
          }
          item.get_object().insert_or_assign("@type", std::move(types));
        }
        // 13.8.3.7.6
        arr.push_back(std::move(item));
      }
    }
    expanded_value = std::move(arr);
  } else {
    // 13.9
    if ((container & kList) && value.is_array() &&
        value.get_array().size() > p_.opts.limits.max_list_items) {
      return Error("jsonld.max_list_items",
                   "list longer than the configured limit (" +
                       std::to_string(p_.opts.limits.max_list_items) + " items)");
    }
    auto e = expand(active, key, value, base_url, false);
    if (!e) return e.error();
    expanded_value = std::move(*e);
  }
  // 13.10
  if (expanded_value.is_null()) return {};
  // 13.11
  if ((container & kList) && !is_list_object(expanded_value)) {
    json::object l(sp_);
    l.emplace("@list", as_array(std::move(expanded_value), sp_));
    expanded_value = std::move(l);
  }
  // 13.12
  if ((container & kGraph) && !(container & (kId | kIndex))) {
    json::array arr(sp_);
    for (auto& ev : as_array(std::move(expanded_value), sp_)) {
      json::object g(sp_);
      g.emplace("@graph", as_array(std::move(ev), sp_));
      arr.push_back(std::move(g));
    }
    expanded_value = std::move(arr);
  }
  // 13.13
  if (def && def->reverse) {
    auto rm = result.find("@reverse");
    if (rm == result.end()) {
      result.emplace("@reverse", json::object(sp_));
      rm = result.find("@reverse");
    }
    json::object& reverse_map = rm->value().get_object();
    for (auto& item : as_array(std::move(expanded_value), sp_)) {
      if (is_value_object(item) || is_list_object(item)) {
        return jsonld_error("invalid reverse property value", std::string(key));
      }
      add_value(reverse_map, expanded_property, std::move(item));
    }
    return {};
  }
  // 13.14
  add_value(result, expanded_property, std::move(expanded_value));
  return {};
}

}  // namespace

Result<json::value> expand_document(Processor& p, const json::value& doc, json::storage_ptr sp) {
  // §9.1 expand(): steps 5-8.
  CtxPtr active = initial_context(p);
  std::optional<std::string> base_url;
  if (!p.opts.base.empty()) base_url = p.opts.base;
  if (p.opts.expand_context) {
    const json::value* ec = p.opts.expand_context;
    if (ec->is_object() && ec->get_object().contains("@context")) ec = &ec->get_object().at("@context");
    auto ctx = process_context(p, active, *ec, active->original_base_url);
    if (!ctx) return ctx.error();
    active = std::move(*ctx);
  }
  Expander ex(p, sp);
  auto r = ex.expand(active, std::nullopt, doc, base_url, false);
  if (!r) return r.error();
  json::value out = std::move(*r);
  // 8.1
  if (out.is_object() && out.get_object().size() == 1 && out.get_object().contains("@graph")) {
    json::value g = std::move(out.get_object().at("@graph"));
    out = std::move(g);
  }
  // 8.2/8.3
  if (out.is_null()) return json::value(json::array(sp));
  if (!out.is_array()) {
    json::array a(sp);
    a.push_back(std::move(out));
    return json::value(std::move(a));
  }
  return out;
}

}  // namespace ecusson::rdf::detail

namespace ecusson::rdf {

Result<boost::json::value> expand(const boost::json::value& doc, const JsonLdOptions& options) {
  detail::Processor p(options);
  return detail::expand_document(p, doc, {});
}

}  // namespace ecusson::rdf
