// End-to-end tests of `ecusson badge-art`.
#include "run_ecusson.h"

namespace ecusson::test {
namespace {

std::string q(const std::filesystem::path& p) {
  std::string out = "'";
  out += p.string();
  out += '\'';
  return out;
}

const std::string kArgs =
    "badge-art --competence \"Travailler en équipe\" --level 2 --level-label \"Je sais faire "
    "seul·e\" --domain-colour \"#2E8B57\" ";

TEST(badge_art_cli, writes_svg_with_the_competence) {
  TempDir tmp;
  auto out = tmp.path() / "art.svg";
  auto r = run_ecusson(kArgs + "-o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string svg = read_file(out);
  EXPECT_NE(svg.find("équipe"), std::string::npos);
  EXPECT_NE(svg.find("Niveau 2 — Je sais faire seul·e"), std::string::npos);
}

TEST(badge_art_cli, writes_png_of_requested_width) {
  TempDir tmp;
  auto out = tmp.path() / "art.png";
  auto r = run_ecusson(kArgs + "--width 200 -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string png = read_file(out);
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  auto be32 = [&](std::size_t at) {
    auto b = reinterpret_cast<const unsigned char*>(png.data() + at);
    return (unsigned{b[0]} << 24) | (unsigned{b[1]} << 16) | (unsigned{b[2]} << 8) | b[3];
  };
  EXPECT_EQ(be32(16), 200u);  // IHDR width
}

TEST(badge_art_cli, refuses_bad_colour) {
  TempDir tmp;
  auto r = run_ecusson("badge-art --competence X --level 1 --domain-colour bleu -o " +
                       q(tmp.path() / "a.svg"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--domain-colour"), std::string::npos) << r.err;
}

TEST(badge_art_cli, refuses_level_above_scale) {
  TempDir tmp;
  auto r = run_ecusson("--lang en badge-art --competence X --level 5 --levels 4 -o " +
                       q(tmp.path() / "a.svg"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--level must be"), std::string::npos) << r.err;
}

TEST(badge_art_cli, missing_template_is_reported_in_english) {
  TempDir tmp;
  auto r =
      run_ecusson("--lang en " + kArgs + "--template nope.svg.tmpl -o " + q(tmp.path() / "a.svg"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("badge template not found"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("art.template"), std::string::npos) << r.err;
}

TEST(badge_art_cli, refuses_unknown_output_format) {
  TempDir tmp;
  auto r = run_ecusson(kArgs + "-o " + q(tmp.path() / "a.gif"));
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace ecusson::test
