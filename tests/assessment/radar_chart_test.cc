#include "ecusson/assessment/radar_chart.h"

#include <cmath>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "test_support.h"

namespace ecusson::assessment {
namespace {

struct Point {
  double x, y;
};

std::vector<Point> parse_points(const char* points) {
  std::vector<Point> out;
  std::istringstream in(points);
  std::string pair;
  while (in >> pair) {
    auto comma = pair.find(',');
    out.push_back({std::stod(pair.substr(0, comma)), std::stod(pair.substr(comma + 1))});
  }
  return out;
}

RadarChart sample(std::size_t n) {
  RadarChart c;
  c.title = "Niveaux par compétence";
  for (std::size_t i = 0; i < n; ++i) {
    c.axes.push_back({"Compétence n°" + std::to_string(i + 1) + " « écoute »", 4});
  }
  RadarSeries entry{"Entrée", {}, "", true};
  RadarSeries exit{"Sortie", {}, "", false};
  for (std::size_t i = 0; i < n; ++i) {
    entry.values.push_back(static_cast<double>(i % 3));
    exit.values.push_back(static_cast<double>(i % 5));
  }
  c.series = {entry, exit};
  return c;
}

pugi::xml_document parse_svg(const std::string& svg) {
  pugi::xml_document doc;
  pugi::xml_parse_result r = doc.load_string(svg.c_str());
  EXPECT_TRUE(r) << r.description() << " at " << r.offset << "\n" << svg;
  return doc;
}

// Expected position of value v (out of m) on axis i of n.
Point expected(double cx, double cy, double r, std::size_t i, std::size_t n, double v, double m) {
  double a = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) / n;
  return {cx + r * v / m * std::cos(a), cy + r * v / m * std::sin(a)};
}

void check_radar_geometry(std::size_t n) {
  RadarChart chart = sample(n);
  pugi::xml_document doc = parse_svg(render_radar_svg(chart));
  pugi::xml_node svg = doc.child("svg");
  ASSERT_TRUE(svg) << n;
  EXPECT_STREQ(svg.attribute("class").value(), "radar");
  double cx = svg.attribute("data-cx").as_double();
  double cy = svg.attribute("data-cy").as_double();
  double r = svg.attribute("data-r").as_double();
  ASSERT_GT(r, 0);

  std::size_t axes = 0;
  for (pugi::xpath_node x : svg.select_nodes("//line[@class='axis']")) {
    pugi::xml_node line = x.node();
    std::size_t i = line.attribute("data-axis").as_uint();
    Point tip = expected(cx, cy, r, i, n, 1, 1);
    EXPECT_NEAR(line.attribute("x2").as_double(), tip.x, 0.01);
    EXPECT_NEAR(line.attribute("y2").as_double(), tip.y, 0.01);
    ++axes;
  }
  EXPECT_EQ(axes, n);

  // One ring per level (same scale everywhere): 4 rings, ring k at k/4 of the radius.
  std::size_t rings = 0;
  for (pugi::xpath_node x : svg.select_nodes("//polygon[@class='ring']")) {
    int k = x.node().attribute("data-level").as_int();
    auto pts = parse_points(x.node().attribute("points").value());
    ASSERT_EQ(pts.size(), n);
    for (std::size_t i = 0; i < n; ++i) {
      EXPECT_NEAR(std::hypot(pts[i].x - cx, pts[i].y - cy), r * k / 4.0, 0.02);
    }
    ++rings;
  }
  EXPECT_EQ(rings, 4u);

  pugi::xpath_node_set series = svg.select_nodes("//g[@class='series']");
  ASSERT_EQ(series.size(), 2u);
  for (std::size_t s = 0; s < 2; ++s) {
    pugi::xml_node g = series[s].node();
    EXPECT_STREQ(g.attribute("data-name").value(), s == 0 ? "Entrée" : "Sortie");
    auto pts = parse_points(g.child("polygon").attribute("points").value());
    ASSERT_EQ(pts.size(), n);
    for (std::size_t i = 0; i < n; ++i) {
      double v = *chart.series[s].values[i];
      Point e = expected(cx, cy, r, i, n, v, 4);
      EXPECT_NEAR(pts[i].x, e.x, 0.01) << "n=" << n << " series " << s << " axis " << i;
      EXPECT_NEAR(pts[i].y, e.y, 0.01) << "n=" << n << " series " << s << " axis " << i;
    }
  }
  // Entry dashed, exit solid.
  EXPECT_TRUE(series[0].node().child("polygon").attribute("stroke-dasharray"));
  EXPECT_FALSE(series[1].node().child("polygon").attribute("stroke-dasharray"));

  EXPECT_EQ(svg.select_nodes("//text[@class='label']").size(), n);
}

TEST(radar_chart, three_axes_geometry) { check_radar_geometry(3); }
TEST(radar_chart, five_axes_geometry) { check_radar_geometry(5); }
TEST(radar_chart, twelve_axes_geometry) { check_radar_geometry(12); }
TEST(radar_chart, thirty_axes_geometry) { check_radar_geometry(30); }

TEST(radar_chart, first_axis_points_up_and_second_clockwise) {
  RadarChart chart = sample(4);
  pugi::xml_document doc = parse_svg(render_radar_svg(chart));
  pugi::xml_node svg = doc.child("svg");
  double cx = svg.attribute("data-cx").as_double(), cy = svg.attribute("data-cy").as_double();
  auto axis = [&](int i) {
    return svg.select_node(("//line[@class='axis'][@data-axis='" + std::to_string(i) + "']").c_str())
        .node();
  };
  EXPECT_NEAR(axis(0).attribute("x2").as_double(), cx, 0.01);
  EXPECT_LT(axis(0).attribute("y2").as_double(), cy);  // up
  EXPECT_GT(axis(1).attribute("x2").as_double(), cx);  // then right
  EXPECT_GT(axis(2).attribute("y2").as_double(), cy);  // then down
}

TEST(radar_chart, per_axis_scales_use_their_own_maximum) {
  RadarChart chart;
  chart.title = "t";
  chart.axes = {{"A", 4}, {"B", 2}, {"C", 8}};
  chart.series = {{"Sortie", {4.0, 1.0, 2.0}, "", false}};
  pugi::xml_document doc = parse_svg(render_radar_svg(chart));
  pugi::xml_node svg = doc.child("svg");
  double cx = svg.attribute("data-cx").as_double(), cy = svg.attribute("data-cy").as_double();
  double r = svg.attribute("data-r").as_double();
  auto pts = parse_points(svg.select_node("//g[@class='series']/polygon").node()
                              .attribute("points").value());
  ASSERT_EQ(pts.size(), 3u);
  EXPECT_NEAR(std::hypot(pts[0].x - cx, pts[0].y - cy), r, 0.01);        // 4/4
  EXPECT_NEAR(std::hypot(pts[1].x - cx, pts[1].y - cy), r / 2, 0.01);    // 1/2
  EXPECT_NEAR(std::hypot(pts[2].x - cx, pts[2].y - cy), r / 4, 0.01);    // 2/8
  // Different scales: a tick per level on each axis (4 + 2 + 8).
  EXPECT_EQ(svg.select_nodes("//circle[@class='tick']").size(), 14u);
}

TEST(radar_chart, missing_value_sits_at_centre_without_marker) {
  RadarChart chart = sample(3);
  chart.series[1].values[1] = std::nullopt;
  pugi::xml_document doc = parse_svg(render_radar_svg(chart));
  pugi::xml_node svg = doc.child("svg");
  double cx = svg.attribute("data-cx").as_double(), cy = svg.attribute("data-cy").as_double();
  pugi::xml_node exit = svg.select_node("//g[@class='series'][@data-series='1']").node();
  auto pts = parse_points(exit.child("polygon").attribute("points").value());
  EXPECT_NEAR(pts[1].x, cx, 0.01);
  EXPECT_NEAR(pts[1].y, cy, 0.01);
  EXPECT_FALSE(exit.select_node("circle[@data-axis='1']"));
  EXPECT_TRUE(exit.select_node("circle[@data-axis='0']"));
  EXPECT_NE(std::string(svg.child_value("desc")).find("Sortie non établi"), std::string::npos);
}

TEST(radar_chart, values_beyond_the_scale_are_clamped) {
  RadarChart chart = sample(3);
  chart.series[1].values = {9.0, -3.0, 2.0};
  pugi::xml_document doc = parse_svg(render_radar_svg(chart));
  pugi::xml_node svg = doc.child("svg");
  double cx = svg.attribute("data-cx").as_double(), cy = svg.attribute("data-cy").as_double();
  double r = svg.attribute("data-r").as_double();
  auto pts = parse_points(
      svg.select_node("//g[@data-series='1']/polygon").node().attribute("points").value());
  EXPECT_NEAR(std::hypot(pts[0].x - cx, pts[0].y - cy), r, 0.01);
  EXPECT_NEAR(std::hypot(pts[1].x - cx, pts[1].y - cy), 0, 0.01);
}

TEST(radar_chart, labels_with_markup_and_accents_are_escaped) {
  RadarChart chart = sample(3);
  chart.title = "Titre <script>alert(1)</script>";
  chart.axes[0].label = "Écouter & </text><script>x</script> « reformuler »";
  chart.series[0].name = "Entrée \"quote\" & 'apos'";
  std::string svg_text = render_radar_svg(chart);
  EXPECT_EQ(svg_text.find("<script"), std::string::npos);
  pugi::xml_document doc = parse_svg(svg_text);
  pugi::xml_node svg = doc.child("svg");
  EXPECT_STREQ(svg.child_value("title"), "Titre <script>alert(1)</script>");
  std::string label;
  for (pugi::xml_node t : svg.select_node("//text[@data-axis='0']").node().children("tspan")) {
    if (!label.empty()) label += ' ';
    label += t.child_value();
  }
  EXPECT_EQ(label, "Écouter & </text><script>x</script> « reformuler »");
  EXPECT_STREQ(svg.select_node("//g[@data-series='0']").node().attribute("data-name").value(),
               "Entrée \"quote\" & 'apos'");
}

TEST(radar_chart, long_labels_wrap_on_at_most_three_lines) {
  RadarChart chart = sample(3);
  chart.axes[1].label =
      "Prendre en compte les règles et les consignes de sécurité au travail en équipe";
  pugi::xml_document doc = parse_svg(render_radar_svg(chart));
  auto tspans = doc.select_node("//text[@data-axis='1']").node().children("tspan");
  std::size_t lines = std::distance(tspans.begin(), tspans.end());
  EXPECT_EQ(lines, 3u);
  std::string last = doc.select_node("//text[@data-axis='1']").node().last_child().child_value();
  EXPECT_TRUE(last.ends_with("…")) << last;
}

TEST(radar_chart, legend_names_every_series) {
  pugi::xml_document doc = parse_svg(render_radar_svg(sample(6)));
  std::vector<std::string> names;
  for (pugi::xml_node t : doc.child("svg").find_child_by_attribute("g", "class", "legend")
                              .children("text")) {
    names.push_back(t.child_value());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Entrée", "Sortie"}));
}

TEST(radar_chart, two_axes_fall_back_to_bars) {
  RadarChart chart = sample(2);
  chart.series[0].values = {1.0, 2.0};
  chart.series[1].values = {3.0, std::nullopt};
  pugi::xml_document doc = parse_svg(render_radar_svg(chart));
  pugi::xml_node svg = doc.child("svg");
  EXPECT_STREQ(svg.attribute("class").value(), "bars");
  EXPECT_TRUE(svg.select_nodes("//polygon").empty());
  double bar_width = svg.attribute("data-bar-width").as_double();
  ASSERT_GT(bar_width, 0);
  auto width = [&](int axis, int series) {
    std::string q = "//rect[@class='bar'][@data-axis='" + std::to_string(axis) +
                    "'][@data-series='" + std::to_string(series) + "']";
    pugi::xml_node n = svg.select_node(q.c_str()).node();
    EXPECT_TRUE(n) << q;
    return n.attribute("width").as_double();
  };
  EXPECT_NEAR(width(0, 0), bar_width / 4, 0.01);
  EXPECT_NEAR(width(1, 0), bar_width / 2, 0.01);
  EXPECT_NEAR(width(0, 1), bar_width * 3 / 4, 0.01);
  EXPECT_NEAR(width(1, 1), 0, 0.01);
}

TEST(radar_chart, one_axis_falls_back_to_bars) {
  pugi::xml_document doc = parse_svg(render_radar_svg(sample(1)));
  EXPECT_STREQ(doc.child("svg").attribute("class").value(), "bars");
  EXPECT_EQ(doc.select_nodes("//rect[@class='bar']").size(), 2u);
}

TEST(radar_chart, no_axis_gives_a_valid_empty_svg) {
  pugi::xml_document doc = parse_svg(render_radar_svg(sample(0)));
  EXPECT_STREQ(doc.child("svg").attribute("class").value(), "empty");
}

}  // namespace
}  // namespace ecusson::assessment
