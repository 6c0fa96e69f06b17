// JSON numbers read and written exactly as ECMAScript (and so JSON-LD and JCS) does.
//
// Signatures over JSON-LD (RDFC-1.0) and over JCS (RFC 8785) cover the text of numbers, so
// a number must be read to the same double and printed with the same characters as the
// JavaScript implementations that verify our credentials: parse_number() is correctly
// rounded (round to nearest, ties to even, as ECMAScript's StringToNumber and strtod), and
// format_number() / format_exponential() are ECMAScript's Number::toString and
// Number.prototype.toExponential. All functions are pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "ecusson/result.h"

namespace ecusson {

/// ECMAScript Number::toString(x) (ECMA-262 §6.1.6.1.20), which is also the RFC 8785 (JCS)
/// serialisation of a number: the shortest digits that read back to x, written in full for
/// 1e-7 < |x| < 1e21, otherwise as d.ddde±n. -0 gives "0". JSON cannot carry the
/// non-finite values; they give ECMAScript's "NaN", "Infinity" and "-Infinity" (never valid
/// JSON: callers writing JSON must refuse or replace them first, as jcs_serialize does).
/// Example: format_number(1e21) == "1e+21", format_number(0.1 + 0.2) == "0.30000000000000004",
/// format_number(123456789012345680000.0) == "123456789012345680000".
[[nodiscard]] std::string format_number(double x);

/// Appends format_number(x) to out (no temporary string).
/// Example: std::string s = "["; append_number(s, 1e-7); // s == "[1e-7"
void append_number(std::string& out, double x);

/// ECMAScript Number.prototype.toExponential(fraction_digits) (ECMA-262 §21.1.3.2) for
/// finite x and 0 <= fraction_digits <= 100: one digit, a point (unless fraction_digits is
/// 0), fraction_digits digits, "e", the exponent with its sign. The exact value of x is
/// rounded to that many digits with ties away from zero, as the spec says ("pick the larger
/// n") and V8 does; printf's "%.*e" rounds ties to even instead. Non-finite x give
/// format_number(x); fraction_digits outside 0..100 is clamped.
/// Example: format_exponential(1.0000152587890625, 15) == "1.000015258789063e+0".
[[nodiscard]] std::string format_exponential(double x, int fraction_digits);

/// Reads one JSON number (RFC 8259 grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?,
/// the whole text and nothing else) to the nearest double, ties to even, with
/// std::from_chars. Values too small for a double give 0 (or -0) as in ECMAScript.
/// Fails with "number.syntax" (not a JSON number: "+1", "1.", ".5", "inf", "0x10", "")
/// or "number.out_of_range" (|value| rounds above the largest double, e.g. "1e400", where
/// ECMAScript would give Infinity, which JSON cannot carry); `where` is the text.
/// Example: *parse_number("9007199254740993") == 9007199254740992.0 (2^53 + 1 is a tie,
/// rounded to the even neighbour); parse_number("1e400") fails with "number.out_of_range".
[[nodiscard]] Result<double> parse_number(std::string_view text);

}  // namespace ecusson
