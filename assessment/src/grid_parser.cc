// <competenceGrid> (urn:ecusson:grid:1): reading and validation (docs/formats.md §2).
#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>

#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/messages.h"
#include "indicator_index.h"
#include "parsers.h"

namespace ecusson::assessment {
namespace detail {
namespace {

constexpr Rational kMaxWeight = Rational(1'000'000);
// Bounds that keep validation and scoring linear on hostile files (docs/formats.md §4).
constexpr std::size_t kMaxLevels = 100;
constexpr std::size_t kMaxRatingValues = 100;

bool is_semver(std::string_view v) {
  static const std::regex re(R"(^\d{1,9}\.\d{1,9}\.\d{1,9}(-[0-9A-Za-z.-]+)?$)");
  return std::regex_match(v.begin(), v.end(), re);
}

bool is_rome(std::string_view v) {
  return v.size() == 5 && v[0] >= 'A' && v[0] <= 'N' &&
         std::all_of(v.begin() + 1, v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class GridParser {
 public:
  explicit GridParser(const XmlReader& r) : r_(r) {}

  Result<Grid> run() {
    pugi::xml_node root = r_.root();
    Grid g;
    g.source_file = r_.file();
    g.pos = r_.pos(root);
    ECUSSON_TRY(r_.check_attributes(root, {"id", "version", "lang", "status", "published"}));
    ECUSSON_TRY(r_.check_children(root, {"title", "source", "frameworks", "levelScale", "ratingScale",
                                         "scoringPolicy", "domain", "contextualisation"}));
    auto id = r_.required_id(root, "id");
    if (!id) return id.error();
    g.id = *id;
    auto version = r_.required(root, "version");
    if (!version) return version.error();
    if (!is_semver(*version)) return r_.error("grid.bad_version", r_.at(root.attribute("version")), {*version});
    g.version = *version;
    g.lang = r_.optional(root, "lang");
    if (g.lang.empty()) g.lang = "fr";

    for (const char* once : {"title", "source", "frameworks", "scoringPolicy"})
      ECUSSON_TRY(r_.optional_child(root, once));

    // Document order: a reference must follow its declaration ("declared before use").
    for (pugi::xml_node c : root.children()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = c.name();
      if (name == "title") {
        ECUSSON_TRY(r_.check_attributes(c, {}));
        auto t = r_.text(c);
        if (!t) return t.error();
        g.title = *t;
      } else if (name == "source") {
        ECUSSON_TRY(r_.check_attributes(c, {"name", "url", "relation", "note"}));
        ECUSSON_TRY(r_.check_children(c, {}));
        auto n = r_.required(c, "name");
        if (!n) return n.error();
        g.source_name = *n;
        g.source_url = r_.optional(c, "url");
        g.source_note = r_.optional(c, "note");
      } else if (name == "frameworks") {
        ECUSSON_TRY(read_frameworks(c, g));
      } else if (name == "levelScale") {
        ECUSSON_TRY(read_level_scale(c, g));
      } else if (name == "ratingScale") {
        ECUSSON_TRY(read_rating_scale(c, g));
      } else if (name == "scoringPolicy") {
        auto p = read_policy(r_, c);
        if (!p) return p.error();
        g.policy = std::move(*p);
      } else if (name == "domain") {
        ECUSSON_TRY(read_domain(c, g));
      } else if (name == "contextualisation") {
        pending_contexts_.push_back(c);
      }
    }
    if (g.competence_count() == 0) return r_.error("grid.no_competence", r_.at(root));
    // Overrides may come after the domains: resolved once every indicator is known.
    detail::IndicatorIndex index(g);
    for (pugi::xml_node c : pending_contexts_) ECUSSON_TRY(read_contextualisation(c, g, index));
    return g;
  }

 private:
  // Ids of domains, competences and indicators share one space across the grid.
  Result<void> claim(std::map<std::string, SourcePos, std::less<>>& ids, const std::string& id,
                     pugi::xml_node n, const char* attr) {
    auto [it, inserted] = ids.emplace(id, r_.pos(n));
    if (!inserted)
      return r_.error("grid.duplicate_id", r_.at(n.attribute(attr)),
                      {id, std::to_string(it->second.line)});
    return {};
  }

  Result<Alignment> read_alignment(pugi::xml_node n, const Grid& g) {
    ECUSSON_TRY(r_.check_attributes(n, {"framework", "code", "label", "match"}));
    ECUSSON_TRY(r_.check_children(n, {}));
    Alignment a;
    a.pos = r_.pos(n);
    auto fw = r_.required(n, "framework");
    if (!fw) return fw.error();
    const Framework* f = g.find_framework(*fw);
    if (f == nullptr) return r_.error("grid.unknown_framework", r_.at(n.attribute("framework")), {*fw});
    a.framework = *fw;
    auto code = r_.required(n, "code");
    if (!code) return code.error();
    a.code = *code;
    a.label = r_.optional(n, "label");
    a.match = r_.optional(n, "match");
    if (a.match.empty()) a.match = "related";
    if (a.match != "exact" && a.match != "related" && a.match != "broader" && a.match != "narrower")
      return r_.error("xml.bad_value", r_.at(n.attribute("match")),
                      {a.match, "match", "exact | related | broader | narrower"});
    if (!f->uri_base.empty()) a.url = f->uri_base + a.code;
    return a;
  }

  Result<void> read_frameworks(pugi::xml_node n, Grid& g) {
    ECUSSON_TRY(r_.check_attributes(n, {}));
    ECUSSON_TRY(r_.check_children(n, {"framework"}));
    for (pugi::xml_node f : n.children("framework")) {
      ECUSSON_TRY(r_.check_attributes(f, {"id", "name", "version", "uriBase"}));
      ECUSSON_TRY(r_.check_children(f, {}));
      Framework fw;
      fw.pos = r_.pos(f);
      auto id = r_.required_id(f, "id");
      if (!id) return id.error();
      ECUSSON_TRY(claim(framework_ids_, *id, f, "id"));
      fw.id = *id;
      auto name = r_.required(f, "name");
      if (!name) return name.error();
      fw.name = *name;
      auto version = r_.required(f, "version");
      if (!version) return version.error();
      fw.version = *version;
      fw.uri_base = r_.optional(f, "uriBase");
      g.frameworks.push_back(std::move(fw));
    }
    return {};
  }

  Result<void> read_level_scale(pugi::xml_node n, Grid& g) {
    ECUSSON_TRY(r_.check_attributes(n, {"id"}));
    ECUSSON_TRY(r_.check_children(n, {"level"}));
    LevelScale s;
    s.pos = r_.pos(n);
    auto id = r_.required_id(n, "id");
    if (!id) return id.error();
    ECUSSON_TRY(claim(scale_ids_, *id, n, "id"));
    s.id = *id;
    std::map<std::string, SourcePos, std::less<>> codes;
    ECUSSON_TRY(r_.check_count(n, "level", kMaxLevels));
    for (pugi::xml_node l : n.children("level")) {
      ECUSSON_TRY(r_.check_attributes(l, {"n", "code", "label"}));
      ECUSSON_TRY(r_.check_children(l, {"alignment"}));
      LevelScale::Step step;
      step.pos = r_.pos(l);
      auto num = r_.integer(l, "n");
      if (!num) return num.error();
      int expected = static_cast<int>(s.levels.size()) + 1;
      if (!*num) return r_.error("xml.missing_attribute", r_.at(l), {"n", "level"});
      if (**num != expected)
        return r_.error("grid.bad_scale", r_.at(l.attribute("n")),
                        {s.id, r_.tr("niveaux attendus dans l'ordre 1, 2, 3… ; ici n=",
                                  "levels expected in order 1, 2, 3…; here n=") +
                                   std::to_string(**num) + r_.tr(" au lieu de ", " instead of ") +
                                   std::to_string(expected)});
      step.n = **num;
      step.code = r_.optional(l, "code");
      if (!step.code.empty()) ECUSSON_TRY(claim(codes, step.code, l, "code"));
      auto label = r_.required(l, "label");
      if (!label) return label.error();
      step.label = *label;
      for (pugi::xml_node a : l.children("alignment")) {
        auto al = read_alignment(a, g);
        if (!al) return al.error();
        step.alignments.push_back(std::move(*al));
      }
      s.levels.push_back(std::move(step));
    }
    if (s.levels.empty())
      return r_.error("grid.bad_scale", r_.at(n),
                      {s.id, r_.tr("au moins un <level> est attendu", "at least one <level> is expected")});
    g.level_scales.push_back(std::move(s));
    return {};
  }

  Result<void> read_rating_scale(pugi::xml_node n, Grid& g) {
    ECUSSON_TRY(r_.check_attributes(n, {"id"}));
    ECUSSON_TRY(r_.check_children(n, {"value"}));
    RatingScale s;
    s.pos = r_.pos(n);
    auto id = r_.required_id(n, "id");
    if (!id) return id.error();
    ECUSSON_TRY(claim(rating_ids_, *id, n, "id"));
    s.id = *id;
    std::map<std::string, SourcePos, std::less<>> codes;
    std::map<int, SourcePos> ranks;
    ECUSSON_TRY(r_.check_count(n, "value", kMaxRatingValues));
    for (pugi::xml_node v : n.children("value")) {
      ECUSSON_TRY(r_.check_attributes(v, {"code", "label", "rank", "meets", "observed"}));
      ECUSSON_TRY(r_.check_children(v, {}));
      RatingValue rv;
      rv.pos = r_.pos(v);
      auto code = r_.required(v, "code");
      if (!code) return code.error();
      ECUSSON_TRY(claim(codes, *code, v, "code"));
      rv.code = *code;
      auto label = r_.required(v, "label");
      if (!label) return label.error();
      rv.label = *label;
      auto observed = r_.boolean(v, "observed", true);
      if (!observed) return observed.error();
      rv.observed = *observed;
      auto meets = r_.boolean(v, "meets", false);
      if (!meets) return meets.error();
      rv.meets = *meets;
      auto rank = r_.integer(v, "rank");
      if (!rank) return rank.error();
      if (rv.observed) {
        if (!*rank) return r_.error("xml.missing_attribute", r_.at(v), {"rank", "value"});
        rv.rank = **rank;
        auto [it, inserted] = ranks.emplace(rv.rank, rv.pos);
        if (!inserted)
          return r_.error("grid.bad_scale", r_.at(v.attribute("rank")),
                          {s.id, r_.tr("rang ", "rank ") + std::to_string(rv.rank) +
                                     r_.tr(" déjà utilisé ligne ", " already used on line ") +
                                     std::to_string(it->second.line)});
      } else {
        if (*rank || rv.meets)
          return r_.error("grid.bad_scale", r_.at(v),
                          {s.id, r_.tr("une valeur observed=\"false\" n'a ni rank ni meets",
                                    "a value with observed=\"false\" has neither rank nor meets")});
      }
      s.values.push_back(std::move(rv));
    }
    // At least one meeting value, and "meets" must be monotonic in rank.
    bool any_meets = false;
    for (const auto& v : s.values) any_meets = any_meets || v.meets;
    if (!any_meets)
      return r_.error("grid.bad_scale", r_.at(n),
                      {s.id, r_.tr("au moins une valeur meets=\"true\" est attendue",
                                "at least one value with meets=\"true\" is expected")});
    int threshold = s.min_meeting_rank();
    for (const auto& v : s.values) {
      if (v.observed && !v.meets && v.rank > threshold)
        return r_.error("grid.bad_scale", r_.at(v.pos),
                        {s.id, r_.tr("une valeur de rang supérieur à une valeur qui satisfait doit aussi avoir meets=\"true\"",
                                  "a value ranked above a meeting value must also have meets=\"true\"")});
    }
    g.rating_scales.push_back(std::move(s));
    return {};
  }

  Result<void> read_domain(pugi::xml_node n, Grid& g) {
    ECUSSON_TRY(r_.check_attributes(n, {"id", "label", "order"}));
    ECUSSON_TRY(r_.check_children(n, {"competence"}));
    Domain d;
    d.pos = r_.pos(n);
    auto id = r_.required_id(n, "id");
    if (!id) return id.error();
    ECUSSON_TRY(claim(ids_, *id, n, "id"));
    d.id = *id;
    auto label = r_.required(n, "label");
    if (!label) return label.error();
    d.label = *label;
    ECUSSON_TRY(r_.integer(n, "order"));
    for (pugi::xml_node c : n.children("competence")) {
      auto comp = read_competence(c, g);
      if (!comp) return comp.error();
      d.competences.push_back(std::move(*comp));
    }
    if (d.competences.empty())
      return r_.error("xml.missing_element", r_.at(n), {"competence", "domain"});
    g.domains.push_back(std::move(d));
    return {};
  }

  Result<Competence> read_competence(pugi::xml_node n, const Grid& g) {
    ECUSSON_TRY(r_.check_attributes(n, {"id", "label", "levelScale", "ratingScale", "gradingModel", "order"}));
    ECUSSON_TRY(r_.check_children(n, {"description", "alignment", "level"}));
    Competence c;
    c.pos = r_.pos(n);
    auto id = r_.required_id(n, "id");
    if (!id) return id.error();
    ECUSSON_TRY(claim(ids_, *id, n, "id"));
    c.id = *id;
    auto label = r_.required(n, "label");
    if (!label) return label.error();
    c.label = *label;
    c.grading_model = r_.optional(n, "gradingModel");
    ECUSSON_TRY(r_.integer(n, "order"));
    auto scale_id = r_.required(n, "levelScale");
    if (!scale_id) return scale_id.error();
    const LevelScale* scale = g.find_level_scale(*scale_id);
    if (scale == nullptr)
      return r_.error("grid.unknown_level_scale", r_.at(n.attribute("levelScale")), {*scale_id});
    c.level_scale = *scale_id;
    std::string rating = r_.optional(n, "ratingScale");
    if (rating.empty()) {
      if (g.rating_scales.empty())
        return r_.error("grid.unknown_rating_scale", r_.at(n), {"?"});
      if (g.rating_scales.size() > 1)
        return r_.error("xml.missing_attribute", r_.at(n), {"ratingScale", "competence"});
      c.rating_scale = g.rating_scales.front().id;
    } else {
      if (g.find_rating_scale(rating) == nullptr)
        return r_.error("grid.unknown_rating_scale", r_.at(n.attribute("ratingScale")), {rating});
      c.rating_scale = rating;
    }
    auto desc = r_.optional_child(n, "description");
    if (!desc) return desc.error();
    if (*desc) {
      ECUSSON_TRY(r_.check_attributes(*desc, {}));
      auto t = r_.text(*desc);
      if (!t) return t.error();
      c.description = *t;
    }
    for (pugi::xml_node a : n.children("alignment")) {
      auto al = read_alignment(a, g);
      if (!al) return al.error();
      c.alignments.push_back(std::move(*al));
    }
    std::map<int, SourcePos> seen;
    for (pugi::xml_node l : n.children("level")) {
      auto lvl = read_level(l, c, *scale);
      if (!lvl) return lvl.error();
      auto [it, inserted] = seen.emplace(lvl->n, lvl->pos);
      if (!inserted)
        return r_.error("grid.level_mismatch", r_.at(l.attribute("n")),
                        {c.id, r_.tr("niveau ", "level ") + std::to_string(lvl->n) +
                                   r_.tr(" en double (ligne ", " repeated (line ") +
                                   std::to_string(it->second.line) + ")"});
      c.levels.push_back(std::move(*lvl));
    }
    // Every level of the scale is described (any N, never assume 4).
    for (const auto& step : scale->levels) {
      if (!seen.count(step.n))
        return r_.error("grid.level_mismatch", r_.at(n),
                        {c.id, r_.tr("le niveau ", "level ") + std::to_string(step.n) +
                                   r_.tr(" de l'échelle « ", " of scale \"") + scale->id +
                                   r_.tr(" » n'est pas décrit", "\" is not described")});
    }
    std::sort(c.levels.begin(), c.levels.end(), [](const Level& a, const Level& b) { return a.n < b.n; });
    return c;
  }

  Result<Level> read_level(pugi::xml_node n, const Competence& c, const LevelScale& scale) {
    ECUSSON_TRY(r_.check_attributes(n, {"n", "label"}));
    ECUSSON_TRY(r_.check_children(n, {"descriptor", "indicator"}));
    Level l;
    l.pos = r_.pos(n);
    auto num = r_.integer(n, "n");
    if (!num) return num.error();
    if (!*num) return r_.error("xml.missing_attribute", r_.at(n), {"n", "level"});
    const LevelScale::Step* step = scale.find(**num);
    if (step == nullptr)
      return r_.error("grid.level_mismatch", r_.at(n.attribute("n")),
                      {c.id, r_.tr("le niveau ", "level ") + std::to_string(**num) +
                                 r_.tr(" n'existe pas dans l'échelle « ", " does not exist in scale \"") +
                                 scale.id + r_.tr(" » (1 à ", "\" (1 to ") +
                                 std::to_string(scale.max_level()) + ")"});
    l.n = **num;
    l.label = r_.optional(n, "label");
    if (l.label.empty()) l.label = step->label;
    auto desc = r_.optional_child(n, "descriptor");
    if (!desc) return desc.error();
    if (*desc) {
      ECUSSON_TRY(r_.check_attributes(*desc, {}));
      auto t = r_.text(*desc);
      if (!t) return t.error();
      l.descriptor = *t;
    }
    for (pugi::xml_node i : n.children("indicator")) {
      ECUSSON_TRY(r_.check_attributes(i, {"id", "weight", "critical"}));
      Indicator ind;
      ind.pos = r_.pos(i);
      auto id = r_.required_id(i, "id");
      if (!id) return id.error();
      ECUSSON_TRY(claim(ids_, *id, i, "id"));
      ind.id = *id;
      if (auto w = i.attribute("weight")) {
        auto parsed = Rational::parse(w.value());
        if (!parsed || parsed->is_zero() || *parsed > kMaxWeight)
          return r_.error("grid.bad_weight", r_.at(w), {w.value()});
        ind.weight = *parsed;
      }
      auto crit = r_.boolean(i, "critical", false);
      if (!crit) return crit.error();
      ind.critical = *crit;
      auto t = r_.text(i);
      if (!t) return t.error();
      if (t->empty())
        return r_.error("xml.bad_value", r_.at(i),
                        {"", "indicator", r_.tr("le texte observable de l'indicateur",
                                             "the indicator's observable wording")});
      ind.label = *t;
      l.indicators.push_back(std::move(ind));
    }
    if (l.indicators.empty())
      return r_.error("grid.empty_level", r_.at(n), {std::to_string(l.n), c.id});
    return l;
  }

  Result<void> read_contextualisation(pugi::xml_node n, Grid& g, const IndicatorIndex& index) {
    ECUSSON_TRY(r_.check_attributes(n, {"rome", "label"}));
    ECUSSON_TRY(r_.check_children(n, {"indicatorOverride"}));
    Contextualisation ctx;
    ctx.pos = r_.pos(n);
    auto rome = r_.required(n, "rome");
    if (!rome) return rome.error();
    if (!is_rome(*rome))
      return r_.error("xml.bad_value", r_.at(n.attribute("rome")),
                      {*rome, "rome", r_.tr("un code ROME (une lettre A à N et 4 chiffres, ex. K2204)",
                                         "a ROME code (a letter A to N and 4 digits, e.g. K2204)")});
    ECUSSON_TRY(claim(rome_ids_, *rome, n, "rome"));
    ctx.rome = *rome;
    ctx.label = r_.optional(n, "label");
    std::map<std::string, SourcePos, std::less<>> refs;
    for (pugi::xml_node o : n.children("indicatorOverride")) {
      ECUSSON_TRY(r_.check_attributes(o, {"ref"}));
      Contextualisation::Override ov;
      ov.pos = r_.pos(o);
      auto ref = r_.required(o, "ref");
      if (!ref) return ref.error();
      if (!index.find(*ref))
        return r_.error("grid.unknown_indicator", r_.at(o.attribute("ref")), {*ref});
      ECUSSON_TRY(claim(refs, *ref, o, "ref"));
      ov.ref = *ref;
      auto t = r_.text(o);
      if (!t) return t.error();
      if (t->empty())
        return r_.error("xml.bad_value", r_.at(o),
                        {"", "indicatorOverride", r_.tr("le texte de remplacement", "the replacement wording")});
      ov.label = *t;
      ctx.overrides.push_back(std::move(ov));
    }
    g.contextualisations.push_back(std::move(ctx));
    return {};
  }

  const XmlReader& r_;
  std::map<std::string, SourcePos, std::less<>> ids_, framework_ids_, scale_ids_, rating_ids_, rome_ids_;
  std::vector<pugi::xml_node> pending_contexts_;
};

}  // namespace
}  // namespace detail

Result<Grid> parse_grid(std::string_view xml, std::string_view file_name, const ParseOptions& options) {
  detail::XmlReader r(file_name, options);
  auto loaded = r.load(xml, "competenceGrid", detail::kGridNamespace);
  if (!loaded) return loaded.error();
  return detail::GridParser(r).run();
}

Result<Grid> load_grid(const std::string& path, const ParseOptions& options) {
  auto text = detail::read_file_capped(path, options);
  if (!text) return text.error();
  return parse_grid(*text, path, options);
}

Result<Grid> find_grid(const std::filesystem::path& dir, std::string_view id, std::string_view version,
                       const ParseOptions& options) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() > 9 && name.ends_with(".grid.xml")) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::string versions;  // other versions of the same grid id, for the message
  for (const auto& f : files) {
    auto text = detail::read_file_capped(f.string(), options);
    if (!text) continue;
    auto g = parse_grid(*text, f.string(), options);
    if (g) {
      if (g->id == id && g->version == version) return g;
      if (g->id == id) versions += (versions.empty() ? "" : ", ") + g->version;
      continue;
    }
    // A broken file is reported only when it claims to be the wanted grid.
    if (text->find("id=\"" + std::string(id) + "\"") != std::string::npos &&
        text->find("version=\"" + std::string(version) + "\"") != std::string::npos)
      return g.error();
  }
  if (versions.empty()) versions = std::string(tr(options.lang, "aucune", "none"));
  return make_error("grid.not_found", options.lang, dir.string(),
                    {id, version, dir.string(), versions});
}

}  // namespace ecusson::assessment
