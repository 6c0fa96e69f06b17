#include "ecusson/art/badge_art.h"

#include <png.h>

#include <pugixml.hpp>

#include "baking_test_util.h"
#include "ecusson/baking/png_baking.h"
#include "ecusson/baking/svg_baking.h"

namespace ecusson::test {
namespace {

using art::BadgeArtInput;

std::string tmpl() {
  auto t = art::load_badge_template(templates_dir().string());
  EXPECT_OK(t);
  return t ? *t : std::string();
}

BadgeArtInput sample() {
  BadgeArtInput in;
  in.competence = "Communiquer à l'oral avec ses collègues";
  in.level = 2;
  in.level_count = 4;
  in.level_label = "Je sais faire seul·e";
  in.domain = "Savoir-être";
  in.domain_colour = "#2B6CB0";
  return in;
}

std::vector<std::string> name_lines(const pugi::xml_document& doc) {
  std::vector<std::string> out;
  // The white text (second <text> of the name group) holds one <tspan> per line.
  auto node = doc.select_node("//*[local-name()='text'][@fill='#FFFFFF'][*[local-name()='tspan']]");
  for (auto t : node.node().children("tspan")) out.push_back(t.child_value());
  return out;
}

TEST(badge_art, fills_template_with_accented_text_and_level) {
  std::string svg = art::render_badge_svg(sample(), tmpl());
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str())) << svg;
  EXPECT_EQ(svg.find("{{"), std::string::npos);  // every placeholder filled
  auto lines = name_lines(doc);
  ASSERT_GE(lines.size(), 2u);
  ASSERT_LE(lines.size(), 3u);
  std::string joined;
  for (auto& l : lines) joined += (joined.empty() ? "" : " ") + l;
  EXPECT_EQ(joined, "Communiquer à l’oral avec ses collègues");
  EXPECT_NE(svg.find("Niveau 2 — Je sais faire seul·e"), std::string::npos);
  EXPECT_NE(svg.find("SAVOIR-ÊTRE"), std::string::npos);
  EXPECT_NE(svg.find("DejaVu Sans"), std::string::npos);
  EXPECT_NE(svg.find("#2B6CB0"), std::string::npos);
}

TEST(badge_art, escapes_markup_in_every_text) {
  BadgeArtInput in = sample();
  in.competence = "<script>alert(1)</script> & \"co\"";
  in.level_label = "</text><g onload='x'>";
  in.domain = "A&B";
  in.mark = "<x>";
  std::string svg = art::render_badge_svg(in, tmpl());
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str())) << svg;
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<g onload"), std::string::npos);
  EXPECT_FALSE(doc.select_node("//script"));
  EXPECT_NE(svg.find("&lt;script&gt;"), std::string::npos);
}

TEST(badge_art, invalid_utf8_and_control_characters_still_give_wellformed_xml) {
  BadgeArtInput in = sample();
  in.competence = std::string("Bad \xC3\x28 byte \x01 and \xFF end");
  std::string svg = art::render_badge_svg(in, tmpl());
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(svg.c_str()));
}

TEST(badge_art, short_name_on_one_line_long_name_on_three_at_most) {
  BadgeArtInput in = sample();
  in.competence = "Lire";
  pugi::xml_document d1;
  ASSERT_TRUE(d1.load_string(art::render_badge_svg(in, tmpl()).c_str()));
  EXPECT_EQ(name_lines(d1).size(), 1u);
  in.competence =
      "Respecter les règles d'hygiène, de sécurité et de l'environnement de travail au quotidien "
      "dans l'entreprise et sur tous les chantiers";
  pugi::xml_document d2;
  ASSERT_TRUE(d2.load_string(art::render_badge_svg(in, tmpl()).c_str()));
  auto lines = name_lines(d2);
  EXPECT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines.back().ends_with("…"));
}

TEST(badge_art, draws_level_as_filled_stars) {
  BadgeArtInput in = sample();
  in.level = 3;
  in.level_count = 5;
  std::string svg = art::render_badge_svg(in, tmpl());
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  int filled = 0, empty = 0;
  for (auto p :
       doc.select_nodes("//*[local-name()='g'][@stroke='#FFFFFF']/*[local-name()='path']")) {
    if (p.node().attribute("fill-opacity"))
      ++empty;
    else
      ++filled;
  }
  EXPECT_EQ(filled, 3);
  EXPECT_EQ(empty, 2);
}

TEST(badge_art, invalid_colour_falls_back_to_default) {
  EXPECT_FALSE(art::is_valid_colour("blue"));
  EXPECT_FALSE(art::is_valid_colour("#12345"));
  EXPECT_TRUE(art::is_valid_colour("#abc"));
  BadgeArtInput in = sample();
  in.domain_colour = "\"/><script/>";
  std::string svg = art::render_badge_svg(in, tmpl());
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(svg.find("#2B6CB0"), std::string::npos);
}

struct Pixels {
  unsigned width = 0, height = 0;
  std::vector<unsigned char> rgba;
  const unsigned char* at(unsigned x, unsigned y) const { return &rgba[(y * width + x) * 4]; }
};

Pixels decode(const std::string& png) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  Pixels px;
  if (!png_image_begin_read_from_memory(&img, png.data(), png.size())) return px;
  img.format = PNG_FORMAT_RGBA;
  px.rgba.resize(PNG_IMAGE_SIZE(img));
  if (!png_image_finish_read(&img, nullptr, px.rgba.data(), 0, nullptr)) return {};
  px.width = img.width;
  px.height = img.height;
  return px;
}

TEST(badge_art, renders_png_in_the_domain_colour) {
  BadgeArtInput in = sample();
  auto blue = art::render_badge_png(art::render_badge_svg(in, tmpl()), 256);
  ASSERT_OK(blue);
  Pixels b = decode(*blue);
  ASSERT_EQ(b.width, 256u);
  ASSERT_EQ(b.height, 256u);
  // Left part of the disc (x=100/512, y=260/512): blue dominates. Corner: transparent.
  const unsigned char* p = b.at(50, 130);
  EXPECT_GT(p[2], p[0] + 40) << int(p[0]) << "," << int(p[1]) << "," << int(p[2]);
  EXPECT_EQ(b.at(2, 2)[3], 0);
  in.domain_colour = "#C0392B";
  auto red = art::render_badge_png(art::render_badge_svg(in, tmpl()), 256);
  ASSERT_OK(red);
  Pixels r = decode(*red);
  p = r.at(50, 130);
  EXPECT_GT(p[0], p[2] + 40) << int(p[0]) << "," << int(p[1]) << "," << int(p[2]);
}

TEST(badge_art, rendered_png_can_be_baked) {
  auto png = art::render_badge_png(art::render_badge_svg(sample(), tmpl()), 128);
  ASSERT_OK(png);
  auto baked = baking::bake_png(*png, kOb3Json, baking::BadgeVersion::ob3);
  ASSERT_OK(baked);
  auto p = baking::unbake_png(*baked);
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, baking::BakedKind::ob3_json);
}

TEST(badge_art, baked_svg_art_still_renders_the_same) {
  std::string svg = art::render_badge_svg(sample(), tmpl());
  auto baked = baking::bake_svg(svg, kOb3Json, baking::BadgeVersion::ob3);
  ASSERT_OK(baked);
  auto plain = art::render_badge_png(svg, 128);
  auto with_badge = art::render_badge_png(*baked, 128);
  ASSERT_OK(plain);
  ASSERT_OK(with_badge);
  EXPECT_EQ(decode(*plain).rgba, decode(*with_badge).rgba);  // the credential is invisible
  EXPECT_FALSE(decode(*plain).rgba.empty());
}

TEST(badge_art, png_rendering_refuses_bad_input) {
  EXPECT_ERROR(art::render_badge_png("<svg", 128), "art.bad_svg");
  EXPECT_ERROR(art::render_badge_png("not xml at all", 128), "art.bad_svg");
  EXPECT_ERROR(art::render_badge_png(art::render_badge_svg(sample(), tmpl()), 5),
               "art.bad_width");
  EXPECT_ERROR(art::render_badge_png(art::render_badge_svg(sample(), tmpl()), 100000),
               "art.bad_width");
}

TEST(badge_art, every_shipped_template_fills_and_renders) {
  int n = 0;
  for (auto& entry : std::filesystem::directory_iterator(templates_dir() / "badges")) {
    if (!entry.path().string().ends_with(".svg.tmpl")) continue;
    ++n;
    SCOPED_TRACE(entry.path().string());
    auto t =
        art::load_badge_template(templates_dir().string(), entry.path().filename().string());
    ASSERT_OK(t);
    std::string svg = art::render_badge_svg(sample(), *t);
    EXPECT_EQ(svg.find("{{"), std::string::npos);
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(svg.c_str()));
    EXPECT_EQ(name_lines(doc).size(), 3u);
    auto png = art::render_badge_png(svg, 64);
    ASSERT_OK(png);
    Pixels px = decode(*png);
    EXPECT_EQ(px.width, 64u);
    EXPECT_GT(px.at(32, 32)[3], 200);  // the centre is painted
  }
  EXPECT_GE(n, 2);
}

TEST(badge_art, missing_template_is_an_error) {
  EXPECT_ERROR(art::load_badge_template("/nonexistent"), "art.template");
}

}  // namespace
}  // namespace ecusson::test
