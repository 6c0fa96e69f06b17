// detail::IndicatorIndex: id → position of every indicator of a grid, built once.
//
// Grid::find_indicator is a linear scan, fine for one lookup; validation and scoring look up
// every observation, and a hostile 16 MiB grid can hold ~100,000 indicators, so they use this
// hash index instead (no quadratic time on large inputs). Borrows the grid: it must outlive
// the index and not change.
#pragma once

#include <string_view>
#include <unordered_map>

#include "ecusson/assessment/grid.h"

namespace ecusson::assessment::detail {

class IndicatorIndex {
 public:
  explicit IndicatorIndex(const Grid& g) {
    for (const auto& d : g.domains)
      for (const auto& c : d.competences)
        for (const auto& l : c.levels)
          for (const auto& i : l.indicators) map_.emplace(i.id, IndicatorRef{&d, &c, &l, &i});
  }
  const IndicatorRef* find(std::string_view id) const {
    auto it = map_.find(id);
    return it == map_.end() ? nullptr : &it->second;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, IndicatorRef, Hash, std::equal_to<>> map_;
};

}  // namespace ecusson::assessment::detail
