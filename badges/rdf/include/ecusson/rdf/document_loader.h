// DocumentLoader: how the JSON-LD processor obtains remote contexts (style C10).
//
// Ecusson never fetches a JSON-LD context from the network: the default loader,
// BundledDocumentLoader, serves only the contexts shipped in `templates/contexts/`
// (listed in its `index.json`, URL -> file) and refuses every other URL with the error
// code `structure.context`. Tests compose other loaders (a URL prefix mapped to a folder,
// or an in-memory map).
//
// A loader also owns the cache of *processed* contexts (detail::ContextCache): the active
// context obtained by applying a given remote context to a given prior context is computed
// once per loader and reused by every later expansion, so a credential's `@context` array
// costs a few hash lookups. Documents served by a loader must therefore never change for
// the loader's lifetime.
//
// Ownership and thread-safety: loaders are not copyable; `load()` and the cache are safe to
// use from several threads at once. A loader must outlive every expansion that uses it.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include <boost/json/fwd.hpp>

#include "ecusson/result.h"

namespace ecusson::rdf {

namespace detail {
class ContextCache;
}

/// A dereferenced JSON document (JSON-LD API §9.4.3, reduced to what contexts need).
struct RemoteDocument {
  /// The final URL of the document; relative context references inside it resolve
  /// against it.
  std::string document_url;
  /// The parsed document (never null on success). Shared: loaders keep their copy.
  std::shared_ptr<const boost::json::value> document;
};

/// Interface: dereferences a context URL. Implementations must be thread-safe and must
/// return the same document for the same URL for their whole lifetime.
class DocumentLoader {
 public:
  DocumentLoader();
  virtual ~DocumentLoader();
  DocumentLoader(const DocumentLoader&) = delete;
  DocumentLoader& operator=(const DocumentLoader&) = delete;

  /// Success: the document at `url`. Failure: an Error whose code the JSON-LD processor
  /// passes through unchanged (BundledDocumentLoader: `structure.context`).
  /// Example: `auto doc = loader.load("https://www.w3.org/ns/credentials/v2");`
  [[nodiscard]] virtual Result<RemoteDocument> load(std::string_view url) const = 0;

  /// The processed-context cache tied to this loader (used by the JSON-LD processor).
  detail::ContextCache& context_cache() const { return *cache_; }

 private:
  std::unique_ptr<detail::ContextCache> cache_;
};

/// Serves the contexts bundled in a `templates/contexts` folder, through its `index.json`
/// (URL -> relative file name). The index is read by the constructor; documents are parsed
/// lazily, once, and kept. Any URL not in the index is refused with `structure.context`;
/// an unreadable index makes every load fail with `structure.context` too.
class BundledDocumentLoader final : public DocumentLoader {
 public:
  /// Example: `BundledDocumentLoader loader(templates_dir / "contexts");`
  explicit BundledDocumentLoader(std::filesystem::path contexts_dir);
  ~BundledDocumentLoader() override;

  [[nodiscard]] Result<RemoteDocument> load(std::string_view url) const override;

  /// True when the URL is listed in the index (whether or not its file is readable).
  bool is_bundled(std::string_view url) const;

 private:
  std::filesystem::path dir_;
  std::map<std::string, std::string, std::less<>> index_;  // URL -> relative file
  std::string index_error_;                                 // non-empty: index unusable
  mutable std::shared_mutex mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const boost::json::value>> docs_;
};

/// The process-wide BundledDocumentLoader over `templates_dir() / "contexts"`
/// (ecusson/common/templates.h: $ECUSSON_TEMPLATES, else the folder the program
/// registered). Created on first use, so register the folder before; lives until exit.
const BundledDocumentLoader& bundled_document_loader();

/// Maps every URL starting with `url_prefix` to a file under `folder` (the rest of the URL
/// is the relative path, without query or fragment). For tests, e.g. the JSON-LD test
/// suite's remote contexts under https://w3c.github.io/json-ld-api/tests/. Other URLs and
/// missing files fail with `jsonld.loading_remote_context_failed`.
class PrefixDocumentLoader final : public DocumentLoader {
 public:
  PrefixDocumentLoader(std::string url_prefix, std::filesystem::path folder);
  ~PrefixDocumentLoader() override;
  [[nodiscard]] Result<RemoteDocument> load(std::string_view url) const override;

 private:
  std::string prefix_;
  std::filesystem::path folder_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const boost::json::value>> docs_;
};

/// Serves documents from an in-memory map (URL -> JSON text parsed at `add`). For tests.
/// Unknown URLs fail with `jsonld.loading_remote_context_failed`. `add` is not thread-safe
/// with concurrent loads: fill the loader before using it.
class InMemoryDocumentLoader final : public DocumentLoader {
 public:
  InMemoryDocumentLoader();
  ~InMemoryDocumentLoader() override;
  /// Adds (or replaces) a document. Failure: `jsonld.loading_document_failed` if `json`
  /// does not parse.
  Result<void> add(std::string url, std::string_view json);
  [[nodiscard]] Result<RemoteDocument> load(std::string_view url) const override;

 private:
  std::map<std::string, std::shared_ptr<const boost::json::value>, std::less<>> docs_;
};

}  // namespace ecusson::rdf
