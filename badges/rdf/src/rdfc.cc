// RDFC-1.0 canonicalization (https://www.w3.org/TR/rdf-canon/). Section numbers in the
// comments refer to that Recommendation.
#include "ecusson/rdf/rdfc.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string_view>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "ecusson/common/digest.h"

namespace ecusson::rdf {
namespace {

// --- Hashing: ecusson::Hasher (one OpenSSL context reused for every hash) ---------------

DigestAlgorithm digest_of(HashAlgorithm alg) {
  return alg == HashAlgorithm::sha384 ? DigestAlgorithm::sha384 : DigestAlgorithm::sha256;
}

// --- Identifier issuer (§4.5) ------------------------------------------------------------

// Blank nodes are numbered 0..n-1 internally. An issuer records the nodes in the order it
// issued them; the issued identifier is prefix + position. Temporary issuers stay small
// (the nodes reachable along one gossip path), so a linear lookup beats a hash map and
// copies are cheap.
struct Issuer {
  std::vector<int> order;

  int find(int node) const {
    for (std::size_t i = 0; i < order.size(); ++i) {
      if (order[i] == node) return static_cast<int>(i);
    }
    return -1;
  }
  int issue(int node) {
    const int f = find(node);
    if (f >= 0) return f;
    order.push_back(node);
    return static_cast<int>(order.size() - 1);
  }
};

// One term position of a quad: either pre-serialized N-Quads text (a slice of the
// canonicalizer's term arena, so that loading a dataset costs a few allocations, not one
// per term) or a blank node.
struct Slot {
  std::uint32_t off = 0, len = 0;
  int blank = -1;
  bool empty() const { return blank < 0 && len == 0; }  // default graph
};

struct IQuad {
  Slot s, p, o, g;
};

void append_int(std::string& out, int v) {
  char buf[16];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

class Canonicalizer {
 public:
  Canonicalizer(const RdfcOptions& opts) : opts_(opts), hasher_(digest_of(opts.hash)) {}

  Result<CanonicalDataset> run(const rdf::Dataset& ds) {
    if (!hasher_.ok()) return fail("rdfc.hash", "algorithme de hachage indisponible / hash unavailable");
    load(ds);

    // §4.4.3 step 3: first degree hashes; hash → blank nodes, in order of first mention.
    first_degree_.resize(labels_.size());
    std::vector<std::pair<std::string, std::vector<int>>> by_hash;
    std::unordered_map<std::string, std::size_t> index;
    for (int n = 0; n < static_cast<int>(labels_.size()); ++n) {
      first_degree_[n] = hash_first_degree(n);
      auto [it, inserted] = index.try_emplace(first_degree_[n], by_hash.size());
      if (inserted) by_hash.emplace_back(first_degree_[n], std::vector<int>{});
      by_hash[it->second].second.push_back(n);
    }
    std::sort(by_hash.begin(), by_hash.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });

    // Step 4: unique hashes get canonical identifiers in hash order.
    canon_id_.assign(labels_.size(), -1);
    for (const auto& [hash, nodes] : by_hash) {
      if (nodes.size() == 1) issue_canonical(nodes[0]);
    }

    // Step 5: shared hashes, in hash order, through Hash N-Degree Quads.
    for (const auto& [hash, nodes] : by_hash) {
      if (nodes.size() == 1) continue;
      std::vector<std::pair<std::string, Issuer>> paths;
      for (int n : nodes) {
        if (canon_id_[n] >= 0) continue;
        Issuer temp;
        temp.issue(n);
        std::string h;
        if (!hash_n_degree(n, temp, h)) {
          return fail("rdfc.work_limit",
                      "canonicalisation RDFC-1.0 abandonnée : limite de travail atteinte "
                      "(jeu de données empoisonné ?) / RDFC-1.0 work limit exceeded "
                      "(poison dataset?)",
                      "max_work=" + std::to_string(opts_.max_work));
        }
        paths.emplace_back(std::move(h), std::move(temp));
      }
      std::stable_sort(paths.begin(), paths.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (const auto& [h, issuer] : paths) {
        for (int node : issuer.order) issue_canonical(node);
      }
    }

    // Step 6–7 and §4.9: serialize with canonical labels, sort, concatenate. Lines are
    // built in one buffer and sorted as views.
    CanonicalDataset out;
    out.work = work_;
    std::string buf;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
    spans.reserve(quads_.size());
    for (const IQuad& q : quads_) {
      const auto start = static_cast<std::uint32_t>(buf.size());
      append_canonical(buf, q.s);
      buf += ' ';
      buf += text(q.p);
      buf += ' ';
      append_canonical(buf, q.o);
      buf += ' ';
      if (!q.g.empty()) {
        append_canonical(buf, q.g);
        buf += ' ';
      }
      buf += ".\n";
      spans.emplace_back(start, static_cast<std::uint32_t>(buf.size()) - start);
    }
    sort_spans(buf, spans);
    out.nquads.reserve(buf.size());
    for (const auto& [off, len] : spans) out.nquads.append(buf, off, len);
    out.issued.reserve(canon_order_.size());
    for (std::size_t i = 0; i < canon_order_.size(); ++i) {
      out.issued.emplace_back(labels_[canon_order_[i]], "c14n" + std::to_string(i));
    }
    return out;
  }

 private:
  // §4.4.3 step 2: the blank node to quads map; quads deduplicated (set semantics).
  void load(const rdf::Dataset& ds) {
    std::unordered_map<std::string_view, int> ids;
    std::vector<IQuad> all;
    all.reserve(ds.size());
    auto slot = [&](const rdf::Term& t) {
      Slot s;
      if (t.is_blank()) {
        auto [it, inserted] = ids.try_emplace(t.value, static_cast<int>(labels_.size()));
        if (inserted) {
          labels_.push_back(t.value);
          mentions_.emplace_back();
        }
        s.blank = it->second;
      } else if (!t.is_default_graph()) {
        s.off = static_cast<std::uint32_t>(terms_.size());
        rdf::append_nquads_term(terms_, t);
        s.len = static_cast<std::uint32_t>(terms_.size()) - s.off;
      }
      return s;
    };
    for (const rdf::Quad& q : ds) {
      all.push_back(IQuad{slot(q.subject), slot(q.predicate), slot(q.object), slot(q.graph)});
    }
    // Duplicates: sort indices by content, keep the first occurrence of each quad.
    std::vector<std::uint32_t> order(all.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    auto cmp_slot = [&](const Slot& a, const Slot& b) {
      if (a.blank != b.blank) return a.blank < b.blank ? -1 : 1;
      return text(a).compare(text(b));
    };
    auto cmp = [&](const IQuad& a, const IQuad& b) {
      if (int c = cmp_slot(a.s, b.s)) return c;
      if (int c = cmp_slot(a.p, b.p)) return c;
      if (int c = cmp_slot(a.o, b.o)) return c;
      return cmp_slot(a.g, b.g);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return cmp(all[a], all[b]) < 0; });
    std::vector<char> duplicate(all.size(), 0);
    for (std::size_t k = 1; k < order.size(); ++k) {
      if (cmp(all[order[k - 1]], all[order[k]]) == 0) duplicate[order[k]] = 1;
    }
    quads_.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (duplicate[i]) continue;
      const int qi = static_cast<int>(quads_.size());
      const IQuad& iq = all[i];
      for (const Slot* s : {&iq.s, &iq.o, &iq.g}) {
        if (s->blank < 0) continue;
        auto& m = mentions_[s->blank];
        if (m.empty() || m.back() != qi) m.push_back(qi);
      }
      quads_.push_back(iq);
    }
  }

  std::string_view text(const Slot& s) const { return std::string_view(terms_).substr(s.off, s.len); }

  static void sort_spans(const std::string& buf,
                         std::vector<std::pair<std::uint32_t, std::uint32_t>>& spans) {
    const std::string_view b(buf);
    std::sort(spans.begin(), spans.end(), [&](const auto& x, const auto& y) {
      return b.substr(x.first, x.second) < b.substr(y.first, y.second);
    });
  }

  void issue_canonical(int node) {
    if (canon_id_[node] >= 0) return;
    canon_id_[node] = static_cast<int>(canon_order_.size());
    canon_order_.push_back(node);
  }

  void append_canonical(std::string& out, const Slot& s) const {
    if (s.blank < 0) {
      out += text(s);
    } else {
      out += "_:c14n";
      append_int(out, canon_id_[s.blank]);
    }
  }

  // §4.6 Hash First Degree Quads.
  std::string hash_first_degree(int node) {
    buf_.clear();
    spans_.clear();
    auto put = [&](const Slot& s) {
      if (s.blank < 0) {
        buf_ += text(s);
      } else {
        buf_ += s.blank == node ? "_:a" : "_:z";
      }
    };
    for (int qi : mentions_[node]) {
      const IQuad& q = quads_[qi];
      const auto start = static_cast<std::uint32_t>(buf_.size());
      put(q.s);
      buf_ += ' ';
      buf_ += text(q.p);
      buf_ += ' ';
      put(q.o);
      buf_ += ' ';
      if (!q.g.empty()) {
        put(q.g);
        buf_ += ' ';
      }
      buf_ += ".\n";
      spans_.emplace_back(start, static_cast<std::uint32_t>(buf_.size()) - start);
    }
    sort_spans(buf_, spans_);
    sorted_.clear();
    for (const auto& [off, len] : spans_) sorted_.append(buf_, off, len);
    return hasher_.hex_of(sorted_);
  }

  // §4.7 Hash Related Blank Node.
  std::string hash_related(int related, const IQuad& q, const Issuer& issuer, char position) {
    std::string& input = buf_;
    input.assign(1, position);
    if (position != 'g') input += text(q.p);  // already "<iri>"
    if (canon_id_[related] >= 0) {
      input += "_:c14n";
      append_int(input, canon_id_[related]);
    } else if (const int t = issuer.find(related); t >= 0) {
      input += "_:b";
      append_int(input, t);
    } else {
      input += first_degree_[related];
    }
    return hasher_.hex_of(input);
  }

  bool spend() { return opts_.max_work == 0 || ++work_ <= opts_.max_work; }

  // §4.8 Hash N-Degree Quads. `issuer` is updated in place to the chosen issuer (step 5.6).
  // Returns false when the work budget is exhausted.
  bool hash_n_degree(int node, Issuer& issuer, std::string& out_hash) {
    if (!spend()) return false;
    // Steps 1–3: related hash → related blank nodes.
    std::vector<std::pair<std::string, int>> related;
    for (int qi : mentions_[node]) {
      const IQuad& q = quads_[qi];
      const std::pair<const Slot*, char> parts[] = {{&q.s, 's'}, {&q.o, 'o'}, {&q.g, 'g'}};
      for (const auto& [slot, pos] : parts) {
        if (slot->blank < 0 || slot->blank == node) continue;
        related.emplace_back(hash_related(slot->blank, q, issuer, pos), slot->blank);
      }
    }
    std::stable_sort(related.begin(), related.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    // Steps 4–5.
    std::string data_to_hash;
    std::vector<int> list;
    for (std::size_t i = 0; i < related.size();) {
      std::size_t j = i;
      list.clear();
      while (j < related.size() && related[j].first == related[i].first) {
        list.push_back(related[j].second);
        ++j;
      }
      data_to_hash += related[i].first;  // 5.1
      std::string chosen_path;           // 5.2
      Issuer chosen_issuer;              // 5.3
      bool chosen_set = false;

      Permuter perm(std::move(list), labels_);
      std::vector<int> p;
      while (perm.next(p)) {  // 5.4
        if (!spend()) return false;
        Issuer copy = issuer;  // 5.4.1
        std::string path;      // 5.4.2
        std::vector<int> recursion;  // 5.4.3
        bool skip = false;
        for (int r : p) {  // 5.4.4
          if (canon_id_[r] >= 0) {
            path += "_:c14n";
            append_int(path, canon_id_[r]);
          } else {
            if (copy.find(r) < 0) recursion.push_back(r);
            path += "_:b";
            append_int(path, copy.issue(r));
          }
          if (longer_and_greater(path, chosen_path)) {  // 5.4.4.3
            skip = true;
            break;
          }
        }
        if (skip) continue;
        for (int r : recursion) {  // 5.4.5
          std::string result_hash;
          Issuer result_issuer = copy;
          if (!hash_n_degree(r, result_issuer, result_hash)) return false;
          path += "_:b";
          append_int(path, result_issuer.issue(r));  // 5.4.5.2
          path += '<';
          path += result_hash;
          path += '>';
          copy = std::move(result_issuer);  // 5.4.5.4
          if (longer_and_greater(path, chosen_path)) {  // 5.4.5.5
            skip = true;
            break;
          }
        }
        if (skip) continue;
        if (!chosen_set || path < chosen_path) {  // 5.4.6
          chosen_path = std::move(path);
          chosen_issuer = std::move(copy);
          chosen_set = true;
        }
      }
      data_to_hash += chosen_path;  // 5.5
      issuer = std::move(chosen_issuer);  // 5.6
      i = j;
    }
    out_hash = hasher_.hex_of(data_to_hash);  // 6
    return true;
  }

  static bool longer_and_greater(const std::string& path, const std::string& chosen) {
    return !chosen.empty() && path.size() >= chosen.size() && path > chosen;
  }

  // Permutations in the order of the reference implementation (digitalbazaar/rdf-canonize:
  // Steinhaus–Johnson–Trotter over the list sorted by label). The order matters only for
  // which of several automorphic nodes gets which canonical label (map tests).
  class Permuter {
   public:
    Permuter(std::vector<int> list, const std::vector<std::string>& labels)
        : current_(std::move(list)), labels_(labels) {
      std::sort(current_.begin(), current_.end(),
                [&](int a, int b) { return labels_[a] < labels_[b]; });
    }
    bool next(std::vector<int>& out) {
      if (done_) return false;
      out = current_;
      // The largest mobile element: one pointing at a smaller neighbour. Directions belong
      // to element values (as the reference's Map keyed by identifier).
      const std::size_t n = current_.size();
      int k = -1;
      std::size_t pos = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const int e = current_[i];
        const bool left = dir(e);
        if ((k < 0 || greater(e, k)) &&
            ((left && i > 0 && greater(e, current_[i - 1])) ||
             (!left && i + 1 < n && greater(e, current_[i + 1])))) {
          k = e;
          pos = i;
        }
      }
      if (k < 0) {
        done_ = true;
      } else {
        const std::size_t swap = dir(k) ? pos - 1 : pos + 1;
        current_[pos] = current_[swap];
        current_[swap] = k;
        for (int e : current_) {
          if (greater(e, k)) flip(e);
        }
      }
      return true;
    }

   private:
    bool greater(int a, int b) const { return labels_[a] > labels_[b]; }
    // Direction per distinct element value; elements may repeat in the list.
    bool dir(int e) const {
      for (const auto& [k, v] : dirs_) {
        if (k == e) return v;
      }
      return true;
    }
    void flip(int e) {
      for (auto& [k, v] : dirs_) {
        if (k == e) {
          v = !v;
          return;
        }
      }
      dirs_.emplace_back(e, false);
    }

    std::vector<int> current_;
    const std::vector<std::string>& labels_;
    std::vector<std::pair<int, bool>> dirs_;
    bool done_ = false;
  };

  const RdfcOptions& opts_;
  Hasher hasher_;
  std::vector<IQuad> quads_;
  std::string terms_;  // arena of serialized non-blank terms (Slot::off/len)
  std::string buf_, sorted_;  // scratch buffers for hashing
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans_;
  std::vector<std::string> labels_;           // input label per blank node
  std::vector<std::vector<int>> mentions_;    // blank node → quad indices
  std::vector<std::string> first_degree_;     // blank node → first degree hash
  std::vector<int> canon_id_;                 // blank node → canonical number, or -1
  std::vector<int> canon_order_;              // canonical issuance order
  std::uint64_t work_ = 0;
};

}  // namespace

std::string_view CanonicalDataset::canonical_label(std::string_view input_label) const {
  for (const auto& [in, out] : issued) {
    if (in == input_label) return out;
  }
  return {};
}

Result<CanonicalDataset> canonicalize(const rdf::Dataset& dataset, const RdfcOptions& options) {
  return Canonicalizer(options).run(dataset);
}

Result<std::string> hex_digest(HashAlgorithm alg, std::string_view data) {
  std::string raw = digest(digest_of(alg), data);
  if (raw.empty()) return fail("rdfc.hash", "algorithme de hachage indisponible / hash unavailable");
  return hex_encode(raw);
}

}  // namespace ecusson::rdf
