// Error: what went wrong with input Ecusson cannot use at all.
//
// An Error is a value (style C5): a stable machine code ("grid.duplicate_id",
// "jose.bad_base64url"), where it happened (file:line:column for XML/CSV, a JSON
// pointer for JSON), and a message for people. Refusing a badge is not an Error
// (see badges/verification_result.h): Error is for unusable input and usage.
// Plain value type; thread-compatible.
#pragma once

#include <string>
#include <utility>

namespace ecusson {

struct Error {
  /// Stable code, dotted, lower case: "<area>.<what>". Used by the JSON API and as a
  /// key of the message catalogues; never change an existing code's meaning.
  std::string code;
  /// Where: "file.xml:12:7", "batch.csv:4:email", "/credentialSubject/id", or empty.
  std::string where;
  /// Human message (French by default where the producer knows the language).
  std::string message;

  Error() = default;
  Error(std::string c, std::string msg, std::string at = {})
      : code(std::move(c)), where(std::move(at)), message(std::move(msg)) {}

  /// "where: message [code]" (or "message [code]" when `where` is empty).
  std::string to_string() const;
};

}  // namespace ecusson
