// Strong identifiers: a StudentId cannot be passed where a BoothId is expected.
#pragma once

#include <compare>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace jobfair {

template <class Tag>
class StrongId {
  public:
    StrongId() = default;
    explicit StrongId(std::string value) : value_(std::move(value)) {}

    const std::string& str() const { return value_; }
    bool empty() const { return value_.empty(); }

    friend auto operator<=>(const StrongId&, const StrongId&) = default;
    friend std::ostream& operator<<(std::ostream& out, const StrongId& id) {
        return out << id.value_;
    }

  private:
    std::string value_;
};

struct StudentTag {};
struct BoothTag {};

using StudentId = StrongId<StudentTag>;
using BoothId = StrongId<BoothTag>;

}  // namespace jobfair

template <class Tag>
struct std::hash<jobfair::StrongId<Tag>> {
    size_t operator()(const jobfair::StrongId<Tag>& id) const noexcept {
        return std::hash<std::string>{}(id.str());
    }
};
