// ecusson::test::run_ecusson: runs the built `ecusson` binary and captures its output.
// Include it in any test that needs it (inline, header-only).
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "test_support.h"

namespace ecusson::test {

inline RunResult run_ecusson(const std::string& args, const std::string& stdin_path) {
  TempDir tmp;
  auto out_path = tmp.path() / "out";
  auto err_path = tmp.path() / "err";
  std::string cmd = "'" + ecusson_binary() + "' " + args + " >'" + out_path.string() + "' 2>'" +
                    err_path.string() + "'";
  if (!stdin_path.empty()) cmd += " <'" + stdin_path + "'";
  else cmd += " </dev/null";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

}  // namespace ecusson::test
