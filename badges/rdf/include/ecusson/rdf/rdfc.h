// RDFC-1.0: RDF Dataset Canonicalization (W3C Recommendation, 21 May 2024).
//
// canonicalize() gives a dataset's canonical N-Quads form and the canonical blank node
// labels it issued (c14n0, c14n1, …), following the spec step by step: Hash First Degree
// Quads, Hash Related Blank Node, Hash N-Degree Quads (permutations of related blank nodes),
// identifier issuers. Duplicate quads count once (a dataset is a set).
//
// Poison datasets (RDFC-1.0 §7.1) — e.g. cliques of blank nodes whose canonicalization needs
// factorially many permutations — are stopped by a work budget: every Hash N-Degree Quads
// call and every permutation examined costs one unit; beyond `max_work` the function returns
// Error "rdfc.work_limit" after bounded time.
// Stateless free function; thread-safe (each call owns its hashing state).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecusson/rdf/dataset.h"
#include "ecusson/result.h"

namespace ecusson::rdf {

enum class HashAlgorithm : unsigned char { sha256, sha384 };

struct RdfcOptions {
  /// The spec's default is SHA-256; SHA-384 is the alternative the test suite exercises.
  HashAlgorithm hash = HashAlgorithm::sha256;
  /// Work budget (Hash N-Degree Quads calls + permutations examined). Ordinary documents
  /// (credentials, the whole W3C suite but its poison test) use a few hundred units at
  /// most; the default leaves a wide margin while stopping a poison graph in well under a
  /// second. 0 means "no limit" (only for trusted input).
  std::uint64_t max_work = 100'000;
};

struct CanonicalDataset {
  /// The canonical N-Quads document: one line per distinct quad, each ending "\n", in code
  /// point order; blank nodes carry their canonical labels.
  std::string nquads;
  /// Input blank node label (no "_:") → canonical label ("c14n0"…), in issuance order.
  std::vector<std::pair<std::string, std::string>> issued;
  /// Work units spent (see RdfcOptions::max_work); for tests and profiling.
  std::uint64_t work = 0;

  /// The canonical label issued for `input_label`, or "" if it is not a blank node of the
  /// input.
  std::string_view canonical_label(std::string_view input_label) const;
};

/// Canonicalizes `dataset` with RDFC-1.0.
/// Success: the canonical form and the issued identifiers map. Failures:
/// "rdfc.work_limit" (the budget `options.max_work` was exhausted: a poison dataset),
/// "rdfc.hash" (the hash algorithm is unavailable in OpenSSL).
/// Example:
///   auto c = canonicalize(*parse_nquads("_:x <http://ex/p> \"v\" .\n"));
///   // c->nquads == "_:c14n0 <http://ex/p> \"v\" .\n"
[[nodiscard]] Result<CanonicalDataset> canonicalize(const rdf::Dataset& dataset,
                                                    const RdfcOptions& options = {});

/// Lower-case hex digest of `data` with `alg` (helper shared with Data Integrity tests).
[[nodiscard]] Result<std::string> hex_digest(HashAlgorithm alg, std::string_view data);

}  // namespace ecusson::rdf
