#include "ecusson/baking/svg_baking.h"
#include "ecusson/baking/prepared_image.h"

#include <boost/json.hpp>
#include <cctype>
#include <optional>
#include <pugixml.hpp>
#include <vector>

#include "baking_detail.h"
#include "ecusson/common/input_format.h"

namespace ecusson::baking {

namespace {

namespace json = boost::json;

// Refuses entity declarations and internal DTD subsets before pugixml sees the text.
// pugixml never expands custom entities, but an SVG badge has no use for a DTD subset, and
// other tools that later read the same file might expand them (billion laughs, XXE).
// Declarations can only live in the prolog (before the root element), so only the prolog
// is scanned: a credential JSON that merely mentions "<!ENTITY" in a string is fine.
Result<void> check_safe_xml(std::string_view s) {
  if (s.find('\0') != std::string_view::npos)
    return fail("baking.bad_xml", "SVG refusé : seul l'UTF-8 est accepté (octet nul trouvé)");
  std::size_t i = s.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  for (;;) {
    i = s.find('<', i);
    if (i == std::string_view::npos) return {};
    if (s.substr(i).starts_with("<?")) {
      auto end = s.find("?>", i + 2);
      if (end == std::string_view::npos) return {};
      i = end + 2;
    } else if (s.substr(i).starts_with("<!--")) {
      auto end = s.find("-->", i + 4);
      if (end == std::string_view::npos) return {};
      i = end + 3;
    } else if (istarts_with(s.substr(i), "<!ENTITY")) {
      return fail("baking.unsafe_xml", "SVG refusé : il déclare des entités XML (<!ENTITY>)");
    } else if (istarts_with(s.substr(i), "<!DOCTYPE")) {
      char quote = 0;
      std::size_t j = i + 9;
      for (; j < s.size(); ++j) {
        char c = s[j];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '[') {
          return fail("baking.unsafe_xml",
                      "SVG refusé : son DOCTYPE contient des déclarations internes ([…])");
        } else if (c == '>') {
          break;
        }
      }
      i = j;
    } else {
      return {};  // the root element: the prolog is over
    }
  }
}

Result<void> load_svg(std::string_view svg, const BakingLimits& limits, pugi::xml_document& doc) {
  if (svg.size() > limits.max_image_bytes)
    return fail("baking.too_large", "image trop grande (limite " +
                                        std::to_string(limits.max_image_bytes >> 20) + " Mio)");
  if (auto ok = check_safe_xml(svg); !ok) return ok.error();
  unsigned opts = pugi::parse_default | pugi::parse_declaration | pugi::parse_comments |
                  pugi::parse_pi | pugi::parse_ws_pcdata;
  // parse_doctype is off: an (external-only) DOCTYPE is skipped, never fetched.
  pugi::xml_parse_result r = doc.load_buffer(svg.data(), svg.size(), opts, pugi::encoding_utf8);
  if (!r)
    return fail("baking.bad_xml", std::string("SVG illisible : ") + r.description(),
                "octet " + std::to_string(r.offset));
  pugi::xml_node root = doc.document_element();
  std::string_view name = root.name();
  auto colon = name.find(':');
  std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
  if (!root || local != "svg")
    return fail("baking.not_svg",
                "ce document XML n'est pas une image SVG (racine <" + std::string(name) + ">)");
  return {};
}

// Namespace URI bound to `prefix` at `node` (xmlns:prefix on the node or an ancestor).
std::string_view resolve_prefix(pugi::xml_node node, std::string_view prefix) {
  std::string attr = "xmlns:" + std::string(prefix);
  for (; node && node.type() == pugi::node_element; node = node.parent()) {
    if (pugi::xml_attribute a = node.attribute(attr.c_str())) return a.value();
  }
  return {};
}

struct BadgeElements {
  std::vector<pugi::xml_node> ob3;
  std::vector<pugi::xml_node> ob2;
};

// Finds every <P:credential> bound to the OB 3.0 namespace and <P:assertion> bound to the
// OB 2.0 one. An undeclared "openbadges" prefix is read by its usual meaning (lenient).
BadgeElements find_badge_elements(pugi::xml_document& doc) {
  struct Walker : pugi::xml_tree_walker {
    BadgeElements found;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() != pugi::node_element) return true;
      std::string_view name = n.name();
      auto colon = name.find(':');
      if (colon == std::string_view::npos) return true;
      std::string_view prefix = name.substr(0, colon), local = name.substr(colon + 1);
      if (local != "credential" && local != "assertion") return true;
      std::string_view ns = resolve_prefix(n, prefix);
      if (ns.empty() && prefix == "openbadges")
        ns = local == "credential" ? kSvgNamespaceOb3 : kSvgNamespaceOb2;
      if (local == "credential" && ns == kSvgNamespaceOb3) found.ob3.push_back(n);
      if (local == "assertion" && ns == kSvgNamespaceOb2) found.ob2.push_back(n);
      return true;
    }
  } walker;
  doc.traverse(walker);
  return std::move(walker.found);
}

std::string body_text(pugi::xml_node n) {
  std::string out;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_cdata || c.type() == pugi::node_pcdata) out += c.value();
  return std::string(trim(out));
}

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

// The URL an OB 2.0 hosted Assertion is served at: its "id", or 1.x "verify.url".
std::optional<std::string> assertion_url(std::string_view json_text) {
  json::value v;
  if (!detail::parse_json_object(json_text, v)) return std::nullopt;
  const json::object& o = v.get_object();
  if (const auto* id = o.if_contains("id");
      id && id->is_string() && looks_like_http_url(id->get_string()))
    return std::string(id->get_string());
  if (const auto* ver = o.if_contains("verify"); ver && ver->is_object())
    if (const auto* url = ver->get_object().if_contains("url");
        url && url->is_string() && looks_like_http_url(url->get_string()))
      return std::string(url->get_string());
  return std::nullopt;
}

}  // namespace

Result<std::string> bake_svg(std::string_view svg, std::string_view payload, BadgeVersion version,
                             const BakingLimits& limits) {
  std::string_view text = trim(payload);
  auto kind = detail::payload_kind(text, version, limits);
  if (!kind) return kind.error();

  pugi::xml_document doc;
  if (auto ok = load_svg(svg, limits, doc); !ok) return ok.error();
  BadgeElements old = find_badge_elements(doc);
  for (auto& n : old.ob3) n.parent().remove_child(n);
  for (auto& n : old.ob2) n.parent().remove_child(n);
  pugi::xml_node root = doc.document_element();
  // The root's "openbadges" prefix is about to be (re)bound to our namespace: any other
  // element under that prefix bound to it by the root would become a second badge.
  std::vector<pugi::xml_node> stale;
  for (const char* name : {"openbadges:credential", "openbadges:assertion"})
    for (pugi::xpath_node x : doc.select_nodes((std::string("//*[name()='") + name + "']").c_str()))
      if (resolve_prefix(x.node(), "openbadges") ==
          std::string_view(root.attribute("xmlns:openbadges").value()))
        stale.push_back(x.node());
  for (auto& n : stale) n.parent().remove_child(n);

  std::string_view ns = version == BadgeVersion::ob3 ? kSvgNamespaceOb3 : kSvgNamespaceOb2;
  pugi::xml_attribute xmlns = root.attribute("xmlns:openbadges");
  if (!xmlns) xmlns = root.append_attribute("xmlns:openbadges");
  xmlns.set_value(std::string(ns).c_str());

  pugi::xml_node el = root.prepend_child(version == BadgeVersion::ob3 ? "openbadges:credential"
                                                                      : "openbadges:assertion");
  std::string body(text);
  switch (*kind) {
    case BakedKind::ob3_json:
      el.append_child(pugi::node_cdata).set_value(body.c_str());
      break;
    case BakedKind::ob3_jws:
    case BakedKind::ob2_jws:
    case BakedKind::ob2_url:
      el.append_attribute("verify").set_value(body.c_str());
      break;
    case BakedKind::ob2_json: {
      auto url = assertion_url(text);
      if (!url)
        return fail("baking.no_assertion_url",
                    "une assertion OB 2.0 hébergée se cuit dans un SVG avec son URL (champ "
                    "\"id\" en http(s)) : elle n'en a pas");
      el.append_attribute("verify").set_value(url->c_str());
      el.append_child(pugi::node_cdata).set_value(body.c_str());
      break;
    }
  }
  StringWriter w;
  // format_no_declaration only stops pugixml from adding its own declaration; a parsed one
  // is a node and is kept. Raw format: the art's own whitespace is preserved.
  doc.save(w, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  if (w.out.starts_with("<?xml")) {
    auto end = w.out.find("?>");
    if (end != std::string::npos && w.out.compare(end + 2, 1, "\n") != 0)
      w.out.insert(end + 2, "\n");
  }
  return std::move(w.out);
}

Result<BakedPayload> unbake_svg(std::string_view svg, const BakingLimits& limits) {
  pugi::xml_document doc;
  if (auto ok = load_svg(svg, limits, doc); !ok) return ok.error();
  BadgeElements found = find_badge_elements(doc);
  if (found.ob3.size() > 1 || found.ob2.size() > 1)
    return fail(
        "baking.ambiguous",
        "SVG ambigu : plusieurs éléments de badge (la spécification en interdit plus d'un)");
  if (!found.ob3.empty()) {
    pugi::xml_node n = found.ob3.front();
    std::string verify(trim(n.attribute("verify").value()));
    std::string text = verify.empty() ? body_text(n) : verify;
    auto kind = detail::payload_kind(text, BadgeVersion::ob3, limits);
    if (!kind) return kind.error();
    return BakedPayload{*kind, std::move(text), {}};
  }
  if (!found.ob2.empty()) {
    pugi::xml_node n = found.ob2.front();
    std::string verify(trim(n.attribute("verify").value()));
    std::string body = body_text(n);
    std::string text = body.empty() ? verify : body;
    auto kind = detail::payload_kind(text, BadgeVersion::ob2, limits);
    if (!kind) return kind.error();
    return BakedPayload{*kind, std::move(text), body.empty() ? std::string() : verify};
  }
  return fail("baking.not_baked", "cette image SVG ne contient pas de badge");
}

}  // namespace ecusson::baking

namespace ecusson::baking {

Result<PreparedSvg> PreparedSvg::prepare(std::string_view svg, BadgeVersion version,
                                         const BakingLimits& limits) {
  PreparedSvg p;
  p.svg_ = std::string(svg);
  p.version_ = version;
  p.limits_ = limits;
  // Baked once with a marker object, found again in the output: what surrounds it is the
  // same for any JSON credential (a CDATA section holding the text as it is).
  const std::string marker = "{\"ecusson-prepared-svg\":\"\\u0001\"}";
  auto baked = bake_svg(svg, marker, version, limits);
  if (!baked) return baked.error();
  auto at = baked->find("<![CDATA[" + marker + "]]>");
  if (at == std::string::npos || version != BadgeVersion::ob3) return p;  // bake_svg each time
  p.head_ = baked->substr(0, at + 9);
  p.tail_ = baked->substr(at + 9 + marker.size());
  return p;
}

Result<std::string> PreparedSvg::bake(std::string_view payload) const {
  std::string_view text = trim(payload);
  if (head_.empty()) return bake_svg(svg_, payload, version_, limits_);
  auto kind = detail::payload_kind(text, version_, limits_);
  if (!kind) return kind.error();
  if (*kind != BakedKind::ob3_json) return bake_svg(svg_, payload, version_, limits_);
  std::string out;
  out.reserve(head_.size() + text.size() + tail_.size() + 16);
  out.append(head_);
  // "]]>" cannot appear in a CDATA section: split it, as pugixml writes it.
  for (std::size_t from = 0;;) {
    auto end = text.find("]]>", from);
    if (end == std::string_view::npos) {
      out.append(text.substr(from));
      break;
    }
    out.append(text.substr(from, end - from));
    out.append("]]]]><![CDATA[>");
    from = end + 3;
  }
  out.append(tail_);
  return out;
}

}  // namespace ecusson::baking
