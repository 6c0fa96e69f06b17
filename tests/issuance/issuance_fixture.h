// A fresh issuer data directory for issuance tests: `init` in a temporary directory
// (OB 2.0 enabled), the store opened, the shipped grid's catalogue synchronised, and a
// fetcher that serves DIR/public at the base URL, so that verifiers fetch the status
// lists and OB 2.0 documents Ecusson publishes, offline.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ecusson/assessment/grid.h"
#include "ecusson/issuance/catalogue.h"
#include "ecusson/issuance/init.h"
#include "ecusson/issuance/issuer.h"
#include "ecusson/net/http_fetcher.h"
#include "test_support.h"

namespace ecusson::test {

/// Serves the files under `public_dir` for URLs under `base`; anything else is offline.
class PublicDirFetcher final : public net::Fetcher {
 public:
  PublicDirFetcher(std::string base, std::filesystem::path public_dir)
      : base_(std::move(base)), public_dir_(std::move(public_dir)) {}
  Result<net::FetchResponse> fetch(std::string_view url, const net::FetchOptions&) override {
    urls.emplace_back(url);
    if (!url.starts_with(base_ + "/"))
      return Error("fetch.dns", "hôte injoignable (test hors ligne)", std::string(url));
    std::filesystem::path p = public_dir_ / std::string(url.substr(base_.size() + 1));
    std::ifstream in(p, std::ios::binary);
    if (!in) return Error("fetch.http_status", "HTTP 404", std::string(url));
    std::ostringstream ss;
    ss << in.rdbuf();
    return net::FetchResponse{200, "application/json", ss.str(), std::string(url)};
  }
  std::vector<std::string> urls;

 private:
  std::string base_;
  std::filesystem::path public_dir_;
};

class IssuerFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto init = issuance::init_issuer({.dir = tmp.path() / "var",
                                       .issuer_name = "Maison de l'Emploi d'Essai",
                                       .issuer_url = "https://mde.example.fr",
                                       .email = "badges@mde.example.fr",
                                       .base_url = std::nullopt});
    ASSERT_TRUE(init.has_value()) << init.error().message;
    auto d = issuance::open_data_dir({.dir = tmp.path() / "var"});
    ASSERT_TRUE(d.has_value()) << d.error().message;
    dir = std::move(*d);
    auto g = assessment::load_grid((templates_dir() / "grids/rectec-style.grid.xml").string());
    ASSERT_TRUE(g.has_value());
    grid = *g;
    auto synced = issuance::sync_catalogue(*dir.store, grid, {.base_url = dir.issuer->base.url});
    ASSERT_TRUE(synced.has_value()) << synced.error().message;
  }
  const issuance::Issuer& issuer() const { return *dir.issuer; }
  store::Store& db() { return *dir.store; }
  PublicDirFetcher fetcher() const {
    return PublicDirFetcher(dir.issuer->base.url, tmp.path() / "var" / "public");
  }
  void add_participant(const std::string& ref, const std::string& email) {
    ASSERT_TRUE(db().add_participant({.ref = ref, .given_name = "Camille", .family_name = "Martin",
                                      .email = email, .did = std::nullopt,
                                      .created_at = "2026-01-05T10:00:00Z"})
                    .has_value());
  }
  store::Achievement achievement(const std::string& competence, int level) {
    auto a = db().find_achievement(grid.id, grid.version, competence, level);
    EXPECT_TRUE(a.has_value() && a->has_value());
    return a && *a ? **a : store::Achievement{};
  }

  TempDir tmp;
  issuance::DataDir dir;
  assessment::Grid grid;
};

}  // namespace ecusson::test
