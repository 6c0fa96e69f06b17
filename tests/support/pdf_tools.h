// ecusson::test::pdf_facts / pdf_text: open a PDF with poppler-utils (pdfinfo, pdffonts,
// pdftotext), as a reader's tools would. Header-only. poppler-utils is a test dependency
// (scripts/install-deps): when it is missing, `opened` is false and the test fails.
#pragma once

#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>

namespace ecusson::test {

/// Standard output of a shell command (stderr discarded).
inline std::string command_output(const std::string& command) {
  std::string out;
  FILE* p = ::popen((command + " 2>/dev/null").c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

struct PdfFacts {
  bool opened = false;  // pdfinfo read it
  int pages = 0;
  std::string info;     // pdfinfo output
  std::string fonts;    // pdffonts output
};

inline PdfFacts pdf_facts(const std::filesystem::path& pdf) {
  PdfFacts f;
  f.info = command_output("pdfinfo '" + pdf.string() + "'");
  std::smatch m;
  static const std::regex pages(R"(Pages:\s+(\d+))");
  if (std::regex_search(f.info, m, pages)) {
    f.opened = true;
    f.pages = std::stoi(m[1]);
  }
  f.fonts = command_output("pdffonts '" + pdf.string() + "'");
  return f;
}

/// The text of the PDF in reading order (pdftotext, UTF-8).
inline std::string pdf_text(const std::filesystem::path& pdf) {
  return command_output("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
}

}  // namespace ecusson::test
