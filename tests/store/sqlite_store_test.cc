// What only the SQLite backend does: the file, WAL, migrations, triggers, read-only and
// corrupt files, the busy timeout. These tests open the file with SQLite directly to look
// at it or to tamper with it as an outside program would.
#include "ecusson/store/sqlite_store.h"

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

#include <fstream>

#include "test_support.h"

namespace ecusson::store {
namespace {

namespace fs = std::filesystem;

/// A raw SQLite connection for inspecting or tampering with a store file.
class Raw {
 public:
  explicit Raw(const fs::path& p) {
    EXPECT_EQ(sqlite3_open(p.c_str(), &db_), SQLITE_OK);
    sqlite3_busy_timeout(db_, 5000);
  }
  ~Raw() { sqlite3_close(db_); }
  /// Runs `sql`; returns SQLITE_OK or the error code, the message in `error`.
  int exec(const std::string& sql) {
    char* msg = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg);
    error = msg ? msg : "";
    sqlite3_free(msg);
    return rc;
  }
  std::string scalar(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
  }
  std::string error;

 private:
  sqlite3* db_ = nullptr;
};

class sqlite_store : public ::testing::Test {
 protected:
  fs::path path() const { return dir_.path() / "var" / "ecusson.db"; }
  Result<std::unique_ptr<Store>> open(SqliteOptions o = {}) {
    o.path = path();
    return open_sqlite_store(o);
  }
  ecusson::test::TempDir dir_;
};

TEST_F(sqlite_store, creates_the_file_and_its_folder_in_wal_mode) {
  auto s = open();
  ASSERT_OK(s);
  EXPECT_TRUE(fs::exists(path()));
  EXPECT_EQ((*s)->backend(), "sqlite");
  Raw raw(path());
  EXPECT_EQ(raw.scalar("PRAGMA journal_mode"), "wal");
}

// Participants' identities live in the store (design §5): nobody but its owner reads it,
// whatever the umask, nor its write-ahead log.
TEST_F(sqlite_store, a_new_store_and_its_wal_are_readable_by_the_owner_only) {
  auto s = open();
  ASSERT_OK(s);
  AuditEntry e;
  e.actor = "test";
  e.action = "test.write";
  e.detail = "{}";
  ASSERT_OK((*s)->append_audit(e));
  for (const char* suffix : {"", "-wal"}) {
    fs::path p = path().string() + suffix;
    ASSERT_TRUE(fs::exists(p)) << p;
    EXPECT_EQ(fs::status(p).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write) << p;
  }
}

TEST_F(sqlite_store, migrations_are_applied_once_and_reopening_changes_nothing) {
  {
    auto s = open();
    ASSERT_OK(s);
    EXPECT_EQ(*(*s)->schema_version(), sqlite_schema_version());
  }
  Raw raw(path());
  const std::string count = raw.scalar("SELECT count(*) FROM schema_migrations");
  const std::string applied = raw.scalar("SELECT group_concat(applied_at) FROM schema_migrations");
  EXPECT_EQ(count, std::to_string(sqlite_schema_version()));
  for (int i = 0; i < 3; ++i) {
    auto again = open();
    ASSERT_OK(again);
    EXPECT_EQ(*(*again)->schema_version(), sqlite_schema_version());
  }
  EXPECT_EQ(raw.scalar("SELECT count(*) FROM schema_migrations"), count);
  EXPECT_EQ(raw.scalar("SELECT group_concat(applied_at) FROM schema_migrations"), applied);
}

TEST_F(sqlite_store, a_database_from_a_newer_ecusson_is_refused) {
  ASSERT_OK(open());
  {
    Raw raw(path());
    ASSERT_EQ(raw.exec("INSERT INTO schema_migrations VALUES (999, 'from the future', 'x', "
                       "'2030-01-01T00:00:00Z')"),
              SQLITE_OK);
  }
  auto s = open();
  EXPECT_ERROR(s, "store.schema_too_new");
  EXPECT_NE(s.error().message.find("999"), std::string::npos) << s.error().message;
  EXPECT_NE(s.error().message.find("mettez Ecusson à jour"), std::string::npos);
  SqliteOptions ro;
  ro.read_only = true;
  EXPECT_ERROR(open(ro), "store.schema_too_new");
}

TEST_F(sqlite_store, an_edited_shipped_migration_is_detected) {
  ASSERT_OK(open());
  {
    Raw raw(path());
    ASSERT_EQ(raw.exec("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1"),
              SQLITE_OK);
  }
  EXPECT_ERROR(open(), "store.schema_changed");
}

TEST_F(sqlite_store, the_audit_log_refuses_update_and_delete_from_anyone) {
  auto s = open();
  ASSERT_OK(s);
  ASSERT_OK((*s)->append_audit({0, "2025-03-17T09:00:00Z", "cm", "consent.given", "p:P1", "{}"}));
  s->reset();
  Raw raw(path());
  EXPECT_EQ(raw.exec("UPDATE audit_log SET actor = 'someone else'"), SQLITE_CONSTRAINT);
  EXPECT_NE(raw.error.find("append-only"), std::string::npos) << raw.error;
  EXPECT_EQ(raw.exec("DELETE FROM audit_log"), SQLITE_CONSTRAINT);
  EXPECT_EQ(raw.scalar("SELECT actor FROM audit_log"), "cm");
  EXPECT_EQ(raw.exec("INSERT INTO audit_log (at, actor, action) VALUES ('t', 'x', 'y')"),
            SQLITE_OK);
}

TEST_F(sqlite_store, read_only_open_reads_and_refuses_every_write) {
  {
    auto s = open();
    ASSERT_OK(s);
    ASSERT_OK((*s)->add_participant({"P1", "A", "B", "", std::nullopt, "2025-01-01T00:00:00Z"}));
  }
  SqliteOptions ro;
  ro.read_only = true;
  auto s = open(ro);
  ASSERT_OK(s);
  EXPECT_OK((*s)->get_participant("P1"));
  auto w = (*s)->add_participant({"P2", "A", "B", "", std::nullopt, "2025-01-01T00:00:00Z"});
  EXPECT_ERROR(w, "store.readonly");
  EXPECT_NE(w.error().message.find("lecture seule"), std::string::npos);
  EXPECT_ERROR((*s)->append_audit({0, "t", "cm", "x", "", "{}"}), "store.readonly");
  EXPECT_ERROR(open_sqlite_store({.path = dir_.path() / "missing.db", .read_only = true}),
               "store.open");
}

TEST_F(sqlite_store, a_file_without_write_permission_gives_readonly) {
  ASSERT_OK(open());
  fs::permissions(path(), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  if (::geteuid() != 0) {
    auto s = open();
    EXPECT_ERROR(s, "store.readonly");
    return;
  }
  // Root ignores permissions: check as an unprivileged user, in a child process.
  fs::permissions(dir_.path(), fs::perms::owner_all | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read |
                                   fs::perms::others_exec);
  std::fflush(nullptr);
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
    auto s = open();
    if (s) ::_exit(1);
    std::fprintf(stderr, "%s\n", s.error().to_string().c_str());
    ::_exit(s.error().code == "store.readonly" ? 0 : 2);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: opened for writing, 2: another error, 3: setuid";
}

TEST_F(sqlite_store, a_file_that_is_not_a_database_gives_a_clear_open_error) {
  fs::create_directories(path().parent_path());
  {
    std::ofstream f(path(), std::ios::binary);
    f << "email,given_name,family_name,competence,level\n";
    for (int i = 0; i < 200; ++i) f << "camille@example.org,Camille,Martin,ORG.ACT,2\n";
  }
  auto s = open();
  EXPECT_ERROR(s, "store.open");
  EXPECT_NE(s.error().message.find(path().string()), std::string::npos) << s.error().message;
  EXPECT_NE(s.error().message.find("impossible d'ouvrir"), std::string::npos);

  // A real database whose header is damaged.
  const fs::path damaged = dir_.path() / "damaged.db";
  ASSERT_OK(open_sqlite_store({.path = damaged}));
  fs::remove(fs::path(damaged.string() + "-wal"));
  fs::remove(fs::path(damaged.string() + "-shm"));
  {
    std::fstream f(damaged, std::ios::binary | std::ios::in | std::ios::out);
    f.seekp(0);
    f << "definitely not SQLite!!";
  }
  EXPECT_ERROR(open_sqlite_store({.path = damaged}), "store.open");

  // A folder in place of the file.
  fs::create_directories(dir_.path() / "folder.db");
  EXPECT_ERROR(open_sqlite_store({.path = dir_.path() / "folder.db"}), "store.open");
  EXPECT_ERROR(open_sqlite_store({.path = ""}), "store.open");
}

TEST_F(sqlite_store, a_writer_waits_then_gives_busy) {
  ASSERT_OK(open());
  Raw other(path());
  ASSERT_EQ(other.exec("BEGIN IMMEDIATE"), SQLITE_OK);  // another process holds the write lock
  SqliteOptions o;
  o.busy_timeout = std::chrono::milliseconds(100);
  auto s = open(o);
  EXPECT_ERROR(s, "store.busy");  // opening checks migrations under the write lock
  ASSERT_EQ(other.exec("COMMIT"), SQLITE_OK);
  s = open(o);
  ASSERT_OK(s);
  ASSERT_EQ(other.exec("BEGIN IMMEDIATE"), SQLITE_OK);
  EXPECT_ERROR((*s)->add_participant({"P1", "A", "B", "", std::nullopt, "t"}), "store.busy");
  EXPECT_OK((*s)->list_participants());  // readers are not blocked in WAL mode
  ASSERT_EQ(other.exec("ROLLBACK"), SQLITE_OK);
  EXPECT_OK((*s)->add_participant({"P1", "A", "B", "", std::nullopt, "t"}));
}

TEST_F(sqlite_store, a_full_status_list_hands_out_no_more_indices) {
  auto s = open();
  ASSERT_OK(s);
  ASSERT_OK((*s)->put_issuer({"did:key:z", "Émetteur", "", "", "", "", "t", "t"}));
  ASSERT_OK((*s)->create_status_list("L", "did:key:z", StatusPurpose::revocation,
                                     kMinStatusListSize, "t"));
  {
    Raw raw(path());
    ASSERT_EQ(raw.exec("UPDATE status_lists SET next_index = size - 3"), SQLITE_OK);
  }
  // A block is cut at the end of the list.
  EXPECT_EQ(*(*s)->allocate_status_indices("L", 2), (StatusIndexRange{kMinStatusListSize - 3, 2}));
  EXPECT_EQ(*(*s)->allocate_status_indices("L", 256), (StatusIndexRange{kMinStatusListSize - 1, 1}));
  EXPECT_ERROR((*s)->allocate_status_indices("L", 8), "store.status_list_full");
  EXPECT_ERROR((*s)->allocate_status_index("L"), "store.status_list_full");
  EXPECT_ERROR((*s)->allocate_status_index("L"), "store.status_list_full");
}

TEST_F(sqlite_store, a_full_disk_gives_full_and_keeps_the_store_consistent) {
  ASSERT_OK(open());
  std::fflush(nullptr);
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    auto s = open();
    if (!s) ::_exit(3);
    // Files may not grow past 256 KiB from now on (as on a full disk).
    ::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{256 * 1024, 256 * 1024};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(4);
    const std::string big(8192, 'x');
    for (int i = 0; i < 1000; ++i) {
      auto w = (*s)->add_participant({"P" + std::to_string(i), big, big, "", std::nullopt, "t"});
      if (!w) {
        std::fprintf(stderr, "%s\n", w.error().to_string().c_str());
        ::_exit(w.error().code == "store.full" ? 0 : 2);
      }
    }
    ::_exit(1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << "the child crashed";
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: never full, 2: another error code";
  // Without the limit, the store opens, is intact and takes writes again.
  auto s = open();
  ASSERT_OK(s);
  {
    Raw raw(path());
    EXPECT_EQ(raw.scalar("PRAGMA integrity_check"), "ok");
  }
  auto people = (*s)->list_participants();
  ASSERT_OK(people);
  EXPECT_FALSE(people->empty());
  EXPECT_OK((*s)->add_participant({"after", "A", "B", "", std::nullopt, "t"}));
}

}  // namespace
}  // namespace ecusson::store
