#include "ecusson/credentials/validity_window.h"

#include <algorithm>
#include <cmath>

#include <boost/json.hpp>

#include "ecusson/credentials/credential_view.h"
#include "ecusson/common/datetime.h"

namespace ecusson::credentials {

namespace json = boost::json;

Result<std::int64_t> numeric_date(const json::value& v) {
  auto out_of_range = [&] {
    return fail("jwt.claims",
                "date numérique hors limites (années 0001 à 9999) : " + json::serialize(v),
                json::serialize(v));
  };
  if (v.is_int64()) {
    std::int64_t n = v.get_int64();
    if (n < kMinDateSeconds || n > kMaxDateSeconds) return out_of_range();
    return n;
  }
  if (v.is_uint64()) {
    if (v.get_uint64() > static_cast<std::uint64_t>(kMaxDateSeconds)) return out_of_range();
    return static_cast<std::int64_t>(v.get_uint64());
  }
  if (v.is_double()) {
    double d = v.get_double();
    // Compared as doubles first (NaN fails both comparisons): only then converted.
    if (!(d >= static_cast<double>(kMinDateSeconds) && d <= static_cast<double>(kMaxDateSeconds)))
      return out_of_range();
    return static_cast<std::int64_t>(std::floor(d));
  }
  return fail("jwt.claims", "date numérique attendue (NumericDate), reçu : " + json::serialize(v),
              json::serialize(v));
}

void ValidityWindow::restrict_start(std::int64_t seconds, std::string source) {
  if (!start || seconds > start->seconds) start = ValidityBound{seconds, std::move(source)};
}

void ValidityWindow::restrict_end(std::int64_t seconds, std::string source) {
  if (!end || seconds < end->seconds) end = ValidityBound{seconds, std::move(source)};
}

namespace {

// Reads a date-time member into the window through the one parser of datetime.h.
template <typename Restrict>
void read_date(const json::object& o, std::string_view name, DateTimeSyntax syntax,
               std::vector<std::string>& unreadable, Restrict restrict) {
  const json::value* v = o.if_contains(name);
  if (v == nullptr) return;
  auto dt = v->is_string() ? parse_datetime(v->get_string(), syntax)
                           : Result<DateTime>(fail("datetime.invalid", "not a string"));
  if (dt) restrict(dt->seconds, std::string(name));
  else unreadable.emplace_back(name);
}

}  // namespace

ValidityWindow credential_validity_window(const json::object& credential) {
  ValidityWindow w;
  auto start = [&](std::int64_t s, std::string n) { w.restrict_start(s, std::move(n)); };
  auto end = [&](std::int64_t s, std::string n) { w.restrict_end(s, std::move(n)); };
  read_date(credential, credential.contains("validFrom") ? "validFrom" : "issuanceDate", {},
            w.unreadable_start, start);
  read_date(credential, credential.contains("validUntil") ? "validUntil" : "expirationDate", {},
            w.unreadable_end, end);
  return w;
}

void restrict_to_jwt_claims(ValidityWindow& window, const json::object& claims) {
  if (const json::value* nbf = claims.if_contains("nbf"))
    if (auto s = numeric_date(*nbf)) window.restrict_start(*s, "nbf");
  if (const json::value* exp = claims.if_contains("exp"))
    if (auto s = numeric_date(*exp)) window.restrict_end(*s, "exp");
}

ValidityWindow ob2_validity_window(const json::object& assertion) {
  ValidityWindow w;
  DateTimeSyntax iso{.iso8601 = true};
  read_date(assertion, "issuedOn", iso, w.unreadable_start,
            [&](std::int64_t s, std::string n) { w.restrict_start(s, std::move(n)); });
  read_date(assertion, "expires", iso, w.unreadable_end,
            [&](std::int64_t s, std::string n) { w.restrict_end(s, std::move(n)); });
  return w;
}

void append_validity_checks(const ValidityWindow& w, std::chrono::sys_seconds now_tp,
                            std::chrono::seconds max_clock_skew, VerificationResult& r) {
  const std::int64_t now = now_tp.time_since_epoch().count();
  // The skew is clamped so that now ± skew stays far from overflow.
  const std::int64_t skew = std::clamp<std::int64_t>(max_clock_skew.count(), 0, 366LL * 86400);
  const std::string at = "à " + format_datetime(now);
  auto when = [](const ValidityBound& b) { return format_datetime(b.seconds); };

  if (w.start && w.end && w.end->seconds < w.start->seconds)
    r.add("validity.dates", CheckStatus::failed,
          "La fin de validité (" + w.end->source + " " + when(*w.end) +
              ") précède son début (" + w.start->source + " " + when(*w.start) + ")",
          "The validity ends (" + w.end->source + ") before it starts (" + w.start->source + ")");

  if (!w.start) {
    if (w.unreadable_start.empty())
      r.add("validity.not_yet_valid", CheckStatus::passed, "Aucune date de début de validité",
            "No validity start date");
    else
      r.add("validity.not_yet_valid", CheckStatus::skipped, "Date de début illisible",
            "Start date unreadable", w.unreadable_start.front());
  } else if (now + skew < w.start->seconds) {
    r.add("validity.not_yet_valid", CheckStatus::failed,
          "Le badge n'est pas encore valide (à partir du " + when(*w.start) + ")",
          "The badge is not valid yet (from " + when(*w.start) + ")",
          w.start->source + " " + when(*w.start) + ", " + at);
  } else {
    r.add("validity.not_yet_valid", CheckStatus::passed, "Valide depuis le " + when(*w.start),
          "Valid since " + when(*w.start), w.start->source);
  }

  if (!w.unreadable_end.empty()) {
    r.add("validity.expired", CheckStatus::failed, "Date d'expiration illisible",
          "Unreadable expiry date", w.unreadable_end.front());
  } else if (!w.end) {
    r.add("validity.expired", CheckStatus::passed, "Pas de date d'expiration", "No expiry date");
  } else if (now - skew >= w.end->seconds) {
    r.add("validity.expired", CheckStatus::failed, "Le badge a expiré le " + when(*w.end),
          "The badge expired on " + when(*w.end), w.end->source + " " + when(*w.end) + ", " + at);
  } else {
    r.add("validity.expired", CheckStatus::passed, "Valide jusqu'au " + when(*w.end),
          "Valid until " + when(*w.end), w.end->source);
  }
}

}  // namespace ecusson::credentials
