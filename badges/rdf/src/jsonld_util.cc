// Keyword, IRI and language-tag helpers of the JSON-LD processor, and RFC 3986 §5.2
// reference resolution.
#include <algorithm>
#include <array>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "jsonld_internal.h"

namespace ecusson::rdf {

std::string jsonld_error_code(std::string_view spec_error_name) {
  std::string code = "jsonld.";
  for (char c : spec_error_name) {
    if (c == '@') continue;
    if (c == ' ' || c == '-') {
      code.push_back('_');
    } else {
      code.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
  }
  return code;
}

namespace detail {

Error jsonld_error(std::string_view spec_name, std::string_view detail, std::string where) {
  std::string msg(spec_name);
  if (!detail.empty()) {
    msg += ": ";
    msg += detail;
  }
  return Error(jsonld_error_code(spec_name), std::move(msg), std::move(where));
}

bool is_keyword(std::string_view s) {
  // Hot (every key of every node): dispatch on the length before comparing.
  if (s.size() < 3 || s[0] != '@') return false;
  switch (s.size()) {
    case 3: return s == "@id";
    case 5: return s == "@base" || s == "@json" || s == "@list" || s == "@nest" ||
                   s == "@none" || s == "@type";
    case 4: return s == "@set";
    case 6: return s == "@embed" || s == "@graph" || s == "@index" || s == "@value" ||
                   s == "@vocab";
    case 7: return s == "@import" || s == "@prefix";
    case 8: return s == "@context" || s == "@default" || s == "@reverse" || s == "@version";
    case 9: return s == "@explicit" || s == "@included" || s == "@language" ||
                   s == "@preserve";
    case 10: return s == "@container" || s == "@direction" || s == "@propagate" ||
                    s == "@protected";
    case 11: return s == "@requireAll";
    case 12: return s == "@omitDefault";
    default: return false;
  }
}

bool has_keyword_form(std::string_view s) {
  if (s.size() < 2 || s[0] != '@') return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

bool is_absolute_iri(std::string_view s) {
  if (s.empty()) return false;
  char c0 = s[0];
  if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z'))) return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == ':') return true;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '+' || c == '-' || c == '.')) {
      return false;
    }
  }
  return false;
}

namespace {
// Characters RFC 3987 never allows in an IRI: controls, space, <>"{}|\^` and DEL.
struct IriForbidden {
  bool table[256] = {};
  constexpr IriForbidden() {
    for (int c = 0; c <= 0x20; ++c) table[c] = true;
    for (unsigned char c : std::string_view("<>\"{}|\\^`")) table[c] = true;
    table[0x7F] = true;
  }
};
constexpr IriForbidden kIriForbidden;
}  // namespace

bool is_well_formed_iri(std::string_view s) {
  if (!is_absolute_iri(s)) return false;
  int hashes = 0;  // a fragment cannot contain '#' (RFC 3987 ifragment)
  std::size_t i = 0;
#if defined(__SSE2__)
  // Hot in toRdf (every subject, predicate, object and datatype): 16 bytes at a time.
  const __m128i space = _mm_set1_epi8(0x20);
  for (; i + 16 <= s.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // Bytes 0x00-0x20 (as unsigned): min(v, 0x20) == v.
    __m128i bad = _mm_cmpeq_epi8(_mm_min_epu8(v, space), v);
    for (char c : {'<', '>', '"', '{', '}', '|', '\\', '^', '`', '\x7f'}) {
      bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
    }
    if (_mm_movemask_epi8(bad) != 0) return false;
    unsigned h = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('#'))));
    hashes += (h != 0) + ((h & (h - 1)) != 0);  // 0, 1 or "2 or more" (no popcnt needed)
  }
#endif
  for (; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (kIriForbidden.table[c]) return false;
    hashes += c == '#';
  }
  return hashes <= 1;
}

bool is_well_formed_language(std::string_view s) {
  // BCP47 simplified: 1*8ALPHA *("-" 1*8alphanum)
  std::size_t i = 0, n = s.size();
  std::size_t len = 0;
  bool first = true;
  if (n == 0) return false;
  for (; i <= n; ++i) {
    if (i == n || s[i] == '-') {
      if (len == 0 || len > 8) return false;
      len = 0;
      first = false;
      continue;
    }
    char c = s[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool digit = c >= '0' && c <= '9';
    if (first ? !alpha : !(alpha || digit)) return false;
    ++len;
  }
  return true;
}

namespace {

struct Parts {
  std::string_view scheme;  // without ':'
  bool has_scheme = false;
  std::string_view authority;
  bool has_authority = false;
  std::string_view path;
  std::string_view query;
  bool has_query = false;
  std::string_view fragment;
  bool has_fragment = false;
};

// RFC 3986 Appendix B, as a hand-written scanner.
Parts split(std::string_view s) {
  Parts p;
  std::size_t i = 0;
  // scheme
  std::size_t colon = s.find_first_of(":/?#");
  if (colon != std::string_view::npos && s[colon] == ':' && colon > 0 && is_absolute_iri(s)) {
    p.scheme = s.substr(0, colon);
    p.has_scheme = true;
    i = colon + 1;
  }
  if (s.substr(i, 2) == "//") {
    std::size_t end = s.find_first_of("/?#", i + 2);
    if (end == std::string_view::npos) end = s.size();
    p.authority = s.substr(i + 2, end - i - 2);
    p.has_authority = true;
    i = end;
  }
  std::size_t end = s.find_first_of("?#", i);
  if (end == std::string_view::npos) end = s.size();
  p.path = s.substr(i, end - i);
  i = end;
  if (i < s.size() && s[i] == '?') {
    std::size_t qend = s.find('#', i);
    if (qend == std::string_view::npos) qend = s.size();
    p.query = s.substr(i + 1, qend - i - 1);
    p.has_query = true;
    i = qend;
  }
  if (i < s.size() && s[i] == '#') {
    p.fragment = s.substr(i + 1);
    p.has_fragment = true;
  }
  return p;
}

// RFC 3986 §5.2.4.
std::string remove_dot_segments(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./")) {
      in.remove_prefix(2);
    } else if (in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../") || in == "/..") {
      if (in == "/..") {
        in = "/";
      } else {
        in.remove_prefix(3);
      }
      std::size_t last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      std::size_t start = in[0] == '/' ? 1 : 0;
      std::size_t next = in.find('/', start);
      if (next == std::string_view::npos) next = in.size();
      out.append(in.substr(0, next));
      in.remove_prefix(next);
    }
  }
  return out;
}

}  // namespace

std::string resolve_iri(std::string_view base, std::string_view ref) {
  Parts r = split(ref);
  Parts b = split(base);
  std::string out;
  out.reserve(base.size() + ref.size());
  auto emit = [&](std::string_view scheme, bool has_auth, std::string_view auth,
                  std::string_view path, bool has_q, std::string_view q) {
    out.append(scheme);
    out.push_back(':');
    if (has_auth) {
      out += "//";
      out.append(auth);
    }
    out.append(path);
    if (has_q) {
      out.push_back('?');
      out.append(q);
    }
    if (r.has_fragment) {
      out.push_back('#');
      out.append(r.fragment);
    }
  };
  if (r.has_scheme) {
    std::string path = remove_dot_segments(r.path);
    emit(r.scheme, r.has_authority, r.authority, path, r.has_query, r.query);
    return out;
  }
  if (r.has_authority) {
    std::string path = remove_dot_segments(r.path);
    emit(b.scheme, true, r.authority, path, r.has_query, r.query);
    return out;
  }
  if (r.path.empty()) {
    emit(b.scheme, b.has_authority, b.authority, b.path, r.has_query || b.has_query,
         r.has_query ? r.query : b.query);
    return out;
  }
  std::string path;
  if (r.path[0] == '/') {
    path = remove_dot_segments(r.path);
  } else {
    std::string merged;
    if (b.has_authority && b.path.empty()) {
      merged = "/";
      merged.append(r.path);
    } else {
      std::size_t slash = b.path.rfind('/');
      if (slash != std::string_view::npos) merged.append(b.path.substr(0, slash + 1));
      merged.append(r.path);
    }
    path = remove_dot_segments(merged);
  }
  emit(b.scheme, b.has_authority, b.authority, path, r.has_query, r.query);
  return out;
}

bool TermDefinition::same_as(const TermDefinition& o) const {
  auto ctx_eq = [](const std::shared_ptr<const json::value>& a,
                   const std::shared_ptr<const json::value>& b) {
    if (!a || !b) return !a && !b;
    return *a == *b;
  };
  return iri == o.iri && has_iri == o.has_iri && prefix == o.prefix && reverse == o.reverse &&
         has_container == o.has_container && container == o.container && type == o.type &&
         language == o.language && direction == o.direction && index == o.index &&
         nest == o.nest && ctx_eq(context, o.context);
}

// ---- ContextCache ----------------------------------------------------------------------

TermTable::Layer& TermTable::writable() {
  if (!top_ || !owned_) {
    // The first change of a copy: a new layer over the shared ones.
    auto layer = std::make_shared<Layer>();
    if (top_) {
      layer->depth = top_->depth + 1;
      layer->parent = std::move(top_);
    }
    top_ = std::move(layer);
    owned_ = true;
  } else if (top_.use_count() > 1) {
    // A copy still sees this layer (a snapshot being validated, say): change a copy of it.
    copied_ += top_->map.size();
    top_ = std::make_shared<Layer>(*top_);
  }
  return *top_;
}

TermPtr TermTable::take(std::string_view term) {
  const TermPtr* d = lookup(term);
  if (!d) return {};
  TermPtr old = *d;
  count(old.get(), -1);
  Layer& own = writable();
  bool below = false;
  for (const Layer* l = own.parent.get(); l; l = l->parent.get()) {
    if (auto it = l->map.find(term); it != l->map.end()) {
      below = it->second != nullptr;
      break;
    }
  }
  if (below) {
    own.map.insert_or_assign(std::string(term), nullptr);  // hides the one below
  } else if (auto it = own.map.find(term); it != own.map.end()) {
    own.map.erase(it);
  }
  return old;
}

std::size_t TermTable::seal() {
  std::size_t copied = copied_;
  copied_ = 0;
  if (owned_ && top_ && top_->map.empty() && top_->parent) {
    // Nothing was defined: share the parent's layer (never changed through this table,
    // since owned_ is now false).
    top_ = std::const_pointer_cast<Layer>(top_->parent);
  } else if (top_ && top_->depth > kMaxLayers) {
    auto merged = std::make_shared<Layer>();
    for (const Layer* l = top_.get(); l; l = l->parent.get()) {
      for (const auto& kv : l->map) merged->map.try_emplace(kv.first, kv.second);  // newest wins
      copied += l->map.size();
    }
    for (auto it = merged->map.begin(); it != merged->map.end();) {
      it = it->second ? std::next(it) : merged->map.erase(it);
    }
    top_ = std::move(merged);
  }
  owned_ = false;
  return copied;
}

std::size_t TermTable::layers() const { return top_ ? top_->depth : 0; }

Result<void> Processor::charge_context(std::size_t n) {
  context_work += n;
  if (context_work > opts.limits.max_context_work) {
    return Error("jsonld.context_too_large",
                 "context processing beyond the configured limit (max_context_work = " +
                     std::to_string(opts.limits.max_context_work) +
                     " term definitions created or copied)");
  }
  return {};
}

Result<void> Processor::count_values(std::size_t n) {
  values += n;
  if (values > opts.limits.max_quads) {
    return Error("jsonld.max_quads",
                 "more values than the configured limit (max_quads = " +
                     std::to_string(opts.limits.max_quads) + "), refused during expansion");
  }
  return {};
}

CtxPtr ContextCache::find(const CacheKey& k) const {
  std::shared_lock lock(mutex_);
  const CacheEntry* e = map_.find(k);
  return e ? e->result : nullptr;
}

CtxPtr ContextCache::insert(CacheKey k, CacheEntry e) {
  std::unique_lock lock(mutex_);
  if (const CacheEntry* existing = map_.find(k)) return existing->result;
  if (map_.size() >= kMaxEntries) map_.clear();
  CtxPtr result = e.result;
  map_.insert(std::move(k), std::move(e));
  return result;
}

CtxPtr ContextCache::root(const std::optional<std::string>& base) {
  {
    std::shared_lock lock(mutex_);
    if (!base) {
      if (null_root_) return null_root_;
    } else if (auto it = roots_.find(*base); it != roots_.end()) {
      return it->second;
    }
  }
  auto ctx = std::make_shared<ActiveContext>();
  ctx->base_iri = base;
  ctx->original_base_url = base;
  ctx->cacheable = true;
  std::unique_lock lock(mutex_);
  if (!base) {
    if (!null_root_) null_root_ = ctx;
    return null_root_;
  }
  if (roots_.size() >= 256) roots_.clear();  // bounded: bases are per document
  return roots_.try_emplace(*base, ctx).first->second;
}

}  // namespace detail
}  // namespace ecusson::rdf
