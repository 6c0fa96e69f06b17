// open_data_dir() and the status-list allocation: see ecusson/issuance/issuer.h.
#include "ecusson/issuance/issuer.h"

#include <chrono>
#include <system_error>

#include "ecusson/common/datetime.h"
#include "ecusson/crypto/jwk.h"
#include "ecusson/issuance/messages.h"
#include "ecusson/ob2/issue.h"
#include "ecusson/store/sqlite_store.h"
#include "key_files.h"

namespace ecusson::issuance {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStoreFile = "ecusson.db";

std::string now_utc() {
  auto s = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return format_datetime(s.count());
}

Error store_error(const fs::path& db, const Error& e, Lang lang) {
  return make_error("issuance.store", e.where.empty() ? db.string() : e.where, lang,
                    {db.string(), e.message + " [" + e.code + "]"});
}

// Loads the key the store names for `algorithm`, checked against its recorded public half.
Result<const store::KeyRef*> key_ref(const std::vector<store::KeyRef>& refs,
                                     std::string_view algorithm, const fs::path& db,
                                     Lang lang) {
  for (const auto& r : refs)
    if (r.algorithm == algorithm && !r.retired_at) return &r;
  return make_error("issuance.not_initialised", db.string(), lang, {db.parent_path().string()});
}

Result<crypto::Key> load_key(const fs::path& dir, const store::KeyRef& ref, crypto::KeyType type,
                             Lang lang) {
  const fs::path path = dir / ref.private_key_path;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec)))
    return make_error("issuance.key_missing", path.string(), lang, {path.string(), ref.id});
  auto key = detail::load_private_key_file(path, type, lang);
  if (!key) return key.error();
  auto recorded = crypto::key_from_jwk_json(ref.public_key);
  if (!recorded || !recorded->same_public(*key))
    return make_error("issuance.key_mismatch", path.string(), lang, {path.string(), ref.id});
  return key;
}

std::string_view purpose_slug(store::StatusPurpose p) {
  return p == store::StatusPurpose::revocation ? "revocation" : "suspension";
}

}  // namespace

fs::path Issuer::public_file(std::string_view url) const {
  const std::string& b = base.url;
  if (url.size() <= b.size() || url.substr(0, b.size()) != b || url[b.size()] != '/') return {};
  fs::path p = dir / "public";
  if (!base.path.empty()) {
    std::string_view bp = base.path;
    while (!bp.empty()) {
      bp.remove_prefix(1);
      auto seg = bp.substr(0, bp.find('/'));
      p /= std::string(seg);
      bp.remove_prefix(seg.size());
    }
  }
  std::string_view rest = url.substr(b.size() + 1);
  rest = rest.substr(0, rest.find_first_of("?#"));
  while (!rest.empty()) {
    auto seg = rest.substr(0, rest.find('/'));
    if (seg.empty() || seg == "." || seg == "..") return {};  // never outside public/
    p /= std::string(seg);
    rest.remove_prefix(std::min(rest.size(), seg.size() + 1));
  }
  return p;
}

std::string status_list_url(const Issuer& issuer, store::StatusPurpose purpose, int n) {
  return issuer.base.url + "/status/" + std::string(purpose_slug(purpose)) + "-" +
         std::to_string(n) + ".json";
}

Error store_failure(const Issuer& issuer, const Error& e, Lang lang) {
  return store_error(issuer.dir / kStoreFile, e, lang);
}

Result<DataDir> open_data_dir(const OpenOptions& options) {
  const Lang lang = options.lang;
  const fs::path dir = options.dir.empty() ? fs::path("var") : options.dir;
  const fs::path db_path = dir / kStoreFile;
  std::error_code ec;
  if (!fs::exists(db_path, ec))
    return make_error("issuance.not_initialised", dir.string(), lang, {dir.string()});
  auto opened = store::open_sqlite_store({.path = db_path, .read_only = options.read_only});
  if (!opened) return store_error(db_path, opened.error(), lang);
  DataDir out;
  out.store = std::move(*opened);
  store::Store& s = *out.store;

  auto issuers = s.list_issuers();
  if (!issuers) return store_error(db_path, issuers.error(), lang);
  if (issuers->empty())
    return make_error("issuance.not_initialised", dir.string(), lang, {dir.string()});
  if (issuers->size() > 1)
    return make_error("issuance.several_issuers", db_path.string(), lang, {db_path.string()});
  auto issuer = std::make_shared<Issuer>();
  issuer->dir = dir;
  issuer->profile = issuers->front();
  auto base = parse_base_url(issuer->profile.base_url, lang);
  if (!base) return base.error();
  issuer->base = *base;

  auto refs = s.list_keys(issuer->profile.id);
  if (!refs) return store_error(db_path, refs.error(), lang);
  auto ed_ref = key_ref(*refs, "Ed25519", db_path, lang);
  if (!ed_ref) return ed_ref.error();
  auto rsa_ref = key_ref(*refs, "RS256", db_path, lang);
  if (!rsa_ref) return rsa_ref.error();
  auto ed = load_key(dir, **ed_ref, crypto::KeyType::ed25519, lang);
  if (!ed) return ed.error();
  auto rsa = load_key(dir, **rsa_ref, crypto::KeyType::rsa2048, lang);
  if (!rsa) return rsa.error();
  issuer->ob3_key = std::move(*ed);
  issuer->ob3_method = (*ed_ref)->id;
  issuer->ob2_key = std::move(*rsa);
  issuer->ob2_key_id = (*rsa_ref)->id;
  issuer->ob2_enabled = !issuer->profile.url.empty() && !issuer->profile.email.empty();

  if (!options.read_only) {
    auto list = current_status_list(s, *issuer, store::StatusPurpose::revocation, lang);
    if (!list) return list.error();
  }
  out.issuer = std::move(issuer);
  return out;
}

Result<std::unique_ptr<store::Store>> open_store_for(const Issuer& issuer, Lang lang) {
  auto s = store::open_sqlite_store({.path = issuer.dir / kStoreFile});
  if (!s) return store_failure(issuer, s.error(), lang);
  return std::move(*s);
}

Result<store::StatusList> current_status_list(store::Store& s, const Issuer& issuer,
                                              store::StatusPurpose purpose, Lang lang) {
  auto lists = s.list_status_lists(issuer.profile.id);
  if (!lists) return store_failure(issuer, lists.error(), lang);
  int count = 0;
  const store::StatusList* newest = nullptr;
  for (const auto& l : *lists)
    if (l.purpose == purpose) {
      ++count;
      newest = &l;
    }
  if (newest && newest->next_index < newest->size) return *newest;
  auto created = s.create_status_list(status_list_url(issuer, purpose, count + 1),
                                      issuer.profile.id, purpose, store::kMinStatusListSize,
                                      now_utc());
  if (!created) {
    // Another process created it in the meantime: take the newest again.
    if (created.error().code == "store.constraint") {
      auto again = s.get_status_list(status_list_url(issuer, purpose, count + 1));
      if (again) return *again;
    }
    return store_failure(issuer, created.error(), lang);
  }
  return *created;
}

Result<store::StatusEntry> allocate_status_entry(store::Store& s, const Issuer& issuer,
                                                 store::StatusPurpose purpose, Lang lang) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto list = current_status_list(s, issuer, purpose, lang);
    if (!list) return list.error();
    auto index = s.allocate_status_index(list->id);
    if (index) return store::StatusEntry{list->id, purpose, *index};
    if (index.error().code != "store.status_list_full")
      return store_failure(issuer, index.error(), lang);
  }
  return make_error("issuance.store", issuer.dir.string(), lang,
                    {issuer.dir.string(), "status list allocation failed"});
}

Result<store::StatusEntry> StatusAllocator::next(store::Store& s, store::StatusPurpose purpose) {
  Block& b = blocks_[purpose == store::StatusPurpose::revocation ? 0 : 1];
  for (int attempt = 0; b.next >= b.end && attempt < 3; ++attempt) {
    auto list = current_status_list(s, issuer_, purpose, lang_);
    if (!list) return list.error();
    auto range = s.allocate_status_indices(list->id, block_);
    if (range) {
      b = {list->id, range->first, range->first + range->count};
    } else if (range.error().code != "store.status_list_full") {
      return store_failure(issuer_, range.error(), lang_);
    }
  }
  if (b.next >= b.end)
    return make_error("issuance.store", issuer_.dir.string(), lang_,
                      {issuer_.dir.string(), "status list allocation failed"});
  return store::StatusEntry{b.list_id, purpose, b.next++};
}

}  // namespace ecusson::issuance
