// Internals of the JSON-LD processor: active contexts, term definitions, the processed-
// context cache, IRI helpers. Private to badges/src.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/json.hpp>

#include "ecusson/rdf/document_loader.h"
#include "ecusson/rdf/jsonld.h"
#include "ecusson/common/text.h"
#include "ecusson/result.h"

namespace ecusson::rdf::detail {

namespace json = boost::json;

// ---- strings -------------------------------------------------------------------------

/// A JSON-LD keyword (§1.4.2), "@type", "@id", ...
bool is_keyword(std::string_view s);
/// Matches the ABNF "@"1*ALPHA (reserved keyword form).
bool has_keyword_form(std::string_view s);
/// Has the form of an absolute IRI: a scheme ("[A-Za-z][A-Za-z0-9+.-]*:").
bool is_absolute_iri(std::string_view s);
/// Well-formed IRI for RDF (§8.1): absolute, without characters RFC 3987 forbids.
bool is_well_formed_iri(std::string_view s);
/// Blank node identifier "_:...".
inline bool is_blank_node_id(std::string_view s) { return s.size() >= 2 && s[0] == '_' && s[1] == ':'; }
/// Well-formed BCP47 language tag (§2.2.9 grammar approximation: alpha{1,8}(-alnum{1,8})*).
bool is_well_formed_language(std::string_view s);
/// RFC 3986 §5.2 reference resolution (no normalization). `base` must be absolute.
std::string resolve_iri(std::string_view base, std::string_view ref);

Error jsonld_error(std::string_view spec_name, std::string_view detail, std::string where = {});

// ---- contexts ------------------------------------------------------------------------

enum ContainerBits : std::uint8_t {
  kGraph = 1, kId = 2, kIndex = 4, kLanguage = 8, kList = 16, kSet = 32, kType = 64,
};

/// A term definition (§4.1). Immutable once built; shared between contexts.
struct TermDefinition {
  std::string iri;        // IRI mapping, a keyword, or empty when `has_iri` is false
  bool has_iri = false;   // false: "@id": null (term kept only to detect redefinitions)
  bool prefix = false;
  bool protected_ = false;
  bool reverse = false;
  bool has_container = false;
  std::uint8_t container = 0;
  std::optional<std::string> type;                       // type mapping
  std::optional<std::optional<std::string>> language;    // present; inner null = @language null
  std::optional<std::optional<std::string>> direction;   // present; inner null = @direction null
  std::optional<std::string> index;
  std::optional<std::string> nest;
  std::shared_ptr<const json::value> context;            // scoped (local) context
  std::optional<std::string> base_url;                   // base URL for the scoped context

  bool has(std::uint8_t bits) const { return (container & bits) != 0; }
  /// Same definition, ignoring `protected_` (§4.2 step 27.1).
  bool same_as(const TermDefinition& o) const;
};
using TermPtr = std::shared_ptr<const TermDefinition>;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using TermMap = std::unordered_map<std::string, TermPtr, StringHash, std::equal_to<>>;

/// The term definitions of an active context, as a chain of layers (newest first) so that
/// a context derived from another (a scoped context, the next context of an array) shares
/// its parent's definitions instead of copying them: applying a scoped context costs its
/// own terms, not the whole active context's. A null TermPtr in a layer hides the
/// definition of a layer below (a removed term).
///
/// Copying a table is O(1): the copy shares the original's layers and starts a layer of its
/// own at its first change. The original keeps changing its top layer in place while no
/// copy refers to it (copy on write). seal() bounds the chain: beyond kMaxLayers it merges
/// every layer into one. Counts of protected terms and of keyword aliases are kept up to
/// date on every change, so no caller has to walk the whole table.
class TermTable {
 public:
  static constexpr std::size_t kMaxLayers = 12;

  TermTable() = default;
  TermTable(const TermTable& o) : top_(o.top_), owned_(false), counts_(o.counts_) {}
  TermTable& operator=(const TermTable& o) {
    if (this != &o) {
      top_ = o.top_;
      owned_ = false;
      counts_ = o.counts_;
    }
    return *this;
  }
  TermTable(TermTable&&) noexcept = default;
  TermTable& operator=(TermTable&&) noexcept = default;

  /// The visible definition of `term`, or nullptr.
  const TermDefinition* find(std::string_view term) const {
    const TermPtr* d = lookup(term);
    return d ? d->get() : nullptr;
  }
  /// Same, as a shared pointer (keeps the definition alive).
  TermPtr get(std::string_view term) const {
    const TermPtr* d = lookup(term);
    return d ? *d : TermPtr();
  }
  /// Defines or replaces `term`.
  void set(std::string_view term, TermPtr def) {
    count(find(term), -1);
    count(def.get(), +1);
    writable().map.insert_or_assign(std::string(term), std::move(def));
  }
  /// Removes `term` and returns its definition (null when it had none).
  TermPtr take(std::string_view term);
  /// Ends a series of changes: drops an empty own layer and merges the chain into one
  /// layer when it is longer than kMaxLayers. Returns the number of definitions copied
  /// since the last seal (the merge, and any copy on write of a shared layer).
  std::size_t seal();

  std::size_t protected_count() const { return counts_[0]; }
  /// Terms whose IRI mapping is the keyword `kw` ("@type", "@value" or "@id").
  std::size_t alias_count(std::string_view kw) const { return counts_[alias_slot(kw)]; }
  std::size_t layers() const;

 private:
  struct Layer {
    TermMap map;
    std::shared_ptr<const Layer> parent;
    std::size_t depth = 1;
  };
  static std::size_t alias_slot(std::string_view kw) {
    return kw == "@type" ? 1 : kw == "@value" ? 2 : 3;
  }
  const TermPtr* lookup(std::string_view term) const {
    for (const Layer* l = top_.get(); l; l = l->parent.get()) {
      auto it = l->map.find(term);
      if (it != l->map.end()) return it->second ? &it->second : nullptr;
    }
    return nullptr;
  }
  void count(const TermDefinition* d, int delta) {
    if (!d) return;
    if (d->protected_) counts_[0] += delta;
    if (d->has_iri && !d->reverse && !d->iri.empty() && d->iri[0] == '@') {
      if (d->iri == "@type" || d->iri == "@value" || d->iri == "@id") {
        counts_[alias_slot(d->iri)] += delta;
      }
    }
  }
  Layer& writable();

  std::shared_ptr<Layer> top_;  // mutable only through writable(), while owned and unshared
  bool owned_ = false;
  std::array<std::size_t, 4> counts_{};  // protected, @type, @value, @id aliases
  std::size_t copied_ = 0;               // definitions copied since the last seal()
};

struct ActiveContext;
using CtxPtr = std::shared_ptr<const ActiveContext>;

/// The active context (§4.1). Immutable once published through a CtxPtr.
struct ActiveContext {
  TermTable terms;
  std::optional<std::string> base_iri;
  std::optional<std::string> original_base_url;
  std::optional<std::string> vocab;
  std::optional<std::string> default_language;
  std::optional<std::string> default_direction;
  CtxPtr previous;
  /// Built only from canonical roots, remote (loader) contexts and their scoped contexts:
  /// may be a key of the loader-wide cache.
  bool cacheable = false;

  /// True when `key` IRI-expands (vocab) to the keyword `kw` ("@type", "@value", "@id").
  /// Expansion asks this for every key of every node: without an alias it is one compare.
  bool key_is(std::string_view key, std::string_view kw) const {
    if (key == kw) return true;
    if (terms.alias_count(kw) == 0) return false;
    const TermDefinition* d = terms.find(key);
    return d && d->has_iri && !d->reverse && d->iri == kw;
  }

  const TermDefinition* find(std::string_view term) const { return terms.find(term); }
};

/// Key of a processed context: (prior context, local context identity, flags).
struct CacheKey {
  const void* ctx = nullptr;
  const void* local = nullptr;  // json value of a scoped context, or null for URLs
  std::string url;              // resolved URL (remote contexts), or empty
  std::uint8_t flags = 0;
  bool operator==(const CacheKey&) const = default;
};
struct CacheKeyHash {
  std::size_t operator()(const CacheKey& k) const noexcept {
    std::size_t h = std::hash<const void*>{}(k.ctx);
    h ^= std::hash<const void*>{}(k.local) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= std::hash<std::string>{}(k.url) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h ^ k.flags;
  }
};
struct CacheEntry {
  CtxPtr result;
  CtxPtr key_ctx;                                // keeps the key's pointer alive
  std::shared_ptr<const json::value> key_local;  // idem
};

/// A map of processed contexts. The loader-wide instance is guarded by a shared mutex;
/// per-call instances use no lock.
class ContextMap {
 public:
  const CacheEntry* find(const CacheKey& k) const {
    auto it = map_.find(k);
    return it == map_.end() ? nullptr : &it->second;
  }
  void insert(CacheKey k, CacheEntry e) { map_.try_emplace(std::move(k), std::move(e)); }
  std::size_t size() const { return map_.size(); }
  void clear() { map_.clear(); }

 private:
  std::unordered_map<CacheKey, CacheEntry, CacheKeyHash> map_;
};

/// Loader-wide, thread-safe cache of processed contexts and of root contexts.
class ContextCache {
 public:
  static constexpr std::size_t kMaxEntries = 4096;
  CtxPtr find(const CacheKey& k) const;
  CtxPtr insert(CacheKey k, CacheEntry e);
  /// The canonical empty active context for a base IRI (same pointer every time).
  CtxPtr root(const std::optional<std::string>& base);

 private:
  mutable std::shared_mutex mutex_;
  ContextMap map_;
  std::unordered_map<std::string, CtxPtr> roots_;
  CtxPtr null_root_;
};

}  // namespace ecusson::rdf::detail

namespace ecusson::rdf::detail {

/// Per-call state of the processor.
struct Processor {
  explicit Processor(const JsonLdOptions& o)
      : opts(o), global(o.loader ? &o.loader->context_cache() : nullptr) {}
  const JsonLdOptions& opts;
  ContextCache* global;
  ContextMap local;  // processed contexts that must not outlive the call
  std::size_t depth = 0;
  std::string first_drop;  // safe mode: the first thing left out, for the message
  /// Context processing work of this call (term definitions created or copied, contexts
  /// applied), against JsonLdLimits::max_context_work.
  std::size_t context_work = 0;
  /// Values built by expansion, against JsonLdLimits::max_quads.
  std::size_t values = 0;
  /// Charges `n` units of context work; `jsonld.context_too_large` beyond the limit.
  Result<void> charge_context(std::size_t n);
  /// Counts `n` expanded values; `jsonld.max_quads` beyond the limit.
  Result<void> count_values(std::size_t n);
  /// Records `<what> "<term>" <why>`; the string is built only when safe mode keeps it.
  void note_drop(std::string_view what, std::string_view term, std::string_view why) {
    if (!opts.safe || !first_drop.empty()) return;
    first_drop.append(what).append(" \"").append(term).append("\" ").append(why);
  }
  bool mode10() const { return opts.processing_mode == ProcessingMode::json_ld_1_0; }
};

/// The initial active context for the options (canonical per loader and base).
CtxPtr initial_context(Processor& p);

/// Context Processing (§4.1) as called from expansion: `local` is a document's @context
/// value (processed uncached except for its remote URLs).
Result<CtxPtr> process_context(Processor& p, const CtxPtr& active, const json::value& local,
                               const std::optional<std::string>& base_url);

/// Context Processing of a term's scoped context (§5.1.2 steps 3/8/11, 13.8.3.2), cached.
/// `owner_cacheable`: the definition belongs to a cacheable context.
Result<CtxPtr> process_scoped_context(Processor& p, const CtxPtr& active, const TermDefinition& def,
                                      bool override_protected, bool propagate,
                                      bool owner_cacheable);

/// IRI Expansion (§5.2) outside context processing. The returned view points into the
/// context, `value` or `buf`; nullopt means null.
std::optional<std::string_view> expand_iri(const ActiveContext& c, std::string_view value,
                                           bool document_relative, bool vocab, std::string& buf);

/// Expansion (§5.1) + the API's top-level fix-ups (§9.1 expand() step 8).
Result<json::value> expand_document(Processor& p, const json::value& doc, json::storage_ptr sp);

/// Prepends a JSON pointer segment to an error's location.
Error at_path(Error e, std::string_view segment);
Error at_index(Error e, std::size_t index);

}  // namespace ecusson::rdf::detail
