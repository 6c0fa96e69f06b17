// `ecusson batch` as a real process: killed with SIGKILL at several points (inside the
// program right after a commit, and from outside at random moments), then run again: every
// row is issued exactly once and every output file is whole. Also: two batches at once on
// one store, a file-size limit (disk full), a read-only store, a key file with mode 0644,
// the progress line and the exit codes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "ecusson/store/sqlite_store.h"
#include "run_ecusson.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

std::string q(const fs::path& p) {
  std::string quoted = "'";
  quoted += p.string();
  quoted += '\'';
  return quoted;
}

std::vector<std::string> lines_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Runs a shell command line (ecusson with environment or limits); returns the exit code,
// 128 + signal when killed.
int shell(const std::string& cmd) {
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

constexpr int kRows = 700;
constexpr int kBadRows = 3;

class BatchCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(run_ecusson("init --dir " + q(dir())).exit_code, 0);
    std::ofstream csv(csv_path(), std::ios::binary);
    csv << "email;given_name;family_name;competence;level\n";
    const char* competences[] = {"ORG.ACT", "ORG.REG", "ORG.EQU"};
    for (int i = 0; i < kRows; ++i) {
      csv << "personne" << i << "@example.fr;Prénom" << i << ";Nom" << i << ";"
          << competences[i % 3] << ";" << 1 + i % 4 << "\n";
      if (i == 10) csv << "pas-un-email;A;B;ORG.ACT;1\n";
      if (i == 400) csv << "x@example.fr;A;B;ORG.ZZZ;1\n";
      if (i == 650) csv << "personne3@example.fr;Prénom3;Nom3;ORG.ACT;4\n";  // duplicate
    }
  }
  fs::path dir() const { return tmp.path() / "var"; }
  fs::path csv_path() const { return tmp.path() / "lot.csv"; }
  fs::path out(const std::string& name = "out") const { return tmp.path() / name; }
  std::string batch_args(const std::string& out_name = "out") const {
    return "batch " + q(csv_path()) + " --out " + q(out(out_name)) + " --dir " + q(dir()) +
           " --consent-collected --by 'Claire Dupont'";
  }
  std::string cmd(const std::string& env, const std::string& out_name = "out") const {
    return env + " '" + ecusson_binary() + "' " + batch_args(out_name) + " >" +
           q(tmp.path() / ("stdout-" + out_name)) + " 2>" + q(tmp.path() / ("stderr-" + out_name)) +
           " </dev/null";
  }
  std::string err(const std::string& out_name = "out") const {
    return read_file(tmp.path() / ("stderr-" + out_name));
  }

  // What the store holds: credential ids, and no idempotency key twice.
  std::set<std::string> stored_ids() {
    auto s = store::open_sqlite_store({.path = dir() / "ecusson.db", .read_only = true});
    EXPECT_TRUE(s.has_value());
    if (!s) return {};
    auto all = (*s)->list_credentials();
    EXPECT_TRUE(all.has_value());
    std::set<std::string> ids, keys;
    for (const auto& c : *all) {
      ids.insert(c.id);
      EXPECT_TRUE(keys.insert(c.idempotency_key).second) << "issued twice: " << c.idempotency_key;
    }
    return ids;
  }

  // The outputs of a completed run: whole, one line per issued row, images for each.
  void expect_complete_outputs(const std::string& out_name = "out") {
    auto ids = stored_ids();
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(kRows));
    auto jsonl = lines_of(out(out_name) / "credentials.jsonl");
    ASSERT_EQ(jsonl.size(), static_cast<std::size_t>(kRows));
    std::set<std::string> seen;
    for (const auto& line : jsonl) {
      auto doc = json::parse(line).as_object();  // whole: parses
      std::string id(doc.at("id").as_string());
      EXPECT_TRUE(seen.insert(id).second) << "twice in jsonl: " << id;
      EXPECT_TRUE(ids.contains(id));
    }
    auto mailing = lines_of(out(out_name) / "mailing.csv");
    EXPECT_EQ(mailing.size(), static_cast<std::size_t>(kRows + 1));
    std::size_t pictures = 0;
    for (std::size_t i = 1; i < mailing.size(); ++i) {
      std::string line = mailing[i];
      if (line.ends_with("\r")) line.pop_back();
      fs::path png = line.substr(line.rfind(';') + 1);
      EXPECT_GT(fs::file_size(png), 1000u) << png;
      EXPECT_GT(fs::file_size(fs::path(png).replace_extension(".svg")), 1000u) << png;
      ++pictures;
    }
    EXPECT_EQ(pictures, static_cast<std::size_t>(kRows));
    EXPECT_EQ(lines_of(out(out_name) / "rejects.csv").size(), static_cast<std::size_t>(kBadRows + 1));
    for (const auto& e : fs::directory_iterator(out(out_name))) {
      std::string name = e.path().filename().string();
      EXPECT_FALSE(name.ends_with(".part")) << name;
      EXPECT_EQ(name.find(".tmp"), std::string::npos) << name;
    }
  }

  TempDir tmp;
};

TEST_F(BatchCli, completes_with_exit_1_for_rejected_rows_and_prints_progress) {
  EXPECT_EQ(shell(cmd("")), 1) << err();
  expect_complete_outputs();
  // Not a terminal: progress lines, then the summary in French.
  EXPECT_NE(err().find("lignes/s"), std::string::npos) << err();
  auto summary = read_file(tmp.path() / "stdout-out");
  EXPECT_NE(summary.find("700 badge(s) émis, 0 déjà émis, 3 ligne(s) rejetée(s)"), std::string::npos)
      << summary;
  // A re-run issues nothing.
  EXPECT_EQ(shell(cmd("")), 1);
  EXPECT_NE(read_file(tmp.path() / "stdout-out").find("0 badge(s) émis, 700 déjà émis"),
            std::string::npos);
  expect_complete_outputs();
}

TEST_F(BatchCli, sigkill_after_commits_then_rerun_issues_every_row_exactly_once) {
  // The program kills itself with SIGKILL right after committing a chunk, before writing
  // that chunk's outputs: the worst moment.
  for (int rows : {1, 300, 600}) {
    EXPECT_EQ(shell(cmd("ECUSSON_TEST_KILL_AFTER_ROWS=" + std::to_string(rows))), 128 + SIGKILL)
        << "kill point " << rows << ": " << err();
    auto ids = stored_ids();  // consistent, no key twice
    EXPECT_GT(ids.size(), 0u);
    EXPECT_LE(ids.size(), static_cast<std::size_t>(kRows));
    EXPECT_FALSE(fs::exists(out() / "credentials.jsonl"));  // only whole files under final names
  }
  EXPECT_EQ(shell(cmd("")), 1) << err();
  expect_complete_outputs();
}

TEST_F(BatchCli, sigkill_from_outside_at_random_moments) {
  std::mt19937 rng(20261204);
  std::uniform_int_distribution<int> delay_ms(50, 1500);
  for (int attempt = 0; attempt < 4; ++attempt) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::execl("/bin/sh", "sh", "-c", ("exec " + cmd("")).c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    stored_ids();  // consistent after every kill (no key twice)
  }
  EXPECT_EQ(shell(cmd("")), 1) << err();
  expect_complete_outputs();
}

TEST_F(BatchCli, two_batches_at_once_on_one_store_issue_each_row_once) {
  pid_t pids[2];
  for (int i = 0; i < 2; ++i) {
    pids[i] = ::fork();
    ASSERT_GE(pids[i], 0);
    if (pids[i] == 0) {
      std::string c = "exec " + cmd("", i == 0 ? "out" : "out2");
      ::execl("/bin/sh", "sh", "-c", c.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }
  for (pid_t pid : pids) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 1) << err() << err("out2");
  }
  expect_complete_outputs("out");
  expect_complete_outputs("out2");
  // Both folders list the same credentials.
  auto a = lines_of(out() / "credentials.jsonl");
  auto b = lines_of(out("out2") / "credentials.jsonl");
  EXPECT_EQ(std::set<std::string>(a.begin(), a.end()), std::set<std::string>(b.begin(), b.end()));
}

TEST_F(BatchCli, a_full_disk_stops_cleanly_and_the_rerun_completes) {
  // RLIMIT_FSIZE as a small disk: writes beyond 3 MB fail with EFBIG (SIGXFSZ ignored).
  int code = shell(cmd("trap '' XFSZ; ulimit -f 3000;"));
  EXPECT_EQ(code, 2) << err();
  EXPECT_NE(err().find("relancez la même commande"), std::string::npos) << err();
  stored_ids();
  EXPECT_EQ(shell(cmd("")), 1) << err();
  expect_complete_outputs();
}

TEST_F(BatchCli, read_only_store_and_unsafe_key_are_clear_errors) {
  ::chmod(tmp.path().c_str(), 0755);
  if (::geteuid() == 0) {
    // root ignores permissions: run as "nobody", who owns everything but the database.
    ASSERT_EQ(std::system("command -v setpriv >/dev/null 2>&1"), 0) << "setpriv missing";
    ASSERT_EQ(shell("chown -R 65534:65534 " + q(tmp.path()) + " && chown 0:0 " +
                    q(dir() / "ecusson.db") + " && chmod 0644 " + q(dir() / "ecusson.db") +
                    " && rm -f " + q(dir() / "ecusson.db-wal") + " " + q(dir() / "ecusson.db-shm")),
              0);
    EXPECT_EQ(shell(cmd("setpriv --reuid=65534 --regid=65534 --clear-groups")), 2);
  } else {
    ::chmod((dir() / "ecusson.db").c_str(), 0444);
    EXPECT_EQ(shell(cmd("")), 2);
  }
  EXPECT_NE(err().find("magasin"), std::string::npos) << err();
  EXPECT_FALSE(fs::exists(out() / "credentials.jsonl"));
  shell("chown -R 0:0 " + q(tmp.path()) + " 2>/dev/null; chmod 0600 " + q(dir() / "ecusson.db"));
  ::chmod((dir() / "keys/ob3-ed25519.pem").c_str(), 0644);
  EXPECT_EQ(shell(cmd("")), 2);
  EXPECT_NE(err().find("chmod 600"), std::string::npos) << err();
  EXPECT_EQ(stored_ids().size(), 0u);
}

TEST_F(BatchCli, dry_run_and_json) {
  auto r = run_ecusson(batch_args() + " --dry-run --json");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto report = json::parse(r.out).as_object();
  EXPECT_EQ(report.at("dryRun"), true);
  EXPECT_EQ(report.at("issued").as_int64(), kRows);
  EXPECT_EQ(report.at("rejected").as_int64(), kBadRows);
  EXPECT_EQ(stored_ids().size(), 0u);
  auto missing = run_ecusson("batch " + q(tmp.path() / "absent.csv") + " --out " + q(out()) +
                             " --dir " + q(dir()));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("fichier illisible ou absent"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace ecusson::test
