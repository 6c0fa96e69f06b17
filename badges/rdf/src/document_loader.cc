#include "ecusson/rdf/document_loader.h"

#include "ecusson/common/templates.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <boost/json.hpp>

#include "ecusson/common/strict_json.h"
#include "jsonld_internal.h"

namespace ecusson::rdf {
namespace {

namespace json = boost::json;

std::optional<std::string> read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

// Contexts are small and trusted-ish, but parse them with a depth bound anyway; the strict
// parser reads numbers as JSON-LD processors do (correctly rounded; see strict_json.h).
Result<std::shared_ptr<const json::value>> parse_doc(std::string_view text, std::string_view url,
                                                     const char* code) {
  JsonLimits limits;
  limits.max_depth = 256;
  auto v = parse_json_strict(text, limits);
  if (!v) {
    return fail(code, "document JSON illisible (" + v.error().message + ")", std::string(url));
  }
  return std::make_shared<const json::value>(std::move(*v));
}

}  // namespace

DocumentLoader::DocumentLoader() : cache_(std::make_unique<detail::ContextCache>()) {}
DocumentLoader::~DocumentLoader() = default;

// ---- BundledDocumentLoader -------------------------------------------------------------

BundledDocumentLoader::BundledDocumentLoader(std::filesystem::path contexts_dir)
    : dir_(std::move(contexts_dir)) {
  auto text = read_text(dir_ / "index.json");
  if (!text) {
    index_error_ = "index des contextes illisible : " + (dir_ / "index.json").string();
    return;
  }
  boost::system::error_code ec;
  json::value idx = json::parse(*text, ec);
  if (ec || !idx.is_object()) {
    index_error_ = "index des contextes invalide : " + (dir_ / "index.json").string();
    return;
  }
  for (const auto& kv : idx.get_object()) {
    if (kv.value().is_string()) {
      index_.emplace(std::string(kv.key()), std::string(kv.value().get_string()));
    }
  }
}

BundledDocumentLoader::~BundledDocumentLoader() = default;

bool BundledDocumentLoader::is_bundled(std::string_view url) const {
  return index_.find(url) != index_.end();
}

Result<RemoteDocument> BundledDocumentLoader::load(std::string_view url) const {
  if (!index_error_.empty()) return fail("structure.context", index_error_, std::string(url));
  auto it = index_.find(url);
  if (it == index_.end()) {
    return fail("structure.context",
                "contexte JSON-LD non embarqué (Ecusson ne télécharge aucun contexte) : " +
                    std::string(url),
                std::string(url));
  }
  {
    std::shared_lock lock(mutex_);
    if (auto d = docs_.find(it->second); d != docs_.end()) {
      return RemoteDocument{std::string(url), d->second};
    }
  }
  auto text = read_text(dir_ / it->second);
  if (!text) {
    return fail("structure.context",
                "contexte embarqué illisible : " + (dir_ / it->second).string(), std::string(url));
  }
  auto doc = parse_doc(*text, url, "structure.context");
  if (!doc) return doc.error();
  std::unique_lock lock(mutex_);
  auto [pos, inserted] = docs_.try_emplace(it->second, std::move(*doc));
  return RemoteDocument{std::string(url), pos->second};
}

const BundledDocumentLoader& bundled_document_loader() {
  static const BundledDocumentLoader loader(templates_dir() / "contexts");
  return loader;
}

// ---- PrefixDocumentLoader --------------------------------------------------------------

PrefixDocumentLoader::PrefixDocumentLoader(std::string url_prefix, std::filesystem::path folder)
    : prefix_(std::move(url_prefix)), folder_(std::move(folder)) {}
PrefixDocumentLoader::~PrefixDocumentLoader() = default;

Result<RemoteDocument> PrefixDocumentLoader::load(std::string_view url) const {
  const char* code = "jsonld.loading_remote_context_failed";
  if (!url.starts_with(prefix_)) {
    return fail(code, "URL hors du préfixe de test : " + std::string(url), std::string(url));
  }
  std::string_view rest = url.substr(prefix_.size());
  rest = rest.substr(0, rest.find_first_of("?#"));
  if (rest.find("..") != std::string_view::npos) {
    return fail(code, "chemin refusé : " + std::string(url), std::string(url));
  }
  std::lock_guard lock(mutex_);
  std::string key(rest);
  if (auto it = docs_.find(key); it != docs_.end()) {
    return RemoteDocument{std::string(url), it->second};
  }
  auto text = read_text(folder_ / rest);
  if (!text) return fail(code, "document absent : " + std::string(url), std::string(url));
  auto doc = parse_doc(*text, url, code);
  if (!doc) return doc.error();
  docs_.emplace(key, *doc);
  return RemoteDocument{std::string(url), *doc};
}

// ---- InMemoryDocumentLoader ------------------------------------------------------------

InMemoryDocumentLoader::InMemoryDocumentLoader() = default;
InMemoryDocumentLoader::~InMemoryDocumentLoader() = default;

Result<void> InMemoryDocumentLoader::add(std::string url, std::string_view text) {
  auto doc = parse_doc(text, url, "jsonld.loading_document_failed");
  if (!doc) return doc.error();
  docs_[std::move(url)] = std::move(*doc);
  return {};
}

Result<RemoteDocument> InMemoryDocumentLoader::load(std::string_view url) const {
  auto it = docs_.find(url);
  if (it == docs_.end()) {
    return fail("jsonld.loading_remote_context_failed", "document inconnu : " + std::string(url),
                std::string(url));
  }
  return RemoteDocument{std::string(url), it->second};
}

}  // namespace ecusson::rdf
