// JSON-LD 1.1 Context Processing (§4.1), Create Term Definition (§4.2) and IRI Expansion
// (§5.2). Step numbers in comments refer to the algorithms of the JSON-LD 1.1 API spec.
#include <algorithm>
#include <bit>

#include "jsonld_internal.h"

namespace ecusson::rdf::detail {
namespace {

constexpr std::uint8_t kFlagOverride = 1, kFlagPropagateFalse = 2, kFlagNoValidate = 4;

using Defined = std::unordered_map<std::string_view, bool>;

struct DepthGuard {
  explicit DepthGuard(Processor& p) : p_(p) { ++p_.depth; }
  ~DepthGuard() { --p_.depth; }
  bool exceeded() const { return p_.depth > p_.opts.limits.max_depth; }
  Processor& p_;
};

Error depth_error() {
  return Error("jsonld.max_depth", "nesting deeper than the configured limit (max_depth)");
}

bool is_gen_delim(char c) {
  return c == ':' || c == '/' || c == '?' || c == '#' || c == '[' || c == ']' || c == '@';
}

/// What Create Term Definition needs besides the context being built.
struct TermEnv {
  const json::object* local;
  Defined* defined;
  const std::optional<std::string>* base_url;
  bool protected_default;
  bool override_protected;
  const std::vector<std::string>* remote;
  bool validate_scoped;
};

Result<void> create_term_definition(Processor& p, ActiveContext& ctx, std::string_view term,
                                    TermEnv& env);

Result<CtxPtr> process_impl(Processor& p, const CtxPtr& active, const json::value& local_context,
                            const std::optional<std::string>& base_url,
                            std::vector<std::string> remote, bool override_protected,
                            bool propagate, bool validate_scoped, bool local_cacheable);

// IRI Expansion during context processing (§5.2 with local context and defined).
Result<std::optional<std::string>> cp_expand_iri(Processor& p, ActiveContext& ctx,
                                                 std::string_view value, bool document_relative,
                                                 bool vocab, TermEnv* env) {
  // 1.
  if (is_keyword(value)) return std::optional<std::string>(std::string(value));
  // 2.
  if (has_keyword_form(value)) return std::optional<std::string>();
  // 3.
  if (env) {
    if (env->local->contains(value)) {
      auto d = env->defined->find(value);
      if (d == env->defined->end() || !d->second) {
        if (auto r = create_term_definition(p, ctx, value, *env); !r) return r.error();
      }
    }
  }
  const TermDefinition* def = ctx.find(value);
  // 4.
  if (def && def->has_iri && is_keyword(def->iri)) return std::optional<std::string>(def->iri);
  // 5.
  if (vocab && def) {
    if (!def->has_iri) return std::optional<std::string>();
    return std::optional<std::string>(def->iri);
  }
  // 6.
  std::size_t colon = value.find(':', 1);
  if (colon != std::string_view::npos) {
    std::string_view prefix = value.substr(0, colon);
    std::string_view suffix = value.substr(colon + 1);
    // 6.2
    if (prefix == "_" || suffix.starts_with("//")) {
      return std::optional<std::string>(std::string(value));
    }
    // 6.3
    if (env && env->local->contains(prefix)) {
      auto d = env->defined->find(prefix);
      if (d == env->defined->end() || !d->second) {
        if (auto r = create_term_definition(p, ctx, prefix, *env); !r) return r.error();
      }
    }
    // 6.4
    const TermDefinition* pdef = ctx.find(prefix);
    if (pdef && pdef->has_iri && pdef->prefix) {
      std::string out = pdef->iri;
      out.append(suffix);
      return std::optional<std::string>(std::move(out));
    }
    // 6.5
    if (is_absolute_iri(value)) return std::optional<std::string>(std::string(value));
  }
  // 7.
  if (vocab && ctx.vocab) return std::optional<std::string>(*ctx.vocab + std::string(value));
  // 8.
  if (document_relative && ctx.base_iri) {
    return std::optional<std::string>(resolve_iri(*ctx.base_iri, value));
  }
  // 9.
  return std::optional<std::string>(std::string(value));
}

bool valid_iri_or_bnode(std::string_view s) { return is_absolute_iri(s) || is_blank_node_id(s); }

// §4.2 step 19.1: the allowed container combinations.
Result<std::uint8_t> parse_container(Processor& p, const json::value& v) {
  auto bit = [](std::string_view s) -> std::uint8_t {
    if (s == "@graph") return kGraph;
    if (s == "@id") return kId;
    if (s == "@index") return kIndex;
    if (s == "@language") return kLanguage;
    if (s == "@list") return kList;
    if (s == "@set") return kSet;
    if (s == "@type") return kType;
    return 0;
  };
  auto bad = [] { return jsonld_error("invalid container mapping", "unsupported @container"); };
  std::uint8_t mask = 0;
  if (v.is_null()) return std::uint8_t{0};
  if (v.is_string()) {
    mask = bit(v.get_string());
    if (!mask) return bad();
    // 19.2
    if (p.mode10() && (mask & (kGraph | kId | kType))) return bad();
    return mask;
  }
  if (!v.is_array()) return bad();
  if (p.mode10()) return bad();
  for (const auto& e : v.get_array()) {
    if (!e.is_string()) return bad();
    std::uint8_t b = bit(e.get_string());
    if (!b || (mask & b)) return bad();
    mask |= b;
  }
  if (std::popcount(mask) <= 1) return mask;
  if (mask & kList) return bad();
  if ((mask & kId) && (mask & kIndex)) return bad();
  if ((mask & kGraph) && (mask & (kType | kLanguage))) return bad();
  if (!(mask & (kSet | kGraph))) return bad();
  if ((mask & kType) && (mask & (kLanguage | kIndex | kId))) return bad();
  if ((mask & kLanguage) && (mask & (kIndex | kId))) return bad();
  return mask;
}

// §4.2 Create Term Definition.
Result<void> create_term_definition(Processor& p, ActiveContext& ctx, std::string_view term,
                                    TermEnv& env) {
  DepthGuard guard(p);
  if (guard.exceeded()) return depth_error();
  if (auto r = p.charge_context(1); !r) return r.error();
  Defined& defined = *env.defined;
  // 1.
  if (auto d = defined.find(term); d != defined.end()) {
    if (d->second) return {};
    return jsonld_error("cyclic IRI mapping", std::string(term));
  }
  // 2.
  if (term.empty()) return jsonld_error("invalid term definition", "empty term");
  defined[term] = false;
  // 3.
  const json::value& raw = env.local->at(term);
  // 4./5.
  if (term == "@type") {
    if (p.mode10()) return jsonld_error("keyword redefinition", "@type");
    if (!raw.is_object()) return jsonld_error("keyword redefinition", "@type");
    const auto& o = raw.get_object();
    if (o.empty()) return jsonld_error("keyword redefinition", "@type");
    for (const auto& kv : o) {
      if (kv.key() == "@container") {
        if (!(kv.value().is_string() && kv.value().get_string() == "@set")) {
          return jsonld_error("keyword redefinition", "@type");
        }
      } else if (kv.key() != "@protected") {
        return jsonld_error("keyword redefinition", "@type");
      }
    }
  } else if (is_keyword(term)) {
    return jsonld_error("keyword redefinition", std::string(term));
  } else if (has_keyword_form(term)) {
    defined[term] = true;  // ignored (reserved form); SHOULD warn
    return {};
  }
  // 6.
  TermPtr previous = ctx.terms.take(term);
  // 7.-9.
  json::object converted;
  const json::object* value = nullptr;
  bool simple_term = false;
  if (raw.is_null()) {
    converted.emplace("@id", nullptr);
    value = &converted;
  } else if (raw.is_string()) {
    converted.emplace("@id", raw);
    value = &converted;
    simple_term = true;
  } else if (raw.is_object()) {
    value = &raw.get_object();
  } else {
    return jsonld_error("invalid term definition", std::string(term));
  }
  // 25.1 checked early: a compact-IRI-like or relative term can never be a prefix (and
  // expanding it below would otherwise recurse into its own definition).
  if (auto it = value->find("@prefix"); it != value->end() &&
      (term.find(':') != std::string_view::npos || term.find('/') != std::string_view::npos)) {
    return jsonld_error("invalid term definition", "@prefix on " + std::string(term));
  }
  // 10.
  auto def = std::make_shared<TermDefinition>();
  def->protected_ = env.protected_default;
  // 11.
  if (auto it = value->find("@protected"); it != value->end()) {
    if (p.mode10()) return jsonld_error("invalid term definition", "@protected in 1.0 mode");
    if (!it->value().is_bool()) return jsonld_error("invalid @protected value", std::string(term));
    def->protected_ = it->value().get_bool();
  }
  // 12.
  if (auto it = value->find("@type"); it != value->end()) {
    if (!it->value().is_string()) return jsonld_error("invalid type mapping", std::string(term));
    auto type = cp_expand_iri(p, ctx, it->value().get_string(), false, true, &env);
    if (!type) return type.error();
    if (!*type) return jsonld_error("invalid type mapping", std::string(term));
    const std::string& t = **type;
    if ((t == "@json" || t == "@none") && p.mode10()) {
      return jsonld_error("invalid type mapping", t);
    }
    if (!(t == "@id" || t == "@json" || t == "@none" || t == "@vocab" ||
          (is_absolute_iri(t) && !is_blank_node_id(t)))) {
      return jsonld_error("invalid type mapping", t);
    }
    def->type = t;
  }
  // 13.
  if (auto it = value->find("@reverse"); it != value->end()) {
    if (value->contains("@id") || value->contains("@nest")) {
      return jsonld_error("invalid reverse property", std::string(term));
    }
    if (!it->value().is_string()) return jsonld_error("invalid IRI mapping", std::string(term));
    std::string_view rv = it->value().get_string();
    if (has_keyword_form(rv)) {
      defined[term] = true;
      return {};
    }
    auto iri = cp_expand_iri(p, ctx, rv, false, true, &env);
    if (!iri) return iri.error();
    if (!*iri || !valid_iri_or_bnode(**iri)) {
      return jsonld_error("invalid IRI mapping", std::string(term));
    }
    def->iri = std::move(**iri);
    def->has_iri = true;
    if (auto c = value->find("@container"); c != value->end()) {
      const json::value& cv = c->value();
      if (cv.is_null()) {
      } else if (cv.is_string() && (cv.get_string() == "@set" || cv.get_string() == "@index")) {
        def->has_container = true;
        def->container = cv.get_string() == "@set" ? kSet : kIndex;
      } else {
        return jsonld_error("invalid reverse property", "container must be @set or @index");
      }
    }
    def->reverse = true;
    ctx.terms.set(term, std::move(def));
    defined[term] = true;
    return {};
  }
  // 14.
  auto id_it = value->find("@id");
  if (id_it != value->end() &&
      !(id_it->value().is_string() && id_it->value().get_string() == term)) {
    const json::value& idv = id_it->value();
    if (idv.is_null()) {
      // 14.1
      def->has_iri = false;
    } else {
      // 14.2.1
      if (!idv.is_string()) return jsonld_error("invalid IRI mapping", std::string(term));
      std::string_view id = idv.get_string();
      // 14.2.2
      if (!is_keyword(id) && has_keyword_form(id)) {
        defined[term] = true;
        return {};
      }
      // 14.2.3
      auto iri = cp_expand_iri(p, ctx, id, false, true, &env);
      if (!iri) return iri.error();
      if (!*iri || !(is_keyword(**iri) || valid_iri_or_bnode(**iri))) {
        return jsonld_error("invalid IRI mapping", std::string(term));
      }
      if (**iri == "@context") return jsonld_error("invalid keyword alias", std::string(term));
      def->iri = std::move(**iri);
      def->has_iri = true;
      // 14.2.4
      std::size_t colon = term.find(':', 1);
      bool inner_colon = colon != std::string_view::npos && colon + 1 < term.size();
      if (inner_colon || term.find('/') != std::string_view::npos) {
        defined[term] = true;
        auto again = cp_expand_iri(p, ctx, term, false, true, &env);
        if (!again) return again.error();
        if (!*again || **again != def->iri) {
          return jsonld_error("invalid IRI mapping", std::string(term) + " does not expand to its @id");
        }
      }
      // 14.2.5
      if (term.find(':') == std::string_view::npos && term.find('/') == std::string_view::npos &&
          simple_term &&
          ((!def->iri.empty() && is_gen_delim(def->iri.back())) || is_blank_node_id(def->iri))) {
        def->prefix = true;
      }
    }
  } else if (std::size_t colon = term.find(':', 1); colon != std::string_view::npos) {
    // 15.
    std::string_view prefix = term.substr(0, colon);
    std::string_view suffix = term.substr(colon + 1);
    if (env.local->contains(prefix)) {
      if (auto r = create_term_definition(p, ctx, prefix, env); !r) return r;
    }
    const TermDefinition* pdef = ctx.find(prefix);
    if (pdef && pdef->has_iri) {
      def->iri = pdef->iri;
      def->iri.append(suffix);
    } else {
      def->iri = std::string(term);
    }
    def->has_iri = true;
  } else if (term.find('/') != std::string_view::npos) {
    // 16.
    auto iri = cp_expand_iri(p, ctx, term, false, true, &env);
    if (!iri) return iri.error();
    if (!*iri || !is_absolute_iri(**iri)) {
      return jsonld_error("invalid IRI mapping", std::string(term));
    }
    def->iri = std::move(**iri);
    def->has_iri = true;
  } else if (term == "@type") {
    // 17.
    def->iri = "@type";
    def->has_iri = true;
  } else if (ctx.vocab) {
    // 18.
    def->iri = *ctx.vocab + std::string(term);
    def->has_iri = true;
  } else {
    return jsonld_error("invalid IRI mapping", "no @vocab to define " + std::string(term));
  }
  // 19.
  if (auto it = value->find("@container"); it != value->end()) {
    auto mask = parse_container(p, it->value());
    if (!mask) return mask.error();
    def->container = *mask;
    def->has_container = !it->value().is_null();
    if (def->container & kType) {
      if (!def->type) def->type = "@id";
      if (*def->type != "@id" && *def->type != "@vocab") {
        return jsonld_error("invalid type mapping", "@type container needs @id or @vocab");
      }
    }
  }
  // 20.
  if (auto it = value->find("@index"); it != value->end()) {
    if (p.mode10() || !(def->container & kIndex)) {
      return jsonld_error("invalid term definition", "@index without @index container");
    }
    if (!it->value().is_string()) return jsonld_error("invalid term definition", "@index");
    std::string_view idx = it->value().get_string();
    auto e = cp_expand_iri(p, ctx, idx, false, true, &env);
    if (!e) return e.error();
    if (!*e || !is_absolute_iri(**e) || idx.starts_with("@")) {
      return jsonld_error("invalid term definition", "@index must expand to an IRI");
    }
    def->index = std::string(idx);
  }
  // 21.
  if (auto it = value->find("@context"); it != value->end()) {
    if (p.mode10()) return jsonld_error("invalid term definition", "@context in 1.0 mode");
    // 21.3: validate now (result discarded). The snapshot shares ctx's terms (TermTable):
    // O(1), and ctx goes on changing its own layer in place once the snapshot is gone.
    ActiveContext snapshot = ctx;
    snapshot.cacheable = false;  // a throw-away context must not enter the shared cache
    auto snap = std::make_shared<const ActiveContext>(std::move(snapshot));
    auto r = process_impl(p, snap, it->value(), *env.base_url, *env.remote, true, true, false,
                          false);
    if (!r) {
      const std::string& c = r.error().code;
      if (!c.starts_with("jsonld.") || c == "jsonld.loading_remote_context_failed" ||
          c == "jsonld.max_depth" || c == "jsonld.context_overflow" ||
          c == "jsonld.context_too_large" ||
          c == "jsonld.recursive_context_inclusion") {
        return r.error();
      }
      return jsonld_error("invalid scoped context", r.error().message);
    }
    // 21.4
    def->context = std::make_shared<const json::value>(it->value());
    def->base_url = *env.base_url;
  }
  // 22.
  if (value->contains("@language") && !value->contains("@type")) {
    const json::value& lv = value->at("@language");
    if (lv.is_null()) {
      def->language = std::optional<std::string>();
    } else if (lv.is_string()) {
      def->language = std::optional<std::string>(ascii_lower(lv.get_string()));
    } else {
      return jsonld_error("invalid language mapping", std::string(term));
    }
  }
  // 23.
  if (value->contains("@direction") && !value->contains("@type")) {
    const json::value& dv = value->at("@direction");
    if (dv.is_null()) {
      def->direction = std::optional<std::string>();
    } else if (dv.is_string() && (dv.get_string() == "ltr" || dv.get_string() == "rtl")) {
      def->direction = std::optional<std::string>(std::string(dv.get_string()));
    } else {
      return jsonld_error("invalid base direction", std::string(term));
    }
  }
  // 24.
  if (auto it = value->find("@nest"); it != value->end()) {
    if (p.mode10()) return jsonld_error("invalid term definition", "@nest in 1.0 mode");
    if (!it->value().is_string() ||
        (is_keyword(it->value().get_string()) && it->value().get_string() != "@nest")) {
      return jsonld_error("invalid @nest value", std::string(term));
    }
    def->nest = std::string(it->value().get_string());
  }
  // 25.
  if (auto it = value->find("@prefix"); it != value->end()) {
    if (p.mode10() || term.find(':') != std::string_view::npos ||
        term.find('/') != std::string_view::npos) {
      return jsonld_error("invalid term definition", "@prefix on " + std::string(term));
    }
    if (!it->value().is_bool()) return jsonld_error("invalid @prefix value", std::string(term));
    def->prefix = it->value().get_bool();
    if (def->prefix && def->has_iri && is_keyword(def->iri)) {
      return jsonld_error("invalid term definition", "keyword alias cannot be a prefix");
    }
  }
  // 26.
  for (const auto& kv : *value) {
    std::string_view k = kv.key();
    if (!(k == "@id" || k == "@reverse" || k == "@container" || k == "@context" ||
          k == "@direction" || k == "@index" || k == "@language" || k == "@nest" ||
          k == "@prefix" || k == "@protected" || k == "@type")) {
      return jsonld_error("invalid term definition", std::string(term) + ": " + std::string(k));
    }
  }
  // 27.
  TermPtr final_def = std::move(def);
  if (!env.override_protected && previous && previous->protected_) {
    if (!final_def->same_as(*previous)) {
      return jsonld_error("protected term redefinition", std::string(term));
    }
    final_def = previous;
  }
  // 28.
  ctx.terms.set(term, std::move(final_def));
  defined[term] = true;
  return {};
}

Error loader_error(Error e, std::string_view url) {
  // The loader's code passes through (structure.context for unbundled contexts).
  if (e.message.find(url) == std::string::npos) {
    e.message += " (";
    e.message.append(url);
    e.message += ")";
  }
  e.where.clear();
  return e;
}

// §4.1 step 5.2 for one URL, through the caches.
Result<CtxPtr> process_remote(Processor& p, const CtxPtr& result, std::string_view ref,
                              const std::optional<std::string>& base_url,
                              std::vector<std::string>& remote, bool override_protected,
                              bool validate_scoped, bool* skipped) {
  *skipped = false;
  // 5.2.1
  std::string url;
  if (base_url && is_absolute_iri(*base_url)) {
    url = resolve_iri(*base_url, ref);
  } else if (is_absolute_iri(ref)) {
    url = std::string(ref);
  } else {
    return jsonld_error("loading document failed", "relative context URL without base: " + std::string(ref));
  }
  // 5.2.2
  if (!validate_scoped && std::find(remote.begin(), remote.end(), url) != remote.end()) {
    *skipped = true;
    return result;
  }
  if (std::find(remote.begin(), remote.end(), url) != remote.end()) {
    return jsonld_error("recursive context inclusion", url);
  }
  // 5.2.3
  if (remote.size() >= p.opts.limits.max_remote_contexts) {
    return Error("jsonld.context_overflow",
                 "context overflow: more than " + std::to_string(p.opts.limits.max_remote_contexts) +
                     " nested remote contexts (" + url + ")");
  }
  remote.push_back(url);
  CacheKey key{result.get(), nullptr, url,
               static_cast<std::uint8_t>((override_protected ? kFlagOverride : 0) |
                                         (validate_scoped ? 0 : kFlagNoValidate))};
  const bool global = result->cacheable && p.global;
  // Validating a scoped context (§4.2 step 21.3) works on a throw-away snapshot of the
  // context being built: an entry would keep the snapshot, and so its terms' layer, alive.
  const bool local = !global && validate_scoped;
  if (global) {
    if (CtxPtr hit = p.global->find(key)) return hit;
  } else if (const CacheEntry* e = local ? p.local.find(key) : nullptr) {
    return e->result;
  }
  // 5.2.4/5.2.5
  if (!p.opts.loader) {
    return jsonld_error("loading remote context failed", "no document loader: " + url);
  }
  auto doc = p.opts.loader->load(url);
  if (!doc) return loader_error(doc.error(), url);
  const json::value& d = *doc->document;
  // 5.2.5.2
  if (!d.is_object() || !d.get_object().contains("@context")) {
    return jsonld_error("invalid remote context", url);
  }
  // 5.2.6
  auto r = process_impl(p, result, d.get_object().at("@context"), doc->document_url, remote,
                        override_protected, true, validate_scoped, true);
  if (!r) return r.error();
  CacheEntry entry{*r, result, nullptr};
  // Keep the document alive as long as the entry: results may hold views into nothing of
  // it (definitions copy their scoped contexts), so this is only belt and braces.
  if (global) return p.global->insert(std::move(key), std::move(entry));
  if (local) p.local.insert(std::move(key), std::move(entry));
  return *r;
}

// §4.1 Context Processing.
Result<CtxPtr> process_impl(Processor& p, const CtxPtr& active, const json::value& local_context,
                            const std::optional<std::string>& base_url,
                            std::vector<std::string> remote, bool override_protected,
                            bool propagate, bool validate_scoped, bool local_cacheable) {
  DepthGuard guard(p);
  if (guard.exceeded()) return depth_error();
  if (auto r = p.charge_context(1); !r) return r.error();
  // 1. result is shared until it must change (copy on write; the copy shares the terms
  // too, see TermTable).
  CtxPtr result = active;
  std::shared_ptr<ActiveContext> mut;
  bool cacheable = active->cacheable && local_cacheable;
  auto make_mut = [&]() -> ActiveContext& {
    if (!mut) {
      mut = std::make_shared<ActiveContext>(*result);
      mut->cacheable = false;  // set at step 6 once complete
      result = mut;
    }
    return *mut;
  };
  // 2.
  if (local_context.is_object()) {
    if (auto it = local_context.get_object().find("@propagate");
        it != local_context.get_object().end() && it->value().is_bool()) {
      propagate = it->value().get_bool();
    }
  }
  // 3.
  if (!propagate && !result->previous) make_mut().previous = active;
  // 4.
  const json::value* items = &local_context;
  std::size_t count = 1;
  if (local_context.is_array()) {
    items = local_context.get_array().data();
    count = local_context.get_array().size();
  }
  // 5.
  for (std::size_t i = 0; i < count; ++i) {
    const json::value& context = items[i];
    auto with_index = [&](Error e) {
      return local_context.is_array() ? at_index(std::move(e), i) : std::move(e);
    };
    // 5.1
    if (context.is_null()) {
      if (!override_protected && result->terms.protected_count() > 0) {
        return with_index(jsonld_error("invalid context nullification",
                                       "a context with protected terms cannot be set to null"));
      }
      auto fresh = std::make_shared<ActiveContext>();
      fresh->base_iri = active->original_base_url;
      fresh->original_base_url = active->original_base_url;
      if (!propagate) fresh->previous = result;
      mut = fresh;
      result = fresh;
      continue;
    }
    // 5.2
    if (context.is_string()) {
      bool skipped = false;
      std::vector<std::string> stack = remote;
      auto r = process_remote(p, result, context.get_string(), base_url, stack,
                              override_protected, validate_scoped, &skipped);
      if (!r) return with_index(r.error());
      if (!skipped) {
        result = *r;
        mut.reset();
        if (!result->cacheable) cacheable = false;
      }
      continue;
    }
    // 5.3
    if (!context.is_object()) {
      return with_index(jsonld_error("invalid local context", "a context must be an object, a string or null"));
    }
    // 5.4
    const json::object* ctxobj = &context.get_object();
    ActiveContext& res = make_mut();
    // 5.5
    if (auto it = ctxobj->find("@version"); it != ctxobj->end()) {
      const json::value& v = it->value();
      if (!(v.is_double() && v.get_double() == 1.1)) {
        return with_index(jsonld_error("invalid @version value", "must be 1.1"));
      }
      if (p.mode10()) return with_index(jsonld_error("processing mode conflict", "@version 1.1"));
    }
    // 5.6
    json::object merged;
    // An imported context counts as a remote one for its scoped contexts: an @import in a
    // scoped context of an imported context... stops at max_remote_contexts.
    std::vector<std::string> imported_remote;
    const std::vector<std::string>* term_remote = &remote;
    if (auto it = ctxobj->find("@import"); it != ctxobj->end()) {
      if (p.mode10()) return with_index(jsonld_error("invalid context entry", "@import in 1.0 mode"));
      if (!it->value().is_string()) return with_index(jsonld_error("invalid @import value", ""));
      std::string_view ref = it->value().get_string();
      std::string import_url;
      if (base_url && is_absolute_iri(*base_url)) {
        import_url = resolve_iri(*base_url, ref);
      } else {
        import_url = std::string(ref);
      }
      if (remote.size() >= p.opts.limits.max_remote_contexts) {
        return with_index(Error("jsonld.context_overflow",
                                "context overflow: more than " +
                                    std::to_string(p.opts.limits.max_remote_contexts) +
                                    " nested remote or imported contexts (" + import_url + ")"));
      }
      if (!p.opts.loader) {
        return with_index(jsonld_error("loading remote context failed", import_url));
      }
      auto doc = p.opts.loader->load(import_url);
      if (!doc) return with_index(loader_error(doc.error(), import_url));
      const json::value& d = *doc->document;
      if (!d.is_object() || !d.get_object().contains("@context") ||
          !d.get_object().at("@context").is_object()) {
        return with_index(jsonld_error("invalid remote context", import_url));
      }
      const json::object& imported = d.get_object().at("@context").get_object();
      if (imported.contains("@import")) {
        return with_index(jsonld_error("invalid context entry", "imported context has @import"));
      }
      merged = imported;
      for (const auto& kv : *ctxobj) merged.insert_or_assign(kv.key(), kv.value());
      ctxobj = &merged;
      imported_remote = remote;
      imported_remote.push_back(import_url);
      term_remote = &imported_remote;
    }
    // 5.7
    if (auto it = ctxobj->find("@base"); it != ctxobj->end() && remote.empty()) {
      const json::value& v = it->value();
      if (v.is_null()) {
        res.base_iri.reset();
      } else if (v.is_string() && is_absolute_iri(v.get_string())) {
        res.base_iri = std::string(v.get_string());
      } else if (v.is_string() && res.base_iri) {
        res.base_iri = resolve_iri(*res.base_iri, v.get_string());
      } else if (v.is_string() && v.get_string().empty()) {
        // "@base": "" with no base keeps no base.
      } else {
        return with_index(jsonld_error("invalid base IRI", ""));
      }
    }
    // 5.8
    if (auto it = ctxobj->find("@vocab"); it != ctxobj->end()) {
      const json::value& v = it->value();
      if (v.is_null()) {
        res.vocab.reset();
      } else if (v.is_string()) {
        std::string_view s = v.get_string();
        if (p.mode10() && !is_absolute_iri(s) && !is_blank_node_id(s)) {
          return with_index(jsonld_error("invalid vocab mapping", std::string(s)));
        }
        auto e = cp_expand_iri(p, res, s, true, true, nullptr);
        if (!e) return with_index(e.error());
        if (!*e || (!is_absolute_iri(**e) && !is_blank_node_id(**e) && !res.base_iri && !s.empty())) {
          return with_index(jsonld_error("invalid vocab mapping", std::string(s)));
        }
        res.vocab = std::move(**e);
      } else {
        return with_index(jsonld_error("invalid vocab mapping", "not a string"));
      }
    }
    // 5.9
    if (auto it = ctxobj->find("@language"); it != ctxobj->end()) {
      const json::value& v = it->value();
      if (v.is_null()) {
        res.default_language.reset();
      } else if (v.is_string()) {
        res.default_language = ascii_lower(v.get_string());
      } else {
        return with_index(jsonld_error("invalid default language", ""));
      }
    }
    // 5.10
    if (auto it = ctxobj->find("@direction"); it != ctxobj->end()) {
      if (p.mode10()) return with_index(jsonld_error("invalid context entry", "@direction in 1.0 mode"));
      const json::value& v = it->value();
      if (v.is_null()) {
        res.default_direction.reset();
      } else if (v.is_string() && (v.get_string() == "ltr" || v.get_string() == "rtl")) {
        res.default_direction = std::string(v.get_string());
      } else {
        return with_index(jsonld_error("invalid base direction", ""));
      }
    }
    // 5.11
    if (auto it = ctxobj->find("@propagate"); it != ctxobj->end()) {
      if (p.mode10()) return with_index(jsonld_error("invalid context entry", "@propagate in 1.0 mode"));
      if (!it->value().is_bool()) return with_index(jsonld_error("invalid @propagate value", ""));
    }
    // 5.12/5.13
    Defined defined;
    bool protected_default = false;
    if (auto it = ctxobj->find("@protected"); it != ctxobj->end()) {
      if (!it->value().is_bool()) return with_index(jsonld_error("invalid @protected value", ""));
      protected_default = it->value().get_bool();
    }
    TermEnv env{ctxobj, &defined, &base_url, protected_default, override_protected, term_remote,
                validate_scoped};
    for (const auto& kv : *ctxobj) {
      std::string_view k = kv.key();
      if (k == "@base" || k == "@direction" || k == "@import" || k == "@language" ||
          k == "@propagate" || k == "@protected" || k == "@version" || k == "@vocab") {
        continue;
      }
      if (auto r = create_term_definition(p, res, k, env); !r) {
        return with_index(at_path(r.error(), k));
      }
    }
  }
  // 6.
  if (mut) {
    mut->cacheable = cacheable;
    if (auto r = p.charge_context(mut->terms.seal()); !r) return r.error();
  }
  return result;
}

}  // namespace

// ---- public to the other translation units ---------------------------------------------

Error at_path(Error e, std::string_view segment) {
  std::string seg = "/";
  for (char c : segment) {
    if (c == '~') {
      seg += "~0";
    } else if (c == '/') {
      seg += "~1";
    } else {
      seg.push_back(c);
    }
  }
  e.where = seg + e.where;
  return e;
}

Error at_index(Error e, std::size_t index) {
  std::string w = "/";
  w.append(std::to_string(index));
  w.append(e.where);
  e.where = std::move(w);
  return e;
}

CtxPtr initial_context(Processor& p) {
  std::optional<std::string> base;
  if (!p.opts.base.empty()) base = p.opts.base;
  if (p.global) return p.global->root(base);
  auto ctx = std::make_shared<ActiveContext>();
  ctx->base_iri = base;
  ctx->original_base_url = base;
  return ctx;
}

Result<CtxPtr> process_context(Processor& p, const CtxPtr& active, const json::value& local,
                               const std::optional<std::string>& base_url) {
  return process_impl(p, active, local, base_url, {}, false, true, true, false);
}

Result<CtxPtr> process_scoped_context(Processor& p, const CtxPtr& active, const TermDefinition& def,
                                      bool override_protected, bool propagate,
                                      bool owner_cacheable) {
  CacheKey key{active.get(), def.context.get(), {},
               static_cast<std::uint8_t>((override_protected ? kFlagOverride : 0) |
                                         (propagate ? 0 : kFlagPropagateFalse))};
  const bool global = p.global && active->cacheable && owner_cacheable;
  if (global) {
    if (CtxPtr hit = p.global->find(key)) return hit;
  } else if (const CacheEntry* e = p.local.find(key)) {
    return e->result;
  }
  auto r = process_impl(p, active, *def.context, def.base_url, {}, override_protected, propagate,
                        true, owner_cacheable);
  if (!r) return r.error();
  CacheEntry entry{*r, active, def.context};
  if (global) return p.global->insert(std::move(key), std::move(entry));
  p.local.insert(std::move(key), std::move(entry));
  return *r;
}

std::optional<std::string_view> expand_iri(const ActiveContext& c, std::string_view value,
                                           bool document_relative, bool vocab, std::string& buf) {
  // 1./2.
  if (!value.empty() && value[0] == '@') {
    if (is_keyword(value)) return value;
    if (has_keyword_form(value)) return std::nullopt;
  }
  // 4./5.
  const TermDefinition* def = c.find(value);
  if (def) {
    if (def->has_iri && !def->iri.empty() && def->iri[0] == '@' && is_keyword(def->iri)) {
      return std::string_view(def->iri);
    }
    if (vocab) {
      if (!def->has_iri) return std::nullopt;
      return std::string_view(def->iri);
    }
  }
  // 6.
  std::size_t colon = value.find(':', 1);
  if (colon != std::string_view::npos) {
    std::string_view prefix = value.substr(0, colon);
    std::string_view suffix = value.substr(colon + 1);
    if (prefix == "_" || suffix.starts_with("//")) return value;
    const TermDefinition* pdef = c.find(prefix);
    if (pdef && pdef->has_iri && pdef->prefix) {
      buf.assign(pdef->iri);
      buf.append(suffix);
      return std::string_view(buf);
    }
    if (is_absolute_iri(value)) return value;
  }
  // 7.
  if (vocab && c.vocab) {
    buf.assign(*c.vocab);
    buf.append(value);
    return std::string_view(buf);
  }
  // 8.
  if (document_relative && c.base_iri) {
    buf = resolve_iri(*c.base_iri, value);
    return std::string_view(buf);
  }
  return value;
}

}  // namespace ecusson::rdf::detail
